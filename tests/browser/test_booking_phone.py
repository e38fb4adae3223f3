"""Call & collect on a phone (375 px): the shop's facts come before the booking, the
booking takes two choices (a day, then a time) and the form, and the pickup can be
added to a calendar from the confirmation page."""

import pytest
from django.core import mail
from icalendar import Calendar

from merchants.collect.models import PickupRequest
from merchants.models import MerchantPage

PHONE_WIDTH = 375


@pytest.fixture
def cheese_shop(demo_site, monkeypatch):
    # A person needs a few seconds to fill the form; a test does not.
    monkeypatch.setattr("merchants.portal.throttle.MIN_FILL_SECONDS", 0)
    return MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")


@pytest.fixture
def small_screen(browser, live_server, demo_site):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": PHONE_WIDTH, "height": 800}
    )
    page = context.new_page()
    yield page
    context.close()


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def test_shop_facts_come_before_the_booking_on_a_phone(small_screen, cheese_shop, screenshot):
    page = small_screen
    page.goto(cheese_shop.url)
    screenshot(page, "merchant-booking-375")
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"shop page height at {PHONE_WIDTH} px: {height} px")  # noqa: T201  (the report's figure)
    booking = top(page, "#reserver")
    assert top(page, "address") < booking
    assert top(page, "#hours-title") < booking
    assert top(page, "#gallery-title") < booking
    # The form's button reads like the "Appeler" link styled as a button next to it,
    # in the page's type (not the browser's 13.3 px Arial).
    body = page.evaluate(
        "[getComputedStyle(document.body).fontFamily, getComputedStyle(document.body).fontSize]"
    )
    day_button = page.get_by_role("button", name="Choisir l'heure")
    assert (
        day_button.evaluate("e => [getComputedStyle(e).fontFamily, getComputedStyle(e).fontSize]")
        == body
    )
    call = page.locator(".collect-call")
    assert call.evaluate("e => getComputedStyle(e).fontFamily") == body[0]
    assert day_button.evaluate("e => getComputedStyle(e).fontWeight") == call.evaluate(
        "e => getComputedStyle(e).fontWeight"
    )
    # Compact: the ten days fit in two screens' height of the block, not a long list.
    assert page.locator("#reserver").bounding_box()["height"] < 800
    # On a wide screen the booking sits beside the shop's facts, next to the contact.
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "merchant-booking-1280")
    assert page.locator(".collect").bounding_box()["x"] > 640
    hours = page.locator(".hours-table").bounding_box()
    assert top(page, ".collect") < hours["y"] + hours["height"]


def test_book_in_two_choices_then_open_the_calendar_file(small_screen, cheese_shop, screenshot):
    page = small_screen
    mail.outbox.clear()
    page.goto(cheese_shop.url)
    # First choice: the day (the second one offered).
    days = page.locator("input[name='jour']")
    day_label = page.locator(".collect-choice").nth(1).inner_text()
    days.nth(1).check()
    page.get_by_role("button", name="Choisir l'heure").click()
    page.wait_for_url("**/retrait/*/creneau/?jour=*")
    # Second choice: a time of that day only.
    assert page.locator(".collect-day").count() == 1
    assert day_label.splitlines()[0].strip() in page.locator(".collect-day legend").inner_text()
    page.locator("input[name='booking-slot']").first.check()
    chosen_time = page.locator(".collect-day__slots label").first.inner_text()
    page.get_by_label("Votre nom").fill("Lou Garnier")
    page.get_by_label("Votre téléphone").fill("04 65 71 20 30")
    page.get_by_label("Votre adresse e-mail").fill("lou.garnier@exemple.example")
    submit = page.get_by_role("button", name="Réserver ce créneau")
    assert submit.evaluate("e => getComputedStyle(e).fontFamily") == page.evaluate(
        "getComputedStyle(document.body).fontFamily"
    )
    submit.click()
    page.wait_for_url("**/retrait/demande/**")
    content = page.content()
    screenshot(page, "call-collect-confirmation-375")
    assert "Réservation enregistrée" in content
    assert "En attente de confirmation par le commerce" in content
    assert cheese_shop.street_address in content
    assert page.get_by_role("link", name="Voir sur OpenStreetMap").count() == 1

    # The calendar link gives a file a calendar reads: the pickup, at Paris time.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ajouter à mon agenda").click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    event = next(iter(calendar.walk("VEVENT")))
    booking = PickupRequest.objects.get(merchant=cheese_shop, name="Lou Garnier")
    assert event.get("dtstart").params["TZID"] == "Europe/Paris"
    assert event.decoded("dtstart") == booking.slot_start
    assert event.decoded("dtstart").strftime("%H:%M") == chosen_time.strip()
    assert cheese_shop.title in str(event.get("summary"))
    assert cheese_shop.street_address in str(event.get("location"))
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"


def test_untranslated_shop_on_the_english_site(small_screen, demo_site, screenshot):
    page = small_screen
    shop = MerchantPage.objects.get(external_id="demo-011", locale__language_code="fr")
    page.goto("/en/shops/")
    page.get_by_role("link", name=shop.title).first.click()
    page.wait_for_url(f"**/en/shops/{shop.slug}/")
    screenshot(page, "merchant-untranslated-en-375")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("Description available in French only.").is_visible()
    assert page.get_by_role("heading", name="Opening hours").is_visible()
