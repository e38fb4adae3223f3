"""Index the pages a search backend missed (a process killed after its commit, an
engine that was down): run it from cron; ``--dry-run`` only counts."""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext
from wagtail.models import Page

from search.indexing import reconcile


class Command(BaseCommand):
    help = (
        "Index every page that a search backend does not hold in its current version. "
        "With --dry-run, only count them. Quiet when there is nothing to do."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, index nothing.")
        parser.add_argument(
            "--under", type=int, help="Only the pages under this page id (e.g. a directory)."
        )

    def handle(self, *args, dry_run=False, under=None, **options):
        pages = None
        if under is not None:
            parent = Page.objects.filter(pk=under).first()
            pages = Page.objects.descendant_of(parent) if parent else Page.objects.none()
        result = reconcile(pages, dry_run=dry_run)
        for alias, count in sorted(result.indexed.items()):
            if not count and options["verbosity"] < 2:
                continue
            if dry_run:
                message = ngettext(
                    "Moteur « %(backend)s » : %(count)s page à indexer.",
                    "Moteur « %(backend)s » : %(count)s pages à indexer.",
                    count,
                )
            else:
                message = ngettext(
                    "Moteur « %(backend)s » : %(count)s page manquante ou périmée indexée.",
                    "Moteur « %(backend)s » : %(count)s pages manquantes ou périmées indexées.",
                    count,
                )
            self.stdout.write(message % {"backend": alias, "count": count})
        for alias, count in sorted(result.failed.items()):
            self.stderr.write(
                ngettext(
                    "Moteur « %(backend)s » injoignable : %(count)s page reste à indexer "
                    "(voir le journal).",
                    "Moteur « %(backend)s » injoignable : %(count)s pages restent à indexer "
                    "(voir le journal).",
                    count,
                )
                % {"backend": alias, "count": count}
            )
        if result.failed:
            raise SystemExit(1)
