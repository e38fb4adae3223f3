"""Store every live event's dates again: a rule without an end is stored a little over
a year ahead (events.recurrence.HORIZON_DAYS), so the horizon has to move on. Run daily
by the worker (periodic task, see the README); publication keeps them up to date otherwise."""

from django.core.management.base import BaseCommand

from events import occurrences
from events.models import AgendaIndexPage
from home import caching


class Command(BaseCommand):
    help = "Recompute the stored dates of every live event (the horizon moves on)."

    def handle(self, *args, **options):
        count = occurrences.refresh_all()
        # Dates further ahead: the agendas' last pages, months and feeds change.
        caching.purge_pages(list(AgendaIndexPage.objects.live().specific()))
        self.stdout.write(f"Stored {count} event dates.")
