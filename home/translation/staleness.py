"""Which translations are behind their French page, and telling the translators.

A translation is out of date when the French page's text differs from the text
wagtail-localize last took for translation (new, changed or removed strings). Facts
are not text: a change of opening hours reaches the translations by itself (``sync``)
and makes nothing stale.
"""

from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from home.locales import is_source
from home.models import StaleTranslation
from home.translation import emails
from home.translation.guard import is_complete


def current_strings(page):
    """The page's text as wagtail-localize would extract it: ``{(path, text)}``."""
    return {
        (segment.path, segment.string.data)
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    }


def stored_strings(source):
    """The text wagtail-localize took for translation last time: ``{(path, text)}``."""
    return set(source.stringsegment_set.values_list("context__path", "string__data"))


def translation_source(page):
    return TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()


def record_source_publication(page):
    """After the French ``page`` is published: mark its translations that fall behind.

    Translators are emailed about the translations that were up to date until now.
    Returns the newly stale translations.
    """
    if not is_source(page):
        return []
    translations = list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
    )
    source = translation_source(page) if translations else None
    if source is None:
        return []
    current = current_strings(page)
    stored = stored_strings(source)
    if current == stored:
        return []
    now = timezone.now()
    to_translate = len(current - stored)
    newly_stale = []
    for translation in translations:
        _stale, created = StaleTranslation.objects.update_or_create(
            page=translation,
            defaults={
                "source_page": page,
                "changed_at": now,
                "strings_to_translate": to_translate,
            },
            create_defaults={
                "source_page": page,
                "since": now,
                "changed_at": now,
                "strings_to_translate": to_translate,
            },
        )
        if created:
            newly_stale.append(translation)
    if newly_stale:
        # Queued in the publication's transaction (home.mail): sent once it commits.
        emails.notify_translators(page, source, newly_stale, to_translate)
    return newly_stale


def record_translation_publication(page):
    """After a translation is published: it is up to date if it caught up with the source.

    It has caught up when the French page's text is the text it was translated from,
    and every string has its translation.
    """
    stale = StaleTranslation.objects.filter(page=page).select_related("source_page").first()
    if stale is None:
        return False
    source_page = stale.source_page.specific
    source = translation_source(source_page)
    if source is None or current_strings(source_page) != stored_strings(source):
        return False
    translation = source.translations.filter(target_locale_id=page.locale_id).first()
    if translation is not None and not is_complete(translation):
        return False
    stale.delete()
    return True
