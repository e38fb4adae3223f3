"""The communications team invites merchants and withdraws their access in the admin."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from merchants.portal.models import MerchantAccount
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+/)")


def test_team_invites_a_merchant_who_chooses_a_password(team_client, team_member, merchant_a):
    form = team_client.get(reverse("merchant_accounts:add") + f"?merchant={merchant_a.pk}")
    assert form.status_code == 200

    response = team_client.post(
        reverse("merchant_accounts:add"),
        {"email": " Nouvelle@Commerces.example ", "merchant": merchant_a.pk, "language": "fr"},
    )

    assert response.status_code == 302
    account = MerchantAccount.objects.get(user__email="nouvelle@commerces.example")
    assert account.merchant_id == merchant_a.pk
    assert account.invited_by == team_member
    assert not account.user.has_usable_password()
    assert account.status == "invited"
    assert len(mail.outbox) == 1
    invitation = mail.outbox[0]
    assert invitation.to == ["nouvelle@commerces.example"]
    assert merchant_a.title in invitation.subject
    assert "valable 7 jours" in invitation.body
    link = LINK.search(invitation.body).group(1)
    assert link.startswith("/espace-commercant/invitation/")

    merchant = Client()
    page = merchant.get(link, follow=True)
    assert "Bienvenue dans l'espace commerçant" in page.content.decode()
    set_password_url = page.redirect_chain[-1][0]
    done = merchant.post(
        set_password_url,
        {"new_password1": "Quai-du-Rhone-2024", "new_password2": "Quai-du-Rhone-2024"},
    )
    assert done.status_code == 302
    assert done.url == reverse("merchant_portal:dashboard")
    account.refresh_from_db()
    assert account.activated_at is not None
    assert merchant.get(done.url).status_code == 200
    # The link worked once.
    assert "plus valable" in Client().get(link, follow=True).content.decode()


def test_inviting_an_existing_address_is_refused(team_client, account_a, merchant_b):
    response = team_client.post(
        reverse("merchant_accounts:add"),
        {"email": account_a.user.email.upper(), "merchant": merchant_b.pk, "language": "fr"},
    )
    assert response.status_code == 200
    assert "Un compte existe déjà avec cette adresse e-mail." in response.content.decode()
    assert MerchantAccount.objects.filter(merchant=merchant_b).count() == 0
    assert mail.outbox == []


def test_revoking_is_one_click_and_ends_the_session(team_client, client_a, account_a):
    assert client_a.get(reverse("merchant_portal:dashboard")).status_code == 200

    response = team_client.post(reverse("merchant_accounts:revoke", args=[account_a.pk]))

    assert response.status_code == 302
    account_a.refresh_from_db()
    assert account_a.status == "revoked"
    assert not account_a.user.is_active
    after = client_a.get(reverse("merchant_portal:dashboard"))
    assert after.status_code == 302
    assert after.url.startswith(reverse("merchant_portal:login"))


def test_restoring_sends_a_new_invitation(team_client, account_a):
    team_client.post(reverse("merchant_accounts:revoke", args=[account_a.pk]))
    team_client.post(reverse("merchant_accounts:restore", args=[account_a.pk]))
    account_a.refresh_from_db()
    assert account_a.status == "invited"
    assert [message.to for message in mail.outbox] == [[account_a.user.email]]


def test_account_actions_need_post_and_permission(client_a, account_b, team_client):
    assert (
        team_client.get(reverse("merchant_accounts:revoke", args=[account_b.pk])).status_code
        == 405
    )
    response = client_a.post(reverse("merchant_accounts:revoke", args=[account_b.pk]))
    assert response.status_code in (302, 403)
    account_b.refresh_from_db()
    assert account_b.status == "active"


def test_listing_of_accounts_shows_state_and_actions(team_client, account_a):
    response = team_client.get(reverse("merchant_accounts:index"))
    content = response.content.decode()
    assert response.status_code == 200
    assert account_a.user.email in content
    assert account_a.merchant.title in content
    assert "Retirer l&#x27;accès" in content or "Retirer l'accès" in content


def _many_accounts(merchants, start, stop):
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(username=f"masse{n}@commerces.example", email=f"masse{n}@commerces.example")
            for n in range(start, stop)
        ]
    )
    MerchantAccount.objects.bulk_create(
        [
            MerchantAccount(user=user, merchant=merchants[n % len(merchants)])
            for n, user in enumerate(users)
        ]
    )


# Upper bounds. Session, user, groups and permissions, the page of rows (one join),
# counts, menu.
ADMIN_QUERIES = {"merchant_accounts:index": 11, "listing_requests:index": 10}


@pytest.mark.parametrize("url_name", ADMIN_QUERIES)
def test_admin_listing_query_count_does_not_grow(team_client, merchant_a, merchant_b, url_name):
    url = reverse(url_name)
    _many_accounts([merchant_a, merchant_b], 0, 20)
    response = assert_constant_queries(
        lambda: team_client.get(url),
        lambda: _many_accounts([merchant_a, merchant_b], 20, 2000),
        at_most=ADMIN_QUERIES[url_name],
    )
    assert response.status_code == 200
    assert MerchantAccount.objects.count() >= 2000
