from decimal import Decimal

import factory
import wagtail_factories

from home.bulk_pages import create_child_pages
from offers.models import OfferPage


class OfferPageFactory(wagtail_factories.PageFactory):
    """A published offer (give ``parent=`` a merchant page)."""

    title = factory.Sequence(lambda n: f"Offre d'essai {n}")
    kind = "produit"
    description = "Une offre créée pour les tests."
    price_mode = "fixe"
    price = Decimal("3.50")
    unit = "piece"
    availability = "en_stock"

    class Meta:
        model = OfferPage
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(page, create, extracted, **kwargs):
        if extracted:
            page.categories.set(extracted)
        if create:
            page.save_revision().publish()


def bulk_offers(merchant, count, name="Offre en série", **fields):
    """``count`` published offers of ``merchant`` created in one go."""
    values = {
        "kind": "produit",
        "description": "Une offre en série.",
        "price_mode": "fixe",
        "price": Decimal("2.00"),
        "availability": "en_stock",
        **fields,
    }
    pages = [
        OfferPage(title=f"{name} {number:04d}", merchant=merchant, **values)
        for number in range(count)
    ]
    create_child_pages(merchant, pages)
    return pages
