from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from merchants import open_periods
from merchants.portal.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Emails the merchants whose information was last confirmed a year ago or more, "
        "asking them to check their profile (the worker runs it daily at 14:00)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the accounts to remind."
        )

    def handle(self, *args, dry_run=False, **options):
        count = send_reminders(open_periods.current_time(), dry_run=dry_run)
        if dry_run:
            message = ngettext(
                "%(count)d compte à qui rappeler de vérifier ses informations.",
                "%(count)d comptes à qui rappeler de vérifier leurs informations.",
                count,
            )
        else:
            message = ngettext("%(count)d rappel envoyé.", "%(count)d rappels envoyés.", count)
        self.stdout.write(message % {"count": count})
