"""How long the emailed links last: invitations a week, "forgotten password" links a day.

Both are followed the way a merchant does: open the emailed link, choose a password,
sign in with it.
"""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from merchants.portal.accounts import invite
from tests.portal.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+/)")
SENT = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
NEW_PASSWORD = "Quai-du-Rhone-2026"


def choose_password(link, moment):
    """Open ``link`` at ``moment`` and, if it shows the form, choose ``NEW_PASSWORD``.

    Returns the page the link showed and the answer to the form (None without a form)."""
    with time_machine.travel(moment, tick=False):
        merchant = Client()
        page = merchant.get(link, follow=True)
        if 'name="new_password1"' not in page.content.decode():
            # What a merchant could still try: post a password to the link itself.
            merchant.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
            return page, None
        done = merchant.post(
            page.redirect_chain[-1][0],
            {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        return page, done


@pytest.mark.parametrize(
    ("after", "accepted"),
    [
        (datetime.timedelta(days=6, hours=23), True),
        (datetime.timedelta(days=7, hours=1), False),
    ],
)
def test_an_invitation_link_lasts_seven_days(merchant_a, after, accepted):
    with time_machine.travel(SENT, tick=False):
        account = invite("nouvelle@commerces.example", merchant_a, "fr")
    invitation = mail.outbox[0]
    assert "valable 7 jours" in invitation.body
    link = LINK.search(invitation.body).group(1)
    assert link.startswith("/espace-commercant/invitation/")

    page, done = choose_password(link, SENT + after)

    content = page.content.decode()
    account.refresh_from_db()
    account.user.refresh_from_db()
    if accepted:
        assert "Bienvenue dans l'espace commerçant" in content
        assert done.status_code == 302
        assert done.url == reverse("merchant_portal:dashboard")
        assert account.activated_at is not None
        assert Client().login(username="nouvelle@commerces.example", password=NEW_PASSWORD)
    else:
        assert page.status_code == 200
        assert "Ce lien n'est plus valable" in content
        assert done is None
        assert account.activated_at is None
        assert not account.user.has_usable_password()


@pytest.mark.parametrize(
    ("after", "accepted"),
    [(datetime.timedelta(hours=23), True), (datetime.timedelta(hours=25), False)],
)
def test_a_forgotten_password_link_lasts_a_day(account_a, after, accepted):
    with time_machine.travel(SENT, tick=False):
        response = Client().post(
            reverse("merchant_portal:password_reset"), {"email": account_a.user.email}
        )
    assert response.status_code == 302
    link = LINK.search(mail.outbox[0].body).group(1)
    assert link.startswith("/espace-commercant/mot-de-passe/")

    page, done = choose_password(link, SENT + after)

    content = page.content.decode()
    email = account_a.user.email
    if accepted:
        assert "Choisir un nouveau mot de passe" in content
        assert done.status_code == 302
        assert Client().login(username=email, password=NEW_PASSWORD)
        assert not Client().login(username=email, password=PASSWORD)
    else:
        assert "Ce lien n'est plus valable" in content
        assert done is None
        assert Client().login(username=email, password=PASSWORD)
        assert not Client().login(username=email, password=NEW_PASSWORD)
