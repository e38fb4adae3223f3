"""The search page in a real browser: the autocomplete by keyboard alone, announced to
screen readers, and no accessibility violation with or without results."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

PAGES = {
    "search-empty-fr": "/recherche/",
    "search-results-fr": "/recherche/?q=fromages",
    "search-facets-fr": "/recherche/?q=boulangerie&commune=tournon-sur-rhone",
    "search-no-results-fr": "/recherche/?q=zzyzx",
    "search-results-en": "/en/search/?q=bakery",
}


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(page, screenshot, name):
    response = page.goto(PAGES[name])
    assert response.ok
    results = Axe().run(page)
    screenshot(page, name)
    assert results.violations_count == 0, results.generate_report()


def _tab_to_search_box(page):
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-query":
            return
    raise AssertionError("the search box never received the focus")


def test_autocomplete_with_the_keyboard_alone(page, screenshot):
    assert page.goto("/recherche/").ok
    _tab_to_search_box(page)
    box = page.locator("#search-query")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"

    page.keyboard.type("boul", delay=40)
    listbox = page.locator("#search-query-suggestions")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "search-query-suggestions"
    options = page.locator("#search-query-suggestions [role=option]")
    assert options.count() >= 2
    assert options.first.inner_text().startswith("Boulangerie-pâtisserie")

    # The number of suggestions is announced by a polite live region.
    status = page.locator("[role=status][aria-live=polite]")
    expect(status).to_have_text(re.compile(r"^\d+ suggestions disponibles"))

    # Down arrow: the first option becomes active; the focus stays in the box.
    page.keyboard.press("ArrowDown")
    first_id = options.first.get_attribute("id")
    assert box.get_attribute("aria-activedescendant") == first_id
    assert options.first.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "search-query"
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == first_id
    screenshot(page, "search-autocomplete-open")
    assert Axe().run(page).violations_count == 0

    # Escape closes the list and keeps the text.
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()
    assert box.input_value() == "boul"

    # Down arrow opens the list again on its first option; Enter opens that
    # suggestion: here the bakeries category, on the search page.
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == first_id
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "category=boulangerie-patisserie" in page.url
    assert page.locator(".search-result").count() >= 1


def test_enter_without_a_suggestion_submits_the_query(page):
    assert page.goto("/recherche/").ok
    _tab_to_search_box(page)
    page.keyboard.type("fromages", delay=20)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/recherche/?q=fromages")
    # The query's results (cheese shops and their cheese offers), not a suggestion's.
    titles = page.locator(".search-result__title").all_inner_texts()[:3]
    assert any(title.startswith("Fromagerie") for title in titles), titles
