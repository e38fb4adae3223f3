"""Translate demo content through wagtail-localize, as a translator would.

Demo texts are written in pairs: each French string is registered with its English
version. A page is then submitted for translation, every segment wagtail-localize
extracts gets its English string in translation memory, and the translated page is
published. The result is the same as a translator's work in the admin: the English
page stays linked to its French source and is kept in sync by wagtail-localize.
"""

from django.core.management.base import CommandError
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class Glossary:
    """French → English pairs for one demo run."""

    def __init__(self):
        self.english = {}

    def t(self, french, english):
        """Register a pair and return the French text, to be used as a field value."""
        self.english[french] = english
        return french

    def rich(self, *items):
        """Build rich text from paragraphs and bullet lists, registering each segment.

        ``items`` are ``(french, english)`` pairs for paragraphs, or lists of such pairs
        for a bullet list (wagtail-localize makes one segment per paragraph or item).
        """
        html = []
        for item in items:
            if isinstance(item, list):
                entries = "".join(f"<li>{self.t(fr, en)}</li>" for fr, en in item)
                html.append(f"<ul>{entries}</ul>")
            else:
                html.append(f"<p>{self.t(*item)}</p>")
        return "".join(html)


def translate(instance, locale, glossary, *, publish=True):
    """Create or update the ``locale`` translation of ``instance`` from the glossary.

    Raises CommandError naming the first French string that has no English version,
    so that demo content can never publish French text on the English site.
    """
    # Read the saved version: block ids are assigned on save, and segments are matched
    # to the translated object by those ids.
    instance = type(instance).objects.get(pk=instance.pk)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        french = segment.string.data
        english = glossary.english.get(french)
        if english is None:
            raise CommandError(
                f"No English text for {french!r} ({segment.context.path}) in {instance!r}."
            )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": english,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if not isinstance(instance, DraftStateMixin):
        translated, _created = source.create_or_update_translation(locale, fallback=True)
        return translated
    # wagtail-localize publishes pages when the transaction commits, from the object as
    # it was in memory then; inside the demo's single transaction that stale object
    # would overwrite tree bookkeeping (numchild) written since. Save a draft and
    # publish it now, from the database.
    translated, _created = source.create_or_update_translation(
        locale, publish=False, copy_parent_pages=isinstance(instance, Page), fallback=True
    )
    translated = type(translated).objects.get(pk=translated.pk)
    if publish:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
