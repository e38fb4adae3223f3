"""``manage.py import_merchants FILE``: create or update merchants from a CSV/JSON file."""

import time

from django.apps import apps
from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision
from wagtail.search.models import IndexEntry

from home.database import refresh_planner_statistics
from merchants.exports import COLUMNS
from merchants.importer import ImportFileError, RowValidator, read_file, write_records
from merchants.models import (
    Category,
    Commune,
    MerchantIndexPage,
    MerchantPage,
    OpeningCalendar,
    OpenPeriod,
)


class ProgressBar:
    """A progress bar on a terminal; a line every tenth of the way in a log file."""

    def __init__(self, stream, label, total):
        self.stream, self.label, self.total = stream, label, max(total, 1)
        self.interactive = getattr(stream, "isatty", lambda: False)()
        self.last_tenth = -1

    def update(self, done):
        ratio = min(done / self.total, 1)
        if self.interactive:
            filled = int(ratio * 30)
            self.stream.write(
                f"\r{self.label} [{'#' * filled}{' ' * (30 - filled)}] {ratio:4.0%} "
                f"({done}/{self.total})",
                ending="",
            )
            self.stream.flush()
        elif int(ratio * 10) > self.last_tenth:
            self.last_tenth = int(ratio * 10)
            self.stream.write(f"{self.label} {ratio:.0%} ({done}/{self.total})")

    def finish(self):
        self.update(self.total)
        if self.interactive:
            self.stream.write("")


def checked_records(command, columns, rows, known_columns, validator, nothing_imported):
    """Say which columns are ignored, check every row with ``validator`` (a progress
    bar on ``command.stdout``) and return the records; with any error, write them all
    to ``command.stderr`` and raise ``CommandError`` with ``nothing_imported(count)``.
    Shared by ``import_merchants`` and ``import_offers``."""
    ignored = [column for column in columns if column not in known_columns]
    if ignored:
        command.stdout.write(
            _("Colonnes ignorées : %(columns)s") % {"columns": ", ".join(ignored)}
        )
    records, errors = [], []
    progress = ProgressBar(command.stdout, _("Vérification"), len(rows))
    for done, (line, row) in enumerate(rows, start=1):
        record, row_errors = validator.validate(line, row)
        errors.extend(row_errors)
        if record is not None:
            records.append(record)
        if done % 250 == 0:
            progress.update(done)
    progress.finish()
    if errors:
        for error in errors:
            command.stderr.write(str(error))
        raise CommandError(nothing_imported(len(errors)) % {"count": len(errors)})
    return records


class Command(BaseCommand):
    help = (
        "Import merchants from a .csv or .json file. Columns: "
        + ", ".join(COLUMNS)
        + ". Every row is checked first; if any is invalid nothing is written. Merchants "
        "are matched by external_id: known ones are updated, others created."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .csv or .json file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report, write nothing."
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Save new merchants and changes as drafts for review instead of publishing.",
        )
        parser.add_argument(
            "--directory", type=int, help="Page id of the directory (default: the French one)."
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the messages.",
        )

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            self.import_file(options)

    def directory(self, page_id):
        directories = MerchantIndexPage.objects.all()
        if page_id:
            directory = directories.filter(pk=page_id).first()
        else:
            directory = directories.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if directory is None:
            raise CommandError(
                _("Aucun annuaire des commerces : créez d'abord la page de l'annuaire.")
            )
        return directory

    def import_file(self, options):
        started = time.perf_counter()
        directory = self.directory(options["directory"])
        try:
            columns, rows = read_file(options["file"])
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        existing_ids = set(
            MerchantPage.objects.child_of(directory).values_list("external_id", flat=True)
        )
        validator = RowValidator(columns, Commune.objects.all(), existing_ids)
        records = checked_records(
            self,
            columns,
            rows,
            COLUMNS,
            validator,
            lambda count: translation.ngettext(
                "%(count)s erreur : aucun commerce n'a été importé.",
                "%(count)s erreurs : aucun commerce n'a été importé.",
                count,
            ),
        )

        def writing(created, updated):
            self.stdout.write(
                _("Écriture : %(created)s créations, %(updated)s mises à jour…")
                % {"created": created, "updated": updated}
            )

        result = write_records(
            directory,
            records,
            publish=not options["draft"],
            dry_run=options["dry_run"],
            progress=writing,
        )
        if not options["dry_run"] and (result.created or result.updated):
            refresh_planner_statistics(
                [
                    Page,
                    MerchantPage,
                    Category,
                    OpenPeriod,
                    OpeningCalendar,
                    Revision,
                    IndexEntry,
                    *self.search_models(),
                ]
            )
        if not options["dry_run"]:
            self.report_index(directory)
        if result.new_categories:
            self.stdout.write(
                _("Nouvelles catégories : %(names)s") % {"names": ", ".join(result.new_categories)}
            )
        summary = _(
            "%(created)s commerces créés, %(updated)s mis à jour, %(unchanged)s inchangés "
            "(%(seconds).1f s)."
        ) % {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "seconds": time.perf_counter() - started,
        }
        if options["dry_run"]:
            summary = _("Simulation, rien n'a été écrit : %(summary)s") % {"summary": summary}
        elif options["draft"]:
            summary += " " + _(
                "Les fiches sont enregistrées en brouillon, à publier après relecture."
            )
        self.stdout.write(self.style.SUCCESS(summary))

    @staticmethod
    def search_models():
        """What the search app writes for imported pages, when it is installed."""
        if not apps.is_installed("search"):
            return []
        return [apps.get_model("search", "IndexedPage")]

    def report_index(self, directory):
        """Index the directory's merchants that a search backend missed (this import's
        engine write failed, or an earlier import was killed after its commit)."""
        if "reconcile_search_index" in get_commands():
            call_command(
                "reconcile_search_index",
                under=directory.pk,
                stdout=self.stdout,
                stderr=self.stderr,
            )
