"""Ids, numbers and dates typed into addresses, query strings and forms: a 404 or a
page with a message, never a 500 (the test settings run with ``DEBUG = False``, so a
500 would be the site's error page, and a traceback is never shown)."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from merchants.collect.models import PickupRequest, SlotException, SlotTemplate
from merchants.models import MerchantPage
from merchants.portal.models import MerchantAccount
from tests.collect.conftest import NOW, booking_data, callback_data

pytestmark = pytest.mark.django_db

# What people and robots put where an id or a number goes.
BAD_IDS = [
    "99999999999999999999999",
    "9223372036854775808",  # one more than a 64-bit key
    "9223372036854775807",  # the largest key: no such row
    "0",
    "00",
    "1" * 300,
]
BAD_NUMBERS = [
    *BAD_IDS,
    "-1",
    "-99999999999999999999",
    "1e9",
    "1.5",
    "²",
    "٣",
    "abc",
    "",
    " ",
    "NaN",
    "inf",
    "1" * 5000,
    "%00",
    "\x00",
]
BAD_DATES = [
    "0001-01-01",
    "9999-12-31",
    "99999-01-01",
    "2030-02-30",
    "-2030-01-01",
    "2030-13-01",
    "abc",
    "9" * 400,
]


def anonymous():
    return Client(raise_request_exception=False)


def assert_handled(response, *statuses):
    """Not a 500, and nothing of Python shown."""
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    content = response.content.decode(errors="replace") if not response.streaming else ""
    assert "Traceback" not in content
    if response.status_code == 404:
        # The site's (or the admin's) "page not found", in the page's language.
        assert "introuvable" in content.lower() or "not found" in content.lower(), content[:500]


@pytest.fixture(autouse=True)
def french_by_default():
    """A request to /en/ leaves English active in the test thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def cheese_shop(db):
    return MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr("merchants.open_periods.current_time", lambda: NOW)
    return NOW


@pytest.fixture
def merchant_client(cheese_shop):
    client = Client(raise_request_exception=False)
    client.force_login(MerchantAccount.objects.get(merchant=cheese_shop).user)
    return client


