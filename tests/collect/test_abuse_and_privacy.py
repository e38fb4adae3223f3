"""Robots, floods, forged links, retention, and the team's report."""

import datetime
import io
import re
import time

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from merchants.collect.booking import request_token
from merchants.collect.models import PickupRequest
from merchants.portal.models import FormSubmission
from tests.collect.conftest import book_url, booking_data, callback_data, issued
from tests.factories.portal import TeamMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def callback_url(page):
    return reverse("call_collect:callback", args=[page.pk])


def test_honeypot_is_refused_and_counted(client, clock, cheese_shop):
    response = client.post(
        callback_url(cheese_shop), callback_data(**{"callback-website_confirmation": "spam"})
    )
    assert response.status_code == 200
    assert "Laissez ce champ vide" in response.content.decode()
    assert not PickupRequest.objects.filter(merchant=cheese_shop).exists()
    assert FormSubmission.objects.filter(form="call_collect").count() == 1


@pytest.mark.parametrize(
    "stamp,message",
    [("now", "trop vite"), ("forged:value", "n'est pas valide")],
)
def test_forms_sent_too_fast_or_with_a_forged_timestamp_are_refused(
    client, clock, cheese_shop, stamp, message
):
    stamp = issued(0) if stamp == "now" else stamp
    response = client.post(book_url(cheese_shop), booking_data(**{"booking-issued": stamp}))
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not PickupRequest.objects.filter(merchant=cheese_shop).exists()


def test_per_address_rate_limit_answers_429_with_a_readable_page(client, clock, cheese_shop):
    for number in range(6):
        response = client.post(
            callback_url(cheese_shop), callback_data(**{"callback-phone": f"04657120{number:02d}"})
        )
        assert response.status_code == 302
    response = client.post(callback_url(cheese_shop), callback_data())
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Trop de demandes" in response.content.decode()
    assert PickupRequest.objects.filter(merchant=cheese_shop).count() == 6
    # English visitors read it in English (the page is translated, not only French).
    with translation.override("en"):
        english_url = callback_url(cheese_shop)
    assert english_url.startswith("/en/pickup/")
    english = client.post(english_url, callback_data())
    assert english.status_code == 429
    assert '<html lang="en">' in english.content.decode()


def test_per_phone_rate_limit_across_addresses(clock, cheese_shop, bakery):
    for number in range(3):
        visitor = Client(REMOTE_ADDR=f"192.0.2.{number}")
        assert visitor.post(callback_url(cheese_shop), callback_data()).status_code == 302
    other = Client(REMOTE_ADDR="192.0.2.99")
    response = other.post(book_url(bakery), booking_data(**{"booking-phone": "04 65 71 20 31"}))
    assert response.status_code == 429
    assert not PickupRequest.objects.filter(merchant=bakery, phone="+33465712031").exists()


def test_addresses_and_phones_are_stored_hashed(client, clock, cheese_shop):
    client.post(callback_url(cheese_shop), callback_data())
    keys = list(FormSubmission.objects.values_list("client", flat=True))
    assert len(keys) == 2
    for key in keys:
        assert len(key) == 64
        assert "127.0.0.1" not in key and "465712031" not in key


def test_the_cancel_link_cannot_be_forged(client, clock, cheese_shop, bakery):
    client.post(book_url(cheese_shop), booking_data())
    booking = PickupRequest.objects.get(merchant=cheese_shop)
    other = PickupRequest.objects.filter(merchant=bakery).first()
    token = request_token(booking)
    # Another request's id with this request's signature, an unsigned id, a token
    # signed with another salt: all unknown.
    forged = [
        token.replace(token.split(":")[0], request_token(other).split(":")[0]),
        str(other.pk),
        __import__("django.core.signing").core.signing.dumps(other.pk),
    ]
    for value in forged:
        assert client.get(reverse("call_collect:detail", args=[value])).status_code == 404
        response = client.post(reverse("call_collect:cancel", args=[value]))
        assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == "new"

    page = client.get(reverse("call_collect:detail", args=[token]))
    assert "Lou Garnier" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex"


def test_resident_cancels_from_the_emailed_link(client, clock, cheese_shop):
    client.post(book_url(cheese_shop), booking_data())
    link = next(
        line.split(": ", 1)[1]
        for line in mail.outbox[0].body.splitlines()
        if line.startswith("Voir ou annuler")
    )
    path = link.removeprefix("http://testserver")
    mail.outbox.clear()
    page = client.get(path)
    assert "Annuler ma réservation" in page.content.decode()
    response = client.post(path + "annuler/", follow=True)
    assert "Demande annulée" in response.content.decode()
    booking = PickupRequest.objects.get(merchant=cheese_shop)
    assert (booking.status, booking.seat) == ("cancelled", None)
    resident, merchant = mail.outbox
    assert resident.to == ["lou.garnier@exemple.example"]
    assert merchant.to == ["fromagerie@commerces.example"]


