"""Browser tests: a live server and Debian's chromium driven by Playwright.

Playwright's sync API runs an event loop in this thread; Django refuses database
access from a thread with a running loop unless told it is safe, which it is here
(the live server answers from its own thread).
"""

import os
import shutil
from pathlib import Path

import pytest

from tests import demo_snapshot

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium.")
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium to run browser tests.")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def demo_site(transactional_db):
    """The demo content, committed so that the live server thread sees it.

    pytest-django's live server makes every test transactional, and a transactional
    test empties the database when it ends; the session's demo is put back.
    """
    demo_snapshot.restore()


@pytest.fixture
def page(browser, live_server, demo_site):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot():
    def save(page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
