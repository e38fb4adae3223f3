"""Residents reserving the last items of an offer at the same moment: exactly the stock
is booked, never one more, and the stock ends at zero, never below.

Real concurrency needs separate connections and a database that runs transactions side
by side: PostgreSQL (see tests/collect/test_concurrency.py)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from offers.models import OfferPage, OfferReservation
from tests.collect import conftest as collect
from tests.collect.conftest import booking_data, demo_merchant, paris, slot_value
from tests.collect.test_concurrency import post_together
from tests.factories.offers import OfferPageFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent reservations need PostgreSQL (SQLite serialises every write); "
        "set DATABASE_URL=postgres://… to run this test.",
    ),
]

clock = collect.clock
# Four slots with free seats (Tuesday to Friday at 10:00 and 10:30, two seats each).
SLOTS = [
    paris(2030, 6, day, hour, minute) for day in (4, 5) for hour, minute in ((10, 0), (10, 30))
]


def test_simultaneous_reservations_never_take_more_than_the_stock(committed_demo, clock):
    offer = OfferPageFactory(
        parent=demo_merchant(2),
        title="Dernières tommes",
        price=Decimal("18.00"),
        availability="stock_limite",
        stock_quantity=3,
    )
    url = reverse("offer_reservation:reserve", args=[offer.pk])
    requests = []
    for number in range(8):
        start = SLOTS[number % len(SLOTS)]
        data = booking_data(
            start,
            **{
                "booking-quantity": "1",
                "booking-phone": f"04657120{number:02d}",
                "booking-slot": slot_value(start),
            },
        )
        requests.append((Client(REMOTE_ADDR=f"198.51.100.{number}"), url, data))

    statuses = post_together(requests)

    assert sorted(statuses).count(302) == 3, statuses
    assert OfferPage.objects.get(pk=offer.pk).stock_quantity == 0
    assert OfferReservation.objects.filter(offer=offer).count() == 3
