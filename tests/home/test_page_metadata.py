"""What search engines and social networks read in a page's <head>: description, canonical
address, language alternates, Open Graph and Twitter cards, breadcrumb data, icons."""

import json
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import Locale

from home.seo import truncate_description
from merchants.models import MerchantIndexPage, MerchantPage
from news.models import NewsPage

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"
ARTICLE = "/actualites/un-marche-de-noel-sur-les-deux-rives/"


def _static_file_exists(url):
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL)
    return finders.find(path.removeprefix(settings.STATIC_URL)) is not None


class Head:
    """The metadata of a served page."""

    def __init__(self, response):
        assert response.status_code == 200
        self.html = response.content.decode()
        self.soup = BeautifulSoup(self.html, "html.parser")
        self.head = self.soup.head

    def meta(self, key):
        found = self.head.find_all("meta", attrs={"property": key}) or self.head.find_all(
            "meta", attrs={"name": key}
        )
        return [element["content"] for element in found]

    def one(self, key):
        values = self.meta(key)
        assert len(values) == 1, (key, values)
        return values[0]

    def link(self, rel):
        return [element["href"] for element in self.head.find_all("link", rel=rel)]

    @property
    def canonical(self):
        (url,) = self.link("canonical")
        return url

    @property
    def alternates(self):
        return {
            element["hreflang"]: element["href"]
            for element in self.head.find_all("link", rel="alternate", hreflang=True)
        }

    def json_ld(self, kind):
        blocks = [
            json.loads(script.string)
            for script in self.soup.find_all("script", type="application/ld+json")
        ]
        found = [block for block in blocks if block["@type"] == kind]
        assert len(found) == 1, (kind, [block["@type"] for block in blocks])
        return found[0]

    def assert_social_card(self, title, og_type="website"):
        assert self.one("og:title") == title
        assert self.one("og:type") == og_type
        assert self.one("og:url") == self.canonical
        assert self.one("og:description") == self.one("description")
        assert self.one("twitter:card") == "summary_large_image"
        image = self.one("og:image")
        assert image.startswith("http://testserver/")
        assert self.one("og:image:width") == "1200"
        assert self.one("og:image:height") == "630"
        assert self.one("og:image:alt")
        assert self.one("twitter:image") == image
        assert len(self.one("description")) <= 160


def test_description_is_cut_on_a_word_boundary():
    text = "Une boutique " + "très " * 50 + "fin"
    cut = truncate_description(text)
    assert len(cut) <= 160
    assert cut.endswith("très…")
    assert truncate_description("  Court \n texte  ") == "Court texte"
    assert truncate_description("<b>Gras</b> & co") == "Gras & co"


