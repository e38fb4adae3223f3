import pytest
from wagtail.models import Locale

from home.models import HomePage


@pytest.fixture
def home_fr(db):
    return HomePage.objects.get(locale=Locale.objects.get(language_code="fr"))


@pytest.fixture
def home_en(db):
    return HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
