"""schema.org ``Product`` (or ``Service``) with its ``Offer``, for search engines.

Emitted with ``{% json_ld %}`` (``home.templatetags.structured_data_tags``): allowed by
its hash in the Content-Security-Policy, so it stays valid in cached pages."""

import datetime

from merchants.opening_hours import PARIS
from offers.choices import Availability, OfferKind, PriceMode

SCHEMA = "https://schema.org/"
AVAILABILITY = {
    Availability.IN_STOCK: "InStock",
    Availability.TO_ORDER: "MadeToOrder",
    Availability.SEASONAL: "InStock",  # shown only in season
    Availability.LIMITED: "LimitedAvailability",
}


def _amount(value):
    return f"{value:.2f}"


def schema_availability(offer):
    if offer.availability == Availability.LIMITED and not offer.stock_quantity:
        return SCHEMA + "SoldOut"
    return SCHEMA + AVAILABILITY.get(offer.availability, "InStock")


def offer_structured_data(offer, merchant, request=None):
    """A JSON-serialisable dict describing ``offer``, sold by ``merchant``."""
    url = offer.get_full_url(request)
    deal = {
        "@type": "Offer",
        "url": url,
        "priceCurrency": "EUR",
        "availability": schema_availability(offer),
        "seller": {
            "@type": "LocalBusiness",
            "name": merchant.title,
            "url": merchant.get_full_url(request),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": merchant.street_address,
                "postalCode": merchant.postcode,
                "addressLocality": merchant.commune.name,
                "addressCountry": "FR",
            },
        },
    }
    if offer.price_mode != PriceMode.ON_REQUEST and offer.price is not None:
        if offer.price_mode == PriceMode.FIXED:
            deal["price"] = _amount(offer.price)
        else:
            specification = {
                "@type": "PriceSpecification",
                "priceCurrency": "EUR",
                "minPrice": _amount(offer.price),
            }
            if offer.price_mode == PriceMode.RANGE and offer.price_max is not None:
                specification["maxPrice"] = _amount(offer.price_max)
            deal["price"] = _amount(offer.price)
            deal["priceSpecification"] = specification
    if offer.availability == Availability.LIMITED and offer.stock_quantity is not None:
        deal["inventoryLevel"] = {"@type": "QuantitativeValue", "value": offer.stock_quantity}
    if offer.valid_from:
        deal["validFrom"] = datetime.datetime.combine(
            offer.valid_from, datetime.time.min, tzinfo=PARIS
        ).isoformat()
    if offer.valid_until:
        deal["validThrough"] = datetime.datetime.combine(
            offer.valid_until, datetime.time(23, 59, 59), tzinfo=PARIS
        ).isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Service" if offer.kind == OfferKind.SERVICE else "Product",
        "name": offer.title,
        "url": url,
        "offers": deal,
    }
    if offer.description:
        data["description"] = offer.description
    if offer.photo_id and request is not None:
        data["image"] = request.build_absolute_uri(offer.photo.get_rendition("width-1200").url)
    return data
