"""What an offer may contain: the admin form's checks, with their French messages."""

import datetime
from decimal import Decimal

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from offers.models import OfferPage
from tests.factories.offers import OfferPageFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "title": "Picodon affiné",
        "slug": "picodon-affine",
        "kind": "produit",
        "description": "Un petit chèvre sec.",
        "photo_alt": "",
        "price_mode": "fixe",
        "price": "3,50 €",
        "price_max": "",
        "unit": "piece",
        "availability": "en_stock",
        "stock_quantity": "",
        "valid_from": "",
        "valid_until": "",
        "conditions": "",
        "seo_title": "",
        "search_description": "",
        "listing_summary": "",
        "comments": inline_formset([]),
    }
    season = overrides.pop("season", None)
    data.update(overrides)
    data = nested_form_data(data)
    if season is not None:
        data["season"] = season  # a list: the month boxes ticked
    return data


def bound_form(merchant, **overrides):
    from django.contrib.auth import get_user_model  # the demo's administrator

    form_class = OfferPage.get_edit_handler().get_form_class()
    user = get_user_model().objects.filter(is_superuser=True).first()
    return form_class(
        form_data(**overrides), instance=OfferPage(), parent_page=merchant, for_user=user
    )


def errors_of(merchant, **overrides):
    form = bound_form(merchant, **overrides)
    form.is_valid()
    return {field: " ".join(messages) for field, messages in form.errors.items()}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("3,50", "3.50"), ("3,50 €", "3.50"), ("3.50", "3.50"), ("3 500,00", "3500.00")],
)
def test_the_admin_form_accepts_prices_typed_the_french_way(merchant, typed, expected):
    form = bound_form(merchant, price=typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["price"] == Decimal(expected)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"price": "-2"}, "price", "Un prix ne peut pas être négatif."),
        ({"price": "150 000"}, "price", "plus de 100 000 €"),
        ({"price": ""}, "price", "Indiquez le prix"),
        (
            {"price_mode": "fourchette", "price": "12", "price_max": "8"},
            "price_max",
            "Le prix maximum ne peut pas être inférieur au prix minimum.",
        ),
        (
            {"kind": "promotion", "valid_from": "2026-06-10", "valid_until": "2026-06-01"},
            "valid_until",
            "La fin de validité ne peut pas précéder son début.",
        ),
        ({"kind": "promotion"}, "valid_until", "Une promotion a une date de fin."),
        (
            {"availability": "stock_limite", "stock_quantity": "0"},
            "stock_quantity",
            "Indiquez au moins un article en stock",
        ),
        (
            {"availability": "stock_limite", "stock_quantity": "1000000000"},
            "stock_quantity",
            "Au-delà de 10\u202f000 articles",
        ),
        ({"availability": "saisonnier"}, "season", "Cochez les mois de la saison."),
        ({"description": "Promo <b>folle</b>"}, "description", "sans balises HTML"),
        ({"title": "<script>alert(1)</script>"}, "title", "sans balises HTML"),
        ({"conditions": "<a href='x'>ici</a>"}, "conditions", "sans balises HTML"),
    ],
)
def test_bad_offers_are_refused_with_a_clear_message(merchant, overrides, field, message):
    assert message in errors_of(merchant, **overrides).get(field, "")


def test_a_lone_angle_bracket_is_plain_text(merchant):
    assert "description" not in errors_of(merchant, description="Pour les moins de <5 ans")


def test_a_photo_needs_its_alternative_text(merchant):
    from wagtail.images import get_image_model  # the test reads the demo's images

    image = get_image_model().objects.first()
    assert "Décrivez la photo" in errors_of(merchant, photo=str(image.pk)).get("photo_alt", "")


def test_season_months_are_stored_as_chosen(merchant):
    form = bound_form(merchant, availability="saisonnier", season=["12", "1"])
    assert form.is_valid(), form.errors
    offer = form.save(commit=False)
    assert offer.season == [1, 12]


def test_the_offer_knows_its_shop_from_the_tree(merchant):
    offer = OfferPageFactory(parent=merchant)
    assert OfferPage.objects.get(pk=offer.pk).merchant_id == merchant.pk
    copy = offer.copy(update_attrs={"slug": "copie", "title": "Copie"})
    assert OfferPage.objects.get(pk=copy.pk).merchant_id == merchant.pk


def test_an_offer_moved_to_another_shop_belongs_to_it(merchant, directory):
    from tests.factories.merchants import MerchantPageFactory  # a second shop

    offer = OfferPageFactory(parent=merchant)
    other = MerchantPageFactory(parent=directory, title="Autre commerce")
    offer.move(other, pos="last-child")
    assert OfferPage.objects.get(pk=offer.pk).merchant_id == other.pk


def test_the_database_refuses_a_negative_stock(merchant):
    from django.db import IntegrityError, transaction  # only this test writes raw

    offer = OfferPageFactory(parent=merchant, availability="stock_limite", stock_quantity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        OfferPage.objects.filter(pk=offer.pk).update(stock_quantity=-1)
    offer.refresh_from_db()
    assert offer.stock_quantity == 1


def test_offers_are_allowed_below_shops_only(merchant, directory):
    assert OfferPage.can_create_at(merchant)
    assert not OfferPage.can_create_at(directory)
    assert datetime.date.today()  # the clock is not frozen here
