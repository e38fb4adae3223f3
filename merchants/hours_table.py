"""Opening hours as the portal's editor shows them: rows, read from and written to the
OpenStreetMap ``opening_hours`` string, which stays what is stored.

An ``HoursTable`` holds

- the regular week: for each day, its time ranges (none: closed); the last range of a
  day may run past midnight until 06:00 ("19:00–02:00");
- public holidays: as usual, closed (``PH off``) or special hours (``PH 10:00-12:00``);
- seasons: a period of the year ("Jul-Aug", "Jun 15-Sep 15") in which some days have
  other hours (``Jul-Aug Mo 14:00-18:30``, ``Jul-Aug Sa,Su off``);
- dated exceptions: closed, or open at other hours, on a date
  (``2025 Dec 26 off``, ``2025 Dec 20 09:00-12:00``).

``to_osm`` writes rules in that order, the most specific last, since a later rule
replaces an earlier one for the days it matches. ``from_osm`` reads the rules the
editor writes and the usual hand-written variants (``We-Mo``, ``Su,PH off``,
``Jul-Aug off``, ``22:00-26:00``...), and gives the table only if writing it back means
exactly the same thing (``same_meaning``: the same open intervals over the next 400
days, computed by opening-hours-py); anything else (comments, ``||``, sunrise, week
numbers, rules that override each other in ways rows cannot show) is None: the editor
keeps such a string as it is, in its text ("expert") mode.

Midnight, as opening-hours-py reads it: a range that runs past midnight continues into
the next day only if that day has no rule of its own or is matched by the same rule
(``Fr-Sa 19:00-02:00`` is open Friday night until 02:00, ``Fr 19:00-02:00; Sa
10:00-12:00`` closes Friday at midnight). ``to_osm`` therefore repeats the night's end
on the next day (``Sa 00:00-02:00,10:00-12:00``) when the rules differ, and ``from_osm``
folds it back into the previous day. Holidays, seasons and dated exceptions have rules
of their own, so the night before them ends at midnight; ranges past midnight are only
offered in the regular week.
"""

import calendar
import datetime
import re
from dataclasses import dataclass, field, replace

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from opening_hours import ParserError, State

from merchants.opening_hours import midnight, parse

DAY = 24 * 60
# A range may end after midnight, up to this time of the next morning ("19:00-02:00");
# "09:00-08:00" is a typing mistake, not a 23-hour opening.
NIGHT_LIMIT = 6 * 60
MAX_RANGES = 4
MAX_EXCEPTIONS = 30
MAX_SEASONS = 4
# How far ahead two expressions must agree to mean the same thing: every day of the
# week, every season and every public holiday of a year, at least once.
HORIZON_DAYS = 400
OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
OSM_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# The last day of each month, in a leap year: a season "to the end of February" ends
# on the 29th when there is one.
MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

HOLIDAYS_USUAL = "usual"
HOLIDAYS_CLOSED = "closed"
HOLIDAYS_SPECIAL = "special"


class NotExpressible(Exception):
    """The expression uses something the rows cannot show."""


