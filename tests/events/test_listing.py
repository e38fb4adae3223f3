"""The agenda's listing: upcoming dates in order, filters, month view, map data,
archive; bad query strings are ignored or explained, never an error page."""

import datetime
import json

import pytest

from events import occurrences
from events.models import EventPage
from home.bulk_pages import create_child_pages
from merchants.models import Commune
from tests.events.conftest import NOW, tournon
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db


def titles(html):
    """The event titles of the listing, in order."""
    found = []
    for part in html.split('class="event-card__title"><a href="')[1:]:
        found.append(part.split(">", 1)[1].split("<", 1)[0])
    return found


def test_upcoming_dates_in_order_with_each_date_of_a_recurring_market(client, events):
    response = client.get("/agenda-test/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "8 dates à venir" in html
    assert titles(html) == [
        "Foire de Tournon",
        "Marché du samedi",
        "Atelier vitrine",
        *["Marché du samedi"] * 5,
    ]
    assert "Vieux marché" not in html
    # The cancelled Saturday is listed, marked, with its reason.
    assert "Fête de la musique" in html
    assert html.count('badge--cancelled">Annulé') == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=animation", ["Foire de Tournon"]),
        ("?commune=tournon-sur-rhone", ["Foire de Tournon"]),
        ("?quand=aujourdhui", []),
        ("?quand=week-end", ["Marché du samedi"]),
        ("?quand=semaine", ["Foire de Tournon", "Marché du samedi"]),
        ("?quand=dates&du=2026-06-07&au=2026-06-13", ["Atelier vitrine", "Marché du samedi"]),
        ("?gratuit=1&quand=semaine", ["Marché du samedi"]),
        ("?type=atelier&gratuit=1", ["Atelier vitrine"]),
    ],
)
def test_filters(client, events, query, expected):
    response = client.get(f"/agenda-test/{query}")
    assert response.status_code == 200
    assert titles(response.content.decode()) == expected


def test_today_lists_what_is_on_today(client, events, frozen):
    frozen.move_to(datetime.datetime(2026, 6, 6, 8, 0, tzinfo=NOW.tzinfo))
    html = client.get("/agenda-test/?quand=aujourdhui").content.decode()
    assert titles(html) == ["Marché du samedi"]
    assert "1 date à venir" in html


