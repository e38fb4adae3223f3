"""How many results fall in each type, category, commune, service, and are open now.

Counted over the current results (every active filter applied), so that a chip never
promises results that the next page would not show. The database engines count here
with a handful of grouped queries; OpenSearch counts with aggregations and returns
the same ``FacetCounts``.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connections
from django.db.models import Count

from search.documents import KINDS, page_kind


@dataclass
class FacetCounts:
    kinds: dict = field(default_factory=dict)  # "merchant" → n
    categories: dict = field(default_factory=dict)  # category translation key (str) → n
    communes: dict = field(default_factory=dict)  # commune id → n
    services: dict = field(default_factory=dict)  # service code → n
    open_now: int = 0


def kind_content_types():
    """{content type id: kind} for the page types site search lists."""
    from merchants.models import MerchantPage
    from news.models import InterviewPage, NewsPage

    types = ContentType.objects.get_for_models(MerchantPage, NewsPage, InterviewPage)
    return {content_type.pk: page_kind(model) for model, content_type in types.items()}


def content_types_for(kinds):
    return [pk for pk, kind in kind_content_types().items() if kind in (kinds or KINDS)]


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
    from merchants.models import MerchantPage
    from merchants.open_periods import filter_open_now

    key = f"search:open-now:{now:%Y%m%d%H%M}"
    ids = cache.get(key)
    if ids is None:
        open_now = filter_open_now(MerchantPage.objects.filter(live=True), now)
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
    from merchants.choices import SERVICE_FIELDS
    from merchants.models import Category, MerchantPage

    kinds_by_type = kind_content_types()
    service_fields = list(SERVICE_FIELDS.items())
    rows = _raw_rows(
        pages.order_by().values_list(
            "pk",
            "content_type_id",
            "merchantpage__commune_id",
            *(f"merchantpage__{field_name}" for _service, field_name in service_fields),
        )
    )
    counts = FacetCounts()
    kinds, communes, services, merchant_ids = Counter(), Counter(), Counter(), []
    for pk, content_type_id, commune_id, *offers in rows:
        kinds[kinds_by_type.get(content_type_id, "")] += 1
        if commune_id is None:
            continue
        merchant_ids.append(pk)
        communes[commune_id] += 1
        services.update(
            service.value
            for (service, _field), offered in zip(service_fields, offers, strict=True)
            if offered
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
    per_category = _raw_rows(
        MerchantPage.categories.through.objects.filter(
            merchantpage_id__in=pages.order_by().values("pk")
        )
        .order_by()
        .values_list("category_id")
        .annotate(n=Count("merchantpage_id", distinct=True))
    )
    keys = dict(Category.objects.values_list("pk", "translation_key"))
    for category_id, number in per_category:
        key = str(keys[category_id])
        counts.categories[key] = counts.categories.get(key, 0) + number
    counts.communes = dict(communes)
    counts.services = dict(services)
    open_ids = open_merchant_ids(now)
    counts.open_now = sum(1 for pk in merchant_ids if pk in open_ids)
    return counts
