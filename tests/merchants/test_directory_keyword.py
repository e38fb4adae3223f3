"""A keyword typed in the directory's filters: searched by the site search, among shops
only, with the filters chosen beside it."""

from urllib.parse import parse_qs, urlsplit

import pytest

from merchants.models import MerchantPage
from tests.search.test_page import results

pytestmark = pytest.mark.django_db


def handed_over(client, url):
    response = client.get(url)
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    return target.path, {key: values[0] for key, values in parse_qs(target.query).items()}


def test_the_directory_has_a_labelled_keyword_field(client):
    html = client.get("/commerces/").content.decode()
    assert '<label for="filter-words">Mot-clé</label>' in html
    assert 'id="filter-words" name="q"' in html


def test_a_keyword_is_searched_among_shops_with_the_filters(client):
    path, params = handed_over(
        client, "/commerces/?q=fromages&commune=tain-l-hermitage&ouvert=1&service=delivery"
    )
    assert path == "/recherche/"
    assert params == {
        "q": "fromages",
        "type": "merchant",
        "commune": "tain-l-hermitage",
        "open_now": "1",
        "service": "delivery",
    }


def test_the_search_lists_the_shops_the_keyword_names(client):
    response = client.get("/commerces/?q=fromages", follow=True)
    titles = results(response)
    shops = set(
        MerchantPage.objects.live()
        .filter(locale__language_code="fr")
        .values_list("title", flat=True)
    )
    assert "Fromagerie Les Deux Rives" in titles[:3]
    assert titles and set(titles) <= shops  # shops only: no offer, no news item


def test_the_english_directory_searches_in_english(client):
    path, params = handed_over(client, "/en/shops/?q=cheese&categorie=fromagerie")
    assert path == "/en/search/"
    assert params == {"q": "cheese", "type": "merchant", "category": "fromagerie"}


@pytest.mark.parametrize("words", ["", "   ", "\t"])
def test_without_a_keyword_the_directory_is_shown(client, words):
    response = client.get("/commerces/", {"q": words, "commune": "tournon-sur-rhone"})
    assert response.status_code == 200
    assert 'id="results-title"' in response.content.decode()


def test_a_very_long_keyword_is_cut_not_refused(client):
    path, params = handed_over(client, "/commerces/?q=" + "pain%20" * 500)
    assert path == "/recherche/"
    assert len(params["q"]) <= 200
    assert client.get(f"{path}?q={params['q']}&type=merchant").status_code == 200
