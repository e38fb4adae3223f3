"""Creating, confirming and cancelling requests, and the resident's signed link.

Seats: a slot of capacity N has seats 1..N. A booking takes the lowest seat that is
free; the unique constraint on (merchant, slot, seat) makes the database the judge
when two residents take the same seat at once: the second insert fails, and the next
seat is tried. When none is left the slot is full. No lock is held between requests.

The resident's link is signed, works until ``PickupRequest.link_expires_at``, and
cancels only when ``PickupRequest.cancellation_refused`` allows it, the rule the
request's page shows.
"""

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from merchants.collect.models import PickupRequest
from merchants.collect.slots import find_slot

TOKEN_SALT = "call_collect.request-link"  # noqa: S105  (a salt, not a secret)


class SlotUnavailable(Exception):
    """The slot is in the past, outside opening hours, or not one of the shop's."""


class SlotFull(Exception):
    """Every seat of the slot is taken."""


class LinkExpired(Exception):
    """The resident's link is genuine but past ``PickupRequest.link_expires_at``."""


class CancellationRefused(Exception):
    """The resident may no longer cancel (``PickupRequest.cancellation_refused``)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def request_token(pickup_request):
    """The signed, unguessable part of the resident's link to their request."""
    return signing.dumps(pickup_request.pk, salt=TOKEN_SALT)


def request_from_token(token, now):
    """The request a token names, or None (forged, altered or purged); raise
    ``LinkExpired`` when its link no longer works at ``now``."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    pickup_request = PickupRequest.objects.filter(pk=pk).select_related("merchant").first()
    if pickup_request is not None and now > pickup_request.link_expires_at:
        raise LinkExpired
    return pickup_request


def create_callback(merchant, details, language, now):
    return PickupRequest.objects.create(
        merchant=merchant,
        kind=PickupRequest.Kind.CALLBACK,
        language=language,
        created_at=now,
        **details,
    )


def book(merchant, start, details, language, now):
    """Book a seat of the slot starting at ``start``; raise ``SlotUnavailable`` or
    ``SlotFull``."""
    slot = find_slot(merchant, start, now)
    if slot is None:
        raise SlotUnavailable
    taken = set(
        PickupRequest.objects.holding_seats()
        .filter(merchant=merchant, slot_start=slot.start)
        .values_list("seat", flat=True)
    )
    for seat in range(1, slot.capacity + 1):
        if seat in taken:
            continue
        try:
            with transaction.atomic():
                return PickupRequest.objects.create(
                    merchant=merchant,
                    kind=PickupRequest.Kind.BOOKING,
                    slot_start=slot.start,
                    seat=seat,
                    language=language,
                    created_at=now,
                    **details,
                )
        except IntegrityError:
            continue  # someone took this seat in the meantime
    raise SlotFull


def confirm(pickup_request, message=""):
    pickup_request.status = PickupRequest.Status.CONFIRMED
    pickup_request.confirmed_at = timezone.now()
    pickup_request.merchant_message = message
    pickup_request.save(update_fields=["status", "confirmed_at", "merchant_message"])


def mark_done(pickup_request):
    pickup_request.status = PickupRequest.Status.DONE
    pickup_request.closed_at = timezone.now()
    pickup_request.save(update_fields=["status", "closed_at"])


def cancel_by_resident(pickup_request, now):
    """Cancel from the resident's link if ``cancellation_refused`` allows it at ``now``.

    Returns the request, cancelled, and whether this call cancelled it (False: it
    already was, e.g. a double click); raises ``CancellationRefused``. The row is locked,
    so that two clicks, or the resident and the merchant answering at the same moment,
    take turns and only one of them changes it (and emails).
    """
    with transaction.atomic():
        locked = (
            PickupRequest.objects.select_for_update(of=("self",))
            .select_related("merchant")
            .get(pk=pickup_request.pk)
        )
        if locked.status == PickupRequest.Status.CANCELLED:
            return locked, False
        refusal = locked.cancellation_refused(now)
        if refusal is not None:
            raise CancellationRefused(refusal)
        cancel(locked)
    return locked, True


def cancel(pickup_request, message=""):
    """Cancel and free the seat, so that someone else may book the slot."""
    pickup_request.status = PickupRequest.Status.CANCELLED
    pickup_request.closed_at = timezone.now()
    pickup_request.seat = None
    if message:
        pickup_request.merchant_message = message
    pickup_request.save(update_fields=["status", "closed_at", "seat", "merchant_message"])
