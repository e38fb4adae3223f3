import datetime

import pytest
from wagtail.models import Locale

from merchants.models import MerchantIndexPage
from merchants.opening_hours import PARIS


def paris(*args):
    """An aware datetime in Paris: paris(2026, 7, 14, 10, 30)."""
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def fr(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def directory(fr):
    return MerchantIndexPage.objects.get(locale=fr)


@pytest.fixture
def directory_en(en):
    return MerchantIndexPage.objects.get(locale=en)


@pytest.fixture
def clock(monkeypatch):
    """Set the moment the directory and profiles are rendered for: ``clock(paris(...))``."""

    def set_now(moment):
        monkeypatch.setattr("merchants.open_periods.current_time", lambda: moment)
        return moment

    return set_now
