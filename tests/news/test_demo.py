import io

import pytest
from django.core.management import call_command

from news.demo.articles import NEWS
from news.demo.interviews import INTERVIEWS

pytestmark = pytest.mark.django_db


def test_the_demo_summary_counts_each_article_once_and_its_translations_apart():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    translated = (
        sum(item["translated"] for item in NEWS),
        sum(item["translated"] for item in INTERVIEWS),
    )
    assert (
        f"News: {len(NEWS)} articles and {len(INTERVIEWS)} interviews, of which "
        f"{translated[0]} articles and {translated[1]} interviews translated into English."
    ) in out.getvalue()
