"""The team's registrations report; merchants proposing events from the portal, through
the review workflow, to the agenda and their own profile."""

import datetime
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import WorkflowState

from events.models import EventPage, WorkshopRegistration
from events.recurrence import PARIS
from merchants.portal.models import MerchantAccount
from tests.factories.events import WorkshopFactory
from tests.factories.portal import TeamMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    client = Client()
    client.force_login(TeamMemberFactory())
    return client


@pytest.fixture
def workshop_with_people(agenda):
    workshop = WorkshopFactory(
        parent=agenda,
        title="Atelier tableur",
        slug="tableur",
        start_date=datetime.date(2026, 6, 8),
    )
    start = datetime.datetime(2026, 6, 8, 9, 0, tzinfo=PARIS)
    for number, name in enumerate(['=HYPERLINK("http://x")', "Paul Lefèvre", "+33 Inès"]):
        WorkshopRegistration.objects.create(
            event=workshop,
            occurrence_start=start,
            seat=number + 1 if number < 2 else None,
            status="confirmed" if number < 2 else "waiting",
            name=name,
            business_name="@Commerce",
            email=f"p{number}@example.org",
        )
    return workshop


def test_the_team_lists_and_exports_registrations_with_formulas_neutralised(
    team, workshop_with_people
):
    url = reverse("workshop_registrations_report")
    response = team.get(url, {"event": workshop_with_people.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Paul Lefèvre" in html
    assert "Liste d&#x27;attente" in html or "Liste d'attente" in html
    csv = team.get(url, {"event": workshop_with_people.pk, "export": "csv"})
    content = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    lines = content.splitlines()
    assert len(lines) == 4
    assert "'=HYPERLINK" in content and ",=HYPERLINK" not in content
    assert "'@Commerce" in content
    assert "'+33 Inès" in content
    xlsx = team.get(url, {"event": workshop_with_people.pk, "export": "xlsx"})
    data = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = load_workbook(BytesIO(data)).active
    cells = [
        cell for row in sheet.iter_rows() for cell in row if cell.value == '=HYPERLINK("http://x")'
    ]
    assert cells and all(cell.data_type == "s" and cell.quotePrefix for cell in cells)


def test_the_report_is_refused_to_other_admin_users(client, workshop_with_people):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("workshop_registrations_report"))
    assert response.status_code in (302, 403)
    assert "Paul Lefèvre" not in response.content.decode()


@pytest.fixture
def cheese(db):
    account = MerchantAccount.objects.get(user__username="fromagerie@commerces.example")
    client = Client()
    client.force_login(account.user)
    return client, account


def proposal(**overrides):
    data = {
        "title": "Soirée raclette",
        "kind": "animation",
        "lead": "Raclette au lait cru et vins blancs de Saint-Joseph.",
        "start_date": (datetime.date.today() + datetime.timedelta(days=10)).isoformat(),
        "start_time": "18:30",
        "end_time": "21:00",
        "end_date": "",
        "price": "12",
        "link": "",
    }
    data.update(overrides)
    return data


def test_a_merchant_proposes_an_event_and_approval_publishes_it(cheese, team):
    client, account = cheese
    page = client.get(reverse("merchant_events:propose"))
    assert page.status_code == 200
    assert "Proposer un événement" in page.content.decode()
    response = client.post(reverse("merchant_events:propose"), proposal())
    assert response.status_code == 302
    event = EventPage.objects.get(title="Soirée raclette")
    assert not event.live
    assert event.place_merchant_id == account.merchant_id
    assert event.proposed_by_id == account.merchant_id
    state = WorkflowState.objects.active().for_instance(event).get()
    assert state.workflow.name == "Validation des événements"
    listing = client.get(reverse("merchant_events:propose")).content.decode()
    assert "Soirée raclette" in listing and "en attente de validation" in listing
    merchant_url = account.merchant.url
    assert "Soirée raclette" not in Client().get("/agenda/").content.decode()

    approved = team.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[event.pk, "approve", state.current_task_state_id],
        ),
        {"comment": ""},
    )
    assert approved.status_code == 302
    event.refresh_from_db()
    assert event.live
    visitor = Client()
    assert "Soirée raclette" in visitor.get("/agenda/?type=animation").content.decode()
    profile = visitor.get(merchant_url).content.decode()
    assert "Événements à venir" in profile
    assert "Soirée raclette" in profile


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_time": "17:00"}, "La fin ne peut pas être avant le début."),
        (
            {"start_date": "2020-01-01"},
            "Choisissez une date entre aujourd&#x27;hui et dans un an.",
        ),
        ({"title": ""}, "Champ requis."),
        ({"price": "-3"}, "supérieure ou égale à 0"),
    ],
)
def test_an_invalid_proposal_is_explained_and_nothing_is_saved(cheese, overrides, message):
    client, _account = cheese
    before = EventPage.objects.count()
    response = client.post(reverse("merchant_events:propose"), proposal(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert EventPage.objects.count() == before


def test_the_portal_menu_offers_it(cheese):
    client, _account = cheese
    html = client.get(reverse("merchant_portal:dashboard")).content.decode()
    assert f'href="{reverse("merchant_events:propose")}"' in html
    assert "Proposer un événement" in html


def test_anonymous_visitors_are_sent_to_the_sign_in_page(client):
    response = client.get(reverse("merchant_events:propose"))
    assert response.status_code == 302
    assert "connexion" in response["Location"]
