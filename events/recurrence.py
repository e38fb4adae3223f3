"""Dates of events: a first date, how long one occurrence lasts, and an RFC 5545
recurrence rule ("every Saturday", "the first Sunday of the month") with its exceptions.

The rule is stored as the text of an iCalendar ``RRULE`` value (``FREQ=WEEKLY;BYDAY=SA``),
written and read with icalendar's ``vRecur`` and expanded with python-dateutil's
``rrule``: the same text goes into the ``.ics`` files, so the site and the calendars that
subscribe to it agree on every date. Editors never type it: the admin's form
(``events.forms.RecurrenceFields``) builds it from plain choices.

Everything is wall-clock time in Europe/Paris: occurrences are computed from an aware
first start in that zone, and dateutil adds days and weeks to the wall-clock time, so
that a market at 07:00 stays at 07:00 when the clocks change.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.utils.translation import gettext_lazy as _
from icalendar import vRecur

PARIS = ZoneInfo("Europe/Paris")


# How far ahead occurrences are computed and stored (``EventOccurrence``); the daily
# ``refresh_event_occurrences`` command moves the horizon on.
HORIZON_DAYS = 400
# A rule such as "every day for ever" stops there.
MAX_OCCURRENCES = 1000

NO_REPEAT = ""
DAILY = "daily"
WEEKLY = "weekly"
MONTHLY_DAY = "monthly_day"
MONTHLY_WEEKDAY = "monthly_weekday"
REPEAT_CHOICES = [
    (NO_REPEAT, _("Pas de répétition")),
    (DAILY, _("Tous les jours")),
    (WEEKLY, _("Toutes les semaines, les jours cochés")),
    (MONTHLY_DAY, _("Tous les mois, le même jour du mois")),
    (MONTHLY_WEEKDAY, _("Tous les mois, un jour de la semaine (par exemple le premier dimanche)")),
]
# iCalendar weekday codes, Monday first (ISO numbers 1-7).
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAY_CHOICES = [
    ("MO", _("lundi")),
    ("TU", _("mardi")),
    ("WE", _("mercredi")),
    ("TH", _("jeudi")),
    ("FR", _("vendredi")),
    ("SA", _("samedi")),
    ("SU", _("dimanche")),
]
POSITION_CHOICES = [
    ("1", _("premier")),
    ("2", _("deuxième")),
    ("3", _("troisième")),
    ("4", _("quatrième")),
    ("-1", _("dernier")),
]


@dataclass(frozen=True)
class Repetition:
    """The editor's choices, from which the rule is written (and which it reads back)."""

    repeat: str = NO_REPEAT
    interval: int = 1
    weekdays: tuple = ()  # ("SA",) for WEEKLY
    position: str = "1"  # MONTHLY_WEEKDAY: "1" first ... "-1" last
    weekday: str = "SU"  # MONTHLY_WEEKDAY
    until: datetime.date | None = None  # last day (included)
    count: int | None = None


def until_moment(day):
    """The rule's ``UNTIL`` for a last day ``day`` (included): the end of that day in
    Paris, in UTC as RFC 5545 requires when the start has a time zone."""
    end = datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=PARIS)
    return end.astimezone(datetime.UTC)


def rule_text(repetition, first_day):
    """The ``RRULE`` value of ``repetition`` (empty for a single date)."""
    if repetition.repeat == NO_REPEAT:
        return ""
    parts = {}
    if repetition.repeat == DAILY:
        parts["FREQ"] = "DAILY"
    elif repetition.repeat == WEEKLY:
        parts["FREQ"] = "WEEKLY"
        days = repetition.weekdays or (DAY_CODES[first_day.weekday()],)
        parts["BYDAY"] = [code for code in DAY_CODES if code in days]
    elif repetition.repeat == MONTHLY_DAY:
        parts["FREQ"] = "MONTHLY"
        parts["BYMONTHDAY"] = first_day.day
    elif repetition.repeat == MONTHLY_WEEKDAY:
        parts["FREQ"] = "MONTHLY"
        parts["BYDAY"] = f"{int(repetition.position)}{repetition.weekday}"
    else:
        raise ValueError(repetition.repeat)
    if repetition.interval and repetition.interval > 1:
        parts["INTERVAL"] = repetition.interval
    if repetition.until:
        parts["UNTIL"] = until_moment(repetition.until)
    if repetition.count:
        parts["COUNT"] = repetition.count
    return vRecur(parts).to_ical().decode()


def repetition_of(text):
    """The editor's choices that ``rule_text`` wrote as ``text``."""
    if not text:
        return Repetition()
    rule = vRecur.from_ical(text)
    frequency = rule["FREQ"][0]
    byday = [str(day) for day in rule.get("BYDAY", [])]
    until = rule.get("UNTIL", [None])[0]
    if isinstance(until, datetime.datetime):
        until = (until if until.tzinfo else until.replace(tzinfo=datetime.UTC)).astimezone(PARIS)
        until = until.date()
    common = {
        "interval": int(rule.get("INTERVAL", [1])[0]),
        "until": until,
        "count": int(rule["COUNT"][0]) if "COUNT" in rule else None,
    }
    if frequency == "DAILY":
        return Repetition(DAILY, **common)
    if frequency == "WEEKLY":
        return Repetition(WEEKLY, weekdays=tuple(byday), **common)
    if byday:
        code = byday[0]
        return Repetition(MONTHLY_WEEKDAY, position=code[:-2] or "1", weekday=code[-2:], **common)
    return Repetition(MONTHLY_DAY, **common)


