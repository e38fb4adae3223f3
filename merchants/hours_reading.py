"""Reading an OpenStreetMap ``opening_hours`` string into the editor's rows
(``HoursTable``, see ``merchants.hours_table``): the rules the editor writes and the
usual hand-written variants, and whether writing the table back means exactly the same
thing (``same_meaning``, computed by opening-hours-py over the next 400 days)."""

import datetime
import re
from dataclasses import dataclass, field

from opening_hours import ParserError, State

from merchants.hours_table import (
    DAY,
    HOLIDAYS_CLOSED,
    HOLIDAYS_SPECIAL,
    HOLIDAYS_USUAL,
    HORIZON_DAYS,
    MAX_EXCEPTIONS,
    MONTH_DAYS,
    OSM_DAYS,
    OSM_MONTHS,
    HoursTable,
    NotExpressible,
    Range,
    Season,
)
from merchants.opening_hours import midnight, parse

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<always>24/7)
      | (?P<year>\d{4})(?=\s)
      | (?P<time>\d{1,2}:\d{2})
      | (?P<number>\d{1,2})(?![\d:])
      | (?P<word>[A-Za-z]+)
      | (?P<punct>[,;:\-])
    )""",
    re.VERBOSE,
)
_DAY_INDEX = {name.lower(): index for index, name in enumerate(OSM_DAYS)}
_MONTH_INDEX = {name.lower(): index + 1 for index, name in enumerate(OSM_MONTHS)}


def _tokens(expression):
    position, tokens = 0, []
    expression = expression.strip()
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if not match or match.end() == position:
            raise NotExpressible(expression[position:])
        kind = match.lastgroup
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


class _Reader:
    def __init__(self, tokens):
        self.tokens = tokens
        self.index = 0

    def peek(self, offset=0):
        index = self.index + offset
        return self.tokens[index] if index < len(self.tokens) else (None, None)

    def take(self, kind=None, value=None):
        token = self.peek()
        if kind and token[0] != kind or value and (token[1] or "").lower() != value:
            raise NotExpressible(token[1])
        self.index += 1
        return token[1]

    def at(self, kind, value=None):
        token = self.peek()
        return token[0] == kind and (value is None or (token[1] or "").lower() == value)


def _minutes(text, *, end=False):
    hours, minutes = (int(part) for part in text.split(":"))
    total = hours * 60 + minutes
    if minutes > 59 or total > (2 * DAY if end else DAY - 1):
        raise NotExpressible(text)
    return total


def _read_ranges(reader):
    """``09:00-12:00,14:00-19:00``; ``off``; nothing (open all day, OSM's default)."""
    if reader.at("word", "off") or reader.at("word", "closed"):
        reader.take()
        return ()
    if not reader.at("time"):
        return (Range(0, DAY),)
    ranges = []
    while True:
        opens = _minutes(reader.take("time"))
        reader.take("punct", "-")
        end = _minutes(reader.take("time"), end=True)
        if end == 0:
            end = DAY  # "19:00-00:00": until midnight
        if end > DAY:
            end -= DAY  # "22:00-26:00": until 02:00 the next day
            if end >= opens:
                raise NotExpressible("range")
        if end == opens:
            raise NotExpressible("range")
        ranges.append(Range(opens, end))
        if reader.at("punct", ",") and reader.peek(1)[0] == "time":
            reader.take()
            continue
        return tuple(ranges)


def _read_weekdays(reader):
    """``Mo-Fr,Su`` / ``Su,PH`` / ``We-Mo``: (weekdays, includes PH)."""
    days, holidays = [], False
    while True:
        kind, value = reader.peek()
        if kind != "word":
            raise NotExpressible(value)
        name = value.lower()
        if name == "ph":
            reader.take()
            holidays = True
        elif name in _DAY_INDEX:
            reader.take()
            first = _DAY_INDEX[name]
            if reader.at("punct", "-") and (reader.peek(1)[1] or "").lower() in _DAY_INDEX:
                reader.take()
                last = _DAY_INDEX[reader.take("word").lower()]
                span = (last - first) % 7
                days += [(first + offset) % 7 for offset in range(span + 1)]
            else:
                days.append(first)
        else:
            raise NotExpressible(value)
        if reader.at("punct", ",") and reader.peek(1)[0] == "word":
            reader.take()
            continue
        return sorted(set(days)), holidays


def _read_month_day(reader):
    month = _MONTH_INDEX.get((reader.take("word")).lower())
    if month is None:
        raise NotExpressible("month")
    day = None
    if reader.at("number"):
        day = int(reader.take())
        if not 1 <= day <= MONTH_DAYS[month - 1]:
            raise NotExpressible("day")
    return month, day


def _read_dates(reader):
    """``2025 Dec 26`` / ``2025 Dec 24-31`` / ``2025 Dec 31-2026 Jan 02``: the dates."""
    year = int(reader.take("year"))
    month, day = _read_month_day(reader)
    if day is None:
        raise NotExpressible("date")
    try:
        first = datetime.date(year, month, day)
    except ValueError as error:
        raise NotExpressible("date") from error
    last = first
    if reader.at("punct", "-"):
        reader.take()
        if reader.at("number"):
            last = first.replace(day=int(reader.take()))
        else:
            if reader.at("year"):
                year = int(reader.take())
            end_month, end_day = _read_month_day(reader)
            if end_day is None:
                raise NotExpressible("date")
            try:
                last = datetime.date(year, end_month, end_day)
            except ValueError as error:
                raise NotExpressible("date") from error
    if not first <= last <= first + datetime.timedelta(days=MAX_EXCEPTIONS):
        raise NotExpressible("date range")
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def _read_season(reader):
    """``Jul-Aug`` / ``Jul`` / ``Jun 15-Sep 15`` / ``Dec 25``: (start, end)."""
    start_month, start_day = _read_month_day(reader)
    end_month, end_day = start_month, start_day
    if reader.at("punct", "-") and reader.peek(1)[0] == "word":
        reader.take()
        end_month, end_day = _read_month_day(reader)
    elif reader.at("punct", "-") and reader.peek(1)[0] == "number" and start_day:
        reader.take()
        end_day = int(reader.take())
    if (start_day is None) != (end_day is None) and start_day is not None:
        raise NotExpressible("season")
    start = (start_month, start_day or 1)
    end = (end_month, end_day or MONTH_DAYS[end_month - 1])
    if end_day and end_day > MONTH_DAYS[end_month - 1]:
        raise NotExpressible("season")
    return start, end


@dataclass
class _Rules:
    """The effect of the rules read so far, in the table's terms."""

    week: list = field(default_factory=lambda: [()] * 7)
    # The index of the rule that last set each weekday (None: no rule).
    week_rule: list = field(default_factory=lambda: [None] * 7)
    holidays: str = HOLIDAYS_USUAL
    holiday_ranges: tuple = ()
    seasons: dict = field(default_factory=dict)  # (start, end) -> {weekday: ranges}
    exceptions: dict = field(default_factory=dict)  # date -> ranges


def _read_rule(reader, rules, index):
    if reader.at("always"):
        reader.take()
        for day in range(7):
            rules.week[day], rules.week_rule[day] = (Range(0, DAY),), index
        return
    dates = season = None
    if reader.at("year"):
        dates = _read_dates(reader)
    elif reader.at("word") and reader.peek()[1].lower() in _MONTH_INDEX:
        season = _read_season(reader)
    if (dates or season) and reader.at("punct", ":"):
        reader.take()
    days, holidays = list(range(7)), False
    if reader.at("word") and reader.peek()[1].lower() in {*_DAY_INDEX, "ph"}:
        days, holidays = _read_weekdays(reader)
        if dates or (season and holidays):
            raise NotExpressible("selector")
    elif not (dates or season) and not reader.at("time"):
        raise NotExpressible(reader.peek()[1])
    ranges = _read_ranges(reader)
    if dates:
        for day in dates:
            rules.exceptions[day] = ranges
        return
    if season:
        overrides = rules.seasons.setdefault(season, {})
        for day in days:
            overrides[day] = ranges
        return
    if holidays:
        rules.holidays = HOLIDAYS_CLOSED if not ranges else HOLIDAYS_SPECIAL
        rules.holiday_ranges = ranges
    if days:
        for day in days:
            rules.week[day], rules.week_rule[day] = ranges, index
        # A regular rule written after a season replaces its days in the season too.
        for overrides in rules.seasons.values():
            for day in days:
                overrides.pop(day, None)


def _fold_night_ends(week, week_rule):
    """Undo ``_with_night_ends`` and apply opening-hours-py's midnight rule: a night
    range keeps its end if the next day repeats it, has no rule or the same rule;
    otherwise it closes at midnight."""
    week = list(week)
    for day in range(7):
        ranges = week[day]
        if not ranges or not ranges[-1].crosses_midnight:
            continue
        following = (day + 1) % 7
        night_end = Range(0, ranges[-1].closes)
        if week[following] and week[following][0] == night_end:
            week[following] = week[following][1:]
        elif week_rule[following] is not None and week_rule[following] != week_rule[day]:
            week[day] = (*ranges[:-1], Range(ranges[-1].opens, DAY))
    return week


def _normalised(ranges):
    return tuple(sorted(set(ranges)))


def read_rules(expression, today):
    """The table the rules of ``expression`` describe, without checking that it means
    the same (see ``from_osm``). Raises ``NotExpressible``."""
    reader = _Reader(_tokens(expression))
    rules = _Rules()
    index = 0
    while True:
        _read_rule(reader, rules, index)
        index += 1
        if reader.peek()[0] is None:
            break
        reader.take("punct", ";")
    week = _fold_night_ends([_normalised(ranges) for ranges in rules.week], rules.week_rule)
    seasons = []
    for (start, end), overrides in rules.seasons.items():
        kept = {day: _normalised(r) for day, r in overrides.items() if _normalised(r) != week[day]}
        if kept:
            seasons.append(Season(start, end, tuple(sorted(kept.items()))))
    exceptions = tuple(
        (day, _normalised(ranges))
        for day, ranges in sorted(rules.exceptions.items())
        if day >= today
    )
    return HoursTable(
        week=tuple(week),
        holidays=rules.holidays,
        holiday_ranges=_normalised(rules.holiday_ranges),
        seasons=tuple(seasons),
        exceptions=exceptions,
    )


def open_periods(expression, start, days=HORIZON_DAYS):
    """The open intervals of ``expression`` for ``days`` days from ``start`` (a date),
    public holidays included; None if it does not parse."""
    if not expression or not expression.strip():
        return []
    try:
        parsed = parse(expression.strip())
    except ParserError:
        return None
    begin = midnight(start)
    finish = midnight(start + datetime.timedelta(days=days))
    return [
        (opens, closes)
        for opens, closes, state, _comment in parsed.intervals(begin, finish)
        if state == State.OPEN
    ]


def same_meaning(first, second, start, days=HORIZON_DAYS):
    """Whether two expressions are open at exactly the same times for ``days`` days from
    ``start`` (a date), public holidays included."""
    periods = open_periods(first, start, days)
    return periods is not None and periods == open_periods(second, start, days)


def from_osm(expression, today):
    """The table of ``expression``, or None when rows cannot show it exactly.

    An empty expression is an empty table (no hours given). Past dated exceptions are
    left out: they no longer change anything.
    """
    if not expression or not expression.strip():
        return HoursTable()
    try:
        table = read_rules(expression, today)
    except NotExpressible:
        return None
    if not same_meaning(expression, table.to_osm(), today):
        return None
    return table