def hhmm(minutes):
    """``570`` → ``"09:30"``; a range's end at midnight is ``"24:00"`` in OSM."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, order=True)
class Range:
    """From ``opens`` to ``closes``, in minutes after midnight; ``closes`` is ``DAY``
    for midnight and smaller than ``opens`` when the range ends the next morning."""

    opens: int
    closes: int

    @property
    def crosses_midnight(self):
        return self.closes < self.opens

    @property
    def end(self):
        """``closes`` counted from the range's own midnight (past ``DAY`` if it runs
        into the next day)."""
        return self.closes + DAY if self.crosses_midnight else self.closes

    def osm(self):
        return f"{hhmm(self.opens)}-{hhmm(self.closes)}"

    def __str__(self):
        return f"{hhmm(self.opens)}–{hhmm(self.closes % DAY)}"


def osm_ranges(ranges):
    return ",".join(time_range.osm() for time_range in ranges) if ranges else "off"


def _osm_days(days):
    """``[0, 1, 2, 4]`` → ``"Mo-We,Fr"``."""
    parts, run = [], []
    for day in sorted(days):
        if run and day == run[-1] + 1:
            run.append(day)
            continue
        if run:
            parts.append(run)
        run = [day]
    if run:
        parts.append(run)
    return ",".join(
        OSM_DAYS[run[0]] if len(run) == 1 else f"{OSM_DAYS[run[0]]}-{OSM_DAYS[run[-1]]}"
        for run in parts
    )


@dataclass(frozen=True)
class Season:
    """A period of every year, from ``start`` to ``end`` ((month, day), both included,
    possibly across the new year), in which the days of ``days`` ({weekday: ranges},
    Monday = 0) have other hours; the other days keep the regular week's."""

    start: tuple
    end: tuple
    days: tuple = ()  # ((weekday, ranges), ...), sorted

    @property
    def overrides(self):
        return dict(self.days)

    def osm_selector(self):
        (start_month, start_day), (end_month, end_day) = self.start, self.end
        if start_day == 1 and end_day == MONTH_DAYS[end_month - 1]:
            if start_month == end_month:
                return OSM_MONTHS[start_month - 1]
            return f"{OSM_MONTHS[start_month - 1]}-{OSM_MONTHS[end_month - 1]}"
        first = f"{OSM_MONTHS[start_month - 1]} {start_day:02d}"
        if self.start == self.end:
            return first
        return f"{first}-{OSM_MONTHS[end_month - 1]} {end_day:02d}"

    def contains(self, day):
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end

    def label(self):
        """ "du 1 juillet au 31 août" in the active language."""
        year = 2024  # a leap year, so that 29 February exists
        start = datetime.date(year, *self.start)
        end = datetime.date(year, *self.end)
        return gettext("du %(start)s au %(end)s") % {
            "start": formats.date_format(start, "j F"),
            "end": formats.date_format(end, "j F"),
        }


@dataclass(frozen=True)
class HoursTable:
    """What the editor's rows say; ``to_osm`` is the stored expression."""

    week: tuple = ((),) * 7
    holidays: str = HOLIDAYS_USUAL
    holiday_ranges: tuple = ()
    seasons: tuple = ()
    exceptions: tuple = ()  # ((date, ranges), ...), sorted by date

    @property
    def is_empty(self):
        """Closed every day, with nothing else: the week the merchant must confirm."""
        return (
            not any(self.week)
            and self.holidays != HOLIDAYS_SPECIAL
            and not any(ranges for _day, ranges in self.exceptions)
            and not any(ranges for season in self.seasons for _d, ranges in season.days)
        )

    def to_osm(self):
        """The OpenStreetMap expression of these rows ("off" for a closed week)."""
        rules = _week_rules(self.week)
        for season in self.seasons:
            rules += _season_rules(season, self.week)
        if self.holidays == HOLIDAYS_CLOSED:
            rules.append("PH off")
        elif self.holidays == HOLIDAYS_SPECIAL:
            rules.append(f"PH {osm_ranges(self.holiday_ranges)}")
        for day, ranges in self.exceptions:
            rules.append(
                f"{day.year} {OSM_MONTHS[day.month - 1]} {day.day:02d} {osm_ranges(ranges)}"
            )
        return "; ".join(rules) if rules else "off"


def _group_rules(emitted):
    """``{weekday: ranges}`` → ``[(days, ranges)]``: days with the same ranges share a
    rule, ordered by their first day."""
    groups = {}
    for day in sorted(emitted):
        groups.setdefault(emitted[day], []).append(day)
    return sorted(((days, ranges) for ranges, days in groups.items()), key=lambda g: g[0][0])


def _with_night_ends(ranges_of, days_in_rules):
    """The ranges each day's rule must hold so that every night opening keeps its end.

    ``ranges_of``: {weekday: ranges} the merchant set (only the days that get a rule);
    ``days_in_rules``: returns the grouping of a candidate {weekday: ranges}. A night
    that runs into a day with a rule of its own is cut at midnight by opening-hours-py,
    so that day repeats the end of the night (``00:00-02:00``); repeating it can split
    a group, which can cut another night, hence the loop (at most one addition per day).
    """
    emitted = dict(ranges_of)
    while True:
        rule_of = {}
        for index, (days, _ranges) in enumerate(days_in_rules(emitted)):
            for day in days:
                rule_of[day] = index
        changed = False
        for day, ranges in ranges_of.items():
            if not ranges or not ranges[-1].crosses_midnight:
                continue
            following = (day + 1) % 7
            if following not in emitted or rule_of[following] == rule_of[day]:
                continue
            night_end = Range(0, ranges[-1].closes)
            if emitted[following] and emitted[following][0] == night_end:
                continue
            emitted[following] = (night_end, *emitted[following])
            changed = True
        if not changed:
            return emitted


