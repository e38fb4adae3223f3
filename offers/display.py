"""An offer's price and availability in words, in the active language."""

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from offers.choices import MONTHS, Availability, PriceMode, Unit
from offers.prices import format_price


def price_text(offer, language=None):
    """ "3,50 € la pièce", "à partir de 12 €", "de 8 € à 15 €", "Prix sur demande"
    (French); "€3.50 each", "from €12"... (English)."""
    language = language or get_language() or "fr"
    if offer.price_mode == PriceMode.ON_REQUEST or offer.price is None:
        return _("Prix sur demande")
    price = format_price(offer.price, language)
    if offer.price_mode == PriceMode.RANGE and offer.price_max not in (None, offer.price):
        text = _("de %(low)s à %(high)s") % {
            "low": price,
            "high": format_price(offer.price_max, language),
        }
    elif offer.price_mode == PriceMode.FROM:
        text = _("à partir de %(price)s") % {"price": price}
    else:
        text = price
    if offer.unit:
        text = f"{text} {Unit(offer.unit).label}"
    return text


def availability_text(offer):
    """ "En stock", "Sur commande", "Saisonnier : décembre, janvier", "Plus que 3"."""
    if offer.availability == Availability.SEASONAL:
        months = [str(label) for month, label in MONTHS if month in offer.season]
        return _("De saison : %(months)s") % {"months": ", ".join(months)}
    if offer.availability == Availability.LIMITED:
        if not offer.stock_quantity:
            return _("Épuisé")
        return ngettext(
            "Stock limité : %(count)s disponible",
            "Stock limité : %(count)s disponibles",
            offer.stock_quantity,
        ) % {"count": offer.stock_quantity}
    return str(Availability(offer.availability).label)
