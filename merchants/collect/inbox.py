"""What the merchant sees of call & collect in the portal: the dashboard's figures, the
inbox in pickup order, the day's list.

Times are Paris wall-clock times: "today" is the shop's day.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from merchants.collect.models import PickupRequest
from merchants.opening_hours import PARIS, midnight

Status = PickupRequest.Status
Kind = PickupRequest.Kind
OPEN_STATUSES = [Status.NEW, Status.CONFIRMED]
NEXT_PICKUPS = 5

# The inbox's groups, in order.
TODAY, COMING, CALLBACKS, PAST = 0, 1, 2, 3
GROUP_TITLES = {
    TODAY: _("Retraits d'aujourd'hui"),
    COMING: _("Retraits à venir"),
    CALLBACKS: _("Demandes de rappel"),
    PAST: _("Retraits passés"),
}


def day_bounds(day):
    return midnight(day), midnight(day + datetime.timedelta(days=1))


@dataclass(frozen=True)
class CollectFigures:
    new_callbacks: int
    new_bookings: int
    bookings_today: int
    bookings_tomorrow: int
    next_pickups: list

    @property
    def anything(self):
        return any(
            [self.new_callbacks, self.new_bookings, self.bookings_today, self.bookings_tomorrow]
        ) or bool(self.next_pickups)


def dashboard_panel(request, merchant, now):
    """The portal dashboard's call & collect panel (``merchants.portal.dashboard``)."""
    if not (merchant.offers_call_collect or merchant.offers_pickup_appointment):
        if not PickupRequest.objects.filter(merchant=merchant).exists():
            return None
    today = now.astimezone(PARIS).date()
    return "call_collect/portal/dashboard_panel.html", {
        "figures": figures(merchant, now),
        "tomorrow": today + datetime.timedelta(days=1),
    }


def figures(merchant, now):
    """The dashboard's counts (one query) and the next pickups (one query)."""
    today = now.astimezone(PARIS).date()
    today_start, tomorrow_start = day_bounds(today)
    _tomorrow, day_after = day_bounds(today + datetime.timedelta(days=1))
    mine = PickupRequest.objects.filter(merchant=merchant)
    open_booking = Q(kind=Kind.BOOKING, status__in=OPEN_STATUSES)
    counts = mine.aggregate(
        new_callbacks=Count("pk", filter=Q(kind=Kind.CALLBACK, status=Status.NEW)),
        new_bookings=Count("pk", filter=Q(kind=Kind.BOOKING, status=Status.NEW)),
        bookings_today=Count(
            "pk",
            filter=open_booking & Q(slot_start__gte=today_start, slot_start__lt=tomorrow_start),
        ),
        bookings_tomorrow=Count(
            "pk", filter=open_booking & Q(slot_start__gte=tomorrow_start, slot_start__lt=day_after)
        ),
    )
    next_pickups = list(
        mine.filter(open_booking, slot_start__gte=now).order_by("slot_start", "pk")[:NEXT_PICKUPS]
    )
    return CollectFigures(next_pickups=next_pickups, **counts)


def in_pickup_order(requests, now):
    """``requests`` with today's pickups first (by time), then those to come, then the
    callback requests (oldest first: they have waited longest), then past pickups
    (latest first). Each gets ``inbox_group``."""
    today_start, tomorrow_start = day_bounds(now.astimezone(PARIS).date())
    group = Case(
        When(kind=Kind.CALLBACK, then=Value(CALLBACKS)),
        When(slot_start__gte=tomorrow_start, then=Value(COMING)),
        When(slot_start__gte=today_start, then=Value(TODAY)),
        default=Value(PAST),
        output_field=IntegerField(),
    )
    rising = Case(
        When(kind=Kind.CALLBACK, then=F("created_at")),
        When(slot_start__gte=today_start, then=F("slot_start")),
        default=None,
    )
    falling = Case(When(kind=Kind.BOOKING, slot_start__lt=today_start, then=F("slot_start")))
    return (
        requests.alias(rising=rising, falling=falling)
        .annotate(inbox_group=group)
        .order_by(
            "inbox_group",
            F("rising").asc(nulls_last=True),
            F("falling").desc(nulls_last=True),
            "pk",
        )
    )


def day_list(merchant, day):
    """The pickups of ``day`` (a date), by time; cancelled ones are left out."""
    start, end = day_bounds(day)
    return list(
        PickupRequest.objects.bookings()
        .filter(merchant=merchant, slot_start__gte=start, slot_start__lt=end)
        .exclude(status=Status.CANCELLED)
        .order_by("slot_start", "pk")
    )
