from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from offers.page_context import merchant_offers


@hooks.register("merchant_profile_sections_after_hours")
def merchant_offers_section(page, request):
    """The shop's visible offers, on its profile after the hours and address."""
    cards = merchant_offers(page, request)
    if not cards:
        return ""
    return render_to_string(
        "offers/includes/merchant_offers.html",
        {"cards": cards, "request": request},
        request=request,
    )


@hooks.register("merchant_portal_menu_items")
def portal_menu_item():
    return ("merchant_offers:list", _("Mes offres"))
