"""The agenda's filters, read from the query string: kind, commune, period, free only.

Every value comes from a visitor's address bar: what is not one of the choices is
ignored (and said so for dates), never an error page.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from events.models import EventKind

PARAM_KIND = "type"
PARAM_COMMUNE = "commune"
PARAM_WHEN = "quand"
PARAM_FROM = "du"
PARAM_TO = "au"
PARAM_FREE = "gratuit"
PARAM_VIEW = "vue"
PARAM_PAGE = "page"
VIEW_MAP = "carte"

TODAY = "aujourdhui"
WEEKEND = "week-end"
THIS_WEEK = "semaine"
DATES = "dates"
WHEN_CHOICES = [
    ("", _("Toutes les dates à venir")),
    (TODAY, _("Aujourd'hui")),
    (WEEKEND, _("Ce week-end")),
    (THIS_WEEK, _("Cette semaine")),
    (DATES, _("Entre deux dates")),
]
# A range longer than that is not a search for something to do.
MAX_RANGE_DAYS = 366


def _day(text):
    try:
        return datetime.date.fromisoformat((text or "").strip()) if text else None
    except ValueError:
        return None


@dataclass
class AgendaFilters:
    kind: str = ""
    commune: object = None  # merchants.Commune
    when: str = ""
    first_day: datetime.date | None = None
    last_day: datetime.date | None = None
    free: bool = False
    view: str = ""
    date_error: str = ""
    typed_from: str = ""
    typed_to: str = ""
    communes: list = field(default_factory=list)

    @classmethod
    def from_query(cls, query, communes, today):
        """``communes``: those the agenda offers (by slug)."""
        by_slug = {commune.slug: commune for commune in communes}
        kind = query.get(PARAM_KIND, "")
        filters = cls(
            kind=kind if kind in EventKind.values else "",
            commune=by_slug.get(query.get(PARAM_COMMUNE, "")),
            when=query.get(PARAM_WHEN, "")
            if query.get(PARAM_WHEN, "") in dict(WHEN_CHOICES)
            else "",
            free=query.get(PARAM_FREE) == "1",
            view=VIEW_MAP if query.get(PARAM_VIEW) == VIEW_MAP else "",
            typed_from=(query.get(PARAM_FROM) or "")[:10],
            typed_to=(query.get(PARAM_TO) or "")[:10],
            communes=list(communes),
        )
        filters._period(today)
        return filters

    def _period(self, today):
        if self.when == TODAY:
            self.first_day = self.last_day = today
        elif self.when == WEEKEND:
            # Saturday and Sunday of this week; on a Sunday, what is left of it.
            saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7)
            if today.weekday() == 6:
                saturday = today - datetime.timedelta(days=1)
            self.first_day = max(today, saturday)
            self.last_day = saturday + datetime.timedelta(days=1)
        elif self.when == THIS_WEEK:
            self.first_day = today
            self.last_day = today + datetime.timedelta(days=6 - today.weekday())
        elif self.when == DATES:
            first, last = _day(self.typed_from), _day(self.typed_to)
            if (self.typed_from and first is None) or (self.typed_to and last is None):
                self.date_error = str(_("Écrivez les dates sous la forme 2026-07-14."))
            elif first and last and last < first:
                self.date_error = str(_("La date de fin est avant la date de début."))
            elif first and last and (last - first).days > MAX_RANGE_DAYS:
                self.date_error = str(_("Choisissez au plus un an entre les deux dates."))
            else:
                self.first_day = max(first or today, today)
                self.last_day = last or self.first_day + datetime.timedelta(days=MAX_RANGE_DAYS)
                if self.last_day < today:
                    self.first_day = self.last_day = None
                    self.date_error = str(_("Ces dates sont passées : voyez les archives."))
            if self.date_error:
                self.when = DATES

    @property
    def period(self):
        return self.first_day is not None

    @property
    def active(self):
        return bool(self.kind or self.commune or self.when or self.free)

    def apply(self, occurrences):
        """Filter an ``EventOccurrence`` queryset."""
        if self.kind:
            occurrences = occurrences.filter(kind=self.kind)
        if self.commune is not None:
            occurrences = occurrences.filter(commune=self.commune)
        if self.free:
            occurrences = occurrences.filter(free=True)
        if self.period:
            occurrences = occurrences.overlapping(self.first_day, self.last_day)
        elif self.when == DATES and self.date_error:
            occurrences = occurrences.none()
        return occurrences

    def params(self, **overrides):
        """The query string's parameters (empty ones left out)."""
        values = {
            PARAM_KIND: self.kind,
            PARAM_COMMUNE: self.commune.slug if self.commune else "",
            PARAM_WHEN: self.when,
            PARAM_FROM: self.typed_from if self.when == DATES else "",
            PARAM_TO: self.typed_to if self.when == DATES else "",
            PARAM_FREE: "1" if self.free else "",
            PARAM_VIEW: self.view,
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value not in ("", None)}

    def query(self, **overrides):
        params = self.params(**overrides)
        return f"?{urlencode(params)}" if params else ""

    def describe(self):
        """Human labels of the active filters (the calendar's name, the results' title)."""
        labels = []
        if self.kind:
            labels.append(str(EventKind(self.kind).label))
        if self.commune is not None:
            labels.append(self.commune.name)
        if self.when and not self.date_error:
            if self.when == DATES:
                labels.append(
                    _("du %(first)s au %(last)s")
                    % {"first": f"{self.first_day:%d/%m/%Y}", "last": f"{self.last_day:%d/%m/%Y}"}
                )
            else:
                labels.append(str(dict(WHEN_CHOICES)[self.when]))
        if self.free:
            labels.append(str(_("Gratuit")))
        return labels
