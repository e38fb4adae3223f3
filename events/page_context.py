"""What an event's page shows: its next dates, the workshop's sessions and seats, the
registration form, the calendar links and the structured data."""

from django.utils import timezone

from events import registration
from events.forms import RegistrationForm, session_value
from events.models import EventKind, EventOccurrence
from home.locales import source_version
from merchants.portal.access import current_account

SHOWN_DATES = 12


def next_occurrences(page, now, limit=SHOWN_DATES):
    """The next dates: stored ones for a live page, computed for a preview."""
    if page.live and page.pk:
        return list(
            EventOccurrence.objects.filter(page=page).upcoming(now).order_by("start")[:limit]
        )
    return [o for o in page.schedule().occurrences() if o.end > now][:limit]


def workshop_sessions(page, now):
    """``[(start, seats left, occurrence)]`` of the sessions one may register to, on
    the French page the registrations belong to (``source``)."""
    source = page if page.locale.language_code == "fr" else source_version(page)
    if source is None or not source.capacity:
        return None, []
    starts = registration.upcoming_sessions(source, now)
    taken = registration.seats_taken(source, starts)
    return source, [
        {
            "start": start,
            "value": session_value(start),
            "left": max(source.capacity - taken.get(start, 0), 0),
        }
        for start in starts
    ]


def registration_context(page, request, now, form=None):
    source, sessions = workshop_sessions(page, now)
    account = current_account(request) if request is not None else None
    if form is None and sessions:
        form = RegistrationForm(sessions=[s["start"] for s in sessions])
    return {
        "workshop": source,
        "sessions": sessions,
        "all_full": bool(sessions) and all(s["left"] == 0 for s in sessions),
        "registration_form": form,
        "one_click_form": None,
        "merchant_account": account,
    }


def event_context(page, request):
    now = timezone.now()
    occurrences = next_occurrences(page, now)
    context = {
        "occurrences": occurrences,
        "next_occurrence": occurrences[0] if occurrences else None,
        "place": page.place,
        "kind_label": EventKind(page.kind).label,
        "now": now,
        "date_changes": list(page.date_changes.all()),
        "is_preview": getattr(request, "is_preview", False),
    }
    if page.is_workshop and not context["is_preview"]:
        context.update(registration_context(page, request, now))
    return context
