"""Plain-text emails written in their recipient's language.

Each message is ``(address, language, template, context)``, optionally followed by
``attachments``, a list of ``(filename, content, mimetype)`` (text, e.g. a workshop's
``.ics``): ``template`` names two
templates, ``<template>_subject.txt`` and ``<template>.txt``, rendered with the
recipient's language active by the "text" template engine (``settings.TEMPLATES``),
which does not HTML-escape: a plain-text email shows names as they were typed. Sending
never breaks the action that triggered it: a mail server that is down is logged, and
what the user did is still saved.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)
TEXT_ENGINE = "text"


def absolute_url(path):
    """``path`` on the site's public address (``WAGTAILADMIN_BASE_URL``)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def render(template, context, language):
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context, using=TEXT_ENGINE)
        body = render_to_string(f"{template}.txt", context, using=TEXT_ENGINE)
    return " ".join(subject.split()), body.strip() + "\n"


def send(messages):
    """Send the messages on one connection; returns how many were sent."""
    sent = 0
    try:
        with get_connection() as connection:
            for address, language, template, context, *rest in messages:
                subject, body = render(template, {**context, "language": language}, language)
                attachments = rest[0] if rest else None
                try:
                    EmailMessage(
                        subject, body, to=[address], connection=connection, attachments=attachments
                    ).send()
                    sent += 1
                except Exception:
                    logger.exception("Could not send the email %r to %s", template, address)
    except (OSError, TimeoutError):
        logger.exception("Mail server unreachable: emails not sent")
    return sent
