"""What the agenda's pages show and serve: the listing (list or map), the month, the
archive, the calendar feeds and the map's data. The number of queries of each does
not depend on the number of events (see tests/events/test_listing.py)."""

import calendar as calendar_module
import datetime
import json
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from events import ical
from events.filters import (
    PARAM_PAGE,
    PARAM_VIEW,
    VIEW_MAP,
    WHEN_CHOICES,
    AgendaFilters,
)
from events.forms import parse_session_value, session_value
from events.models import EventKind, EventOccurrence, EventPage
from events.page_cache import bound_by_occurrences
from events.recurrence import PARIS
from home.collation import sorted_by
from home.pagination import page_of, pagination
from merchants.models import Commune
from merchants.opening_hours import paris_today
from merchants.territory import TERRITORY

MONTH_MIN_YEAR = 2020
MONTH_MAX_YEAR = 2100
MAP_LIMIT = 500
FEED_LIMIT = 500


@dataclass
class OccurrenceCard:
    """One date of one event, as the listing shows it."""

    occurrence: object
    page: object
    url: str
    kind_label: str

    @property
    def start(self):
        return self.occurrence.start.astimezone(PARIS)

    @property
    def end(self):
        return self.occurrence.end.astimezone(PARIS)

    @property
    def place_label(self):
        """The named place, or the shop it takes place in."""
        page = self.page
        if page.place_name:
            return page.place_name
        return page.place_merchant.title if page.place_merchant_id else ""

    @property
    def multi_day(self):
        return self.occurrence.end_day > self.occurrence.start_day


def _events_under(index):
    return EventPage.objects.child_of(index).live().public()


def _occurrences(index):
    return EventOccurrence.objects.filter(
        locale_id=index.locale_id, page__path__startswith=index.path, page__live=True
    )


def cards(occurrences, index_url):
    """Events are children of the agenda: their address is the agenda's plus the slug
    (no lookup per event)."""
    return [
        OccurrenceCard(
            occurrence=occurrence,
            page=occurrence.page,
            url=f"{index_url}{occurrence.page.slug}/",
            kind_label=EventKind(occurrence.kind).label,
        )
        for occurrence in occurrences
    ]


def _with_pages(occurrences):
    return occurrences.select_related(
        "page", "commune", "page__commune", "page__place_merchant__commune"
    )


def _communes(index, now):
    ids = _occurrences(index).upcoming(now).values("commune_id")
    return sorted_by(Commune.objects.filter(pk__in=ids))


def _filters(index, request, now):
    return AgendaFilters.from_query(request.GET, _communes(index, now), paris_today(now))


def _common(index, request, filters, now):
    index_url = index.get_url(request)
    ics_path = index_url + index.reverse_subpage("ics") + filters.query(**{PARAM_VIEW: ""})
    full_ics = request.build_absolute_uri(ics_path)
    return {
        "filters": filters,
        "filter_labels": filters.describe(),
        "kinds": EventKind.choices,
        "when_choices": WHEN_CHOICES,
        "index_url": index_url,
        "ics_url": ics_path,
        "webcal_url": "webcal://" + full_ics.split("://", 1)[1],
        "rss_url": index_url + index.reverse_subpage("rss"),
        "atom_url": index_url + index.reverse_subpage("atom"),
        "month_url": index_url
        + index.reverse_subpage("this_month")
        + filters.query(**{PARAM_VIEW: ""}),
        "archive_url": index_url + index.reverse_subpage("archive"),
        "list_url": index_url + filters.query(**{PARAM_VIEW: ""}),
        "map_url": index_url + filters.query(**{PARAM_VIEW: VIEW_MAP}),
        "reset_url": index_url,
        "now": now,
    }


def listing(index, request):
    """Upcoming occurrences in date order, filtered, paginated; or their map."""
    now = timezone.now()
    filters = _filters(index, request, now)
    occurrences = filters.apply(_occurrences(index).upcoming(now)).order_by("start", "pk")
    bound_by_occurrences(request, occurrences, now)
    paginator = Paginator(_with_pages(occurrences), index.per_page)
    page, page_notice = page_of(paginator, request.GET.get(PARAM_PAGE))
    context = _common(index, request, filters, now)
    index_url = context["index_url"]
    context.update(
        {
            "results_page": page,
            "page_notice": page_notice,
            "cards": cards(page.object_list, index_url),
            "pagination": pagination(
                page, lambda n: index_url + filters.query(**{PARAM_PAGE: n if n > 1 else ""})
            ),
            "map_data_url": index_url
            + index.reverse_subpage("geojson")
            + filters.query(**{PARAM_VIEW: ""}),
            "map_bounds": TERRITORY.as_leaflet(),
        }
    )
    return index.render(request, context_overrides=context)


