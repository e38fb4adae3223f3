"""The frame every page shares (menu, footer, site settings, search box) is built once
per language and read from the cache afterwards (home.frame); what changes in it shows
on the very next page, and a page hidden behind a login is never shown."""

import threading

import pytest
from django.core.cache import caches
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from home import frame
from home.models import FooterContent, FrameVersion, SiteSettings
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def published_menu_page(parent, title):
    page = StandardPageFactory(parent=parent, title=title, show_in_menus=True, live=False)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def menu_of(client, url="/"):
    html = client.get(url).content.decode()
    return html[
        html.index('id="main-nav-list"') : html.index("</nav>", html.index("main-nav-list"))
    ]


def test_the_frame_costs_one_query_once_built(client, home_fr):
    client.get("/")
    kept = queries_for(client, "/")
    frame.renew()
    rebuilt = queries_for(client, "/")
    # Menu, view restrictions, footer, settings, search page, locale: read from the cache.
    assert kept <= rebuilt - 5


def test_a_page_published_in_the_menu_shows_on_the_next_request(client, home_fr):
    assert "Marchés de Noël" not in menu_of(client)
    page = published_menu_page(home_fr, "Marchés de Noël")
    assert "Marchés de Noël" in menu_of(client)
    page.unpublish()
    assert "Marchés de Noël" not in menu_of(client)


def test_the_footer_and_the_settings_show_their_change_at_once(client, home_fr):
    client.get("/")
    footer = FooterContent.objects.get(locale=home_fr.locale)
    footer.text = "Ouvert à tous les commerces du territoire, des deux rives."
    footer.save()
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.organisation_name = "Rhône Commerces et Territoire"
    settings_row.save()
    html = client.get("/").content.decode()
    assert "des deux rives." in html
    assert "| Rhône Commerces et Territoire</title>" in html


def test_a_view_restriction_hides_the_page_at_once_although_the_site_had_none(client, home_fr):
    page = published_menu_page(home_fr, "Espace des élus")
    assert client.get(page.url).status_code == 200  # routing learnt: no restriction anywhere
    assert "Espace des élus" in menu_of(client)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "Espace des élus" not in menu_of(client)


def test_a_change_rolled_back_leaves_the_frame_as_it_was(client, home_fr):
    client.get("/")
    before = frame.version()
    with pytest.raises(RuntimeError), transaction.atomic():
        published_menu_page(home_fr, "Page abandonnée")
        assert frame.version() != before
        raise RuntimeError
    assert frame.version() == before
    assert "Page abandonnée" not in menu_of(client)


def test_each_language_has_its_own_menu(client, home_fr, home_en):
    assert 'href="/en/"' in menu_of(client, "/en/")
    assert 'href="/"' in menu_of(client, "/")


def test_a_change_never_waits_for_another_holding_the_version(transactional_db):
    """A publication renews the version without waiting for a transaction that holds
    it (both could hold pages the other wants), and renews it once committed."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks: PostgreSQL")
    before = frame.version()
    holding, release = threading.Event(), threading.Event()

    def hold():
        with transaction.atomic():
            FrameVersion.objects.select_for_update().first()
            holding.set()
            release.wait(30)
        connections.close_all()

    other = threading.Thread(target=hold)
    other.start()
    assert holding.wait(30)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:  # waiting for the row would fail here
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            frame.renew()
            release.set()
            other.join()
    finally:
        release.set()
        other.join()
    assert frame.version() != before


def test_a_page_reads_its_whole_frame_in_one_cache_call(client, home_fr, monkeypatch):
    client.get("/")
    client.get("/")  # built, and every part's name known to this process
    cache = caches[frame.CACHE_ALIAS]
    calls, inside = [], []

    def counting(method):
        real = getattr(cache, method)

        def call(keys, *args, **kwargs):
            names = keys if isinstance(keys, list) else [keys]
            # The local-memory cache's get_many calls its own get per key: one call.
            if not inside and any(str(key).startswith(frame.KEY_PREFIX) for key in names):
                calls.append((method, len(names)))
            inside.append(method)
            try:
                return real(keys, *args, **kwargs)
            finally:
                inside.pop()

        return call

    for method in ("get", "get_many", "set"):
        monkeypatch.setattr(cache, method, counting(method))
    assert client.get("/").status_code == 200
    # Menu, footer, settings, search box, shortcuts, locale, restrictions: one round trip.
    assert len(calls) == 1 and calls[0][0] == "get_many" and calls[0][1] >= 5, calls
