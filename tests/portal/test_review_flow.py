"""Review that follows the merchant's intent: saves and photos gather in one pending
change, sent once; the reviewers get one email each, addressed by name."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from tests.factories.portal import TeamMemberFactory
from tests.portal.conftest import fresh, profile_data
from tests.portal.test_photos import picture, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_reviewer(db):
    return TeamMemberFactory(first_name="Camille", last_name="Martin")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "admin", "admin@agglo.example", "mot-de-passe-solide-42"
    )


def test_two_photos_and_a_save_then_one_submission_one_email_per_reviewer(
    client_a, merchant_a, named_reviewer, superuser
):
    revisions = Revision.objects.for_instance(merchant_a).count()

    assert upload(client_a, picture("JPEG"), "vitrine.jpg").status_code == 302
    assert upload(client_a, picture("PNG"), "rayon.png").status_code == 302
    response = client_a.post(
        reverse("merchant_portal:profile"),
        profile_data(merchant_a, description="Fromages affinés sur place", action="save"),
    )
    assert response.status_code == 302

    # Saved, not sent: no review, nobody emailed, one pending revision.
    assert not WorkflowState.objects.for_instance(merchant_a).exists()
    assert mail.outbox == []
    assert Revision.objects.for_instance(merchant_a).count() == revisions + 1
    dashboard = client_a.get(reverse("merchant_portal:dashboard")).content.decode()
    assert "Envoyer pour validation" in dashboard

    client_a.post(reverse("merchant_portal:send"))

    states = WorkflowState.objects.for_instance(merchant_a)
    assert states.count() == 1
    assert states.get().status == WorkflowState.STATUS_IN_PROGRESS
    pending = fresh(merchant_a).get_latest_revision_as_object()
    assert pending.description == "Fromages affinés sur place"
    assert len(pending.gallery_images.all()) == len(merchant_a.gallery_images.all()) + 2
    # One email, to the reviewer, by name; none to the superuser, no "Salut admin".
    assert [message.to for message in mail.outbox] == [[named_reviewer.email]]
    body = mail.outbox[0].body
    assert body.startswith("Bonjour Camille Martin,")
    assert "Salut" not in body and "admin" not in body.split("\n")[0]

    # A photo added while the team reviews joins the review: no new state, no email.
    mail.outbox.clear()
    assert upload(client_a, picture("JPEG"), "comptoir.jpg").status_code == 302
    assert WorkflowState.objects.for_instance(merchant_a).count() == 1
    assert mail.outbox == []


def test_the_merchant_withdraws_and_the_changes_stay_pending(client_a, merchant_a, team_member):
    client_a.post(
        reverse("merchant_portal:profile"), profile_data(merchant_a, description="À retirer")
    )
    assert WorkflowState.objects.active().for_instance(merchant_a).exists()

    response = client_a.post(reverse("merchant_portal:withdraw"))

    assert response.status_code == 302
    assert not WorkflowState.objects.active().for_instance(merchant_a).exists()
    page = fresh(merchant_a)
    assert page.description != "À retirer"
    assert page.get_latest_revision_as_object().description == "À retirer"
