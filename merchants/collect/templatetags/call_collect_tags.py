"""The call & collect block of a merchant's profile."""

from django import template

from home.caching import share_until
from merchants.collect.public import (
    block_context,
    first_slot_ends_bookable,
    offers_call_collect,
    source_merchant,
)
from merchants.open_periods import current_time

register = template.Library()


@register.inclusion_tag("call_collect/includes/merchant_block.html", takes_context=True)
def call_collect_block(context):
    """ "Appeler", "Être rappelé" and, when the shop publishes slots, "Réserver un créneau
    de retrait". Three queries (templates, exceptions, taken seats) and one more on a
    translated page (its French page), whatever the number of bookings."""
    page = context["page"]
    request = context.get("request")
    # A preview (Wagtail's or the portal's) shows the merchant's content, not forms that
    # would send real requests to the live page.
    if getattr(request, "is_preview", False) or not offers_call_collect(page):
        return {"enabled": False}
    source = source_merchant(page, request)
    if source is None:
        return {"enabled": False}
    block = block_context(page, source)
    # A shared copy of the page offers its first slot only while it can be booked.
    share_until(request, first_slot_ends_bookable(block["slot_days"]), current_time())
    return {"enabled": True, "request": request, **block}


@register.simple_tag
def slot_checked(form, slot):
    """Whether ``slot`` is the one chosen in the form shown again."""
    value = form["slot"].value() if form.is_bound else None
    return "checked" if value == slot.value else ""
