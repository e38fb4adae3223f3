"""Untranslated French never reaches a live English page.

wagtail-localize builds a translation from the French source and falls back to the
French text for every string nobody has translated yet. Three of its paths would put
that mix on the public English site:

- "Update existing translations" with "Publish immediately" ticked publishes every
  translation, translated or not;
- the translation editor's "Publish" button does the same for one page;
- creating or updating a translation as a draft (submitting a subtree, for instance)
  still writes the new content on the page row, which *is* the live page for a page
  that is already published.

The first two are checked in the views (a translation is published only once every
string has its English version; see ``views``). The third is caught here: while a
wagtail-localize view runs, saving a live translated page without publishing it keeps
the page row as it is; the new content still goes into the draft revision that
wagtail-localize saves right after, where translators find it.
"""

import contextvars
import functools
from contextlib import contextmanager

from wagtail.models import Locale, Page

_keeping_live_rows = contextvars.ContextVar("keeping_live_translated_rows", default=False)


@contextmanager
def live_translations_kept():
    """Within this block, drafts of live translated pages stay drafts."""
    token = _keeping_live_rows.set(True)
    try:
        yield
    finally:
        _keeping_live_rows.reset(token)


def keeping_live_translations(view):
    """Run a wagtail-localize view with ``live_translations_kept``."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        with live_translations_kept():
            return view(*args, **kwargs)

    return wrapped


def keeps_live_row(page, update_fields=None):
    """True when saving ``page`` now would publish a translation without a publication.

    A publication always comes with a new live revision (Wagtail sets it before saving
    the page); a plain save of the page as loaded keeps the live revision it read.
    """
    if not _keeping_live_rows.get() or update_fields is not None:
        return False
    if not page.pk or not page.live or page.locale_id == Locale.get_default().pk:
        return False
    stored = Page.objects.filter(pk=page.pk).values_list("live_revision_id", flat=True).first()
    return stored is not None and stored == page.live_revision_id


def translation_progress(translation):
    """``(strings, translated)`` of a wagtail-localize ``Translation``."""
    return translation.get_progress()


def is_complete(translation):
    strings, translated = translation_progress(translation)
    return translated >= strings
