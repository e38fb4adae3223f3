"""The French catalogue holds the plural strings only, "translated" into themselves.

French is the source language, so its strings need no translation, but a plural string
absent from a catalogue falls back to gettext's default rule (``n == 1``): French would
say "0 résultats" where it says "0 résultat" (CLDR: 0 and 1 take the singular). A
catalogue with French's Plural-Forms and each plural entry filled with its own source
text makes ngettext and ``{% blocktranslate count %}`` follow the French rule.
``make messages`` and ``make check-messages`` run this after ``makemessages -l fr``.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

FRENCH_PLURAL_FORMS = "nplurals=2; plural=(n > 1);"
HEADER = (
    "Source-language catalogue of site_cms: only the plural strings, filled with their\n"
    "own French text so that French plural rules apply (n <= 1 is singular).\n"
    "Written by `manage.py source_plurals` (make messages): do not edit."
)


def fill_source_plurals(path):
    """Keep only the plural entries of the catalogue at ``path``, each filled with its
    source singular and plural, and French's Plural-Forms header. Returns how many
    entries it kept."""
    catalogue = polib.pofile(str(path), wrapwidth=79)
    kept = polib.POFile(wrapwidth=79)
    kept.header = HEADER
    # No POT-Creation-Date: makemessages changes it on every run, and the file must stay
    # the same when the strings do (make check-messages compares it with git).
    kept.metadata = {
        "Project-Id-Version": "site_cms",
        "Language": "fr",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": FRENCH_PLURAL_FORMS,
    }
    for entry in catalogue:
        if entry.obsolete or not entry.msgid_plural:
            continue
        entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        kept.append(entry)
    kept.save(str(path))
    return len(kept)


class Command(BaseCommand):
    help = (
        "Reduce locale/fr/LC_MESSAGES/django.po (made by makemessages -l fr) to its "
        "plural entries, filled with their French source text."
    )

    def handle(self, *args, **options):
        path = (
            Path(settings.LOCALE_PATHS[0]) / settings.LANGUAGE_CODE / "LC_MESSAGES" / "django.po"
        )
        count = fill_source_plurals(path)
        self.stdout.write(f"{path}: {count} plural entries.")
