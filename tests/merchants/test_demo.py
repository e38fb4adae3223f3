"""The demo directory: the real communes, translated categories, 60+ valid merchants."""

import pytest
from wagtail.models import Page

from merchants.models import Category, Commune, MerchantIndexPage, MerchantPage

pytestmark = pytest.mark.django_db


def test_the_agglomerations_41_communes():
    communes = Commune.objects.all()
    assert communes.count() == 41
    assert communes.filter(department="26").count() == 21
    assert communes.filter(department="07").count() == 20
    tain = Commune.objects.get(insee_code="26347")
    assert (tain.name, tain.slug, tain.postcodes) == (
        "Tain-l'Hermitage",
        "tain-l-hermitage",
        "26600",
    )
    assert Commune.objects.get(insee_code="07324").name == "Tournon-sur-Rhône"
    assert Commune.objects.get(insee_code="07140").postcode_list == ["07300", "07610"]
    for commune in communes:
        commune.full_clean()


def test_directory_is_in_both_languages_and_in_the_menu(fr, en):
    french = MerchantIndexPage.objects.get(locale=fr)
    english = MerchantIndexPage.objects.get(locale=en)
    assert (french.url, english.url) == ("/commerces/", "/en/shops/")
    assert french.show_in_menus and english.show_in_menus
    assert english.translation_key == french.translation_key


def test_categories_are_translated(fr, en):
    french = Category.objects.filter(locale=fr)
    assert french.count() >= 20
    for category in french:
        translation = category.get_translation(en)
        assert translation.name and translation.slug
        assert (translation.parent.translation_key if translation.parent else None) == (
            category.parent.translation_key if category.parent else None
        )


def test_sixty_valid_merchants_spread_over_the_territory(fr):
    merchants = MerchantPage.objects.live().filter(locale=fr).prefetch_related("categories")
    assert merchants.count() >= 60
    assert len({merchant.commune_id for merchant in merchants}) >= 20
    assert len({c.pk for merchant in merchants for c in merchant.categories.all()}) >= 20
    assert all(merchant.services is not None for merchant in merchants)
    for merchant in merchants:
        merchant.full_clean()  # phones, hours, coordinates all valid
        assert merchant.revisions.count() >= 1
    assert Page.find_problems() == ([], [], [], [], [])