def month(index, request, year, month_number):
    """A calendar of one month (the current one by default): the events of each day."""
    now = timezone.now()
    today = paris_today(now)
    if year is None:
        year, month_number = today.year, today.month
    if not (MONTH_MIN_YEAR <= year <= MONTH_MAX_YEAR and 1 <= month_number <= 12):
        raise Http404(_("Ce mois n'est pas dans l'agenda."))
    # "Today" is marked, and a filter may depend on upcoming dates (the communes).
    bound_by_occurrences(request, _occurrences(index), now)
    filters = _filters(index, request, now)
    filters.when = ""  # the month is the period
    filters.first_day = filters.last_day = None
    first = datetime.date(year, month_number, 1)
    last = datetime.date(year, month_number, calendar_module.monthrange(year, month_number)[1])
    occurrences = (
        filters.apply(_occurrences(index))
        .overlapping(first, last)
        .order_by("start", "pk")
        .select_related("page", "commune")[:2000]
    )
    context = _common(index, request, filters, now)
    index_url = context["index_url"]
    by_day = {}
    for card in cards(occurrences, index_url):
        day = max(card.occurrence.start_day, first)
        while day <= min(card.occurrence.end_day, last):
            by_day.setdefault(day, []).append(card)
            day += datetime.timedelta(days=1)
    weeks = [
        [
            {
                "day": day,
                "in_month": day.month == month_number,
                "today": day == today,
                "cards": by_day.get(day, []) if day.month == month_number else [],
            }
            for day in week
        ]
        for week in calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month_number)
    ]
    previous = first - datetime.timedelta(days=1)
    following = last + datetime.timedelta(days=1)
    query = filters.query(**{PARAM_VIEW: ""})

    def month_url(day):
        if not MONTH_MIN_YEAR <= day.year <= MONTH_MAX_YEAR:
            return None
        # Zero-padded, as the month's own address is written ("mois/2026-07/").
        return f"{index_url}mois/{day:%Y-%m}/{query}"

    context.update(
        {
            "month_first": first,
            "weeks": weeks,
            "days_with_events": [{"day": day, "cards": by_day[day]} for day in sorted(by_day)],
            "previous_month_url": month_url(previous),
            "next_month_url": month_url(following),
            "month_view": True,
        }
    )
    return TemplateResponse(
        request,
        "events/agenda_month.html",
        {**index.get_context(request), **context, "page": index},
    )


def archive(index, request):
    """Events that are over (every date past), the latest first."""
    now = timezone.now()
    bound_by_occurrences(request, _occurrences(index), now)  # an event ends: archived
    events = (
        _events_under(index)
        .annotate(last_end=Max("occurrences__end"))
        .filter(last_end__lte=now)
        .order_by("-last_end", "pk")
        .select_related("commune", "place_merchant__commune", "main_image")
    )
    paginator = Paginator(events, index.per_page)
    page, page_notice = page_of(paginator, request.GET.get(PARAM_PAGE))
    index_url = index.get_url(request)
    context = {
        "results_page": page,
        "page_notice": page_notice,
        "events": page.object_list,
        "pagination": pagination(
            page,
            lambda n: (
                index.get_url(request)
                + index.reverse_subpage("archive")
                + (f"?page={n}" if n > 1 else "")
            ),
        ),
        "index_url": index_url,
    }
    return TemplateResponse(
        request,
        "events/agenda_archive.html",
        {**index.get_context(request), **context, "page": index},
    )


def calendar_feed(index, request):
    """The agenda (or one of its filters) as an iCalendar feed to subscribe to."""
    now = timezone.now()
    filters = _filters(index, request, now)
    name = " — ".join([index.title, *filters.describe()])
    calendar = ical.new_calendar(name)
    index_url = request.build_absolute_uri(index.get_url(request))
    occurrences = filters.apply(_occurrences(index).upcoming(now)).order_by("start", "pk")
    bound_by_occurrences(request, occurrences, now)
    if filters.period:
        for occurrence in _with_pages(occurrences)[:FEED_LIMIT]:
            page = occurrence.page
            calendar.add_component(
                ical.occurrence_component(
                    page,
                    occurrence,
                    f"{index_url}{page.slug}/",
                    page.place,
                    EventKind(page.kind).label,
                )
            )
    else:
        pages = (
            _events_under(index)
            .filter(pk__in=occurrences.values("page_id"))
            .select_related("commune", "place_merchant__commune")
            .prefetch_related("date_changes")
            .order_by("start_date", "pk")[:FEED_LIMIT]
        )
        for page in pages:
            for component in ical.event_components(
                page, f"{index_url}{page.slug}/", page.place, EventKind(page.kind).label
            ):
                calendar.add_component(component)
    return ical.response(calendar, "agenda.ics")


def map_data(index, request):
    """GeoJSON of the filtered upcoming events (one point per event), for the map."""
    now = timezone.now()
    filters = _filters(index, request, now)
    occurrences = filters.apply(_occurrences(index).upcoming(now))
    bound_by_occurrences(request, occurrences, now)
    pages = (
        _events_under(index)
        .filter(pk__in=occurrences.values("page_id"))
        .select_related("commune", "place_merchant__commune")
        .order_by("start_date", "pk")[:MAP_LIMIT]
    )
    index_url = index.get_url(request)
    features = []
    for page in pages:
        place = page.place
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(place.longitude), float(place.latitude)],
                }
                if place.has_coordinates
                else None,
                "properties": {
                    "name": page.title,
                    "url": f"{index_url}{page.slug}/",
                    "address": ", ".join(p for p in [place.name, place.street_address] if p),
                    "postcode": " ".join(p for p in [place.postcode, place.commune_name] if p),
                    "kind": page.kind,
                },
            }
        )
    return HttpResponse(
        json.dumps({"type": "FeatureCollection", "features": features}),
        content_type="application/geo+json",
    )


def event_calendar(page, request, stamp):
    """The event's ``.ics`` (the whole series), or one occurrence's (``stamp``)."""
    url = page.get_full_url(request)
    kind_label = EventKind(page.kind).label
    calendar = ical.new_calendar(ical.single_calendar_name(page))
    if stamp is None:
        for component in ical.event_components(page, url, page.place, kind_label):
            calendar.add_component(component)
        return ical.response(calendar, f"{page.slug}.ics")
    start = parse_session_value(stamp)
    occurrence = None
    if start is not None:
        occurrence = EventOccurrence.objects.filter(page=page, start=start).first()
    if occurrence is None:
        raise Http404(_("Cet événement n'a pas lieu à cette date."))
    calendar.add_component(
        ical.occurrence_component(page, occurrence, url, page.place, kind_label)
    )
    return ical.response(calendar, f"{page.slug}-{session_value(occurrence.start)}.ics")
