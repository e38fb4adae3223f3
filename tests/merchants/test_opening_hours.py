"""Opening hours: validation, live status, weekly table, structured data.

Pure functions evaluated at moments given by the tests (no clock, no database).
Week of reference: Tuesday 9 June 2026 to Monday 15 June 2026.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from merchants.opening_hours import (
    Closure,
    HoursStatus,
    open_intervals,
    opening_hours_specification,
    public_holiday_hours,
    status_at,
    validate_opening_hours,
    weekly_schedule,
)

from .conftest import paris

BAKERY = "Tu-Sa 06:30-13:00,15:30-19:30; Su 07:00-12:30; PH off"
BAR = "Mo-Th 07:00-20:00; Fr-Sa 07:00-01:00; Su 08:00-13:00"


@pytest.fixture(autouse=True)
def french():
    with translation.override("fr"):
        yield


def test_valid_expressions_pass():
    for expression in [BAKERY, BAR, "24/7", "Mo-Fr 09:00-18:00; Jul-Aug off", ""]:
        validate_opening_hours(expression)


@pytest.mark.parametrize("expression", ["Mo-Fr 9h-18h", "Lundi 09:00-18:00", "Mo-Fr 25:00-26:00"])
def test_invalid_expression_is_explained_with_its_position_and_an_example(expression):
    with pytest.raises(ValidationError) as error:
        validate_opening_hours(expression)
    message = error.value.messages[0]
    assert message.startswith("Horaires illisibles")
    assert "Tu-Sa 09:00-12:30,14:30-19:00" in message  # the example to follow


def test_position_points_at_the_mistake():
    with pytest.raises(ValidationError) as error:
        validate_opening_hours("Mo-Fr 09:00-12:00, 14h-18h")
    assert "caractère 20" in error.value.messages[0]
    assert "14h-18h" in error.value.messages[0]


def test_open_during_regular_hours_says_when_it_closes():
    status = status_at(BAKERY, paris(2026, 6, 9, 10, 0))  # Tuesday morning
    assert status.is_open
    assert str(status) == "Ouvert — ferme à 13:00"


def test_lunch_break_says_when_it_reopens():
    status = status_at(BAKERY, paris(2026, 6, 9, 13, 30))  # Tuesday, lunch break
    assert status.state == HoursStatus.CLOSED
    assert str(status) == "Fermé — ouvre à 15:30"


def test_closed_day_names_the_next_opening_day():
    status = status_at(BAKERY, paris(2026, 6, 15, 10, 0))  # Monday: closed all day
    assert str(status) == "Fermé — ouvre demain à 06:30"
    status = status_at("We 09:00-12:00", paris(2026, 6, 12, 10, 0))  # Friday
    assert str(status) == "Fermé — ouvre mercredi à 09:00"


def test_public_holiday_closes_a_shop_that_says_ph_off():
    # Tuesday 14 July 2026, national holiday: the bakery is closed ("PH off")...
    status = status_at(BAKERY, paris(2026, 7, 14, 10, 0))
    assert not status.is_open
    assert str(status) == "Fermé — ouvre demain à 06:30"
    # ...and open on the Tuesday before.
    assert status_at(BAKERY, paris(2026, 7, 7, 10, 0)).is_open


def test_public_holiday_with_its_own_hours():
    florist = "Tu-Sa 09:00-19:00; PH 09:00-12:30"
    status = status_at(florist, paris(2026, 11, 11, 11, 0))  # Wednesday 11 November
    assert str(status) == "Ouvert — ferme à 12:30"


def test_temporary_closure_wins_over_regular_hours():
    closure = Closure(datetime.date(2026, 6, 8), datetime.date(2026, 6, 13))
    status = status_at(BAKERY, paris(2026, 6, 10, 10, 0), [closure])  # Wednesday
    assert status.state == HoursStatus.CLOSED_TEMPORARILY
    # Reopens after the last day of the closure: Sunday morning.
    assert str(status) == "Fermé temporairement — ouvre dimanche à 07:00"


def test_closure_starting_soon_shortens_todays_opening():
    closure = Closure(datetime.date(2026, 6, 10), datetime.date(2026, 6, 20))
    status = status_at("Mo-Su 08:00-23:59", paris(2026, 6, 9, 22, 0), [closure])
    assert status.is_open
    assert status.changes_at == paris(2026, 6, 9, 23, 59)
    status = status_at("24/7", paris(2026, 6, 9, 22, 0), [closure])
    assert str(status) == "Ouvert — ferme demain à 00:00"


def test_opening_that_crosses_midnight():
    friday_night = paris(2026, 6, 12, 23, 30)
    assert str(status_at(BAR, friday_night)) == "Ouvert — ferme demain à 01:00"
    saturday_after_midnight = paris(2026, 6, 13, 0, 30)
    assert str(status_at(BAR, saturday_after_midnight)) == "Ouvert — ferme à 01:00"
    saturday_at_two = paris(2026, 6, 13, 2, 0)
    assert str(status_at(BAR, saturday_at_two)) == "Fermé — ouvre à 07:00"


def test_always_open_and_unknown_hours():
    assert str(status_at("24/7", paris(2026, 6, 9, 3, 0))) == "Ouvert"
    assert str(status_at("", paris(2026, 6, 9, 3, 0))) == "Horaires non communiqués"
    assert str(status_at("off", paris(2026, 6, 9, 3, 0))) == "Fermé"


def test_status_accepts_utc_moments_and_rejects_naive_ones():
    utc = datetime.datetime(2026, 6, 9, 8, 0, tzinfo=datetime.UTC)  # 10:00 in Paris
    assert str(status_at(BAKERY, utc)) == "Ouvert — ferme à 13:00"
    with pytest.raises(ValueError):
        status_at(BAKERY, datetime.datetime(2026, 6, 9, 10, 0))


def test_status_in_english_uses_english_day_names():
    with translation.override("en"):
        status = status_at("We 09:00-12:00", paris(2026, 6, 12, 10, 0))
        assert "Wednesday" in str(status)


def test_open_intervals_remove_closures_and_holidays():
    start, end = paris(2026, 7, 13, 0, 0), paris(2026, 7, 16, 0, 0)  # Monday to Wednesday
    intervals = open_intervals(BAKERY, start, end)
    # Monday closed, Tuesday 14 July a holiday: only Wednesday's two openings.
    assert intervals == [
        (paris(2026, 7, 15, 6, 30), paris(2026, 7, 15, 13, 0)),
        (paris(2026, 7, 15, 15, 30), paris(2026, 7, 15, 19, 30)),
    ]
    closure = Closure(datetime.date(2026, 7, 15), datetime.date(2026, 7, 15))
    assert open_intervals(BAKERY, start, end, [closure]) == []


def test_weekly_schedule_lists_regular_hours_monday_to_sunday():
    week = weekly_schedule(BAKERY, datetime.date(2026, 7, 14))  # week of a holiday
    assert [day.day.isoformat() for day in week][0] == "2026-07-13"
    assert [day.name for day in week] == [
        "Lundi",
        "Mardi",
        "Mercredi",
        "Jeudi",
        "Vendredi",
        "Samedi",
        "Dimanche",
    ]
    assert week[0].is_closed
    # The holiday does not hide Tuesday's usual hours: they are shown apart.
    assert [str(r) for r in week[1].ranges] == ["06:30–13:00", "15:30–19:30"]
    assert [str(r) for r in week[6].ranges] == ["07:00–12:30"]


def test_weekly_schedule_shows_a_midnight_crossing_once():
    week = weekly_schedule(BAR, datetime.date(2026, 6, 10))
    assert [str(r) for r in week[4].ranges] == ["07:00–01:00"]  # Friday
    # Saturday's late opening stops at midnight: the Sunday rule governs all of Sunday.
    assert [str(r) for r in week[5].ranges] == ["07:00–00:00"]
    assert [str(r) for r in week[6].ranges] == ["08:00–13:00"]  # no 00:00–01:00 tail
    late = weekly_schedule("Fr-Sa 19:00-02:00", datetime.date(2026, 6, 10))
    assert [str(r) for r in late[5].ranges] == ["19:00–02:00"]  # Saturday
    assert late[6].is_closed  # Sunday only has Saturday night's tail
    assert [str(r) for r in weekly_schedule("24/7", datetime.date(2026, 6, 10))[0].ranges] == [
        "24 h/24"
    ]
    assert weekly_schedule("", datetime.date(2026, 6, 10)) == []


def test_public_holiday_hours_name_the_next_holiday():
    day, ranges = public_holiday_hours(BAKERY, datetime.date(2026, 7, 1))
    assert day == datetime.date(2026, 7, 14)
    assert ranges == ()
    day, ranges = public_holiday_hours(
        "Mo-Sa 09:00-19:00; PH 10:00-12:00", datetime.date(2026, 7, 1)
    )
    assert [str(r) for r in ranges] == ["10:00–12:00"]
    assert public_holiday_hours("Mo-Sa 09:00-19:00", datetime.date(2026, 7, 1)) is None


def test_opening_hours_specification():
    closure = Closure(datetime.date(2026, 8, 1), datetime.date(2026, 8, 20))
    specification = opening_hours_specification(BAR, datetime.date(2026, 6, 10), [closure])
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Friday",
        "opens": "07:00",
        "closes": "01:00",
    } in specification
    assert specification[-1] == {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": "2026-08-01",
        "validThrough": "2026-08-20",
    }
    # No Sunday-night tail on Monday.
    mondays = [item for item in specification if item.get("dayOfWeek", "").endswith("Monday")]
    assert [(item["opens"], item["closes"]) for item in mondays] == [("07:00", "20:00")]
