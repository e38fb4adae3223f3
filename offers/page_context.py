"""What the offers' pages show: the listing (``/offres/``), an offer's page, the
offers on a shop's page; and how long a shared copy of each stays true.

Visibility changes at midnight in Paris (a promotion's first day or the day after its
last, the first of a month for seasonal items): each page bounds its shared lifetime
(``home.caching.share_until``) by the next such midnight among the offers it could
show, so that no copy outlives the rule.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from home.caching import share_until
from home.pagination import pagination
from home.params import positive_int
from merchants import open_periods
from merchants.directory import DirectoryFilters, DirectoryOptions
from merchants.models import MerchantPage
from merchants.opening_hours import midnight, paris_today
from offers.choices import Availability, OfferKind
from offers.display import availability_text, price_text
from offers.models import OfferPage, first_change
from offers.reserve import reservable
from offers.structured_data import offer_structured_data

PARAM_KIND = "type"
PARAM_PROMOTIONS = "promotions"
PARAM_PAGE = "page"
MERCHANT_SECTION_LIMIT = 50


def _share_until_change(request, offers, today, now):
    """A shared copy lasts until the first midnight when one of ``offers`` appears or
    disappears (one query)."""
    day = offers.next_change(today)
    if day is not None:
        share_until(request, midnight(day), now)


@dataclass
class OfferCard:
    offer: object
    url: str
    price: str
    availability: str
    shop_name: str
    shop_url: str
    commune: str
    language: str | None  # set when the offer is shown untranslated (French)


def live_offers(locale):
    """Live, public offers of live shops in ``locale``; on the English site, the
    French offers not translated yet are listed too (marked French), as the directory
    lists untranslated shops."""
    offers = OfferPage.objects.live().public().filter(merchant__live=True)
    scope = Q(locale=locale)
    if locale.language_code != settings.LANGUAGE_CODE:
        translated = OfferPage.objects.live().filter(locale=locale).values("translation_key")
        scope |= Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(
            translation_key__in=translated
        )
    return offers.filter(scope)


def cards_for(offers, request, page_locale):
    """Cards of ``offers`` (a list, loaded with ``with_card_data``): no query each."""
    cards = []
    for offer in offers:
        merchant = offer.merchant
        cards.append(
            OfferCard(
                offer=offer,
                url=offer.get_url(request),
                price=price_text(offer),
                availability=availability_text(offer),
                shop_name=merchant.title,
                shop_url=merchant.get_url(request),
                commune=merchant.commune.name,
                language=offer.locale.language_code if offer.locale_id != page_locale.pk else None,
            )
        )
    return cards


def with_card_data(offers):
    return offers.select_related("merchant__commune", "photo", "locale").prefetch_related(
        "photo__renditions"
    )


@dataclass
class OfferFilters:
    """The directory's filters (category, commune, service) and the offers' own
    (kind, promotions only). Unknown values are ignored, as in the directory."""

    directory: DirectoryFilters
    kind: str = ""
    promotions_only: bool = False

    @classmethod
    def from_query(cls, params, options):
        kind = params.get(PARAM_KIND, "").strip()
        return cls(
            directory=DirectoryFilters.from_query(params, options),
            kind=kind if kind in OfferKind.values else "",
            promotions_only=params.get(PARAM_PROMOTIONS) in ("1", "on", "true"),
        )

    @property
    def active(self):
        return bool(
            self.directory.category_keys
            or self.directory.commune
            or self.directory.service
            or self.kind
            or self.promotions_only
        )

    def apply(self, offers, now):
        directory = self.directory
        if directory.category_keys:
            # The offer's own categories, or its shop's.
            shops = DirectoryFilters(category_keys=directory.category_keys).apply(
                MerchantPage.objects.all(), now
            )
            offers = offers.filter(
                Q(categories__translation_key__in=directory.category_keys)
                | Q(merchant__in=shops.values("pk"))
            ).distinct()
        if directory.commune or directory.service:
            shops = DirectoryFilters(commune=directory.commune, service=directory.service).apply(
                MerchantPage.objects.all(), now
            )
            offers = offers.filter(merchant__in=shops.values("pk"))
        if self.kind:
            offers = offers.filter(kind=self.kind)
        if self.promotions_only:
            offers = offers.filter(kind=OfferKind.PROMOTION)
        return offers

    def params(self, **overrides):
        values = {
            **self.directory.params(),
            PARAM_KIND: self.kind,
            PARAM_PROMOTIONS: "1" if self.promotions_only else "",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value}


def listed_offers(index, request):
    """``(options, filters, offers)``: the offers ``index`` lists today, filtered by
    the request's query (the listing and its open-data files)."""
    now = open_periods.current_time()
    today = paris_today(now)
    locale = index.locale
    scope = live_offers(locale)
    _share_until_change(request, scope, today, now)
    visible = scope.visible_on(today)
    options = DirectoryOptions(
        MerchantPage.objects.filter(pk__in=visible.values("merchant_id")), locale
    )
    filters = OfferFilters.from_query(request.GET, options)
    offers = filters.apply(visible, now).order_by("-first_published_at", "-pk")
    return options, filters, offers


