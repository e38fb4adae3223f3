"""What an event's page shows: its next dates, the workshop's sessions and seats left,
the calendar links and the structured data; and what the registration form's page
shows (``registration_context``: the form, a merchant's one-click registration).

The event's page is shared by anonymous visitors from the page caches: it carries no
form with a token and nothing of the visitor (``events.page_cache``)."""

from django.utils import timezone

from events import registration
from events.forms import RegistrationForm, session_value
from events.models import EventKind, EventOccurrence
from events.page_cache import bound_by_occurrences
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


def sessions_context(page, now):
    """The workshop's sessions and seats left, as its (shared) page shows them."""
    source, sessions = workshop_sessions(page, now)
    return {
        "workshop": source,
        "sessions": sessions,
        "all_full": bool(sessions) and all(s["left"] == 0 for s in sessions),
    }


def registration_context(page, request, now, form=None, session=None):
    """The registration form's page (never shared): ``session``, the value of the
    session chosen on the event's page, is checked first."""
    context = sessions_context(page, now)
    sessions = context["sessions"]
    account = current_account(request) if request is not None else None
    if form is None and sessions:
        values = [s["value"] for s in sessions]
        form = RegistrationForm(
            sessions=[s["start"] for s in sessions],
            initial={"session": session if session in values else values[0]},
        )
    return {
        **context,
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
        context.update(sessions_context(page, now))
    if not context["is_preview"]:
        # The next date, the sessions open to registration: right until an occurrence
        # of this event starts or ends (or midnight).
        bound_by_occurrences(request, EventOccurrence.objects.filter(page=page), now)
    return context
