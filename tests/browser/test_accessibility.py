"""What a keyboard or screen reader user meets on the site's main page types."""

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = {
    "home-fr": "/",
    "home-en": "/en/",
    "standard-page-fr": "/soutien-aux-entreprises/",
    "standard-page-en": "/en/business-support/",
}


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(page, screenshot, name):
    response = page.goto(PAGES[name])
    assert response.ok
    results = Axe().run(page)
    screenshot(page, name)
    assert results.violations_count == 0, results.generate_report()


def test_skip_link_and_main_navigation_by_keyboard(page):
    assert page.goto("/").ok
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu principal"
    assert page.locator(".skip-link").is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # From the top again, Tab reaches every main navigation link in order.
    page.goto("/")
    expected = page.locator(".main-nav__link").all_inner_texts()
    reached = []
    for _ in range(15):
        page.keyboard.press("Tab")
        classes = page.evaluate("document.activeElement.className")
        if "main-nav__link" in classes:
            reached.append(page.evaluate("document.activeElement.innerText.trim()"))
        if len(reached) == len(expected):
            break
    assert reached == expected
    assert "Soutien aux entreprises" in reached

    # The focused link is visibly outlined.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"

    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == reached[-1]
