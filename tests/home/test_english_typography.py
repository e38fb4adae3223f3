"""The English catalogue is written in English typography: no space before a colon,
semicolon, question or exclamation mark (a French habit), no guillemets, no French
non-breaking spaces, and 24-hour times like every English page and email."""

from pathlib import Path

import polib
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
FRENCH_MARKS = (" :", " ;", " ?", " !", "\u00a0", "\u202f", "«", "»")
TWELVE_HOUR = (" am", " pm", "a.m.", "p.m.")


def english_texts():
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        for text in texts:
            yield entry.msgid, text


def test_english_strings_use_english_punctuation():
    leaks = [
        (msgid, text)
        for msgid, text in english_texts()
        if any(mark in text for mark in FRENCH_MARKS)
    ]
    assert leaks == []


def test_english_strings_write_times_on_the_24_hour_clock():
    twelve_hour = [
        (msgid, text)
        for msgid, text in english_texts()
        if any(f"{digit}{suffix}" in text for digit in "0123456789" for suffix in TWELVE_HOUR)
    ]
    assert twelve_hour == []
