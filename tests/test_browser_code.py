"""Rules for the browser tests themselves, read from their source."""

import ast
from pathlib import Path

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def test_browser_tests_wait_through_locators_not_page_scripts():
    # The site's Content-Security-Policy forbids 'unsafe-eval', and Playwright's
    # wait_for_function evaluates its predicate with eval() in the page, which that
    # policy refuses (CI failed on it while the same test passed on a quicker run).
    # expect(locator) waits from Playwright's own isolated world instead.
    found = []
    for path in sorted(BROWSER_TESTS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr == "wait_for_function":
                found.append(f"{path.name} line {node.lineno}")
    assert found == [], "use expect(locator)… instead of wait_for_function: " + ", ".join(found)
