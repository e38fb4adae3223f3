"""Which pickup slots a resident may book: the next 14 days, free, within opening hours.

Slots come from the merchant's templates and exceptions, in Paris wall-clock time: a
10:00 slot is at 10:00 on both sides of a daylight-saving change, and a time that does
not exist that night (02:30 in late March) is skipped. A slot is offered only if it
starts far enough ahead for the shop to prepare (``CALL_COLLECT_MIN_NOTICE_MINUTES``,
an hour by default), lies entirely inside the shop's opening hours (``merchants.opening_hours``,
temporary closure included) and has a free seat.

Everything is computed from three queries (templates, exceptions, taken seats), whatever
the number of bookings.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC

from django.conf import settings
from django.db.models import Count
from django.utils import dateformat
from django.utils.translation import get_language

from merchants.collect.models import PickupRequest, SlotException, SlotTemplate
from merchants.opening_hours import PARIS, open_intervals

BOOKING_DAYS = 14
DAY_FORMATS = {"fr": "D. j N", "en": "D j M"}


@dataclass(frozen=True)
class Slot:
    start: datetime.datetime
    end: datetime.datetime
    capacity: int
    taken: int = 0

    @property
    def free(self):
        return max(self.capacity - self.taken, 0)

    @property
    def value(self):
        """The form value: the start in UTC, unambiguous even in the repeated DST hour."""
        return self.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")

    @property
    def label(self):
        return dateformat.time_format(self.start.astimezone(PARIS), "H:i")


@dataclass
class SlotDay:
    date: datetime.date
    slots: list = field(default_factory=list)

    @property
    def label(self):
        """ "mar. 1 déc." / "Tue 1 Dec": the abbreviations each language uses (Django's
        French "D" and "M" have no final dot and a capital, hence a format per language)."""
        return dateformat.format(self.date, DAY_FORMATS.get(get_language(), "D j M"))


def parse_value(value):
    """The aware datetime of a slot's form value, or None."""
    try:
        return datetime.datetime.strptime(value or "", "%Y-%m-%dT%H:%MZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def parse_day(value):
    """The date of a ``?jour=YYYY-MM-DD`` parameter, or None (anything else, a year
    outside 2000-2100 included, is ignored)."""
    try:
        day = datetime.date.fromisoformat(value or "")
    except (TypeError, ValueError):
        return None
    return day if 2000 <= day.year <= 2100 else None


def in_booking_window(start, now):
    """Whether ``start`` lies between ``now`` and the end of the booking window
    (compared as instants: nothing converts a year-9999 date to Paris time)."""
    return now <= start <= now + datetime.timedelta(days=BOOKING_DAYS + 1)


def _local(day, time):
    """``day`` at wall-clock ``time`` in Paris, or None when that time does not exist."""
    moment = datetime.datetime.combine(day, time, tzinfo=PARIS)
    round_trip = moment.astimezone(UTC).astimezone(PARIS)
    return moment if round_trip.replace(tzinfo=None) == moment.replace(tzinfo=None) else None


def _window_slots(day, window):
    step = datetime.timedelta(minutes=window.interval_minutes)
    wall = datetime.datetime.combine(day, window.start_time)
    last = datetime.datetime.combine(day, window.end_time)
    while wall + step <= last:
        start, end = _local(day, wall.time()), _local(day, (wall + step).time())
        if start is not None and end is not None:
            yield start, end, window.capacity
        wall += step


@dataclass
class Schedule:
    """A merchant's pickup templates and exceptions, loaded once."""

    templates: list
    exceptions: list

    @classmethod
    def for_merchant(cls, merchant, first_day, last_day):
        return cls(
            list(SlotTemplate.objects.filter(merchant=merchant)),
            list(
                SlotException.objects.filter(
                    merchant=merchant, date__gte=first_day, date__lte=last_day
                )
            ),
        )

    @property
    def publishes_slots(self):
        return bool(self.templates) or any(
            item.kind == SlotException.Kind.EXTRA for item in self.exceptions
        )

    def day_slots(self, day):
        """``(start, end, capacity)`` of ``day``; two windows giving the same start add
        their capacities."""
        if any(
            item.date == day and item.kind == SlotException.Kind.CLOSED for item in self.exceptions
        ):
            return []
        windows = [t for t in self.templates if day.isoweekday() in t.weekday_numbers]
        windows += [
            item
            for item in self.exceptions
            if item.date == day and item.kind == SlotException.Kind.EXTRA
        ]
        ends, capacities = {}, Counter()
        for window in windows:
            for start, end, capacity in _window_slots(day, window):
                ends[start] = max(end, ends.get(start, end))
                capacities[start] += capacity
        return [(start, ends[start], capacities[start]) for start in sorted(ends)]


def _inside(start, end, intervals):
    return any(opens <= start and end <= closes for opens, closes in intervals)


def taken_seats(merchant, first, last):
    """{slot start: seats held} for bookings between ``first`` and ``last``."""
    rows = (
        PickupRequest.objects.holding_seats()
        .filter(merchant=merchant, slot_start__gte=first, slot_start__lt=last)
        .values("slot_start")
        .annotate(taken=Count("pk"))
    )
    return Counter({row["slot_start"]: row["taken"] for row in rows})


def earliest_start(now):
    """The first moment a slot may start when booked at ``now`` (the shop's notice)."""
    return now + datetime.timedelta(minutes=settings.CALL_COLLECT_MIN_NOTICE_MINUTES)


def upcoming_slots(merchant, now, days=BOOKING_DAYS, schedule=None):
    """The bookable slots of the next ``days`` days, grouped by day (``SlotDay`` list).

    Full slots are left out. ``merchant`` is the French page (opening hours and closure
    are read from it).
    """
    today = now.astimezone(PARIS).date()
    last_day = today + datetime.timedelta(days=days - 1)
    if schedule is None:
        schedule = Schedule.for_merchant(merchant, today, last_day)
    if not schedule.publishes_slots:
        return []
    window_start = datetime.datetime.combine(today, datetime.time.min, tzinfo=PARIS)
    window_end = datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time.min, tzinfo=PARIS
    )
    intervals = None
    if merchant.opening_hours.strip():
        intervals = open_intervals(
            merchant.opening_hours, window_start, window_end, merchant.closures
        )
    taken = taken_seats(merchant, window_start, window_end)
    earliest = earliest_start(now)
    result = []
    for offset in range(days):
        day = today + datetime.timedelta(days=offset)
        slot_day = SlotDay(day)
        for start, end, capacity in schedule.day_slots(day):
            if start < earliest:
                continue
            if intervals is not None and not _inside(start, end, intervals):
                continue
            slot = Slot(start, end, capacity, taken.get(start, 0))
            if slot.free:
                slot_day.slots.append(slot)
        if slot_day.slots:
            result.append(slot_day)
    return result


def find_slot(merchant, start, now):
    """The slot starting at ``start`` if it may be booked (ignoring how full it is),
    else None: in the past or too soon (``CALL_COLLECT_MIN_NOTICE_MINUTES``), beyond
    the booking window, outside opening hours, or not one of the merchant's slots."""
    if start is None or start < earliest_start(now) or not in_booking_window(start, now):
        return None
    today = now.astimezone(PARIS).date()
    day = start.astimezone(PARIS).date()
    if not today <= day < today + datetime.timedelta(days=BOOKING_DAYS):
        return None
    schedule = Schedule.for_merchant(merchant, day, day)
    for slot_start, slot_end, capacity in schedule.day_slots(day):
        if slot_start != start:
            continue
        if merchant.opening_hours.strip():
            intervals = open_intervals(
                merchant.opening_hours, slot_start, slot_end, merchant.closures
            )
            if not _inside(slot_start, slot_end, intervals):
                return None
        return Slot(slot_start, slot_end, capacity)
    return None