def _week_rules(week):
    ranges_of = {day: ranges for day, ranges in enumerate(week) if ranges}
    emitted = _with_night_ends(ranges_of, _group_rules)
    return [f"{_osm_days(days)} {osm_ranges(ranges)}" for days, ranges in _group_rules(emitted)]


def _season_rules(season, week):
    selector = season.osm_selector()
    groups = _group_rules(season.overrides)
    if len(groups) == 1 and len(groups[0][0]) == 7:
        return [f"{selector} {osm_ranges(groups[0][1])}"]
    return [f"{selector} {_osm_days(days)} {osm_ranges(ranges)}" for days, ranges in groups]


# ---------------------------------------------------------------------------------------
# Reading an expression


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


# ---------------------------------------------------------------------------------------
# Checking what the merchant typed


_TIME_TEXT = re.compile(r"^\s*(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?\s*$")


def parse_time(text, *, end=False):
    """Minutes after midnight of a time typed in a form: ``09:30``, ``9:30``, ``9h30``,
    ``9h``, ``9``; for an end, ``00:00`` and ``24:00`` mean midnight (``DAY``).
    Raises ``ValueError``."""
    match = _TIME_TEXT.match(text or "")
    if not match:
        raise ValueError(text)
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if minutes > 59 or hours > 24 or (hours == 24 and (minutes or not end)):
        raise ValueError(text)
    total = hours * 60 + minutes
    if end and total == 0:
        return DAY
    return total


def check_ranges(ranges, *, night_allowed):
    """Check one day's ranges (``(opens, closes)`` in minutes, ``closes`` ``DAY`` for
    midnight); returns ``(Range tuple, messages)``. Messages start in lower case: the
    form puts the day's name in front ("Lundi : la plage 2 ...")."""
    errors, checked = [], []
    for number, (opens, closes) in enumerate(ranges, start=1):
        params = {"number": number, "opens": hhmm(opens), "closes": hhmm(closes % DAY)}
        if opens == closes:
            errors.append(
                _("la plage %(number)s ouvre et ferme à la même heure (%(opens)s).") % params
            )
        elif closes < opens and not night_allowed:
            errors.append(
                _(
                    "la plage %(number)s ferme à %(closes)s, avant d'ouvrir à %(opens)s. "
                    "Une ouverture après minuit ne se saisit que dans la semaine habituelle."
                )
                % params
            )
        elif closes < opens and closes > NIGHT_LIMIT:
            errors.append(
                _(
                    "la plage %(number)s ferme à %(closes)s, avant d'ouvrir à %(opens)s. "
                    "Pour rester ouvert après minuit, fermez au plus tard à 06:00."
                )
                % params
            )
        else:
            checked.append(Range(opens, closes))
    checked.sort()
    for before, after in zip(checked, checked[1:], strict=False):
        if before.end > after.opens:
            errors.append(
                _("les plages %(first)s et %(second)s se chevauchent.")
                % {"first": before, "second": after}
            )
    return (() if errors else tuple(checked)), errors


def check_week_nights(week):
    """``(day, message)`` for each day whose first opening starts before the end of the
    previous night's opening (``week``: seven tuples of ``Range``)."""
    errors = []
    for day in range(7):
        ranges = week[day]
        following = (day + 1) % 7
        if not ranges or not ranges[-1].crosses_midnight or not week[following]:
            continue
        first = week[following][0]
        if first.opens < ranges[-1].closes:
            errors.append(
                (
                    following,
                    _(
                        "la plage %(range)s commence avant la fin de l'ouverture de la "
                        "veille au soir (jusqu'à %(end)s)."
                    )
                    % {"range": first, "end": hhmm(ranges[-1].closes)},
                )
            )
    return errors


def with_week(table, week):
    return replace(table, week=tuple(week))


def season_week(table, season):
    """The seven days' ranges during ``season``."""
    overrides = season.overrides
    return [overrides.get(day, table.week[day]) for day in range(7)]


def first_day_in(season, today):
    """The first date of ``season`` on or after ``today`` (a day of the current period
    if it has started)."""
    for offset in range(367):
        day = today + datetime.timedelta(days=offset)
        if season.contains(day):
            return day
    return today


def month_length(month):
    return calendar.monthrange(2024, month)[1]
