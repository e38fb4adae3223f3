"""What the models refuse, and how they normalise what they accept."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from merchants.models import Category, Commune, MerchantPage
from merchants.phone import display_phone, normalize_phone
from tests.factories.merchants import CategoryFactory, MerchantPageFactory, tain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def french():
    with translation.override("fr"):
        yield


@pytest.fixture
def merchant(directory):
    return MerchantPageFactory(parent=directory, title="Épicerie du Contrôle")


def errors_of(page):
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return error.value.message_dict


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("04 65 71 12 34", "+33465711234", "04 65 71 12 34"),
        ("04.65.71.12.34", "+33465711234", "04 65 71 12 34"),
        ("+33 4 65 71 12 34", "+33465711234", "04 65 71 12 34"),
        ("+44 20 7946 0000", "+442079460000", "+44 20 7946 0000"),
    ],
)
def test_phone_is_stored_international_and_shown_national(typed, stored, shown):
    assert normalize_phone(typed) == stored
    assert display_phone(stored) == shown


def test_page_normalises_its_phone_when_cleaned(merchant):
    merchant.phone = "04.65.71.12.34"
    merchant.full_clean()
    assert merchant.phone == "+33465711234"
    assert merchant.phone_display == "04 65 71 12 34"


@pytest.mark.parametrize("phone", ["12", "04 65 71", "not a phone", "06 39 98 12 34 56"])
def test_invalid_phone_is_refused_with_a_message(merchant, phone):
    merchant.phone = phone
    messages = errors_of(merchant)["phone"]
    assert any("n'est pas un numéro de téléphone" in message for message in messages)


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        ("4.845000", "45.070000"),  # swapped
        ("48.856600", "2.352200"),  # Paris
        ("45.070000", "-4.845000"),  # sign lost
    ],
)
def test_coordinates_outside_the_territory_are_refused(merchant, latitude, longitude):
    merchant.latitude, merchant.longitude = Decimal(latitude), Decimal(longitude)
    errors = errors_of(merchant)
    assert "hors du territoire" in errors["latitude"][0]
    assert "hors du territoire" in errors["longitude"][0]


def test_coordinates_come_in_pairs(merchant):
    merchant.longitude = None
    assert errors_of(merchant)["longitude"] == [
        "Indiquez la latitude et la longitude, ou aucune des deux."
    ]
    merchant.latitude = None
    merchant.full_clean()  # no position at all is allowed


def test_invalid_opening_hours_are_refused(merchant):
    merchant.opening_hours = "lundi au samedi 9h-19h"
    assert errors_of(merchant)["opening_hours"][0].startswith("Horaires illisibles")


def test_temporary_closure_needs_both_days_in_order(merchant):
    merchant.closed_from = datetime.date(2026, 8, 1)
    assert "closed_until" in errors_of(merchant)
    merchant.closed_until = datetime.date(2026, 7, 1)
    assert errors_of(merchant)["closed_until"] == [
        "La fermeture ne peut pas finir avant de commencer."
    ]
    merchant.closed_until = datetime.date(2026, 8, 15)
    merchant.full_clean()
    assert merchant.closures[0].last_day == datetime.date(2026, 8, 15)


def test_external_id_is_unique_within_the_directory(directory, merchant):
    other = MerchantPageFactory(parent=directory, title="Autre commerce")
    merchant.external_id = "abc-1"
    merchant.save()
    other.external_id = "abc-1"
    assert errors_of(other)["external_id"] == ["Une autre fiche porte déjà cet identifiant."]


def test_sort_name_ignores_accents_and_case(merchant):
    assert merchant.sort_name == "epicerie du controle"


def test_categories_have_two_levels_at_most(fr):
    food = Category.objects.get(locale=fr, slug="alimentation")
    bakery = Category.objects.get(locale=fr, slug="boulangerie-patisserie")
    grandchild = Category(locale=fr, name="Viennoiseries", parent=bakery)
    with pytest.raises(ValidationError) as error:
        grandchild.full_clean()
    # Refused twice over: the field only offers top-level categories, and clean() says why.
    assert "parent" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        grandchild.clean()
    assert "deux niveaux" in error.value.message_dict["parent"][0]
    food.parent = Category.objects.get(locale=fr, slug="services")
    with pytest.raises(ValidationError) as error:
        food.full_clean()
    assert "sous-catégories" in error.value.message_dict["parent"][0]


def test_category_names_are_unique_ignoring_accents_and_cannot_hold_semicolons(fr):
    twin = Category(locale=fr, name="EPICERIE BIO")
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert error.value.message_dict["name"] == ["Une catégorie porte déjà ce nom."]
    with pytest.raises(ValidationError):
        Category(locale=fr, name="Pain; gâteaux").full_clean()
    category = CategoryFactory(name="Torréfacteur", slug="")
    assert category.slug == "torrefacteur"


def test_commune_insee_code_matches_its_department():
    commune = Commune(
        name="Ailleurs", slug="ailleurs", insee_code="38000", postcodes="38000", department="26"
    )
    with pytest.raises(ValidationError) as error:
        commune.full_clean()
    assert "département" in error.value.message_dict["insee_code"][0]
    assert tain().postcode_list == ["26600"]


def test_services_and_payment_options(merchant):
    merchant.offers_delivery = merchant.offers_takeaway = True
    merchant.accepts_local_voucher = True
    assert [service.value for service in merchant.services] == ["delivery", "takeaway"]
    assert [str(option) for option in merchant.payment_options] == [
        "chèque cadeau du territoire accepté"
    ]
    assert isinstance(merchant, MerchantPage)
