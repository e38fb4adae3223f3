"""Finding things on a phone (375 px): search from the header of the home page, the
menu button by keyboard, and no accessibility violation on the pages a resident uses to
find a shop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def phone(browser, live_server, demo_site):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def tab_until(page, predicate, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def test_search_from_the_header_of_the_home_page(phone, screenshot):
    assert phone.goto("/").ok
    box = phone.locator("#site-search-header")
    assert box.is_visible()
    # Above the fold: no scrolling to find it.
    assert box.bounding_box()["y"] + box.bounding_box()["height"] < PHONE["height"] / 2
    box.click()
    phone.keyboard.type("boul", delay=40)
    phone.locator("#site-search-header-suggestions").wait_for(state="visible")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    assert phone.locator("#site-search-header-suggestions [role=option]").count() >= 2
    screenshot(phone, "finding-header-suggestions-375")

    # Escape closes the suggestions; Enter sends the words typed to the search page.
    phone.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    phone.keyboard.type("angerie")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.url.endswith("/recherche/?q=boulangerie")
    assert phone.locator("#search-query").input_value() == "boulangerie"
    first = phone.locator(".search-result").first
    assert "Boulangerie" in first.inner_text()


def test_open_the_menu_by_keyboard(phone, screenshot):
    assert phone.goto("/").ok
    button = phone.locator(".main-nav__toggle")
    links = phone.locator(".main-nav__link")
    assert button.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert not links.first.is_visible()  # folded: no three rows of links

    tab_until(phone, "element.classList.contains('main-nav__toggle')")
    phone.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert links.first.is_visible() and links.last.is_visible()
    screenshot(phone, "finding-menu-open-375")

    # The next Tab reaches the first link; Escape folds the menu and returns to the button.
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent.trim()") == links.first.inner_text()
    phone.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("document.activeElement.classList.contains('main-nav__toggle')")
    assert not links.first.is_visible()

    # Space opens it as well, and a link leads where it says.
    phone.keyboard.press(" ")
    assert button.get_attribute("aria-expanded") == "true"
    tab_until(phone, "element.textContent.trim() === 'Commerces'")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.url.endswith("/commerces/")


def test_without_javascript_the_menu_links_are_listed(browser, live_server, demo_site):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    assert page.goto("/").ok
    assert not page.locator(".main-nav__toggle").is_visible()
    assert page.locator(".main-nav__link").first.is_visible()
    assert page.locator(".main-nav__link").last.is_visible()
    context.close()


PAGES = {
    "home": "/",
    "home-en": "/en/",
    "search-results": "/recherche/?q=boulangerie",
    "search-empty": "/recherche/?q=plombier",
    "directory": "/commerces/",
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_no_axe_violations_on_a_phone_and_a_desktop(
    browser, live_server, demo_site, screenshot, name, width
):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    assert page.goto(PAGES[name]).ok
    results = Axe().run(page)
    screenshot(page, f"finding-{name}-{width}")
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_search_results_come_first_on_a_phone(phone, browser, live_server):
    assert phone.goto("/recherche/?q=boulangerie").ok
    first = phone.locator(".search-result").first
    assert first.bounding_box()["y"] < PHONE["height"]  # no chips to scroll past
    chip = phone.locator(".search-facets .chip").first
    assert not chip.is_visible()
    phone.locator(".search-facets__summary").click()
    assert chip.is_visible()

    wide = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = wide.new_page()
    assert page.goto("/recherche/?q=boulangerie").ok
    assert page.locator(".search-facets .chip").first.is_visible()  # open beside the results
    wide.close()
