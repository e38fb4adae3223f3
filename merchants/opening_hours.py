"""Opening hours written in OpenStreetMap's ``opening_hours`` syntax.

Merchants (or the communications team) write one expression such as
``Tu-Sa 09:00-12:30,14:30-19:00; Su 08:00-12:00; PH off``. This module is the only
place that reads it, through opening-hours-py, which knows French public holidays:

- ``validate_opening_hours``: a Django validator with a readable, translated message;
- ``open_intervals``: when the shop is open between two moments, minus temporary closures
  (the "open now" index and the live status both use it, so they always agree);
- ``status_at``: "Ouvert — ferme à 19:00", "Fermé — ouvre mardi à 09:00"...;
- ``weekly_schedule`` and ``public_holiday_hours``: the table shown on a profile;
- ``opening_hours_specification``: schema.org data for search engines.

Every function takes the moment to evaluate (``now``, ``reference``) as an argument:
nothing here reads the clock, so tests and callers decide what "now" is.
"""

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext
from opening_hours import OpeningHours, ParserError, State

from merchants.hours_text import suggest_osm

PARIS = ZoneInfo("Europe/Paris")
COUNTRY = "FR"
EXAMPLE = "Tu-Sa 09:00-12:30,14:30-19:00; Su 08:00-12:00; PH off"
# How far ahead the live status looks for the next opening: a shop closed for longer
# than this says "Fermé" without a date rather than scanning the calendar for ever.
LOOKAHEAD = datetime.timedelta(days=14)
ONE_DAY = datetime.timedelta(days=1)
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PUBLIC_HOLIDAY_RULE = re.compile(r"\bPH\b")
_PARSER_POSITION = re.compile(r"-->\s*(\d+):(\d+)")


@lru_cache(maxsize=4096)
def parse(expression, *, public_holidays=True):
    """The parsed expression, evaluated in Paris time.

    With ``public_holidays=False`` no country is given, so ``PH`` rules never apply:
    that is the shop's regular week, which the weekly table shows. Parsed expressions
    are immutable and many shops share the same hours, hence the cache.
    """
    return OpeningHours(
        expression,
        timezone=PARIS,
        country=COUNTRY if public_holidays else None,
        auto_country=False,
        auto_timezone=False,
    )


def suggestion_for(text):
    """The OpenStreetMap expression of hours written in words ("mardi-samedi
    6h30-13h" → ``Tu-Sa 06:30-13:00``), if ``merchants.hours_text`` understands them and
    the result parses; else None."""
    candidate = suggest_osm(text)
    if not candidate:
        return None
    try:
        parse(candidate)
    except ParserError:
        return None
    return candidate


def validate_opening_hours(value):
    """Django validator: the expression must be valid OpenStreetMap ``opening_hours``.

    Hours written in words get their OpenStreetMap equivalent in the message, when it
    can be recognised, rather than only an error."""
    if not value or not value.strip():
        return
    try:
        parse(value.strip())
    except ParserError as error:
        match = _PARSER_POSITION.search(str(error))
        if match:
            column = int(match.group(2))
            message = gettext(
                "Horaires illisibles à partir du caractère %(column)s (« %(excerpt)s »)."
            ) % {"column": column, "excerpt": value[column - 1 : column + 11]}
        else:
            message = gettext("Horaires illisibles.")
        suggestion = suggestion_for(value)
        if suggestion:
            message += " " + gettext(
                "Vouliez-vous dire « %(suggestion)s » ? Vérifiez puis utilisez cette écriture."
            ) % {"suggestion": suggestion}
        message += " " + gettext(
            "Utilisez la syntaxe OpenStreetMap, par exemple : %(example)s"
        ) % {"example": EXAMPLE}
        raise ValidationError(message, code="invalid_opening_hours") from error


def to_paris(moment):
    """``moment`` in Paris time; the parser needs a ``ZoneInfo`` (Django's UTC is not one)."""
    if moment.tzinfo is None:
        raise ValueError("Opening hours need an aware datetime.")
    return moment.astimezone(PARIS)


