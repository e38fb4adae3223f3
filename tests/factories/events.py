import datetime
import json
from decimal import Decimal

import factory
import wagtail_factories

from events.models import AgendaIndexPage, EventPage
from tests.factories.merchants import tain


class AgendaIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Agenda d'essai {n}")
    intro = "Ce qui se passe sur le territoire."

    class Meta:
        model = AgendaIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A published event (give ``parent=`` an agenda): a one-off market by default;
    ``recurrence="FREQ=WEEKLY;BYDAY=SA"``, ``date_changes=[EventDateChange(...)]``..."""

    title = factory.Sequence(lambda n: f"Événement d'essai {n}")
    kind = "marche"
    lead = "Un événement créé pour les tests."
    body = json.dumps([])
    place_name = "Place du Taurobole"
    commune = factory.LazyFunction(tain)
    latitude = Decimal("45.070000")
    longitude = Decimal("4.845000")
    start_date = datetime.date(2026, 7, 4)
    start_time = datetime.time(7, 0)
    end_time = datetime.time(13, 0)

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted is not False:
            page.save_revision().publish()


class WorkshopFactory(EventPageFactory):
    title = factory.Sequence(lambda n: f"Atelier d'essai {n}")
    kind = "atelier"
    place_name = "Maison de l'économie"
    start_time = datetime.time(9, 0)
    end_time = datetime.time(12, 0)
    capacity = 2
