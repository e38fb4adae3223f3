"""What editors see and steer: promoted results, the search log, popular searches.

Promotions are Wagtail's (``wagtail.contrib.search_promotions``, "Promoted search
results" in the admin's settings): for a given query, chosen pages or links come
first. Searches are counted per day and language in ``SearchTerm`` (with how many
found nothing, for the admin report) and as Wagtail ``Query`` hits, so that the
admin's own "Search terms" report and the promotion form's query chooser show them.
"""

import datetime
import logging

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from search.analysis import query_words
from search.documents import page_kind
from search.models import SearchTerm
from search.results import SearchResult

logger = logging.getLogger(__name__)
POPULAR_DAYS = 30
POPULAR_COUNT = 8
POPULAR_CACHE_SECONDS = 300


def normalised_terms(text):
    """The form in which searches are compared and counted: "L’Épicerie  BIO" → "epicerie bio"."""
    return " ".join(query_words(text))[:255]


def promotions(text, scope, request):
    """Promoted results for ``text``, in the visitor's language when translated."""
    query_string = normalise_query_string(text)
    if not query_string:
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=query_string)
        .select_related("page")
        .order_by("sort_order")
    )
    results = []
    for pick in picks:
        if pick.page_id is None:
            if pick.external_link_url:
                results.append(
                    SearchResult(
                        kind="link",
                        title=pick.external_link_text or pick.external_link_url,
                        url=pick.external_link_url,
                        summary=pick.description,
                        promoted=True,
                    )
                )
            continue
        page = pick.page
        translated = (
            page.get_translation_or_none(scope.locale)
            if page.locale_id != scope.locale.pk
            else page
        )
        page = translated if translated is not None and translated.live else page
        if not page.live:
            continue
        specific = page.specific
        results.append(
            SearchResult(
                kind=page_kind(type(specific)) or "page",
                title=page.title,
                url=page.get_url(request),
                summary=pick.description or getattr(specific, "listing_summary", ""),
                language=page.locale.language_code if page.locale_id != scope.locale.pk else None,
                promoted=True,
            )
        )
    return results


def log_search(text, language, result_count, correction=""):
    """Count one search, and the correction "Vouliez-vous dire …" offered for it.
    Never lets a logging problem break the search itself."""
    terms = normalised_terms(text)
    if not terms:
        return
    today = timezone.localdate()
    try:
        with transaction.atomic():
            row, _created = SearchTerm.objects.get_or_create(
                terms=terms, language=language, date=today, defaults={"text": text[:255]}
            )
            corrected = {"correction": correction[:255]} if correction else {}
            SearchTerm.objects.filter(pk=row.pk).update(
                **corrected,
                searches_corrected=F("searches_corrected") + (1 if correction else 0),
                text=text[:255],
                searches=F("searches") + 1,
                searches_without_results=F("searches_without_results")
                + (0 if result_count else 1),
            )
            Query.get(text).add_hit(today)
    except DatabaseError:
        logger.exception("Could not log the search %r", terms)


def popular_searches(language):
    """The most searched queries of the last weeks that found something, as typed."""
    key = f"search:popular:{language}"
    popular = cache.get(key)
    if popular is None:
        since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
        rows = (
            SearchTerm.objects.filter(language=language, date__gte=since)
            .values("terms")
            .annotate(
                total=Sum("searches"),
                empty=Sum("searches_without_results"),
                text=Max("text"),
            )
            .filter(total__gt=F("empty"))
            .order_by("-total", "terms")[:POPULAR_COUNT]
        )
        popular = [row["text"] for row in rows]
        cache.set(key, popular, POPULAR_CACHE_SECONDS)
    return popular


def searches_without_results(since=None, rows=None):
    """Queries that found nothing, most frequent first (the admin report), added up
    over the daily ``rows`` (all of them by default)."""
    rows = SearchTerm.objects.all() if rows is None else rows
    rows = rows.filter(searches_without_results__gt=0)
    if since is not None:
        rows = rows.filter(date__gte=since)
    return (
        rows.values("terms", "language")
        .annotate(
            total=Sum("searches_without_results"),
            text=Max("text"),
            correction=Max("correction"),
            last_searched=Max("date"),
        )
        .order_by("-total", "-last_searched", "terms")
    )
