import datetime

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from merchants.models import MerchantIndexPage
from merchants.opening_hours import PARIS
from tests.factories.merchants import MerchantPageFactory


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture(autouse=True)
def french_by_default():
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def fr(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def directory(fr):
    return MerchantIndexPage.objects.get(locale=fr)


@pytest.fixture
def merchant(directory):
    return MerchantPageFactory(
        parent=directory, title="Fromagerie d'essai", offers_click_collect=True
    )
