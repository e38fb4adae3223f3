"""How events appear in site search (registered from ``EventsConfig.ready()``): their
commune and kind in the index, their next date in the results."""

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventKind, EventOccurrence, EventPage
from merchants.models import MerchantPage
from search import kinds
from search.results import SearchResult, other_language

# Words that find every event, whatever its text says.
KIND_WORDS = {
    EventKind.MARKET: "marche marches market agenda",
    EventKind.SHOP_EVENT: "animation evenement event agenda",
    EventKind.WORKSHOP: "atelier formation workshop agenda",
    EventKind.OTHER: "evenement event agenda",
}


def event_documents(builder):
    """``fill(document, event)``: its commune (the shop's when it is at one)."""
    merchants = {}
    ids = [obj.place_merchant_id for obj in builder.objects if obj.place_merchant_id]
    if ids:
        merchants = {
            merchant.pk: merchant
            for merchant in MerchantPage.objects.filter(pk__in=ids).select_related("commune")
        }

    def fill(document, event):
        commune = event.commune if event.commune_id else None
        if commune is None and event.place_merchant_id in merchants:
            commune = merchants[event.place_merchant_id].commune
        if commune is not None:
            document.commune = f"{commune.name} {commune.postcodes.replace(',', ' ')}"
            document.commune_id = commune.pk
        document.categories = str(EventKind(event.kind).label)
        document.keywords = KIND_WORDS.get(event.kind, "agenda")
        document.suggest = event.title

    return fill


def event_results(ids, context):
    """``{page id: SearchResult}`` with each event's next date (one query)."""
    language = context.scope.locale.language_code
    now = context.now or timezone.now()
    next_start = (
        EventOccurrence.objects.filter(page=OuterRef("pk"), end__gt=now, cancelled=False)
        .order_by("start")
        .values("start")[:1]
    )
    events = list(
        EventPage.objects.filter(pk__in=ids)
        .select_related("locale", "commune", "place_merchant__commune")
        .annotate(next_start=Subquery(next_start))
    )
    results = {}
    for event in events:
        place = event.place
        results[event.pk] = SearchResult(
            kind="event",
            title=event.title,
            url=event.get_url(context.request),
            summary=event.listing_text,
            commune=place.commune_name,
            categories=[str(EventKind(event.kind).label)],
            language=other_language(event, language),
            date=event.next_start,
        )
    return results


def register():
    kinds.register(
        kinds.SearchKind(
            key="event",
            model=EventPage,
            label=_("Événement"),
            plural_label=_("Agenda"),
            documents=event_documents,
            results=event_results,
            rank_factor=0.8,
            order=40,
        )
    )
