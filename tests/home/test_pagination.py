"""Every paginated listing answers a page number it does not have with results and a
sentence saying why (the last page past the end, the first for a non-number), never a
bare 404 or a 500 (``home.pagination.page_within``)."""

import re

import pytest

from search.models import SearchPage

pytestmark = pytest.mark.django_db

# The listings of the demo site, each with enough items for at least two pages.
LISTINGS = ["/commerces/", "/en/shops/", "/actualites/", "/recherche/?q=boulangerie"]


def _join(address, page):
    return f"{address}{'&' if '?' in address else '?'}page={page}"


def _items(response):
    """The titles listed on a page of results (cards, articles, search results)."""
    html = response.content.decode()
    return re.findall(
        r'<h[23] class="[^"]*(?:card|result|article)[^"]*title"[^>]*>\s*<a[^>]*>([^<]+)', html
    )


def _last_page(response):
    numbers = re.findall(r">Page (\d+)<", response.content.decode())
    return max(map(int, numbers))


@pytest.fixture(autouse=True)
def _small_pages(db):
    """Search results two by two so that the demo fills several pages."""
    for page in SearchPage.objects.all():
        page.results_per_page = 2
        page.save_revision().publish()


@pytest.mark.parametrize("address", LISTINGS)
@pytest.mark.parametrize("asked", ["99", "99999999999999999999999"])
def test_a_page_past_the_end_shows_the_last_page(client, address, asked):
    last = _last_page(client.get(address))
    expected = client.get(_join(address, last))
    response = client.get(_join(address, asked))
    assert response.status_code == 200
    html = response.content.decode()
    assert _items(response) and _items(response) == _items(expected)
    assert re.search(
        r'<p class="page-notice" role="status">[^<]*(?:voici la dernière|here is the last)', html
    )
    assert f'<span aria-current="page">Page {last}</span>' in html


@pytest.mark.parametrize("address", LISTINGS)
@pytest.mark.parametrize("asked", ["abc", "0", "-1", "2.5"])
def test_a_page_that_is_no_number_shows_the_first_page(client, address, asked):
    first = client.get(address)
    response = client.get(_join(address, asked))
    assert response.status_code == 200
    assert _items(response) and _items(response) == _items(first)
    assert 'class="page-notice"' in response.content.decode()
    assert '<span aria-current="page">Page 1</span>' in response.content.decode()


@pytest.mark.parametrize("address", LISTINGS)
def test_pages_that_exist_say_nothing(client, address):
    for page in ("", "1", "2"):
        response = client.get(_join(address, page) if page else address)
        assert response.status_code == 200
        assert "page-notice" not in response.content.decode()


def test_the_notice_is_in_the_pages_language(client):
    html = client.get("/en/shops/?page=99").content.decode()
    assert re.search(
        r'class="page-notice"[^>]*>Page 99 does not exist: '
        r"there are only \d+ pages of results, here is the last one\.<",
        html,
    )
    html = client.get("/en/shops/?page=abc").content.decode()
    assert "“abc” is not a page number: here is the first page." in html
