""" "Référencer mon commerce": a draft profile, the team told, robots kept out."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision

from merchants.models import Category, Commune, MerchantPage
from merchants.portal.models import FormSubmission, ListingRequest, MerchantAccount

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def form_data(client, **changes):
    """The form as a person fills it in, starting from the timestamp it was given."""
    page = client.get(reverse("merchant_listing:request"))
    issued = page.context["form"]["issued"].value()
    data = {
        "title": "La Cave à Fromages",
        "category": str(Category.objects.filter(locale__language_code="fr").first().pk),
        "commune": str(Commune.objects.get(insee_code="26347").pk),
        "street_address": "3 rue des Alpes",
        "postcode": "26600",
        "phone": "04 65 71 55 66",
        "email": "",
        "website": "",
        "description": "Fromages fermiers de la Drôme et de l'Ardèche, affinés sur place.",
        "contact_name": "Claire Martin",
        "contact_email": "Claire@Fromages.example",
        "contact_phone": "",
        "message": "Nous avons ouvert en janvier.",
        "consent": "on",
        "website_confirmation": "",
        "issued": issued,
    }
    data.update(changes)
    return data


def submit(client, data, seconds_later=30):
    with time_machine.travel(NOW + datetime.timedelta(seconds=seconds_later), tick=False):
        return client.post(reverse("merchant_listing:request"), data)


@pytest.fixture
def visitor():
    with time_machine.travel(NOW, tick=False):
        yield Client(REMOTE_ADDR="192.0.2.10")


def test_request_creates_a_draft_and_tells_the_team(visitor, team_member):
    with time_machine.travel(NOW, tick=False):
        data = form_data(visitor)
    pages = MerchantPage.objects.count()

    response = submit(visitor, data)

    assert response.status_code == 302
    assert response.url == reverse("merchant_listing:thanks")
    page = MerchantPage.objects.get(title="La Cave à Fromages")
    assert MerchantPage.objects.count() == pages + 1
    assert not page.live
    assert page.get_parent().slug == "commerces"
    assert page.phone == "+33465715566"
    assert "Claire Martin" in page.editor_notes
    assert Revision.objects.for_instance(page).count() == 1
    request = ListingRequest.objects.get(page=page)
    assert request.contact_email == "claire@fromages.example"
    assert request.status == ListingRequest.Status.RECEIVED
    # No account before the team publishes.
    assert not MerchantAccount.objects.filter(user__email="claire@fromages.example").exists()
    assert [message.to for message in mail.outbox] == [[team_member.email]]
    assert "La Cave à Fromages" in mail.outbox[0].subject
    assert f"/admin/pages/{page.pk}/edit/" in mail.outbox[0].body
    # Only a keyed hash of the address is kept.
    record = FormSubmission.objects.get()
    assert "192.0.2.10" not in record.client and len(record.client) == 64


def test_publishing_the_page_invites_the_contact(visitor, team_member):
    with time_machine.travel(NOW, tick=False):
        data = form_data(visitor)
    submit(visitor, data)
    page = MerchantPage.objects.get(title="La Cave à Fromages")
    mail.outbox.clear()

    page.save_revision(user=team_member).publish(user=team_member)

    account = MerchantAccount.objects.get(user__email="claire@fromages.example")
    assert account.merchant_id == page.pk
    assert ListingRequest.objects.get(page=page).status == ListingRequest.Status.INVITED
    assert [message.to for message in mail.outbox] == [["claire@fromages.example"]]
    assert "/espace-commercant/invitation/" in mail.outbox[0].body
    # Publishing again does not invite twice.
    page.save_revision(user=team_member).publish(user=team_member)
    assert len(mail.outbox) == 1


def test_errors_keep_what_was_typed(visitor):
    with time_machine.travel(NOW, tick=False):
        data = form_data(visitor, postcode="260", consent="")
    pages = MerchantPage.objects.count()
    response = submit(visitor, data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Le code postal compte cinq chiffres." in content
    assert "La Cave à Fromages" in content
    assert MerchantPage.objects.count() == pages
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "seconds_later", "message"),
    [
        ({"website_confirmation": "http://spam.example"}, 30, "Videz le champ"),
        ({}, 1, "envoyé trop vite"),
        ({}, 4 * 3600, "resté ouvert trop longtemps"),
        ({"issued": "1700000000:forged"}, 30, "n&#x27;est pas valide"),
    ],
)
def test_robots_are_refused_and_nothing_is_created(visitor, changes, seconds_later, message):
    with time_machine.travel(NOW, tick=False):
        data = form_data(visitor, **changes)
    pages, requests = MerchantPage.objects.count(), ListingRequest.objects.count()
    response = submit(visitor, data, seconds_later)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (MerchantPage.objects.count(), ListingRequest.objects.count()) == (pages, requests)
    assert mail.outbox == []


def test_per_address_rate_limit_answers_429(visitor):
    for number in range(3):
        with time_machine.travel(NOW, tick=False):
            data = form_data(visitor, title=f"Commerce {number}")
        assert submit(visitor, data).status_code == 302
    with time_machine.travel(NOW, tick=False):
        data = form_data(visitor, title="Commerce de trop")
    pages = MerchantPage.objects.count()

    response = submit(visitor, data, seconds_later=60)

    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert MerchantPage.objects.count() == pages
    # Another address still can, and the limit lifts after an hour.
    other = Client(REMOTE_ADDR="192.0.2.99")
    with time_machine.travel(NOW, tick=False):
        other_data = form_data(other, title="Commerce voisin")
    assert submit(other, other_data).status_code == 302
    assert submit(visitor, data, seconds_later=2 * 3600 - 60).status_code != 429


def test_one_form_value_serves_one_request(visitor):
    with time_machine.travel(NOW, tick=False):
        data = form_data(visitor)
    assert submit(visitor, data).status_code == 302
    pages, requests = MerchantPage.objects.count(), ListingRequest.objects.count()
    mail.outbox.clear()

    replay = submit(visitor, {**data, "title": "La Cave à Fromages (bis)"}, seconds_later=60)

    assert replay.status_code == 200
    assert "n&#x27;est pas valide" in replay.content.decode()
    assert (MerchantPage.objects.count(), ListingRequest.objects.count()) == (pages, requests)
    assert mail.outbox == []
    # Counted like a robot's attempt.
    assert FormSubmission.objects.count() == 2
    # The form shown again carries a fresh value, which works.
    fresh = replay.context["form"]["issued"].value()
    assert fresh != data["issued"]
    again = submit(visitor, {**data, "title": "La Cave à Fromages (bis)", "issued": fresh}, 120)
    assert again.status_code == 302


def test_the_form_gives_a_shopkeepers_help_not_wagtails(client):
    content = client.get(reverse("merchant_listing:request")).content.decode()
    assert "Tel qu&#x27;il figure sur votre devanture" in content
    assert "Le titre de la page" not in content


def test_every_public_page_links_to_the_merchant_area_and_to_listing_a_shop(client):
    content = client.get("/").content.decode()
    portal, listing = reverse("merchant_portal:dashboard"), reverse("merchant_listing:request")
    assert f'<a href="{portal}">Espace commerçant</a>' in content
    assert f'<a href="{listing}">Référencer mon commerce</a>' in content
