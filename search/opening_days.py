""" "Ouvert dimanche": the merchants open on a weekday, asked when the search runs.

The merchants app stores each published merchant's open periods for the coming
week (``merchants.open_periods``, refreshed daily and on every publication), public
holidays and temporary closures applied. "Open on Sunday" is then the merchants
with an open period overlapping the next Sunday, in Paris time: one indexed query, and
never stale, unlike a term in the search index. Asked on a Sunday, it means the rest
of today (open again this evening, or still open), not the Sunday after.

Windows are stored for eleven days and renewed when fewer than three remain, so they
cover the next eight: normally every merchant is answered from its stored periods. A
merchant whose window does not cover that day (the daily job is late) is evaluated
from its hours instead, as ``merchants.open_periods.filter_open_now`` does; shops
share a handful of hours expressions, so each is evaluated once per day asked about.
"""

import datetime
from functools import lru_cache

from django.db.models import Q

from merchants.opening_hours import Closure, midnight, open_intervals, to_paris


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
    from merchants.models import OpenPeriod

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


def _closures(closed_from, closed_until):
    return (Closure(closed_from, closed_until),) if closed_from and closed_until else ()
