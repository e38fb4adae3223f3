"""iCalendar (RFC 5545) files, written with the ``icalendar`` library: what every
calendar file of the site shares (the agenda's events, a resident's pickup).

Times carry ``TZID=Europe/Paris`` and the calendar its ``VTIMEZONE`` (``finish``), so
that 10:00 in Tain is 10:00 in every calendar, on both sides of a daylight-saving
change.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar

TIMEZONE_NAME = "Europe/Paris"
# The time zone's definition covers these years: nothing on the site is older or later.
TIMEZONE_FROM = datetime.date(2020, 1, 1)
TIMEZONE_UNTIL = datetime.date(2040, 1, 1)


def domain():
    """The site's host name, the right part of every ``UID``."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def new_calendar(name, prodid):
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE_NAME)
    return calendar


def finish(calendar):
    """The calendar's bytes, with the ``VTIMEZONE`` of every time zone it uses."""
    calendar.add_missing_timezones(first_date=TIMEZONE_FROM, last_date=TIMEZONE_UNTIL)
    return calendar.to_ical()


def response(calendar, filename, disposition="inline"):
    """The calendar as a file calendars import (``attachment``: downloaded) or
    subscribe to."""
    response = HttpResponse(finish(calendar), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
