"""Which pages a search may return: the site, the language, the visitor's filters.

Language: the current language's pages, plus the French (source) pages that have no
live translation yet, exactly as the directory lists them. The English site must not
hide a shop because nobody translated its description, and must not list it twice.

Filters come from the query string (``type``, ``category``, ``commune``, ``service``,
``open_now``, ``open_day``). A value the site does not know (an old link, a typo) is
ignored.
"""

from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from search import directory, kinds
from search.analysis import DAY_SLUGS, DAYS
from search.facets import content_types_for

TRUE_VALUES = ("1", "on", "true", "yes", "oui")


@dataclass(frozen=True)
class SearchFilters:
    kind: str = ""
    category: str = ""  # the slug asked for
    category_keys: frozenset = frozenset()  # the category and its children
    commune: object = None
    service: str = ""
    open_now: bool = False
    open_day: int | None = None  # open at some time on the next such weekday (0 = Monday)

    @property
    def merchant_only(self):
        return bool(
            self.category_keys
            or self.commune
            or self.service
            or self.open_now
            or self.open_day is not None
        )

    @property
    def active(self):
        return bool(self.kind or self.merchant_only)

    def params(self, **overrides):
        """Query-string values of these filters (for links), with overrides."""
        values = {
            "type": self.kind,
            "category": self.category,
            "commune": self.commune.slug if self.commune else "",
            "service": self.service,
            "open_now": "1" if self.open_now else "",
            "open_day": DAY_SLUGS[self.open_day] if self.open_day is not None else "",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value}


class ReferenceData:
    """The directory's categories and communes, loaded once per request (two small
    tables); none without a directory."""

    def __init__(self):
        places = directory.get()
        self.directory = places
        if places is None:
            self.categories, self.communes = [], []
            return
        self.categories = list(places.category_model.objects.select_related("locale"))
        self.communes = list(places.commune_model.objects.all())

    def category_keys(self, slug):
        match = next((c for c in self.categories if c.slug == slug), None)
        if match is None:
            return frozenset()
        parent_key = match.translation_key
        parents = {c.pk for c in self.categories if c.translation_key == parent_key}
        children = {c.translation_key for c in self.categories if c.parent_id in parents}
        return frozenset({str(parent_key), *(str(key) for key in children)})

    def category_names(self, language):
        """{translation key (str): category} in ``language`` when translated."""
        names = {}
        for category in sorted(self.categories, key=lambda c: c.locale.language_code == language):
            names[str(category.translation_key)] = category
        return names

    def commune(self, value):
        return next((c for c in self.communes if value in (c.slug, c.insee_code)), None)

    def filters(self, params):
        services = self.directory.service_codes() if self.directory else {}
        kind = params.get("type", "").strip()
        category = params.get("category", "").strip()
        keys = self.category_keys(category) if category else frozenset()
        service = params.get("service", "").strip()
        return SearchFilters(
            kind=kind if kind in kinds.keys() else "",
            category=category if keys else "",
            category_keys=keys,
            commune=self.commune(params.get("commune", "").strip()),
            service=service if service in services else "",
            open_now=params.get("open_now", "").strip().lower() in TRUE_VALUES,
            open_day=DAYS.get(params.get("open_day", "").strip().lower()),
        )


@dataclass
class SearchScope:
    """The pages a search may return, before any text matching."""

    locale: Locale
    root_paths: tuple
    filters: SearchFilters = field(default_factory=SearchFilters)
    now: object = None
    source_locale: Locale | None = None
    restricted_paths: tuple = ()

    @classmethod
    def for_site(cls, site, language, filters=None, now=None):
        """The scope of ``site`` (its root page and the root's translations)."""
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        locale = locales.get(language) or locales[settings.LANGUAGE_CODE]
        source = locales.get(settings.LANGUAGE_CODE)
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        return cls(
            locale=locale,
            root_paths=tuple(roots.values_list("path", flat=True)) or (site.root_page.path,),
            filters=filters or SearchFilters(),
            now=now or current_time(),
            source_locale=source if source and source.pk != locale.pk else None,
            restricted_paths=tuple(
                PageViewRestriction.objects.values_list("page__path", flat=True)
            ),
        )

    @classmethod
    def for_request(cls, request, language, filters=None):
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        return cls.for_site(site, language, filters)

    def for_plan(self, plan):
        """This scope with the filters the query's words ask for ("ouvert maintenant",
        "ouvert dimanche")."""
        filters = self.filters
        if plan.open_now and not filters.open_now:
            filters = replace(filters, open_now=True)
        if plan.open_day is not None and filters.open_day is None:
            filters = replace(filters, open_day=plan.open_day)
        return self if filters == self.filters else replace(self, filters=filters)

    def without_kind(self):
        """This scope for every type of page (to count each type)."""
        return replace(self, filters=replace(self.filters, kind=""))

    @property
    def kinds(self):
        if self.filters.merchant_only:
            # The directory's filters: only the kinds it lists.
            return tuple(key for key in kinds.directory_keys() if self.filters.kind in ("", key))
        return (self.filters.kind,) if self.filters.kind else kinds.keys()

    def language_q(self):
        current = Q(locale=self.locale)
        if self.source_locale is None:
            return current
        translated = Page.objects.filter(locale=self.locale, live=True).values("translation_key")
        return current | (Q(locale=self.source_locale) & ~Q(translation_key__in=translated))

    def pages(self):
        """Live, public pages of the listed kinds, in the site and language, filtered."""
        pages = Page.objects.filter(
            live=True, content_type__in=content_types_for(self.kinds)
        ).filter(self.language_q())
        in_site = Q()
        for path in self.root_paths:
            in_site |= Q(path__startswith=path)
        pages = pages.filter(in_site)
        for path in self.restricted_paths:
            pages = pages.exclude(path__startswith=path)
        for hidden in kinds.hidden_pages(self.kinds, self.now):
            pages = pages.exclude(pk__in=hidden.values("pk"))
        if self.filters.merchant_only:
            pages = pages.filter(pk__in=self.merchants().values("pk"))
        return pages

    def merchants(self):
        """The directory's places (merchants) matching the visitor's filters."""
        places = directory.get()
        if places is None:
            return Page.objects.none()
        merchants = places.places()
        filters = self.filters
        if filters.category_keys:
            links = places.category_links.objects.filter(
                category__translation_key__in=filters.category_keys
            )
            merchants = merchants.filter(pk__in=links.values(places.link_place_field))
        if filters.commune is not None:
            merchants = merchants.filter(**{places.commune_field: filters.commune})
        if filters.service:
            service = places.service_codes()[filters.service]
            merchants = merchants.filter(**{service.field_name: True})
        if filters.open_now:
            merchants = places.open_now(merchants.filter(live=True), self.now)
        if filters.open_day is not None:
            merchants = places.open_on(merchants.filter(live=True), filters.open_day, self.now)
        return merchants


def current_time():
    """The moment results are computed for: the directory's clock (tests move it)."""
    places = directory.get()
    return places.now() if places is not None else timezone.now()
