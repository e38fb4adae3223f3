"""The resident's signed link: until when it cancels, and until when it opens at all.

A booking can be cancelled until its pickup time, a callback request while it is open;
the page shows the button exactly when the cancel POST accepts it. The link itself
stops working 7 days after the pickup slot (bookings) or the request (callbacks).
"""

import datetime
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse

from merchants.collect import booking as bookings
from merchants.collect.booking import request_token
from merchants.collect.models import PickupRequest
from tests.collect.conftest import NOW, TUESDAY_10, book_url, booking_data, callback_data

pytestmark = pytest.mark.django_db
MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)


def detail_url(pickup_request):
    return reverse("call_collect:detail", args=[request_token(pickup_request)])


def cancel_url(pickup_request):
    return reverse("call_collect:cancel", args=[request_token(pickup_request)])


@pytest.fixture
def booked(client, clock, cheese_shop):
    """Lou's booking of Tuesday 10:00, made on Monday at 9:00; the emails cleared."""
    assert client.post(book_url(cheese_shop), booking_data()).status_code == 302
    mail.outbox.clear()
    return PickupRequest.objects.get(merchant=cheese_shop)


@pytest.fixture
def callback(client, clock, cheese_shop):
    """Sacha's callback request, made on Monday at 9:00; the emails cleared."""
    url = reverse("call_collect:callback", args=[cheese_shop.pk])
    assert client.post(url, callback_data()).status_code == 302
    mail.outbox.clear()
    return PickupRequest.objects.get(merchant=cheese_shop)


def text(response):
    return unescape(response.content.decode())


def assert_unchanged(pickup_request, status="new", seat=1):
    pickup_request.refresh_from_db()
    assert (pickup_request.status, pickup_request.seat) == (status, seat)
    assert pickup_request.closed_at is None
    assert mail.outbox == []


@pytest.mark.parametrize(
    "moment",
    [TUESDAY_10, TUESDAY_10 + 30 * MINUTE, TUESDAY_10 + 59 * MINUTE, TUESDAY_10 + 3 * DAY],
)
def test_a_booking_cannot_be_cancelled_once_its_pickup_time_has_come(
    client, clock, booked, moment
):
    clock(moment)
    page = client.get(detail_url(booked))
    html = text(page)
    assert page.status_code == 200
    assert "Lou Garnier" in html
    assert "Annuler ma réservation" not in html
    assert "L'heure de retrait est passée" in html

    response = client.post(cancel_url(booked))

    assert response.status_code == 409
    html = text(response)
    assert "L'heure de retrait est passée" in html
    assert "Demande annulée" not in html
    assert_unchanged(booked)


def test_a_booking_can_be_cancelled_until_its_pickup_time(client, clock, booked):
    clock(TUESDAY_10 - MINUTE)
    page = client.get(detail_url(booked)).content.decode()
    assert "Annuler ma réservation" in page
    assert "L'heure de retrait est passée" not in page

    response = client.post(cancel_url(booked), follow=True)

    assert "Demande annulée" in response.content.decode()
    booked.refresh_from_db()
    assert (booked.status, booked.seat) == ("cancelled", None)
    assert len(mail.outbox) == 2  # the resident and the merchant
    # Sending it again (a double click) changes nothing and emails no one.
    mail.outbox.clear()
    again = client.post(cancel_url(booked), follow=True)
    assert "Demande annulée" in again.content.decode()
    assert mail.outbox == []


def test_a_finished_request_cannot_be_cancelled(client, clock, booked):
    bookings.mark_done(booked)
    page = client.get(detail_url(booked)).content.decode()
    assert "Annuler ma réservation" not in page

    response = client.post(cancel_url(booked))

    assert response.status_code == 409
    assert "Cette demande est terminée" in response.content.decode()
    booked.refresh_from_db()
    assert booked.status == "done"
    assert mail.outbox == []


def test_a_callback_request_can_be_cancelled_while_open(client, clock, callback):
    clock(NOW + 6 * DAY)
    assert "Annuler ma demande" in client.get(detail_url(callback)).content.decode()
    response = client.post(cancel_url(callback), follow=True)
    assert "Demande annulée" in response.content.decode()
    callback.refresh_from_db()
    assert callback.status == "cancelled"


@pytest.mark.parametrize(
    ("after_pickup", "opens"),
    [(6 * DAY + 23 * 60 * MINUTE, True), (7 * DAY + 60 * MINUTE, False)],
)
def test_a_booking_link_works_until_seven_days_after_the_pickup(
    client, clock, booked, after_pickup, opens
):
    clock(TUESDAY_10 + after_pickup)
    page = client.get(detail_url(booked))
    html = page.content.decode()
    if opens:
        assert page.status_code == 200
        assert "Lou Garnier" in html
    else:
        assert page.status_code == 410
        assert "Ce lien a expiré" in html
        assert "Lou Garnier" not in html
        assert "Deux picodons" not in html


@pytest.mark.parametrize(
    ("after_request", "opens"),
    [(6 * DAY + 23 * 60 * MINUTE, True), (7 * DAY + 60 * MINUTE, False)],
)
def test_a_callback_link_works_until_seven_days_after_the_request(
    client, clock, callback, after_request, opens
):
    clock(NOW + after_request)
    page = client.get(detail_url(callback))
    if opens:
        assert page.status_code == 200
        assert "Sacha Morel" in page.content.decode()
        return
    assert page.status_code == 410
    assert "Sacha Morel" not in page.content.decode()
    response = client.post(cancel_url(callback))
    assert response.status_code == 410
    assert "Ce lien a expiré" in response.content.decode()
    assert_unchanged(callback, seat=None)


def test_an_expired_link_page_is_translated(client, clock, cheese_shop):
    from django.utils import translation

    with translation.override("en"):
        url = reverse("call_collect:callback", args=[cheese_shop.pk])
    client.post(url, callback_data())
    callback = PickupRequest.objects.get(merchant=cheese_shop)
    clock(NOW + 8 * DAY)
    with translation.override("en"):
        link = detail_url(callback)
    assert link.startswith("/en/pickup/")
    page = client.get(link)
    assert page.status_code == 410
    assert '<html lang="en">' in page.content.decode()
    assert "This link has expired" in page.content.decode()
