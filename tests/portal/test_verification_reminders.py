"""The yearly email asking a merchant to confirm their information: sent by the
worker's daily task (its schedule: tests/home/test_background_tasks.py), once a year
per account, in the account's language, through a real SMTP server; confirming on the
dashboard stops it."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from home.background.worker import run_pending_tasks
from merchants.models import MerchantPage
from merchants.opening_hours import PARIS
from merchants.portal.tasks import send_verification_reminders
from tests.smtp import MailServer, body

pytestmark = pytest.mark.django_db

# 14:00 in Paris, when the worker queues the reminders.
AFTERNOON = datetime.datetime(2030, 6, 4, 14, 0, 30, tzinfo=PARIS)


def verified(merchant, days_ago):
    day = AFTERNOON.date() - datetime.timedelta(days=days_ago)
    MerchantPage.objects.filter(pk=merchant.pk).update(last_verified=day)
    return day


def reminders_sent(mail_port, moment):
    """Let the worker run the daily task at ``moment``; the reminders the mail server
    took, by recipient."""
    with time_machine.travel(moment, tick=False), MailServer(mail_port) as server:
        send_verification_reminders.enqueue()
        run_pending_tasks()
        messages = list(server.messages)
    return {
        message["To"]: message
        for message in messages
        if message["To"] in {"a@commerces.example", "b@commerces.example"}
    }


def test_a_year_old_check_gets_one_reminder_a_year_in_the_merchants_language(
    stored_tasks, mail_port, account_a, account_b, merchant_a, merchant_b
):
    verified(merchant_a, days_ago=400)
    verified(merchant_b, days_ago=380)

    sent = reminders_sent(mail_port, AFTERNOON)

    assert set(sent) == {"a@commerces.example", "b@commerces.example"}
    french, english = sent["a@commerces.example"], sent["b@commerces.example"]
    assert str(french["Subject"]).strip() == (
        f"Vos informations de « {merchant_a.title} » sont-elles toujours à jour ?"
    )
    assert "vérifiée pour la dernière fois le 30 avril 2029" in body(french)
    assert reverse("merchant_portal:dashboard") in body(french)
    with translation.override("en"):
        assert reverse("merchant_portal:dashboard") in body(english)
    assert "Bonjour" not in body(english) and "à jour" not in str(english["Subject"])

    # The next days: nothing more, although nobody confirmed.
    assert reminders_sent(mail_port, AFTERNOON + datetime.timedelta(days=1)) == {}
    assert reminders_sent(mail_port, AFTERNOON + datetime.timedelta(days=300)) == {}
    # A year after the first reminder, once more.
    again = reminders_sent(mail_port, AFTERNOON + datetime.timedelta(days=366))
    assert set(again) == {"a@commerces.example", "b@commerces.example"}


def test_a_recent_check_or_a_confirmation_means_no_reminder(
    stored_tasks, mail_port, client, account_a, merchant_a
):
    verified(merchant_a, days_ago=200)
    assert reminders_sent(mail_port, AFTERNOON) == {}

    verified(merchant_a, days_ago=400)
    with time_machine.travel(AFTERNOON - datetime.timedelta(hours=3), tick=False):
        client.force_login(account_a.user)
        response = client.post(reverse("merchant_portal:confirm_up_to_date"))
    assert response.url == reverse("merchant_portal:dashboard")
    merchant_a.refresh_from_db()
    assert merchant_a.last_verified == AFTERNOON.date()
    assert reminders_sent(mail_port, AFTERNOON) == {}


def test_a_merchant_who_never_chose_a_password_is_not_reminded(
    stored_tasks, mail_port, account_a, merchant_a
):
    account_a.activated_at = None
    account_a.save()
    verified(merchant_a, days_ago=400)
    assert reminders_sent(mail_port, AFTERNOON) == {}
