import pytest
from wagtail.models import Locale

from home.models import HomePage
from news.models import NewsIndexPage


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(locale=Locale.objects.get(language_code="fr"))


@pytest.fixture
def home_fr(db):
    return HomePage.objects.get(locale__language_code="fr")
