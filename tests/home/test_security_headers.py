"""Security headers on what visitors, merchants and editors load: Content-Security-Policy
(public site, portal, admin, error pages), Permissions-Policy, Cross-Origin-Resource-Policy;
the map's tile server (MAP_TILES_URL) and the CSRF failure page."""

import html
import re

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.format import embed_to_frontend_html
from wagtail.embeds.models import Embed

from home.templatetags.structured_data_tags import script_hash
from merchants.models import MerchantIndexPage, MerchantPage
from news.models import NewsPage
from site_cms.security import check_attribution_url, permissions_policy_allowing, tile_source
from tests.csp import parse_csp
from tests.factories.portal import MerchantAccountFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db

NEWS = "/actualites/le-fonds-de-modernisation-des-commerces-reconduit/"
MERCHANT = "/commerces/boulangerie-du-quai/"
MERCHANT_EN = "/en/shops/boulangerie-du-quai/"
DIRECTORY_MAP = "/commerces/?vue=carte"
OSM_TILES = "https://tile.openstreetmap.org"
PUBLIC_PAGES = [
    "/",
    "/en/",
    NEWS,
    MERCHANT,
    DIRECTORY_MAP,
    "/recherche/?q=fromage",
    "/espace-commercant/connexion/",
    "/referencer-mon-commerce/",
]
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "display-capture"]
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture(autouse=True)
def french_by_default():
    """A request to /en/ leaves English active in the test thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def csp(response):
    return parse_csp(response["Content-Security-Policy"])


def permissions(response):
    """``{feature: allowlist}`` from the Permissions-Policy header."""
    return dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))


def assert_strict_public_policy(response):
    policy = csp(response)
    assert "Content-Security-Policy-Report-Only" not in response  # enforced, not just reported
    assert policy["default-src"] == ["'self'"]
    assert "'self'" in policy["script-src"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive]
        assert "'unsafe-eval'" not in policy[directive]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["connect-src"] == ["'self'"]
    features = permissions(response)
    for feature in DENIED_FEATURES:
        assert features[feature] == "()", feature
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    return policy


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_send_the_strict_policy_and_hold_no_inline_code(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_strict_public_policy(response)
    page = response.content.decode()
    assert "<main" in page
    # Every script is a file of this site, or JSON-LD data the policy allows by its hash.
    for attributes in SCRIPT_TAG.findall(page):
        assert (
            'src="/static/' in attributes or attributes.strip() == 'type="application/ld+json"'
        ), attributes
    script_src = csp(response)["script-src"]
    for data in JSON_LD.findall(page):
        assert script_hash(data) in script_src
    assert not re.search(r"<style\b", page, re.IGNORECASE)
    assert not re.search(r"\sstyle=", page, re.IGNORECASE)
    assert not re.search(r"\son[a-z]+=", page, re.IGNORECASE)  # inline event handlers


@pytest.mark.parametrize("url", [NEWS, MERCHANT, MERCHANT_EN])
def test_json_ld_is_allowed_by_its_hash(client, url):
    first = client.get(url)
    assert first.status_code == 200
    blocks = JSON_LD.findall(first.content.decode())
    assert len(blocks) >= 1
    script_src = csp(first)["script-src"]
    assert all(script_hash(block) in script_src for block in blocks)
    assert "'unsafe-inline'" not in script_src
    assert not [source for source in script_src if source.startswith("'nonce-")]
    # The same page gives the same policy: a copy from a cache stays allowed.
    second = client.get(url)
    assert csp(second)["script-src"] == script_src
    # A hash names only that content.
    assert script_hash(blocks[0] + " ") not in script_src


def test_pages_without_inline_data_name_no_nonce(client):
    response = client.get("/")
    assert response.status_code == 200
    assert csp(response)["script-src"] == ["'self'"]


def test_the_merchant_portal_has_the_public_policy(client):
    merchant = MerchantPage.objects.get(external_id="demo-010", locale__language_code="fr")
    account = MerchantAccountFactory(merchant=merchant, user__username="csp@commerces.example")
    client.force_login(account.user)
    for name in ("dashboard", "profile", "hours", "photos"):
        response = client.get(reverse(f"merchant_portal:{name}"))
        assert response.status_code == 200, name
        assert merchant.title in response.content.decode()
        assert_strict_public_policy(response)
        assert " style=" not in response.content.decode()


def test_the_admin_has_its_own_policy_and_nothing_else_is_loosened(client):
    public = csp(client.get("/"))
    client.force_login(TeamMemberFactory())
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "wagtail" in response.content.decode().lower()
    admin = csp(response)
    # What Wagtail's admin needs (see CONTENT_SECURITY_POLICY_ADMIN)...
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["style-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["img-src"] == ["'self'", "data:", "blob:"]
    assert "'self'" in admin["frame-src"]  # the preview panel
    # ... and nothing more: no eval, no other host, the same rest of the policy.
    assert "'unsafe-eval'" not in admin["script-src"]
    assert admin["frame-ancestors"] == ["'none'"]
    loosened = {"script-src", "style-src", "img-src", "frame-src"}
    assert {k: v for k, v in admin.items() if k not in loosened} == {
        k: v for k, v in public.items() if k not in loosened
    }
    assert permissions(response)["geolocation"] == "()"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    # The public site keeps its policy for the same signed-in editor.
    assert_strict_public_policy(client.get(NEWS))


def test_the_admin_login_page_has_the_admin_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert csp(response)["script-src"] == ["'self'", "'unsafe-inline'"]


def test_previews_keep_the_public_policy_and_may_be_framed_by_the_admin(client):
    news = NewsPage.objects.get(
        url_path__endswith="/le-fonds-de-modernisation-des-commerces-reconduit/"
    )
    client.force_login(TeamMemberFactory())
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[news.pk]))
    assert response.status_code == 200
    assert news.title in response.content.decode()
    policy = csp(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]


def test_the_404_page_sends_the_policy(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    assert_strict_public_policy(response)


# The map's tile server ----------------------------------------------------------------

AGGLO_TILES = "https://tuiles.agglo.example/osm/{z}/{x}/{y}.png"


@override_settings(
    MAP_TILES_URL=AGGLO_TILES,
    MAP_TILES_ATTRIBUTION="© Agglo Rhône, données © OpenStreetMap",
    MAP_TILES_ATTRIBUTION_URL="https://tuiles.agglo.example/credits",
)
@pytest.mark.parametrize("url", [MERCHANT, DIRECTORY_MAP])
def test_the_maps_and_the_policy_follow_map_tiles_url(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert f'data-tiles-url="{AGGLO_TILES}"' in page
    assert 'data-attribution="© Agglo Rhône, données © OpenStreetMap"' in page
    assert 'data-attribution-url="https://tuiles.agglo.example/credits"' in page
    assert "tile.openstreetmap.org" not in page
    img_src = assert_strict_public_policy(response)["img-src"]
    assert "https://tuiles.agglo.example" in img_src
    assert OSM_TILES not in img_src


@pytest.mark.parametrize(
    ("template", "sources"),
    [
        ("https://{s}.tiles.example.net/{z}/{x}/{y}.png", ["https://*.tiles.example.net"]),
        (
            "https://tiles.example.net:8443/wmts/{z}/{x}/{-y}.png",
            ["https://tiles.example.net:8443"],
        ),
        ("/tuiles/{z}/{x}/{y}.png", []),  # served by the site: 'self' already allows it
    ],
)
def test_the_tile_host_in_the_policy(client, template, sources):
    with override_settings(MAP_TILES_URL=template):
        response = client.get(MERCHANT)
    assert response.status_code == 200
    assert csp(response)["img-src"] == ["'self'", "data:", *sources]


def test_the_default_map_credit_is_in_the_page_language(client):
    french = html.unescape(client.get(MERCHANT).content.decode())
    assert 'data-attribution="© les contributrices et contributeurs d’OpenStreetMap"' in french
    assert 'data-attribution-url="https://www.openstreetmap.org/copyright"' in french
    english = html.unescape(client.get(MERCHANT_EN).content.decode())
    assert 'data-attribution="© OpenStreetMap contributors"' in english
    assert OSM_TILES in csp(client.get(MERCHANT_EN))["img-src"]


@pytest.mark.parametrize(
    "template",
    [
        "tiles.example.net/{z}/{x}/{y}.png",  # no scheme
        "//tiles.example.net/{z}/{x}/{y}.png",
        "ftp://tiles.example.net/{z}/{x}/{y}.png",
        "javascript:alert(1)//{z}/{x}/{y}",
        "https://tiles.example.net/{z}/{x}.png",  # no row
        "https://tiles.example.net/tile.png",
        "https://{a}.tiles.example.net/{z}/{x}/{y}.png",
        "https://tiles-{s}.example.net/{z}/{x}/{y}.png",
        "https://*.example.net/{z}/{x}/{y}.png",
        "https://user:secret@tiles.example.net/{z}/{x}/{y}.png",
        "",
    ],
)
def test_unusable_tile_urls_are_refused_with_a_clear_error(template):
    with pytest.raises(ImproperlyConfigured, match="MAP_TILES_URL"):
        tile_source(template)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "tiles.example"])
def test_the_credit_link_must_be_a_web_address(url):
    with pytest.raises(ImproperlyConfigured, match="MAP_TILES_ATTRIBUTION_URL"):
        check_attribution_url(url)


@override_settings(MAP_TILES_ATTRIBUTION_URL="")
def test_a_credit_without_link(client):
    page = client.get(MERCHANT).content.decode()
    assert 'data-attribution-url=""' in page


# Permissions-Policy --------------------------------------------------------------------


def test_a_page_type_can_allow_geolocation_for_itself(client, monkeypatch):
    assert permissions(client.get(DIRECTORY_MAP))["geolocation"] == "()"
    monkeypatch.setattr(MerchantIndexPage, "allowed_browser_features", ("geolocation",))
    response = client.get(DIRECTORY_MAP)
    assert response.status_code == 200
    features = permissions(response)
    assert features["geolocation"] == "(self)"
    assert features["camera"] == "()"
    assert features["microphone"] == "()"
    # Every other page keeps geolocation denied.
    assert permissions(client.get(MERCHANT))["geolocation"] == "()"
    assert permissions(client.get("/"))["geolocation"] == "()"


def test_allowing_a_feature_the_policy_does_not_name_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="teleportation"):
        permissions_policy_allowing(["teleportation"])


# Cross-Origin-Resource-Policy ----------------------------------------------------------


def test_open_data_and_the_search_api_may_be_read_by_other_sites(client):
    export = client.get("/commerces/export.geojson")
    assert export.status_code == 200
    assert export["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert export["Access-Control-Allow-Origin"] == "*"
    api = client.get("/api/search/?q=fromage")
    assert api.status_code == 200
    assert api["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_documents_keep_wagtails_stricter_policy(client):
    document = Document.objects.first()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)
    # Wagtail's own header for served files is stricter than the site's: it stays.
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_static_files_served_by_whitenoise_are_same_origin():
    response = Client().get("/static/css/site.css")  # a new client reads the settings
    assert response.status_code == 200
    assert b".container" in b"".join(response.streaming_content)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


# Embedded videos -----------------------------------------------------------------------


def test_embedded_videos_need_no_style_attribute_and_may_be_framed():
    url = "https://www.youtube.com/watch?v=agglo-demo"
    Embed.objects.create(
        url=url,
        max_width=None,
        hash=get_embed_hash(url),
        type="video",
        html=(
            '<iframe src="https://www.youtube.com/embed/agglo-demo" width="480" height="360">'
            "</iframe>"
        ),
        width=480,
        height=360,
    )
    markup = embed_to_frontend_html(url)
    assert 'data-embed-width="480" data-embed-height="360"' in markup
    assert "style=" not in markup
    assert "https://www.youtube.com" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]


# The CSRF failure page -----------------------------------------------------------------


@pytest.fixture
def merchant_account():
    merchant = MerchantPage.objects.get(external_id="demo-010", locale__language_code="fr")
    return MerchantAccountFactory(merchant=merchant, user__username="csrf@commerces.example")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Formulaire expiré", "Rien n’a été enregistré", "rechargez la page"]),
        ("en", ["Form expired", "Nothing was saved", "reload the page"]),
    ],
)
def test_an_expired_form_is_explained_in_the_page_language(merchant_account, language, expected):
    merchant = MerchantPage.objects.get(pk=merchant_account.merchant_id)
    hours_before = merchant.opening_hours
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(merchant_account.user)
    with translation.override(language):
        url = reverse("merchant_portal:hours")
    form = f"http://testserver{url}"
    response = browser.post(
        url,
        {"opening_hours": "Mo-Su 00:00-24:00", "closed_from": "", "closed_until": ""},
        HTTP_REFERER=form,
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    for text in expected:
        assert text in html.unescape(page)
    assert f'href="{form}"' in page  # back to the form
    assert_strict_public_policy(response)
    assert MerchantPage.objects.get(pk=merchant.pk).opening_hours == hours_before


def test_the_csrf_page_renders_for_anonymous_visitors_without_a_cookie():
    with translation.override("en"):
        url = reverse("merchant_listing:request")
    response = Client(enforce_csrf_checks=True).post(
        url, {"title": "Commerce"}, HTTP_REFERER="https://elsewhere.example/form/"
    )
    assert response.status_code == 403
    page = html.unescape(response.content.decode())
    assert '<html lang="en">' in page
    assert "Form expired" in page
    assert "cookies" in page  # no CSRF cookie at all: the browser may refuse cookies
    assert "elsewhere.example" not in page  # no link to another site
