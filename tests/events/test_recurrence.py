"""Dates of events: RFC 5545 rules written from the editor's choices, expanded in
Europe/Paris wall-clock time, with left-out, cancelled and moved dates."""

import datetime

import pytest
import time_machine
from dateutil.rrule import rrulestr

from events import recurrence
from events.recurrence import DateChange, Repetition, Schedule
from tests.events.conftest import paris


def schedule(**kwargs):
    values = {
        "start_day": datetime.date(2026, 3, 21),
        "start_time": datetime.time(7, 0),
        "end_day": None,
        "end_time": datetime.time(13, 0),
    }
    values.update(kwargs)
    return Schedule(**values)


def test_a_weekly_market_stays_at_seven_across_both_daylight_saving_changes():
    # Clocks go forward on 29 March 2026 and back on 25 October 2026.
    market = schedule(
        rule=recurrence.rule_text(
            Repetition(recurrence.WEEKLY, weekdays=("SA",)), datetime.date(2026, 3, 21)
        )
    )
    with time_machine.travel(paris(2026, 3, 1, 12, 0), tick=False):
        dates = market.occurrences(until=paris(2026, 11, 1))
    around_spring = [
        o for o in dates if o.start_day in {datetime.date(2026, 3, 28), datetime.date(2026, 4, 4)}
    ]
    around_autumn = [
        o
        for o in dates
        if o.start_day in {datetime.date(2026, 10, 24), datetime.date(2026, 10, 31)}
    ]
    for occurrence in around_spring + around_autumn:
        assert occurrence.start.astimezone(recurrence.PARIS).time() == datetime.time(7, 0)
        assert occurrence.end.astimezone(recurrence.PARIS).time() == datetime.time(13, 0)
    # The same wall-clock time is a different UTC time on either side of the change.
    assert [o.start.astimezone(datetime.UTC).hour for o in around_spring] == [6, 5]
    assert [o.start.astimezone(datetime.UTC).hour for o in around_autumn] == [5, 6]
    assert all(o.start.weekday() == 5 for o in dates)


def test_the_rule_is_rfc_5545_text_that_dateutil_reads_back():
    rule = recurrence.rule_text(
        Repetition(recurrence.WEEKLY, weekdays=("SA", "WE"), until=datetime.date(2026, 4, 30)),
        datetime.date(2026, 3, 21),
    )
    assert rule == "FREQ=WEEKLY;UNTIL=20260430T215959Z;BYDAY=WE,SA"
    dates = list(rrulestr(rule, dtstart=paris(2026, 3, 21, 7, 0)))
    assert dates[0] == paris(2026, 3, 21, 7, 0)
    assert dates[-1] == paris(2026, 4, 29, 7, 0)
    assert recurrence.repetition_of(rule) == Repetition(
        recurrence.WEEKLY, weekdays=("WE", "SA"), until=datetime.date(2026, 4, 30)
    )


def test_until_includes_its_last_day_and_nothing_after():
    rule = recurrence.rule_text(
        Repetition(recurrence.WEEKLY, weekdays=("SA",), until=datetime.date(2026, 4, 11)),
        datetime.date(2026, 3, 21),
    )
    days = [o.start_day for o in schedule(rule=rule).occurrences()]
    assert days == [datetime.date(2026, 3, d) for d in (21, 28)] + [
        datetime.date(2026, 4, d) for d in (4, 11)
    ]


def test_first_sunday_of_the_month():
    rule = recurrence.rule_text(
        Repetition(recurrence.MONTHLY_WEEKDAY, position="1", weekday="SU", count=4),
        datetime.date(2026, 1, 4),
    )
    assert rule == "FREQ=MONTHLY;COUNT=4;BYDAY=1SU"
    fair = schedule(start_day=datetime.date(2026, 1, 4), rule=rule)
    assert [o.start_day for o in fair.occurrences()] == [
        datetime.date(2026, 1, 4),
        datetime.date(2026, 2, 1),
        datetime.date(2026, 3, 1),
        datetime.date(2026, 4, 5),
    ]
    assert recurrence.repetition_of(rule).weekday == "SU"
    last = recurrence.rule_text(
        Repetition(recurrence.MONTHLY_WEEKDAY, position="-1", weekday="FR"),
        datetime.date(2026, 1, 30),
    )
    assert last == "FREQ=MONTHLY;BYDAY=-1FR"
    assert recurrence.repetition_of(last).position == "-1"


def test_an_excluded_date_a_cancelled_date_and_a_moved_date():
    market = schedule(
        rule="FREQ=WEEKLY;COUNT=5;BYDAY=SA",
        changes=(
            DateChange(datetime.date(2026, 3, 28), recurrence.EXCLUDED),
            DateChange(
                datetime.date(2026, 4, 4), recurrence.CANCELLED, message="Tempête annoncée"
            ),
            DateChange(
                datetime.date(2026, 4, 11),
                recurrence.MOVED,
                new_day=datetime.date(2026, 4, 10),
                new_time=datetime.time(8, 0),
                message="Avancé au vendredi",
            ),
        ),
    )
    dates = market.occurrences()
    assert [(o.start.strftime("%d %H:%M"), o.cancelled) for o in dates] == [
        ("21 07:00", False),
        ("04 07:00", True),
        ("10 08:00", False),
        ("18 07:00", False),
    ]
    cancelled = dates[1]
    assert cancelled.message == "Tempête annoncée"
    moved = dates[2]
    assert moved.moved_from == datetime.date(2026, 4, 11)
    # A moved date keeps the event's length: 08:00 to 14:00.
    assert moved.end.astimezone(recurrence.PARIS).time() == datetime.time(14, 0)


def test_multi_day_and_all_day_events():
    fair = schedule(
        start_day=datetime.date(2026, 10, 24),
        start_time=None,
        end_day=datetime.date(2026, 10, 25),
        end_time=None,
    )
    [occurrence] = fair.occurrences()
    assert occurrence.all_day
    assert occurrence.start == paris(2026, 10, 24, 0, 0)
    # The day after the last one, at midnight (25 October has 25 hours).
    assert occurrence.end == paris(2026, 10, 26, 0, 0)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"end_day": datetime.date(2026, 3, 20)}, "end_date"),
        ({"end_time": datetime.time(6, 0)}, "end_time"),
        ({"start_time": None}, "start_time"),
        # Weekly on Saturdays, ending before the first Saturday: no date at all.
        ({"rule": "FREQ=WEEKLY;UNTIL=20260320T225959Z;BYDAY=SA"}, "repeat"),
        # The 31st of every month, twice, from a 31st: fine; COUNT=0 is no date.
        ({"rule": "FREQ=DAILY;COUNT=0"}, "repeat"),
    ],
)
def test_impossible_dates_are_explained(kwargs, field):
    assert field in schedule(**kwargs).problems()


def test_a_rule_without_end_stops_at_the_horizon():
    daily = schedule(rule="FREQ=DAILY")
    dates = daily.occurrences(until=paris(2026, 4, 20, 0, 0))
    assert len(dates) == 30
    assert len(daily.occurrences()) == recurrence.MAX_OCCURRENCES
