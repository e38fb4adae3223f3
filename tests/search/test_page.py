"""The search page, as a resident uses it (French at /recherche/, English at /en/search/)."""

import os
import re
from html import unescape

import pytest
from wagtail.models import Locale

from home.models import HomePage
from merchants.models import MerchantPage
from search.backends import engine as engine_module
from search.models import SearchPage, SearchTerm

ON_ENGINE = pytest.mark.skipif(
    bool(os.environ.get("SEARCH_URL")),
    reason="not yet on OpenSearch (issue 20: 'Vouliez-vous dire', the commune fallback)",
)


@pytest.fixture
def search_page(db):
    return SearchPage.objects.get(locale__language_code="fr")


def results(response):
    """Titles of the results, in order (promoted ones first)."""
    html = response.content.decode()
    titles = re.findall(r'class="search-result__title">\s*<a href="[^"]*"[^>]*>([^<]+)</a>', html)
    return [unescape(title) for title in titles]


def test_search_page_without_query_shows_the_form_and_popular_searches(client, search_page):
    response = client.get("/recherche/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="search"' in html
    assert 'name="q"' in html
    assert "Recherches fréquentes" in html
    assert "épicerie bio" in html  # from the demo's search log
    assert "pressing" not in html  # searched, but it never found anything
    assert "search-result" not in html


def test_results_are_merchants_first_with_type_and_details(client, search_page):
    response = client.get("/recherche/", {"q": "fromages"})
    html = response.content.decode()
    assert response.status_code == 200
    found = results(response)
    # The two cheese shops among the first four (the agenda's cheese tasting and, on
    # PostgreSQL, a cheese shop's "Plateau de fromages" offer may come between them)
    # and before a farm shop whose trade cheese is not; both found too.
    shops = {"Fromagerie Les Deux Rives", "La Fromagère de Saint-Félicien"}
    assert shops <= set(found[:4])
    assert max(found.index(shop) for shop in shops) < found.index("Marché Paysan de Montchenu")
    assert "Dégustation des fromages de saison" in found
    # Offers of the cheese shops are found too, past the first page.
    total = int(re.search(r"(\d+) résultats pour « fromages »", html).group(1))
    assert total >= len(found)
    assert 'class="badge badge--merchant">Commerce<' in html
    assert "Fromagerie · Tain-l&#x27;Hermitage" in html
    assert "<mark>fromages</mark>" in html  # the snippet shows why it matched
    assert 'name="robots" content="noindex, follow"' in html


def test_search_page_exists_in_both_languages(client, search_page):
    assert client.get("/recherche/").status_code == 200
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    english = SearchPage.objects.get(locale__language_code="en")
    assert english.translation_key == search_page.translation_key


def test_results_are_in_the_visitors_language(client, search_page):
    french = client.get("/recherche/", {"q": "marché noël deux rives"})
    english = client.get("/en/search/", {"q": "christmas market both banks"})
    assert "/actualites/un-marche-de-noel-sur-les-deux-rives/" in french.content.decode()
    assert "/en/news/" not in french.content.decode()
    assert "/en/news/a-christmas-market-on-both-banks/" in english.content.decode()
    assert "/actualites/un-marche" not in english.content.decode()


def test_english_site_lists_untranslated_shops_marked_as_french(client, search_page):
    response = client.get("/en/search/", {"q": "bakery"})
    html = response.content.decode()
    assert "Boulangerie de l'Herbasse" in results(response)
    assert 'lang="fr" hreflang="fr">Boulangerie de l&#x27;Herbasse<' in html
    # On the English site's view of the shop, not sent to its French page.
    herbasse = MerchantPage.objects.get(
        title="Boulangerie de l'Herbasse", locale__language_code="fr"
    )
    assert f'href="/en/shops/{herbasse.slug}/"' in html
    assert f'href="{herbasse.url}"' not in html


def test_english_site_lists_translated_shops_in_english_only(client, search_page):
    """Boulangerie du Quai has an English page: that one is found, never its French
    source as well."""
    response = client.get("/en/search/", {"q": "bakery"})
    html = response.content.decode()
    assert results(response).count("Boulangerie du Quai") == 1
    assert "/en/shops/boulangerie-du-quai/" in html
    assert "/commerces/boulangerie-du-quai/" not in html
    english = client.get("/en/search/", {"q": "sourdough wood-fired"})
    assert results(english)[0] == "Boulangerie du Quai"


def test_facets_count_and_narrow_the_results(client, search_page):
    response = client.get("/recherche/", {"q": "boulangerie"})
    html = response.content.decode()
    assert 'Tournon-sur-Rhône <span class="chip__count">(1)</span>' in html
    narrowed = client.get("/recherche/", {"q": "boulangerie", "commune": "tournon-sur-rhone"})
    assert results(narrowed) == ["Boulangerie du Quai"]
    narrowed_html = narrowed.content.decode()
    assert 'aria-current="true">Tournon-sur-Rhône (retirer ce filtre)' in narrowed_html
    assert "Retirer tous les filtres" in narrowed_html


def test_type_filter_keeps_the_other_types_counted(client, search_page):
    response = client.get("/recherche/", {"q": "tournon", "type": "news"})
    html = response.content.decode()
    assert all(
        "/actualites/" in url
        for url in re.findall(r'search-result__title">\s*<a href="([^"]+)"', html)
    )
    assert re.search(r'>Commerces <span class="chip__count">\(\d+\)</span>', html)


def test_open_now_filter_and_chip(client, search_page, monkeypatch):
    from merchants.models import MerchantPage
    from tests.merchants.conftest import paris

    monkeypatch.setattr("merchants.open_periods.current_time", lambda: paris(2026, 12, 6, 10, 0))
    response = client.get("/recherche/", {"q": "boulangerie", "open_now": "1"})
    html = response.content.decode()
    assert 'aria-current="true">Ouvert maintenant' in html
    for title in results(response):
        merchant = MerchantPage.objects.get(title=title, locale__language_code="fr")
        assert merchant.status(paris(2026, 12, 6, 10, 0)).is_open


def test_pagination_links_keep_the_query_and_filters(client, search_page):
    search_page.results_per_page = 2
    search_page.save_revision().publish()
    first = client.get("/recherche/", {"q": "boulangerie", "commune": ""})
    second = client.get("/recherche/", {"q": "boulangerie", "page": "2"})
    assert len(results(first)) == 2
    assert results(second) and set(results(second)).isdisjoint(results(first))
    assert 'href="/recherche/?q=boulangerie&amp;page=2" rel="next"' in first.content.decode()
    assert 'rel="prev"' in second.content.decode()
    past_the_end = client.get("/recherche/", {"q": "boulangerie", "page": "99"})
    assert past_the_end.status_code == 200
    pages = re.search(r"page 1 sur (\d+)", first.content.decode()).group(1)
    last = client.get("/recherche/", {"q": "boulangerie", "page": pages})
    assert results(past_the_end) == results(last)
    assert f"il n’y a que {pages} pages de résultats, voici la dernière." in (
        past_the_end.content.decode()
    )


def test_no_results_suggests_what_to_do(client, search_page):
    response = client.get("/recherche/", {"q": "zzyzx"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aucun résultat" in html
    assert "vérifiez l’orthographe" in html
    assert "Recherches fréquentes" in html


def test_typos_still_find_the_shops(client, search_page):
    response = client.get("/recherche/", {"q": "boulangrie"})
    assert "Boulangerie du Quai" in results(response)
    if not engine_module.has_fallback():  # the database engines say what they corrected
        assert "nous avons aussi cherché les mots les plus proches" in response.content.decode()


def test_a_typo_finds_what_the_closest_word_finds(client, search_page):
    """One edit away is "restaurant"; "retirer" and "retrait" (two edits) are not
    looked for, or every shop with a pickup service would come along."""
    typo = set(results(client.get("/recherche/", {"q": "resturant"})))
    assert typo == set(results(client.get("/recherche/", {"q": "restaurant"})))


@pytest.mark.parametrize("typo", ["voulangerie", "oulangerie", "bboulangerie"])
def test_a_wrong_first_letter_is_corrected_too(client, search_page, typo):
    if engine_module.has_fallback():
        pytest.skip("OpenSearch keeps the first letter (fuzzy prefix_length 1)")
    response = client.get("/recherche/", {"q": typo})
    assert "Boulangerie du Quai" in results(response)


def test_promoted_result_comes_first(client, search_page):
    response = client.get("/recherche/", {"q": "Marché de Noël"})
    html = response.content.decode()
    assert "Sélection de la rédaction" in html
    assert results(response)[0] == "Un marché de Noël sur les deux rives"
    assert "Recommandé" in html


def test_searches_are_logged_once_per_search_not_per_page(client, search_page):
    client.get("/recherche/", {"q": "Fromages de chèvre"})
    client.get("/recherche/", {"q": "fromages  de CHÈVRE", "page": "1"})
    client.get("/recherche/", {"q": "fromages de chevre", "commune": "mauves"})
    client.get("/api/search/", {"q": "fromages de chèvre"})
    row = SearchTerm.objects.get(terms="fromages chevre", language="fr")
    assert row.searches == 3
    missing = SearchTerm.objects.get(terms="fromages chevre", language="fr")
    assert missing.searches_without_results == 1  # the Mauves search found nothing


def test_works_without_javascript_and_without_inline_code(client, search_page):
    html = client.get("/recherche/", {"q": "fromages"}).content.decode()
    assert 'method="get"' in html
    # Scripts are files; a data block (the breadcrumb's JSON-LD) runs nothing.
    assert re.search(r'<script(?![^>]*\b(src=|type="application/ld\+json"))', html) is None
    assert " style=" not in html
    assert " onclick=" not in html


def test_search_page_can_be_created_under_a_home_page_only_once(db):
    assert SearchPage.parent_page_types == ["home.HomePage"]
    home = HomePage.objects.get(locale=Locale.objects.get(language_code="fr"))
    assert not SearchPage.can_create_at(home)  # the demo's search page is already there


def test_query_count_does_not_grow_with_results(client, search_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(query):
        with CaptureQueriesContext(connection) as queries:
            client.get("/recherche/", {"q": query})
        return len(queries)

    for query in ("fromages", "collect"):
        client.get("/recherche/", {"q": query})  # warm caches and create the log rows
    few, many = count("fromages"), count("collect")  # 3 merchants, then a full page of 10
    # Equal, give or take one query per kind among the hits: the three that list news
    # (OpenSearch's typo tolerance finds "collectivité" in an article for "collect"),
    # the one that lists offers (the cheese shops' offers for "fromages").
    assert few - 1 <= many <= few + 3
    assert many <= 45


def test_a_category_without_query_lists_its_shops_by_name(client, search_page):
    response = client.get("/recherche/", {"category": "boulangerie-patisserie"})
    html = response.content.decode()
    titles = results(response)
    assert "6 commerces : Boulangerie-pâtisserie" in html
    assert len(titles) == 6
    assert titles == sorted(titles, key=lambda title: title.casefold().replace("é", "e"))
    assert 'name="robots" content="noindex, follow"' in html


@ON_ENGINE
def test_a_commune_without_such_shops_says_so_and_shows_the_others(client, search_page):
    response = client.get("/recherche/", {"q": "fromagerie tournon"})
    html = response.content.decode()
    assert "Rien ne correspond à tous ces mots à Tournon-sur-Rhône" in html
    assert "Fromagerie Les Deux Rives" in results(response)


def test_a_new_query_keeps_the_active_filters(client, search_page):
    """The search box carries the active filters as hidden fields, so a new query
    typed there (a plain GET form, no JavaScript) stays filtered; each filter is
    shown under the box with a link that removes it."""
    from merchants.models import MerchantPage

    filtered = {"q": "boulangerie", "commune": "tournon-sur-rhone", "service": "takeaway"}
    html = unescape(client.get("/recherche/", filtered).content.decode())
    form = re.search(r'<form class="search-form".*?</form>', html, re.S).group(0)
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))
    assert hidden == {"commune": "tournon-sur-rhone", "service": "takeaway"}

    response = client.get("/recherche/", {**hidden, "q": "levain"})  # what the form sends
    assert response.status_code == 200
    assert results(response) == ["Boulangerie du Quai"]
    for title in results(response):
        merchant = MerchantPage.objects.get(title=title, locale__language_code="fr")
        assert merchant.commune.slug == "tournon-sur-rhone" and merchant.offers_takeaway

    form = re.search(
        r'<form class="search-form".*?</form>', unescape(response.content.decode()), re.S
    ).group(0)
    removals = {
        label: url
        for url, label in re.findall(r'<a class="chip" href="([^"]+)"[^>]*>([^<]+?) <span', form)
    }
    assert removals["Tournon-sur-Rhône"] == "/recherche/?q=levain&service=takeaway"
    assert "Retirer tous les filtres" in form
    cleared = client.get("/recherche/", {"q": "levain"})
    assert 'type="hidden"' not in cleared.content.decode()


@ON_ENGINE
def test_did_you_mean_offers_the_corrected_query_and_logs_it(client, search_page):
    response = client.get("/recherche/", {"q": "fromageriie"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vouliez-vous dire" in html
    assert 'href="/recherche/?q=fromagerie">fromagerie</a>' in html
    row = SearchTerm.objects.get(terms="fromageriie")
    assert row.correction == "fromagerie"
    assert row.searches_corrected == 1


def test_did_you_mean_is_not_offered_for_a_query_that_finds_enough(client, search_page):
    response = client.get("/recherche/", {"q": "fromagerie"})
    assert response.status_code == 200
    assert "Vouliez-vous dire" not in response.content.decode()
    assert SearchTerm.objects.get(terms="fromagerie", language="fr").correction == ""


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("/recherche/?q=zzyzx", "Aucun résultat pour « zzyzx »"),
        ("/en/search/?q=zzyzx", "No results for “zzyzx”"),
    ],
)
def test_no_results_is_said_once(client, search_page, address, expected):
    html = unescape(client.get(address).content.decode())
    heading = re.search(r'id="results-title"[^>]*>\s*(.*?)\s*</h2>', html, re.S).group(1)
    assert heading == expected
    assert not re.search(r"\b0 (?:résultat|result)", html)
    assert html.count("Aucun résultat") + html.count("No results") == 1


def test_the_filters_fold_below_a_summary_so_that_results_come_first(client, search_page):
    html = client.get("/recherche/", {"q": "boulangerie"}).content.decode()
    panel = re.search(r'<details class="search-facets__panel"[^>]*>', html).group(0)
    assert " open" not in panel  # folded without JavaScript; search.js opens it on wide screens
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", html, re.S).group(1)
    assert "Affiner les résultats" in summary
    facets = html.index('class="search-facets__panel"')
    assert html.index('class="chip"', facets) > html.index("</summary>", facets)
