"""The agenda in a browser: "ce week-end" chosen with the keyboard, an event opened, the
calendar subscribed to; a workshop registration made and cancelled from the emailed
link; no axe-core violation on the listing, the month, an event and each registration
state, at phone and desktop widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from events.models import EventPage, WorkshopRegistration
from tests.browser.test_call_collect import tab_to

WIDTHS = {"desktop": 1280, "phone": 375}


@pytest.fixture
def agenda(demo_site, monkeypatch):
    # A person needs a few seconds to fill the form; a test does not.
    monkeypatch.setattr("merchants.portal.throttle.MIN_FILL_SECONDS", 0)


def no_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_this_weekend_by_keyboard_then_open_an_event_and_subscribe(page, agenda, screenshot):
    assert page.goto("/agenda/").ok
    tab_to(page, "input[name='quand']")
    # Arrow keys move within the radio group: "Aujourd'hui", then "Ce week-end".
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "week-end"
    tab_to(page, "main button[type='submit']")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Afficher les événements"
    page.keyboard.press("Enter")
    page.wait_for_url("**quand=week-end**")
    heading = page.locator("#agenda-results").inner_text()
    assert "Ce week-end" in heading
    screenshot(page, "agenda-weekend")

    first = page.locator(".event-card__title a").first
    title = first.inner_text()
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title

    page.goto("/agenda/?quand=week-end")
    webcal = page.locator("a", has_text="S'abonner dans mon calendrier").get_attribute("href")
    assert webcal.startswith("webcal://") and "quand=week-end" in webcal
    feed = page.request.get("http://" + webcal.removeprefix("webcal://"))
    assert feed.ok
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(feed.body())
    assert calendar.walk("VTIMEZONE")
    assert {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")} >= {title}


def test_register_to_a_workshop_then_cancel_from_the_email(page, agenda, screenshot):
    mail.outbox.clear()
    workshop = EventPage.objects.get(
        slug="atelier-moderniser-sa-vitrine", locale__language_code="fr"
    )
    assert page.goto(workshop.url).ok
    # The workshop's page (shared from the caches) leads to the form's own page.
    tab_to(page, "form.event-registration__choice button[type='submit']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('event_registration:register', args=[workshop.pk])}**")
    tab_to(page, "input[name='registration-name']")
    page.keyboard.type("Lou Garnier")
    page.keyboard.press("Tab")
    page.keyboard.type("Garnier Fleurs")
    page.keyboard.press("Tab")
    page.keyboard.type("lou.garnier@exemple.example")
    tab_to(page, "button[type='submit'][aria-describedby='registration-consent']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/inscription-atelier/inscription/**")
    assert "Inscription enregistrée" in page.content()
    screenshot(page, "workshop-registered")

    registered = WorkshopRegistration.objects.get(
        event=workshop, email="lou.garnier@exemple.example"
    )
    assert registered.status == "confirmed"
    message = next(m for m in mail.outbox if m.to == ["lou.garnier@exemple.example"])
    assert message.attachments[0][0] == "atelier.ics"
    link = next(
        line.split(": ", 1)[1]
        for line in message.body.splitlines()
        if line.startswith("Voir ou annuler")
    )
    page.goto(link.removeprefix("http://testserver"))
    tab_to(page, "main button[type='submit']")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Annuler mon inscription"
    page.keyboard.press("Enter")
    page.wait_for_url("**?annulee=1")
    assert "Inscription annulée" in page.content()
    registered.refresh_from_db()
    assert registered.status == "cancelled"


def _registration_states(page):
    """The registration form with errors, a waiting-list confirmation, a cancelled one."""
    full = EventPage.objects.get(slug="atelier-vendre-en-ligne", locale__language_code="fr")
    form_url = reverse("event_registration:register", args=[full.pk])
    page.goto(full.url)
    page.locator("form.event-registration__choice button[type='submit']").click()
    page.wait_for_url(f"**{form_url}**")
    yield "registration-form"
    page.locator("form.collect-form button[type='submit']").last.click()
    page.wait_for_load_state()
    yield "registration-errors"
    page.goto(form_url)
    page.fill("input[name='registration-name']", "Sam Rey")
    page.fill("input[name='registration-business_name']", "Rey & Fils")
    page.fill("input[name='registration-email']", "sam.rey@exemple.example")
    page.locator("form.collect-form button[type='submit']").last.click()
    page.wait_for_url("**/inscription-atelier/inscription/**")
    assert "liste d'attente" in page.content()
    yield "registration-waiting"
    page.locator("button[type='submit']", has_text="Quitter la liste d'attente").click()
    page.wait_for_url("**?annulee=1")
    yield "registration-cancelled"


@pytest.mark.parametrize("width", WIDTHS)
def test_agenda_pages_have_no_axe_violations(browser, live_server, agenda, screenshot, width):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": WIDTHS[width], "height": 900}
    )
    page = context.new_page()
    try:
        for name, url in {
            "agenda-listing": "/agenda/",
            "agenda-map": "/agenda/?vue=carte",
            "agenda-month": "/agenda/mois/",
            "agenda-archive": "/agenda/archives/",
            "event-market": "/agenda/marche-de-tournon/",
            "event-workshop": "/agenda/atelier-strategie-numerique/",
            "event-workshop-full": "/agenda/atelier-vendre-en-ligne/",
            "agenda-listing-en": "/en/events/",
            "event-en": "/en/events/tournon-market/",
        }.items():
            assert page.goto(url).ok, url
            no_violations(page)
            screenshot(page, f"{name}-{width}")
            fits_the_screen(page, WIDTHS[width])
        for name in _registration_states(page):
            no_violations(page)
            screenshot(page, f"{name}-{width}")
            fits_the_screen(page, WIDTHS[width])
    finally:
        context.close()


def fits_the_screen(page, width):
    """A page that is too narrow scrolls sideways: nothing may be wider than the screen."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url
