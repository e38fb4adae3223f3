"""How many results fall in each type, category, commune, service, and are open now.

Counted over the current results (every active filter applied), so that a chip never
promises results that the next page would not show. The database engines count here
with a handful of grouped queries; OpenSearch counts with aggregations and returns
the same ``FacetCounts``.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connections
from django.db.models import Count

from search import directory, kinds


@dataclass
class FacetCounts:
    kinds: dict = field(default_factory=dict)  # "merchant" → n
    categories: dict = field(default_factory=dict)  # category translation key (str) → n
    communes: dict = field(default_factory=dict)  # commune id → n
    services: dict = field(default_factory=dict)  # service code → n
    open_now: int = 0


def kind_content_types():
    """{content type id: kind} for the page types site search lists."""
    return kinds.content_types()


def content_types_for(wanted):
    wanted = wanted or kinds.keys()
    return [pk for pk, kind in kind_content_types().items() if kind in wanted]


def _raw_rows(queryset):
    """Rows of ``queryset`` straight from the database cursor: a common word matches
    every merchant, and Django's per-value conversions would cost more than the SQL."""
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def open_merchant_ids(now):
    """Ids of the merchants open at ``now`` (the minute), cached for that minute.

    Independent of the query, so every search in the same minute shares it."""
    places = directory.get()
    if places is None:
        return frozenset()
    key = f"search:open-now:{now:%Y%m%d%H%M}"
    ids = cache.get(key)
    if ids is None:
        open_now = places.open_now(places.places().filter(live=True), now)
        ids = frozenset(open_now.values_list("pk", flat=True))
        cache.set(key, ids, 60)
    return ids


def count_facets(pages, now, kind_pages=None):
    """Facet counts over ``pages`` (a Page queryset: the results, unsliced).

    Types are counted over ``kind_pages`` when given: the results without the type
    filter, so that choosing "news" still shows how many merchants there were.

    Two queries read the results (each repeats the text match): one row per result
    with its type, commune and services, then the categories of the merchants among
    them; the counting is done here. Grouping in SQL would repeat the match once per
    facet, and a common word matches every merchant.
    """
    kinds_by_type = kind_content_types()
    places = directory.get()
    if places is None:
        counts = FacetCounts()
        kinds_found = Counter(
            kinds_by_type.get(content_type_id, "")
            for (content_type_id,) in _raw_rows(
                (kind_pages if kind_pages is not None else pages)
                .order_by()
                .values_list("content_type_id")
            )
        )
        counts.kinds = {kind: number for kind, number in kinds_found.items() if kind}
        return counts
    place = places.page_relation
    services = places.services
    rows = _raw_rows(
        pages.order_by().values_list(
            "pk",
            "content_type_id",
            f"{place}__{places.commune_field}_id",
            *(f"{place}__{service.field_name}" for service in services),
        )
    )
    counts = FacetCounts()
    kinds, communes, found_services, merchant_ids = Counter(), Counter(), Counter(), []
    for pk, content_type_id, commune_id, *offers in rows:
        kinds[kinds_by_type.get(content_type_id, "")] += 1
        if commune_id is None:
            continue
        merchant_ids.append(pk)
        communes[commune_id] += 1
        found_services.update(
            service.code for service, offered in zip(services, offers, strict=True) if offered
        )
    if kind_pages is not None:
        kinds = Counter(
            kinds_by_type.get(content_type_id, "")
            for (content_type_id,) in _raw_rows(
                kind_pages.order_by().values_list("content_type_id")
            )
        )
    counts.kinds = {kind: number for kind, number in kinds.items() if kind}
    if not merchant_ids:
        return counts
    link_field = places.link_place_field
    per_category = _raw_rows(
        places.category_links.objects.filter(
            **{f"{link_field}__in": pages.order_by().values("pk")}
        )
        .order_by()
        .values_list("category_id")
        .annotate(n=Count(link_field, distinct=True))
    )
    keys = dict(places.category_model.objects.values_list("pk", "translation_key"))
    for category_id, number in per_category:
        key = str(keys[category_id])
        counts.categories[key] = counts.categories.get(key, 0) + number
    counts.communes = dict(communes)
    counts.services = dict(found_services)
    open_ids = open_merchant_ids(now)
    counts.open_now = sum(1 for pk in merchant_ids if pk in open_ids)
    return counts
