"""Translations follow their French page (see ``home.translation``)."""

import logging

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from home.translation import staleness, sync

logger = logging.getLogger(__name__)


@receiver(page_published)
def follow_source_page(sender, instance, **kwargs):
    """A French page is published: facts reach its translations, new text is flagged;
    a translation is published: it may have caught up with its source.

    This bookkeeping never blocks a publication: each step that fails is logged (with
    the page) and undone on its own, the French page is published all the same, and
    the next publication tries again.
    """
    if not getattr(instance, "translation_key", None):
        return
    if sync.is_source(instance):
        _guarded(sync.synchronise_translations, instance)
        _guarded(staleness.record_source_publication, instance)
    else:
        _guarded(staleness.record_translation_publication, instance)


def _guarded(step, page):
    """Run ``step(page)`` in a savepoint; a failure is logged and undone on its own."""
    try:
        with transaction.atomic():
            step(page)
    except Exception:
        logger.exception("Translations of page %s: %s failed.", page.pk, step.__name__)
