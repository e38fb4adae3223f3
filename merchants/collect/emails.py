"""Call and collect emails, each in its recipient's language.

Residents read the language of the page they used (stored on the request); merchants
read their account's language, as for the portal's own emails. Sending never breaks
the action that triggered it (see ``merchants.portal.emails``).
"""

import logging

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from merchants.collect.booking import request_token
from merchants.portal.emails import absolute_url, portal_url
from merchants.portal.models import MerchantAccount

logger = logging.getLogger(__name__)


def request_url(pickup_request):
    """The resident's signed link to view or cancel their request, in their language."""
    with translation.override(pickup_request.language):
        return absolute_url(
            reverse("call_collect:detail", kwargs={"token": request_token(pickup_request)})
        )


def _render(template, context, language):
    with translation.override(language):
        subject = render_to_string(f"call_collect/emails/{template}_subject.txt", context)
        body = render_to_string(f"call_collect/emails/{template}.txt", context)
    return " ".join(subject.split()), body.strip() + "\n"


def send(messages):
    """Send ``(email, language, template, context)`` messages; returns how many went."""
    sent = 0
    try:
        with get_connection() as connection:
            for email, language, template, context in messages:
                subject, body = _render(template, {**context, "language": language}, language)
                try:
                    EmailMessage(subject, body, to=[email], connection=connection).send()
                    sent += 1
                except Exception:
                    logger.exception("Could not send the call & collect email %r", template)
    except (OSError, TimeoutError):
        logger.exception("Mail server unreachable: call & collect emails not sent")
    return sent


def _to_resident(pickup_request, template):
    if not pickup_request.email:
        return []
    context = {"request": pickup_request, "link": request_url(pickup_request)}
    return [(pickup_request.email, pickup_request.language, template, context)]


def _to_merchant(pickup_request, template):
    accounts = (
        MerchantAccount.objects.active()
        .filter(merchant_id=pickup_request.merchant_id)
        .select_related("user")
    )
    return [
        (
            account.user.email,
            account.language,
            template,
            {
                "request": pickup_request,
                "link": portal_url("collect_requests", account.language),
            },
        )
        for account in accounts
        if account.user.email
    ]


def notify_new_request(pickup_request):
    """The resident's receipt and the merchant's notice."""
    return send(
        _to_resident(pickup_request, "received") + _to_merchant(pickup_request, "new_request")
    )


def notify_confirmed(pickup_request):
    return send(_to_resident(pickup_request, "confirmed"))


def notify_cancelled_by_merchant(pickup_request):
    return send(_to_resident(pickup_request, "cancelled"))


def notify_cancelled_by_resident(pickup_request):
    return send(
        _to_resident(pickup_request, "cancelled_by_you")
        + _to_merchant(pickup_request, "resident_cancelled")
    )
