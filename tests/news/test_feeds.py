"""Feeds must be valid RSS 2.0 and Atom 1.0: parsed here against the required elements."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/actualites/rss/", "/actualites/theme/evenements/rss/", "/en/news/rss/"]
)
def test_rss_feed_is_valid_rss2(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required)
    items = channel.findall("item")
    assert items
    for item in items:
        assert item.findtext("title") and item.findtext("link").startswith("http")
        assert item.findtext("guid")
        parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822 date
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)


def test_topic_feed_only_has_that_topic(client):
    root = ET.fromstring(client.get("/actualites/theme/evenements/rss/").content)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert "Un marché de Noël sur les deux rives" in titles
    assert "De nouvelles places de stationnement minute" not in titles
    categories = [c.text for item in root.iter("item") for c in item.findall("category")]
    assert "Événements" in categories


def test_english_feed_is_in_english(client):
    root = ET.fromstring(client.get("/en/news/rss/").content)
    assert root.find("channel").findtext("language") == "en"
    titles = [item.findtext("title") for item in root.iter("item")]
    assert "3 questions for Sophie Marchand, head of local economy" in titles
    assert not any("posées" in title for title in titles)


@pytest.mark.parametrize("url", ["/actualites/atom/", "/actualites/theme/centres-villes/atom/"])
def test_atom_feed_is_valid_atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}")
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{required}")
        assert entry.find(f"{ATOM}link").get("href").startswith("http")


def test_unknown_topic_feed_is_a_404(client):
    assert client.get("/actualites/theme/inconnu/rss/").status_code == 404


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("/actualites/atom/", "http://127.0.0.1:8000/"),
        ("/actualites/theme/evenements/atom/", "http://127.0.0.1:8000/"),
        ("/en/news/atom/", "http://127.0.0.1:8000/en/"),
    ],
)
def test_atom_feed_and_entries_name_their_author(client, url, home):
    """RFC 4287 §4.1.1: a feed without an author needs one in every entry."""
    root = ET.fromstring(client.get(url).content)
    author = root.find(f"{ATOM}author")
    assert author is not None
    assert author.findtext(f"{ATOM}name") == "Agglo Rhône Commerces"
    assert author.findtext(f"{ATOM}uri") == home
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Agglo Rhône Commerces"
