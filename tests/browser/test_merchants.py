"""The merchant directory in a real browser: keyboard use, map, accessibility."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

# A 1×1 transparent PNG served instead of map tiles: tests never leave this machine.
BLANK_TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def offline(page, live_server):
    """Answer every request to another host locally (map tiles come from OpenStreetMap)."""

    def handle(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)

    page.route("**/*", handle)
    return page


def tab_to(page, predicate, limit=60):
    """Press Tab until ``predicate`` (JavaScript, on ``document.activeElement``) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def assert_no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_filter_the_directory_by_keyboard_and_open_a_profile(offline, screenshot):
    page = offline
    assert page.goto("/commerces/").ok
    tab_to(page, "element.id === 'filter-category'")
    for _ in range(40):
        if page.evaluate("document.activeElement.value") == "fromagerie":
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "fromagerie"
    tab_to(page, "element.type === 'submit'")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"categorie=fromagerie"))
    titles = page.locator(".merchant-card__title a").all_inner_texts()
    assert titles and "Fromagerie Les Deux Rives" in titles
    screenshot(page, "directory-filtered")

    tab_to(page, "element.closest('.merchant-card__title') !== null")
    name = page.evaluate("document.activeElement.innerText.trim()")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == name
    assert page.locator(".hours-table").is_visible()


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("directory-list", "/commerces/"),
        ("directory-list-en", "/en/shops/?ouvert=1"),
        ("directory-map", "/commerces/?vue=carte"),
        ("merchant-profile", "/commerces/boulangerie-du-quai/"),
    ],
)
def test_directory_and_profile_have_no_axe_violations(offline, screenshot, name, url):
    page = offline
    assert page.goto(url).ok
    if "carte" in url:
        page.wait_for_selector(".leaflet-marker-icon")
        assert page.locator(".leaflet-marker-icon").count() >= 60
        assert page.locator(".merchant-card").count() > 0  # the list stays below the map
    if "boulangerie" in url:
        page.wait_for_selector(".merchant-map .leaflet-marker-icon")
    assert_no_axe_violations(page)
    screenshot(page, name)


def test_map_marker_popup_links_to_the_profile(offline):
    page = offline
    assert page.goto("/commerces/?vue=carte&categorie=fromagerie").ok
    marker = page.locator(".leaflet-marker-icon").first
    marker.wait_for()
    marker.focus()
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup-content a")
    link.wait_for()
    name = link.inner_text()
    assert link.get_attribute("href").startswith("http://")
    link.click(timeout=5000)
    page.wait_for_url(re.compile(r"/commerces/[\w-]+/$"))
    assert page.locator("h1").inner_text() == name


def _luminance(rgb):
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(foreground, background):
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(
    ("url", "zoom_in", "zoom_out"),
    [
        ("/commerces/boulangerie-du-quai/", "Zoom avant", "Zoom arrière"),
        ("/en/shops/?vue=carte", "Zoom in", "Zoom out"),
    ],
)
def test_zoom_buttons_are_named_in_the_page_language_and_readable(offline, url, zoom_in, zoom_out):
    page = offline
    assert page.goto(url).ok
    button_in = page.locator(".leaflet-control-zoom-in")
    button_out = page.locator(".leaflet-control-zoom-out")
    button_in.wait_for()
    assert button_in.get_attribute("aria-label") == zoom_in
    assert button_out.get_attribute("aria-label") == zoom_out
    assert button_out.get_attribute("title") == zoom_out
    # At the end of the range the button is greyed out: its "−" or "+" still readable.
    for _ in range(25):
        if button_in.get_attribute("aria-disabled") == "true":
            break
        button_in.click()
        # Leaflet updates its buttons when the zoom animation ends.
        page.locator(".leaflet-zoom-anim").wait_for(state="detached")
    disabled = page.locator(".leaflet-control-zoom .leaflet-disabled")
    assert disabled.count() == 1
    colours = disabled.evaluate(
        "element => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]"
    )
    assert _contrast(*colours) >= 4.5, colours
