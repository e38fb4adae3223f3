"""iCalendar (RFC 5545) files of the agenda, written with the ``icalendar`` library.

- an event: one ``VEVENT`` with its ``RRULE`` (the stored rule), ``EXDATE`` for the
  dates left out, and one more ``VEVENT`` with the same ``UID`` and a
  ``RECURRENCE-ID`` for each occurrence cancelled (``STATUS:CANCELLED``) or moved;
- one occurrence: a ``VEVENT`` of its own (its own ``UID``);
- a feed (the agenda, or any of its filters): the events, or the occurrences when the
  filter is a period (a weekly market's rule would bring every other week back).

Times carry ``TZID=Europe/Paris`` and the calendar its ``VTIMEZONE``, so that a market
at 07:00 is at 07:00 in every calendar, on both sides of a daylight-saving change.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event, vRecur

from events import recurrence
from events.forms import session_value
from home import ical
from home.ical import finish, response

__all__ = ["finish", "response"]  # the calendar file's end, shared with every .ics

PRODID = "-//Agglo Rhône Commerces//Agenda//FR"


def _domain():
    return ical.domain()


def event_uid(page):
    """The same in both languages: it is the same event."""
    return f"event-{page.translation_key}@{_domain()}"


def new_calendar(name):
    return ical.new_calendar(name, PRODID)


def _when(moment, all_day):
    local = moment.astimezone(recurrence.PARIS)
    return local.date() if all_day else local


def _describe(component, page, url, place, kind_label):
    component.add("summary", page.title)
    component.add("description", f"{page.lead}\n\n{url}")
    component.add("url", url)
    component.add("categories", [str(kind_label)])
    location = ", ".join(part for part in [place.name, place.address_line] if part)
    if location:
        component.add("location", location)
    if place.has_coordinates:
        component.add("geo", (float(place.latitude), float(place.longitude)))
    if page.organiser:
        component.add("x-organiser", page.organiser)
    component.add("dtstamp", timezone.now())
    if page.last_published_at:
        component.add("last-modified", page.last_published_at)


def event_components(page, url, place, kind_label):
    """The event's ``VEVENT`` components: the series, then its cancelled or moved
    occurrences."""
    schedule = page.schedule()
    first = schedule.first_start()
    main = Event()
    main.add("uid", event_uid(page))
    main.add("dtstart", _when(first, schedule.all_day))
    main.add("dtend", _when(schedule.first_end(), schedule.all_day))
    _describe(main, page, url, place, kind_label)
    main.add("status", "CONFIRMED")
    components = [main]
    if not schedule.rule:
        change = next((c for c in schedule.changes if c.day == schedule.start_day), None)
        if change is not None and change.action == recurrence.CANCELLED:
            main["status"] = "CANCELLED"
        return components
    main.add("rrule", vRecur.from_ical(schedule.rule))
    changes = {change.day: change for change in schedule.changes}
    excluded = [
        start
        for start in schedule.rule_starts()
        if start.date() in changes and changes[start.date()].action == recurrence.EXCLUDED
    ]
    if excluded:
        main.add("exdate", [_when(start, schedule.all_day) for start in excluded])
    duration = schedule.first_end() - first
    for occurrence in schedule.occurrences():
        if not (occurrence.cancelled or occurrence.moved_from):
            continue
        original = occurrence.moved_from or occurrence.start_day
        original_start = datetime.datetime.combine(
            original, first.astimezone(recurrence.PARIS).time(), tzinfo=recurrence.PARIS
        )
        override = Event()
        override.add("uid", event_uid(page))
        override.add("recurrence-id", _when(original_start, schedule.all_day))
        override.add("dtstart", _when(occurrence.start, schedule.all_day))
        override.add("dtend", _when(occurrence.start + duration, schedule.all_day))
        _describe(override, page, url, place, kind_label)
        override.add("status", "CANCELLED" if occurrence.cancelled else "CONFIRMED")
        if occurrence.message:
            override["description"] = f"{occurrence.message}\n\n{override['description']}"
        components.append(override)
    return components


def occurrence_component(page, occurrence, url, place, kind_label):
    """One occurrence (a stored ``EventOccurrence`` or a ``recurrence.Occurrence``)."""
    component = Event()
    component.add(
        "uid", f"event-{page.translation_key}-{session_value(occurrence.start)}@{_domain()}"
    )
    component.add("dtstart", _when(occurrence.start, occurrence.all_day))
    component.add("dtend", _when(occurrence.end, occurrence.all_day))
    _describe(component, page, url, place, kind_label)
    component.add("status", "CANCELLED" if occurrence.cancelled else "CONFIRMED")
    if occurrence.message:
        component["description"] = f"{occurrence.message}\n\n{component['description']}"
    return component


def single_calendar_name(page):
    return _("%(event)s — agenda") % {"event": page.title}
