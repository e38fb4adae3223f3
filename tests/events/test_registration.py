"""Workshop registration: seats, waiting list, confirmation email with the session's
.ics, signed cancellation link, reminder, retention; refusals change nothing."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from events import registration
from events.forms import session_value
from events.models import WorkshopRegistration
from merchants.portal.models import MerchantAccount
from tests.events.conftest import NOW, issued, paris
from tests.factories.events import WorkshopFactory

pytestmark = pytest.mark.django_db

SESSION = paris(2026, 6, 8, 9, 0)


@pytest.fixture
def workshop(agenda):
    return WorkshopFactory(
        parent=agenda,
        title="Atelier vitrine",
        slug="atelier",
        start_date=datetime.date(2026, 6, 8),
    )


def form(**overrides):
    data = {
        "registration-session": session_value(SESSION),
        "registration-name": "Claire Morel",
        "registration-business_name": "Atelier Morel",
        "registration-email": "claire@example.org",
        "registration-phone": "04 75 00 11 22",
        "registration-waiting_list": "on",
        "registration-issued": issued(),
        "registration-website_confirmation": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post(client, workshop, **overrides):
    return client.post(
        reverse("event_registration:register", args=[workshop.pk]), form(**overrides)
    )


def registrations(workshop):
    return WorkshopRegistration.objects.filter(event=workshop)


def link_in(message):
    return re.search(
        r"https?://[^/]+(/inscription-atelier/inscription/[^/]+/)", message.body
    ).group(1)


def test_register_shows_confirmation_and_emails_the_session_file(client, workshop):
    response = post(client, workshop)
    assert response.status_code == 302
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Inscription enregistrée" in html
    assert "claire@example.org" in html
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]
    [message] = mail.outbox
    assert message.to == ["claire@example.org"]
    assert message.subject == "Inscription confirmée : Atelier vitrine"
    assert "lundi 8 juin 2026, 09:00" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("atelier.ics", "text/calendar")
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("DTSTART") == SESSION
    assert link_in(message) in response["Location"]
    registered = registrations(workshop).get()
    assert (registered.status, registered.seat, registered.phone) == (
        "confirmed",
        1,
        "+33475001122",
    )


def test_the_page_shows_the_seats_left(client, workshop):
    post(client, workshop)
    html = client.get("/agenda-test/atelier/").content.decode()
    assert "1 place restante" in html


def test_registering_twice_with_the_same_email_is_refused(client, workshop):
    post(client, workshop)
    response = post(client, workshop, **{"registration-email": "CLAIRE@example.org "})
    assert response.status_code == 409
    assert "Cette adresse est déjà inscrite à cette séance (inscrit)" in response.content.decode()
    assert registrations(workshop).count() == 1
    assert len(mail.outbox) == 1


def test_a_full_session_offers_the_waiting_list_and_refuses_without_it(client, workshop):
    post(client, workshop, **{"registration-email": "a@example.org"})
    post(client, workshop, **{"registration-email": "b@example.org"})
    assert "Complet" in client.get("/agenda-test/atelier/").content.decode()
    response = post(
        client,
        workshop,
        **{"registration-email": "c@example.org", "registration-waiting_list": None},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Cette séance est complète. Cochez la case pour vous inscrire sur la liste d" in html
    # What the person typed is still there.
    assert 'value="Claire Morel"' in html
    assert registrations(workshop).count() == 2
    waiting = post(client, workshop, **{"registration-email": "c@example.org"})
    assert waiting.status_code == 302
    assert "Vous êtes sur la liste d'attente" in client.get(waiting["Location"]).content.decode()
    assert registrations(workshop).get(email="c@example.org").status == "waiting"
    assert mail.outbox[-1].subject == "Liste d'attente : Atelier vitrine"
    assert not mail.outbox[-1].attachments


def test_a_past_workshop_takes_no_registration(client, workshop, frozen):
    frozen.move_to(datetime.datetime(2026, 6, 8, 9, 30, tzinfo=NOW.tzinfo))
    response = post(client, workshop)
    assert response.status_code == 409
    assert "Cet atelier n&#x27;a plus de séance à venir." in response.content.decode()
    assert not registrations(workshop).exists()
    assert "Les inscriptions sont closes" in client.get("/agenda-test/atelier/").content.decode()


@pytest.mark.parametrize("session", ["", "20260609T0700Z", "n'importe quoi", "9" * 300])
def test_a_session_the_workshop_does_not_have_is_refused(client, workshop, session):
    response = post(client, workshop, **{"registration-session": session})
    assert response.status_code == 400
    assert (
        "Sélectionnez un choix valide" in response.content.decode()
        or "Choisissez une séance" in response.content.decode()
    )
    assert not registrations(workshop).exists()


def test_an_event_that_is_not_a_workshop_takes_no_registration(client, agenda):
    from tests.factories.events import EventPageFactory

    market = EventPageFactory(parent=agenda, start_date=datetime.date(2026, 6, 8))
    response = client.post(reverse("event_registration:register", args=[market.pk]), form())
    assert response.status_code == 404
    assert client.post("/inscription-atelier/99999999999999999999/", form()).status_code == 404


def test_missing_fields_are_explained(client, workshop):
    response = post(
        client, workshop, **{"registration-name": "", "registration-email": "pas une adresse"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Saisissez une adresse de courriel valide." in html
    assert not registrations(workshop).exists()


def test_cancel_from_the_emailed_link_promotes_the_first_waiting(client, workshop):
    for letter in "abcd":
        post(client, workshop, **{"registration-email": f"{letter}@example.org"})
    first = mail.outbox[0]
    mail.outbox.clear()
    link = link_in(first)
    page = client.get(link)
    assert "Annuler mon inscription" in page.content.decode()
    response = client.post(link + "annuler/")
    assert response.status_code == 302
    assert "Inscription annulée" in client.get(response["Location"]).content.decode()
    statuses = dict(registrations(workshop).values_list("email", "status"))
    assert statuses == {
        "a@example.org": "cancelled",
        "b@example.org": "confirmed",
        "c@example.org": "confirmed",
        "d@example.org": "waiting",
    }
    assert registrations(workshop).get(email="c@example.org").seat == 1
    assert [m.to for m in mail.outbox] == [["a@example.org"], ["c@example.org"]]
    assert mail.outbox[1].subject == "Une place s'est libérée : Atelier vitrine"
    assert mail.outbox[1].attachments
    # A second click changes nothing and emails no one.
    client.post(link + "annuler/")
    assert len(mail.outbox) == 2
    # d is now first in line.
    d = registrations(workshop).get(email="d@example.org")
    token = registration.registration_token(d)
    assert (
        "position 1 sur la liste"
        in client.get(f"/inscription-atelier/inscription/{token}/").content.decode()
    )


def test_a_forged_or_altered_link_is_a_404(client, workshop):
    post(client, workshop)
    token = registration.registration_token(registrations(workshop).get())
    for forged in [
        token[:-2] + "xx",
        "abc",
        registration.registration_token(registrations(workshop).get()).replace(":", ":0", 1),
    ]:
        response = client.get(f"/inscription-atelier/inscription/{forged}/")
        assert response.status_code == 404
        assert (
            client.post(f"/inscription-atelier/inscription/{forged}/annuler/").status_code == 404
        )
    assert registrations(workshop).get().status == "confirmed"


def test_cancelling_after_the_start_is_refused(client, workshop, frozen):
    post(client, workshop)
    link = link_in(mail.outbox[0])
    frozen.move_to(datetime.datetime(2026, 6, 8, 9, 30, tzinfo=NOW.tzinfo))
    response = client.post(link + "annuler/")
    assert response.status_code == 409
    assert "L&#x27;atelier a commencé" in response.content.decode()
    assert registrations(workshop).get().status == "confirmed"


def test_the_link_expires_a_week_after_the_session(client, workshop, frozen):
    post(client, workshop)
    link = link_in(mail.outbox[0])
    frozen.move_to(datetime.datetime(2026, 6, 16, 10, 0, tzinfo=NOW.tzinfo))
    response = client.get(link)
    assert response.status_code == 410
    assert "Ce lien a expiré" in response.content.decode()


def test_a_merchant_signed_in_registers_in_one_click(client, workshop):
    account = MerchantAccount.objects.get(user__username="boulangerie@commerces.example")
    client.force_login(account.user)
    # The event's page is the same for everyone (it is shared from the caches); the
    # registration page, private, knows the merchant.
    event_page = client.get("/agenda-test/atelier/").content.decode()
    assert "M'inscrire en un clic" not in event_page
    assert "boulangerie@commerces.example" not in event_page
    form_page = client.get(reverse("event_registration:register", args=[workshop.pk]))
    assert "private" in form_page["Cache-Control"]
    assert "M'inscrire en un clic" in form_page.content.decode()
    assert "boulangerie@commerces.example" in form_page.content.decode()
    response = client.post(
        reverse("event_registration:register", args=[workshop.pk]),
        {
            "un_clic": "1",
            "registration-session": session_value(SESSION),
            "registration-waiting_list": "on",
        },
    )
    assert response.status_code == 302
    registered = registrations(workshop).get()
    assert registered.email == "boulangerie@commerces.example"
    assert registered.business_name == account.merchant.title
    assert registered.merchant_id == account.merchant_id
    again = client.post(
        reverse("event_registration:register", args=[workshop.pk]),
        {"un_clic": "1", "registration-session": session_value(SESSION)},
    )
    assert again.status_code == 409
    assert "Cette adresse est déjà inscrite" in again.content.decode()


def test_reminder_the_day_before_once(workshop, client, frozen):
    post(client, workshop)
    post(client, workshop, **{"registration-email": "b@example.org"})
    post(client, workshop, **{"registration-email": "c@example.org"})  # waiting: no reminder
    mail.outbox.clear()
    frozen.move_to(datetime.datetime(2026, 6, 6, 18, 0, tzinfo=NOW.tzinfo))
    call_command("send_workshop_reminders", stdout=io.StringIO())
    assert mail.outbox == []  # two days before
    frozen.move_to(datetime.datetime(2026, 6, 7, 18, 0, tzinfo=NOW.tzinfo))
    out = io.StringIO()
    call_command("send_workshop_reminders", stdout=out)
    assert "Sent 2 of 2" in out.getvalue()
    assert sorted(m.to[0] for m in mail.outbox) == ["b@example.org", "claire@example.org"]
    assert mail.outbox[0].subject == "Demain : Atelier vitrine"
    assert mail.outbox[0].attachments
    call_command("send_workshop_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 2


def test_registrations_are_deleted_after_the_retention_period(workshop, client, frozen, settings):
    post(client, workshop)
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 30
    frozen.move_to(datetime.datetime(2026, 7, 7, 10, 0, tzinfo=NOW.tzinfo))
    call_command("purge_workshop_registrations", stdout=io.StringIO())
    assert registrations(workshop).count() == 1
    frozen.move_to(datetime.datetime(2026, 7, 9, 10, 0, tzinfo=NOW.tzinfo))
    out = io.StringIO()
    call_command("purge_workshop_registrations", "--dry-run", stdout=out)
    assert "1 workshop registrations older than 30 days (dry run)." in out.getvalue()
    call_command("purge_workshop_registrations", stdout=io.StringIO())
    assert not registrations(workshop).exists()


def test_a_robot_filling_the_honeypot_is_refused(client, workshop):
    response = post(client, workshop, **{"registration-website_confirmation": "http://spam"})
    assert response.status_code == 400
    assert not registrations(workshop).exists()
