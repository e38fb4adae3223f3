"""sitemap.xml: the addresses Wagtail gives every live public page, in one query's
worth of work whatever the number of pages, and an index of files past the protocol's
50,000 addresses per file."""

from xml.etree import ElementTree

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from merchants.models import Category, MerchantIndexPage
from offers.search import hidden_offers
from tests.factories.merchants import bulk_merchants
from tests.query_counts import assert_constant_queries

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def locations(content):
    return [loc.text for loc in ElementTree.fromstring(content).iterfind("s:url/s:loc", NS)]


def expected_addresses():
    """What Wagtail itself says: ``get_full_url`` of every live public page of the site
    (the French tree and its English translation), but the offers that are over or out
    of season today (live pages answering 410 or 404: tests/offers/test_sitemap.py)."""
    roots = Page.objects.filter(depth=2)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    pages = pages.exclude(pk__in=hidden_offers(timezone.now()).values("pk"))
    return {page.get_full_url() for page in pages.live().public().specific()}


@pytest.mark.django_db
def test_every_live_public_page_at_the_address_wagtail_gives_it(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    listed = locations(response.content)
    assert len(listed) == len(set(listed))  # each address once
    assert set(listed) == expected_addresses()
    assert any("/en/" in address for address in listed)


@pytest.mark.django_db
def test_draft_private_and_unpublished_pages_are_left_out(client):
    directory = MerchantIndexPage.objects.get(locale__language_code="fr")
    shown, private, withdrawn = bulk_merchants(
        directory, 3, [Category.objects.filter(locale__language_code="fr").first()]
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    withdrawn.unpublish()
    listed = locations(client.get("/sitemap.xml").content)
    assert shown.get_full_url() in listed
    assert private.get_full_url() not in listed
    assert withdrawn.get_full_url() not in listed


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_pages(client):
    directory = MerchantIndexPage.objects.get(locale__language_code="fr")
    category = Category.objects.filter(locale__language_code="fr").first()
    response = assert_constant_queries(
        lambda: client.get("/sitemap.xml"),
        lambda: bulk_merchants(directory, 60, [category], name="Sitemap"),
        at_most=8,
    )
    assert sum("/commerces/sitemap-" in address for address in locations(response.content)) == 60


@pytest.mark.django_db
def test_past_the_limit_sitemap_xml_is_an_index_of_files_within_it(client, monkeypatch):
    everything = locations(client.get("/sitemap.xml").content)
    monkeypatch.setattr("home.sitemaps.MAX_URLS_PER_FILE", 10)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = ElementTree.fromstring(response.content)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    files = [loc.text for loc in index.iterfind("s:sitemap/s:loc", NS)]
    assert len(files) == -(-len(everything) // 10)
    assert files[0] == "http://testserver/sitemap-1.xml"

    listed = []
    for address in files:
        part = client.get(address.removeprefix("http://testserver"))
        assert part.status_code == 200
        in_file = locations(part.content)
        assert 0 < len(in_file) <= 10
        listed += in_file
    assert listed == everything
    # A page's translation on another file is still named as its alternate.
    english = ElementTree.fromstring(client.get(f"/sitemap-{len(files)}.xml").content)
    alternates = english.findall("s:url/x:link[@hreflang='fr']", NS)
    assert alternates
    assert all(link.get("href") in everything for link in alternates)


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["0", "-1", "999", "99999999999999999999999", "abc"])
def test_files_beyond_the_sitemap_are_not_found(client, monkeypatch, number):
    monkeypatch.setattr("home.sitemaps.MAX_URLS_PER_FILE", 10)
    assert client.get(f"/sitemap-{number}.xml").status_code == 404


@pytest.mark.django_db
def test_a_small_sitemap_has_no_files(client):
    assert client.get("/sitemap-1.xml").status_code == 404
