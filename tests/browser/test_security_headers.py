"""The site and the Wagtail admin in Chromium under the Content-Security-Policy the
server sends (the production policy: it lives in the base settings): pages, maps,
choosers and workflow dialogs work, and the browser reports no violation."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from news.models import NewsPage
from tests.csp import parse_csp

# A 1×1 transparent PNG served instead of map tiles: tests never leave this machine.
BLANK_TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
EDITOR = "redaction@agglo.example"
PASSWORD = "Relecture-des-deux-rives-07"
NEWS_SLUG = "le-fonds-de-modernisation-des-commerces-reconduit"

# Runs in every document before its own scripts (Playwright injects it through the
# DevTools protocol, which the page's policy does not govern).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile}:${event.lineNumber}`
    );
}, true);
"""


class Violations:
    """What the browser refused in a page and its frames, from the
    securitypolicyviolation events and the console (policy errors are logged there
    too, including Permissions-Policy ones)."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.context.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Permissions-Policy" in text:
            self.console.append(text)

    def take(self):
        found = list(self.console)
        self.console.clear()
        for frame in self.page.frames:
            try:
                found += frame.evaluate(
                    "() => { const v = window.__cspViolations || [];"
                    " window.__cspViolations = []; return v; }"
                )
            except Exception:  # noqa: S112 - a frame that went away has nothing to report
                continue
        return found


@pytest.fixture
def site(page, live_server):
    """The page, with map tiles answered locally and violations recorded."""

    def handle(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)

    page.route("**/*", handle)
    return page, Violations(page)


def assert_enforced(response):
    """The page came with an enforced policy (not report-only) that forbids inline code."""
    headers = response.all_headers()
    assert "content-security-policy-report-only" not in headers
    policy = parse_csp(headers["content-security-policy"])
    assert "'unsafe-inline'" not in policy["script-src"]
    return policy


def test_the_public_site_and_its_maps_run_under_the_policy(site):
    page, violations = site
    response = page.goto("/")
    assert response.ok
    assert_enforced(response)
    assert page.locator("h1").first.is_visible()
    assert violations.take() == []

    # The policy is really enforced: an injected inline script is refused and reported.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__injected = true'; document.body.append(s); }"
    )
    assert page.evaluate("window.__injected === undefined")
    assert any("script-src" in violation for violation in violations.take())

    response = page.goto("/commerces/boulangerie-du-quai/")
    assert_enforced(response)
    page.wait_for_selector(".merchant-map .leaflet-marker-icon")
    page.wait_for_selector(".merchant-map .leaflet-tile-loaded")  # from the tile server
    attribution = page.locator(".merchant-map .leaflet-control-attribution a")
    assert attribution.get_attribute("href") == "https://www.openstreetmap.org/copyright"
    # The shop (LocalBusiness) and its breadcrumb (BreadcrumbList).
    assert page.locator("script[type='application/ld+json']").count() == 2
    assert violations.take() == []

    response = page.goto("/commerces/?vue=carte")
    assert_enforced(response)
    page.wait_for_selector(".directory-map .leaflet-marker-icon")
    assert page.locator(".directory-map .leaflet-marker-icon").count() >= 60
    page.wait_for_selector(".directory-map .leaflet-tile-loaded")
    page.locator(".leaflet-control-zoom-in").click()  # new tiles, old ones blanked
    page.locator(".directory-map .leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup-content a")
    assert violations.take() == []

    response = page.goto("/actualites/cette-page-n-existe-pas/")
    assert response.status == 404
    assert_enforced(response)
    assert "Page introuvable" in page.locator("h1").inner_text()
    assert violations.take() == []


@pytest.fixture
def news_in_review(demo_site):
    """A news item waiting in the editorial review, and an editor who may review it."""
    editor = get_user_model().objects.create_superuser(EDITOR, EDITOR, PASSWORD)
    news = NewsPage.objects.get(slug=NEWS_SLUG, locale__language_code="fr")
    news.get_workflow().start(news, editor)
    return news


def sign_in_to_the_admin(page):
    page.goto("/admin/login/")
    page.fill("#id_username", EDITOR)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def test_the_admin_works_under_its_policy(site, news_in_review, screenshot):
    page, violations = site
    sign_in_to_the_admin(page)
    assert violations.take() == []

    # The page editor.
    response = page.goto(f"/admin/pages/{news_in_review.pk}/edit/")
    policy = parse_csp(response.all_headers()["content-security-policy"])
    assert policy["object-src"] == ["'none'"]  # the admin's policy, still a policy
    assert page.locator("#id_title").input_value() == news_in_review.title
    page.wait_for_load_state("networkidle")
    assert violations.take() == []

    # The image chooser lists the images, and choosing one fills the field.
    chooser = page.locator("#id_main_image-chooser")
    chooser.locator("[data-w-dropdown-target=toggle]").click()
    chooser.locator("[data-chooser-action-choose]:visible").click()
    choices = page.locator(".modal-content [data-chooser-modal-choice]")
    choices.first.wait_for()
    assert choices.count() >= 5
    title = choices.nth(1).get_attribute("title")
    choices.nth(1).click()
    page.wait_for_selector(".modal-content", state="detached")
    assert chooser.locator("[data-chooser-title]").inner_text() == title
    assert violations.take() == []

    # The preview panel frames the page as visitors will see it.
    page.locator("[data-side-panel-toggle='preview']").click()
    # Wagtail loads each preview in a second frame, then swaps it in under this id.
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1").first).to_have_text(news_in_review.title)
    screenshot(page, "admin-editor-preview")
    assert violations.take() == []

    # The workflow dialog: request changes (a main button, home.action_menu), with a comment.
    page.locator("footer [data-workflow-action-name='reject']").click()
    comment = page.locator(".modal-content textarea[name='comment']")
    comment.wait_for()
    comment.fill("Ajouter le montant maximal de l'aide.")
    screenshot(page, "admin-workflow-dialog")
    page.locator(".modal-content form [type=submit]").click()
    page.wait_for_selector(".modal-content", state="detached")
    page.wait_for_load_state("networkidle")
    state = WorkflowState.objects.for_instance(news_in_review).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Ajouter le montant maximal de l'aide."
    assert violations.take() == []
