"""Which merchants the directory lists, and how visitors narrow them down.

Filters come from the query string (``?categorie=boulangerie&commune=tain-l-hermitage
&service=delivery&ouvert=1``) so that every result page has an address that can be
shared, bookmarked and used without JavaScript. A value the directory does not know
(an old link, a typo) is ignored rather than answered with an error.

Language: the English directory lists the English translation of a merchant when it
exists and is live, and the French profile otherwise, so that the English site never
hides a shop because nobody has translated its description yet.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home import finding
from home.collation import sort_key, sorted_by
from home.locales import source_version
from merchants.choices import SERVICE_FIELDS, Service
from merchants.models import Category, Commune, MerchantPage
from merchants.open_periods import filter_open_now

PARAM_WORDS = "q"
PARAM_CATEGORY = "categorie"
PARAM_COMMUNE = "commune"
PARAM_SERVICE = "service"
PARAM_OPEN_NOW = "ouvert"
PARAM_VIEW = "vue"
PARAM_PAGE = "page"
VIEW_LIST = "liste"
VIEW_MAP = "carte"
MERCHANT_CATEGORIES = MerchantPage.categories.through


# A keyword is the site search's job (its vocabulary, typos, ranking): the directory
# hands it over with its filters, in the search page's own parameters, limited to shops.
SEARCH_KIND = "merchant"
SEARCH_PARAMS = {PARAM_CATEGORY: "category", PARAM_COMMUNE: "commune", PARAM_SERVICE: "service"}
MAX_WORDS_LENGTH = 200


def keyword_search_url(request):
    """Where a keyword typed in the directory is searched (the site search's page,
    limited to shops, with the directory's filters), or None without a keyword or a
    search page."""
    words = " ".join(request.GET.get(PARAM_WORDS, "").split())[:MAX_WORDS_LENGTH]
    box = finding.search_box(request) if words else None
    if box is None:
        return None
    params = {"q": words, "type": SEARCH_KIND}
    for ours, theirs in SEARCH_PARAMS.items():
        value = request.GET.get(ours, "").strip()[:100]
        if value:
            params[theirs] = value
    if request.GET.get(PARAM_OPEN_NOW):
        params["open_now"] = "1"
    return f"{box.action}?{urlencode(params)}"


def _children_of(page):
    return Q(path__startswith=page.path, depth=page.depth + 1)


def source_directory(index, locale):
    """The directory this one translates (the French one), or None for the French one.

    ``locale`` is the directory's locale (passed in: callers already have it)."""
    if locale.language_code == settings.LANGUAGE_CODE:
        return None
    return source_version(index, Page.objects.only("pk", "path", "depth", "url_path", "locale_id"))


def listed_merchants(index, source=None):
    """Live, public merchants of ``index``, with untranslated ones from ``source``."""
    merchants = MerchantPage.objects.live().public()
    scope = _children_of(index)
    if source is not None:
        translated = MerchantPage.objects.live().filter(_children_of(index))
        scope |= _children_of(source) & ~Q(
            translation_key__in=translated.values("translation_key")
        )
    return merchants.filter(scope)


@dataclass
class Choice:
    """One option of a filter: the value in the URL, the label and how many merchants."""

    value: str
    label: str
    count: int = 0
    children: list = field(default_factory=list)


class DirectoryOptions:
    """The categories, communes and services visitors can choose from, with counts.

    Categories are shown in the page's language when translated; both languages'
    slugs are accepted in URLs. Five queries, whatever the number of merchants.
    """

    def __init__(self, merchants, locale):
        self.locale = locale
        categories = list(Category.objects.all())
        by_pk = {category.pk: category for category in categories}
        self.categories_by_key = {}
        for category in sorted(categories, key=lambda c: c.locale_id != locale.pk):
            self.categories_by_key.setdefault(category.translation_key, category)
        self.parent_key = {
            category.translation_key: by_pk[category.parent_id].translation_key
            for category in categories
            if category.parent_id in by_pk
        }
        # Each category's slug in each language, for the addresses of the other
        # directories' same page of results (merchants.page_context).
        self.category_slugs = {(c.translation_key, c.locale_id): c.slug for c in categories}
        self.category_by_slug = {}
        for category in sorted(categories, key=lambda c: c.locale_id == locale.pk):
            self.category_by_slug[category.slug] = category.translation_key
        links = MERCHANT_CATEGORIES.objects.filter(merchantpage_id__in=merchants.values("pk"))
        counts = dict(
            links.values("category__translation_key")
            .annotate(merchants=Count("merchantpage_id", distinct=True))
            .values_list("category__translation_key", "merchants")
        )
        group_counts = dict(
            links.annotate(
                group=Coalesce("category__parent__translation_key", "category__translation_key")
            )
            .values("group")
            .annotate(merchants=Count("merchantpage_id", distinct=True))
            .values_list("group", "merchants")
        )
        self.category_choices = self._category_tree(counts, group_counts)
        commune_counts = dict(
            merchants.order_by()
            .values("commune_id")
            .annotate(n=Count("pk"))
            .values_list("commune_id", "n")
        )
        self.communes = sorted_by(
            commune for commune in Commune.objects.all() if commune.pk in commune_counts
        )
        self.commune_choices = [
            Choice(commune.slug, commune.name, commune_counts[commune.pk])
            for commune in self.communes
        ]
        self.service_choices = [Choice(service.value, service.label) for service in Service]

    def _category_tree(self, counts, group_counts):
        tree = []
        top_level = [
            category
            for key, category in self.categories_by_key.items()
            if key not in self.parent_key
        ]
        for parent in sorted_by(top_level):
            key = parent.translation_key
            if not group_counts.get(key):
                continue
            children = [
                Choice(child.slug, child.name, counts[child_key])
                for child_key, child in self.categories_by_key.items()
                if self.parent_key.get(child_key) == key and counts.get(child_key)
            ]
            children.sort(key=lambda choice: sort_key(choice.label))
            tree.append(Choice(parent.slug, parent.name, group_counts[key], children))
        return tree

    def localized_category(self, category):
        """``category`` in the page's language when it has been translated."""
        return self.categories_by_key.get(category.translation_key, category)

    def category_keys(self, slug):
        """Translation keys matching the ``categorie`` value: the category and its children."""
        key = self.category_by_slug.get(slug)
        if key is None:
            return None
        return {key} | {child for child, parent in self.parent_key.items() if parent == key}

    def commune(self, value):
        """The commune named by its slug or INSEE code, among those with merchants."""
        return next((c for c in self.communes if value in (c.slug, c.insee_code)), None)


@dataclass
class DirectoryFilters:
    """What the visitor asked for; unknown values are dropped, never an error."""

    category: str = ""
    category_keys: set | None = None
    commune: Commune | None = None
    service: str = ""
    open_now: bool = False
    view: str = VIEW_LIST

    @classmethod
    def from_query(cls, params, options):
        filters = cls()
        slug = params.get(PARAM_CATEGORY, "").strip()
        keys = options.category_keys(slug) if slug else None
        if keys:
            filters.category, filters.category_keys = slug, keys
        filters.commune = options.commune(params.get(PARAM_COMMUNE, "").strip())
        service = params.get(PARAM_SERVICE, "").strip()
        if service in SERVICE_FIELDS:
            filters.service = service
        filters.open_now = params.get(PARAM_OPEN_NOW) in ("1", "on", "true")
        if params.get(PARAM_VIEW) == VIEW_MAP:
            filters.view = VIEW_MAP
        return filters

    @property
    def active(self):
        return bool(self.category_keys or self.commune or self.service or self.open_now)

    def apply(self, merchants, now):
        if self.category_keys:
            merchants = merchants.filter(
                pk__in=MERCHANT_CATEGORIES.objects.filter(
                    category__translation_key__in=self.category_keys
                ).values("merchantpage_id")
            )
        if self.commune is not None:
            merchants = merchants.filter(commune=self.commune)
        if self.service:
            merchants = merchants.filter(**{SERVICE_FIELDS[self.service]: True})
        if self.open_now:
            merchants = filter_open_now(merchants, now)
        return merchants

    def params(self, **overrides):
        """The query parameters describing these filters (for links), with overrides."""
        values = {
            PARAM_CATEGORY: self.category,
            PARAM_COMMUNE: self.commune.slug if self.commune else "",
            PARAM_SERVICE: self.service,
            PARAM_OPEN_NOW: "1" if self.open_now else "",
            PARAM_VIEW: self.view if self.view != VIEW_LIST else "",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value}

    def describe(self, options):
        """Short labels of the active filters, read out above the results."""
        labels = []
        if self.category_keys:
            key = options.category_by_slug[self.category]
            labels.append(options.categories_by_key[key].name)
        if self.commune:
            labels.append(self.commune.name)
        if self.service:
            labels.append(Service(self.service).label)
        if self.open_now:
            labels.append(_("ouvert maintenant"))
        return labels