def midnight(day):
    """The start of ``day`` in Paris (midnight is never skipped by French DST changes)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=PARIS)


def paris_today(now):
    """The date in Paris at ``now`` (an aware datetime)."""
    return now.astimezone(PARIS).date()


@dataclass(frozen=True)
class Closure:
    """A temporary closure, from ``first_day`` to ``last_day`` included."""

    first_day: datetime.date
    last_day: datetime.date

    @property
    def starts(self):
        return midnight(self.first_day)

    @property
    def ends(self):
        return midnight(self.last_day + ONE_DAY)

    def covers(self, moment):
        return self.starts <= moment < self.ends


def _subtract(intervals, closure):
    result = []
    for opens, closes in intervals:
        if closes <= closure.starts or opens >= closure.ends:
            result.append((opens, closes))
            continue
        if opens < closure.starts:
            result.append((opens, closure.starts))
        if closes > closure.ends:
            result.append((closure.ends, closes))
    return result


def open_intervals(expression, start, end, closures=()):
    """Open periods overlapping [start, end), clipped to it, minus ``closures``.

    Returns ``(opens, closes)`` pairs of aware datetimes in Paris time, in order.
    "Unknown" periods (``Su unknown``, "on appointment") do not count as open.
    """
    if not expression or not expression.strip():
        return []
    start, end = to_paris(start), to_paris(end)
    intervals = [
        (opens, closes)
        for opens, closes, state, _comment in parse(expression.strip()).intervals(start, end)
        if state == State.OPEN
    ]
    for closure in closures:
        intervals = _subtract(intervals, closure)
    return intervals


def _time(moment):
    return formats.time_format(moment, "TIME_FORMAT")


def _when(moment, now, *, verb_today, verb_tomorrow, verb_weekday, verb_date):
    """ "à 19:00", "demain à 09:00", "mardi à 09:00" or "le 12 mars à 09:00"."""
    days = (moment.date() - now.date()).days
    params = {
        "time": _time(moment),
        "weekday": formats.date_format(moment, "l"),
        "date": formats.date_format(moment, "j F"),
    }
    if days == 0:
        return verb_today % params
    if days == 1:
        return verb_tomorrow % params
    if days < 7:
        return verb_weekday % params
    return verb_date % params


@dataclass(frozen=True)
class HoursStatus:
    """Whether a shop is open at a given moment, and when that changes."""

    OPEN = "open"
    CLOSED = "closed"
    CLOSED_TEMPORARILY = "closed_temporarily"
    UNKNOWN = "unknown"

    state: str
    now: datetime.datetime
    changes_at: datetime.datetime | None = None

    @property
    def is_open(self):
        return self.state == self.OPEN

    @property
    def label(self):
        return {
            self.OPEN: gettext("Ouvert"),
            self.CLOSED: gettext("Fermé"),
            self.CLOSED_TEMPORARILY: gettext("Fermé temporairement"),
            self.UNKNOWN: gettext("Horaires non communiqués"),
        }[self.state]

    @property
    def detail(self):
        """When the state changes next, in words ("" when not within the next two weeks)."""
        if self.changes_at is None:
            return ""
        if self.is_open:
            return _when(
                self.changes_at,
                self.now,
                verb_today=gettext("ferme à %(time)s"),
                verb_tomorrow=gettext("ferme demain à %(time)s"),
                verb_weekday=gettext("ferme %(weekday)s à %(time)s"),
                verb_date=gettext("ferme le %(date)s à %(time)s"),
            )
        return _when(
            self.changes_at,
            self.now,
            verb_today=gettext("ouvre à %(time)s"),
            verb_tomorrow=gettext("ouvre demain à %(time)s"),
            verb_weekday=gettext("ouvre %(weekday)s à %(time)s"),
            verb_date=gettext("ouvre le %(date)s à %(time)s"),
        )

    def __str__(self):
        detail = self.detail
        return f"{self.label} — {detail}" if detail else self.label


def status_at(expression, now, closures=()):
    """The shop's status at ``now`` (Paris time), honouring public holidays and closures."""
    now = to_paris(now)
    if not expression or not expression.strip():
        return HoursStatus(HoursStatus.UNKNOWN, now)
    horizon = now + LOOKAHEAD
    intervals = open_intervals(expression, now, horizon, closures)
    if intervals and intervals[0][0] <= now:
        closes = intervals[0][1]
        # Open beyond the horizon (24/7, a long season): no closing time worth showing.
        return HoursStatus(HoursStatus.OPEN, now, closes if closes < horizon else None)
    next_opening = intervals[0][0] if intervals else None
    closed_for_now = any(closure.covers(now) for closure in closures)
    state = HoursStatus.CLOSED_TEMPORARILY if closed_for_now else HoursStatus.CLOSED
    return HoursStatus(state, now, next_opening)


@dataclass(frozen=True)
class TimeRange:
    """One opening on a day of the weekly table; ``closes`` may fall on the next day."""

    opens: datetime.time
    closes: datetime.time
    all_day: bool = False

    def __str__(self):
        if self.all_day:
            return gettext("24 h/24")
        return f"{_time(self.opens)}–{_time(self.closes)}"


