"""The merchant's side: the list, confirming and cancelling, slots; only their own."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from merchants.collect.models import PickupRequest, SlotException, SlotTemplate
from merchants.collect.slots import upcoming_slots
from merchants.portal.models import MerchantAccount
from tests.collect.conftest import NOW, TUESDAY_10, add_bookings, book_url, booking_data
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(client, clock, cheese_shop):
    client.post(book_url(cheese_shop), booking_data())
    mail.outbox.clear()
    return PickupRequest.objects.get(merchant=cheese_shop)


@pytest.fixture
def bakery_request(bakery):
    """One of the bakery's demo requests."""
    return PickupRequest.objects.filter(merchant=bakery).first()


def test_list_shows_own_requests_only(cheese_client, booking, bakery_request):
    response = cheese_client.get(reverse("merchant_portal:collect_requests"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lou Garnier" in html
    assert "+33465712030" in html
    assert bakery_request.name not in html
    everything = cheese_client.get(reverse("merchant_portal:collect_requests") + "?etat=all")
    assert bakery_request.name not in everything.content.decode()


def test_confirming_emails_the_resident_in_their_language(cheese_client, booking):
    response = cheese_client.post(
        reverse("merchant_portal:collect_answer", args=[booking.pk]),
        {"action": "confirm", "message": "Vos picodons vous attendent au comptoir."},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "confirmed" and booking.confirmed_at is not None
    (email,) = mail.outbox
    assert email.to == ["lou.garnier@exemple.example"]
    assert email.subject == "Fromagerie Les Deux Rives confirme votre demande"
    assert "Vos picodons vous attendent au comptoir." in email.body
    assert "mardi 4 juin 2030, 10:00" in email.body


def test_cancelling_emails_the_resident_and_frees_the_seat(cheese_client, booking):
    cheese_client.post(
        reverse("merchant_portal:collect_answer", args=[booking.pk]),
        {"action": "cancel", "message": "Fermeture exceptionnelle ce jour-là, désolés."},
    )
    booking.refresh_from_db()
    assert (booking.status, booking.seat) == ("cancelled", None)
    (email,) = mail.outbox
    assert email.subject == "Fromagerie Les Deux Rives a annulé votre demande"
    assert "Fermeture exceptionnelle ce jour-là, désolés." in email.body


def test_a_cancelled_request_cannot_be_confirmed(cheese_client, booking):
    url = reverse("merchant_portal:collect_answer", args=[booking.pk])
    cheese_client.post(url, {"action": "cancel"})
    mail.outbox.clear()
    response = cheese_client.post(url, {"action": "confirm"}, follow=True)
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert "rien n&#x27;a été changé" in response.content.decode()
    assert not mail.outbox


def test_crafted_ids_of_another_shop_are_404_and_change_nothing(cheese_client, bakery_request):
    for action in ("confirm", "cancel", "done"):
        response = cheese_client.post(
            reverse("merchant_portal:collect_answer", args=[bakery_request.pk]),
            {"action": action, "id": bakery_request.pk, "merchant": bakery_request.merchant_id},
        )
        assert response.status_code == 404
    bakery_request.refresh_from_db()
    assert bakery_request.status == "new"
    assert not mail.outbox


def test_slots_of_another_shop_cannot_be_deleted(cheese_client, bakery):
    template = SlotTemplate.objects.filter(merchant=bakery).first()
    response = cheese_client.post(
        reverse("merchant_portal:collect_template_delete", args=[template.pk])
    )
    assert response.status_code == 404
    assert SlotTemplate.objects.filter(pk=template.pk).exists()


def test_anonymous_visitors_and_team_members_see_nothing(client, bakery_request):
    for name in ("merchant_portal:collect_requests", "merchant_portal:collect_slots"):
        response = client.get(reverse(name))
        assert response.status_code == 302
    response = client.post(
        reverse("merchant_portal:collect_answer", args=[bakery_request.pk]), {"action": "cancel"}
    )
    assert response.status_code == 302
    bakery_request.refresh_from_db()
    assert bakery_request.status == "new"


def test_merchant_adds_a_template_and_an_exception(cheese_client, cheese_shop, clock):
    url = reverse("merchant_portal:collect_slots")
    response = cheese_client.post(
        url,
        {
            "form": "template",
            "tpl-weekdays": ["2", "6"],
            "tpl-start_time": "15:00",
            "tpl-end_time": "17:00",
            "tpl-interval_minutes": "20",
            "tpl-capacity": "4",
        },
    )
    assert response.status_code == 302
    assert SlotTemplate.objects.filter(
        merchant=cheese_shop, weekdays="26", interval_minutes=20, capacity=4
    ).exists()
    response = cheese_client.post(
        url,
        {
            "form": "exception",
            "exc-date": "2030-06-05",
            "exc-kind": "closed",
            "exc-interval_minutes": "30",
            "exc-capacity": "2",
        },
    )
    assert response.status_code == 302
    assert SlotException.objects.filter(
        merchant=cheese_shop, date=datetime.date(2030, 6, 5), kind="closed"
    ).exists()
    page = " ".join(cheese_client.get(url).content.decode().split())
    assert '<p class="collect-slot__days">Mardi, samedi</p>' in page
    assert "de 15:00 à 17:00, toutes les 20 minutes, 4 retraits par créneau" in page


def test_invalid_template_shows_errors(cheese_client, cheese_shop):
    before = SlotTemplate.objects.filter(merchant=cheese_shop).count()
    response = cheese_client.post(
        reverse("merchant_portal:collect_slots"),
        {
            "form": "template",
            "tpl-start_time": "12:00",
            "tpl-end_time": "10:00",
            "tpl-interval_minutes": "30",
            "tpl-capacity": "2",
        },
    )
    assert response.status_code == 200
    assert "La fin doit être après le début." in response.content.decode()
    assert SlotTemplate.objects.filter(merchant=cheese_shop).count() == before


def test_portal_list_query_count_is_constant(cheese_client, cheese_shop):
    add_bookings(cheese_shop, 2, TUESDAY_10)
    url = reverse("merchant_portal:collect_requests") + "?etat=new"
    # At most: session, user, account with page, the frame every page shares (menu,
    # settings, the header's search box: one query, home.frame), then counts per state,
    # the number of rows and one page of rows.
    response = assert_constant_queries(
        lambda: cheese_client.get(url),
        lambda: add_bookings(cheese_shop, 48, TUESDAY_10 + datetime.timedelta(days=7)),
        at_most=10,
    )
    assert response.status_code == 200


def test_merchant_emails_go_to_every_active_account_in_its_language(client, clock, bakery):
    account = MerchantAccount.objects.get(merchant=bakery)
    assert account.language == "fr"
    client.post(book_url(bakery), booking_data())
    resident, merchant = mail.outbox
    assert merchant.to == [account.user.email]
    assert merchant.subject == "Nouvelle réservation de retrait : Lou Garnier"
    assert reverse("merchant_portal:collect_requests") in merchant.body


def test_merchant_edits_regular_slots(cheese_client, cheese_shop, clock):
    template = SlotTemplate.objects.filter(merchant=cheese_shop).order_by("pk").first()
    url = reverse("merchant_portal:collect_template_edit", args=[template.pk])
    form = cheese_client.get(url).content.decode()
    # The stored days are ticked.
    for day in template.weekday_numbers:
        assert re.search(rf'name="tpl-weekdays" value="{day}"[^>]* checked', form)

    response = cheese_client.post(
        url,
        {
            "tpl-weekdays": ["2", "3"],
            "tpl-start_time": "10:00",
            "tpl-end_time": "12:00",
            "tpl-interval_minutes": "30",
            "tpl-capacity": "5",
        },
    )

    assert response.status_code == 302
    template.refresh_from_db()
    assert (template.weekdays, template.capacity) == ("23", 5)
    slots = upcoming_slots(cheese_shop, NOW)
    tuesday = next(day for day in slots if day.date == datetime.date(2030, 6, 4))
    assert max(slot.capacity for slot in tuesday.slots) == 5


def test_slots_of_another_shop_cannot_be_edited(cheese_client, bakery):
    theirs = SlotTemplate.objects.filter(merchant=bakery).first()
    url = reverse("merchant_portal:collect_template_edit", args=[theirs.pk])
    assert cheese_client.get(url).status_code == 404
    assert cheese_client.post(url, {"tpl-capacity": "9"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.capacity != 9
