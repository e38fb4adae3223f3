"""The English home page's news: recent English items first; when the English
interview is years old and a recent French one exists, the French one, labelled."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from news.models import InterviewPage

pytestmark = pytest.mark.django_db

# Some months after the demo's latest interviews (June 2026 in French, 2020 in English).
LATE_2026 = datetime.datetime(2026, 9, 1, 10, 0, tzinfo=datetime.UTC)


def news_section(html, heading):
    return html[html.index(heading) :].split("</section>")[0]


@time_machine.travel(LATE_2026, tick=False)
def test_english_home_does_not_open_with_a_years_old_interview(client):
    html = client.get("/en/").content.decode()
    section = news_section(html, "Latest news")
    assert "3 questions for Sophie Marchand" not in section  # the 2020 interview
    latest_french = InterviewPage.objects.get(
        locale__language_code="fr", title__startswith="3 questions posées à Léa Fontaine"
    )
    assert latest_french.title.replace("'", "&#x27;") in section
    assert '<p class="badge badge--language">In French</p>' in section
    assert f'href="{latest_french.url}" lang="fr" hreflang="fr"' in section
    # The English news, newest first.
    assert section.index("Digital workshops for shopkeepers") < section.index(
        "The shop modernisation fund is renewed"
    )


@time_machine.travel(LATE_2026, tick=False)
def test_a_recent_english_interview_is_preferred(client):
    english = InterviewPage.objects.get(
        locale__language_code="en", title__startswith="3 questions for Sophie Marchand"
    )
    InterviewPage.objects.filter(pk=english.pk).update(
        publication_date=timezone.now() - datetime.timedelta(days=10)
    )
    section = news_section(client.get("/en/").content.decode(), "Latest news")
    assert "3 questions for Sophie Marchand" in section
    assert "In French" not in section


@time_machine.travel(datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC), tick=False)
def test_with_no_recent_interview_the_english_one_stays(client):
    section = news_section(client.get("/en/").content.decode(), "Latest news")
    assert "3 questions for Sophie Marchand" in section
    assert "In French" not in section


def test_french_home_is_unchanged(client):
    section = news_section(client.get("/").content.decode(), "À la une")
    assert "3 questions posées à Léa Fontaine" in section
    assert "En français" not in section
