"""Plain-text emails written in their recipient's language, delivered by the worker.

Each message is ``(address, language, template, context)``, optionally followed by
``attachments``, a list of ``(filename, content, mimetype)`` (text, e.g. a workshop's
``.ics``): ``template`` names two
templates, ``<template>_subject.txt`` and ``<template>.txt``, rendered with the
recipient's language active by the "text" template engine (``settings.TEMPLATES``),
which does not HTML-escape: a plain-text email shows names as they were typed.

``send`` writes the messages at once, as the change they tell about is made, into the
outbox (``OutgoingEmail``) with the task that delivers them, in the caller's
transaction: call it inside the transaction of that change, and the change and its
emails are saved together or not at all. The worker delivers them (``deliver_emails``);
while the mail server is down they wait, and are tried again with growing delays for
about three days. Each email is struck off the outbox as soon as the server has taken
it, so a task run again (after a failure, or a worker killed mid-way) sends only what
is left. An email the server refuses for good (a 5xx answer) stays in the outbox with
the answer, for the team (*Rapports → Tâches en échec*).
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from home.background.models import OutgoingEmail
from home.background.tasks import background_task
from site_cms.logs import redact

logger = logging.getLogger(__name__)
TEXT_ENGINE = "text"


class MailServerUnavailable(Exception):  # noqa: N818 - reads as "raise MailServerUnavailable"
    """The mail server could not take the emails now (down, busy, a 4xx answer)."""


def absolute_url(path):
    """``path`` on the site's public address (``WAGTAILADMIN_BASE_URL``)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def render(template, context, language):
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context, using=TEXT_ENGINE)
        body = render_to_string(f"{template}.txt", context, using=TEXT_ENGINE)
    return " ".join(subject.split()), body.strip() + "\n"


def send(messages):
    """Write the messages and queue their delivery, in the current transaction;
    returns how many were queued."""
    emails = []
    for address, language, template, context, *rest in messages:
        subject, body = render(template, {**context, "language": language}, language)
        attachments = rest[0] if rest else []
        emails.append(
            OutgoingEmail(
                recipient=address,
                language=language,
                template=template,
                subject=subject,
                body=body,
                attachments=[list(attachment) for attachment in attachments],
            )
        )
    if not emails:
        return 0
    with transaction.atomic():
        created = OutgoingEmail.objects.bulk_create(emails)
        deliver_emails.enqueue([email.pk for email in created])
    return len(created)


def _smtp_code(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return min(codes) if codes else None
    return getattr(error, "smtp_code", None)


def _describe(error):
    """What the server said, without the address it may repeat."""
    code = _smtp_code(error)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = [message for _code, message in error.recipients.values()]
        text = b" ".join(answers).decode("utf-8", "replace")
    elif isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode("utf-8", "replace")
    else:
        text = str(error)
    described = f"{error.__class__.__name__}" + (f" {code}" if code else "") + f": {text}"
    return redact(described)[:1000]


def _is_permanent(error):
    code = _smtp_code(error)
    return code is not None and code >= 500


@background_task(priority=10, max_attempts=12, first_retry_delay=timedelta(seconds=30))
def deliver_emails(email_ids):
    """Deliver the outbox's emails ``email_ids`` that are still waiting."""
    waiting = list(
        OutgoingEmail.objects.filter(pk__in=email_ids, refused_at__isnull=True).order_by("pk")
    )
    delivered = refused = 0
    if not waiting:
        return {"delivered": 0, "refused": 0}
    OutgoingEmail.objects.filter(pk__in=[email.pk for email in waiting]).update(
        attempts=F("attempts") + 1
    )
    try:
        with get_connection() as connection:
            for email in waiting:
                message = EmailMessage(
                    email.subject,
                    email.body,
                    to=[email.recipient],
                    connection=connection,
                    attachments=[tuple(attachment) for attachment in email.attachments],
                )
                try:
                    message.send()
                except Exception as error:
                    if not _is_permanent(error):
                        raise
                    OutgoingEmail.objects.filter(pk=email.pk).update(
                        refused_at=timezone.now(), error=_describe(error)
                    )
                    logger.error(
                        "Email %s (%s) refused: %s", email.pk, email.template, _describe(error)
                    )
                    refused += 1
                    continue
                # Struck off as soon as the server has it: a task run again sends the rest.
                OutgoingEmail.objects.filter(pk=email.pk).delete()
                delivered += 1
                logger.info("Email %s (%s) delivered.", email.pk, email.template)
    except (OSError, smtplib.SMTPException) as error:
        # The worker tries again later (home.background.tasks); the exception carries
        # no address, since its traceback is kept for the team.
        OutgoingEmail.objects.filter(
            pk__in=[email.pk for email in waiting], refused_at__isnull=True
        ).update(error=_describe(error))
        left = len(waiting) - delivered - refused
        raise MailServerUnavailable(
            f"{_describe(error)} ({delivered} delivered, {left} waiting)"
        ) from None
    return {"delivered": delivered, "refused": refused}
