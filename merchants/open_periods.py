"""The "open now" filter, answered by the database from precomputed open periods.

Each published merchant's open periods (public holidays and temporary closures
already applied) are stored for a rolling window of about a week.
"Open now" is then a single indexed query, whatever the number of merchants.

The window is rebuilt when a profile is published, by the import, and daily by
``manage.py refresh_opening_periods`` (run it from cron). A merchant whose window does
not cover the moment asked about (the daily job did not run, or a test asks about
another year) is evaluated from its hours in Python instead, so the answer is always
right; a warning in the logs says the daily job is late.
"""

import datetime
import logging
from functools import lru_cache

from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

from home.bulk_pages import insert_rows
from merchants.models import MerchantPage, OpeningCalendar, OpenPeriod
from merchants.opening_hours import Closure, midnight, open_intervals, status_at, to_paris

logger = logging.getLogger(__name__)

# Periods are stored from (almost) the moment they are computed, for eleven days: the
# daily job rebuilds every window that ends within REFRESH_MARGIN, so a window always
# covers the next eight days (what "open on Sunday" asks about: up to a week ahead,
# to the end of that day; see filter_open_on) even if the job misses a run or
# two. The hour before covers app servers whose clocks differ slightly.
WINDOW_BEFORE = datetime.timedelta(hours=1)
WINDOW_AFTER = datetime.timedelta(days=11)
REFRESH_MARGIN = datetime.timedelta(days=3)
BATCH_SIZE = 500


def current_time():
    """The moment the directory and profiles are rendered for (tests replace it)."""
    return timezone.now()


def _closures(closed_from, closed_until):
    return (Closure(closed_from, closed_until),) if closed_from and closed_until else ()


def compute_periods(opening_hours, closed_from, closed_until, now):
    """``(opens, closes)`` pairs for the window around ``now``."""
    start, end = now - WINDOW_BEFORE, now + WINDOW_AFTER
    return open_intervals(opening_hours, start, end, _closures(closed_from, closed_until))


@transaction.atomic
def refresh_open_periods(merchants, now=None):
    """Rebuild the stored periods of ``merchants`` (MerchantPage objects or rows with the
    same attributes) for the window around ``now``. Returns the number of periods."""
    now = now or current_time()
    merchants = list(merchants)
    ids = [merchant.pk for merchant in merchants]
    for offset in range(0, len(ids), BATCH_SIZE):
        batch = ids[offset : offset + BATCH_SIZE]
        OpenPeriod.objects.filter(merchant_id__in=batch).delete()
        OpeningCalendar.objects.filter(merchant_id__in=batch).delete()
    periods = [
        (merchant.pk, opens, closes)
        for merchant in merchants
        for opens, closes in compute_periods(
            merchant.opening_hours, merchant.closed_from, merchant.closed_until, now
        )
    ]
    # Thousands of rows per import: written without building model instances.
    insert_rows(OpenPeriod, ["merchant", "opens_at", "closes_at"], periods)
    insert_rows(
        OpeningCalendar,
        ["merchant", "covers_from", "covers_until"],
        [(pk, now - WINDOW_BEFORE, now + WINDOW_AFTER) for pk in ids],
    )
    return len(periods)


def forget_open_periods(merchant_ids):
    """Drop the periods of unpublished or deleted merchants."""
    OpenPeriod.objects.filter(merchant_id__in=merchant_ids).delete()
    OpeningCalendar.objects.filter(merchant_id__in=merchant_ids).delete()


def filter_open_now(queryset, now):
    """The merchants of ``queryset`` that are open at ``now``. Two queries."""
    covered = Q(opening_calendar__covers_from__lte=now, opening_calendar__covers_until__gt=now)
    open_in_index = OpenPeriod.objects.filter(opens_at__lte=now, closes_at__gt=now).values(
        "merchant_id"
    )
    uncovered = queryset.exclude(covered).exclude(opening_hours="")
    rows = list(uncovered.values_list("pk", "opening_hours", "closed_from", "closed_until"))
    if rows:
        logger.warning(
            "%d merchants have no open periods covering %s: run refresh_opening_periods.",
            len(rows),
            now.isoformat(),
        )
    open_uncovered = [
        pk
        for pk, hours, closed_from, closed_until in rows
        if status_at(hours, now, _closures(closed_from, closed_until)).is_open
    ]
    return queryset.filter((covered & Q(pk__in=open_in_index)) | Q(pk__in=open_uncovered))


# "Ouvert dimanche": the merchants open on a weekday, asked when a search runs. "Open
# on Sunday" is the merchants with an open period overlapping the next Sunday, in
# Paris time: one indexed query, never stale, unlike a term in the search index. Asked
# on a Sunday, it means the rest of today. Windows cover the next eight days, so
# normally every merchant is answered from its stored periods; a merchant whose window
# does not cover that day is evaluated from its hours, as filter_open_now does (shops
# share a handful of hours expressions, so each is evaluated once per day asked).


def next_date(weekday, now):
    """The Paris date of the next ``weekday`` (0 = Monday) from ``now``, today included."""
    today = to_paris(now).date()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)


def day_bounds(weekday, now):
    """``(start, end)``: the next ``weekday`` in Paris, from midnight (or from ``now``
    when it is today) to midnight."""
    day = next_date(weekday, now)
    # To the minute: the hours of shops evaluated in Python are cached by bounds.
    return max(midnight(day), now.replace(second=0, microsecond=0)), midnight(
        day + datetime.timedelta(days=1)
    )


def filter_open_on(queryset, weekday, now):
    """The merchants of ``queryset`` open at some time on the next ``weekday``."""
    start, end = day_bounds(weekday, now)
    covered = Q(opening_calendar__covers_from__lte=start, opening_calendar__covers_until__gte=end)
    open_that_day = OpenPeriod.objects.filter(opens_at__lt=end, closes_at__gt=start).values(
        "merchant_id"
    )
    uncovered = queryset.exclude(covered).exclude(opening_hours="")
    rows = list(uncovered.values_list("pk", "opening_hours", "closed_from", "closed_until"))
    if not rows:
        # The usual case (windows cover the next eight days): the stored periods alone.
        return queryset.filter(pk__in=open_that_day)
    open_uncovered = [
        pk
        for pk, hours, closed_from, closed_until in rows
        if (
            open_intervals(hours, start, end, _closures(closed_from, closed_until))
            if closed_from and closed_until
            else _opens_between(hours, start, end)
        )
    ]
    return queryset.filter((covered & Q(pk__in=open_that_day)) | Q(pk__in=open_uncovered))


@lru_cache(maxsize=4096)
def _opens_between(opening_hours, start, end):
    return bool(open_intervals(opening_hours, start, end))


def next_change(merchants, now):
    """The first moment after ``now`` when one of ``merchants`` (a queryset) opens or
    closes, from the stored periods (one query), or None."""
    found = OpenPeriod.objects.filter(merchant__in=merchants.values("pk")).aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)),
        closes=Min("closes_at", filter=Q(closes_at__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments) if moments else None


def follow_publication(batch):
    """Publication step: published changes of hours or closures count at once."""
    merchants = batch.of_type(MerchantPage)
    if merchants:
        refresh_open_periods(merchants)


def follow_unpublication(batch):
    merchants = batch.of_type(MerchantPage)
    if merchants:
        forget_open_periods([merchant.pk for merchant in merchants])
