"""The portal's emails, each written in its recipient's language.

Links point at ``WAGTAILADMIN_BASE_URL`` (the site's public address, also used by
Wagtail's own notifications) because most of these emails are sent while the team
works in the admin, not while the merchant is on the site.

Sending never breaks the action that triggered it: a mail server that is down is
logged, and the approval, invitation or request is still saved.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.users.models import UserProfile

from home import mail
from home.mail import absolute_url
from home.roles import COMMUNICATION
from merchants.portal.models import MerchantAccount

logger = logging.getLogger(__name__)


def portal_url(name, language, **kwargs):
    """The portal address ``name`` in ``language`` (``/espace-commercant/…`` or
    ``/en/merchant-area/…``)."""
    with translation.override(language):
        return absolute_url(reverse(f"merchant_portal:{name}", kwargs=kwargs or None))


def public_url(page):
    """The page's public address, or "" when it is not published."""
    url_parts = page.get_url_parts() if page.live else None
    return absolute_url(url_parts[2]) if url_parts else ""


def send(messages):
    """Send ``(recipient email, language, template, context)`` messages (templates
    under ``merchant_portal/emails/``); returns how many were sent."""
    return mail.send(
        (address, language, f"merchant_portal/emails/{template}", context)
        for address, language, template, context in messages
    )


def invitation_link(account, token_generator):
    user = account.user
    return portal_url(
        "invitation",
        account.language,
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=token_generator.make_token(user),
    )


def send_invitation(account, token_generator, days_valid):
    context = {
        "merchant": account.merchant,
        "link": invitation_link(account, token_generator),
        "login_url": portal_url("login", account.language),
        "days_valid": days_valid,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return send([(account.user.email, account.language, "invitation", context)])


def _merchant_recipients(page):
    accounts = MerchantAccount.objects.active().filter(merchant=page).select_related("user")
    return [account for account in accounts if account.user.email]


def notify_changes_approved(page):
    messages = [
        (
            account.user.email,
            account.language,
            "changes_approved",
            {
                "merchant": page,
                "page_url": public_url(page),
                "dashboard_url": portal_url("dashboard", account.language),
            },
        )
        for account in _merchant_recipients(page)
    ]
    return send(messages)


def notify_changes_requested(page, comment):
    messages = [
        (
            account.user.email,
            account.language,
            "changes_requested",
            {
                "merchant": page,
                "comment": comment,
                "edit_url": portal_url("profile", account.language),
                "dashboard_url": portal_url("dashboard", account.language),
            },
        )
        for account in _merchant_recipients(page)
    ]
    return send(messages)


def send_verification_reminder(account):
    """The yearly "are your details still right?" email (``merchants.portal.reminders``);
    returns whether it was sent."""
    page = account.merchant
    context = {
        "merchant": page,
        "last_verified": page.last_verified,
        "page_url": public_url(page),
        "dashboard_url": portal_url("dashboard", account.language),
    }
    return send([(account.user.email, account.language, "verification_reminder", context)]) == 1


def team_members():
    """Active members of the communications team who have an email address."""
    return (
        get_user_model()
        .objects.filter(groups__name=COMMUNICATION, is_active=True)
        .exclude(email="")
        .distinct()
    )


def notify_team_of_listing_request(listing_request):
    """Tell the communications team, each in their admin language, that a shop asked to
    be listed, with a link to the draft page to check and publish."""
    edit_url = ""
    if listing_request.page_id:
        edit_url = absolute_url(reverse("wagtailadmin_pages:edit", args=[listing_request.page_id]))
    messages = []
    for member in team_members():
        language = UserProfile.get_for_user(member).get_preferred_language()
        messages.append(
            (
                member.email,
                language,
                "listing_request",
                {"listing": listing_request, "edit_url": edit_url},
            )
        )
    if not messages:
        logger.warning(
            "Listing request %s: nobody in the communications team to tell.", listing_request.pk
        )
    return send(messages)


def send_password_reset(user, link):
    account = user.merchant_account
    context = {"link": link, "hours_valid": settings.PASSWORD_RESET_TIMEOUT // 3600}
    return send([(user.email, account.language, "password_reset", context)])
