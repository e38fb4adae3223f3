"""What happens after pages are published or unpublished: one ordered, batch-aware
pipeline that the admin, the portal and the importer all go through.

Apps register their steps from ``AppConfig.ready()``::

    publication.register_step("open_periods", order=publication.DERIVED_DATA,
                              published=refresh, unpublished=forget)

A step receives a ``PublicationBatch`` (every page published together: one page from
the admin or the portal, thousands from an import) and works on the whole batch at
once. Steps run by ``order`` (the constants below say what each stage is for), each in
its own savepoint: a step that fails is logged and undone on its own, and the
publication stands (the next publication, or the step's own routine command, catches
up).

Wagtail's ``page_published`` and ``page_unpublished`` signals feed the pipeline (one
receiver, below); the importer, which writes pages in bulk and sends no signals, calls
``pages_published`` itself. A step that publishes more pages (the translation facts
sync republishes the English pages) does not start the pipeline again: those pages
join the running batch, and the steps after it see them.
"""

import contextvars
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.dispatch import Signal, receiver
from wagtail.signals import page_published, page_unpublished

logger = logging.getLogger(__name__)

# Sent by ``home.bulk_pages`` after writing many pages at once without ``post_save``
# (``sender``: their model, ``pages``: the pages): the search index connects to it.
pages_written = Signal()

# Stages, in the order they run.
TRANSLATION_FACTS = 10  # translations get the facts first: later steps read them
TRANSLATION_TEXT = 20  # which translations fall behind their source's new text
DERIVED_DATA = 30  # data computed from what is published (open periods)
NOTIFICATIONS = 40  # people told of the publication (invitations)
SEARCH = 50  # the index sees everything the other steps changed
CACHES = 60  # last: pages are purged from the caches once everything is written


@dataclass(frozen=True)
class Step:
    name: str
    order: int
    published: object = None  # callable(batch) or None
    unpublished: object = None


_steps = {}
_running = contextvars.ContextVar("publication_batch", default=None)


def register_step(name, *, order, published=None, unpublished=None):
    """Add (or replace, by ``name``) a step of the pipeline."""
    _steps[name] = Step(name, order, published, unpublished)


def registered_steps():
    return sorted(_steps.values(), key=lambda step: (step.order, step.name))


@dataclass
class PublicationBatch:
    """Pages published (or unpublished) together, as their specific types."""

    pages: list = field(default_factory=list)

    def add(self, pages):
        known = {page.pk for page in self.pages}
        self.pages.extend(page for page in pages if page.pk not in known)

    def of_type(self, model):
        return [page for page in self.pages if isinstance(page, model)]

    def with_translation_key(self):
        return [page for page in self.pages if getattr(page, "translation_key", None)]


def pages_published(pages):
    """Run the published steps for ``pages`` (specific pages, just published)."""
    _run("published", pages)


def pages_unpublished(pages):
    _run("unpublished", pages)


def _run(event, pages):
    running = _running.get()
    if running is not None and running[0] == event:
        running[1].add(pages)  # published by a step: the later steps see it
        return
    batch = PublicationBatch()
    batch.add(pages)
    if not batch.pages:
        return
    token = _running.set((event, batch))
    try:
        for step in registered_steps():
            function = getattr(step, event)
            if function is not None:
                _guarded(step, function, batch)
    finally:
        _running.reset(token)


def each_page(pages, function, *, what):
    """``function(page)`` for each page, each in its own savepoint: one page that fails
    (logged, with ``what`` and the page) does not undo the others."""
    for page in pages:
        try:
            with transaction.atomic():
                function(page)
        except Exception:
            logger.exception("After publication: %s failed for page %s.", what, page.pk)


def in_chunks(values, size=500):
    """``values`` in lists of ``size``: lookups stay under SQLite's variable limit."""
    values = list(values)
    for offset in range(0, len(values), size):
        yield values[offset : offset + size]


def _guarded(step, function, batch):
    try:
        with transaction.atomic():
            function(batch)
    except Exception:
        logger.exception(
            "After publication: step %s failed for %d page(s) (first: %s).",
            step.name,
            len(batch.pages),
            batch.pages[0].pk,
        )


@receiver(page_published)
def _on_page_published(sender, instance, **kwargs):
    pages_published([instance])


@receiver(page_unpublished)
def _on_page_unpublished(sender, instance, **kwargs):
    pages_unpublished([instance])
