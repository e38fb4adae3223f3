import pytest

from tests.factories.news import NewsIndexPageFactory, NewsPageFactory, TopicFactory
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_listing_shows_newest_first_with_dates_and_badges(client):
    response = client.get("/actualites/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "11 articles" in html
    newest = html.index("3 questions posées à Léa Fontaine")
    older = html.index("De nouvelles places de stationnement minute")
    assert newest < older
    assert (
        'Publié le <time datetime="2026-06-30T15:10:00+02:00">30 juin 2026 à 15:10</time>' in html
    )
    assert '<p class="badge badge--interview">Entretien</p>' in html
    assert '<p class="badge badge--news">Actualité</p>' in html


def test_listing_links_its_feeds_in_the_head(client):
    html = client.get("/actualites/").content.decode()
    head = html[: html.index("</head>")]
    assert 'type="application/rss+xml"' in head
    assert 'href="/actualites/rss/"' in head
    assert 'href="/actualites/atom/"' in head


def test_topic_page_filters_and_has_its_own_feeds(client):
    response = client.get("/actualites/theme/evenements/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Événements</h1>" in html
    assert "Un marché de Noël sur les deux rives" in html
    assert "De nouvelles places de stationnement minute" not in html
    assert 'href="/actualites/theme/evenements/rss/"' in html


def test_year_filter_combines_with_topic(client):
    html = client.get("/actualites/theme/centres-villes/?annee=2025").content.decode()
    assert "Un marché de Noël sur les deux rives" in html
    assert "Une boutique à l&#x27;essai rue des Remparts" in html
    assert "De nouvelles places de stationnement minute" not in html  # 2026


@pytest.mark.parametrize("year", ["abc", "1999", "-1", "2025abc", ""])
def test_unknown_year_is_ignored(client, year):
    response = client.get(f"/actualites/?annee={year}")
    assert response.status_code == 200
    assert "11 articles" in response.content.decode()


def test_unknown_topic_is_a_404(client):
    assert client.get("/actualites/theme/inconnu/").status_code == 404


@pytest.mark.parametrize("page", ["abc", "0", "-3", "", "1.5"])
def test_non_numeric_page_shows_the_first_page(client, page):
    response = client.get(f"/actualites/?page={page}")
    assert response.status_code == 200
    assert "3 questions posées à Léa Fontaine" in response.content.decode()


def test_out_of_range_page_shows_the_last_page(client):
    last = client.get("/actualites/?page=2")
    past_the_end = client.get("/actualites/?page=99")
    assert past_the_end.status_code == 200
    html = past_the_end.content.decode()
    assert "La page 99 n’existe pas : il n’y a que 2 pages de résultats" in html
    assert (
        html.split('class="article-list"')[1].split("</ul>")[0]
        == (last.content.decode().split('class="article-list"')[1].split("</ul>")[0])
    )


def test_english_listing_shows_english_articles_and_topics(client):
    response = client.get("/en/news/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 articles" in html
    assert "3 questions for Sophie Marchand" in html
    assert "Published on" in html
    assert ">Town centres<" in html
    assert "Sophie Marchand, responsable" not in html
    html = client.get("/en/news/theme/events/").content.decode()
    assert "A Christmas market on both banks" in html
    assert "The shop modernisation fund is renewed" not in html


def test_french_topic_slug_is_unknown_in_english(client):
    assert client.get("/en/news/theme/evenements/").status_code == 404


def test_listing_query_count_does_not_grow_with_items(client, home_fr):
    index = NewsIndexPageFactory(parent=home_fr, slug="liste-test")
    topics = [TopicFactory(), TopicFactory()]

    def add_articles(count):
        for _ in range(count):
            article = NewsPageFactory(parent=index)
            article.topics.set(topics)
            article.save()

    add_articles(5)
    response = assert_constant_queries(
        lambda: client.get("/liste-test/"), lambda: add_articles(45), at_most=16
    )
    assert response.status_code == 200
    assert "50 articles" in response.content.decode()
