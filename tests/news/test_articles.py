import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import Locale

from news.models import InterviewPage, NewsPage
from tests.factories.news import InterviewPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def _json_ld(html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_interview_page_shows_person_questions_quote_and_notes(client):
    response = client.get("/actualites/3-questions-a-sophie-marchand/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<strong class="interviewee__name">Sophie Marchand</strong>' in html
    assert "Responsable du service économie de proximité" in html
    assert "Quelles aides ont été mises en place depuis le printemps ?" in html
    assert "Le téléphone reste le premier outil numérique" in html
    assert "30 juin" not in html
    assert "10 nov. 2020 à 13:48</time>" in html


def test_footnote_markers_link_to_notes_and_back(client):
    html = client.get("/actualites/3-questions-a-sophie-marchand/").content.decode()
    assert '<a href="#note-1" id="ref-1">' in html
    assert '<a href="#note-2" id="ref-2">' in html
    assert '<li id="note-1" tabindex="-1">' in html
    assert 'href="#ref-1">Retour au texte (note 1)</a>' in html
    assert "[1]" not in html


def test_repeated_and_unknown_markers(client, news_index):
    page = InterviewPageFactory(parent=news_index, slug="notes-repetees")
    page.body = json.dumps(
        [
            {
                "type": "question_answer",
                "value": {"question": "Q ?", "answer": "<p>Un [1], encore [1], puis [7].</p>"},
            }
        ]
    )
    page.save_revision().publish()
    html = client.get("/actualites/notes-repetees/").content.decode()
    assert html.count('id="ref-1"') == 1  # ids stay unique
    assert html.count('href="#note-1"') == 2
    assert "puis [7]" in html  # no note 7: left as written


def test_article_json_ld(client):
    html = client.get("/actualites/le-fonds-de-modernisation-des-commerces-reconduit/").content
    data = _json_ld(html.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Le fonds de modernisation des commerces reconduit"
    assert data["datePublished"].startswith("2026-01-14T11:00:00")
    assert data["inLanguage"] == "fr"
    assert "Soutien aux entreprises" in data["keywords"]
    assert data["image"][0].startswith("http")


def test_interview_json_ld_is_about_the_person(client):
    html = client.get("/en/news/3-questions-for-sophie-marchand/").content.decode()
    data = _json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["about"] == {
        "@type": "Person",
        "name": "Sophie Marchand",
        "jobTitle": "Head of the local economy team",
        "worksFor": {"@type": "Organization", "name": "Agglomeration community"},
    }
    assert data["inLanguage"] == "en"


def test_social_cards_use_the_article(client):
    html = client.get("/actualites/ateliers-numeriques-pour-les-commercants/").content.decode()
    assert (
        '<meta property="og:title" content="Des ateliers numériques pour les commerçants">' in html
    )
    # Its main image, or the site's default picture: always a large card.
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:type" content="article">' in html


def test_publication_date_defaults_to_first_publication(news_index):
    moment = datetime.datetime(2026, 11, 10, 13, 48, tzinfo=ZoneInfo("Europe/Paris"))
    page = NewsPageFactory(parent=news_index, slug="sans-date", live=False, publication_date=None)
    with time_machine.travel(moment, tick=False):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.publication_date == moment
    # A later correction does not move the article.
    with time_machine.travel(moment + datetime.timedelta(days=3), tick=False):
        page.title = "Titre corrigé"
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.publication_date == moment
    assert timezone.localtime(page.publication_date).strftime("%H:%M") == "13:48"


def test_related_articles_are_listed(client, news_index):
    target = NewsPage.objects.get(slug="un-marche-de-noel-sur-les-deux-rives")
    page = NewsPageFactory(parent=news_index, slug="avec-liens")
    page.related_articles = json.dumps([{"type": "article", "value": target.pk}])
    page.save_revision().publish()
    html = client.get("/actualites/avec-liens/").content.decode()
    assert "À lire aussi" in html
    assert 'href="/actualites/un-marche-de-noel-sur-les-deux-rives/"' in html


def test_home_shows_latest_interview_and_news(client):
    html = client.get("/").content.decode()
    section = html[html.index("À la une") :]
    assert "3 questions posées à Léa Fontaine" in section  # latest interview
    assert "De nouvelles places de stationnement minute" in section  # latest news


def test_home_pin_puts_an_article_first(client, home_fr):
    pinned = InterviewPage.objects.get(slug="3-questions-a-sophie-marchand")
    body = home_fr.body.raw_data
    for block in body:
        if block["type"] == "news_highlights":
            block["value"]["pinned"] = pinned.pk
    home_fr.body = json.dumps(list(body))
    home_fr.save_revision().publish()
    html = client.get("/").content.decode()
    section = html[html.index("À la une") :]
    assert "3 questions posées à Sophie Marchand" in section
    assert "3 questions posées à Léa Fontaine" not in section
    # The English home pins the same interview (its translation's body carries the
    # French page's id): the English version comes first, however old it is.
    home_en = home_fr.get_translation(Locale.objects.get(language_code="en")).specific
    body = home_en.body.raw_data
    for block in body:
        if block["type"] == "news_highlights":
            block["value"]["pinned"] = pinned.pk
    home_en.body = json.dumps(list(body))
    home_en.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert "3 questions for Sophie Marchand" in html  # the pin follows the language


def test_cited_merchants_are_linked(client, news_index):
    from merchants.models import MerchantPage

    merchant = MerchantPage.objects.live().filter(locale__language_code="fr").first()
    page = NewsPageFactory(parent=news_index, slug="avec-commerces")
    page.related_merchants = json.dumps([{"type": "merchant", "value": merchant.pk}])
    page.save_revision().publish()
    html = client.get("/actualites/avec-commerces/").content.decode()
    assert "Les commerces cités" in html
    assert f'href="{merchant.url}">{merchant.title}</a>' in html.replace("&#x27;", "'")
