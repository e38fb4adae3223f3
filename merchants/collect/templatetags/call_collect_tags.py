"""The call & collect block of a merchant's profile, and accessible form fields."""

from django import forms, template

from merchants.collect.public import block_context, offers_call_collect, source_merchant

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
    return {"enabled": True, "request": request, **block_context(page, source)}


@register.inclusion_tag("call_collect/includes/field.html")
def collect_field(field, extra_class=""):
    """A field with its label, help text and errors, both linked to the input with
    ``aria-describedby`` (Django links the help text only)."""
    widget = field.field.widget
    described_by = []
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs),
        "described_by": " ".join(described_by),
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
        "is_choice_list": isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect),
        "extra_class": extra_class,
    }


@register.simple_tag
def slot_checked(form, slot):
    """Whether ``slot`` is the one chosen in the form shown again."""
    value = form["slot"].value() if form.is_bound else None
    return "checked" if value == slot.value else ""
