"""Workshop emails, in the language of the page the person registered on, through
``home.mail`` (sending never breaks the registration that triggered it). Confirmations
and reminders carry the session as an ``.ics`` file."""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from events import ical
from events.models import EventKind, EventOccurrence, EventPage
from events.registration import registration_token
from home import mail
from home.locales import in_locale


def registration_url(registration):
    """The person's signed link to see or cancel their registration."""
    with translation.override(registration.language):
        return mail.absolute_url(
            reverse(
                "event_registration:detail",
                kwargs={"token": registration_token(registration)},
            )
        )


def _event_in_language(registration):
    """The workshop's page in the person's language when it is translated."""
    event = registration.event
    locale = Locale.objects.filter(language_code=registration.language).first()
    if locale is None or locale.pk == event.locale_id:
        return event
    return in_locale([event], locale.pk, queryset=EventPage.objects.live())[0]


def _session_file(registration, event):
    occurrence = EventOccurrence.objects.filter(
        page=registration.event, start=registration.occurrence_start
    ).first()
    if occurrence is None:
        return []
    calendar = ical.new_calendar(event.title)
    with translation.override(registration.language):
        calendar.add_component(
            ical.occurrence_component(
                event,
                occurrence,
                event.get_full_url(),
                event.place,
                EventKind(event.kind).label,
            )
        )
        content = ical.finish(calendar).decode()
    return [("atelier.ics", content, "text/calendar")]


def _message(registration, template, with_file=False):
    event = _event_in_language(registration)
    context = {
        "registration": registration,
        "event": event,
        "place": event.place,
        "event_url": event.get_full_url(),
        "link": registration_url(registration),
    }
    message = (registration.email, registration.language, f"events/emails/{template}", context)
    if with_file:
        return (*message, _session_file(registration, event))
    return message


def notify_registered(registration):
    """Confirmed (with the session's file) or on the waiting list."""
    if registration.status == registration.Status.WAITING:
        return mail.send([_message(registration, "waiting")])
    return mail.send([_message(registration, "registered", with_file=True)])


def notify_cancelled(registration, promoted=None):
    messages = [_message(registration, "cancelled")]
    if promoted is not None:
        messages.append(_message(promoted, "promoted", with_file=True))
    return mail.send(messages)


def reminder_messages(registrations):
    return [_message(registration, "reminder", with_file=True) for registration in registrations]
