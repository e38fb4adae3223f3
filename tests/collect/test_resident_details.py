"""What the resident needs to come and collect: on the confirmation page and in the
emails, the shop's address, a map link, its hours that day, its phone number, the
state in the resident's words and a calendar file (RFC 5545, Europe/Paris); and a
callback example that fits the shop."""

import re

import pytest
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from merchants.collect import booking, emails
from merchants.collect.models import PickupRequest
from merchants.models import MerchantPage
from tests.collect.conftest import (
    TUESDAY_10,
    book_url,
    booking_data,
    callback_url,
    demo_merchant,
    linked_request,
)

pytestmark = pytest.mark.django_db

TUESDAY_HOURS = "09:00–12:30, 15:00–19:00"  # the cheese shop's demo hours


def book_and_follow(client, page):
    response = client.post(book_url(page), booking_data(), follow=True)
    assert response.status_code == 200
    return response.content.decode(), linked_request(response.redirect_chain[-1][0])


def calendar_link(html):
    match = re.search(r'href="([^"]+\.ics)"', html)
    assert match, "no calendar link"
    return match.group(1)


def parse_event(content):
    calendar = Calendar.from_ical(content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    (event,) = calendar.walk("VEVENT")
    return event


def test_confirmation_page_says_where_when_and_how_to_reach_the_shop(client, clock, cheese_shop):
    html, pickup = book_and_follow(client, cheese_shop)
    assert pickup.slot_start == TUESDAY_10
    assert "Réservation enregistrée" in html
    assert cheese_shop.street_address in html
    assert f"{cheese_shop.postcode} {cheese_shop.commune.name}" in html.replace("&#x27;", "'")
    lat, lon = cheese_shop.latitude, cheese_shop.longitude
    assert f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}" in html
    assert f'href="tel:{cheese_shop.phone}"' in html
    assert re.search(rf"Horaires ce jour-là</dt>\s*<dd>{TUESDAY_HOURS}</dd>", html)
    # The state as the resident reads it, not the merchant's "Nouvelle".
    assert "En attente de confirmation par le commerce" in html
    assert "Nouvelle" not in html
    assert "Ajouter à mon agenda" in html


def test_calendar_file_is_the_pickup_at_paris_time(client, clock, cheese_shop):
    html, pickup = book_and_follow(client, cheese_shop)
    response = client.get(calendar_link(html))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]  # the link is the resident's own
    event = parse_event(response.content)
    assert event.get("dtstart").params["TZID"] == "Europe/Paris"
    assert event.decoded("dtstart") == TUESDAY_10
    assert event.decoded("dtstart").strftime("%H:%M") == "10:00"
    assert str(event.get("summary")) == f"Retrait chez {cheese_shop.title}"
    assert cheese_shop.street_address in str(event.get("location"))
    assert cheese_shop.commune.name in str(event.get("location"))
    assert str(event.get("status")) == "TENTATIVE"


def test_calendar_link_of_a_forged_token_is_not_found(client, clock, cheese_shop):
    html, _pickup = book_and_follow(client, cheese_shop)
    forged = re.sub(r"/([^/]+)/([^/]+\.ics)$", r"/x\1/\2", calendar_link(html))
    assert client.get(forged).status_code == 404


def test_resident_emails_carry_the_visit_and_the_calendar_file(client, clock, cheese_shop):
    mail.outbox.clear()
    _html, pickup = book_and_follow(client, cheese_shop)
    (received,) = [m for m in mail.outbox if m.to == [pickup.email]]
    body = received.body
    assert "État de votre demande : En attente de confirmation par le commerce" in body
    assert f"Adresse : {cheese_shop.street_address}, {cheese_shop.postcode}" in body
    assert "Plan : https://www.openstreetmap.org/?mlat=" in body
    assert f"Horaires du commerce ce jour-là : {TUESDAY_HOURS}" in body
    assert f"Téléphone du commerce : {cheese_shop.phone_display}" in body
    (filename, content, mimetype) = received.attachments[0]
    assert mimetype == "text/calendar" and filename.endswith(".ics")
    first = parse_event(content)
    assert first.decoded("dtstart") == TUESDAY_10

    mail.outbox.clear()
    booking.confirm(pickup, "À mardi !")
    emails.notify_confirmed(pickup)
    (confirmed,) = mail.outbox
    assert "État de votre demande : Confirmée par le commerce" in confirmed.body
    assert f"Horaires du commerce ce jour-là : {TUESDAY_HOURS}" in confirmed.body
    again = parse_event(confirmed.attachments[0][1])
    # The same event, updated: a calendar replaces the first one.
    assert again["uid"] == first["uid"]
    assert str(again["status"]) == "CONFIRMED" and again["sequence"] > first["sequence"]


def test_english_resident_reads_english_without_french_typography(client, clock, cheese_shop_en):
    mail.outbox.clear()
    with translation.override("en"):
        response = client.post(book_url(cheese_shop_en), booking_data(), follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Waiting for the shop&#x27;s confirmation" in html
    assert "Add to my calendar" in html
    assert re.search(rf"Hours that day</dt>\s*<dd>{TUESDAY_HOURS}</dd>", html)
    pickup = PickupRequest.objects.get(email="lou.garnier@exemple.example")
    (received,) = [m for m in mail.outbox if m.to == [pickup.email]]
    assert "Status of your request: Waiting for the shop's confirmation" in received.body
    assert "Shop's phone number: " in received.body
    assert "Tuesday 4 June 2030, 10:00" in received.body  # 24-hour time
    # No French space before a colon, no 12-hour clock.
    assert not re.search(r"\s[:;?!]", received.body.replace("://", ""))
    assert not re.search(r"\d\s?[ap]\.?m\b", received.body)
    event = parse_event(received.attachments[0][1])
    assert str(event["summary"]) == f"Pickup at {cheese_shop_en.title}"


def test_callback_example_fits_the_shop(client, clock):
    cases = {
        2: "de quoi recevoir six personnes",  # the cheese shop: food
        12: "deux repas à emporter",  # the pizzeria: eating out
        18: "un cadeau pour une amie qui aime jardiner",  # a sewing workshop: shops
        20: "savoir si une réparation est possible",  # the cobbler: services
    }
    for number, example in cases.items():
        html = client.get(callback_url(demo_merchant(number))).content.decode()
        assert example in html, number
        assert "amateur de vins" not in html


def test_callback_example_of_a_shop_in_no_family_is_general(client, clock, cheese_shop):
    MerchantPage.categories.through.objects.filter(merchantpage=cheese_shop).delete()
    html = client.get(callback_url(cheese_shop)).content.decode()
    assert "Par exemple : ce que vous cherchez, pour quand, et votre budget." in html
