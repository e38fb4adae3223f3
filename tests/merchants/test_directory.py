"""The directory page: filters, "open now", pagination, map view, languages, queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.demo.localize import Glossary, translate
from merchants.models import Category, MerchantIndexPage, MerchantPage, comparable_name
from merchants.open_periods import refresh_open_periods
from tests.factories.merchants import bulk_merchants

from .conftest import paris

pytestmark = pytest.mark.django_db

CARD_TITLE = re.compile(r'class="merchant-card__title">\s*<a href="([^"]+)"[^>]*>([^<]+)</a>')


def listed(response):
    """(url, name) of the merchants on a directory page."""
    assert response.status_code == 200
    return CARD_TITLE.findall(response.content.decode())


def count_in(response):
    html = response.content.decode()
    match = re.search(r'id="results-title"[^>]*>\s*(\d+) (?:commerce|shop)', html)
    return int(match.group(1))


def test_directory_lists_the_demo_merchants(client):
    response = client.get("/commerces/")
    html = response.content.decode()
    assert (
        count_in(response)
        == MerchantPage.objects.live().filter(locale__language_code="fr").count()
        >= 60
    )
    assert len(listed(response)) == 24  # first page
    assert '<select id="filter-category" name="categorie">' in html
    assert "leaflet.js" not in html  # the map's script only comes with the map view
    names = [name for _url, name in listed(response)]
    assert names == sorted(names, key=comparable_name)  # accents do not push É to the end


def test_filter_by_category_includes_subcategories(client):
    bakeries = listed(client.get("/commerces/?categorie=boulangerie-patisserie"))
    assert bakeries and all(
        "Boulangerie" in name or "Fournil" in name or "Mie" in name or "Gerbe" in name
        for _url, name in bakeries
    )
    food = client.get("/commerces/?categorie=alimentation")
    food_names = {name for _url, name in listed(food)}
    assert {name for _url, name in bakeries} <= food_names | {"…"} or count_in(food) > len(
        bakeries
    )
    assert "Fromagerie Les Deux Rives" in food_names
    assert "Le Comptoir de Tain" not in food_names  # a restaurant


def test_filter_by_commune_accepts_slug_or_insee_code(client):
    by_slug = listed(client.get("/commerces/?commune=tain-l-hermitage"))
    by_code = listed(client.get("/commerces/?commune=26347"))
    assert by_slug == by_code
    assert (
        len(by_slug)
        == MerchantPage.objects.live()
        .filter(locale__language_code="fr", commune__insee_code="26347")
        .count()
    )


def test_filters_combine(client):
    response = client.get("/commerces/?commune=07324&service=click_collect&categorie=librairie")
    assert [name for _url, name in listed(response)] == ["Librairie La Page Tournée"]
    html = response.content.decode()
    assert "Filtres : Librairie, Tournon-sur-Rhône, Commande en ligne, retrait en boutique" in html
    assert 'value="librairie" selected' in html


@pytest.mark.parametrize(
    "query",
    [
        "?categorie=inconnue",
        "?commune=paris",
        "?service=teleportation",
        "?ouvert=peut-etre",
        "?vue=3d",
        "?page=abc",
        "?page=-2",
        "?categorie=%00&commune=%F0%9F%8D%9E",
    ],
)
def test_unknown_filter_values_are_ignored(client, query):
    response = client.get(f"/commerces/{query}")
    assert (
        count_in(response)
        == MerchantPage.objects.live().filter(locale__language_code="fr").count()
    )
    assert len(listed(response)) == 24


def test_pagination(client):
    total = MerchantPage.objects.live().filter(locale__language_code="fr").count()
    last = (total + 23) // 24
    response = client.get(f"/commerces/?page={last}")
    assert len(listed(response)) == total - 24 * (last - 1)
    assert 'rel="prev"' in response.content.decode()
    assert client.get(f"/commerces/?page={last + 1}").status_code == 404
    filtered = client.get("/commerces/?service=delivery&page=1").content.decode()
    # Page links keep the filters.
    assert "?service=delivery&amp;page=2" in filtered or count_in_html(filtered) <= 24


def count_in_html(html):
    return int(re.search(r'id="results-title"[^>]*>\s*(\d+)', html).group(1))


def test_empty_result_offers_to_clear_filters(client):
    response = client.get("/commerces/?commune=vaudevant&service=delivery")
    html = response.content.decode()
    assert "Aucun commerce ne correspond à ces critères." in html
    assert '<a href="/commerces/">Effacer les filtres</a>' in html


def test_open_now_uses_the_precomputed_periods(client, clock):
    # Sunday 14 June 2026 at 10:00: bakeries open on Sunday morning, most shops closed.
    moment = clock(paris(2026, 6, 14, 10, 0))
    refresh_open_periods(MerchantPage.objects.live(), now=moment)
    expected = sorted(
        merchant.title
        for merchant in MerchantPage.objects.live().filter(locale__language_code="fr")
        if merchant.status(moment).is_open
    )
    assert (
        0 < len(expected) < MerchantPage.objects.live().filter(locale__language_code="fr").count()
    )
    names = sorted(name for _url, name in listed(client.get("/commerces/?ouvert=1&page=1")))
    assert names == expected[:24] or len(names) == min(24, len(expected))
    assert count_in(client.get("/commerces/?ouvert=1")) == len(expected)
    assert "Boulangerie du Quai" in expected
    assert "Fromagerie Les Deux Rives" not in expected


def test_open_now_without_precomputed_periods_gives_the_same_answer(client, clock):
    # A moment far from the stored windows: every merchant is evaluated from its hours.
    moment = clock(paris(2031, 3, 4, 15, 0))  # a Tuesday afternoon
    from_hours = count_in(client.get("/commerces/?ouvert=1"))
    refresh_open_periods(MerchantPage.objects.live(), now=moment)
    from_index = count_in(client.get("/commerces/?ouvert=1"))
    assert from_hours == from_index > 0


def test_cards_show_the_live_status(client, clock):
    clock(paris(2026, 6, 9, 13, 30))  # Tuesday, lunch break
    html = client.get("/commerces/?categorie=boulangerie-patisserie").content.decode()
    assert '<span class="merchant-status__label">Fermé</span> — ouvre à 15:30' in html


def test_map_view_keeps_the_list_and_passes_data_by_attributes(client):
    response = client.get("/commerces/?vue=carte&service=delivery")
    html = response.content.decode()
    assert "vendor/leaflet/leaflet.js" in html
    assert 'data-geojson-url="/commerces/export.geojson?service=delivery"' in html
    assert "La carte a besoin de JavaScript" in html
    assert len(listed(response)) > 0  # the list is still there
    assert '<input type="hidden" name="vue" value="carte">' in html
    assert "<script>" not in html  # no inline script


def test_english_directory_falls_back_to_french_profiles(client, en):
    response = client.get("/en/shops/")
    html = response.content.decode()
    assert (
        count_in(response)
        == MerchantPage.objects.live().filter(locale__language_code="fr").count()
    )
    url, name = listed(response)[0]
    assert url.startswith("/commerces/")  # the French profile
    assert 'lang="fr" hreflang="fr"' in html
    # Category names are English where they have been translated.
    assert "Clothing" in html


def test_english_directory_prefers_a_translated_profile(
    client, en, django_capture_on_commit_callbacks
):
    merchant = MerchantPage.objects.get(title="Quincaillerie Vernet", locale__language_code="fr")
    g = Glossary()
    g.t(merchant.title, "Vernet Hardware")
    g.t(merchant.slug, "vernet-hardware")
    g.t(
        merchant.description,
        "Tools, screws by the unit, garden supplies and keys cut while you wait.",
    )
    g.t(merchant.listing_summary, "Tools, screws and keys.")
    with django_capture_on_commit_callbacks(execute=True):
        translate(merchant, en, g)
    hardware = listed(client.get("/en/shops/?categorie=hardware-shop"))
    assert ("/en/shops/vernet-hardware/", "Vernet Hardware") in hardware
    assert "Quincaillerie Vernet" not in [name for _url, name in hardware]
    total = MerchantPage.objects.live().filter(locale__language_code="fr").count()
    assert count_in(client.get("/en/shops/")) == total  # listed once, in English
    assert client.get("/en/shops/vernet-hardware/").status_code == 200


@pytest.fixture
def test_directory(fr):
    """A second, empty directory, to measure queries against a known number of merchants."""
    from home.models import HomePage

    home = HomePage.objects.get(locale=fr)
    directory = MerchantIndexPage(title="Annuaire d'essai", slug="annuaire-essai")
    home.add_child(instance=directory)
    directory.save_revision().publish()
    return directory


@pytest.mark.parametrize("query", ["", "?ouvert=1&categorie=epicerie-bio&vue=carte"])
def test_directory_queries_do_not_grow_with_the_number_of_merchants(
    client, test_directory, fr, query, clock
):
    moment = clock(paris(2026, 6, 9, 10, 0))
    categories = list(Category.objects.filter(locale=fr, slug__in=["epicerie-bio", "fromagerie"]))
    merchants = bulk_merchants(test_directory, 10, categories)
    refresh_open_periods(merchants, now=moment)
    url = f"/annuaire-essai/{query}"

    def queries():
        client.get(url)  # warm caches (site root, locales)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    with_ten = queries()
    more = bulk_merchants(test_directory, 190, categories)
    for offset, merchant in enumerate(more):
        merchant.title = f"{merchant.title} bis {offset}"
    refresh_open_periods(more, now=moment)
    assert queries() == with_ten
    # The layout (site, menus, footer, language links) takes about half of these.
    assert with_ten <= 28
