"""The agenda in the page caches: the listing, its feeds and an event's page are shared
by anonymous visitors no longer than the next start or end of a date they show (or
midnight); the registration form and a person's registration never are; a
registration purges the workshop's page, a publication the agenda's routes."""

import datetime
import io
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from events.forms import session_value
from home import caching
from merchants.models import MerchantPage
from tests.events.conftest import NOW, issued, paris
from tests.factories.events import EventPageFactory

pytestmark = pytest.mark.django_db

WEEK = 7 * 24 * 3600


@pytest.fixture(autouse=True)
def long_lifetime(settings):
    """A week at most, so that the dates, not the site's default, bound the lifetime."""
    settings.PAGE_CACHE_SECONDS = WEEK


def shared_seconds(response):
    """The s-maxage of a shared response; fails on a response that is not shared."""
    control = response["Cache-Control"]
    assert "public" in control and "private" not in control, control
    return int(control.split("s-maxage=")[1].split(",")[0])


def assert_private(response):
    control = response["Cache-Control"]
    assert "private" in control and "s-maxage" not in control, control


def purged_paths(page):
    return {urlsplit(url).path for url in caching.urls_to_purge([page])}


def seconds_until(moment, now):
    return int((moment - now).total_seconds())


@pytest.mark.parametrize(
    "path", ["", "?quand=week-end", "mois/", "archives/", "ical/", "carte/donnees/", "rss/"]
)
def test_the_agenda_and_its_feeds_are_shared_until_midnight_at_the_latest(client, events, path):
    # Wednesday 10:00; the first date to start is Thursday's fair at 09:00.
    response = client.get("/agenda-test/" + path)
    assert response.status_code == 200
    midnight = paris(2026, 6, 4, 0, 0)
    if path == "rss/":  # new events: only a publication changes it
        assert shared_seconds(response) == WEEK
    else:
        assert shared_seconds(response) == seconds_until(midnight, NOW)


def test_the_listing_is_shared_until_the_next_date_starts_or_ends(client, events, frozen):
    frozen.move_to(paris(2026, 6, 4, 8, 0))
    response = client.get("/agenda-test/")
    assert "Foire de Tournon" in response.content.decode()
    assert shared_seconds(response) == 3600  # the fair opens at 09:00
    frozen.move_to(paris(2026, 6, 4, 17, 30))
    response = client.get("/agenda-test/")
    assert "Foire de Tournon" in response.content.decode()
    assert shared_seconds(response) == 1800  # and closes at 18:00: it leaves the list
    frozen.move_to(paris(2026, 6, 4, 18, 0))
    response = client.get("/agenda-test/")
    assert "Foire de Tournon" not in response.content.decode()


def test_an_event_page_is_shared_until_its_date_changes(client, events, frozen):
    market = events["market"]
    response = client.get(market.url)
    assert shared_seconds(response) == seconds_until(paris(2026, 6, 4, 0, 0), NOW)
    # Saturday 12:00, the market under way: right until it ends at 13:00.
    frozen.move_to(paris(2026, 6, 6, 12, 0))
    response = client.get(market.url)
    assert shared_seconds(response) == 3600
    ics = client.get(market.url + "ical/")
    assert ics.status_code == 200 and shared_seconds(ics) > 0


def test_a_workshop_page_is_shared_and_carries_no_form_with_a_token(client, events, frozen):
    workshop = events["workshop"]
    frozen.move_to(paris(2026, 6, 8, 8, 30))
    response = client.get(workshop.url)
    html = response.content.decode()
    # The session closes to registration when it starts, at 09:00.
    assert shared_seconds(response) == 1800
    assert "csrfmiddlewaretoken" not in html
    assert 'method="post"' not in html
    assert not response.cookies
    form_url = reverse("event_registration:register", args=[workshop.pk])
    assert f'<form method="get" action="{form_url}"' in html
    assert f'name="seance" value="{session_value(paris(2026, 6, 8, 9, 0))}"' in html
    assert "2 places restantes" in html


