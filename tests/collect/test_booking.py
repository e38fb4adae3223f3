"""A resident books a pickup slot: free slots only, never past, never outside opening
hours, never more bookings than seats; the emails and the signed link."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from merchants.collect.booking import request_token
from merchants.collect.models import PickupRequest, SlotException
from merchants.collect.slots import upcoming_slots
from tests.collect.conftest import (
    NOW,
    TUESDAY_10,
    book_url,
    booking_data,
    callback_data,
    callback_url,
    linked_request,
    paris,
    slot_value,
)

pytestmark = pytest.mark.django_db


def in_english(msgid, **params):
    """What the English catalogue makes of ``msgid`` (French until the integrator
    merges ENGLISH_STRINGS.tsv into it)."""
    with translation.override("en"):
        return gettext(msgid) % params


def test_profile_shows_call_link_callback_and_the_days_with_free_slots(client, clock, cheese_shop):
    response = client.get(cheese_shop.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="tel:{cheese_shop.phone}"' in html
    assert f'href="{callback_url(cheese_shop)}"' in html
    assert "Réserver un créneau de retrait" in html
    # Days in French, nothing before "now", no slot on Mondays.
    assert "mar. 4 juin" in html
    assert "lun. 3 juin" not in html
    assert f'<form method="get" action="{book_url(cheese_shop)}"' in html
    assert 'name="jour" value="2030-06-04"' in html
    # A page anonymous visitors share from a cache: no per-visitor token, no POST form.
    assert "csrfmiddlewaretoken" not in html
    assert 'method="post"' not in html
    assert not response.cookies


def test_choosing_a_day_shows_its_times_then_the_booking_form(client, clock, cheese_shop):
    response = client.get(book_url(cheese_shop), {"jour": "2030-06-04"})
    html = response.content.decode()
    assert response.status_code == 200
    assert slot_value(TUESDAY_10) in html
    assert "mer. 5 juin" not in html  # only the chosen day
    assert "csrfmiddlewaretoken" in html
    assert "private" in response["Cache-Control"]
    everything = client.get(book_url(cheese_shop)).content.decode()
    assert "mar. 4 juin" in everything and "mer. 5 juin" in everything


@pytest.mark.parametrize("day", ["2030-06-03", "2030-02-30", "9999-12-31", "hier", ""])
def test_a_day_without_free_slot_offers_the_others(client, clock, cheese_shop, day):
    response = client.get(book_url(cheese_shop), {"jour": day})
    html = response.content.decode()
    assert response.status_code == 200
    assert "mar. 4 juin" in html and "mer. 5 juin" in html
    if day == "2030-06-03":  # a Monday: the shop has no slots
        assert "Plus aucun créneau libre le lundi 3 juin : choisissez un autre jour." in html


def test_english_profile_shows_english_dates(client, clock, cheese_shop_en):
    english = cheese_shop_en
    response = client.get(english.url)
    html = response.content.decode()
    assert "Tue 4 Jun" in html
    with translation.override("en"):
        assert book_url(english).startswith("/en/")
        assert book_url(english) in html


def test_shop_without_call_and_collect_has_no_block(client, clock):
    from tests.collect.conftest import demo_merchant

    shop = demo_merchant(3)  # click & collect and delivery only
    assert not shop.offers_call_collect and not shop.offers_pickup_appointment
    html = client.get(shop.url).content.decode()
    assert "Être rappelé" not in html


def test_booking_a_slot_emails_resident_and_merchant(client, clock, cheese_shop):
    response = client.post(book_url(cheese_shop), booking_data())

    booking = PickupRequest.objects.get(merchant=cheese_shop)
    assert response.status_code == 302
    assert linked_request(response.url) == booking
    assert (booking.slot_start, booking.seat, booking.status) == (TUESDAY_10, 1, "new")
    assert booking.phone == "+33465712030"
    assert booking.language == "fr"
    resident, merchant = mail.outbox
    assert resident.to == ["lou.garnier@exemple.example"]
    assert "Votre réservation chez Fromagerie Les Deux Rives est enregistrée" in resident.subject
    assert "mardi 4 juin 2030, 10:00" in resident.body
    assert linked_request(resident.body) == booking
    # The demo account of the cheese shop reads English.
    assert merchant.to == ["fromagerie@commerces.example"]
    assert merchant.subject == in_english(
        "Nouvelle réservation de retrait : %(name)s", name="Lou Garnier"
    )
    with translation.override("en"):
        assert reverse("merchant_portal:collect_requests") in merchant.body

    confirmation = client.get(response.url)
    assert "Réservation enregistrée" in confirmation.content.decode()


def test_english_page_books_the_same_shop_and_emails_in_english(
    client, clock, cheese_shop, cheese_shop_en
):
    english = cheese_shop_en
    with translation.override("en"):
        url = book_url(english)
    response = client.post(url, booking_data())
    assert response.status_code == 302
    booking = PickupRequest.objects.get(merchant=cheese_shop)
    assert booking.language == "en"
    assert mail.outbox[0].subject == in_english(
        "Votre réservation chez %(shop)s est enregistrée", shop="Fromagerie Les Deux Rives"
    )
    with translation.override("en"):
        assert linked_request(mail.outbox[0].body) == booking


def test_a_full_slot_is_refused_with_a_clear_message(client, clock, cheese_shop):
    for number in range(2):  # capacity 2
        client.post(book_url(cheese_shop), booking_data(**{"booking-phone": f"046571203{number}"}))
    assert PickupRequest.objects.filter(merchant=cheese_shop).count() == 2

    response = client.post(book_url(cheese_shop), booking_data(**{"booking-name": "Alix"}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ce créneau est complet" in html
    assert 'value="Alix"' in html  # what the resident typed is kept
    assert PickupRequest.objects.filter(merchant=cheese_shop).count() == 2
    # And the full slot is no longer offered.
    days = upcoming_slots(cheese_shop, NOW)
    assert TUESDAY_10 not in [slot.start for day in days for slot in day.slots]


def test_cancelling_frees_the_seat(client, clock, cheese_shop):
    for number in range(2):
        client.post(book_url(cheese_shop), booking_data(**{"booking-phone": f"046571203{number}"}))
    first = PickupRequest.objects.filter(merchant=cheese_shop).earliest("pk")
    client.post(reverse("call_collect:cancel", args=[request_token(first)]))
    response = client.post(book_url(cheese_shop), booking_data(**{"booking-phone": "0465712039"}))
    assert response.status_code == 302
    assert PickupRequest.objects.holding_seats().filter(merchant=cheese_shop).count() == 2


@pytest.mark.parametrize(
    "start",
    [
        paris(2030, 6, 3, 8, 30),  # earlier today: past
        paris(2030, 5, 28, 10, 0),  # last week
        paris(2030, 6, 3, 10, 0),  # Monday: no template
        paris(2030, 6, 4, 10, 15),  # not a slot boundary
        paris(2030, 6, 25, 10, 0),  # beyond the 14 days
    ],
)
def test_slots_in_the_past_or_not_published_cannot_be_booked(client, clock, cheese_shop, start):
    response = client.post(book_url(cheese_shop), booking_data(start))
    assert response.status_code == 200
    assert "Ce créneau ne peut pas être réservé" in response.content.decode()
    assert not PickupRequest.objects.filter(merchant=cheese_shop).exists()
    assert not mail.outbox


def test_slots_too_soon_for_the_shop_to_prepare_are_neither_shown_nor_bookable(
    client, clock, cheese_shop, settings
):
    settings.CALL_COLLECT_MIN_NOTICE_MINUTES = 60
    clock(paris(2030, 6, 4, 9, 40))  # Tuesday: 10:00 is twenty minutes away
    tuesday = upcoming_slots(cheese_shop, paris(2030, 6, 4, 9, 40))[0]
    starts = [slot.start for slot in tuesday.slots]
    assert TUESDAY_10 not in starts
    assert paris(2030, 6, 4, 11, 0) in starts

    response = client.post(book_url(cheese_shop), booking_data(TUESDAY_10))

    assert "Ce créneau ne peut pas être réservé" in response.content.decode()
    assert not PickupRequest.objects.filter(merchant=cheese_shop).exists()


def test_slots_outside_opening_hours_are_neither_shown_nor_bookable(client, clock, cheese_shop):
    # Extra slots over lunch, when the shop is closed (12:30-15:00) on Tuesdays.
    SlotException.objects.create(
        merchant=cheese_shop,
        date=datetime.date(2030, 6, 4),
        kind=SlotException.Kind.EXTRA,
        start_time=datetime.time(12, 0),
        end_time=datetime.time(16, 0),
        interval_minutes=60,
        capacity=1,
    )
    starts = [slot.start for day in upcoming_slots(cheese_shop, NOW) for slot in day.slots]
    assert paris(2030, 6, 4, 15, 0) in starts  # 15:00-16:00: open
    assert paris(2030, 6, 4, 12, 0) not in starts  # 12:00-13:00 overlaps the lunch break
    assert paris(2030, 6, 4, 13, 0) not in starts

    response = client.post(book_url(cheese_shop), booking_data(paris(2030, 6, 4, 13, 0)))
    assert "Ce créneau ne peut pas être réservé" in response.content.decode()
    assert not PickupRequest.objects.filter(merchant=cheese_shop).exists()


def test_a_temporary_closure_removes_slots(clock, cheese_shop):
    cheese_shop.closed_from = datetime.date(2030, 6, 4)
    cheese_shop.closed_until = datetime.date(2030, 6, 5)
    days = [day.date for day in upcoming_slots(cheese_shop, NOW)]
    assert datetime.date(2030, 6, 4) not in days
    assert datetime.date(2030, 6, 6) in days


def test_a_closed_day_exception_removes_slots(clock, cheese_shop):
    SlotException.objects.create(merchant=cheese_shop, date=datetime.date(2030, 6, 4))
    days = [day.date for day in upcoming_slots(cheese_shop, NOW)]
    assert datetime.date(2030, 6, 4) not in days
    assert datetime.date(2030, 6, 5) in days


def test_slots_keep_wall_clock_times_across_daylight_saving(clock, cheese_shop):
    # The clocks go back on 27 October 2030: Tuesday 29 at 10:00 is UTC+1.
    clock(paris(2030, 10, 21, 9, 0))
    days = {day.date: day for day in upcoming_slots(cheese_shop, paris(2030, 10, 21, 9, 0))}
    before = days[datetime.date(2030, 10, 22)].slots[0].start
    after = days[datetime.date(2030, 10, 29)].slots[0].start
    assert (before.hour, after.hour) == (10, 10)
    assert before.utcoffset() == datetime.timedelta(hours=2)
    assert after.utcoffset() == datetime.timedelta(hours=1)


def test_callback_request(client, clock, cheese_shop):
    response = client.post(
        reverse("call_collect:callback", args=[cheese_shop.pk]), callback_data()
    )
    assert response.status_code == 302
    request = PickupRequest.objects.get(merchant=cheese_shop)
    assert (request.kind, request.time_window, request.slot_start) == ("callback", "morning", None)
    assert len(mail.outbox) == 2
    assert (
        "Votre demande de rappel à Fromagerie Les Deux Rives est envoyée" in mail.outbox[0].subject
    )
    assert mail.outbox[1].subject == in_english(
        "Nouvelle demande de rappel : %(name)s", name="Sacha Morel"
    )


def test_callback_errors_are_linked_to_their_fields(client, clock, cheese_shop):
    response = client.post(
        reverse("call_collect:callback", args=[cheese_shop.pk]),
        callback_data(**{"callback-phone": "12", "callback-name": ""}),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-describedby="id_callback-phone_error"' in html
    assert 'id="id_callback-phone_error"' in html
    assert 'href="#id_callback-name"' in html
    assert not PickupRequest.objects.filter(merchant=cheese_shop).exists()


def test_booking_page_works_without_the_profile(client, clock, cheese_shop):
    response = client.get(book_url(cheese_shop))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<legend>mar. 4 juin</legend>" in html
    assert '<legend class="collect-field__label">Créneau de retrait</legend>' in html
