"""News and interviews in a real browser: footnotes by keyboard, accessibility."""

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = {
    "news-listing": "/actualites/",
    "news-topic-en": "/en/news/theme/town-centres/",
    "news-article": "/actualites/le-fonds-de-modernisation-des-commerces-reconduit/",
    "interview": "/actualites/3-questions-a-sophie-marchand/",
    "interview-en": "/en/news/3-questions-for-sophie-marchand/",
}


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(page, screenshot, name):
    response = page.goto(PAGES[name])
    assert response.ok
    results = Axe().run(page)
    screenshot(page, name)
    assert results.violations_count == 0, results.generate_report()


def _tab_to(page, selector, limit=80):
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} never received the focus")


def test_footnote_there_and_back_by_keyboard(page):
    assert page.goto("/actualites/3-questions-a-sophie-marchand/").ok
    _tab_to(page, "a[href='#note-1']")
    page.keyboard.press("Enter")
    # The fragment changes after the key is handled: wait for it rather than race it.
    page.wait_for_url("**#note-1")
    note = page.locator("#note-1")
    assert "fonds de solidarité" not in note.inner_text()  # the note explains, not repeats
    assert "Aide nationale" in note.inner_text()
    assert note.evaluate("el => el.getBoundingClientRect().top < window.innerHeight")

    # From the note, the next Tab reaches its "back to text" link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#ref-1"
    page.keyboard.press("Enter")
    page.wait_for_url("**#ref-1")
    marker = page.locator("#ref-1")
    assert marker.evaluate("el => el.getBoundingClientRect().top < window.innerHeight")
    assert page.evaluate("document.activeElement.id") == "ref-1"
