"""Keeping robots and floods out of the public forms without a third-party service.

Checks, each cheap for a person and costly for a robot:

- a honeypot field hidden from people (see ``ListingRequestForm``);
- a signed timestamp issued with the form: a form sent back within a few seconds was not
  typed by a person, one older than a few hours is stale (and may have been harvested),
  and one client may send each value back once (``check_timestamp``);
- rate limits per client address, phone number or email address, counted on keyed
  hashes so that what is counted is never stored, and enforced in one transaction with
  what the submission creates (``submit_within_limits``), so that simultaneous requests
  cannot overshoot them.
"""

import datetime
import hashlib
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac

from merchants.portal.models import FormSubmission, UsedFormStamp

TIMESTAMP_SALT = "merchants.portal.form-timestamp"
CLIENT_SALT = "merchants.portal.client-address"
STAMP_SALT = "merchants.portal.used-form-stamp"
# A person needs more than this to fill in even the shortest form.
MIN_FILL_SECONDS = 4
# A form left open longer than this is sent again with a fresh timestamp. A cached page
# carrying the forms must be cached for less than this.
MAX_FORM_AGE = datetime.timedelta(hours=3)
RATE_WINDOW = datetime.timedelta(hours=1)
RATE_LIMIT = 3
KEEP_RECORDS = datetime.timedelta(days=1)


def client_ip(request):
    """The client's address, trusting ``TRUSTED_PROXY_COUNT`` proxies' X-Forwarded-For.

    Also used by django-axes (``AXES_CLIENT_IP_CALLABLE``) so that login throttling and
    the listing form agree on who the client is.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        # Each trusted proxy appends the address it received the request from; what the
        # client wrote itself (leftmost entries) can be forged and is ignored.
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def keyed_hash(salt, value):
    """A keyed hash of ``value`` (an address, a phone number): stable, but useless
    without SECRET_KEY, so that rate limits never store what they count."""
    return salted_hmac(salt, value, algorithm="sha256").hexdigest()


def client_key(request):
    """A keyed hash of the client address."""
    return keyed_hash(CLIENT_SALT, client_ip(request))


def issue_timestamp():
    """The signed value put in the form when it is displayed: the time, and a nonce that
    makes each rendered form's value its own."""
    payload = f"{int(time.time())}.{secrets.token_urlsafe(12)}"
    return signing.TimestampSigner(salt=TIMESTAMP_SALT).sign(payload)


class TimestampError(Exception):
    """The form came back too fast, too late, forged, or a second time."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def check_timestamp(value, client_key=""):
    """Raise ``TimestampError`` ("invalid", "too_fast", "expired", "reused") unless
    plausible; a plausible value is then spent for this client (``client_key``).

    Spent per client rather than for everyone: a cached page gives all its visitors the
    same value, and each of them may still send the form once. A robot that harvested
    one value gets one submission per address, within that address's rate limits.
    """
    signer = signing.TimestampSigner(salt=TIMESTAMP_SALT)
    try:
        issued, nonce = signer.unsign(value or "", max_age=MAX_FORM_AGE).split(".")
        issued = int(issued)
    except signing.SignatureExpired as error:
        raise TimestampError("expired") from error
    except (signing.BadSignature, ValueError) as error:
        raise TimestampError("invalid") from error
    if time.time() - issued < MIN_FILL_SECONDS:
        raise TimestampError("too_fast")
    now = timezone.now()
    # A value older than MAX_FORM_AGE is refused as expired: its record is useless.
    UsedFormStamp.objects.filter(used_at__lt=now - MAX_FORM_AGE).delete()
    try:
        with transaction.atomic():
            UsedFormStamp.objects.create(
                digest=keyed_hash(STAMP_SALT, f"{nonce}:{client_key}"), used_at=now
            )
    except IntegrityError:
        raise TimestampError("reused") from None


@dataclass(frozen=True)
class Limit:
    """At most ``limit`` submissions of ``form`` counted on ``key`` (a ``keyed_hash``)
    within ``RATE_WINDOW``."""

    form: str
    key: str
    limit: int = RATE_LIMIT

    @classmethod
    def per_client(cls, request, form, limit=RATE_LIMIT):
        """The limit counted on the client address."""
        return cls(form, client_key(request), limit)

    @property
    def lock_id(self):
        """A 64-bit number naming this (form, key) for PostgreSQL's advisory locks."""
        digest = hashlib.sha256(f"{self.form}:{self.key}".encode()).digest()
        return int.from_bytes(digest[:8], "big", signed=True)

    def recent(self, now):
        return FormSubmission.objects.filter(
            form=self.form, client=self.key, created_at__gte=now - RATE_WINDOW
        )


class RateLimited(Exception):
    """One of the limits is reached: the submission was neither run nor counted."""


def is_limited(limits):
    """Whether one of ``limits`` is already reached: an early look, without a lock, to
    refuse before doing any work. ``submit_within_limits`` is the one that holds."""
    now = timezone.now()
    return any(limit.recent(now).count() >= limit.limit for limit in limits)


def submit_within_limits(limits, action):
    """Run ``action()`` and count it against each of ``limits``, or raise ``RateLimited``.

    Counting, checking and running ``action`` are one transaction, and submissions
    counted on the same key take turns until it commits: on PostgreSQL a transaction
    advisory lock per (form, key), taken in a fixed order so that two submissions never
    wait for each other; on SQLite, which has one writer at a time, the counting insert
    comes first and takes the database's write lock before anything is read. So a limit
    of 6 accepts 6 of 60 simultaneous requests, never 7.

    What ``action`` writes is part of the transaction: when it raises, or returns None
    (it refused, e.g. a slot that just filled up), everything is rolled back and nothing
    is counted. Queue the emails it causes inside ``action`` (``home.mail.send``), so
    that they are saved, or rolled back, with what they tell about.
    """
    now = timezone.now()
    _forget_old_submissions(now)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for lock_id in sorted({limit.lock_id for limit in limits}):
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])
        FormSubmission.objects.bulk_create(
            [FormSubmission(form=limit.form, client=limit.key, created_at=now) for limit in limits]
        )
        # The counts include this submission.
        if any(limit.recent(now).count() > limit.limit for limit in limits):
            raise RateLimited
        result = action()
        if result is None:
            transaction.set_rollback(True)
        return result


def record_attempt(limits):
    """Count a refused attempt (a robot's) against ``limits``, so that robots cannot
    retry for ever."""
    now = timezone.now()
    _forget_old_submissions(now)
    FormSubmission.objects.bulk_create(
        [FormSubmission(form=limit.form, client=limit.key, created_at=now) for limit in limits]
    )


def _forget_old_submissions(now):
    # Outside the counting transaction: it deletes other clients' rows, and must not
    # wait for their locks while holding its own.
    FormSubmission.objects.filter(created_at__lt=now - KEEP_RECORDS).delete()


def too_many_requests(request, template, context=None):
    """The readable 429 page of a rate-limited form, with ``Retry-After``."""
    seconds = int(RATE_WINDOW.total_seconds())
    context = {"minutes": seconds // 60, **(context or {})}
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(seconds)
    return response
