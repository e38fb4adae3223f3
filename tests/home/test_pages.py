import json

import pytest
import wagtail_factories
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale

from home.demo.localize import Glossary, translate
from news.models import NewsIndexPage
from tests.factories.home import StandardPageFactory
from tests.factories.news import NewsPageFactory
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=site-cms-demo"


@pytest.fixture
def every_block_page(home_fr, tmp_path, settings, django_capture_on_commit_callbacks):
    """A French standard page using every body block, and its English translation."""
    settings.MEDIA_ROOT = tmp_path
    image = wagtail_factories.ImageFactory(title="Marché couvert")
    document = Document.objects.create(title="Règlement du fonds", file="documents/reglement.pdf")
    # A cached embed, as Wagtail stores after its first lookup, so the test needs no network.
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe title="Visite du marché" src="https://www.youtube-nocookie.com/embed/x">'
        "</iframe>",
        title="Visite du marché",
        provider_name="YouTube",
    )
    g = Glossary()
    body = [
        ("heading", {"text": g.t("Le marché du samedi", "The Saturday market"), "level": "h2"}),
        ("paragraph", g.rich(("Les producteurs sont là dès 7 h.", "Growers arrive at 7 am."))),
        (
            "image",
            {
                "image": image.pk,
                "alt_text": g.t("Étals de légumes sous la halle", "Vegetable stalls in the hall"),
                "caption": g.t("La halle rénovée en 2024.", "The hall, renovated in 2024."),
            },
        ),
        (
            "quote",
            {
                "text": g.t(
                    "On vient pour les gens autant que pour les produits.",
                    "People come for the people as much as for the produce.",
                ),
                "attribution": g.t("Une cliente fidèle", "A regular customer"),
            },
        ),
        (
            "call_to_action",
            {
                "title": g.t("Vendre au marché ?", "Selling at the market?"),
                "text": g.t(
                    "Les places sont attribuées chaque trimestre.",
                    "Pitches are allocated every quarter.",
                ),
                "button_label": g.t("Déposer une demande", "Apply"),
                "link": {"page": None, "url": "https://example.org/demande"},
            },
        ),
        ("embed", {"embed": VIDEO_URL, "title": g.t("Visite du marché", "A tour of the market")}),
        (
            "accordion",
            {
                "title": g.t("Questions des exposants", "Stallholders' questions"),
                "items": [
                    {
                        "type": "item",
                        "id": "0c8b7a4e-0b7e-4c36-9a51-5d7f0e8f0a11",
                        "value": {
                            "question": g.t("Faut-il réserver ?", "Do I need to book?"),
                            "answer": g.rich(("Oui, une semaine avant.", "Yes, a week ahead.")),
                        },
                    }
                ],
            },
        ),
        (
            "documents",
            {
                "title": g.t("À lire", "Read more"),
                "documents": [
                    {
                        "type": "item",
                        "id": "3e1f6a0d-6a43-4e0c-8d55-2b6f3a9d7c22",
                        "value": document.pk,
                    }
                ],
            },
        ),
    ]
    page = StandardPageFactory(
        parent=home_fr,
        title=g.t("Le marché", "The market"),
        slug=g.t("le-marche", "the-market"),
        intro=g.t("Tout savoir sur le marché.", "All about the market."),
        body=json.dumps([{"type": kind, "value": value} for kind, value in body]),
    )
    page.save_revision().publish()
    # wagtail-localize publishes translations once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(page, Locale.objects.get(language_code="en"), g)
    return page, english


def test_home_page_renders_in_french(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Commerces et savoir-faire des deux rives du Rhône" in html
    assert "Ce que nous faisons pour vous" in html
    assert "Aller au contenu principal" in html
    assert 'href="/en/"' in html


def test_home_page_renders_in_english(client):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Shops and craftsmanship on both banks of the Rhône" in html
    assert "What we do for you" in html
    assert "Skip to main content" in html
    assert "Ce que nous faisons" not in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/le-marche/",
            [
                "<h2>Le marché du samedi</h2>",
                "Les producteurs sont là dès 7 h.",
                'alt="Étals de légumes sous la halle"',
                "La halle rénovée en 2024.",
                "On vient pour les gens autant que pour les produits.",
                'href="https://example.org/demande"',
                '<iframe title="Visite du marché"',
                "<summary>Faut-il réserver ?</summary>",
                "Règlement du fonds",
                "Voir la vidéo sur son site",
            ],
        ),
        (
            "/en/the-market/",
            [
                "<h2>The Saturday market</h2>",
                "Growers arrive at 7 am.",
                'alt="Vegetable stalls in the hall"',
                "The hall, renovated in 2024.",
                "People come for the people as much as for the produce.",
                "Do I need to book?",
                "Open the video on its website",
                "Read more",
            ],
        ),
    ],
)
def test_standard_page_renders_every_block(client, every_block_page, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for fragment in expected:
        assert fragment in html


def test_breadcrumb_and_navigation_on_a_content_page(client):
    html = client.get("/soutien-aux-entreprises/").content.decode()
    assert 'aria-label="Fil d&#x27;Ariane"' in html or 'aria-label="Fil d\'Ariane"' in html
    assert '<span aria-current="page">Soutien aux entreprises</span>' in html
    assert 'href="/soutien-aux-entreprises/" aria-current="page"' in html


def test_language_switcher_links_to_the_translation(client):
    html = client.get("/soutien-aux-entreprises/").content.decode()
    assert 'href="/en/business-support/" hreflang="en" lang="en">English</a>' in html
    html = client.get("/en/business-support/").content.decode()
    assert 'href="/soutien-aux-entreprises/" hreflang="fr" lang="fr">Français</a>' in html


def test_language_switcher_explains_an_untranslated_page(client, home_fr):
    page = StandardPageFactory(parent=home_fr, title="Seulement en français", slug="seul")
    page.save_revision().publish()
    html = client.get("/seul/").content.decode()
    # Not silently the other home page: a page that says why, with both ways on.
    link = "/en/untranslated-page/?page=%2Fseul%2F&amp;lang=fr"
    assert f'href="{link}" hreflang="en" lang="en">English</a>' in html
    explanation = client.get(link.replace("&amp;", "&")).content.decode()
    assert "This page is only available in French" in explanation
    assert '<a href="/seul/" hreflang="fr">Read the page in French</a>' in explanation


def test_footer_is_in_the_page_language(client):
    assert "Mentions légales" in client.get("/").content.decode()
    html = client.get("/en/").content.decode()
    assert 'href="/en/legal-notice/">Legal notice</a>' in html


# Upper bounds. English costs more: links chosen on the French source resolve to their
# translation (one lookup per link), as wagtail-localize keeps page choosers
# synchronised. The news section costs 5 (latest interview, latest news, listing...),
# 2 more in English (a recent French interview when the English one is years old, and
# its picture), the agenda's 3 (the agenda, its next dates, when they next change). The
# menu, footer, settings, search box and the links to the directory are read from the
# frame every page shares (one query: home.frame).
@pytest.mark.parametrize(("url", "queries"), [("/", 18), ("/en/", 26)])
def test_home_page_query_count(client, url, queries):
    def more_news():
        for language in ("fr", "en"):
            index = NewsIndexPage.objects.get(locale__language_code=language)
            for _ in range(10):
                NewsPageFactory(parent=index)

    response = assert_constant_queries(lambda: client.get(url), more_news, at_most=queries)
    assert response.status_code == 200