def listing_context(index, request):
    """One page of the visible offers, filtered. Queries do not depend on the number
    of offers (see tests/offers/test_listing.py)."""
    locale = index.locale
    options, filters, offers = listed_offers(index, request)
    results = with_card_data(offers)
    paginator = Paginator(results, index.per_page)
    number = positive_int(request.GET.get(PARAM_PAGE)) or 1
    if number > paginator.num_pages:
        raise Http404(_("Cette page de résultats n'existe pas."))
    page = paginator.page(number)
    listing_url = index.get_url(request)

    def results_url(**overrides):
        params = filters.params(**overrides)
        return listing_url + (f"?{urlencode(params)}" if params else "")

    return {
        "options": options,
        "filters": filters,
        "kind_choices": OfferKind.choices,
        "results_page": page,
        "paginator": paginator,
        "pagination": pagination(page, lambda n: results_url(**{PARAM_PAGE: n})),
        "cards": cards_for(list(page.object_list), request, locale),
        "listing_url": listing_url,
        "export_links": [
            (
                file_format,
                index.export_url(file_format, request)
                + (f"?{urlencode(filters.params())}" if filters.params() else ""),
            )
            for file_format in ("csv", "json")
        ],
    }


def merchant_offers(merchant, request):
    """The visible offers of ``merchant``'s page (its children), as cards.

    One query for the offers that are or may become visible (those whose validity is
    over never come back): the visible ones are shown, and the others bound the
    shared lifetime, computed here rather than by a second query."""
    now = open_periods.current_time()
    today = paris_today(now)
    candidates = list(
        with_card_data(OfferPage.objects.live().public().filter(merchant=merchant))
        .exclude(valid_until__lt=today)
        .order_by("path")
    )
    change = first_change(
        today,
        min(
            (o.valid_from for o in candidates if o.valid_from and o.valid_from > today),
            default=None,
        ),
        min((o.valid_until for o in candidates if o.valid_until), default=None),
        any(o.availability == Availability.SEASONAL for o in candidates),
    )
    if change is not None:
        share_until(request, midnight(change), now)
    offers = [offer for offer in candidates if offer.is_visible_on(today)]
    return cards_for(offers[:MERCHANT_SECTION_LIMIT], request, merchant.locale)


def offer_context(offer, request):
    now = open_periods.current_time()
    merchant = offer.merchant
    return {
        "reserve_url": (
            reverse("offer_reservation:reserve", args=[offer.pk]) if reservable(offer) else None
        ),
        "merchant": merchant,
        "price_text": price_text(offer),
        "availability_text": availability_text(offer),
        "today": paris_today(now),
        "structured_data": offer_structured_data(offer, merchant, request),
    }


def serve_offer(offer, request, serve, *args, **kwargs):
    """The offer's page while it is visible; afterwards a page that says so, with a
    link to the shop: 410 Gone once its validity is over (it will not come back), 404
    before its first day or out of season (it will)."""
    if getattr(request, "is_preview", False):
        return serve(request, *args, **kwargs)
    now = open_periods.current_time()
    today = paris_today(now)
    if offer.is_visible_on(today):
        change = offer.next_change_after(today)
        if change is not None:
            share_until(request, midnight(change), now)
        return serve(request, *args, **kwargs)
    merchant = offer.merchant
    response = TemplateResponse(
        request,
        "offers/offer_unavailable.html",
        {
            "page": offer,
            "self": offer,
            "merchant": merchant,
            "over": offer.is_over_on(today),
            "back_on": offer.valid_from if offer.valid_from and offer.valid_from > today else None,
            "season": availability_text(offer) if not offer.is_over_on(today) else "",
        },
        status=410 if offer.is_over_on(today) else 404,
    )
    return response
