"""The demo's offers: original French texts written for this demo (English for the
shops that have an English page). Dates are offsets from the day the demo is loaded
(``demo_offers(today)``), so that promotions are always around the current date."""

import datetime
from decimal import Decimal

from offers.demo_first_shops import first_shops_offers
from offers.demo_other_shops import other_shops_offers

# Illustrations shared by offers of the same kind of shop: (sky, hills, river).
PHOTOS = {
    "pain": ("#f4d6a0", "#b5793a", "#7a4b20"),
    "fromage": ("#fff3c4", "#d9b35a", "#8a6a2d"),
    "vin": ("#d9c2e0", "#6b2d4f", "#3b1530"),
    "legumes": ("#d6f0c2", "#4f8a3a", "#2d5a20"),
    "fleurs": ("#f7d4e2", "#c2577e", "#5a8a3a"),
    "chocolat": ("#e8d3c0", "#6b3f24", "#3b2212"),
    "velo": ("#c9e3f2", "#3a6f8a", "#20404f"),
    "atelier": ("#e0e0e0", "#707070", "#404040"),
    "viande": ("#f2d0c9", "#9a3b2d", "#5a2018"),
}


def _offer(shop, kind, title, description, price, **extra):
    return {"shop": shop, "kind": kind, "title": title, "description": description,
            "price": None if price is None else Decimal(price), **extra}  # fmt: skip


def demo_offers(today):
    """The offers, each with its shop's ``external_id`` number and dates from ``today``."""

    def days(start, end):
        return {
            "valid_from": today + datetime.timedelta(days=start),
            "valid_until": today + datetime.timedelta(days=end),
        }

    kinds = ("produit", "promotion", "service")
    return first_shops_offers(_offer, days, kinds) + other_shops_offers(_offer, days, kinds)
