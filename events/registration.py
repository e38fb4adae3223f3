"""Registering to a workshop's session, cancelling, and the waiting list.

Seats, as for pickup slots (``merchants.collect.booking``): a session of capacity N has
seats 1..N; a registration takes the lowest free seat and the unique constraint on
(workshop, session, seat) makes the database the judge when two people take the same
seat at once: the second insert fails and the next seat is tried. Without a seat the
registration joins the waiting list (if the person asked to). A second active
registration with the same email address is refused by another unique constraint.

Cancelling frees the seat and gives it, in the same transaction, to the first person
waiting (rows locked with ``SKIP LOCKED``, so that two cancellations at once promote
two different people).
"""

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import EventOccurrence, EventPage, WorkshopRegistration

TOKEN_SALT = "events.registration-link"  # noqa: S105  (a salt, not a secret)

Status = WorkshopRegistration.Status


class SessionUnavailable(Exception):
    """Not a workshop's upcoming session: past, cancelled, unknown or unpublished."""


class SessionFull(Exception):
    """Every seat is taken and the person did not ask for the waiting list."""


class AlreadyRegistered(Exception):
    """This email address is already registered (or waiting) for the session."""

    def __init__(self, registration):
        super().__init__("already registered")
        self.registration = registration


class LinkExpired(Exception):
    pass


class CancellationRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def source_workshop(page):
    """The French page registrations belong to (a translation shares its sessions)."""
    if page.locale.language_code == page.get_default_locale().language_code:
        return page
    return (
        EventPage.objects.filter(
            translation_key=page.translation_key, locale__language_code="fr"
        ).first()
        or page
    )


def upcoming_sessions(workshop, now):
    """Starts of the workshop's sessions one may still register to."""
    return list(
        EventOccurrence.objects.filter(page=workshop, cancelled=False, start__gt=now)
        .order_by("start")
        .values_list("start", flat=True)[:50]
    )


def seats_taken(workshop, starts):
    """``{session start: seats taken}`` in one query."""
    counts = dict.fromkeys(starts, 0)
    for start in (
        WorkshopRegistration.objects.holding_seats()
        .filter(event=workshop, occurrence_start__in=starts)
        .values_list("occurrence_start", flat=True)
    ):
        counts[start] = counts.get(start, 0) + 1
    return counts


def _existing(workshop, start, email):
    return (
        WorkshopRegistration.objects.active()
        .filter(event=workshop, occurrence_start=start, email=email)
        .first()
    )


def register(workshop, start, details, language, now, *, waiting_list=True, merchant=None):
    """Register ``details`` (name, business_name, email, phone) to the session starting
    at ``start``; returns the registration, confirmed or waiting. Raises
    ``SessionUnavailable``, ``SessionFull`` or ``AlreadyRegistered``; nothing is
    written then."""
    workshop = EventPage.objects.live().filter(pk=workshop.pk, kind="atelier").first()
    if workshop is None or not workshop.capacity:
        raise SessionUnavailable
    if (
        start <= now
        or not EventOccurrence.objects.filter(page=workshop, start=start, cancelled=False).exists()
    ):
        raise SessionUnavailable
    email = details["email"].strip().lower()
    details = {**details, "email": email}
    existing = _existing(workshop, start, email)
    if existing is not None:
        raise AlreadyRegistered(existing)
    taken = set(
        WorkshopRegistration.objects.holding_seats()
        .filter(event=workshop, occurrence_start=start)
        .values_list("seat", flat=True)
    )
    common = {
        "event": workshop,
        "occurrence_start": start,
        "language": language,
        "created_at": now,
        "merchant": merchant,
        **details,
    }
    for seat in range(1, workshop.capacity + 1):
        if seat in taken:
            continue
        try:
            with transaction.atomic():
                return WorkshopRegistration.objects.create(
                    seat=seat, status=Status.CONFIRMED, **common
                )
        except IntegrityError:
            existing = _existing(workshop, start, email)
            if existing is not None:  # the same person, twice at once
                raise AlreadyRegistered(existing) from None
            continue  # someone took this seat in the meantime
    if not waiting_list:
        raise SessionFull
    try:
        with transaction.atomic():
            return WorkshopRegistration.objects.create(seat=None, status=Status.WAITING, **common)
    except IntegrityError:
        raise AlreadyRegistered(_existing(workshop, start, email)) from None


def cancel(registration, now):
    """Cancel from the person's link; returns ``(registration, cancelled now, promoted
    registration or None)``. Raises ``CancellationRefused``."""
    with transaction.atomic():
        locked = (
            WorkshopRegistration.objects.select_for_update(of=("self",))
            .select_related("event")
            .get(pk=registration.pk)
        )
        if locked.status == Status.CANCELLED:
            return locked, False, None
        refusal = locked.cancellation_refused(now)
        if refusal is not None:
            raise CancellationRefused(refusal)
        seat = locked.seat
        locked.status = Status.CANCELLED
        locked.seat = None
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["status", "seat", "cancelled_at"])
        promoted = _promote(locked, seat, now) if seat is not None else None
    return locked, True, promoted


def _promote(cancelled, seat, now):
    """Give ``seat`` to the first person waiting for the same session, if any."""
    waiting = (
        WorkshopRegistration.objects.waiting()
        .filter(event_id=cancelled.event_id, occurrence_start=cancelled.occurrence_start)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("event")
        .first()
    )
    if waiting is None:
        return None
    waiting.seat = seat
    waiting.status = Status.CONFIRMED
    waiting.promoted_at = now
    waiting.save(update_fields=["seat", "status", "promoted_at"])
    return waiting


def registration_token(registration):
    return signing.dumps(registration.pk, salt=TOKEN_SALT)


def registration_from_token(token, now):
    """The registration a token names, or None (forged, altered or purged); raises
    ``LinkExpired`` past its lifetime."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    registration = WorkshopRegistration.objects.filter(pk=pk).select_related("event").first()
    if registration is not None and now > registration.link_expires_at:
        raise LinkExpired
    return registration