def test_purge_deletes_old_requests_only(cheese_shop, settings):
    settings.CALL_COLLECT_RETENTION_DAYS = 30
    old = PickupRequest.objects.create(
        merchant=cheese_shop,
        kind="callback",
        name="Ancien",
        phone="+33465712030",
        created_at=timezone.now() - datetime.timedelta(days=31),
    )
    recent = PickupRequest.objects.create(
        merchant=cheese_shop, kind="callback", name="Récent", phone="+33465712030"
    )
    out = io.StringIO()
    call_command("purge_call_collect", "--dry-run", stdout=out)
    assert "1 call & collect requests older than 30 days (dry run)" in out.getvalue()
    assert PickupRequest.objects.filter(pk=old.pk).exists()

    call_command("purge_call_collect", stdout=io.StringIO())
    assert not PickupRequest.objects.filter(pk=old.pk).exists()
    assert PickupRequest.objects.filter(pk=recent.pk).exists()


def test_report_per_merchant_and_month_with_csv_export(cheese_shop):
    created = timezone.now() - datetime.timedelta(hours=5)
    for hours in (1, 3):
        PickupRequest.objects.create(
            merchant=cheese_shop,
            kind="booking",
            name="Client",
            phone="+33465712030",
            created_at=created,
            confirmed_at=created + datetime.timedelta(hours=hours),
        )
    team = Client()
    team.force_login(TeamMemberFactory())
    response = team.get(reverse("call_collect_report"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fromagerie Les Deux Rives" in html
    csv = team.get(reverse("call_collect_report") + "?export=csv")
    assert csv.status_code == 200
    content = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    row = next(line for line in content.splitlines() if "Fromagerie Les Deux Rives" in line)
    # Two bookings, both confirmed, median of 1 h and 3 h.
    assert row.endswith(",0,2,2,2.0")


def test_report_is_refused_to_other_admin_users(client):
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("call_collect_report"))
    assert response.status_code in (302, 403)
    assert "Fromagerie" not in response.content.decode()


def test_report_can_be_narrowed_to_one_merchant(cheese_shop, bakery):
    for merchant in (cheese_shop, bakery):
        PickupRequest.objects.create(
            merchant=merchant, kind="callback", name="Client", phone="+33465712030"
        )
    team = Client()
    team.force_login(TeamMemberFactory())
    page = team.get(reverse("call_collect_report")).content.decode()
    # The filter offers the shops that received requests.
    assert f'<option value="{cheese_shop.pk}">Fromagerie Les Deux Rives</option>' in page
    assert f'<option value="{bakery.pk}">Boulangerie du Quai</option>' in page

    csv = team.get(reverse("call_collect_report"), {"merchant": cheese_shop.pk, "export": "csv"})
    content = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    shops = {line.split(",")[0] for line in content.splitlines()[1:]}
    assert shops == {"Fromagerie Les Deux Rives"}


def issued_field(html, prefix):
    """The signed timestamp a rendered form carries."""
    return re.search(rf'name="{prefix}-issued" value="([^"]+)"', html).group(1)


def test_one_form_value_serves_one_submission(clock, cheese_shop):
    visitor = Client(REMOTE_ADDR="192.0.2.30")
    data = callback_data()
    assert visitor.post(callback_url(cheese_shop), data).status_code == 302

    replayed = [visitor.post(callback_url(cheese_shop), data) for _attempt in range(6)]

    # Refused like a robot, and counted: the address soon hits its limit.
    assert [response.status_code for response in replayed] == [200] * 5 + [429]
    assert "n'est pas valide" in replayed[0].content.decode().replace("&#x27;", "'")
    assert PickupRequest.objects.filter(merchant=cheese_shop).count() == 1
    assert FormSubmission.objects.filter(form="call_collect").count() == 6
    assert len(mail.outbox) == 2  # the first request's emails only


def test_a_cached_form_value_serves_each_visitor_once(clock, cheese_shop):
    """A cached profile page gives every visitor the same timestamp: each may use it."""
    data = callback_data()
    for number in range(3):
        visitor = Client(REMOTE_ADDR=f"192.0.2.{40 + number}")
        changes = {"callback-phone": f"04 65 71 20 4{number}"}
        assert visitor.post(callback_url(cheese_shop), {**data, **changes}).status_code == 302
    assert PickupRequest.objects.filter(merchant=cheese_shop).count() == 3


def test_a_resident_corrects_a_mistake_and_sends_the_form_shown_again(clock, cheese_shop):
    visitor = Client(REMOTE_ADDR="192.0.2.50")
    form_page = visitor.get(callback_url(cheese_shop))
    assert form_page.status_code == 200
    first_value = issued_field(form_page.content.decode(), "callback")
    with time_machine.travel(time.time() + 30, tick=False):
        mistake = visitor.post(
            callback_url(cheese_shop),
            callback_data(**{"callback-issued": first_value, "callback-name": ""}),
        )
    html = mistake.content.decode()
    assert mistake.status_code == 200
    assert "Sacha Morel" not in html and "Un plateau pour huit personnes." in html
    second_value = issued_field(html, "callback")
    assert second_value != first_value

    with time_machine.travel(time.time() + 60, tick=False):
        sent = visitor.post(
            callback_url(cheese_shop), callback_data(**{"callback-issued": second_value})
        )
    assert sent.status_code == 302
    assert PickupRequest.objects.filter(merchant=cheese_shop, name="Sacha Morel").count() == 1
