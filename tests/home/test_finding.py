"""Finding things from any page: the search box in every page's header, the home page's
search and its links to the directory, the menu button for phones."""

import re

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "/": "/recherche/",
    "/commerces/": "/recherche/",
    "/actualites/": "/recherche/",
    "/soutien-aux-entreprises/": "/recherche/",
    "/en/": "/en/search/",
    "/en/shops/": "/en/search/",
}


def header(html):
    return html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]


@pytest.mark.parametrize(("address", "action"), PUBLIC_PAGES.items())
def test_every_page_has_a_search_box_in_its_header(client, address, action):
    response = client.get(address)
    assert response.status_code == 200
    top = header(response.content.decode())
    form = re.search(
        r'<form class="site-search site-search--header" role="search" method="get" '
        r'action="([^"]+)"',
        top,
    )
    assert form and form.group(1) == action
    box = re.search(
        r'<input class="site-search__input" id="site-search-header" name="q" type="text"[^>]*>',
        top,
    )
    assert box, "a text box (the autocomplete makes it a combobox; type=search may not be one)"
    assert 'data-autocomplete-url="/api/search/autocomplete/"' in box.group(0)
    assert re.search(
        r'<label class="site-search__label visually-hidden" for="site-search-header">', top
    )
    assert "js/search.js" in top


def test_the_english_header_is_in_english(client):
    top = header(client.get("/en/shops/").content.decode())
    assert ">Search the site</label>" in top
    assert 'data-autocomplete-language="en"' in top


def test_the_search_page_has_one_search_box(client):
    html = client.get("/recherche/?q=pain").content.decode()
    assert "site-search--header" not in html
    assert html.count('name="q"') == 1
    assert re.search(
        r'<input class="search-form__input" id="search-query" name="q" type="text"', html
    )
    assert html.count("js/search.js") == 1


def test_the_home_page_leads_to_search_and_to_the_directory(client):
    html = client.get("/").content.decode()
    hero = html.split('<section class="hero"', 1)[1].split("</section>", 1)[0]
    assert (
        '<form class="site-search site-search--home" role="search" method="get" '
        'action="/recherche/">' in hero
    )
    assert (
        '<label class="site-search__label" for="site-search-home">Que cherchez-vous ?</label>'
        in hero
    )
    shortcuts = re.findall(
        r'<a class="home-shortcuts__link" href="([^"]+)">'
        r'<span class="home-shortcuts__label">([^<]+)</span>',
        html,
    )
    assert shortcuts == [
        ("/commerces/", "Annuaire des commerces"),
        ("/commerces/?vue=carte", "Carte des commerces"),
        ("/recherche/", "Rechercher"),
    ]
    english = client.get("/en/").content.decode()
    assert (
        '<a class="home-shortcuts__link" href="/en/shops/">'
        '<span class="home-shortcuts__label">Shop directory</span>' in english
    )


def test_the_menu_button_is_a_disclosure_and_the_links_are_there_without_javascript(client):
    html = client.get("/commerces/").content.decode()
    nav = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    button = re.search(r"<button[^>]*main-nav__toggle[^>]*>", nav).group(0)
    assert 'type="button"' in button
    assert 'aria-expanded="false"' in button
    assert 'aria-controls="main-nav-list"' in button
    assert " hidden" in button  # shown by static/js/site.js: without it, the links are listed
    assert '<ul class="container main-nav__list" id="main-nav-list">' in nav
    assert len(re.findall(r'class="main-nav__link"', nav)) >= 5
