"""One search, from the query string to what the page and the API show.

The search page and ``/api/search/`` both call ``run_search``: same parsing, same
engine, same ranking, same promotions. Only the page logs the search (the API is for
programs, and the autocomplete would count every keystroke).
"""

import logging
import math
from dataclasses import dataclass, field

from search import directory, spelling
from search.analysis import clean_query, query_words
from search.backends import engine
from search.backends.base import EngineResult
from search.editorial import log_search, promotions
from search.facets import FacetCounts, count_facets
from search.query import plan_query
from search.results import build_results
from search.scope import ReferenceData, SearchScope

logger = logging.getLogger(__name__)
MAX_PAGE = 1000


@dataclass
class SearchOutcome:
    text: str = ""
    results: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 10
    facets: FacetCounts = field(default_factory=FacetCounts)
    relaxed: bool = False
    relaxed_communes: list = field(default_factory=list)  # none of their shops matched
    corrected: bool = False
    suggestion: str = ""  # "Vouliez-vous dire …": a corrected query that finds more
    engine_available: bool = True
    scope: SearchScope | None = None
    reference: ReferenceData | None = None
    plan: object = None

    @property
    def num_pages(self):
        return max(math.ceil(self.total / self.per_page), 1)

    @property
    def has_query(self):
        return bool(self.text)

    @property
    def is_active(self):
        """A query was typed, or merchants are browsed by filters only (a category or
        commune chosen in the autocomplete: ``?category=fromagerie``)."""
        return bool(self.text) or bool(self.scope and self.scope.filters.merchant_only)


def page_number(value):
    try:
        number = int(str(value).strip() or 1)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def browse(scope, offset, limit, with_facets):
    """The merchants matching the filters alone, by name (no query to rank by).

    Structured filtering: the database answers it, whatever the search engine."""
    places = directory.get()
    if places is None:
        return EngineResult()
    merchants = places.places().filter(pk__in=scope.pages().values("pk"))
    ordered = merchants.order_by(places.sort_field, "pk").values_list("pk", flat=True)
    ids = list(ordered[offset : offset + limit])
    facets = count_facets(scope.pages(), scope.now) if with_facets else None
    return EngineResult(hits=[(pk, 0.0) for pk in ids], total=merchants.count(), facets=facets)


def run_search(request, params, language, *, per_page=10, log=False, with_facets=True):
    """Search with the query-string ``params`` (``q``, ``type``, ``category``,
    ``commune``, ``service``, ``open_now``, ``open_day``, ``page``) in ``language``."""
    reference = ReferenceData()
    filters = reference.filters(params)
    text = clean_query(params.get("q", ""))
    plan = plan_query(text, reference.communes)
    scope = SearchScope.for_request(request, language, filters).for_plan(plan)
    filters = scope.filters
    outcome = SearchOutcome(
        text=text,
        page=page_number(params.get("page", 1)),
        per_page=per_page,
        scope=scope,
        reference=reference,
        plan=plan,
    )
    offset = (outcome.page - 1) * per_page
    if plan.is_empty:
        if not filters.merchant_only:
            return outcome
        found = browse(scope, offset, per_page, with_facets)
    else:

        def search(backend):
            return backend.site_search(plan, scope, offset, per_page, with_facets=with_facets)

        found, outcome.engine_available = engine.run(search)
    outcome.total = found.total
    outcome.relaxed = found.relaxed
    if found.relaxed and plan.relaxations()[found.step][1]:
        # Still every word required, but the commune's: "épicerie tournon" when
        # Tournon has no épicerie.
        outcome.relaxed_communes = [c.name for c in reference.communes if c.pk in plan.commune_ids]
    outcome.corrected = bool(found.corrections)
    if not plan.is_empty:

        def count(corrected_text):
            corrected_plan = plan_query(corrected_text, reference.communes)
            return engine.run(
                lambda backend: backend.site_search(corrected_plan, scope, 0, 1, False)
            )[0].total

        outcome.suggestion = spelling.suggestion(
            plan, found.total, reference, count, typos=bool(found.corrections)
        )
    outcome.facets = found.facets or FacetCounts()
    categories = reference.category_names(scope.locale.language_code)
    outcome.results = build_results(
        found.hits, scope, request, query_words(text), categories, scope.now
    )
    if outcome.page == 1 and text:
        outcome.promoted = promotions(text, scope, request)
        promoted_urls = {result.url for result in outcome.promoted}
        outcome.results = [r for r in outcome.results if r.url not in promoted_urls]
        if log:
            log_search(text, language, outcome.total, correction=outcome.suggestion)
    return outcome
