from django.core.management.base import BaseCommand

from merchants import open_periods
from merchants.portal.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Emails the merchants whose information was last confirmed a year ago or more, "
        "asking them to check their profile (run it daily from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the accounts to remind."
        )

    def handle(self, *args, dry_run=False, **options):
        count = send_reminders(open_periods.current_time(), dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"{count} account(s) to remind.")
        else:
            self.stdout.write(f"{count} reminder(s) sent.")
