"""A resident books while the mail server is down: the booking goes through, its two
emails wait in the queue, and once the server is back they are delivered, once each,
with what they had to say. A real SMTP server (aiosmtpd on loopback), the real task
queue (django-tasks' database backend) and its worker, run here under a frozen clock."""

import datetime

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from home.background.models import OutgoingEmail
from home.background.tasks import queued
from home.background.worker import run_pending_tasks
from merchants.collect import booking, emails
from merchants.collect.models import PickupRequest
from tests.collect.conftest import NOW, TUESDAY_10, book_url, booking_data, linked_request
from tests.smtp import MailServer, body

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(clock):
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_booking_while_the_mail_server_is_down_then_back(
    client, frozen, cheese_shop, stored_tasks, mail_port
):
    response = client.post(book_url(cheese_shop), booking_data())

    # The resident's booking is made and shown, mail server or not.
    booked = PickupRequest.objects.get(merchant=cheese_shop)
    assert response.status_code == 302
    assert linked_request(response.url) == booked
    assert "Réservation enregistrée" in client.get(response.url).content.decode()
    assert (booked.slot_start, booked.status) == (TUESDAY_10, "new")
    # Its two emails wait, with the task that delivers them.
    assert sorted(OutgoingEmail.objects.values_list("recipient", flat=True)) == [
        "fromagerie@commerces.example",
        "lou.garnier@exemple.example",
    ]
    (delivery,) = queued()
    assert delivery.task_path == "home.mail.deliver_emails"

    run_pending_tasks()  # the server does not answer

    delivery.refresh_from_db()
    assert delivery.status == "READY"
    assert delivery.exception_class_path == "home.mail.MailServerUnavailable"
    assert "ConnectionRefusedError" in delivery.traceback
    assert delivery.run_after == NOW + datetime.timedelta(seconds=30)
    assert OutgoingEmail.objects.count() == 2

    with MailServer(mail_port) as server:
        frozen.shift(datetime.timedelta(seconds=29))
        run_pending_tasks()
        assert server.messages == []  # not yet: the next attempt is 30 s after the first

        frozen.shift(datetime.timedelta(seconds=2))
        run_pending_tasks()
        delivered = server.messages

        # Later runs of the worker deliver nothing more: each email went once.
        frozen.shift(datetime.timedelta(days=3))
        run_pending_tasks()
        assert len(server.messages) == 2

    by_recipient = {message["To"]: message for message in delivered}
    assert len(by_recipient) == 2
    to_resident = by_recipient["lou.garnier@exemple.example"]
    to_merchant = by_recipient["fromagerie@commerces.example"]
    assert "Votre réservation chez Fromagerie Les Deux Rives est enregistrée" in str(
        to_resident["Subject"]
    )
    assert "mardi 4 juin 2030, 10:00" in body(to_resident)
    # The link of the page the resident was sent to when booking, three days earlier.
    assert response.url.split("?")[0] in body(to_resident)
    with translation.override("en"):  # the shop's account reads English
        assert to_merchant["Subject"] == gettext("Nouvelle réservation de retrait : %(name)s") % {
            "name": "Lou Garnier"
        }
        assert reverse("merchant_portal:collect_requests") in body(to_merchant)

    delivery.refresh_from_db()
    assert delivery.status == "SUCCESSFUL"
    assert delivery.return_value == {"delivered": 2, "refused": 0}
    assert len(delivery.worker_ids) == 2  # two attempts
    assert not OutgoingEmail.objects.exists()


def test_no_email_for_a_booking_that_rolled_back(frozen, cheese_shop, stored_tasks, mail_port):
    with pytest.raises(RuntimeError), transaction.atomic():
        booked = booking.book(cheese_shop, TUESDAY_10, booking_details(), "fr", NOW)
        emails.notify_new_request(booked)
        raise RuntimeError("the request failed after the booking was written")

    assert not PickupRequest.objects.filter(merchant=cheese_shop).exists()
    assert not OutgoingEmail.objects.exists()
    assert not queued().exists()
    with MailServer(mail_port) as server:
        run_pending_tasks()
        assert server.messages == []


def booking_details():
    return {
        "name": "Lou Garnier",
        "phone": "+33465712030",
        "email": "lou.garnier@exemple.example",
        "topic": "",
    }
