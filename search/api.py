"""``/api/search/`` and ``/api/search/autocomplete/``: the same search as the page, in JSON.

Outside the language prefix, so the language comes from the ``lang`` parameter
(``fr`` or ``en``), else from the ``Accept-Language`` header, else French.

``/api/search/?q=&type=&category=&commune=&service=&open_now=&open_day=&page=`` answers
``{"count": N, "page": 1, "pages": 3, "results": [{"type", "title", "url", "summary",
"commune", "categories"}]}``; promoted results come first on page 1 with
``"promoted": true``; ``"suggestion"`` is the corrected query ("Vouliez-vous dire …")
when the search found nothing or little.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from search.analysis import clean_query, fold, prefix_text
from search.backends import engine
from search.models import SearchPage
from search.results import build_results
from search.scope import ReferenceData, SearchScope
from search.service import run_search

PER_PAGE = 10
SUGGESTIONS_PER_KIND = {"category": 3, "commune": 3, "page": 5}
AUTOCOMPLETE_CACHE_SECONDS = 60


def request_language(request):
    """``lang`` if it is a site language, else the browser's preference, else French."""
    languages = {code for code, _name in settings.LANGUAGES}
    asked = request.GET.get("lang", "").strip().lower()[:8]
    if asked in languages:
        return asked
    preferred = translation.get_language_from_request(request, check_path=False)
    return preferred if preferred in languages else settings.LANGUAGE_CODE


def _json(data, language):
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Language"] = language
    response["Vary"] = "Accept-Language"
    # A public API: other sites may call it, so it waives the site's same-origin
    # Cross-Origin-Resource-Policy.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_GET
def search_api(request):
    language = request_language(request)
    with translation.override(language):
        outcome = run_search(
            request, request.GET, language, per_page=PER_PAGE, log=False, with_facets=False
        )
        results = [*outcome.promoted, *outcome.results] if outcome.page == 1 else outcome.results
        data = {
            "count": outcome.total,
            "page": outcome.page,
            "pages": outcome.num_pages,
            "results": [result.as_json() for result in results],
        }
        if outcome.suggestion:
            data["suggestion"] = outcome.suggestion
    return _json(data, language)


def search_page_url(language, request):
    """The address of the search page in ``language``, or None."""
    page = SearchPage.objects.live().filter(locale__language_code=language).first()
    return page.get_url(request) if page is not None else None


def _with_query(url, **params):
    return f"{url}?{urlencode(params)}" if url else None


def _matches(name, prefixes):
    """Every typed word starts a word of ``name`` ("epi b" → "Épicerie bio")."""
    name_words = prefix_text(name).split()
    return all(any(word.startswith(prefix) for word in name_words) for prefix in prefixes)


def suggestions(request, text, language):
    prefixes = prefix_text(text).split()[:6]
    if not prefixes or len("".join(prefixes)) < 2:
        return []
    reference = ReferenceData()
    page_url = search_page_url(language, request)
    found = []
    categories = reference.category_names(language)
    for category in sorted(categories.values(), key=lambda c: fold(c.name)):
        if len(found) < SUGGESTIONS_PER_KIND["category"] and _matches(category.name, prefixes):
            found.append(
                {
                    "type": "category",
                    "label": category.name,
                    "url": _with_query(page_url, category=category.slug),
                }
            )
    communes = [c for c in reference.communes if _matches(c.name, prefixes)]
    for commune in communes[: SUGGESTIONS_PER_KIND["commune"]]:
        found.append(
            {
                "type": "commune",
                "label": commune.name,
                "url": _with_query(page_url, commune=commune.slug),
            }
        )
    scope = SearchScope.for_request(request, language)
    page_ids, _engine_used = engine.run(
        lambda backend: backend.site_suggest(prefixes, scope, SUGGESTIONS_PER_KIND["page"])
    )
    categories_by_key = categories
    for result in build_results(
        [(pk, 0) for pk in page_ids], scope, request, [], categories_by_key, scope.now
    ):
        suggestion = {"type": result.kind, "label": result.title, "url": result.url}
        if result.commune:  # places (merchants) are told apart by their commune
            suggestion["detail"] = result.commune
        found.append(suggestion)
    return found


@require_GET
def autocomplete_api(request):
    """``{"query": "boul", "suggestions": [{"type", "label", "url", "detail"?}]}``.

    Categories and communes whose name starts with the typed words (they lead to the
    filtered search page), then merchants, news and interviews whose name does.
    """
    language = request_language(request)
    text = clean_query(request.GET.get("q", ""))[:100]
    # Hashed: memcached and Redis keys allow neither spaces nor any length.
    digest = hashlib.sha256(fold(text).encode()).hexdigest()
    key = f"search:autocomplete:{language}:{digest}"
    found = cache.get(key)
    if found is None:
        with translation.override(language):
            found = suggestions(request, text, language)
        cache.set(key, found, AUTOCOMPLETE_CACHE_SECONDS)
    return _json({"query": text, "suggestions": found}, language)
