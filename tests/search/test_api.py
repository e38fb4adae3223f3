"""/api/search/ and /api/search/autocomplete/: JSON, same ranking as the page."""

import re
from html import unescape

import pytest

from merchants.models import MerchantPage


@pytest.fixture
def api(client, db):
    def get(path="/api/search/", **params):
        response = client.get(path, params, **params.pop("headers", {}))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        return response.json()

    return get


def test_results_have_the_documented_shape(api):
    # The agenda's cheese tasting and markets match too: shops only here.
    data = api(q="fromages", type="merchant")
    assert data["count"] == 3
    assert data["page"] == 1 and data["pages"] == 1
    assert {result["title"] for result in data["results"]} == {
        "Fromagerie Les Deux Rives",
        "La Fromagère de Saint-Félicien",
        "Marché Paysan de Montchenu",
    }
    first = next(r for r in data["results"] if r["title"] == "Fromagerie Les Deux Rives")
    assert first == {
        "type": "merchant",
        "title": "Fromagerie Les Deux Rives",
        "url": "/commerces/fromagerie-les-deux-rives/",
        "summary": first["summary"],
        "commune": "Tain-l'Hermitage",
        "categories": ["Fromagerie"],
    }
    assert "fromages" in first["summary"]


def test_same_ranking_as_the_page(api, client):
    page = client.get("/recherche/", {"q": "boulangerie"}).content.decode()
    page_titles = re.findall(r'search-result__title">\s*<a href="[^"]*"[^>]*>([^<]+)</a>', page)
    api_titles = [result["title"] for result in api(q="boulangerie")["results"]]
    assert api_titles == [unescape(title) for title in page_titles]


def test_language_from_parameter_then_accept_language(api):
    french = api(q="marché noël deux rives")
    english = api(q="christmas market both banks", lang="en")
    by_header = api(
        q="christmas market both banks", headers={"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
    )
    assert french["results"][0]["url"].startswith("/actualites/")
    assert english["results"][0]["url"].startswith("/en/news/")
    assert by_header["results"] == english["results"]
    # Neither a site language asked nor accepted: French.
    fallback = api(q="marché noël", lang="xx", headers={"HTTP_ACCEPT_LANGUAGE": "de"})
    assert fallback["results"][0]["url"].startswith("/actualites/")


def test_english_categories_for_untranslated_shops(api):
    data = api(q="cheese", lang="en")
    shop = next(r for r in data["results"] if r["title"] == "La Fromagère de Saint-Félicien")
    assert shop["categories"] == ["Cheese shop"]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"type": "news"}, lambda r: r["type"] == "news"),
        (
            {"category": "boulangerie-patisserie"},
            lambda r: "Boulangerie-pâtisserie" in r["categories"],
        ),
        ({"category": "alimentation"}, lambda r: r["type"] == "merchant"),
        ({"commune": "tain-l-hermitage"}, lambda r: r["commune"] == "Tain-l'Hermitage"),
        ({"commune": "26347"}, lambda r: r["commune"] == "Tain-l'Hermitage"),
    ],
)
def test_filters(api, params, check):
    data = api(q="tain", **params) if "commune" in params else api(q="pain", **params)
    if "type" in params:
        data = api(q="commerces", **params)
    assert data["results"], params
    assert all(check(result) for result in data["results"])


def test_service_filter_lists_only_shops_offering_it(api):
    data = api(q="collect", service="click_collect")
    assert data["count"] > 0
    for result in data["results"]:
        merchant = MerchantPage.objects.get(
            url_path__endswith=result["url"].split("/")[-2] + "/", locale__language_code="fr"
        )
        assert merchant.offers_click_collect


def test_unknown_filter_values_are_ignored(api):
    everything = api(q="fromages")["count"]
    assert everything >= 3
    assert (
        api(q="fromages", category="nope", commune="atlantis", service="teleport", type="x")[
            "count"
        ]
        == everything
    )


@pytest.mark.parametrize("page", ["0", "-3", "abc", "1.5", "", "999999999999999999999"])
def test_odd_page_numbers_never_fail(api, page):
    data = api(q="collect", page=page)
    assert data["page"] >= 1


def test_second_page(api):
    first, second = api(q="collect"), api(q="collect", page="2")
    assert first["count"] == second["count"] > 10
    assert {r["url"] for r in first["results"]}.isdisjoint(r["url"] for r in second["results"])


def test_promotion_first_and_marked(api):
    data = api(q="marché de Noël")
    assert data["results"][0]["promoted"] is True
    assert [r["url"] for r in data["results"]].count(data["results"][0]["url"]) == 1


def test_autocomplete_suggests_categories_communes_and_names(api):
    data = api("/api/search/autocomplete/", q="boul")
    kinds = [suggestion["type"] for suggestion in data["suggestions"]]
    labels = [suggestion["label"] for suggestion in data["suggestions"]]
    assert kinds[0] == "category" and labels[0] == "Boulangerie-pâtisserie"
    assert data["suggestions"][0]["url"] == "/recherche/?category=boulangerie-patisserie"
    assert "Boulangerie du Quai" in labels
    assert all(label.casefold().startswith("boul") for label in labels)


def test_autocomplete_communes_and_accents(api):
    data = api("/api/search/autocomplete/", q="tour")
    assert data["suggestions"][0] == {
        "type": "commune",
        "label": "Tournon-sur-Rhône",
        "url": "/recherche/?commune=tournon-sur-rhone",
    }
    accents = api("/api/search/autocomplete/", q="epice")
    assert any(s["label"].startswith("Épicerie") for s in accents["suggestions"])


def test_autocomplete_in_english(api):
    data = api("/api/search/autocomplete/", q="bak", lang="en")
    assert data["suggestions"][0]["label"] == "Bakery"
    assert data["suggestions"][0]["url"] == "/en/search/?category=bakery"


@pytest.mark.parametrize("query", ["", "b", " ", "\x00"])
def test_autocomplete_needs_two_characters(api, query):
    assert api("/api/search/autocomplete/", q=query)["suggestions"] == []


def test_only_get_is_allowed(client, db):
    assert client.post("/api/search/", {"q": "pain"}).status_code == 405


def test_filters_without_query_browse_the_merchants(api):
    data = api(commune="tournon-sur-rhone")
    assert data["count"] > 3
    assert {result["commune"] for result in data["results"]} == {"Tournon-sur-Rhône"}
    assert {result["type"] for result in data["results"]} == {"merchant"}