def test_news_article_describes_itself_with_its_lead(client):
    page = NewsPage.objects.get(url_path__endswith="/un-marche-de-noel-sur-les-deux-rives/")
    head = Head(client.get(ARTICLE))

    assert head.canonical == BASE + ARTICLE
    assert head.one("description") == truncate_description(page.lead)
    assert head.one("description").startswith("Pendant trois week-ends de décembre")
    head.assert_social_card(page.title, og_type="article")
    assert head.one("og:image:alt") == page.main_image_alt
    assert "/media/images/" in head.one("og:image") and "1200x630" in head.one("og:image")
    assert head.one("article:published_time").startswith("2025-11-18T09:30:00+01:00")
    assert head.one("og:locale") == "fr_FR"
    assert head.meta("og:locale:alternate") == ["en_GB"]

    article = head.json_ld("NewsArticle")
    logo = article["publisher"]["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["url"].startswith("http://testserver/static/img/logo-512.png")
    assert _static_file_exists(logo["url"])
    assert article["author"]["url"] == BASE + "/"

    trail = head.json_ld("BreadcrumbList")["itemListElement"]
    visible = [item.get_text(strip=True) for item in head.soup.select(".breadcrumb li")]
    assert [item["name"] for item in trail] == visible
    assert [item["position"] for item in trail] == list(range(1, len(visible) + 1))
    assert trail[0]["item"] == BASE + "/"
    assert trail[-1]["item"] == BASE + ARTICLE


def test_search_description_wins_and_is_escaped(client):
    page = NewsPage.objects.get(url_path__endswith="/un-marche-de-noel-sur-les-deux-rives/")
    page.search_description = 'Marché "de Noël" <2025> & chalets'
    page.save_revision().publish()

    head = Head(client.get(ARTICLE))

    assert head.one("description") == 'Marché "de Noël" <2025> & chalets'
    assert 'content="Marché &quot;de Noël&quot; &lt;2025&gt; &amp; chalets"' in head.html


def test_merchant_page_describes_the_shop(client):
    merchant = MerchantPage.objects.filter(
        locale__language_code="fr", live=True, gallery_images__isnull=False
    ).exclude(description="")[0]
    head = Head(client.get(merchant.url))

    assert head.canonical == BASE + merchant.url
    assert head.one("description") == truncate_description(merchant.description)
    head.assert_social_card(merchant.title)
    assert head.one("og:image:alt") == merchant.gallery_images.first().alt_text

    blocks = [
        json.loads(s.string) for s in head.soup.find_all("script", type="application/ld+json")
    ]
    business = next(block for block in blocks if "address" in block)
    assert business["address"]["addressRegion"] == "Auvergne-Rhône-Alpes"
    assert business["image"].startswith("http://testserver/")
    latitude = str(business["geo"]["latitude"])
    assert latitude == str(float(merchant.latitude))
    trail = head.json_ld("BreadcrumbList")["itemListElement"]
    assert trail[-1] == {
        "@type": "ListItem",
        "position": len(trail),
        "name": merchant.title,
        "item": BASE + merchant.url,
    }


def _directory_with_small_pages():
    """The French directory with six shops a page, and a category that fills two."""
    for directory in MerchantIndexPage.objects.all():  # both languages, as when synced
        directory.per_page = 6
        directory.save()
    index = MerchantIndexPage.objects.get(locale__language_code="fr")
    merchants = MerchantPage.objects.child_of(index).live()
    for merchant in merchants.prefetch_related("categories"):
        for category in merchant.categories.all():
            if merchants.filter(categories=category).count() > 6:
                return index, category
    raise AssertionError("no category with more than six shops in the demo")


def test_directory_page_two_with_a_filter_is_its_own_canonical_page(client):
    index, category = _directory_with_small_pages()
    english = index.get_translation(Locale.objects.get(language_code="en"))
    english_category = category.get_translation_or_none(english.locale)
    english_slug = english_category.slug if english_category else category.slug

    head = Head(
        client.get(
            f"/commerces/?utm_source=lettre&page=2&vue=carte&inconnu=1&categorie={category.slug}"
        )
    )

    canonical = urlsplit(head.canonical)
    assert canonical.path == "/commerces/"
    # The filter first, then the page; no tracking, no unknown parameter, no view.
    assert parse_qsl(canonical.query) == [("categorie", category.slug), ("page", "2")]
    assert head.one("og:url") == head.canonical
    assert head.alternates == {
        "fr": head.canonical,
        "en": f"{BASE}{english.url}?categorie={english_slug}&page=2",
        "x-default": head.canonical,
    }
    # The English page says the same of itself.
    english_head = Head(client.get(f"{english.url}?page=2&categorie={english_slug}"))
    assert english_head.canonical == head.alternates["en"]
    assert english_head.alternates["fr"] == head.canonical

    # A first page without filters is the directory itself.
    plain = Head(client.get("/commerces/?utm_campaign=noel&page=1"))
    assert plain.canonical == BASE + "/commerces/"
    assert plain.alternates["en"] == BASE + english.url


def test_topic_and_later_pages_of_the_news_are_their_own_canonical_pages(client):
    head = Head(client.get("/actualites/theme/evenements/?utm_medium=social"))
    assert head.canonical == BASE + "/actualites/theme/evenements/"
    assert head.one("og:url") == head.canonical
    # The French topic's address is not that of the English one: no wrong alternates.
    assert "en" not in head.alternates

    listing = Head(client.get("/actualites/?page=2"))
    assert listing.canonical == BASE + "/actualites/?page=2"


@pytest.mark.parametrize(
    ("url", "language", "locale", "alternate"),
    [("/", "fr", "fr_FR", "en_GB"), ("/en/", "en", "en_GB", "fr_FR")],
)
def test_home_page_metadata(client, url, language, locale, alternate):
    head = Head(client.get(url))
    assert head.soup.html["lang"] == language
    assert head.canonical == BASE + url
    assert head.alternates == {"fr": BASE + "/", "en": BASE + "/en/", "x-default": BASE + "/"}
    assert head.one("og:locale") == locale
    assert head.meta("og:locale:alternate") == [alternate]
    assert head.one("og:site_name") == "Agglo Rhône Commerces"
    assert head.one("description")
    head.assert_social_card(head.one("og:title"))
    # No breadcrumb on the home page, so no BreadcrumbList either.
    assert "BreadcrumbList" not in head.html
    assert head.link("icon") and head.link("apple-touch-icon")
    for href in head.link("icon") + head.link("apple-touch-icon"):
        assert _static_file_exists(href)


def test_a_page_without_description_or_image_gets_the_sites(client, home_fr):
    page = home_fr.get_children().get(slug="contact").specific
    page.intro = ""
    page.listing_summary = ""
    page.search_description = ""
    page.save_revision().publish()

    head = Head(client.get(page.url))

    assert head.one("description").startswith("Commerces, artisans et actualité économique")
    assert re.match(r"http://testserver/static/img/share-default\.png", head.one("og:image"))
    assert head.one("og:image:alt") == "Agglo Rhône Commerces"
    english = Head(client.get("/en/contact/"))
    assert english.one("description") != head.one("description")


def test_favicon_is_served_with_a_long_cache(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert "max-age=2592000" in response["Cache-Control"]
