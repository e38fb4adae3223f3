"""The language switcher on a page not translated into the other language explains
so, instead of silently leading to the other language's home page."""

import html as html_lib
import re

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def french_only_page():
    """A live French page of the demo with no English version and no English view."""
    english_keys = Page.objects.filter(locale__language_code="en").values("translation_key")
    for page in (
        Page.objects.live()
        .filter(locale__language_code="fr", depth__gt=2)
        .exclude(translation_key__in=english_keys)
        .specific()
        .order_by("path")
    ):
        if getattr(page, "url_in_language", lambda code: None)("en") is None:
            return page
    raise AssertionError("the demo has no French-only page")


def english_link(html):
    match = re.search(r'<a href="([^"]+)" hreflang="en" lang="en">English</a>', html)
    assert match, "no English link"
    return html_lib.unescape(match.group(1))


def test_switcher_on_a_french_only_page_explains_and_offers_both_ways(client):
    page = french_only_page()
    link = english_link(client.get(page.url).content.decode())
    assert link.startswith("/en/untranslated-page/?")
    assert link != "/en/"
    response = client.get(link)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "This page is only available in French" in html
    assert f'<a href="{page.url}" hreflang="fr">Read the page in French</a>' in html
    assert '<a href="/en/">Go to the home page</a>' in html
    assert '<meta name="robots" content="noindex, follow">' in html


@pytest.mark.parametrize(
    "origin", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_explanation_links_back_only_to_this_site(client, origin):
    response = client.get("/en/untranslated-page/", {"page": origin, "lang": "xx"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "This page is only available in French" in html  # unknown language: French
    for target in ("https:", "//evil", "javascript:"):
        assert f'href="{target}' not in html
    assert "Read the page in French" not in html
    assert '<a href="/en/">Go to the home page</a>' in html
