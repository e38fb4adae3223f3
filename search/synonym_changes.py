"""The team's search synonyms take effect when saved: the pages using their words are
indexed again (``search.indexing.reindex_pages_mentioning``), with the words of the
synonym as it was and as it is, so that pages gain the new words and lose the removed
ones. Synchronous for now, in the admin's request: a handful of pages per synonym.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from search.indexing import reindex_pages_mentioning
from search.models import SearchSynonym


def remember_terms(sender, instance, **kwargs):
    """pre_save: the words of the synonym before the change."""
    previous = SearchSynonym.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._previous_terms = previous.all_terms() if previous is not None else []


def synonym_saved(sender, instance, **kwargs):
    """post_save: reindex the pages using the old or the new words."""
    terms = [*getattr(instance, "_previous_terms", []), *instance.all_terms()]
    instance.pages_reindexed = reindex_pages_mentioning(dict.fromkeys(terms))


def synonym_deleted(sender, instance, **kwargs):
    """post_delete: reindex the pages that had its words."""
    instance.pages_reindexed = reindex_pages_mentioning(instance.all_terms())


def connect():
    pre_save.connect(remember_terms, sender=SearchSynonym, dispatch_uid="search_synonym_pre")
    post_save.connect(synonym_saved, sender=SearchSynonym, dispatch_uid="search_synonym_saved")
    post_delete.connect(
        synonym_deleted, sender=SearchSynonym, dispatch_uid="search_synonym_deleted"
    )
