"""The search page's context: results, filters as links, pagination, suggestions.

Everything is a link or a GET form, so the page works without JavaScript and every
state (query, filters, page) has an address that can be shared. ``static/js/search.js``
only adds the autocomplete on top.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from merchants.choices import Service
from search.documents import KIND_INTERVIEW, KIND_MERCHANT, KIND_NEWS
from search.editorial import popular_searches
from search.service import run_search

MAX_CHIPS = 10
KIND_CHIP_LABELS = {
    KIND_MERCHANT: lambda: _("Commerces"),
    KIND_NEWS: lambda: _("Actualités"),
    KIND_INTERVIEW: lambda: _("Entretiens"),
}


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
    kinds = [
        Chip(KIND_CHIP_LABELS[kind](), url(type=kind), facets.kinds[kind], filters.kind == kind)
        for kind in (KIND_MERCHANT, KIND_NEWS, KIND_INTERVIEW)
        if facets.kinds.get(kind)
    ]
    if len(kinds) > 1 or filters.kind:
        everything = Chip(_("Tout"), url(type=""), sum(facets.kinds.values()), not filters.kind)
        groups.append(FacetGroup("type", _("Type de résultat"), [everything, *kinds]))

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
        ranked = sorted(facets.categories.items(), key=lambda item: (-item[1], item[0]))
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
        ranked = sorted(known, key=lambda item: (-item[1], communes[item[0]].name))
        chips = [
            Chip(communes[pk].name, url(commune=communes[pk].slug), count)
            for pk, count in ranked[:MAX_CHIPS]
        ]
    if chips:
        groups.append(FacetGroup("commune", _("Commune"), chips))

    chips = [
        Chip(
            str(service.label),
            url(service="" if filters.service == service.value else service.value),
            facets.services.get(service.value, 0),
            filters.service == service.value,
        )
        for service in Service
        if facets.services.get(service.value) or filters.service == service.value
    ]
    if chips:
        groups.append(FacetGroup("service", _("Service"), chips))

    if facets.open_now or filters.open_now:
        chip = Chip(
            _("Ouvert maintenant"),
            url(open_now="" if filters.open_now else "1"),
            facets.open_now,
            filters.open_now,
        )
        groups.append(FacetGroup("open_now", _("Horaires"), [chip]))
    return groups


def _pagination(outcome, base_url):
    if outcome.num_pages <= 1:
        return None
    paginator = Paginator(range(outcome.total), outcome.per_page)
    page = paginator.page(outcome.page)
    params = {"q": outcome.text, **outcome.scope.filters.params()}

    def url(number):
        return _link(base_url, {**params, "page": number} if number > 1 else params)

    return {
        "current": page.number,
        "links": [
            (number, url(number) if isinstance(number, int) else None)
            for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ],
        "previous_url": url(page.previous_page_number()) if page.has_previous() else None,
        "next_url": url(page.next_page_number()) if page.has_next() else None,
    }


def _filter_labels(outcome):
    """Names of the active filters, said in the heading when there is no query."""
    filters, language = outcome.scope.filters, outcome.scope.locale.language_code
    labels = []
    if filters.category_keys:
        categories = outcome.reference.category_names(language)
        selected = next(
            (c for c in outcome.reference.categories if c.slug == filters.category), None
        )
        if selected is not None:
            labels.append(categories.get(str(selected.translation_key), selected).name)
    if filters.commune is not None:
        labels.append(filters.commune.name)
    if filters.service:
        labels.append(str(Service(filters.service).label))
    if filters.open_now:
        labels.append(_("ouvert maintenant"))
    return labels


def search_page_context(page, request):
    """Context of the search page (``SearchPage.get_context``)."""
    language = translation.get_language()
    outcome = run_search(request, request.GET, language, per_page=page.results_per_page, log=True)
    if outcome.is_active and outcome.page > outcome.num_pages:
        raise Http404(_("Cette page de résultats n'existe pas."))
    base_url = page.get_url(request)
    first = (outcome.page - 1) * outcome.per_page + 1
    return {
        "search": outcome,
        "facet_groups": _facets(outcome, base_url) if outcome.total else [],
        "pagination": _pagination(outcome, base_url),
        "first_result": first,
        "last_result": first + len(outcome.results) - 1,
        "filters_active": outcome.scope.filters.active,
        "reset_url": _link(base_url, {"q": outcome.text} if outcome.text else {}),
        "filter_labels": _filter_labels(outcome),
        "popular_searches": [
            (text, _link(base_url, {"q": text})) for text in popular_searches(language)
        ],
        "autocomplete_url": reverse("search_autocomplete"),
        "language": language,
    }