@dataclass(frozen=True)
class DaySchedule:
    day: datetime.date
    ranges: tuple

    @property
    def name(self):
        return capfirst(formats.date_format(self.day, "l"))

    @property
    def is_closed(self):
        return not self.ranges


def _day_ranges(intervals, day):
    """The openings of ``day`` from intervals computed around it (see ``weekly_schedule``)."""
    day_start, day_end = midnight(day), midnight(day + ONE_DAY)
    ranges = []
    for opens, closes in intervals:
        if closes <= day_start or opens >= day_end:
            continue
        if opens <= day_start and closes >= day_end:
            return (TimeRange(datetime.time.min, datetime.time.min, all_day=True),)
        if opens >= day_start:
            if closes - opens <= ONE_DAY:
                # Starts today; an evening opening that ends after midnight is shown
                # whole ("19:00–02:00") on the day it starts.
                ranges.append(TimeRange(opens.time(), closes.time()))
            else:
                # Runs for days from here: shown until midnight on this row.
                ranges.append(TimeRange(opens.time(), datetime.time.min))
        elif opens < day_start - ONE_DAY or closes - opens > ONE_DAY:
            # The last day of an opening that lasted days: shown from midnight.
            ranges.append(TimeRange(datetime.time.min, closes.time()))
        # Otherwise it is the after-midnight part of yesterday's evening opening,
        # already shown on yesterday's row.
    return tuple(ranges)


def weekly_schedule(expression, reference):
    """Monday to Sunday of the week containing ``reference`` (a date), regular hours.

    Public holidays are left out (they are shown apart, see ``public_holiday_hours``),
    so the table describes the shop's usual week. Seasonal rules (``Jul-Aug``) apply as
    they do in that week. Empty list when the shop has no hours.
    """
    if not expression or not expression.strip():
        return []
    monday = reference - datetime.timedelta(days=reference.weekday())
    start, end = midnight(monday - ONE_DAY), midnight(monday + datetime.timedelta(days=8))
    intervals = [
        (opens, closes)
        for opens, closes, state, _comment in parse(
            expression.strip(), public_holidays=False
        ).intervals(start, end)
        if state == State.OPEN
    ]
    # The week is a cycle: Sunday evening's opening that runs past midnight also covers
    # Monday's first hours, so Monday does not list them again (see _day_ranges).
    days = [monday + datetime.timedelta(days=offset) for offset in range(7)]
    return [DaySchedule(day, _day_ranges(intervals, day)) for day in days]


def day_hours(expression, day, closures=()):
    """The openings of ``day`` (a date) as the weekly table writes them, with that
    day's public holiday rule and ``closures``: what someone coming that day needs.
    An empty tuple when the shop is closed that day or has no hours."""
    if not expression or not expression.strip():
        return ()
    intervals = open_intervals(
        expression, midnight(day) - ONE_DAY, midnight(day) + 2 * ONE_DAY, closures
    )
    return _day_ranges(intervals, day)


def public_holiday_hours(expression, reference):
    """``(day, ranges)`` for the next public holiday from ``reference`` if the hours
    have a ``PH`` rule, else None (holidays then follow the regular week)."""
    if not expression or not _PUBLIC_HOLIDAY_RULE.search(expression):
        return None
    start = midnight(reference)
    holidays = parse("PH").intervals(start, start + datetime.timedelta(days=400))
    holiday = next((opens for opens, _c, state, _m in holidays if state == State.OPEN), None)
    if holiday is None:
        return None
    day = holiday.date()
    intervals = open_intervals(expression, midnight(day) - ONE_DAY, midnight(day) + 2 * ONE_DAY)
    return day, _day_ranges(intervals, day)


def opening_hours_specification(expression, reference, closures=()):
    """schema.org ``OpeningHoursSpecification`` items for the week of ``reference``, plus
    one "closed" item per temporary closure (schema.org's convention: 00:00 to 00:00)."""
    specification = []
    for day in weekly_schedule(expression, reference):
        for time_range in day.ranges:
            opens, closes = "00:00", "23:59"
            if not time_range.all_day:
                opens = time_range.opens.strftime("%H:%M")
                closes = time_range.closes.strftime("%H:%M")
            specification.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[day.day.weekday()]}",
                    "opens": opens,
                    "closes": closes,
                }
            )
    for closure in closures:
        if closure.last_day < reference:
            continue
        specification.append(
            {
                "@type": "OpeningHoursSpecification",
                "opens": "00:00",
                "closes": "00:00",
                "validFrom": closure.first_day.isoformat(),
                "validThrough": closure.last_day.isoformat(),
            }
        )
    return specification
