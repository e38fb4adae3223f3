"""Two residents booking the last seat at the same moment: one gets it, never both.

Real concurrency needs separate connections and a database that runs transactions
side by side: PostgreSQL. SQLite serialises writers on one file lock, so there is
nothing to race there.
"""

import threading

import pytest
from django.db import connection, connections

from merchants.collect import booking
from merchants.collect.models import PickupRequest
from tests.collect.conftest import NOW, TUESDAY_10, demo_merchant

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent bookings need PostgreSQL (SQLite serialises every write); "
        "set DATABASE_URL=postgres://… to run this test.",
    ),
]

ATTEMPTS = 6  # for a slot of 2 seats


@pytest.fixture
def demo_site(transactional_db):
    """The demo, committed so that other connections see it (the session's demo is
    emptied by the previous transactional test's flush)."""
    import io

    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())


def test_simultaneous_bookings_never_overbook(demo_site):
    merchant = demo_merchant(2)  # Tuesday 10:00: 2 seats
    barrier = threading.Barrier(ATTEMPTS)
    outcomes = []

    def attempt(number):
        try:
            barrier.wait()
            try:
                booking.book(
                    merchant,
                    TUESDAY_10,
                    {"name": f"Client {number}", "phone": "+33465712030", "email": ""},
                    "fr",
                    NOW,
                )
                outcomes.append("booked")
            except booking.SlotFull:
                outcomes.append("full")
        finally:
            connections.close_all()  # each thread has its own connection

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["booked"] * 2 + ["full"] * (ATTEMPTS - 2)
    seats = PickupRequest.objects.holding_seats().filter(merchant=merchant, slot_start=TUESDAY_10)
    assert sorted(seats.values_list("seat", flat=True)) == [1, 2]
