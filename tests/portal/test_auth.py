"""Signing in and out, forgotten passwords and login throttling, in both languages."""

import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from tests.portal.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, email, password):
    return client.post(reverse("merchant_portal:login"), {"username": email, "password": password})


def test_login_and_logout(client, account_a, merchant_a):
    page = client.get(reverse("merchant_portal:login"))
    assert page.status_code == 200
    assert "Se connecter" in page.content.decode()

    response = login(client, account_a.user.email.upper(), PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("merchant_portal:dashboard")
    assert merchant_a.title in client.get(response.url).content.decode()

    logout = client.post(reverse("merchant_portal:logout"))
    assert logout.status_code == 302
    assert "Vous êtes déconnecté" in client.get(logout.url).content.decode()
    assert client.get(reverse("merchant_portal:dashboard")).status_code == 302


def test_wrong_password_is_explained_and_nothing_leaks(client, account_a, merchant_a):
    response = login(client, account_a.user.email, "pas-le-bon")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect." in content
    assert merchant_a.title not in content


def test_people_without_a_merchant_account_cannot_use_the_portal_login(client):
    from tests.factories.portal import UserFactory

    user = UserFactory(username="equipe@agglo.example")
    response = login(client, user.username, PASSWORD)
    assert response.status_code == 200
    assert "accès à l&#x27;espace commerçant" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_english_pages_use_english_addresses(client, account_b):
    with translation.override("en"):
        url = reverse("merchant_portal:login")
    assert url == "/en/merchant-area/login/"
    response = client.get(url)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Sign in" in response.content.decode()
    with translation.override("en"):
        assert reverse("merchant_listing:request") == "/en/list-my-shop/"


def test_password_reset_in_the_accounts_language(client, account_b):
    response = client.post(
        reverse("merchant_portal:password_reset"), {"email": account_b.user.email}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.subject == "Your new password for the merchant area"
    link = re.search(r"http://testserver(/\S+/)", email.body).group(1)
    assert link.startswith("/en/merchant-area/password/")

    form = client.get(link, follow=True)
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Rhone-Valley-2025", "new_password2": "Rhone-Valley-2025"},
    )
    assert done.status_code == 302
    assert Client().login(username=account_b.user.username, password="Rhone-Valley-2025")


def test_password_reset_says_the_same_for_unknown_addresses(client):
    response = client.post(
        reverse("merchant_portal:password_reset"), {"email": "inconnu@example.org"}
    )
    assert response.status_code == 302
    assert response.url == reverse("merchant_portal:password_reset_done")
    assert mail.outbox == []


def test_invited_merchant_without_password_can_ask_for_a_new_link(client, merchant_a):
    from merchants.portal.accounts import create_account

    account = create_account("invite@commerces.example", merchant_a, "fr")
    client.post(reverse("merchant_portal:password_reset"), {"email": "invite@commerces.example"})
    assert [message.to for message in mail.outbox] == [[account.user.email]]


@override_settings(AXES_ENABLED=True)
def test_repeated_failures_lock_the_login_with_a_clear_message(account_a):
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _attempt in range(5):
        login(client, account_a.user.email, "pas-le-bon")

    # Even the right password is refused while locked, with a readable page.
    response = login(client, account_a.user.email, PASSWORD)
    assert response.status_code == 429
    content = response.content.decode()
    assert "Connexion temporairement bloquée" in content
    assert "bloquée pendant 15 minutes" in content
    assert "_auth_user_id" not in client.session
    # Another address is not affected (a shared office is not locked out).
    other = Client(REMOTE_ADDR="198.51.100.4")
    assert login(other, account_a.user.email, PASSWORD).status_code == 302


@override_settings(AXES_ENABLED=True)
def test_lockout_page_in_english(account_b):
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()
    client = Client(REMOTE_ADDR="203.0.113.8")
    with translation.override("en"):
        url = reverse("merchant_portal:login")
    for _attempt in range(6):
        response = client.post(url, {"username": account_b.user.email, "password": "wrong"})
    assert response.status_code == 429
    assert "Sign-in temporarily blocked" in response.content.decode()


def test_language_switcher_links_to_the_same_portal_page(client):
    """Portal pages are Django views: the switcher gives their translated address."""
    html = client.get("/espace-commercant/connexion/").content.decode()
    assert 'href="/en/merchant-area/login/" hreflang="en"' in html
