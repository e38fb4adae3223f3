"""Call & collect in a browser: book a pickup slot with the keyboard only, cancel it
from the emailed link; no axe-core violation on the booking pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from merchants.collect.models import PickupRequest
from merchants.models import MerchantPage
from tests.browser.test_portal import phone, sign_in  # noqa: F401  (phone: a fixture)

MAX_TABS = 200


@pytest.fixture
def cheese_shop(demo_site, monkeypatch):
    # A person needs a few seconds to fill the form; a test does not.
    monkeypatch.setattr("merchants.portal.throttle.MIN_FILL_SECONDS", 0)
    return MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")


def tab_to(page, selector):
    """Press Tab until ``selector`` has the focus (the keyboard user's way there)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


def test_book_by_keyboard_then_cancel_from_the_email(page, cheese_shop, screenshot):
    mail.outbox.clear()
    page.goto(cheese_shop.url)
    # The shop's page (shared from a cache) asks for the day; the times come next.
    tab_to(page, "input[name='jour']")
    assert page.evaluate("document.activeElement.checked")  # the first day is chosen
    tab_to(page, "main button[type='submit']")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Choisir l'heure"
    page.keyboard.press("Enter")
    page.wait_for_url("**/retrait/*/creneau/?jour=*")
    tab_to(page, "input[name='booking-slot']")
    page.keyboard.press("Space")  # the first free slot
    chosen = page.evaluate("document.activeElement.value")
    page.keyboard.press("Tab")
    page.keyboard.type("Lou Garnier")  # name
    page.keyboard.press("Tab")
    page.keyboard.type("04 65 71 20 30")
    page.keyboard.press("Tab")
    page.keyboard.type("lou.garnier@exemple.example")
    page.keyboard.press("Tab")
    page.keyboard.type("Deux picodons bien secs.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Réserver ce créneau"
    page.keyboard.press("Enter")
    page.wait_for_url("**/retrait/demande/**")
    assert "Réservation enregistrée" in page.content()
    screenshot(page, "call-collect-booked")

    booking = PickupRequest.objects.get(merchant=cheese_shop, name="Lou Garnier")
    assert booking.slot_start.strftime("%Y-%m-%dT%H:%MZ") == chosen.replace("+00:00", "Z")
    resident = next(m for m in mail.outbox if m.to == ["lou.garnier@exemple.example"])
    link = next(
        line.split(": ", 1)[1]
        for line in resident.body.splitlines()
        if line.startswith("Voir ou annuler")
    )
    path = link.removeprefix("http://testserver")
    page.goto(path)
    tab_to(page, "main button[type='submit']")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Annuler ma réservation"
    page.keyboard.press("Enter")
    page.wait_for_url("**?annulee=1")
    assert "Demande annulée" in page.content()
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_booking_pages_have_no_axe_violations(page, cheese_shop, screenshot):
    urls = {
        "call-collect-profile": cheese_shop.url,
        "call-collect-booking": f"/retrait/{cheese_shop.pk}/creneau/",
        "call-collect-callback": f"/retrait/{cheese_shop.pk}/rappel/",
    }
    for name, url in urls.items():
        response = page.goto(url)
        assert response.ok, url
        results = Axe().run(page)
        screenshot(page, name)
        assert results.violations_count == 0, results.generate_report()

    # The form shown again with errors, and the resident's booking page.
    page.goto(urls["call-collect-booking"])
    page.get_by_role("button", name="Réserver ce créneau").click()
    assert "Choisissez un créneau de retrait." in page.content()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    "url",
    ["/espace-commercant/appeler-et-retirer/", "/espace-commercant/appeler-et-retirer/creneaux/"],
)
def test_portal_call_collect_pages_have_no_axe_violations(phone, screenshot, url):  # noqa: F811
    sign_in(phone)
    response = phone.goto(url)
    assert response.ok
    results = Axe().run(phone)
    screenshot(phone, "portal-" + url.rstrip("/").rsplit("/", 1)[1] + "-375")
    assert results.violations_count == 0, results.generate_report()


def test_editing_regular_slots_by_keyboard_has_no_axe_violations(phone, screenshot):  # noqa: F811
    sign_in(phone)
    phone.goto("/espace-commercant/appeler-et-retirer/creneaux/")
    phone.get_by_role("link", name="Modifier").first.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/modifier/")
    results = Axe().run(phone)
    screenshot(phone, "portal-slot-edit-375")
    assert results.violations_count == 0, results.generate_report()
    capacity = phone.get_by_label("Retraits par créneau")
    capacity.fill("3")
    capacity.press("Enter")
    phone.wait_for_url("**/creneaux/")
    assert "Créneaux modifiés" in phone.content()
