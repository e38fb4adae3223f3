""" "Ouvert dimanche": asked of the stored open periods when the search runs, never
indexed, so that it follows the merchants' hours and the calendar without reindexing."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from wagtail.models import Page, Site

from merchants.models import MerchantPage
from merchants.open_periods import day_bounds, next_date, refresh_open_periods
from search.query import plan_query
from search.scope import SearchScope
from tests.merchants.conftest import paris
from tests.search.conftest import ENGINES, backend_for

SATURDAY = paris(2026, 12, 5, 10, 0)
MONDAY = paris(2026, 12, 7, 9, 0)
QUAI = "Boulangerie du Quai"  # demo hours: open on Sunday mornings


@pytest.fixture
def quai(db):
    return MerchantPage.objects.get(title=QUAI, locale__language_code="fr")


def search(engine, query):
    """``(titles, result)`` of ``query`` on the demo site, now."""
    scope = SearchScope.for_site(Site.objects.get(is_default_site=True), "fr")
    result = backend_for(engine).site_search(plan_query(query), scope, 0, 50, with_facets=True)
    hits = [pk for pk, _score in result.hits]
    names = dict(Page.objects.filter(pk__in=hits).values_list("pk", "title"))
    return [names[pk] for pk, _score in result.hits], result


def change_merchant(merchant, **fields):
    """Change a merchant and refresh its open periods, as publishing does, but leave
    the search index alone: nothing in it may depend on the hours."""
    MerchantPage.objects.filter(pk=merchant.pk).update(**fields)
    merchant.refresh_from_db()
    refresh_open_periods([merchant])


def test_the_day_asked_about_is_the_next_one_in_paris():
    assert next_date(6, SATURDAY) == datetime.date(2026, 12, 6)
    assert next_date(6, MONDAY) == datetime.date(2026, 12, 13)
    # Saturday 23:30 UTC is already Sunday in Paris.
    sunday_night = datetime.datetime(2026, 12, 5, 23, 30, tzinfo=datetime.UTC)
    assert next_date(6, sunday_night) == datetime.date(2026, 12, 6)
    # Asked on a Sunday: the rest of that day.
    assert day_bounds(6, paris(2026, 12, 6, 15, 0)) == (
        paris(2026, 12, 6, 15, 0),
        paris(2026, 12, 7, 0, 0),
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_changed_hours_change_the_results_without_reindexing(engine, quai):
    with time_machine.travel(SATURDAY, tick=False):
        refresh_open_periods([quai])
        titles, before = search(engine, "boulangerie ouvert dimanche")
        assert QUAI in titles

        change_merchant(quai, opening_hours="Tu-Sa 06:30-19:00")
        titles, after = search(engine, "boulangerie ouvert dimanche")
        assert QUAI not in titles
        assert after.total == before.total - 1
        assert sum(after.facets.communes.values()) == after.total  # facets follow

        change_merchant(quai, opening_hours="Su 08:00-12:00")
        assert QUAI in search(engine, "boulangerie ouvert dimanche")[0]
        # Without the day, the hours do not matter.
        assert QUAI in search(engine, "boulangerie")[0]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_next_sunday_follows_the_clock_across_a_week(engine, quai):
    """Closed the weekend after: found on Saturday (tomorrow it opens), not on Monday
    (next Sunday it is closed), found again after the closure. Periods are refreshed
    once, on Saturday; nothing is reindexed."""
    with time_machine.travel(SATURDAY, tick=False):
        change_merchant(
            quai, closed_from=datetime.date(2026, 12, 12), closed_until=datetime.date(2026, 12, 14)
        )
        assert QUAI in search(engine, "boulangerie ouvert dimanche")[0]
    with time_machine.travel(MONDAY, tick=False):
        assert QUAI not in search(engine, "boulangerie ouvert dimanche")[0]
        assert QUAI in search(engine, "boulangerie")[0]
    with time_machine.travel(paris(2026, 12, 15, 9, 0), tick=False):
        assert QUAI in search(engine, "boulangerie ouvert dimanche")[0]


def test_the_day_is_an_active_filter_that_can_be_removed(client, quai):
    with time_machine.travel(SATURDAY, tick=False):
        refresh_open_periods([quai])
        response = client.get("/recherche/", {"q": "boulangerie ouvert le dimanche"})
        html = unescape(response.content.decode())
        assert response.status_code == 200
        assert QUAI in html
        assert '<input type="hidden" name="open_day" value="sunday">' in html
        assert 'aria-current="true">Ouvert dimanche (retirer ce filtre)' in html
        removal = re.search(r'href="([^"]+)" aria-current="true">Ouvert dimanche <span', html)
        assert removal.group(1) == "/recherche/?q=boulangerie"

        change_merchant(quai, opening_hours="Tu-Sa 06:30-19:00")
        closed = unescape(
            client.get("/recherche/", {"q": "boulangerie ouvert dimanche"}).content.decode()
        )
        assert QUAI not in closed
        assert "Ouvert dimanche" in closed  # still removable with no result
        unfiltered = unescape(client.get(removal.group(1)).content.decode())
        assert QUAI in unfiltered
        assert "Ouvert dimanche" not in unfiltered


def test_the_day_alone_lists_the_merchants_open_that_day(client, quai):
    with time_machine.travel(SATURDAY, tick=False):
        refresh_open_periods([quai])
        by_link = client.get("/recherche/", {"open_day": "sunday"})
        by_words = client.get("/recherche/", {"q": "ouvert dimanche"})
    assert QUAI in unescape(by_link.content.decode())
    assert QUAI in unescape(by_words.content.decode())
    assert "commerces : ouvert dimanche" in unescape(by_link.content.decode())
