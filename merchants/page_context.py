"""What the directory and profile templates show.

The two page types build their context here (``directory_context``,
``profile_context``) so that the query budget of each page is visible in one place.
The open-data files are served by ``merchants.views.export``.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from wagtail.models import Page

from home.caching import share_until
from home.locales import active_locale, in_locale, source_version
from home.pagination import page_of, pagination
from home.templatetags.navigation_tags import live_translations
from merchants import open_periods
from merchants.directory import (
    PARAM_CATEGORY,
    PARAM_PAGE,
    PARAM_VIEW,
    VIEW_MAP,
    DirectoryFilters,
    DirectoryOptions,
    listed_merchants,
    source_directory,
)
from merchants.models import Category, MerchantGalleryImage
from merchants.opening_hours import PARIS, midnight, public_holiday_hours, weekly_schedule
from merchants.structured_data import local_business
from merchants.territory import TERRITORY


@dataclass
class MerchantCard:
    """A merchant as the directory lists it."""

    page: object
    url: str
    categories: list
    status: object
    language: str | None  # set when the card is in another language than the page
    photo: object = None  # the shop's first photo (MerchantGalleryImage), or None


def _page_locale(page, request):
    """The page's locale, from the per-request cache the layout's tags share."""
    locale = active_locale(request)
    return locale if locale is not None and locale.pk == page.locale_id else page.locale


def base_urls(index, source, request):
    """Profile addresses are ``<directory url><slug>/``: merchants are always direct
    children of a directory, so no per-merchant URL lookup is needed."""
    urls = {index.path: index.get_url(request)}
    if source is not None:
        # Untranslated shops are shown in this directory's language, at its address
        # (merchants.english_view), not sent to the French pages.
        urls[source.path] = urls[index.path]
    return urls


def merchant_url(merchant, base_urls):
    return f"{base_urls[merchant.path[: -Page.steplen]]}{merchant.slug}/"


def _query(params):
    return f"?{urlencode(params)}" if params else ""


def directory_context(index, request):
    """Filters, one page of results and the map's data address. The number of queries
    does not depend on the number of merchants (see tests/merchants/test_directory.py)."""
    now = open_periods.current_time()
    locale = _page_locale(index, request)
    source = source_directory(index, locale)
    merchants = listed_merchants(index, source)
    options = DirectoryOptions(merchants, locale)
    filters = DirectoryFilters.from_query(request.GET, options)
    results = (
        filters.apply(merchants, now)
        .order_by("sort_name", "pk")
        .select_related("commune", "logo")
        .prefetch_related(
            "categories",
            "logo__renditions",
            # The card's photo: every photo's image and renditions in three queries
            # whatever the number of cards (the first one is shown).
            Prefetch(
                "gallery_images",
                queryset=MerchantGalleryImage.objects.order_by("sort_order", "pk").select_related(
                    "image"
                ),
            ),
            "gallery_images__image__renditions",
        )
    )
    paginator = Paginator(results, index.per_page)
    page, page_notice = page_of(paginator, request.GET.get(PARAM_PAGE))
    urls = base_urls(index, source, request)
    source_language = None if source is None else settings.LANGUAGE_CODE
    cards = [
        MerchantCard(
            page=merchant,
            url=merchant_url(merchant, urls),
            categories=[options.localized_category(c).name for c in merchant.categories.all()],
            status=merchant.status(now),
            language=source_language if merchant.locale_id != index.locale_id else None,
            photo=next(iter(merchant.gallery_images.all()), None),
        )
        for merchant in page.object_list
    ]
    # Cards say "Ouvert / Fermé" until their next change, and "ouvert maintenant" lists
    # other merchants as soon as one opens or closes: a shared copy lasts no longer.
    for card in cards:
        share_until(request, card.status.changes_at, now)
    share_until(request, midnight(now.astimezone(PARIS).date() + datetime.timedelta(days=1)), now)
    if filters.open_now:
        share_until(request, open_periods.next_change(merchants, now), now)
    directory_url = urls[index.path]
    filter_params = filters.params(**{PARAM_VIEW: ""})

    def results_url(**overrides):
        return directory_url + _query(filters.params(**overrides))

    return {
        "canonical_params": _canonical_params(filters, options, page.number),
        # The other directories accept the same filters and list the same shops.
        "alternate_urls": _alternate_urls(index, request, filters, options, page.number),
        "options": options,
        "filters": filters,
        "filter_labels": filters.describe(options),
        "paginator": paginator,
        "results_page": page,
        "page_notice": page_notice,
        "pagination": pagination(page, lambda number: results_url(**{PARAM_PAGE: number})),
        "cards": cards,
        "view": filters.view,
        "directory_url": directory_url,
        "list_url": results_url(**{PARAM_VIEW: ""}),
        "map_url": results_url(**{PARAM_VIEW: VIEW_MAP}),
        "reset_url": directory_url
        + (_query({PARAM_VIEW: VIEW_MAP}) if filters.view == VIEW_MAP else ""),
        "map_data_url": index.export_url("geojson", request) + _query(filter_params),
        "map_bounds": TERRITORY.as_leaflet(),
        "export_links": [
            (file_format, index.export_url(file_format, request) + _query(filter_params))
            for file_format in ("csv", "json", "geojson")
        ],
    }


def _canonical_params(filters, options, number):
    """The query parameters that change what the directory lists, in a stable order,
    with the category's slug in the page's language: the map view shows the same
    shops as the list and points at it."""
    params = filters.params(**{PARAM_VIEW: ""})
    if filters.category:
        key = options.category_by_slug.get(filters.category)
        category = options.categories_by_key.get(key)
        if category is not None:
            params[PARAM_CATEGORY] = category.slug
    if number > 1:
        params[PARAM_PAGE] = number
    return list(params.items())


def _alternate_urls(index, request, filters, options, number):
    """{language: address} of this page of results in each live version of the
    directory: they accept the same filters and list the same shops; the category is
    named by its slug in each language."""
    if not (filters.active or number > 1):
        return None
    params = dict(_canonical_params(filters, options, number))
    key = options.category_by_slug.get(filters.category)
    urls = {}
    for code, translated in live_translations(index, request).items():
        if PARAM_CATEGORY in params:
            params[PARAM_CATEGORY] = options.category_slugs.get(
                (key, translated.locale_id), filters.category
            )
        urls[code] = translated.get_full_url(request) + _query(params)
    return urls


def _localized_categories(merchant):
    """The merchant's categories in its language (a translated profile may still point to
    the French categories until they are translated)."""
    return in_locale(
        merchant.categories.all(),
        merchant.locale_id,
        queryset=Category.objects.select_related("parent"),
    )


def _untranslated_closure_message(merchant, today):
    """The French closure message a translated page has no version of yet, or "".

    The closure's dates are synchronised to translations at once, its message is
    translated later (or never): a visitor of the English page still reads why the shop
    is closed, in French, rather than nothing. One query, only during a closure."""
    if merchant.closure_message or not (merchant.closed_until and merchant.closed_until >= today):
        return ""
    if merchant.locale.language_code == settings.LANGUAGE_CODE:
        return ""
    source = source_version(merchant, type(merchant).objects.live())
    return source.closure_message if source is not None else ""


def profile_context(merchant, request, shown_in=None):
    """Status, weekly hours, photos, links and structured data of one profile.

    ``shown_in``: the directory of another language showing this untranslated page
    (``merchants.english_view``): categories in that language, the breadcrumb of that
    directory, and the merchant's texts marked as French."""
    now = open_periods.current_time()
    today = now.astimezone(PARIS).date()
    if shown_in is None:
        categories = _localized_categories(merchant)
        view = {}
    else:
        categories = in_locale(
            merchant.categories.all(),
            shown_in.locale_id,
            queryset=Category.objects.select_related("parent"),
        )
        view = {
            "text_language": merchant.locale.language_code,
            "breadcrumb_ancestors": [*shown_in.get_ancestors().filter(depth__gte=2), shown_in],
        }
    gallery = list(
        merchant.gallery_images.select_related("image").prefetch_related("image__renditions")
    )
    social_links = list(merchant.social_links.all())
    status = merchant.status(now)
    # "Ouvert, ferme à 19:00" and "ferme demain" stay true until the next change or
    # midnight: a copy of this page is not shared longer.
    share_until(request, status.changes_at, now)
    share_until(request, midnight(today + datetime.timedelta(days=1)), now)
    image_url = None
    if merchant.logo:
        image_url = request.build_absolute_uri(merchant.logo.get_rendition("fill-400x400").url)
    elif gallery:
        image_url = request.build_absolute_uri(gallery[0].image.get_rendition("width-1200").url)
    return {
        **view,
        "status": status,
        "untranslated_closure_message": _untranslated_closure_message(merchant, today),
        "week": weekly_schedule(merchant.opening_hours, today),
        "today": today,
        "public_holidays": public_holiday_hours(merchant.opening_hours, today),
        "categories": categories,
        "gallery": gallery,
        "social_links": social_links,
        "platform_links": list(merchant.platform_links.all()),
        "structured_data": local_business(
            merchant, categories, social_links, merchant.get_full_url(request), image_url, today
        ),
    }


EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
}
