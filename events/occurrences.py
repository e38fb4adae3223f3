"""The stored occurrences of live events (``EventOccurrence``), kept in step with what
is published: a step of the publication pipeline rewrites them for every event page
of a batch (the English pages follow as the French page's facts are synchronised), and
``refresh_event_occurrences`` moves the horizon of open-ended rules on each day.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from events import recurrence
from events.models import EventOccurrence, EventPage
from events.places import place_of
from home.publication import in_chunks


def horizon(now):
    return now + datetime.timedelta(days=recurrence.HORIZON_DAYS)


def occurrence_rows(page, now):
    """The ``EventOccurrence`` rows of ``page`` (unsaved) up to the horizon."""
    place = place_of(page)
    commune_id = place.commune.pk if place.commune else None
    rows = []
    for occurrence in page.schedule().occurrences(until=horizon(now)):
        rows.append(
            EventOccurrence(
                page=page,
                locale_id=page.locale_id,
                start=occurrence.start,
                end=occurrence.end,
                start_day=occurrence.start_day,
                # An all-day event ends at midnight: its last day is the one before.
                end_day=(occurrence.end - datetime.timedelta(microseconds=1))
                .astimezone(recurrence.PARIS)
                .date()
                if occurrence.all_day
                else occurrence.end_day,
                all_day=occurrence.all_day,
                cancelled=occurrence.cancelled,
                message=occurrence.message[:255],
                kind=page.kind,
                commune_id=commune_id,
                free=page.is_free,
            )
        )
    return rows


@transaction.atomic
def store(pages, now=None):
    """Rewrite the occurrences of ``pages`` (live event pages) in a few queries."""
    now = now or timezone.now()
    pages = list(pages)
    if not pages:
        return 0
    ids = [page.pk for page in pages]
    loaded = (
        EventPage.objects.filter(pk__in=ids, live=True)
        .select_related("place_merchant", "commune")
        .prefetch_related("date_changes")
    )
    rows = [row for page in loaded for row in occurrence_rows(page, now)]
    for chunk in in_chunks(ids):
        EventOccurrence.objects.filter(page_id__in=chunk).delete()
    EventOccurrence.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def follow_publication(batch):
    store(batch.of_type(EventPage))


def follow_unpublication(batch):
    ids = [page.pk for page in batch.of_type(EventPage)]
    for chunk in in_chunks(ids):
        EventOccurrence.objects.filter(page_id__in=chunk).delete()


def refresh_all(now=None):
    """Every live event's occurrences again (daily: the horizon moves on)."""
    pages = EventPage.objects.live().only("pk")
    count = 0
    for chunk in in_chunks(pages.values_list("pk", flat=True), size=200):
        count += store(EventPage.objects.filter(pk__in=chunk), now)
    EventOccurrence.objects.exclude(page__live=True).delete()
    return count
