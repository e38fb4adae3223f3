"""An offer reserved for pickup: the call & collect booking with the offer and a
quantity, taken from a limited stock and given back when cancelled."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from merchants.collect.booking import request_token
from merchants.collect.models import PickupRequest
from offers.models import OfferPage, OfferReservation
from tests.collect import conftest as collect
from tests.collect.conftest import TUESDAY_10, booking_data, demo_merchant, linked_request
from tests.factories.offers import OfferPageFactory

pytestmark = pytest.mark.django_db

# Call & collect's clock (a Monday in June 2030) and cheese shop, with its pickup slots.
clock = collect.clock
cheese_shop = collect.cheese_shop


@pytest.fixture
def tomme(cheese_shop):
    """Five left, with an English translation."""
    offer = OfferPageFactory(
        parent=cheese_shop,
        title="Tomme fermière entière",
        price=Decimal("18.00"),
        availability="stock_limite",
        stock_quantity=5,
    )
    english = offer.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Whole farm tomme"
    english.save_revision().publish()
    return offer


def reserve_url(offer):
    return reverse("offer_reservation:reserve", args=[offer.pk])


def reservation(quantity, **changes):
    return booking_data(**{"booking-quantity": str(quantity), **changes})


def stocks(offer):
    return sorted(
        OfferPage.objects.filter(translation_key=offer.translation_key).values_list(
            "stock_quantity", flat=True
        )
    )


def test_the_offer_page_of_a_shop_with_pickup_slots_offers_to_reserve(client, clock, tomme):
    html = client.get(tomme.url).content.decode()
    assert f'href="{reserve_url(tomme)}"' in html and "Réserver pour retrait" in html
    assert "vous réglez au commerce, au moment du retrait" in html
    # A shop without pickup slots: no button, and the address is a 404.
    other = OfferPageFactory(parent=demo_merchant(3), availability="en_stock")
    assert "Réserver pour retrait" not in client.get(other.url).content.decode()
    assert client.get(reserve_url(other)).status_code == 404


def test_reserving_takes_the_quantity_from_the_stock_and_tells_the_merchant(client, clock, tomme):
    form = client.get(reserve_url(tomme)).content.decode()
    assert 'name="booking-quantity"' in form and 'max="5"' in form

    response = client.post(reserve_url(tomme), reservation(2))

    assert response.status_code == 302
    booking = linked_request(response.url)
    assert booking.slot_start == TUESDAY_10 and booking.merchant_id == tomme.merchant_id
    assert booking.topic.startswith(
        "Réservation : 2 × Tomme fermière entière (18\u00a0€ la pièce)"
    )
    assert "Deux picodons bien secs" in booking.topic  # the resident's note follows
    assert OfferReservation.objects.get(pickup_request=booking).quantity == 2
    assert stocks(tomme) == [3, 3]  # the French offer and its translation
    resident, merchant = mail.outbox
    assert "2 × Tomme fermière entière" in merchant.body
    assert "2 × Tomme fermière entière" in resident.body
    assert "Plus que 3" in client.get(tomme.url).content.decode() or "3 disponibles" in (
        client.get(tomme.url).content.decode()
    )


def test_the_english_offer_reserves_from_the_same_stock(client, clock, tomme):
    english = tomme.get_translation(Locale.objects.get(language_code="en"))
    with translation.override("en"):
        url = reserve_url(english)
    assert url.startswith("/en/")
    response = client.post(url, reservation(1))
    assert response.status_code == 302
    assert stocks(tomme) == [4, 4]
    assert OfferReservation.objects.get().pickup_request.language == "en"


@pytest.mark.parametrize("quantity", ["0", "-1", "6", str(10**9), "deux", ""])
def test_a_quantity_out_of_range_is_refused_and_nothing_is_booked(client, clock, tomme, quantity):
    requests_before = PickupRequest.objects.count()
    response = client.post(reserve_url(tomme), reservation(quantity))
    assert response.status_code == 200
    assert 'id="id_booking-quantity_error"' in response.content.decode()
    assert not OfferReservation.objects.exists()
    assert PickupRequest.objects.count() == requests_before
    assert stocks(tomme) == [5, 5]


def test_more_than_what_is_left_says_how_many_remain(client, clock, tomme):
    client.post(reserve_url(tomme), reservation(4, **{"booking-phone": "0465712031"}))
    response = client.post(reserve_url(tomme), reservation(2, **{"booking-phone": "0465712032"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Il n&#x27;en reste que 1" in html or "Il n'en reste que 1" in html
    assert OfferReservation.objects.count() == 1 and stocks(tomme) == [1, 1]


def test_a_full_slot_takes_nothing_from_the_stock(client, clock, tomme):
    for number in range(2):  # the Tuesday slot holds two bookings
        client.post(reserve_url(tomme), reservation(1, **{"booking-phone": f"046571203{number}"}))
    assert stocks(tomme) == [3, 3]
    response = client.post(reserve_url(tomme), reservation(1, **{"booking-phone": "0465712039"}))
    assert "Ce créneau est complet" in response.content.decode()
    assert stocks(tomme) == [3, 3]
    assert OfferReservation.objects.count() == 2


def test_cancelling_gives_the_items_back_once(client, clock, tomme):
    response = client.post(reserve_url(tomme), reservation(3))
    booking = linked_request(response.url)
    assert stocks(tomme) == [2, 2]
    cancel = reverse("call_collect:cancel", args=[request_token(booking)])
    client.post(cancel)
    assert stocks(tomme) == [5, 5]
    client.post(cancel)  # a second click
    booking.refresh_from_db()
    booking.save()  # and any later save of the cancelled request
    assert stocks(tomme) == [5, 5]


def test_a_sold_out_expired_or_out_of_season_offer_cannot_be_reserved(client, clock, tomme):
    OfferPage.objects.filter(translation_key=tomme.translation_key).update(stock_quantity=0)
    response = client.post(reserve_url(tomme), reservation(1))
    assert response.status_code == 409
    assert "Cette offre est épuisée" in response.content.decode()
    assert "Réserver pour retrait" not in client.get(tomme.url).content.decode()

    ended = OfferPageFactory(
        parent=tomme.get_parent(),
        kind="promotion",
        valid_from=datetime.date(2030, 5, 1),
        valid_until=datetime.date(2030, 6, 2),  # the day before the clock's
    )
    response = client.get(reserve_url(ended))
    assert response.status_code == 410
    assert "Cette offre est terminée" in response.content.decode()

    winter = OfferPageFactory(
        parent=tomme.get_parent(), availability="saisonnier", season_months=1
    )
    assert client.post(reserve_url(winter), reservation(1)).status_code == 404
    assert not OfferReservation.objects.exists()


def test_an_unpublished_offer_or_a_made_up_id_is_a_404(client, clock, tomme):
    tomme.unpublish()
    assert client.get(reserve_url(tomme)).status_code == 404
    for made_up in ("0", "99999999", str(10**30)):
        assert client.get(f"/retrait/offre/{made_up}/").status_code == 404
