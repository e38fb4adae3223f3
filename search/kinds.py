"""The types of page that site search lists, registered by the apps that own them.

Search knows no page type of its own. Each app registers its kinds from its
``AppConfig.ready()``, as Wagtail's ``register_setting`` or snippet viewsets work::

    from search import kinds

    kinds.register(
        kinds.SearchKind(
            key="merchant",
            model=MerchantPage,
            label=_("Commerce"),
            plural_label=_("Commerces"),
            documents=merchant_documents,  # what the index stores beyond search_fields
            results=merchant_results,  # what a result shows
            in_directory=True,  # the directory's filters apply
        )
    )

- ``documents(builder)`` is called once per batch of objects being indexed (a
  ``search.documents.DocumentBuilder``, whose ``objects`` it may load related data
  for in a few queries) and returns ``fill(document, obj)``, which sets the
  ``SearchDocument``'s roles (name, categories, commune, keywords, summary, body,
  suggest) and filters.
- ``results(ids, context)`` returns ``{page id: SearchResult}`` for the hits of that
  kind (a ``ResultContext`` gives the scope, request, categories and time): one query
  per kind, whatever the number of hits.
- ``hidden(now)``, when given, returns the kind's pages that are live but must not be
  found at ``now`` (offers past their validity or out of season): every backend
  leaves them out, whenever they were indexed.
- ``rank_factor`` multiplies the score: residents who type "fromages" came for cheese
  shops before the news about them.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class SearchKind:
    """One type of page site search lists."""

    key: str
    model: type
    label: str  # one result's badge: "Commerce"
    plural_label: str  # the filter chip: "Commerces"
    documents: object = None  # callable(builder) -> callable(document, obj)
    results: object = None  # callable(ids, context) -> {page id: SearchResult}
    rank_factor: float = 1.0
    in_directory: bool = False  # the directory's filters (category, commune...) apply
    order: int = 100  # where its filter chip comes among the kinds
    hidden: object = None  # callable(now) -> queryset of live pages not to find at now


@dataclass(frozen=True)
class ResultContext:
    """What building results needs besides the hits."""

    scope: object
    request: object
    categories_by_key: dict
    now: object


_kinds = {}


def register(kind):
    """Add (or replace, by key) a kind; kinds are listed in registration order."""
    _kinds[kind.key] = kind


def unregister(key):
    _kinds.pop(key, None)


def all_kinds():
    """The registered kinds, by ``order``."""
    return sorted(_kinds.values(), key=lambda kind: kind.order)


def keys():
    return tuple(kind.key for kind in all_kinds())


def get(key):
    return _kinds.get(key)


def for_model(model):
    """The kind of ``model``: the registered model nearest in its ancestry, or None."""
    best, best_depth = None, None
    for kind in _kinds.values():
        if isinstance(model, type) and issubclass(model, kind.model):
            depth = model.__mro__.index(kind.model)
            if best_depth is None or depth < best_depth:
                best, best_depth = kind, depth
    return best


def key_for_model(model):
    """The kind's key for ``model``, or "" for what site search does not list."""
    kind = for_model(model)
    return kind.key if kind else ""


def content_types():
    """{content type id: kind key} for the registered page types."""
    models = [kind.model for kind in all_kinds()]
    types = ContentType.objects.get_for_models(*models) if models else {}
    return {content_type.pk: key_for_model(model) for model, content_type in types.items()}


def rank_factors():
    return {kind.key: kind.rank_factor for kind in _kinds.values()}


def hidden_pages(keys, now):
    """Querysets of the live pages of the kinds ``keys`` that are not to be found at
    ``now`` (see ``SearchKind.hidden``)."""
    return [kind.hidden(now) for kind in all_kinds() if kind.key in keys and kind.hidden]


def directory_keys():
    """Keys of the kinds the directory's filters apply to."""
    return tuple(kind.key for kind in all_kinds() if kind.in_directory)
