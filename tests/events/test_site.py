"""Events across the site: demo content, English translations kept in step with the
French dates, site search with the next date, the home page's "Agenda" section."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventOccurrence, EventPage, WorkshopRegistration
from home.models.translation_status import StaleTranslation

pytestmark = pytest.mark.django_db


def test_demo_has_markets_in_five_communes_six_events_and_three_workshops():
    french = EventPage.objects.live().filter(locale__language_code="fr")
    markets = french.filter(kind="marche")
    assert markets.values("commune").distinct().count() >= 5
    assert french.filter(kind__in=["animation", "autre"]).count() >= 6
    workshops = list(french.filter(kind="atelier"))
    assert len(workshops) == 3
    taken = [
        WorkshopRegistration.objects.holding_seats().filter(event=w).count() for w in workshops
    ]
    assert all(taken) and any(t < w.capacity for t, w in zip(taken, workshops, strict=True))
    # Every event has its English version, with the same dates.
    for page in french:
        english = page.get_translation(Locale.objects.get(language_code="en"))
        assert english.live
        assert english.recurrence == page.recurrence
        assert english.occurrences.count() == page.occurrences.count()


def test_english_agenda(client):
    response = client.get("/en/events/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "What&#x27;s on" in html or "What's on" in html
    assert "Saturday market in Tournon" in html
    assert "Marché du samedi" not in html
    page = client.get("/en/events/tournon-market/").content.decode()
    assert "Saturday market in Tournon" in page
    assert '<html lang="en">' in page


def test_a_french_date_change_reaches_the_english_page_at_once(client):
    fair = EventPage.objects.get(slug="braderie-de-tain", locale__language_code="fr")
    english = fair.get_translation(Locale.objects.get(language_code="en"))
    new_day = fair.start_date + datetime.timedelta(days=7)
    fair.start_date = new_day
    fair.end_date = new_day + datetime.timedelta(days=1)
    fair.save_revision().publish()
    english.refresh_from_db()
    assert english.start_date == new_day
    assert list(english.occurrences.values_list("start_day", flat=True)) == [new_day]
    assert english.title == "Tain sidewalk sale"
    html = client.get("/en/events/tain-sidewalk-sale/").content.decode()
    assert f"{new_day:%B} {new_day.day}" in html or new_day.strftime("%-d") in html
    # Dates are facts, not text: the translation is not out of date.
    assert not StaleTranslation.objects.filter(page_id=english.pk).exists()


def test_new_french_text_marks_the_translation_out_of_date():
    fair = EventPage.objects.get(slug="braderie-de-tain", locale__language_code="fr")
    english = fair.get_translation(Locale.objects.get(language_code="en"))
    fair.lead = "Deux jours de bonnes affaires, et un vide-grenier le dimanche."
    fair.save_revision().publish()
    assert StaleTranslation.objects.filter(page_id=english.pk).exists()


def test_site_search_finds_events_with_their_next_date(client):
    response = client.get("/recherche/", {"q": "marché Tournon"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Marché du samedi à Tournon" in html
    assert 'badge--event">Événement' in html
    market = EventPage.objects.get(slug="marche-de-tournon", locale__language_code="fr")
    next_date = (
        EventOccurrence.objects.filter(page=market, end__gt=timezone.now(), cancelled=False)
        .order_by("start")
        .first()
    )
    local = timezone.localtime(next_date.start)
    assert f'datetime="{local:%Y-%m-%dT%H:%M:%S}' in html


def test_the_home_page_has_an_agenda_section(client):
    html = client.get("/").content.decode()
    assert 'id="agenda-title"' in html or "agenda-section" in html
    assert "Tout l&#x27;agenda" in html or "Tout l'agenda" in html
    english = client.get("/en/").content.decode()
    assert "What&#x27;s on" in english or "What's on" in english


def test_a_translated_event_keeps_its_place_and_capacity_in_sync():
    workshop = EventPage.objects.get(
        slug="atelier-strategie-numerique", locale__language_code="fr"
    )
    english = workshop.get_translation(Locale.objects.get(language_code="en"))
    workshop.capacity = 20
    workshop.place_name = "Salle du conseil"
    workshop.save_revision().publish()
    english.refresh_from_db()
    assert (english.capacity, english.place_name) == (20, "Salle du conseil")
