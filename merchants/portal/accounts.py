"""Creating, inviting and revoking merchant accounts.

An invitation creates the user with an unusable password and emails a link to choose
one. The link carries a token from ``InvitationTokenGenerator``: Django's password-reset
token (bound to the user's password hash and last login, so it works once) with its own
salt and a longer validity (``MERCHANT_INVITATION_TIMEOUT``, a week) than "forgotten
password" links (``PASSWORD_RESET_TIMEOUT``, a day).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from merchants.portal import emails
from merchants.portal.models import MerchantAccount


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset token, with its own salt and the invitation's lifetime."""

    key_salt = "merchants.portal.accounts.InvitationTokenGenerator"

    def check_token(self, user, token):
        """Django's ``check_token`` (what ``PasswordResetConfirmView`` calls), with
        ``MERCHANT_INVITATION_TIMEOUT`` instead of ``PASSWORD_RESET_TIMEOUT``.

        Django 5.2 reads ``settings.PASSWORD_RESET_TIMEOUT`` inside ``check_token``
        itself, with no hook for another lifetime, so the whole check is restated here:
        parse the token, compare it with the current and the fallback secrets, then
        its age.
        """
        if not (user and token):
            return False
        try:
            timestamp_b36, _hash = token.split("-")
            timestamp = base36_to_int(timestamp_b36)
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            expected = self._make_token_with_timestamp(user, timestamp, secret)
            if constant_time_compare(expected, token):
                break
        else:
            return False
        age = self._num_seconds(self._now()) - timestamp
        return age <= settings.MERCHANT_INVITATION_TIMEOUT


invitation_token_generator = InvitationTokenGenerator()


def normalize_email(email):
    return (email or "").strip().lower()


def email_is_taken(email):
    email = normalize_email(email)
    User = get_user_model()
    return User.objects.filter(username__iexact=email).exists() or (
        User.objects.filter(email__iexact=email).exists()
    )


def silence_admin_notifications(user):
    """Merchants are told about reviews by the portal's own emails (in their language,
    with portal links); Wagtail's moderation emails would send them to admin pages
    they cannot open."""
    profile = UserProfile.get_for_user(user)
    profile.submitted_notifications = False
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.updated_comments_notifications = False
    profile.save()


@transaction.atomic
def create_account(email, merchant, language, invited_by=None):
    """Create the user (no usable password) and the account; send nothing."""
    email = normalize_email(email)
    if email_is_taken(email):
        raise ValidationError(
            {"email": _("Un compte existe déjà avec cette adresse e-mail.")}, code="taken"
        )
    user = get_user_model()(username=email, email=email, is_active=True)
    user.set_unusable_password()
    user.save()
    silence_admin_notifications(user)
    return MerchantAccount.objects.create(
        user=user, merchant=merchant, language=language, invited_by=invited_by
    )


def send_invitation(account):
    days = settings.MERCHANT_INVITATION_TIMEOUT // (60 * 60 * 24)
    return emails.send_invitation(account, invitation_token_generator, days)


@transaction.atomic
def invite(email, merchant, language, invited_by=None):
    """Create the account and email its set-password link (queued with it). Returns
    the account."""
    account = create_account(email, merchant, language, invited_by)
    send_invitation(account)
    return account


@transaction.atomic
def revoke(account):
    """Withdraw access at once: the user is deactivated (Django then ignores their open
    sessions) and the password made unusable, which also voids pending links."""
    user = account.user
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])
    account.revoked_at = timezone.now()
    account.save(update_fields=["revoked_at"])


def restore(account, invited_by=None):
    """Give access back: the person chooses a new password from a new invitation."""
    with transaction.atomic():
        user = account.user
        user.is_active = True
        user.save(update_fields=["is_active"])
        account.revoked_at = None
        account.activated_at = None
        account.invited_at = timezone.now()
        account.invited_by = invited_by
        account.save(update_fields=["revoked_at", "activated_at", "invited_at", "invited_by"])
        send_invitation(account)


@transaction.atomic
def resend_invitation(account, invited_by=None):
    account.invited_at = timezone.now()
    account.invited_by = invited_by
    account.save(update_fields=["invited_at", "invited_by"])
    send_invitation(account)
