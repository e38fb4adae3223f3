"""Bursts of simultaneous requests against the portal's rate-limited forms: exactly the
limit is accepted, never one more.

Real concurrency needs separate connections and a database that runs transactions side
by side: PostgreSQL (see tests/collect/test_concurrency.py).
"""

from collections import Counter

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from merchants.models import Category, Commune, MerchantPage
from merchants.portal.models import ListingRequest
from tests.collect.conftest import issued
from tests.collect.test_concurrency import post_together
from tests.factories.portal import MerchantAccountFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent submissions need PostgreSQL (SQLite serialises every write); "
        "set DATABASE_URL=postgres://… to run this test.",
    ),
]


def test_bursts_of_password_resets_send_exactly_the_limits(committed_demo):
    merchant = MerchantPage.objects.get(external_id="demo-010", locale__language_code="fr")
    account = MerchantAccountFactory(merchant=merchant, user__username="rafale@commerces.example")
    url = reverse("merchant_portal:password_reset")
    for burst, size in enumerate([24, 36, 48]):
        mail.outbox.clear()
        account.user.refresh_from_db()
        # One account asked for from many addresses: three emails.
        per_account = post_together(
            [
                (Client(REMOTE_ADDR=f"192.0.{burst}.{number}"), url, {"email": account.user.email})
                for number in range(size)
            ]
        )
        # One address asking for many accounts: six answers, the rest refused.
        per_address = post_together(
            [
                (Client(REMOTE_ADDR=f"203.0.113.{burst}"), url, {"email": f"x{n}@example.org"})
                for n in range(size)
            ]
        )
        assert sorted(per_account) == [302] * 3 + [429] * (size - 3), (burst, Counter(per_account))
        assert sorted(per_address) == [302] * 6 + [429] * (size - 6), (burst, Counter(per_address))
        assert [message.to for message in mail.outbox] == [[account.user.email]] * 3
        # The next hour's quota for this account is the one tested by the next burst.
        account.user.email = account.user.username = f"rafale{burst}@commerces.example"
        account.user.save()


def test_bursts_of_listing_requests_from_one_address_create_exactly_the_limit(committed_demo):
    category = Category.objects.filter(locale__language_code="fr").first()
    commune = Commune.objects.get(insee_code="26347")
    url = reverse("merchant_listing:request")
    for burst in range(4):
        size = 12
        requests = [
            (
                Client(REMOTE_ADDR=f"198.51.100.{burst + 1}"),
                url,
                {
                    "title": f"Commerce {burst}-{number}",
                    "category": str(category.pk),
                    "commune": str(commune.pk),
                    "street_address": "3 rue des Alpes",
                    "postcode": "26600",
                    "phone": "",
                    "email": "",
                    "website": "",
                    "description": "Fromages fermiers de la Drôme et de l'Ardèche.",
                    "contact_name": "Claire Martin",
                    "contact_email": f"claire{burst}{number}@fromages.example",
                    "contact_phone": "",
                    "message": "",
                    "consent": "on",
                    "website_confirmation": "",
                    "issued": issued(),
                },
            )
            for number in range(size)
        ]

        statuses = post_together(requests)

        assert sorted(statuses) == [302] * 3 + [429] * (size - 3), (burst, Counter(statuses))
        assert ListingRequest.objects.count() == 3 * (burst + 1)
        assert MerchantPage.objects.filter(title__startswith=f"Commerce {burst}-").count() == 3
