"""What a resident needs to come and collect: where the shop is, a map link, its
hours on the pickup day, its phone number, and the pickup as a calendar file.

Shown on the resident's page (``detail.html``) and in their emails; the calendar file
is served from their signed link (never shared) and attached to the emails.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from icalendar import Event

from home import ical
from merchants.collect.slots import Schedule
from merchants.opening_hours import PARIS, day_hours

PRODID = "-//Agglo Rhône Commerces//Appeler et retirer//FR"
# When the shop's slots changed since the booking, the pickup still needs an end.
DEFAULT_DURATION = datetime.timedelta(minutes=30)


@dataclass(frozen=True)
class Visit:
    """The shop's side of a pickup: ``hours`` ("09:00–12:30"...) is None when the
    shop has not published its hours, an empty tuple when it is closed that day."""

    address_lines: list
    map_url: str
    phone: str
    phone_display: str
    day: datetime.date | None
    hours: tuple | None

    @property
    def address(self):
        return ", ".join(self.address_lines)


def map_url(merchant):
    """OpenStreetMap at the shop's coordinates, or a search for its address."""
    if merchant.has_coordinates:
        lat, lon = f"{merchant.latitude}", f"{merchant.longitude}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    return "https://www.openstreetmap.org/search?" + urlencode(
        {"query": ", ".join(_address_lines(merchant))}
    )


def _address_lines(merchant):
    town = f"{merchant.postcode} {merchant.commune.name}".strip()
    return [line for line in [merchant.street_address, town] if line]


def visit(pickup_request):
    """The ``Visit`` of ``pickup_request`` (its merchant is the French page)."""
    merchant = pickup_request.merchant
    day = pickup_request.slot_start.astimezone(PARIS).date() if pickup_request.slot_start else None
    hours = None
    if merchant.opening_hours.strip() and day is not None:
        hours = tuple(str(r) for r in day_hours(merchant.opening_hours, day, merchant.closures))
    return Visit(
        address_lines=_address_lines(merchant),
        map_url=map_url(merchant),
        phone=merchant.phone,
        phone_display=merchant.phone_display,
        day=day,
        hours=hours,
    )


def _slot_end(pickup_request):
    start = pickup_request.slot_start
    day = start.astimezone(PARIS).date()
    for slot_start, slot_end, _capacity in Schedule.for_merchant(
        pickup_request.merchant, day, day
    ).day_slots(day):
        if slot_start == start:
            return slot_end
    return start + DEFAULT_DURATION


ICAL_STATUS = {"new": "TENTATIVE", "confirmed": "CONFIRMED", "done": "CONFIRMED"}


def pickup_calendar(pickup_request, link):
    """The booking's calendar (``home.ical.finish`` writes it), in the active
    language: one ``VEVENT`` at Paris time with the shop's name, address, coordinates
    and phone, and ``link`` (the resident's page) to cancel. Its ``UID`` stays the same
    when the merchant confirms or cancels, so a calendar updates the event it has."""
    merchant = pickup_request.merchant
    place = visit(pickup_request)
    title = _("Retrait chez %(shop)s") % {"shop": merchant.title}
    calendar = ical.new_calendar(title, PRODID)
    event = Event()
    event.add("uid", f"pickup-{pickup_request.pk}@{ical.domain()}")
    event.add("dtstamp", pickup_request.created_at)
    event.add("dtstart", pickup_request.slot_start.astimezone(PARIS))
    event.add("dtend", _slot_end(pickup_request).astimezone(PARIS))
    event.add("summary", title)
    event.add("location", ", ".join([merchant.title, *place.address_lines]))
    if merchant.has_coordinates:
        event.add("geo", (float(merchant.latitude), float(merchant.longitude)))
    lines = [_("Votre demande : %(link)s") % {"link": link}]
    if place.phone:
        lines.insert(0, _("Téléphone du commerce : %(phone)s") % {"phone": place.phone_display})
    event.add("description", "\n".join(lines))
    event.add("url", link)
    status = ICAL_STATUS.get(pickup_request.status, "CANCELLED")
    event.add("status", status)
    # Each change of state is a new version of the same event (RFC 5545 SEQUENCE).
    event.add("sequence", {"TENTATIVE": 0, "CONFIRMED": 1}.get(status, 2))
    calendar.add_component(event)
    return calendar


def calendar_filename(pickup_request):
    return f"retrait-{pickup_request.slot_start.astimezone(PARIS):%Y-%m-%d-%H%M}.ics"
