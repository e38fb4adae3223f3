"""``manage.py refresh_opening_periods``: keep the "open now" index ahead of time.

Run it daily from cron (like ``publish_scheduled``): each published merchant's open
periods are stored for the next fourteen days, and this rebuilds the windows that end
within a week.
"""

from django.core.management.base import BaseCommand

from merchants import open_periods
from merchants.models import MerchantPage

BATCH = 2000


class Command(BaseCommand):
    help = "Rebuild the precomputed open periods used by the directory's 'open now' filter."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Rebuild every merchant, not only those due."
        )

    def handle(self, *args, **options):
        now = open_periods.current_time()
        merchants = MerchantPage.objects.live().only(
            "pk", "opening_hours", "closed_from", "closed_until"
        )
        if not options["all"]:
            due = now + open_periods.REFRESH_MARGIN
            merchants = merchants.exclude(opening_calendar__covers_until__gt=due)
        ids = list(merchants.values_list("pk", flat=True))
        periods = 0
        for offset in range(0, len(ids), BATCH):
            batch = MerchantPage.objects.filter(pk__in=ids[offset : offset + BATCH]).only(
                "pk", "opening_hours", "closed_from", "closed_until"
            )
            periods += open_periods.refresh_open_periods(batch, now)
        self.stdout.write(f"Open periods rebuilt for {len(ids)} merchants ({periods} periods).")
