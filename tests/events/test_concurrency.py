"""People registering for the last seats at the same moment: the database hands each
seat out once; cancellations at the same moment promote different people; the same
address sent twice at once is registered once.

Real concurrency needs PostgreSQL (SQLite serialises every write)."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from events import registration
from events.models import AgendaIndexPage, WorkshopRegistration
from events.recurrence import PARIS
from tests.factories.events import WorkshopFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent registrations need PostgreSQL (SQLite serialises every write); "
        "set DATABASE_URL=postgres://… to run this test.",
    ),
]

ATTEMPTS = 8


@pytest.fixture
def workshop(committed_demo):
    agenda = AgendaIndexPage.objects.get(locale__language_code="fr")
    day = timezone.localdate() + datetime.timedelta(days=10)
    page = WorkshopFactory(parent=agenda, slug="atelier-course", capacity=2, start_date=day)
    start = datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=PARIS)
    return page, start


def together(count, action):
    """Run ``action(number)`` in ``count`` threads released at once; their results."""
    barrier = threading.Barrier(count)
    results = []

    def run(number):
        try:
            barrier.wait()
            results.append(action(number))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def details(number):
    return {
        "name": f"P{number}",
        "business_name": "B",
        "email": f"p{number}@example.org",
        "phone": "",
    }


def test_simultaneous_registrations_never_overbook(workshop):
    page, start = workshop

    def attempt(number):
        try:
            registration.register(
                page, start, details(number), "fr", timezone.now(), waiting_list=False
            )
            return "registered"
        except registration.SessionFull:
            return "full"

    outcomes = together(ATTEMPTS, attempt)
    assert sorted(outcomes) == ["full"] * (ATTEMPTS - 2) + ["registered"] * 2
    seats = WorkshopRegistration.objects.holding_seats().filter(event=page, occurrence_start=start)
    assert sorted(seats.values_list("seat", flat=True)) == [1, 2]


def test_the_same_address_twice_at_once_is_registered_once(workshop):
    page, start = workshop

    def attempt(_number):
        try:
            registration.register(page, start, details(0), "fr", timezone.now())
            return "registered"
        except registration.AlreadyRegistered:
            return "already"

    outcomes = together(4, attempt)
    assert sorted(outcomes) == ["already"] * 3 + ["registered"]
    assert WorkshopRegistration.objects.filter(event=page).count() == 1


def test_simultaneous_cancellations_promote_different_people(workshop):
    page, start = workshop
    people = [
        registration.register(page, start, details(n), "fr", timezone.now()) for n in range(5)
    ]
    assert [p.status for p in people] == ["confirmed"] * 2 + ["waiting"] * 3

    def cancel(number):
        _cancelled, _now, promoted = registration.cancel(people[number], timezone.now())
        return promoted.email if promoted else None

    promoted = together(2, cancel)
    assert sorted(promoted) == ["p2@example.org", "p3@example.org"]
    confirmed = WorkshopRegistration.objects.holding_seats().filter(event=page)
    assert sorted(confirmed.values_list("seat", flat=True)) == [1, 2]
    assert WorkshopRegistration.objects.get(email="p4@example.org", event=page).status == "waiting"
