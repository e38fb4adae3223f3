"""The search page's context: results, filters as links, pagination, suggestions.

Everything is a link or a GET form, so the page works without JavaScript and every
state (query, filters, page) has an address that can be shared. ``static/js/search.js``
only adds the autocomplete on top.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from home.collation import sort_key
from home.pagination import page_within, pagination
from search import kinds
from search.editorial import popular_searches
from search.query import text_without_filters
from search.service import run_search

MAX_CHIPS = 10


def _kind_chip_label(key):
    kind = kinds.get(key)
    return str(kind.plural_label) if kind else ""


@dataclass
class Chip:
    """A filter link with its number of results; ``current`` when it is applied."""

    label: str
    url: str
    count: int | None = None
    current: bool = False


@dataclass
class FacetGroup:
    key: str
    title: str
    chips: list


def _link(base_url, params):
    return base_url + ("?" + urlencode(params) if params else "")


def _facets(outcome, base_url):
    filters, facets, reference = outcome.scope.filters, outcome.facets, outcome.reference
    language = outcome.scope.locale.language_code
    query = {"q": outcome.text}

    def url(**overrides):
        return _link(base_url, {**query, **filters.params(**overrides)})

    groups = []
    kind_chips = [
        Chip(_kind_chip_label(key), url(type=key), facets.kinds[key], filters.kind == key)
        for key in kinds.keys()
        if facets.kinds.get(key)
    ]
    if len(kind_chips) > 1 or filters.kind:
        everything = Chip(_("Tout"), url(type=""), sum(facets.kinds.values()), not filters.kind)
        groups.append(FacetGroup("type", _("Type de résultat"), [everything, *kind_chips]))

    categories = reference.category_names(language)
    if filters.category_keys:
        selected = next((c for c in reference.categories if c.slug == filters.category), None)
        name = categories.get(str(selected.translation_key), selected).name if selected else ""
        chips = [
            Chip(
                _("%(name)s (retirer ce filtre)") % {"name": name}, url(category=""), current=True
            )
        ]
    else:
        ranked = sorted(
            facets.categories.items(),
            key=lambda item: (
                -item[1],
                sort_key(categories[item[0]].name if item[0] in categories else item[0]),
            ),
        )
        chips = [
            Chip(categories[key].name, url(category=categories[key].slug), count)
            for key, count in ranked[:MAX_CHIPS]
            if key in categories
        ]
    if chips:
        groups.append(FacetGroup("category", _("Catégorie"), chips))

    if filters.commune is not None:
        chips = [
            Chip(
                _("%(name)s (retirer ce filtre)") % {"name": filters.commune.name},
                url(commune=""),
                current=True,
            )
        ]
    else:
        communes = {commune.pk: commune for commune in reference.communes}
        # A search engine's index can name a commune deleted since: skip it.
        known = [(pk, count) for pk, count in facets.communes.items() if pk in communes]
        ranked = sorted(known, key=lambda item: (-item[1], sort_key(communes[item[0]].name)))
        chips = [
            Chip(communes[pk].name, url(commune=communes[pk].slug), count)
            for pk, count in ranked[:MAX_CHIPS]
        ]
    if chips:
        groups.append(FacetGroup("commune", _("Commune"), chips))

    services = reference.directory.services if reference.directory else ()
    chips = [
        Chip(
            str(service.label()),
            url(service="" if filters.service == service.code else service.code),
            facets.services.get(service.code, 0),
            filters.service == service.code,
        )
        for service in services
        if facets.services.get(service.code) or filters.service == service.code
    ]
    if chips:
        groups.append(FacetGroup("service", _("Service"), chips))

    chips = []
    if facets.open_now or filters.open_now:
        chips.append(
            Chip(
                _("Ouvert maintenant"),
                _removal_url(outcome, base_url, "open_now")
                if filters.open_now
                else url(open_now="1"),
                facets.open_now,
                filters.open_now,
            )
        )
    if filters.open_day is not None:
        label = _("Ouvert %(day)s (retirer ce filtre)") % {"day": _day_name(filters.open_day)}
        chips.append(Chip(label, _removal_url(outcome, base_url, "open_day"), current=True))
    if chips:
        groups.append(FacetGroup("open_now", _("Horaires"), chips))
    return groups


def _day_name(weekday):
    return str(WEEKDAYS[weekday])


def _removal_url(outcome, base_url, key):
    """The results without the filter ``key``. Filters the query's words ask for
    ("ouvert dimanche") go with those words, or the next search would ask again."""
    text = text_without_filters(
        outcome.text, open_day=key == "open_day", open_now=key == "open_now"
    )
    params = outcome.scope.filters.params(**{key: ""})
    return _link(base_url, {"q": text, **params} if text else params)


def _category_name(outcome):
    """The chosen category's name in the page's language, or ""."""
    reference, filters = outcome.reference, outcome.scope.filters
    selected = next((c for c in reference.categories if c.slug == filters.category), None)
    if selected is None:
        return ""
    names = reference.category_names(outcome.scope.locale.language_code)
    return names.get(str(selected.translation_key), selected).name


def _service_label(outcome, code):
    places = outcome.reference.directory
    return places.service_label(code) if places is not None and code else ""


def _active_filters(outcome, base_url):
    """``[(label, url without it)]`` for each active filter, shown under the search
    box: a new query keeps them (hidden fields), and each stays removable."""
    filters = outcome.scope.filters
    labels = {
        "type": _kind_chip_label(filters.kind) if filters.kind else "",
        "category": _category_name(outcome) if filters.category_keys else "",
        "commune": filters.commune.name if filters.commune is not None else "",
        "service": _service_label(outcome, filters.service),
        "open_now": _("Ouvert maintenant") if filters.open_now else "",
        "open_day": _("Ouvert %(day)s") % {"day": _day_name(filters.open_day)}
        if filters.open_day is not None
        else "",
    }
    return [
        (label, _removal_url(outcome, base_url, key)) for key, label in labels.items() if label
    ]


def _pagination(outcome, base_url):
    if outcome.num_pages <= 1:
        return None
    page = Paginator(range(outcome.total), outcome.per_page).page(outcome.page)
    params = {"q": outcome.text, **outcome.scope.filters.params()}

    def url(number):
        return _link(base_url, {**params, "page": number} if number > 1 else params)

    return pagination(page, url)


def _filter_labels(outcome):
    """Names of the active filters, said in the heading when there is no query."""
    filters = outcome.scope.filters
    labels = []
    if filters.category_keys and _category_name(outcome):
        labels.append(_category_name(outcome))
    if filters.commune is not None:
        labels.append(filters.commune.name)
    if filters.service:
        labels.append(_service_label(outcome, filters.service))
    if filters.open_now:
        labels.append(_("ouvert maintenant"))
    if filters.open_day is not None:
        labels.append(_("ouvert %(day)s") % {"day": _day_name(filters.open_day)})
    return labels


def search_page_context(page, request):
    """Context of the search page (``SearchPage.get_context``)."""
    language = translation.get_language()
    outcome = run_search(request, request.GET, language, per_page=page.results_per_page, log=True)
    page_notice = ""
    if outcome.is_active:
        number, page_notice = page_within(request.GET.get("page"), outcome.num_pages)
        if number != outcome.page:
            params = request.GET.copy()
            params["page"] = str(number)
            outcome = run_search(request, params, language, per_page=page.results_per_page)
    base_url = page.get_url(request)
    first = (outcome.page - 1) * outcome.per_page + 1
    reset_text = text_without_filters(outcome.text, open_day=True, open_now=True)
    return {
        "search": outcome,
        "page_notice": page_notice,
        "facet_groups": _facets(outcome, base_url) if outcome.total else [],
        "pagination": _pagination(outcome, base_url),
        "first_result": first,
        "last_result": first + len(outcome.results) - 1,
        "filters_active": outcome.scope.filters.active,
        "reset_url": _link(base_url, {"q": reset_text} if reset_text else {}),
        "active_filters": _active_filters(outcome, base_url),
        # Kept by a new query typed in the search box (no JavaScript needed).
        "filter_params": sorted(outcome.scope.filters.params().items()),
        "filter_labels": _filter_labels(outcome),
        "popular_searches": [
            (text, _link(base_url, {"q": text})) for text in popular_searches(language)
        ],
        "suggestion_url": _link(
            base_url, {"q": outcome.suggestion, **outcome.scope.filters.params()}
        )
        if outcome.suggestion
        else "",
        "autocomplete_url": reverse("search_autocomplete"),
        "language": language,
    }
