"""The hours editor's rows and the stored OpenStreetMap text: every expression either
becomes rows with exactly the same open intervals over more than a year (computed by
opening-hours-py), or is left to the text mode, untouched."""

import datetime
import random

import pytest

from merchants import hours_reading, hours_table
from merchants.demo.shops import DETAILS, HOURS
from merchants.hours_table import HoursTable, Range

TODAY = datetime.date(2026, 12, 1)

IMPORTED = [
    "Mo-Fr 09:00-18:00",
    "Mo-Sa 09:00-19:00",
    "Tu-Sa 06:30-13:00,15:30-19:30; PH off",
    "Mo-Fr 08:00-12:00,14:00-18:00; Sa 08:00-12:00; PH off",
    "24/7",
    "Fr 20:00-02:00",
    "Mo-Sa 08:00-19:00; PH off; Dec 26 off; 2026 Dec 20 09:00-12:00",
    "Mo-Fr 09:00-12:00; week 1-53/2 Sa 10:00-12:00",
    "Jul-Aug Mo-Su 09:00-20:00; Mo-Sa 09:00-12:00",
    "sunrise-sunset",
]


def demo_expressions():
    found = set(HOURS.values() if isinstance(HOURS, dict) else HOURS)
    details = DETAILS.values() if isinstance(DETAILS, dict) else DETAILS
    found |= {item["hours"] for item in details if isinstance(item, dict) and "hours" in item}
    return sorted(expression for expression in found if expression)


def check_round_trip(expression):
    table = hours_reading.from_osm(expression, TODAY)
    if table is None:
        return None  # the text mode keeps it as typed
    written = table.to_osm()
    assert hours_reading.same_meaning(expression, written, TODAY), (expression, written)
    # Edited again: the same rows, the same text.
    again = hours_reading.from_osm(written, TODAY)
    assert again is not None, written
    assert again.to_osm() == written
    return table


def test_demo_hours_become_rows_without_changing_meaning():
    expressions = demo_expressions()
    assert len(expressions) >= 3
    tables = [check_round_trip(expression) for expression in expressions]
    assert all(table is not None for table in tables), expressions


@pytest.mark.parametrize("expression", IMPORTED)
def test_imported_hours_keep_their_meaning_or_stay_text(expression):
    check_round_trip(expression)


def test_rows_that_cannot_show_a_rule_leave_it_to_the_text_mode():
    assert hours_reading.from_osm("Mo-Fr 09:00-12:00; week 1-53/2 Sa 10:00-12:00", TODAY) is None
    assert hours_reading.from_osm("sunrise-sunset", TODAY) is None


def random_ranges(rng):
    ranges, start = [], rng.choice([0, 6 * 60, 7 * 60 + 30, 9 * 60])
    for _ in range(rng.randint(1, 3)):
        opens = start + rng.choice([0, 15, 30, 60])
        closes = opens + rng.choice([60, 150, 240, 330])
        if closes > 24 * 60:
            break
        ranges.append(Range(opens, closes))
        start = closes + 30
    return tuple(ranges)


def test_generated_weeks_survive_rows_to_osm_to_rows():
    rng = random.Random(16)
    for _ in range(300):
        shapes = [random_ranges(rng) for _ in range(3)]
        week = tuple(rng.choice(shapes + [()]) for _ in range(7))
        holidays = rng.choice([hours_table.HOLIDAYS_CLOSED, hours_table.HOLIDAYS_USUAL])
        table = HoursTable(week=week, holidays=holidays)
        written = table.to_osm()
        if table.is_empty:
            continue
        back = hours_reading.from_osm(written, TODAY)
        assert back is not None, written
        assert hours_reading.same_meaning(written, back.to_osm(), TODAY), written
        assert back.week == table.week, written
