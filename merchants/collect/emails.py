"""Call and collect emails, each in its recipient's language.

Residents read the language of the page they used (stored on the request); merchants
read their account's language, as for the portal's own emails. Sending never breaks
the action that triggered it (see ``home.mail``).
"""

from django.urls import reverse
from django.utils import translation

from home import mail
from home.mail import absolute_url
from merchants.collect.booking import request_token
from merchants.portal.emails import portal_url
from merchants.portal.models import MerchantAccount


def request_url(pickup_request):
    """The resident's signed link to view or cancel their request, in their language."""
    with translation.override(pickup_request.language):
        return absolute_url(
            reverse("call_collect:detail", kwargs={"token": request_token(pickup_request)})
        )


def send(messages):
    """Send ``(email, language, template, context)`` messages (templates under
    ``call_collect/emails/``); returns how many went."""
    return mail.send(
        (address, language, f"call_collect/emails/{template}", context)
        for address, language, template, context in messages
    )


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
