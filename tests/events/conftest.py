import datetime
import time

import pytest
import time_machine
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from events.models import AgendaIndexPage, EventDateChange
from events.recurrence import PARIS
from home.models import HomePage
from merchants.models import Commune
from merchants.portal import throttle
from tests.factories.events import AgendaIndexPageFactory, EventPageFactory, WorkshopFactory

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


def tournon():
    return Commune.objects.get(insee_code="07324")


@pytest.fixture
def events(agenda):
    """A weekly Saturday market in Tain (from 6 June), a one-off paid fair in Tournon
    on Thursday 4 June, a free workshop on Monday 8 June and a market that ended."""
    market = EventPageFactory(
        parent=agenda,
        title="Marché du samedi",
        slug="marche-du-samedi",
        start_date=datetime.date(2026, 6, 6),
        recurrence="FREQ=WEEKLY;COUNT=6;BYDAY=SA",
        date_changes=[
            EventDateChange(
                day=datetime.date(2026, 6, 20), action="cancelled", message="Fête de la musique"
            )
        ],
    )
    fair = EventPageFactory(
        parent=agenda,
        title="Foire de Tournon",
        slug="foire",
        kind="animation",
        commune=tournon(),
        start_date=datetime.date(2026, 6, 4),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(18, 0),
        price="3.00",
    )
    workshop = WorkshopFactory(
        parent=agenda,
        title="Atelier vitrine",
        slug="atelier",
        start_date=datetime.date(2026, 6, 8),
    )
    past = EventPageFactory(
        parent=agenda, title="Vieux marché", slug="vieux", start_date=datetime.date(2026, 5, 2)
    )
    return {"market": market, "fair": fair, "workshop": workshop, "past": past}
