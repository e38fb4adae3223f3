"""How offers appear in site search (registered from ``OffersConfig.ready()``).

An offer is found by its title, description and categories, and by its shop's name,
categories and commune; results show its price and shop. Offers past their validity
or out of season are left out by every backend at query time (``SearchKind.hidden``),
whenever they were indexed."""

from django.utils.translation import gettext_lazy as _

from merchants import open_periods
from merchants.models import Category
from merchants.opening_hours import midnight, paris_today
from offers.choices import OfferKind
from offers.display import price_text
from offers.models import OfferPage
from search import kinds
from search.results import SearchResult, other_language

# Words that find every offer of a kind, whatever its text says.
KIND_WORDS = {
    OfferKind.PRODUCT: "offre produit",
    OfferKind.PROMOTION: "promotion promo soldes bon plan offre",
    OfferKind.SERVICE: "service prestation offre",
}


def offer_documents(builder):
    """``fill(document, offer)``: the batch's shops and categories in three queries."""
    offers = builder.objects
    merchants = {
        offer.pk: offer
        for offer in OfferPage.objects.filter(pk__in=[o.pk for o in offers])
        .select_related("merchant__commune")
        .prefetch_related("categories", "merchant__categories")
    }
    categories = {category.pk: category for category in Category.objects.all()}

    def fill(document, offer):
        loaded = merchants.get(offer.pk, offer)
        shop = loaded.merchant
        own = list(loaded.categories.all())
        shop_categories = list(shop.categories.all()) if shop else []
        # The offer's own categories weigh as a shop's do; its shop's only as keywords,
        # so that "fromages" lists cheese shops before a raclette of one of them.
        document.categories = " ".join(category.name for category in own)
        for category in own:
            parent = categories.get(category.parent_id)
            document.category_names.append(
                (
                    {builder.language(category): category.name},
                    {builder.language(parent): parent.name} if parent else {},
                )
            )
        for category in own or shop_categories:
            document.category_keys.append(str(category.translation_key))
        words = [KIND_WORDS.get(offer.kind, "")]
        if shop is not None:
            commune = shop.commune
            document.commune = f"{commune.name} {commune.postcodes.replace(',', ' ')}"
            document.commune_id = shop.commune_id
            document.services = [service.value for service in shop.services]
            words += [shop.title, *(category.name for category in shop_categories)]
        document.keywords = " ".join(words)
        document.summary = offer.description
        document.suggest = offer.title

    return fill


def offer_results(ids, context):
    """``{page id: SearchResult}`` with each offer's price and shop (one query)."""
    language = context.scope.locale.language_code
    offers = OfferPage.objects.filter(pk__in=ids).select_related("locale", "merchant__commune")
    results = {}
    for offer in offers:
        shop = offer.merchant
        results[offer.pk] = SearchResult(
            kind="offer",
            title=offer.title,
            url=offer.get_url(context.request),
            summary=offer.description or offer.listing_summary,
            commune=shop.commune.name if shop else "",
            categories=[str(offer.get_kind_display())],
            language=other_language(offer, language),
            price=price_text(offer),
            seller=shop.title if shop else "",
        )
    return results


def hidden_offers(now):
    """Live offers that must not be found at ``now`` (Europe/Paris day)."""
    today = paris_today(now or open_periods.current_time())
    visible = OfferPage.objects.visible_on(today)
    return OfferPage.objects.live().exclude(pk__in=visible.values("pk"))


def offers_out_of_the_sitemap(now):
    """The sitemap leaves out the offers hidden at ``now``, until the next midnight at
    which one of the live offers appears or disappears."""
    changes_on = OfferPage.objects.live().next_change(paris_today(now))
    return hidden_offers(now), midnight(changes_on) if changes_on else None


def register():
    kinds.register(
        kinds.SearchKind(
            key="offer",
            model=OfferPage,
            label=_("Offre"),
            plural_label=_("Offres"),
            documents=offer_documents,
            results=offer_results,
            hidden=hidden_offers,
            order=15,
        )
    )
