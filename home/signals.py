"""Translations follow their French page (see ``home.translation``)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from home.translation import staleness, sync


@receiver(page_published)
def follow_source_page(sender, instance, **kwargs):
    """A French page is published: facts reach its translations, new text is flagged;
    a translation is published: it may have caught up with its source."""
    if not getattr(instance, "translation_key", None):
        return
    if sync.is_source(instance):
        sync.synchronise_translations(instance)
        staleness.record_source_publication(instance)
    else:
        staleness.record_translation_publication(instance)
