"""Offers in site search: found by the product, shown with price and shop; an offer
over is never found, though it is still live and indexed."""

import re
from html import unescape

import pytest

from offers.models import OfferPage

pytestmark = pytest.mark.django_db


def results(response):
    html = response.content.decode()
    return [
        unescape(title)
        for title in re.findall(r'class="search-result__title">\s*<a [^>]*>([^<]+)</a>', html)
    ]


def test_a_product_search_finds_the_offer_with_its_price_and_shop(client):
    response = client.get("/recherche/", {"q": "picodon"})
    assert response.status_code == 200
    assert "Picodon AOP affiné" in results(response)[:3]
    html = unescape(response.content.decode())
    assert "3,20\u00a0€ la pièce" in html
    assert "chez La Fromagère de Saint-Félicien" in html
    assert 'class="badge badge--offer">Offre<' in response.content.decode()


def test_a_product_in_no_shop_description_is_found(client):
    found = results(client.get("/recherche/", {"q": "vélo électrique d'occasion"}))
    assert found[0] == "Vélo électrique d'occasion révisé"


def test_an_offer_over_is_never_found(client):
    # The demo's promotion ended yesterday: still live, still in the index.
    assert OfferPage.objects.filter(slug="saint-felicien-le-troisieme-offert", live=True)
    query = {"q": "saint-félicien troisième offert"}
    found = results(client.get("/recherche/", query))
    assert found  # the cheese shop of Saint-Félicien is
    assert "Saint-félicien : le troisième offert" not in found
    api = client.get("/api/search/", query)
    assert api.status_code == 200
    assert "troisième offert" not in api.content.decode()
    assert "troisi\\u00e8me offert" not in api.content.decode()


def test_autocomplete_suggests_offers_but_not_those_over(client):
    found = client.get("/api/search/autocomplete/", {"q": "pico"}).json()["suggestions"]
    offer = next(item for item in found if item["type"] == "offer")
    assert offer["label"] == "Picodon AOP affiné"
    assert offer["url"] == OfferPage.objects.get(title="Picodon AOP affiné").url
    ended = client.get("/api/search/autocomplete/", {"q": "saint-félicien troisième"}).json()
    assert all("troisième" not in item["label"] for item in ended["suggestions"])
