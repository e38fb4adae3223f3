"""The portal's pages cost the same number of queries with 2,000 merchant accounts."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from merchants.models import MerchantPage
from merchants.portal.models import MerchantAccount
from tests.portal.conftest import profile_data
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db

# Upper bounds. Session and user, the merchant's account with its page, then what each
# page shows: the dashboard's call & collect figures (2) and offers (the offers with their
# latest revisions, their reviews: 2; tests/offers/test_portal.py), the photos' states (the last
# approved submission, the images: 3). The menu, footer, settings and header's search
# box cost one query, the version of the frame every page shares (home.frame).
PORTAL_QUERIES = {
    "merchant_portal:dashboard": 23,
    "merchant_portal:profile": 23,
    "merchant_portal:hours": 17,
    "merchant_portal:photos": 20,
    # The merchant has an English page (switcher target); the preview shows the shop's
    # coming events (2 queries) and its offers (3: tests/offers) as its public page does.
    "merchant_portal:preview": 25,
}


def _accounts(count):
    User = get_user_model()
    merchants = list(MerchantPage.objects.filter(locale__language_code="fr")[:50])
    users = User.objects.bulk_create(
        [
            User(username=f"compte{n}@commerces.example", email=f"compte{n}@commerces.example")
            for n in range(count)
        ]
    )
    MerchantAccount.objects.bulk_create(
        [
            MerchantAccount(user=user, merchant=merchants[n % len(merchants)])
            for n, user in enumerate(users)
        ]
    )


@pytest.mark.parametrize("url_name", PORTAL_QUERIES)
def test_portal_pages_have_a_fixed_query_count(client_a, merchant_a, url_name):
    # A pending change, so that every page has something to read from the workflow.
    client_a.post(
        reverse("merchant_portal:profile"), profile_data(merchant_a, description="En attente")
    )
    url = reverse(url_name)
    response = assert_constant_queries(
        lambda: client_a.get(url), lambda: _accounts(2000), at_most=PORTAL_QUERIES[url_name]
    )
    assert response.status_code == 200
    assert MerchantAccount.objects.count() >= 2000
