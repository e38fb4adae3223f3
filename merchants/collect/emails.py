"""Call and collect emails, each in its recipient's language.

Residents read the language of the page they used (stored on the request); merchants
read their account's language, as for the portal's own emails. Sending never breaks
the action that triggered it (see ``home.mail``).
"""

from django.urls import reverse
from django.utils import translation

from home import ical, mail
from home.mail import absolute_url
from merchants.collect.booking import request_token
from merchants.collect.visit import calendar_filename, pickup_calendar, visit
from merchants.portal.emails import portal_url
from merchants.portal.models import MerchantAccount


def request_url(pickup_request):
    """The resident's signed link to view or cancel their request, in their language."""
    with translation.override(pickup_request.language):
        return absolute_url(
            reverse("call_collect:detail", kwargs={"token": request_token(pickup_request)})
        )


def send(messages):
    """Send ``(email, language, template, context[, attachments])`` messages (templates
    under ``call_collect/emails/``); returns how many went."""
    return mail.send(
        (address, language, f"call_collect/emails/{template}", context, *attachments)
        for address, language, template, context, *attachments in messages
    )


def calendar_url(pickup_request):
    """The resident's signed link to their pickup's ``.ics``."""
    with translation.override(pickup_request.language):
        return absolute_url(
            reverse("call_collect:calendar", kwargs={"token": request_token(pickup_request)})
        )


def _to_resident(pickup_request, template, with_calendar=False):
    """The resident's email, with what they need to come (address, map, hours that day,
    phone) and, ``with_calendar``, the pickup's ``.ics`` attached."""
    if not pickup_request.email:
        return []
    link = request_url(pickup_request)
    context = {"request": pickup_request, "link": link, "visit": visit(pickup_request)}
    attachments = []
    if pickup_request.is_booking and pickup_request.is_open:
        context["calendar_link"] = calendar_url(pickup_request)
        if with_calendar:
            with translation.override(pickup_request.language):
                content = ical.finish(pickup_calendar(pickup_request, link)).decode()
            attachments = [(calendar_filename(pickup_request), content, "text/calendar")]
    return [(pickup_request.email, pickup_request.language, template, context, attachments)]


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
        _to_resident(pickup_request, "received", with_calendar=True)
        + _to_merchant(pickup_request, "new_request")
    )


def notify_confirmed(pickup_request):
    return send(_to_resident(pickup_request, "confirmed", with_calendar=True))


def notify_cancelled_by_merchant(pickup_request):
    return send(_to_resident(pickup_request, "cancelled"))


def notify_cancelled_by_resident(pickup_request):
    return send(
        _to_resident(pickup_request, "cancelled_by_you")
        + _to_merchant(pickup_request, "resident_cancelled")
    )
