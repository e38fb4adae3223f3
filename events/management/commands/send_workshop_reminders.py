"""Email tomorrow's workshop participants a reminder (with the session's ``.ics``).

Run daily by the worker (periodic task, see the README); each registration is reminded
once (``reminder_sent_at``), so running it twice, or late, sends nothing twice.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from events import emails
from events.models import WorkshopRegistration
from events.recurrence import PARIS
from home import mail


class Command(BaseCommand):
    help = "Email a reminder to everyone registered to a workshop session taking place tomorrow."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count who would be reminded; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        tomorrow = now.astimezone(PARIS).date() + datetime.timedelta(days=1)
        first = datetime.datetime.combine(tomorrow, datetime.time(0, 0), tzinfo=PARIS)
        due = list(
            WorkshopRegistration.objects.filter(
                status=WorkshopRegistration.Status.CONFIRMED,
                reminder_sent_at__isnull=True,
                occurrence_start__gte=first,
                occurrence_start__lt=first + datetime.timedelta(days=1),
            ).select_related("event")
        )
        if dry_run:
            self.stdout.write(f"{len(due)} workshop reminders due for {tomorrow} (dry run).")
            return
        sent = 0
        for registration in due:
            # One message at a time: a registration is marked only once its email went.
            if mail.send(emails.reminder_messages([registration])):
                WorkshopRegistration.objects.filter(pk=registration.pk).update(
                    reminder_sent_at=now
                )
                sent += 1
        self.stdout.write(f"Sent {sent} of {len(due)} workshop reminders for {tomorrow}.")
