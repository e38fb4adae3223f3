"""The yearly email asking merchants to confirm their information
(``manage.py send_verification_reminders``, run daily by the worker at 14:00).

A shop whose "checked on" date (``MerchantPage.last_verified``) is a year old or more,
or was never set, gets one email per active account; an account is reminded again a
year later at the soonest, even if nobody confirms. "Mes informations sont à jour" on
the dashboard, an hours change or a profile change renews the date.
"""

from django.db.models import Q

from merchants.models import MerchantPage
from merchants.opening_hours import PARIS
from merchants.portal import emails
from merchants.portal.dashboard import VERIFICATION_PERIOD
from merchants.portal.models import MerchantAccount


def accounts_to_remind(now):
    """Active accounts (who chose a password) of live shops due for confirmation."""
    today = now.astimezone(PARIS).date()
    due = MerchantPage.objects.live().filter(
        Q(last_verified__isnull=True) | Q(last_verified__lte=today - VERIFICATION_PERIOD)
    )
    return (
        MerchantAccount.objects.active()
        .filter(activated_at__isnull=False, merchant__in=due)
        .filter(
            Q(verification_reminded_at__isnull=True)
            | Q(verification_reminded_at__lte=now - VERIFICATION_PERIOD)
        )
        .exclude(user__email="")
        .select_related("user", "merchant")
        .order_by("pk")
    )


def send_reminders(now, *, dry_run=False):
    """Send the due reminders; returns how many accounts were (or, with ``dry_run``,
    would be) reminded. An account is marked only once its email has left."""
    accounts = list(accounts_to_remind(now))
    if dry_run:
        return len(accounts)
    sent = 0
    for account in accounts:
        if emails.send_verification_reminder(account):
            account.verification_reminded_at = now
            account.save(update_fields=["verification_reminded_at"])
            sent += 1
    return sent
