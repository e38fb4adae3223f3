"""Keeping every search backend in step with the pages, and finding out when it is not.

Wagtail indexes a page after each save (modelsearch's task, run at once in the save's
transaction) and the importer indexes its pages in bulk (engines through a background
task). Both can be interrupted: a process
killed right after its commit, a search engine that did not answer. So each backend of
ours records, in ``IndexedPage``, which version of each page it now holds (see
``record_indexed``, called by the backends' ``add_items``), and ``reconcile`` indexes
the pages whose recorded version is missing or out of date. ``import_merchants`` runs
it after every import, and the worker every ten minutes (``reconcile_search_index``).

Nothing here imports an engine client: the ``search`` extra is optional.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast, Coalesce
from modelsearch import index as search_index
from modelsearch.backends import get_search_backend, get_search_backends_with_name
from modelsearch.index import get_indexed_instance
from wagtail.models import Page

from home.background.tasks import background_task
from home.publication import in_chunks
from search.backends.engine import has_fallback
from search.models import IndexedPage

logger = logging.getLogger(__name__)
BATCH = 500


def record_indexed(backend, objects):
    """Note that ``backend`` now holds the current version of the pages among
    ``objects`` (called after a successful write to its index)."""
    alias = getattr(backend, "site_alias", None)
    pages = [obj for obj in objects if isinstance(obj, Page) and obj.pk]
    if alias is None or not pages:
        return
    rows = [
        IndexedPage(
            backend=alias,
            page_id=page.pk,
            live=page.live,
            live_revision=page.live_revision_id or 0,
            latest_revision=page.latest_revision_id or 0,
            path=page.path,
        )
        for page in pages
    ]
    IndexedPage.objects.bulk_create(
        rows,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["backend", "page"],
        update_fields=["live", "live_revision", "latest_revision", "path", "indexed_at"],
    )


def pages_to_index(alias, backend, pages=None):
    """The pages (of ``pages``, default all) that ``backend`` (configured as ``alias``)
    does not hold in their current version."""
    # The tree's root is no page of the site: nothing searches it.
    pages = (Page.objects.all() if pages is None else pages).filter(depth__gt=1)
    current = IndexedPage.objects.filter(
        backend=alias,
        page=OuterRef("pk"),
        live=OuterRef("live"),
        live_revision=Coalesce(OuterRef("live_revision_id"), 0),
        latest_revision=Coalesce(OuterRef("latest_revision_id"), 0),
        path=OuterRef("path"),
    )
    stale = ~Exists(current)
    entries = getattr(backend, "index_entries", None)
    if entries is not None:
        # A database index can also be checked directly: an entry removed by other
        # means (a failed rebuild, a restored table) counts as missing too.
        stale |= ~Exists(
            entries.filter(
                content_type_id=OuterRef("content_type_id"),
                object_id=Cast(OuterRef("pk"), CharField()),
            )
        )
    return pages.filter(stale)


@dataclass
class Reconciliation:
    """What ``reconcile`` found, per backend alias."""

    indexed: dict = field(default_factory=dict)  # alias → pages (re)indexed
    failed: dict = field(default_factory=dict)  # alias → pages still to index (engine down)

    @property
    def total_indexed(self):
        return max(self.indexed.values(), default=0)

    @property
    def total_failed(self):
        return max(self.failed.values(), default=0)


def reconcile(pages=None, *, dry_run=False):
    """Index, in every backend, the pages it does not hold in their current version.

    ``pages`` narrows the check (a queryset of ``Page``). A backend that fails (an
    engine that does not answer) is logged and reported, the others go on.
    """
    result = Reconciliation()
    for alias, backend in get_search_backends_with_name(with_auto_update=True):
        ids = list(pages_to_index(alias, backend, pages).values_list("pk", flat=True))
        if dry_run or not ids:
            result.indexed[alias] = len(ids)
            continue
        try:
            index_pages(backend, ids)
        except Exception:  # noqa: BLE001 - an engine has many ways to fail
            logger.exception("Search backend %s: %d pages could not be indexed.", alias, len(ids))
            result.failed[alias] = len(ids)
        else:
            result.indexed[alias] = len(ids)
    return result


def index_pages(backend, ids):
    """Index the pages ``ids`` in ``backend``, by batches of their specific types."""
    for offset in range(0, len(ids), BATCH):
        batch = Page.objects.filter(pk__in=ids[offset : offset + BATCH]).specific()
        by_model = {}
        for page in batch:
            indexed = get_indexed_instance(page, check_exists=False)
            if indexed is not None:
                by_model.setdefault(type(indexed), []).append(indexed)
        for model, objects in by_model.items():
            with transaction.atomic():
                backend.add_bulk(model, objects)


def index_written_pages(sender, pages, **kwargs):
    """Receiver of ``home.publication.pages_written``."""
    index_after_bulk_write(sender, pages)


def index_after_bulk_write(model, pages):
    """Index pages written in bulk (which sends no ``post_save``).

    Database backends are written in the same transaction as the pages: committed
    together, or not at all. Engines (OpenSearch, Elasticsearch), which cannot roll
    back, are written by a background task queued in that transaction
    (``index_in_engines``), run once it commits and tried again while the engine is
    down; ``reconcile`` remains the net under it.
    """
    if not pages:
        return
    engines = []
    for alias, backend in get_search_backends_with_name(with_auto_update=True):
        if getattr(backend, "index_entries", None) is not None:
            backend.add_bulk(model, pages)
        else:
            engines.append(alias)
    if engines:
        index_in_engines.enqueue(engines, [page.pk for page in pages])


@background_task(priority=-10, max_attempts=8)
def index_in_engines(aliases, page_ids):
    """Index the pages ``page_ids`` in the search engines ``aliases`` (raises, to be
    tried again later, while one does not answer)."""
    failed = []
    for alias in aliases:
        try:
            index_pages(get_search_backend(alias), page_ids)
        except Exception:  # noqa: BLE001 - an engine has many ways to fail
            logger.warning(
                "Search backend %s: %d pages not indexed yet; tried again later.",
                alias,
                len(page_ids),
            )
            failed.append(alias)
    if failed:
        raise EngineUnavailable(f"{', '.join(failed)}: {len(page_ids)} pages not indexed")
    return len(page_ids)


class EngineUnavailable(Exception):  # noqa: N818
    """A search engine did not take the pages: the task is tried again later."""


def reindex_translations(batch):
    """Publication step: re-index the other language versions of the pages of
    ``batch`` in engines that store, in each document, whether a page has a live
    translation (the English site lists a French page only while it has no live
    English version). Database backends read that from the page table at query time
    and need nothing."""
    if not has_fallback():  # no engine with its own documents is configured
        return
    pages = batch.with_translation_key()
    ids = {page.pk for page in pages}
    for chunk in in_chunks([page.translation_key for page in pages]):
        for other in Page.objects.filter(translation_key__in=chunk).specific():
            if other.pk not in ids:
                search_index.insert_or_update_object(other)


def reindex_pages_mentioning(texts):
    """Index again, in every backend, the pages whose text uses one of ``texts`` (words
    or expressions): after a change of the team's search synonyms, so that the pages
    that gain or lose words get or lose them now. Database backends are written in
    the current transaction; engines once it commits (``reconcile`` catches up if
    they fail). Returns the number of pages."""
    backends = list(get_search_backends_with_name(with_auto_update=True))
    database = [backend for _alias, backend in backends if hasattr(backend, "pages_mentioning")]
    if not database:
        return 0
    ids = sorted(database[0].pages_mentioning(texts))
    if not ids:
        return 0
    engines = []
    for alias, backend in backends:
        if getattr(backend, "index_entries", None) is not None:
            index_pages(backend, ids)
        else:
            engines.append((alias, backend))

    def index_in_engines():
        for alias, backend in engines:
            try:
                index_pages(backend, ids)
            except Exception:  # noqa: BLE001 - an engine has many ways to fail
                logger.exception(
                    "Search backend %s: %d pages not reindexed after a synonym change; "
                    "reconcile_search_index will not see it, run update_index.",
                    alias,
                    len(ids),
                )

    if engines:
        transaction.on_commit(index_in_engines)
    return len(ids)
