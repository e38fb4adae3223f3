"""The editor's main buttons follow what the person at the page came to do
(``home.action_menu``): a reviewer approves or asks for changes, a scheduled draft is
scheduled."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from merchants.models import MerchantPage
from merchants.portal.profile import send_for_review
from news.models import NewsPage
from tests.factories.portal import MerchantAccountFactory, TeamMemberFactory
from tests.portal.conftest import demo_merchant

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admin_client_(db):
    return logged_in(get_user_model().objects.create_superuser("relecteur", password="pw"))


@pytest.fixture
def team_client():
    return logged_in(TeamMemberFactory())


@pytest.fixture
def merchant_in_review(db):
    """A merchant's change sent from the portal, waiting for the team's review."""
    merchant = demo_merchant(12)
    account = MerchantAccountFactory(merchant=merchant, user__username="m@commerces.example")

    def change(version):
        version.description = "<p>Nouvelle vitrine, mêmes horaires.</p>"
        return version

    send_for_review(merchant, account.user, change)
    return MerchantPage.objects.get(pk=merchant.pk)


def footer_buttons(client, page):
    """The main buttons (left of the dropdown's toggle) and those in the dropdown."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    group = soup.select_one("footer .w-dropdown-button")
    main = [" ".join(b.get_text().split()) for b in group.find_all("button", recursive=False)]
    menu = [" ".join(b.get_text().split()) for b in group.select(".w-dropdown button")]
    names = [b.get("data-workflow-action-name") for b in group.find_all("button", recursive=False)]
    return main, menu, names


@pytest.mark.parametrize("reviewer", ["admin_client_", "team_client"])
def test_a_reviewer_approves_from_the_main_button(request, reviewer, merchant_in_review):
    client = request.getfixturevalue(reviewer)
    main, menu, names = footer_buttons(client, merchant_in_review)
    assert main == ["Approuver et publier", "Demander des modifications"]
    assert names == ["approve", "reject"]
    assert "Enregistrer le brouillon" in menu
    assert "Approuver avec un commentaire et publier" in menu
    assert "Approuver et publier" not in menu
    assert "Demander des modifications" not in menu


def test_the_main_button_approves_and_publishes(team_client, merchant_in_review):
    """What the main button sends (Wagtail's workflow action "approve") puts the
    merchant's change live."""
    state = WorkflowState.objects.active().for_instance(merchant_in_review).get()
    response = team_client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[merchant_in_review.pk, "approve", state.current_task_state_id],
        )
    )
    assert response.status_code == 302
    live = MerchantPage.objects.get(pk=merchant_in_review.pk)
    assert live.description == "<p>Nouvelle vitrine, mêmes horaires.</p>"
    assert not WorkflowState.objects.active().for_instance(live).exists()
    main, _menu, _names = footer_buttons(team_client, live)
    assert main == ["Enregistrer le brouillon"]


def test_a_page_not_in_review_keeps_save_draft_first(team_client):
    merchant = demo_merchant(12)
    main, menu, names = footer_buttons(team_client, merchant)
    assert main == ["Enregistrer le brouillon"]
    assert names == [None]
    assert "Publier" in menu


def test_a_draft_with_a_date_to_come_is_scheduled_from_the_main_button(team_client):
    article = NewsPage.objects.filter(locale__language_code="fr").first()
    article.go_live_at = timezone.now() + datetime.timedelta(days=3)
    article.save_revision()
    main, menu, _names = footer_buttons(team_client, article)
    assert main == ["Programmer pour publication"]
    assert "Enregistrer le brouillon" in menu
