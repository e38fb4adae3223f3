"""schema.org ``Event`` of an event page (JSON-LD): its next date (or its last one),
its status, where, and what it costs."""

import datetime

from django.utils import timezone

from events.models import EventOccurrence
from events.page_context import next_occurrences


def _place(place):
    data = {"@type": "Place", "name": place.name or place.commune_name}
    address = {"@type": "PostalAddress", "addressCountry": "FR"}
    if place.street_address:
        address["streetAddress"] = place.street_address
    if place.postcode:
        address["postalCode"] = place.postcode
    if place.commune_name:
        address["addressLocality"] = place.commune_name
    data["address"] = address
    if place.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    return data


def _moment(moment, all_day):
    return moment.date().isoformat() if all_day else moment.isoformat()


def event_structured_data(page, request=None):
    now = timezone.now()
    upcoming = next_occurrences(page, now, limit=1)
    occurrence = (
        upcoming[0]
        if upcoming
        else (
            EventOccurrence.objects.filter(page=page).order_by("-start").first()
            if page.pk
            else None
        )
    )
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.lead,
        "url": url,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _place(page.place),
        "inLanguage": page.locale.language_code,
    }
    if occurrence is not None:
        start = occurrence.start.astimezone(timezone.get_default_timezone())
        end = occurrence.end.astimezone(timezone.get_default_timezone())
        if occurrence.all_day:
            # An all-day event ends at midnight: its last day is the day before.
            end = end - datetime.timedelta(seconds=1)
        data["startDate"] = _moment(start, occurrence.all_day)
        data["endDate"] = _moment(end, occurrence.all_day)
        data["eventStatus"] = (
            "https://schema.org/EventCancelled"
            if occurrence.cancelled
            else "https://schema.org/EventScheduled"
        )
    if page.main_image_id and request is not None:
        data["image"] = request.build_absolute_uri(page.main_image.get_rendition("width-1200").url)
    if page.organiser:
        data["organizer"] = {"@type": "Organization", "name": page.organiser}
    if page.price:
        data["offers"] = {
            "@type": "Offer",
            "price": f"{page.price:.2f}",
            "priceCurrency": "EUR",
            "url": url,
        }
    else:
        data["isAccessibleForFree"] = True
    return data
