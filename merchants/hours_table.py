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
replaces an earlier one for the days it matches. ``from_osm`` (in
``merchants.hours_reading``) reads the rules the
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
from dataclasses import dataclass, replace

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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
