"""Forgotten-password emails are limited per account and per client address.

Three links an hour for one email address (however it is typed, from wherever it is
asked), six requests an hour from one client address (whatever addresses it asks for).
Unknown addresses get exactly the same answers, so the limits reveal no account.
"""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from merchants.portal.models import FormSubmission

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def ask(email, address="192.0.2.1", url=None, **extra):
    """Ask for a link from ``address`` (a new browser each time)."""
    client = Client(REMOTE_ADDR=address)
    return client.post(url or reverse("merchant_portal:password_reset"), {"email": email}, **extra)


def test_one_account_gets_three_links_an_hour_however_its_address_is_typed(
    account_a, frozen_clock
):
    email = account_a.user.email
    for number, typed in enumerate([email, email.upper(), f"  {email.title()} "]):
        response = ask(typed, address=f"192.0.2.{number}")
        assert response.status_code == 302
        assert response.url == reverse("merchant_portal:password_reset_done")
    assert [message.to for message in mail.outbox] == [[email]] * 3

    response = ask(email.capitalize(), address="192.0.2.50")

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    content = response.content.decode()
    assert "Trop de demandes" in content
    assert "Réessayez dans 60 minutes" in content
    assert len(mail.outbox) == 3
    # An hour later the merchant can ask again.
    frozen_clock.shift(datetime.timedelta(minutes=61))
    assert ask(email, address="192.0.2.51").status_code == 302
    assert len(mail.outbox) == 4


def test_the_limit_page_is_translated(account_b):
    with translation.override("en"):
        url = reverse("merchant_portal:password_reset")
    assert url.startswith("/en/merchant-area/")
    for number in range(3):
        assert ask(account_b.user.email, f"192.0.2.{number}", url).status_code == 302
    response = ask(account_b.user.email, "192.0.2.9", url)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    content = response.content.decode()
    assert '<html lang="en">' in content
    assert "Too many requests" in content
    assert len(mail.outbox) == 3


def test_unknown_addresses_get_exactly_the_same_answers(account_a):
    def answers(email, network):
        responses = [ask(email, f"{network}.{number}") for number in range(4)]
        return [response.status_code for response in responses], responses[-1]

    known, known_refusal = answers(account_a.user.email, "192.0.2")
    sent = len(mail.outbox)
    unknown, unknown_refusal = answers("personne@commerces.example", "198.51.100")

    assert known == unknown == [302, 302, 302, 429]
    assert sent == 3 and len(mail.outbox) == 3
    assert known_refusal["Retry-After"] == unknown_refusal["Retry-After"]
    assert known_refusal.content == unknown_refusal.content


def test_one_client_address_asks_for_six_links_an_hour(account_a):
    for number in range(6):
        assert ask(f"inconnu{number}@example.org", "203.0.113.9").status_code == 302

    response = ask(account_a.user.email, "203.0.113.9")

    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert mail.outbox == []
    # Another address is not affected.
    assert ask(account_a.user.email, "203.0.113.10").status_code == 302
    assert [message.to for message in mail.outbox] == [[account_a.user.email]]


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_address_it_saw_is_counted_not_what_the_client_wrote(account_a):
    for number in range(6):
        # The leftmost entry is written by the client: forged, and ignored.
        response = ask(
            f"inconnu{number}@example.org",
            "127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.20",
        )
        assert response.status_code == 302
    refused = ask(
        account_a.user.email, "127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.20"
    )
    assert refused.status_code == 429
    assert mail.outbox == []
    other = ask(account_a.user.email, "127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.21")
    assert other.status_code == 302
    assert len(mail.outbox) == 1


def test_the_admin_reset_page_shares_the_limits(account_a, team_member):
    admin_reset = reverse("wagtailadmin_password_reset")
    assert admin_reset == "/admin/password_reset/"
    # Alternating between the two pages does not double the emails.
    for number in range(3):
        url = admin_reset if number % 2 else None
        assert ask(account_a.user.email, f"192.0.2.{number}", url).status_code == 302
    assert len(mail.outbox) == 3
    response = ask(account_a.user.email, "192.0.2.9", admin_reset)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert len(mail.outbox) == 3

    # The team's own resets are limited the same way.
    for number in range(3):
        assert ask(team_member.email, f"198.51.100.{number}", admin_reset).status_code == 302
    assert ask(team_member.email, "198.51.100.9", admin_reset).status_code == 429
    assert len(mail.outbox) == 6


def test_only_keyed_hashes_are_stored(account_a):
    ask(account_a.user.email, "192.0.2.77")
    keys = list(FormSubmission.objects.values_list("client", flat=True))
    assert len(keys) == 2  # the address and the account
    for key in keys:
        assert len(key) == 64
        assert "192.0.2.77" not in key
        assert "commerces.example" not in key
