import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale

from home.bulk_pages import create_child_pages
from merchants.models import Category, Commune, MerchantPage
from merchants.open_periods import refresh_open_periods


class CommuneFactory(factory.django.DjangoModelFactory):
    # 26900 and above are not used by any Drôme commune.
    name = factory.Sequence(lambda n: f"Commune d'essai {n}")
    slug = factory.LazyAttribute(lambda commune: slugify(commune.name))
    insee_code = factory.Sequence(lambda n: f"{26900 + n}")
    postcodes = "26600"
    department = "26"

    class Meta:
        model = Commune


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Catégorie d'essai {n}")
    slug = factory.LazyAttribute(lambda category: slugify(category.name))
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fr"))

    class Meta:
        model = Category


def tain():
    return Commune.objects.get(insee_code="26347")


class MerchantPageFactory(wagtail_factories.PageFactory):
    """A published merchant (give ``parent=`` a directory); its categories with
    ``categories=[...]``."""

    title = factory.Sequence(lambda n: f"Commerce d'essai {n}")
    commune = factory.LazyFunction(tain)
    street_address = "1 place du Marché"
    postcode = "26600"
    latitude = Decimal("45.070000")
    longitude = Decimal("4.845000")
    phone = "+33465719999"
    description = "Un commerce créé pour les tests."
    opening_hours = "Mo-Sa 09:00-12:00,14:00-19:00; PH off"

    class Meta:
        model = MerchantPage
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(page, create, extracted, **kwargs):
        if extracted:
            page.categories.set(extracted)
        if create:
            page.save_revision().publish()


def bulk_merchants(directory, count, categories, name="Commerce en série", **fields):
    """``count`` published merchants created in one go, for tests about many merchants
    (``name`` and a number for their titles and import identifiers)."""
    pages = []
    prefix = slugify(name)
    for number in range(count):
        values = {
            "title": f"{name} {number:04d}",
            "external_id": f"{prefix}-{number:04d}",
            "commune": tain(),
            "street_address": f"{number + 1} rue du Test",
            "postcode": "26600",
            "latitude": Decimal("45.070000"),
            "longitude": Decimal("4.845000"),
            "opening_hours": "Mo-Sa 09:00-19:00",
            "last_verified": datetime.date(2026, 1, 5),
        }
        page = MerchantPage(**{**values, **{k: v for k, v in fields.items() if v is not None}})
        page.categories = categories
        pages.append(page)
    create_child_pages(directory, pages)
    refresh_open_periods(pages)
    return pages
