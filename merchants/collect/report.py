"""Call & collect activity per merchant and per month, for the communications team.

Two grouped queries, whatever the number of requests: counts per (merchant, month),
and the confirmation delays from which the medians are taken. The last row adds up
every row (its median is that of all the delays, not a median of medians).
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _

from merchants.collect.models import PickupRequest
from merchants.opening_hours import PARIS


@dataclass
class MonthlyActivity:
    merchant: str
    month: object  # first day of the month (date); None on the totals row
    callbacks: int
    bookings: int
    confirmed: int
    cancelled: int
    median_hours_to_confirmation: float | None

    @property
    def month_label(self):
        return dateformat.format(self.month, "F Y") if self.month else ""

    @property
    def requests(self):
        return self.callbacks + self.bookings


def monthly_activity(requests=None):
    """``MonthlyActivity`` rows, newest month first, for ``requests`` (a queryset)."""
    requests = PickupRequest.objects.all() if requests is None else requests
    by_month = requests.annotate(month=TruncMonth("created_at", tzinfo=PARIS))
    delays = defaultdict(list)
    for merchant_id, month, created, confirmed in by_month.filter(
        confirmed_at__isnull=False
    ).values_list("merchant_id", "month", "created_at", "confirmed_at"):
        delays[(merchant_id, month)].append((confirmed - created).total_seconds() / 3600)
    rows = (
        by_month.values("merchant_id", "merchant__title", "month")
        .annotate(
            callbacks=Count("pk", filter=Q(kind=PickupRequest.Kind.CALLBACK)),
            bookings=Count("pk", filter=Q(kind=PickupRequest.Kind.BOOKING)),
            cancelled=Count("pk", filter=Q(status=PickupRequest.Status.CANCELLED)),
        )
        .order_by("-month", "merchant__title")
    )
    result = []
    for row in rows:
        hours = delays.get((row["merchant_id"], row["month"]), [])
        result.append(
            MonthlyActivity(
                merchant=row["merchant__title"],
                month=row["month"].date() if hasattr(row["month"], "date") else row["month"],
                callbacks=row["callbacks"],
                bookings=row["bookings"],
                confirmed=len(hours),
                cancelled=row["cancelled"],
                median_hours_to_confirmation=_median(hours),
            )
        )
    if result:
        every_delay = [hours for delays_of_row in delays.values() for hours in delays_of_row]
        result.append(
            MonthlyActivity(
                merchant=_("Total"),
                month=None,
                callbacks=sum(row.callbacks for row in result),
                bookings=sum(row.bookings for row in result),
                confirmed=sum(row.confirmed for row in result),
                cancelled=sum(row.cancelled for row in result),
                median_hours_to_confirmation=_median(every_delay),
            )
        )
    return result


def _median(hours):
    return round(statistics.median(hours), 1) if hours else None
