"""The merchant's journey: edit, submit, review by the team, emails."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from tests.portal.conftest import fresh, profile_data, review

pytestmark = pytest.mark.django_db

NEW_DESCRIPTION = "Nouvelle fournée : pains spéciaux aux graines tous les jeudis."


def test_dashboard_shows_the_published_profile(client_a, merchant_a):
    response = client_a.get(reverse("merchant_portal:dashboard"))
    assert response.status_code == 200
    content = response.content.decode()
    assert merchant_a.title in content
    assert "Fiche publiée, à jour" in content
    assert (
        response["Cache-Control"].startswith("max-age=0")
        or "no-cache" in response["Cache-Control"]
    )


def test_submitting_saves_a_revision_and_starts_the_workflow(
    client_a, account_a, merchant_a, team_member
):
    live_description = merchant_a.description
    revisions = Revision.objects.for_instance(merchant_a).count()

    response = client_a.post(
        reverse("merchant_portal:profile"),
        profile_data(merchant_a, description=NEW_DESCRIPTION, phone="04 65 71 99 88"),
    )

    assert response.status_code == 302
    assert response.url == reverse("merchant_portal:dashboard")
    page = fresh(merchant_a)
    assert Revision.objects.for_instance(page).count() == revisions + 1
    pending = page.get_latest_revision_as_object()
    assert pending.description == NEW_DESCRIPTION
    assert pending.phone == "+33465719988"
    # Nothing public changed: the live page still says what it said.
    assert page.description == live_description
    state = WorkflowState.objects.active().for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == account_a.user
    assert state.current_task_state.revision_id == page.latest_revision_id
    # Wagtail tells the team (group approval task notification).
    assert [message.to for message in mail.outbox] == [[team_member.email]]
    assert page.title in mail.outbox[0].subject

    dashboard = client_a.get(reverse("merchant_portal:dashboard")).content.decode()
    assert "Modifications en attente de validation" in dashboard


def test_invalid_input_is_shown_with_a_message_and_nothing_is_saved(client_a, merchant_a):
    revisions = Revision.objects.for_instance(merchant_a).count()
    response = client_a.post(
        reverse("merchant_portal:profile"),
        profile_data(merchant_a, description=NEW_DESCRIPTION, phone="12", postcode="7300"),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "n&#x27;est pas un numéro de téléphone valide" in content
    assert "Le code postal compte cinq chiffres." in content
    # What the merchant typed is still there.
    assert NEW_DESCRIPTION in content
    assert Revision.objects.for_instance(merchant_a).count() == revisions
    assert not WorkflowState.objects.for_instance(merchant_a).exists()


def test_team_requests_changes_then_merchant_resubmits_then_approval_publishes(
    client_a, account_a, merchant_a, team_client
):
    client_a.post(
        reverse("merchant_portal:profile"), profile_data(merchant_a, description="Trop court")
    )
    submitted = fresh(merchant_a).latest_revision
    mail.outbox.clear()

    review(team_client, merchant_a, "reject", comment="Précisez vos spécialités, s'il vous plaît.")

    # The merchant is told, with the reviewer's comment, in the account's language.
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [account_a.user.email]
    assert "demande des modifications" in email.subject
    assert "Précisez vos spécialités" in email.body
    assert "/espace-commercant/fiche/" in email.body
    # The rejected changes are kept, and the form starts from them.
    assert Revision.objects.filter(pk=submitted.pk).exists()
    dashboard = client_a.get(reverse("merchant_portal:dashboard")).content.decode()
    assert "L'équipe vous demande des modifications" in dashboard
    assert "Précisez vos spécialités" in dashboard
    form = client_a.get(reverse("merchant_portal:profile")).content.decode()
    assert "Trop court" in form

    client_a.post(
        reverse("merchant_portal:profile"), profile_data(merchant_a, description=NEW_DESCRIPTION)
    )
    state = WorkflowState.objects.active().for_instance(merchant_a).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    resubmitted = fresh(merchant_a).latest_revision
    mail.outbox.clear()

    review(team_client, merchant_a, "approve")

    page = fresh(merchant_a)
    assert page.description == NEW_DESCRIPTION
    # Exactly the reviewed revision is live.
    assert page.live_revision_id == resubmitted.pk
    assert not page.has_unpublished_changes
    assert [message.to for message in mail.outbox] == [[account_a.user.email]]
    assert "sont en ligne" in mail.outbox[0].subject
    assert (
        "Fiche publiée, à jour"
        in client_a.get(reverse("merchant_portal:dashboard")).content.decode()
    )


def test_changes_during_a_review_join_it_without_a_new_review_or_email(
    client_a, merchant_a, team_member
):
    client_a.post(
        reverse("merchant_portal:profile"), profile_data(merchant_a, description="Première")
    )
    first = WorkflowState.objects.active().for_instance(merchant_a).get()
    task_state = first.current_task_state
    revisions = Revision.objects.for_instance(merchant_a).count()
    mail.outbox.clear()

    client_a.post(
        reverse("merchant_portal:profile"), profile_data(merchant_a, description="Seconde")
    )

    # Still one review, on the same task, now looking at the newest content; one pending
    # revision (the merchant's own, overwritten); nobody emailed again.
    assert WorkflowState.objects.for_instance(merchant_a).count() == 1
    first.refresh_from_db()
    assert first.status == WorkflowState.STATUS_IN_PROGRESS
    assert first.current_task_state_id == task_state.pk
    page = fresh(merchant_a)
    assert Revision.objects.for_instance(page).count() == revisions
    task_state.refresh_from_db()
    assert task_state.revision_id == page.latest_revision_id
    assert task_state.revision.as_object().description == "Seconde"
    assert mail.outbox == []


def test_preview_shows_unsaved_changes_without_saving_them(client_a, merchant_a):
    revisions = Revision.objects.for_instance(merchant_a).count()
    response = client_a.post(
        reverse("merchant_portal:profile"),
        profile_data(merchant_a, description=NEW_DESCRIPTION, action="preview"),
    )
    assert response.status_code == 302
    assert response.url == reverse("merchant_portal:preview")

    preview = client_a.get(response.url)
    assert preview.status_code == 200
    content = preview.content.decode()
    assert NEW_DESCRIPTION in content
    assert "elles ne sont pas encore envoyées" in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert Revision.objects.for_instance(merchant_a).count() == revisions
    # Back to the form: the previewed data is still there.
    assert NEW_DESCRIPTION in client_a.get(reverse("merchant_portal:profile")).content.decode()

    # Submitting from the preview sends exactly what was previewed.
    client_a.post(reverse("merchant_portal:preview"))
    assert fresh(merchant_a).get_latest_revision_as_object().description == NEW_DESCRIPTION
    assert WorkflowState.objects.active().for_instance(merchant_a).exists()


def test_send_again_after_the_team_cancelled_the_review(client_a, merchant_a, team_member):
    client_a.post(
        reverse("merchant_portal:profile"), profile_data(merchant_a, description="À revoir")
    )
    WorkflowState.objects.active().for_instance(merchant_a).get().cancel(user=team_member)
    dashboard = client_a.get(reverse("merchant_portal:dashboard")).content.decode()
    assert "Modifications enregistrées, pas encore envoyées" in dashboard

    response = client_a.post(reverse("merchant_portal:send"))

    assert response.status_code == 302
    state = WorkflowState.objects.active().for_instance(merchant_a).get()
    assert state.current_task_state.revision.as_object().description == "À revoir"


def test_english_account_gets_english_emails(client, account_b, merchant_b, team_client):
    client.force_login(account_b.user)
    client.post(
        reverse("merchant_portal:profile"), profile_data(merchant_b, description=NEW_DESCRIPTION)
    )
    mail.outbox.clear()
    review(team_client, merchant_b, "reject", comment="Please add your opening days.")
    email = mail.outbox[0]
    assert email.to == [account_b.user.email]
    assert "Please add your opening days." in email.body
    assert "/en/merchant-area/profile/" in email.body
    assert "asks for changes" in email.subject