@pytest.fixture
def admin(admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


# Ids in addresses.

PUBLIC_ID_URLS = [
    "/retrait/{}/rappel/",
    "/retrait/{}/creneau/",
    "/en/pickup/{}/callback/",
    "/en/pickup/{}/slot/",
]
PORTAL_ID_URLS = [
    "/espace-commercant/appeler-et-retirer/{}/",
    "/espace-commercant/appeler-et-retirer/creneaux/{}/modifier/",
    "/espace-commercant/appeler-et-retirer/creneaux/{}/supprimer/",
    "/espace-commercant/appeler-et-retirer/creneaux/exceptions/{}/supprimer/",
    "/en/merchant-area/call-and-collect/slots/{}/edit/",
]
ADMIN_ID_URLS = [
    "/admin/merchant_accounts/revoke/{}/",
    "/admin/merchant_accounts/restore/{}/",
    "/admin/merchant_accounts/resend/{}/",
    "/admin/merchant_accounts/edit/{}/",
    "/admin/listing_requests/edit/{}/",
    "/admin/localize/update/{}/",
    "/admin/localize/submit/page/{}/",
]


@pytest.mark.parametrize("url", PUBLIC_ID_URLS)
@pytest.mark.parametrize("page_id", BAD_IDS)
def test_public_addresses_with_impossible_ids_are_404(clock, url, page_id):
    client = anonymous()
    assert_handled(client.get(url.format(page_id)), 404)
    before = PickupRequest.objects.count()
    assert_handled(client.post(url.format(page_id), booking_data() | callback_data()), 404)
    assert PickupRequest.objects.count() == before


@pytest.mark.parametrize("url", PORTAL_ID_URLS)
@pytest.mark.parametrize("pk", BAD_IDS)
def test_portal_addresses_with_impossible_ids_are_404(merchant_client, url, pk):
    templates, exceptions = SlotTemplate.objects.count(), SlotException.objects.count()
    assert_handled(merchant_client.get(url.format(pk)), 404, 405)
    assert_handled(merchant_client.post(url.format(pk), {"action": "confirm"}), 404)
    assert (SlotTemplate.objects.count(), SlotException.objects.count()) == (
        templates,
        exceptions,
    )


@pytest.mark.parametrize("url", ADMIN_ID_URLS)
@pytest.mark.parametrize("pk", BAD_IDS)
def test_admin_addresses_with_impossible_ids_are_404(admin, url, pk):
    assert_handled(admin.get(url.format(pk)), 404, 405)
    assert_handled(admin.post(url.format(pk)), 404, 405)


def test_real_ids_still_resolve(merchant_client, cheese_shop):
    template = SlotTemplate.objects.filter(merchant=cheese_shop).first()
    response = merchant_client.get(
        reverse("merchant_portal:collect_template_edit", args=[template.pk])
    )
    assert response.status_code == 200
    assert (
        reverse("call_collect:book", args=[cheese_shop.pk])
        == f"/retrait/{cheese_shop.pk}/creneau/"
    )


# Numbers in query strings.

PUBLIC_LISTINGS = [
    ("/actualites/", "annee"),
    ("/actualites/", "page"),
    ("/en/news/", "annee"),
    ("/commerces/", "page"),
    ("/en/shops/", "page"),
    ("/recherche/?q=pain", "page"),
    ("/api/search/?q=pain", "page"),
    ("/commerces/export.csv?x=1", "page"),
]


@pytest.mark.parametrize(("url", "param"), PUBLIC_LISTINGS)
@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_page_numbers_and_years_in_query_strings(url, param, value):
    separator = "&" if "?" in url else "?"
    response = anonymous().get(f"{url}{separator}{param}={value}")
    # The first page (a bad number is no number) or "this page does not exist".
    assert_handled(response, 200, 404)


@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_portal_requests_tabs_and_pages(merchant_client, value):
    response = merchant_client.get(
        "/espace-commercant/appeler-et-retirer/", {"etat": value, "page": value}
    )
    assert_handled(response, 200)


ADMIN_FILTERS = [
    ("/admin/merchant_accounts/new/", "merchant"),
    ("/admin/reports/call-and-collect/", "merchant"),
    ("/admin/reports/call-and-collect/", "p"),
    ("/admin/reports/searches-without-results/", "p"),
    ("/admin/reports/stale-translations/", "p"),
    ("/admin/merchant_accounts/", "p"),
    ("/admin/listing_requests/", "p"),
]


@pytest.mark.parametrize(("url", "param"), ADMIN_FILTERS)
@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_admin_filters_and_pages(admin, url, param, value):
    assert_handled(admin.get(url, {param: value}), 200, 404)


ADMIN_DATE_FILTERS = [
    ("/admin/reports/call-and-collect/", "created_at_after"),
    ("/admin/reports/call-and-collect/", "created_at_before"),
    ("/admin/reports/searches-without-results/", "date_after"),
    ("/admin/reports/searches-without-results/", "date_before"),
]


@pytest.mark.parametrize(("url", "param"), ADMIN_DATE_FILTERS)
@pytest.mark.parametrize("value", BAD_DATES)
def test_admin_date_filters(admin, url, param, value):
    for export in ("", "csv"):
        assert_handled(admin.get(url, {param: value, "export": export}), 200)


# Dates and numbers in forms.

BAD_SLOTS = [
    "9999-12-31T23:59Z",
    "0001-01-01T00:00Z",
    "2030-06-25T08:00Z",  # beyond the booking window
    "2029-06-04T08:00Z",  # a year ago
    "2030-02-30T10:00Z",
    "2030-06-04T25:00Z",
    "garbage",
    "9" * 400,
]


@pytest.mark.parametrize("slot", BAD_SLOTS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_booking_a_slot_outside_the_window_is_a_form_error(clock, cheese_shop, slot, language):
    client = anonymous()
    with translation.override(language):
        url = reverse("call_collect:book", args=[cheese_shop.pk])
    response = client.post(url, booking_data(**{"booking-slot": slot}))
    assert_handled(response, 200)
    content = response.content.decode()
    assert (
        "Ce créneau ne peut pas être réservé" in content
        or "Choisissez un créneau de retrait" in content
        or "This slot cannot be booked" in content
        or "Choose a pickup slot" in content
    )
    assert not PickupRequest.objects.filter(merchant=cheese_shop).exists()


@pytest.mark.parametrize("day", BAD_DATES)
def test_slot_exception_dates_are_range_checked(clock, merchant_client, cheese_shop, day):
    before = SlotException.objects.count()
    response = merchant_client.post(
        "/espace-commercant/appeler-et-retirer/creneaux/",
        {
            "form": "exception",
            "exc-date": day,
            "exc-kind": "closed",
            "exc-interval_minutes": "30",
            "exc-capacity": "1",
        },
    )
    assert_handled(response, 200)
    content = response.content.decode()
    assert "Choisissez une date entre aujourd" in content or "Saisissez une date valide" in content
    assert SlotException.objects.count() == before


@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_slot_template_numbers_are_range_checked(clock, merchant_client, value):
    before = SlotTemplate.objects.count()
    response = merchant_client.post(
        "/espace-commercant/appeler-et-retirer/creneaux/",
        {
            "form": "template",
            "tpl-weekdays": ["2", value],
            "tpl-start_time": "10:00",
            "tpl-end_time": "12:00",
            "tpl-interval_minutes": value,
            "tpl-capacity": value,
        },
    )
    assert_handled(response, 200)
    assert SlotTemplate.objects.count() == before


def test_a_booking_still_works(clock, cheese_shop):
    response = anonymous().post(
        reverse("call_collect:book", args=[cheese_shop.pk]), booking_data()
    )
    assert response.status_code == 302
    (booked,) = PickupRequest.objects.filter(merchant=cheese_shop)
    assert datetime.timedelta(0) < booked.slot_start - NOW


@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_inviting_a_merchant_with_an_impossible_shop_id_is_a_form_error(admin, value):
    accounts = MerchantAccount.objects.count()
    response = admin.post(
        "/admin/merchant_accounts/new/",
        {"email": "nouveau@commerces.example", "merchant": value, "language": "fr"},
    )
    assert_handled(response, 200)
    assert MerchantAccount.objects.count() == accounts
