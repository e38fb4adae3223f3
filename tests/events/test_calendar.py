"""iCalendar files and feeds (parsed back with icalendar), RSS/Atom, JSON-LD, sitemap."""

import datetime
import json
import re
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from events.models import EventDateChange
from tests.events.conftest import paris
from tests.factories.events import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(agenda):
    return EventPageFactory(
        parent=agenda,
        title="Marché du samedi",
        slug="marche",
        start_date=datetime.date(2026, 3, 21),
        recurrence="FREQ=WEEKLY;UNTIL=20261231T225959Z;BYDAY=SA",
        date_changes=[
            EventDateChange(day=datetime.date(2026, 6, 13), action="excluded"),
            EventDateChange(
                day=datetime.date(2026, 6, 20), action="cancelled", message="Fête de la musique"
            ),
            EventDateChange(
                day=datetime.date(2026, 6, 27),
                action="moved",
                new_day=datetime.date(2026, 6, 26),
                message="Avancé au vendredi",
            ),
        ],
    )


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar):
    return list(calendar.walk("VEVENT"))


def test_an_event_file_has_its_rule_exceptions_and_time_zone(client, market):
    response = client.get("/agenda-test/marche/ical/")
    assert 'filename="marche.ics"' in response["Content-Disposition"]
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    [timezone] = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Paris"
    series, *overrides = events_of(calendar)
    assert series["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20261231T225959Z;BYDAY=SA"
    assert series.decoded("DTSTART") == paris(2026, 3, 21, 7, 0)
    assert series["DTSTART"].params["TZID"] == "Europe/Paris"
    assert series.decoded("DTEND") == paris(2026, 3, 21, 13, 0)
    exdates = [d.dt for d in series["EXDATE"].dts]
    assert exdates == [paris(2026, 6, 13, 7, 0)]
    assert str(series["LOCATION"]).startswith("Place du Taurobole")
    # Cancelled and moved dates: overrides of the same series.
    by_id = {o.decoded("RECURRENCE-ID"): o for o in overrides}
    cancelled = by_id[paris(2026, 6, 20, 7, 0)]
    assert cancelled["UID"] == series["UID"]
    assert cancelled["STATUS"] == "CANCELLED"
    assert "Fête de la musique" in cancelled["DESCRIPTION"]
    moved = by_id[paris(2026, 6, 27, 7, 0)]
    assert moved["STATUS"] == "CONFIRMED"
    assert moved.decoded("DTSTART") == paris(2026, 6, 26, 7, 0)


def test_the_file_keeps_seven_oclock_across_daylight_saving(client, market):
    """Calendars expanding the rule with the VTIMEZONE get 07:00 on both sides."""
    series = events_of(parse(client.get("/agenda-test/marche/ical/")))[0]
    starts = list(rrulestr(series["RRULE"].to_ical().decode(), dtstart=series.decoded("DTSTART")))
    assert {start.time() for start in starts} == {datetime.time(7, 0)}
    assert {start.utcoffset() for start in starts} == {
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    }


def test_one_occurrence_has_its_own_file(client, market):
    page = client.get("/agenda-test/marche/").content.decode()
    link = re.search(r'href="(/agenda-test/marche/ical/[0-9TZ]+/)"', page).group(1)
    assert link == "/agenda-test/marche/ical/20260606T0500Z/"
    [event] = events_of(parse(client.get(link)))
    assert event.decoded("DTSTART") == paris(2026, 6, 6, 7, 0)
    assert "RRULE" not in event


@pytest.mark.parametrize("stamp", ["20260607T0500Z", "nimportequoi", "99991301T0000Z"])
def test_a_date_the_event_does_not_have_is_a_404(client, market, stamp):
    assert client.get(f"/agenda-test/marche/ical/{stamp}/").status_code == 404


def test_the_agenda_feed_and_a_filtered_feed_to_subscribe_to(client, market, agenda):
    fair = EventPageFactory(
        parent=agenda,
        title="Foire",
        slug="foire",
        kind="animation",
        start_date=datetime.date(2026, 6, 4),
    )
    everything = parse(client.get("/agenda-test/ical/"))
    summaries = {str(e["SUMMARY"]) for e in events_of(everything)}
    assert summaries == {"Marché du samedi", "Foire"}
    assert everything["X-WR-CALNAME"] == "Agenda test"
    only_fairs = parse(client.get("/agenda-test/ical/?type=animation"))
    assert [str(e["SUMMARY"]) for e in events_of(only_fairs)] == ["Foire"]
    assert only_fairs["X-WR-CALNAME"] == "Agenda test — Animation commerciale"
    # A period gives its dates, not the whole series.
    weekend = events_of(parse(client.get("/agenda-test/ical/?quand=week-end")))
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in weekend] == [
        ("Marché du samedi", paris(2026, 6, 6, 7, 0))
    ]
    assert all("RRULE" not in e for e in weekend)
    html = client.get("/agenda-test/?type=animation").content.decode()
    assert 'href="webcal://testserver/agenda-test/ical/?type=animation"' in html
    assert fair.pk


def test_rss_and_atom_of_new_events(client, market, agenda):
    EventPageFactory(parent=agenda, title="Nouvelle foire", slug="nouvelle")
    rss = ElementTree.fromstring(client.get("/agenda-test/rss/").content)
    items = [item.findtext("title") for item in rss.iter("item")]
    assert items[:2] == ["Nouvelle foire", "Marché du samedi"]
    atom = client.get("/agenda-test/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert b"Nouvelle foire" in atom.content


def structured_data(html):
    found = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_json_ld_event_with_status_place_offers_and_attendance_mode(client, agenda, frozen):
    fair = EventPageFactory(
        parent=agenda,
        title="Foire",
        slug="foire",
        kind="animation",
        start_date=datetime.date(2026, 6, 4),
        price=Decimal("3.50"),
        organiser="Union commerciale",
        date_changes=[
            EventDateChange(day=datetime.date(2026, 6, 4), action="cancelled", message="Pluie")
        ],
    )
    data = structured_data(client.get("/agenda-test/foire/").content.decode())
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["startDate"] == "2026-06-04T07:00:00+02:00"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Tain-l'Hermitage"
    assert data["location"]["geo"]["latitude"] == 45.07
    assert data["offers"] == {
        "@type": "Offer",
        "price": "3.50",
        "priceCurrency": "EUR",
        "url": "http://127.0.0.1:8000/agenda-test/foire/",
    }
    assert data["organizer"]["name"] == "Union commerciale"
    html = client.get("/agenda-test/foire/").content.decode()
    assert "Cette date est annulée." in html
    assert fair.pk


def test_a_free_event_says_so_and_has_no_offer(client, market):
    data = structured_data(client.get("/agenda-test/marche/").content.decode())
    assert "offers" not in data
    assert data["isAccessibleForFree"] is True
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_events_are_in_the_sitemap_in_both_languages(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/agenda/marche-de-tournon/" in xml
    assert "/en/events/tournon-market/" in xml