def test_the_registration_form_is_on_a_page_never_shared(client, events):
    workshop = events["workshop"]
    url = reverse("event_registration:register", args=[workshop.pk])
    response = client.get(url, {"seance": session_value(paris(2026, 6, 8, 9, 0))})
    html = response.content.decode()
    assert response.status_code == 200
    assert_private(response)
    assert "csrfmiddlewaretoken" in html
    assert 'name="registration-name"' in html
    assert f'value="{session_value(paris(2026, 6, 8, 9, 0))}"' in html
    # An unknown session is ignored: the first one is offered.
    assert client.get(url, {"seance": "n'importe quoi"}).status_code == 200


def test_a_registration_and_its_link_are_never_shared(client, events):
    workshop = events["workshop"]
    response = client.post(
        reverse("event_registration:register", args=[workshop.pk]),
        {
            "registration-session": session_value(paris(2026, 6, 8, 9, 0)),
            "registration-name": "Claire Morel",
            "registration-business_name": "Atelier Morel",
            "registration-email": "claire@example.org",
            "registration-issued": issued(),
            "registration-website_confirmation": "",
        },
    )
    assert response.status_code == 302
    detail = Client().get(response["Location"])
    assert "claire@example.org" in detail.content.decode()
    assert_private(detail)


@pytest.fixture
def page_store(settings):
    """Django's copy of shared pages on, as in production (the test settings turn it
    off), in an empty cache."""
    settings.PAGE_CACHE_STORE = True
    cache.clear()
    yield
    cache.clear()


def test_a_registration_purges_the_workshop_page(
    events, page_store, django_capture_on_commit_callbacks
):
    workshop = events["workshop"]
    visitor = Client()
    first = visitor.get(workshop.url)
    assert first["X-Page-Cache"] == "miss"
    assert "2 places restantes" in first.content.decode()
    assert visitor.get(workshop.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            reverse("event_registration:register", args=[workshop.pk]),
            {
                "registration-session": session_value(paris(2026, 6, 8, 9, 0)),
                "registration-name": "Claire Morel",
                "registration-business_name": "Atelier Morel",
                "registration-email": "claire@example.org",
                "registration-issued": issued(),
                "registration-website_confirmation": "",
            },
        )
    assert response.status_code == 302
    again = visitor.get(workshop.url)
    assert again["X-Page-Cache"] == "miss"
    assert "1 place restante" in again.content.decode()


def test_a_publication_purges_the_agenda_its_feeds_and_the_shop_pages(events, agenda):
    market = events["market"]
    paths = purged_paths(market)
    for route in ["", "ical/", "rss/", "atom/", "archives/", "mois/", "carte/donnees/"]:
        assert "/agenda-test/" + route in paths, route
    assert "/agenda-test/mois/2026-06/" in paths and "/agenda-test/mois/2026-07/" in paths
    assert market.url in paths
    assert market.url + "ical/" in paths
    stamp = session_value(paris(2026, 6, 6, 7, 0))
    assert f"{market.url}ical/{stamp}/" in paths


def test_an_event_in_a_shop_purges_the_shop_page(agenda):
    shop = MerchantPage.objects.filter(locale__language_code="fr").live().first()
    tasting = EventPageFactory(
        parent=agenda,
        title="Dégustation",
        slug="degustation",
        kind="animation",
        place_merchant=shop,
        place_name="",
        commune=None,
        start_date=datetime.date(2026, 6, 12),
    )
    assert shop.url in purged_paths(tasting)


def test_the_daily_refresh_of_dates_purges_the_agenda(
    events, page_store, django_capture_on_commit_callbacks
):
    visitor = Client()
    assert visitor.get("/agenda-test/")["X-Page-Cache"] == "miss"
    assert visitor.get("/agenda-test/ical/")["X-Page-Cache"] == "miss"
    assert visitor.get("/agenda-test/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("refresh_event_occurrences", stdout=io.StringIO())
    assert visitor.get("/agenda-test/")["X-Page-Cache"] == "miss"
    assert visitor.get("/agenda-test/ical/")["X-Page-Cache"] == "miss"