@dataclass(frozen=True)
class DateChange:
    """One occurrence departing from the rule: left out, cancelled (still shown, with a
    message) or moved to another day or time."""

    day: datetime.date
    action: str  # "excluded", "cancelled" or "moved"
    new_day: datetime.date | None = None
    new_time: datetime.time | None = None
    message: str = ""


EXCLUDED = "excluded"
CANCELLED = "cancelled"
MOVED = "moved"


@dataclass(frozen=True)
class Occurrence:
    """One time an event takes place, in Paris time."""

    start: datetime.datetime  # aware
    end: datetime.datetime  # aware
    all_day: bool
    cancelled: bool = False
    message: str = ""
    moved_from: datetime.date | None = None  # the rule's day this one replaces

    @property
    def start_day(self):
        return self.start.astimezone(PARIS).date()

    @property
    def end_day(self):
        return self.end.astimezone(PARIS).date()


@dataclass(frozen=True)
class Schedule:
    """When an event takes place: its first occurrence, the rule and the changes."""

    start_day: datetime.date
    start_time: datetime.time | None  # None: all day
    end_day: datetime.date | None  # None: the same day
    end_time: datetime.time | None
    rule: str = ""
    changes: tuple = ()  # DateChange

    @property
    def all_day(self):
        return self.start_time is None

    def first_start(self):
        return datetime.datetime.combine(
            self.start_day, self.start_time or datetime.time(0, 0), tzinfo=PARIS
        )

    def first_end(self):
        day = self.end_day or self.start_day
        if self.all_day:
            return datetime.datetime.combine(
                day + datetime.timedelta(days=1), datetime.time(0, 0), tzinfo=PARIS
            )
        return datetime.datetime.combine(day, self.end_time or self.start_time, tzinfo=PARIS)

    def problems(self):
        """What makes these dates impossible, as ``{field: message}``."""
        errors = {}
        if self.end_day and self.end_day < self.start_day:
            errors["end_date"] = _("La fin ne peut pas être avant le début.")
        elif self.end_time and self.start_time is None:
            errors["start_time"] = _("Indiquez l'heure de début avant celle de fin.")
        elif self.start_time and self.first_end() < self.first_start():
            errors["end_time"] = _("La fin ne peut pas être avant le début.")
        elif self.rule and not self.occurrences(limit=1):
            errors["repeat"] = _(
                "Cette répétition ne donne aucune date : vérifiez les jours, la date de "
                "fin et le nombre de fois."
            )
        return errors

    def rule_starts(self, until=None, limit=MAX_OCCURRENCES):
        """The starts the rule gives (the first date when there is none), up to
        ``until`` (aware) and at most ``limit`` of them."""
        first = self.first_start()
        if not self.rule:
            return [first] if until is None or first <= until else []
        starts = []
        for start in rrulestr(self.rule, dtstart=first):
            if (until is not None and start > until) or len(starts) >= limit:
                break
            starts.append(start)
        return starts

    def occurrences(self, until=None, limit=MAX_OCCURRENCES):
        """Every ``Occurrence`` up to ``until`` (aware; default: no bound but
        ``limit``), the changes applied, in date order."""
        duration = self.first_end() - self.first_start()
        changes = {change.day: change for change in self.changes}
        found = []
        for start in self.rule_starts(until, limit):
            change = changes.get(start.date())
            if change is None:
                found.append(self._occurrence(start, duration))
            elif change.action == CANCELLED:
                found.append(
                    self._occurrence(start, duration, cancelled=True, message=change.message)
                )
            elif change.action == MOVED and change.new_day:
                moved = datetime.datetime.combine(
                    change.new_day,
                    change.new_time or start.time(),
                    tzinfo=PARIS,
                )
                if until is None or moved <= until:
                    found.append(
                        self._occurrence(
                            moved, duration, message=change.message, moved_from=start.date()
                        )
                    )
            # EXCLUDED: no occurrence that day.
        found.sort(key=lambda occurrence: occurrence.start)
        return found[:limit]

    def _occurrence(self, start, duration, **kwargs):
        # Wall-clock arithmetic: a market from 07:00 to 13:00 ends at 13:00 even on the
        # day the clocks change (aware + timedelta keeps the wall-clock time).
        end = start + duration
        return Occurrence(start=start.astimezone(PARIS), end=end, all_day=self.all_day, **kwargs)

    def excluded_starts(self):
        """The rule's starts that do not take place as planned (EXDATE): left out or
        moved; a moved one is added back at its new time (RDATE)."""
        changes = {c.day: c for c in self.changes if c.action in (EXCLUDED, MOVED)}
        if not changes:
            return []
        return [start for start in self.rule_starts() if start.date() in changes]
