"""The directory page: filters, "open now", pagination, map view, languages, queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.demo.localize import Glossary, translate
from merchants.models import Category, MerchantIndexPage, MerchantPage, comparable_name
from merchants.open_periods import refresh_open_periods
from tests.factories.merchants import CategoryFactory, CommuneFactory, bulk_merchants

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


def test_filter_by_category_includes_subcategories(client, directory):
    parent = CategoryFactory(name="Métiers de bouche d'essai")
    child_a = CategoryFactory(name="Charcuterie d'essai", parent=parent)
    child_b = CategoryFactory(name="Confiserie d'essai", parent=parent)
    other = CategoryFactory(name="Quincaillerie d'essai")
    bulk_merchants(directory, 3, [child_a], name="Charcutier")
    bulk_merchants(directory, 2, [child_b], name="Confiseur")
    bulk_merchants(directory, 2, [parent], name="Traiteur")
    bulk_merchants(directory, 4, [other], name="Quincaillier")

    names = {name for _url, name in listed(client.get(f"/commerces/?categorie={parent.slug}"))}
    assert names == {
        *(f"Charcutier {n:04d}" for n in range(3)),
        *(f"Confiseur {n:04d}" for n in range(2)),
        *(f"Traiteur {n:04d}" for n in range(2)),
    }
    child = {name for _url, name in listed(client.get(f"/commerces/?categorie={child_a.slug}"))}
    assert child == {f"Charcutier {n:04d}" for n in range(3)}


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


def test_pagination_keeps_the_filters(client, directory):
    commune = CommuneFactory()
    delivering = bulk_merchants(
        directory, 30, [], name="Livreur", commune=commune, offers_delivery=True
    )
    bulk_merchants(directory, 5, [], name="Sur place", commune=commune)
    url = f"/commerces/?commune={commune.slug}&service=delivery"

    first = client.get(url)
    assert count_in(first) == 30
    assert [name for _url, name in listed(first)] == [page.title for page in delivering[:24]]
    links = set(re.findall(r'<a href="([^"]+)" rel="next">', first.content.decode()))
    assert links == {f"/commerces/?commune={commune.slug}&amp;service=delivery&amp;page=2"}

    second = client.get(f"{url}&page=2")
    assert [name for _url, name in listed(second)] == [page.title for page in delivering[24:]]
    assert 'rel="prev"' in second.content.decode()
    assert 'rel="next"' not in second.content.decode()
    past_the_end = client.get(f"{url}&page=3")
    assert listed(past_the_end) == listed(second)  # the last page, said so
    assert "La page 3 n’existe pas : il n’y a que 2 pages de résultats" in (
        past_the_end.content.decode()
    )


def test_empty_result_offers_to_clear_filters(client):
    response = client.get("/commerces/?commune=vaudevant&service=delivery")
    html = response.content.decode()
    assert "Aucun commerce ne correspond à ces critères." in html
    assert '<a href="/commerces/">Effacer les filtres</a>' in html


def test_open_now_uses_the_precomputed_periods(client, clock, directory):
    # Sunday 14 June 2026 at 10:00.
    moment = clock(paris(2026, 6, 14, 10, 0))
    commune = CommuneFactory()
    sunday = bulk_merchants(
        directory,
        26,
        [],
        name="Ouvert le dimanche",
        commune=commune,
        opening_hours="Su 08:00-12:00",
    )
    bulk_merchants(
        directory,
        9,
        [],
        name="Fermé le dimanche",
        commune=commune,
        opening_hours="Mo-Sa 09:00-19:00",
    )
    refresh_open_periods(MerchantPage.objects.filter(commune=commune), now=moment)
    # The answer comes from the stored periods: hours changed without a refresh are not read.
    MerchantPage.objects.filter(pk=sunday[-1].pk).update(opening_hours="Mo 09:00-10:00")

    url = f"/commerces/?commune={commune.slug}&ouvert=1"
    first = client.get(url)
    assert count_in(first) == 26
    assert [name for _url, name in listed(first)] == [page.title for page in sunday[:24]]
    second = client.get(f"{url}&page=2")
    assert [name for _url, name in listed(second)] == [page.title for page in sunday[24:]]
    # The demo's Sunday bakery is open, its cheese shop is not.
    everything = {name for _url, name in listed(client.get("/commerces/?ouvert=1&page=1"))}
    assert "Fromagerie Les Deux Rives" not in everything


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
    assert url.startswith("/en/shops/")  # the French profile, shown on the English site
    # Its name and words are marked French; the page it leads to is English.
    assert f'<a href="{url}" lang="fr">' in html
    assert "Description available in French only." in html
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
    # The layout reads its menu, footer, settings and search box from the frame every
    # page shares (one query: home.frame; the language links one more); the cards'
    # photos take two (the photos with their images, their renditions).
    assert with_ten <= 19


CARD = re.compile(r'<article class="merchant-card">(.*?)</article>', re.S)


def test_cards_show_the_shops_first_photo_or_one_placeholder(client):
    html = client.get("/commerces/").content.decode()
    cards = CARD.findall(html)
    assert len(cards) == 24
    photos = [
        re.search(r'<img [^>]*class="merchant-card__photo[^"]*"[^>]*>', card) for card in cards
    ]
    assert all(photos), "every card has a picture"
    tags = [photo.group(0) for photo in photos]
    for tag in tags:
        assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag)
        assert 'loading="lazy"' in tag and " alt=" in tag
    real = [tag for tag in tags if "merchant-card__photo--none" not in tag]
    placeholders = {re.search(r'src="([^"]+)"', tag).group(1) for tag in tags if tag not in real}
    assert real, "the demo shops with photos show them"
    assert all(re.search(r'alt="[^"]+"', tag) for tag in real)  # the photo's own text
    assert len(placeholders) <= 1  # one drawing for every shop without a photo
    assert all('alt=""' in tag for tag in tags if tag not in real)
