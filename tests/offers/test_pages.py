"""The offers' public pages: the listing and its filters, an offer's page and its
JSON-LD, the offers on a shop's page, prices written in the page's language."""

import datetime
import json
import re
from decimal import Decimal

import pytest
import time_machine
from wagtail.models import Locale

from home.templatetags.structured_data_tags import script_hash
from merchants.models import Commune
from offers.models import OfferPage, OffersIndexPage
from tests.factories.merchants import MerchantPageFactory
from tests.factories.offers import OfferPageFactory, bulk_offers
from tests.offers.conftest import paris
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db

NOW = paris(2026, 6, 3, 10, 0)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def json_ld(text):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return [json.loads(block) for block in blocks], blocks


def titles(text):
    return re.findall(r'class="offer-card__title">\s*<a [^>]*>([^<]+)</a>', text)


def test_the_listing_is_at_offres_and_en_offers(client):
    assert OffersIndexPage.objects.get(locale__language_code="fr").url == "/offres/"
    assert OffersIndexPage.objects.get(locale__language_code="en").url == "/en/offers/"
    for url in ("/offres/", "/en/offers/"):
        response = client.get(url)
        assert response.status_code == 200
        assert titles(response.content.decode())


def test_the_offer_page_has_product_and_offer_json_ld_allowed_by_its_hash(
    client, merchant, frozen
):
    offer = OfferPageFactory(
        parent=merchant,
        title="Picodon en promotion",
        kind="promotion",
        price=Decimal("3.50"),
        availability="stock_limite",
        stock_quantity=4,
        valid_from=datetime.date(2026, 6, 1),
        valid_until=datetime.date(2026, 6, 30),
    )
    response = client.get(offer.url)
    assert response.status_code == 200
    text = response.content.decode()
    blocks, raws = json_ld(text)
    # The offer's block, beside the breadcrumb's (BreadcrumbList); each hashed for the CSP.
    assert sorted(block["@type"] for block in blocks) == ["BreadcrumbList", "Product"]
    data, raw = next((b, r) for b, r in zip(blocks, raws, strict=True) if b["@type"] == "Product")
    assert all(script_hash(r) in response["Content-Security-Policy"] for r in raws)
    assert data["name"] == "Picodon en promotion"
    deal = data["offers"]
    assert deal["price"] == "3.50"
    assert deal["priceCurrency"] == "EUR"
    assert deal["availability"] == "https://schema.org/LimitedAvailability"
    assert deal["validFrom"] == "2026-06-01T00:00:00+02:00"
    assert deal["validThrough"] == "2026-06-30T23:59:59+02:00"
    assert deal["seller"]["@type"] == "LocalBusiness"
    assert deal["seller"]["name"] == "Fromagerie d'essai"
    assert script_hash(raw) in response["Content-Security-Policy"]
    assert "3,50\u00a0€ la pièce" in text
    assert "Stock limité : 4 disponibles" in text


def test_text_is_escaped_never_rendered(client, merchant, frozen):
    # Written past the form's checks (an import, a script): still shown as text.
    (offer,) = bulk_offers(merchant, 1, description="<img src=x onerror=alert(1)>")
    text = client.get(offer.url).content.decode()
    assert "<img src=x" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_prices_follow_the_page_language(client, frozen):
    french = OfferPage.objects.get(locale__language_code="fr", slug="pain-au-levain-de-seigle")
    english = french.get_translation(Locale.objects.get(language_code="en"))
    assert "6,80\u00a0€ la pièce" in client.get(french.url).content.decode()
    english_text = client.get(english.url).content.decode()
    assert "€6.80 each" in english_text
    assert "Rye sourdough loaf" in english_text


def test_facts_follow_the_french_page_into_its_translation(frozen):
    french = OfferPage.objects.get(locale__language_code="fr", slug="pain-au-levain-de-seigle")
    french.price = Decimal("7.10")
    french.availability = "stock_limite"
    french.stock_quantity = 9
    french.save_revision().publish()
    english = OfferPage.objects.get(
        translation_key=french.translation_key, locale__language_code="en"
    )
    assert (english.price, english.availability, english.stock_quantity) == (
        Decimal("7.10"),
        "stock_limite",
        9,
    )
    assert english.title == "Rye sourdough loaf"


def test_the_shop_page_lists_its_offers_after_the_hours(client, merchant, frozen):
    OfferPageFactory(parent=merchant, title="Tomme de chèvre", price=Decimal("24.50"), unit="kg")
    text = client.get(merchant.url).content.decode()
    assert "Offres et bons plans" in text
    assert titles(text) == ["Tomme de chèvre"]
    assert "24,50\u00a0€ le kg" in text
    assert text.index("merchant-offers-title") > text.index("hours")


def test_filters(client, directory, frozen):
    tournon = Commune.objects.get(insee_code="07324")
    shop = MerchantPageFactory(
        parent=directory, title="Épicerie de Tournon", commune=tournon, offers_delivery=True
    )
    other = MerchantPageFactory(parent=directory, title="Épicerie de Tain")
    OfferPageFactory(parent=shop, title="Ravioles de Tournon", kind="produit")
    OfferPageFactory(
        parent=other,
        title="Ravioles de Tain en promo",
        kind="promotion",
        valid_until=datetime.date(2026, 6, 10),
    )
    OfferPageFactory(parent=other, title="Livraison de ravioles", kind="service")

    def found(query):
        return set(titles(client.get(f"/offres/?{query}").content.decode()))

    assert "Ravioles de Tournon" in found("commune=tournon-sur-rhone")
    assert not {"Ravioles de Tain en promo", "Livraison de ravioles"} & found(
        "commune=tournon-sur-rhone"
    )
    promotions = found("promotions=1")
    assert "Ravioles de Tain en promo" in promotions
    assert not {"Ravioles de Tournon", "Livraison de ravioles"} & promotions
    assert "Livraison de ravioles" in found("type=service")
    assert "Ravioles de Tournon" not in found("type=service")
    assert "Ravioles de Tournon" in found("service=delivery")
    assert "Ravioles de Tain en promo" not in found("service=delivery")
    # Unknown values are ignored, as in the directory.
    assert client.get("/offres/?type=<script>&commune=nulle-part&page=abc").status_code == 200
    assert client.get("/offres/?page=999").status_code == 404


def test_query_count_of_the_listing_is_the_same_with_1_and_50_more_offers(
    client, merchant, frozen
):
    bulk_offers(merchant, 1)
    response = assert_constant_queries(
        lambda: client.get("/offres/"), lambda: bulk_offers(merchant, 49, "Autre"), at_most=18
    )
    assert response.status_code == 200


def test_query_count_of_a_shop_page_is_the_same_with_1_and_50_offers(client, merchant, frozen):
    bulk_offers(merchant, 1)
    response = assert_constant_queries(
        lambda: client.get(merchant.url), lambda: bulk_offers(merchant, 49, "Autre"), at_most=17
    )
    assert response.status_code == 200
    assert len(titles(response.content.decode())) == 50
