"""The offers' open data: ``/offres/export.csv`` and ``.json``, what the listing shows
today, with its filters; spreadsheet formulas neutralised."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
import time_machine

from offers.exports import COLUMNS
from tests.factories.offers import OfferPageFactory
from tests.offers.conftest import paris

pytestmark = pytest.mark.django_db

NOW = paris(2026, 6, 3, 10, 0)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_listing_links_its_csv_and_json_files(client, frozen):
    html = client.get("/offres/?type=promotion").content.decode()
    assert 'href="/offres/export.csv?type=promotion"' in html
    assert 'href="/offres/export.json?type=promotion"' in html


def test_the_csv_and_json_hold_the_visible_offers_with_their_facts(client, merchant, frozen):
    offer = OfferPageFactory(
        parent=merchant,
        title="Picodon affiné",
        price=Decimal("3.50"),
        availability="stock_limite",
        stock_quantity=4,
        valid_from=datetime.date(2026, 6, 1),
        valid_until=datetime.date(2026, 6, 30),
    )
    ended = OfferPageFactory(
        parent=merchant, title="Promotion finie", valid_until=datetime.date(2026, 6, 2)
    )
    winter = OfferPageFactory(
        parent=merchant, title="Vin chaud", availability="saisonnier", season_months=1 | 2048
    )
    response = client.get("/offres/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Access-Control-Allow-Origin"] == "*"
    found = {row["title"]: row for row in rows(response)}
    assert list(rows(response)[0]) == COLUMNS
    row = found["Picodon affiné"]
    assert row["price"] == "3.50" and row["stock_quantity"] == "4"
    assert (row["valid_from"], row["valid_until"]) == ("2026-06-01", "2026-06-30")
    assert row["merchant"] == merchant.title
    assert row["url"] == f"http://testserver{offer.url}"
    assert ended.title not in found and winter.title not in found

    data = json.loads(client.get("/offres/export.json").content)
    assert "Picodon affiné" in [record["title"] for record in data]
    assert client.get("/offres/export.geojson").status_code == 404


def test_filters_narrow_the_file_and_formulas_stay_text(client, merchant, frozen):
    OfferPageFactory(
        parent=merchant,
        title='=HYPERLINK("http://x")',
        kind="promotion",
        valid_until=datetime.date(2026, 6, 30),
    )
    OfferPageFactory(parent=merchant, title="Produit simple")
    found = [row["title"] for row in rows(client.get("/offres/export.csv?type=promotion"))]
    assert '\'=HYPERLINK("http://x")' in found
    assert "Produit simple" not in found


def test_the_english_file_lists_english_and_untranslated_offers(client, merchant, frozen):
    OfferPageFactory(parent=merchant, title="Nougat de Montélimar")
    response = client.get("/en/offers/export.json")
    assert response.status_code == 200
    assert "Nougat de Montélimar" in [record["title"] for record in json.loads(response.content)]
