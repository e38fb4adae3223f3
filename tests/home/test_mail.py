"""The site's emails are plain text: names are written as people typed them, never
HTML-escaped ("d'Antan & Fils", not "d&#x27;Antan &amp; Fils"), in the subject and
in the body, whichever email it is."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.translation.emails import notify_translators
from merchants.collect import booking
from merchants.collect import emails as collect_emails
from merchants.models import MerchantPage
from merchants.portal import accounts
from merchants.portal import emails as portal_emails
from merchants.portal.models import ListingRequest
from tests.collect.conftest import NOW, TUESDAY_10, book_url, booking_data, callback_data
from tests.factories.portal import MerchantAccountFactory, TeamMemberFactory, TranslatorFactory

pytestmark = pytest.mark.django_db

SHOP = "Boulangerie d'Antan & Fils <b>"
PERSON = "Zoé O'Brien & <i>Cie</i>"
ESCAPED = ("&amp;", "&#x27;", "&#39;", "&lt;", "&gt;", "&quot;")


def assert_plain_text(message, *expected):
    """``expected`` appear verbatim in the subject or body, and nothing is escaped."""
    text = f"{message.subject}\n{message.body}"
    for value in expected:
        assert value in text, (value, message.subject, message.body)
    for entity in ESCAPED:
        assert entity not in message.subject, message.subject
        assert entity not in message.body, message.body
    # Plain text only; an HTML part, if one is ever added, must escape the names.
    for content, mimetype in getattr(message, "alternatives", []):
        assert mimetype == "text/html"
        assert "<b>" not in content and "&amp;" in content


@pytest.fixture
def shop(db):
    """The demo cheese shop (call & collect, a French-speaking account), renamed."""
    page = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
    MerchantPage.objects.filter(pk=page.pk).update(title=SHOP)
    page.refresh_from_db()
    account = page.portal_accounts.get()
    account.language = "fr"
    account.save()
    return page


def test_portal_emails_show_the_shop_name_as_typed(shop):
    accounts.invite("nouveau@commerces.example", shop, "fr")
    portal_emails.notify_changes_approved(shop)
    portal_emails.notify_changes_requested(shop, "Ajoutez l'adresse & le <code> postal.")

    invitation, approved, requested = mail.outbox[-3:]
    assert SHOP in invitation.subject and SHOP in approved.subject and SHOP in requested.subject
    assert_plain_text(invitation, SHOP)
    assert_plain_text(approved, SHOP)
    assert_plain_text(requested, SHOP, "Ajoutez l'adresse & le <code> postal.")


def test_password_reset_email_is_plain_text(client, shop):
    account = MerchantAccountFactory(merchant=shop, user__username="o'brien@commerces.example")
    client.post(reverse("merchant_portal:password_reset"), {"email": account.user.email})
    (message,) = mail.outbox
    assert_plain_text(message)
    assert "/mot-de-passe/" in message.body


def test_call_and_collect_emails_show_names_as_typed(client, monkeypatch, shop):
    monkeypatch.setattr("merchants.open_periods.current_time", lambda: NOW)
    client.post(book_url(shop), booking_data(**{"booking-name": PERSON}))
    client.post(
        reverse("call_collect:callback", args=[shop.pk]),
        callback_data(**{"callback-name": PERSON, "callback-topic": "Pain & <brioche>"}),
    )
    messages = list(mail.outbox)
    # Booking and callback: the resident's receipt and the merchant's notice each.
    assert len(messages) == 4, [message.subject for message in messages]
    for message in messages:
        assert_plain_text(message)
    receipts = [
        message for message in messages if message.to != [shop.portal_accounts.get().user.email]
    ]
    assert all(SHOP in message.subject for message in receipts)
    notices = [message for message in messages if message not in receipts]
    assert all(PERSON in message.subject for message in notices)
    assert "Pain & <brioche>" in notices[-1].body

    mail.outbox.clear()
    booked, called = shop.pickup_requests.order_by("pk")
    booking.confirm(booked, "À mardi & merci !")
    collect_emails.notify_confirmed(booked)
    booking.cancel(called, "Fermé l'après-midi")
    collect_emails.notify_cancelled_by_merchant(called)
    booked.refresh_from_db()
    collect_emails.notify_cancelled_by_resident(booked)
    assert len(mail.outbox) == 4
    for message in mail.outbox:
        assert_plain_text(message)
    assert "À mardi & merci !" in mail.outbox[0].body
    assert "Fermé l'après-midi" in mail.outbox[1].body
    assert booked.slot_start == TUESDAY_10  # the booking itself went through


def test_listing_request_email_to_the_team_is_plain_text(db):
    TeamMemberFactory()
    listing = ListingRequest.objects.create(
        shop_name=SHOP,
        contact_name=PERSON,
        contact_email="zoe@example.org",
        message="À bientôt & merci",
    )
    portal_emails.notify_team_of_listing_request(listing)
    (message,) = mail.outbox
    assert SHOP in message.subject
    assert_plain_text(message, SHOP, PERSON, "À bientôt & merci")


def test_translators_notice_is_plain_text(shop):
    TranslatorFactory()
    english = shop.get_translation(Locale.objects.get(language_code="en"))
    MerchantPage.objects.filter(pk=english.pk).update(title="Old Bakery & Sons <b>")
    english.refresh_from_db()
    source = TranslationSource.objects.get_for_instance(shop)
    notify_translators(shop, source, [english], 3)
    (message,) = mail.outbox
    assert SHOP in message.subject
    assert_plain_text(message, SHOP, "Old Bakery & Sons <b>")


def test_emails_sent_in_english_are_plain_text_too(shop):
    account = shop.portal_accounts.get()
    account.language = "en"
    account.save()
    portal_emails.notify_changes_approved(shop)
    (message,) = mail.outbox
    assert SHOP in message.subject
    assert_plain_text(message, SHOP)