def test_this_weekend_on_a_sunday_is_what_is_left_of_it(client, events, frozen):
    frozen.move_to(datetime.datetime(2026, 6, 7, 8, 0, tzinfo=NOW.tzinfo))
    assert titles(client.get("/agenda-test/?quand=week-end").content.decode()) == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?quand=dates&du=2026-06-13&au=2026-06-07", "La date de fin est avant la date de début."),
        ("?quand=dates&du=13/06/2026", "Écrivez les dates sous la forme 2026-07-14."),
        ("?quand=dates&du=2025-01-01&au=2025-02-01", "Ces dates sont passées"),
        ("?quand=dates&du=2026-06-07&au=2030-06-07", "Choisissez au plus un an"),
    ],
)
def test_bad_date_ranges_are_explained(client, events, query, message):
    response = client.get(f"/agenda-test/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert titles(html) == []


@pytest.mark.parametrize(
    "query",
    ["?type=inconnu", "?commune=%00", "?quand=demain", "?gratuit=oui", "?page=abc", "?du=x"],
)
def test_unknown_values_are_ignored(client, events, query):
    response = client.get(f"/agenda-test/{query}")
    assert response.status_code == 200
    assert "8 dates à venir" in response.content.decode()


def test_a_page_past_the_last_shows_the_only_page(client, events):
    response = client.get("/agenda-test/?page=2")
    assert response.status_code == 200
    html = response.content.decode()
    assert "8 dates à venir" in html
    assert "La page 2 n’existe pas : il n’y a qu’une page de résultats, la voici." in html


def test_the_filter_form_works_without_javascript(client, events):
    html = client.get("/agenda-test/").content.decode()
    assert '<form class="agenda-filters" method="get" action="/agenda-test/"' in html
    assert 'name="quand" value="week-end"' in html
    assert 'name="gratuit" value="1"' in html


def test_month_view_shows_each_day_of_a_recurring_market(client, events):
    response = client.get("/agenda-test/mois/2026-06/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "juin 2026" in html
    assert html.count(">07:00 Marché du samedi</a>") == 4  # 6, 13, 20 and 27 June
    assert "agenda-month__event--cancelled" in html
    assert 'href="/agenda-test/mois/2026-07/"' in html
    # Filters apply to the month too.
    html = client.get("/agenda-test/mois/2026-06/?type=animation").content.decode()
    assert "Marché du samedi</a>" not in html
    assert "Foire de Tournon</a>" in html


@pytest.mark.parametrize("month", ["2026-13", "2026-00", "1900-01", "99999-01"])
def test_a_month_out_of_range_is_a_404(client, events, month):
    assert client.get(f"/agenda-test/mois/{month}/").status_code == 404


def test_current_month_by_default(client, events):
    response = client.get("/agenda-test/mois/")
    assert response.status_code == 200
    assert "Agenda test : juin 2026" in response.content.decode()


def test_archive_lists_events_that_are_over(client, events):
    html = client.get("/agenda-test/archives/").content.decode()
    assert "Vieux marché" in html
    assert "Marché du samedi" not in html
    assert "1 événement terminé" in html


def test_map_data_has_one_point_per_filtered_event(client, events):
    response = client.get("/agenda-test/carte/donnees/?type=marche")
    assert response["Content-Type"] == "application/geo+json"
    features = json.loads(response.content)["features"]
    assert [f["properties"]["name"] for f in features] == ["Marché du samedi"]
    assert features[0]["geometry"]["coordinates"] == [4.845, 45.07]
    html = client.get("/agenda-test/?vue=carte&type=marche").content.decode()
    assert 'data-geojson-url="/agenda-test/carte/donnees/?type=marche"' in html
    assert "data-tiles-url=" in html


def test_unpublishing_removes_the_dates(client, events):
    events["fair"].unpublish()
    html = client.get("/agenda-test/").content.decode()
    assert "Foire de Tournon" not in html
    assert not events["fair"].occurrences.exists()


def test_publishing_new_dates_replaces_the_old_ones(client, events):
    fair = EventPage.objects.get(pk=events["fair"].pk)
    fair.start_date = datetime.date(2026, 6, 10)
    fair.save_revision().publish()
    days = list(fair.occurrences.values_list("start_day", flat=True))
    assert days == [datetime.date(2026, 6, 10)]


def _bulk_events(agenda, count, offset):
    pages = [
        EventPage(
            title=f"Événement en série {offset + number}",
            kind="marche" if number % 2 else "animation",
            lead="En série.",
            body="[]",
            place_name="Place",
            commune=tournon() if number % 3 else Commune.objects.get(insee_code="26347"),
            start_date=datetime.date(2026, 6, 4) + datetime.timedelta(days=number % 40),
            start_time=datetime.time(9, 0),
            end_time=datetime.time(12, 0),
            recurrence="FREQ=WEEKLY;COUNT=3" if number % 5 == 0 else "",
        )
        for number in range(count)
    ]
    create_child_pages(agenda, pages)
    occurrences.store(pages)


@pytest.mark.parametrize(
    "url",
    [
        "/agenda-test/",
        "/agenda-test/?quand=semaine&type=marche&gratuit=1",
        "/agenda-test/mois/2026-06/",
        "/agenda-test/archives/",
        "/agenda-test/ical/",
        "/agenda-test/ical/?quand=week-end",
        "/agenda-test/carte/donnees/",
    ],
)
def test_query_count_is_the_same_with_10_and_500_events(client, agenda, url):
    _bulk_events(agenda, 10, 0)
    response = assert_constant_queries(
        lambda: client.get(url), lambda: _bulk_events(agenda, 490, 10), at_most=14
    )
    assert response.status_code == 200
