"""The translation steps of the publication pipeline (``home.publication``).

- facts: a French page with translations is published, its translations get its
  synchronised facts at once (``sync``);
- text: its translations are marked out of date when its text changed, and a
  translation published in step with its source leaves that list (``staleness``).

Both look up, in one query per chunk, which pages of the batch have translations or
are marked out of date, so that an import of thousands of untranslated merchants
costs a few queries, not a few per merchant.
"""

from wagtail.models import Locale, Page

from home.models import StaleTranslation
from home.publication import each_page, in_chunks
from home.translation import staleness, sync


def _sources_with_translations(batch):
    default = Locale.get_default().pk
    sources = [page for page in batch.with_translation_key() if page.locale_id == default]
    translated = set()
    for chunk in in_chunks([page.translation_key for page in sources]):
        translated.update(
            Page.objects.filter(translation_key__in=chunk)
            .exclude(locale_id=default)
            .values_list("translation_key", flat=True)
        )
    return [page for page in sources if page.translation_key in translated]


def synchronise_facts(batch):
    each_page(
        _sources_with_translations(batch),
        sync.synchronise_translations,
        what="synchronising the facts of its translations",
    )


def record_text_changes(batch):
    each_page(
        _sources_with_translations(batch),
        staleness.record_source_publication,
        what="recording which translations are out of date",
    )
    default = Locale.get_default().pk
    translations = [page for page in batch.with_translation_key() if page.locale_id != default]
    stale = set()
    for chunk in in_chunks([page.pk for page in translations]):
        stale.update(
            StaleTranslation.objects.filter(page_id__in=chunk).values_list("page_id", flat=True)
        )
    each_page(
        [page for page in translations if page.pk in stale],
        staleness.record_translation_publication,
        what="checking whether the translation caught up",
    )
