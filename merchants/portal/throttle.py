"""Keeping robots out of the public forms without a third-party service.

Three checks, each cheap for a person and costly for a robot:

- a honeypot field hidden from people (see ``ListingRequestForm``);
- a signed timestamp issued with the form: a form sent back within a few seconds was not
  typed by a person, one older than a few hours is stale (and may have been harvested);
- a per-address rate limit, counted on a keyed hash of the client address so that the
  address itself is never stored.
"""

import datetime
import time

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.crypto import salted_hmac

from merchants.portal.models import FormSubmission

TIMESTAMP_SALT = "merchants.portal.form-timestamp"
CLIENT_SALT = "merchants.portal.client-address"
# A person needs more than this to fill in even the shortest form.
MIN_FILL_SECONDS = 4
# A form left open longer than this is sent again with a fresh timestamp.
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
    """The signed value put in the form when it is displayed."""
    return signing.TimestampSigner(salt=TIMESTAMP_SALT).sign(str(int(time.time())))


class TimestampError(Exception):
    """The form came back too fast, too late or with a forged timestamp."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def check_timestamp(value):
    """Raise ``TimestampError`` ("invalid", "too_fast", "expired") unless plausible."""
    signer = signing.TimestampSigner(salt=TIMESTAMP_SALT)
    try:
        issued = int(signer.unsign(value or "", max_age=MAX_FORM_AGE))
    except signing.SignatureExpired as error:
        raise TimestampError("expired") from error
    except (signing.BadSignature, ValueError) as error:
        raise TimestampError("invalid") from error
    if time.time() - issued < MIN_FILL_SECONDS:
        raise TimestampError("too_fast")


def is_rate_limited(request, form_name, *, key=None, limit=RATE_LIMIT):
    """True when this client already sent ``limit`` forms within ``RATE_WINDOW``.

    ``key`` counts something else than the client address (e.g. a ``keyed_hash`` of the
    phone number typed in the form)."""
    since = timezone.now() - RATE_WINDOW
    recent = FormSubmission.objects.filter(
        form=form_name, client=key or client_key(request), created_at__gte=since
    )
    return recent.count() >= limit


def record_submission(request, form_name, *, key=None):
    """Count one submission from this client (or ``key``) and forget the ones older
    than a day."""
    now = timezone.now()
    FormSubmission.objects.filter(created_at__lt=now - KEEP_RECORDS).delete()
    FormSubmission.objects.create(
        form=form_name, client=key or client_key(request), created_at=now
    )
