import datetime
import time

import pytest
import time_machine
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from events.models import AgendaIndexPage
from events.recurrence import PARIS
from home.models import HomePage
from merchants.portal import throttle
from tests.factories.events import AgendaIndexPageFactory

# A Wednesday in June 2026: the weekend is 6-7 June.
NOW = datetime.datetime(2026, 6, 3, 10, 0, tzinfo=PARIS)


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def issued(seconds_ago=60):
    """A form timestamp as if the form had been shown ``seconds_ago``."""
    with time_machine.travel(time.time() - seconds_ago, tick=False):
        return throttle.issue_timestamp()


@pytest.fixture(autouse=True)
def french_by_default():
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def frozen():
    """The clock stopped at ``NOW`` (events are stored from publication time)."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def agenda_fr(db):
    return AgendaIndexPage.objects.get(locale=Locale.objects.get(language_code="fr"))


@pytest.fixture
def agenda(db, frozen):
    """An empty agenda of its own, under the French home page (``/agenda-test/``)."""
    home = HomePage.objects.get(locale__language_code="fr")
    return AgendaIndexPageFactory(parent=home, slug="agenda-test", title="Agenda test")
