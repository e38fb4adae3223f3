import datetime
import io
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import translation
from django.utils.formats import date_format
from django.views.defaults import server_error
from wagtail.models import Page, Revision

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.django_db
def test_404_page_is_translated(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_500_page_renders_without_the_database():
    # No django_db mark: any query here would fail the test.
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Le site rencontre un problème" in html
    assert "Server error" in html


@pytest.mark.django_db
def test_sitemap_lists_both_languages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP_NS}loc")}
    assert "http://127.0.0.1:8000/soutien-aux-entreprises/" in locations
    assert "http://127.0.0.1:8000/en/business-support/" in locations
    assert all(location.startswith("http") for location in locations)


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.django_db
def test_social_meta_tags(client):
    html = client.get("/soutien-aux-entreprises/").content.decode()
    assert '<meta property="og:title" content="Soutien aux entreprises">' in html
    assert '<meta name="description" content="Aides, conseils et ateliers' in html
    assert '<meta name="twitter:card"' in html
    assert '<link rel="canonical" href="http://127.0.0.1:8000/soutien-aux-entreprises/">' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "10 nov. 2020 à 13:48"), ("en", "10 Nov. 2020 at 13:48")],
)
def test_dates_are_written_the_local_way(language, expected):
    moment = datetime.datetime(2020, 11, 10, 13, 48, tzinfo=ZoneInfo("Europe/Paris"))
    with translation.override(language):
        assert date_format(moment, "DATETIME_FORMAT") == expected


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    before = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Page.objects.count(), Revision.objects.count()) == before


@pytest.mark.django_db
def test_demo_page_tree_is_consistent():
    # (bad alphabet, bad paths, orphans, wrong depth, wrong numchild)
    assert Page.find_problems() == ([], [], [], [], [])
    assert not Page.objects.filter(depth__gt=1, live=False).exists()


@pytest.mark.django_db
def test_hreflang_links_for_each_live_version(client):
    html = client.get("/soutien-aux-entreprises/").content.decode()
    head = html[: html.index("</head>")]
    base = "http://127.0.0.1:8000"
    assert f'<link rel="alternate" hreflang="fr" href="{base}/soutien-aux-entreprises/">' in head
    assert f'<link rel="alternate" hreflang="en" href="{base}/en/business-support/">' in head
    assert (
        f'<link rel="alternate" hreflang="x-default" href="{base}/soutien-aux-entreprises/">'
        in head
    )
    english = client.get("/en/business-support/").content.decode()
    assert f'hreflang="fr" href="{base}/soutien-aux-entreprises/"' in english


@pytest.mark.django_db
def test_no_hreflang_on_a_page_without_translation(client):
    html = client.get("/actualites/une-boutique-a-lessai-rue-des-remparts/").content.decode()
    assert "hreflang=" not in html[: html.index("</head>")]


@pytest.mark.django_db
def test_sitemap_has_hreflang_alternates(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    xhtml = "{http://www.w3.org/1999/xhtml}link"
    entries = {
        url.findtext(f"{SITEMAP_NS}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(xhtml)
        }
        for url in root.iter(f"{SITEMAP_NS}url")
    }
    base = "http://127.0.0.1:8000"
    assert entries[f"{base}/en/business-support/"] == {
        "fr": f"{base}/soutien-aux-entreprises/",
        "en": f"{base}/en/business-support/",
        "x-default": f"{base}/soutien-aux-entreprises/",
    }
    assert entries[f"{base}/actualites/une-boutique-a-lessai-rue-des-remparts/"] == {}
