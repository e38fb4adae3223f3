"""Delete workshop registrations EVENT_REGISTRATION_RETENTION_DAYS after their session.

Run daily by the worker (periodic task, see the README): names, businesses, emails and
phone numbers are kept only as long as the workshop needs them, as call & collect's
requests are.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import WorkshopRegistration


class Command(BaseCommand):
    help = (
        "Delete workshop registrations whose session ended more than "
        "EVENT_REGISTRATION_RETENTION_DAYS (default 90) days ago."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.EVENT_REGISTRATION_RETENTION_DAYS
        cutoff = timezone.now() - datetime.timedelta(days=days)
        old = WorkshopRegistration.objects.filter(occurrence_start__lt=cutoff)
        count = old.count()
        if dry_run:
            self.stdout.write(f"{count} workshop registrations older than {days} days (dry run).")
            return
        old.delete()
        self.stdout.write(f"Deleted {count} workshop registrations older than {days} days.")
