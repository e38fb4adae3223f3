"""Delete residents' call & collect requests older than CALL_COLLECT_RETENTION_DAYS.

Run daily from cron (see the README). Names, phone numbers and notes are personal data
kept only as long as the shop needs them; the report's past months lose these rows too.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from merchants.collect.models import PickupRequest


class Command(BaseCommand):
    help = "Delete call & collect requests older than CALL_COLLECT_RETENTION_DAYS (default 90)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.CALL_COLLECT_RETENTION_DAYS
        cutoff = timezone.now() - datetime.timedelta(days=days)
        # Slots are at most 14 days after the booking: an old request is also a past one.
        old = PickupRequest.objects.filter(created_at__lt=cutoff)
        count = old.count()
        if dry_run:
            self.stdout.write(f"{count} call & collect requests older than {days} days (dry run).")
            return
        old.delete()
        self.stdout.write(f"Deleted {count} call & collect requests older than {days} days.")
