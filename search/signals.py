"""Keep the search index right about translations.

The English site lists a French page only while it has no live English translation
(``search.scope``). The database engines read that from the page table at query
time; OpenSearch stores it in each document, so publishing or unpublishing a
translation re-indexes the other language versions of the page.
"""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from search.indexing import reindex_translations_of


@receiver(page_published)
@receiver(page_unpublished)
def reindex_other_languages(sender, instance, **kwargs):
    reindex_translations_of(instance)
