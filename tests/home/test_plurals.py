"""Plural rules in both languages: French says "0 commerce" (0 and 1 take the singular,
CLDR ``n <= 1``), English says "0 shops" (only 1 is singular)."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.LOCALE_PATHS[0])


def plural_entries():
    """Every plural string of the interface, read from the English catalogue (which
    ``make check-messages`` keeps complete)."""
    catalogue = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    return [entry for entry in catalogue if entry.msgid_plural and not entry.obsolete]


def test_the_interface_has_plural_strings():
    assert len(plural_entries()) >= 30


@pytest.mark.parametrize("entry", plural_entries(), ids=lambda entry: entry.msgid[:40])
def test_every_plural_string_follows_each_languages_rule(entry):
    with translation.override("fr"):
        said = {n: translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (0, 1, 2)}
    assert said == {0: entry.msgid, 1: entry.msgid, 2: entry.msgid_plural}
    with translation.override("en"):
        said = {n: translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (0, 1, 2)}
    english = entry.msgstr_plural
    assert said == {0: english[1], 1: english[0], 2: english[1]}


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("fr", 0, "0 commerce"),
        ("fr", 1, "1 commerce"),
        ("fr", 2, "2 commerces"),
        ("en", 0, "0 shops"),
        ("en", 1, "1 shop"),
        ("en", 2, "2 shops"),
    ],
)
def test_blocktranslate_count_in_templates(language, count, expected):
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} commerce"
        "{% plural %}{{ counter }} commerces{% endblocktranslate %}"
    )
    with translation.override(language):
        assert template.render(Context({"n": count})) == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("/commerces/?commune=vaudevant&service=delivery", "0 commerce"),
        ("/en/shops/?commune=vaudevant&service=delivery", "0 shops"),
    ],
)
def test_the_directory_says_zero_in_each_language(client, address, expected):
    response = client.get(address)
    assert response.status_code == 200
    heading = re.search(r'id="results-title"[^>]*>\s*([^<]*?)\s*<', response.content.decode())
    assert heading.group(1) == expected
