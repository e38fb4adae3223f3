"""``manage.py import_offers FILE``: create or update offers from a CSV/JSON file."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from merchants.importer import ImportFileError, read_file
from merchants.management.commands.import_merchants import checked_records
from merchants.models import MerchantIndexPage
from offers.importer import COLUMNS, SCHEMA, OfferRowValidator, write_offers


class Command(BaseCommand):
    help = (
        "Import offers from a .csv or .json file. Columns: "
        + ", ".join(COLUMNS)
        + ". Every row is checked first; if any is invalid nothing is written. Offers are "
        "matched by external_id among their merchant's (merchant_external_id): known ones "
        "are updated, others created."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .csv or .json file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report, write nothing."
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Save new offers and changes as drafts for review instead of publishing.",
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

    def import_file(self, options):
        started = time.perf_counter()
        directory = MerchantIndexPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if directory is None:
            raise CommandError(
                _("Aucun annuaire des commerces : créez d'abord la page de l'annuaire.")
            )
        try:
            columns, rows = read_file(options["file"], SCHEMA)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        records = checked_records(
            self,
            columns,
            rows,
            COLUMNS,
            OfferRowValidator(directory),
            lambda count: translation.ngettext(
                "%(count)s erreur : aucune offre n'a été importée.",
                "%(count)s erreurs : aucune offre n'a été importée.",
                count,
            ),
        )
        result = write_offers(records, publish=not options["draft"], dry_run=options["dry_run"])
        summary = _(
            "%(created)s offres créées, %(updated)s mises à jour, %(unchanged)s inchangées "
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
                "Les offres sont enregistrées en brouillon, à publier après relecture."
            )
        self.stdout.write(self.style.SUCCESS(summary))
