"""Opening hours and closures go live at once; everything else keeps waiting."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale, Revision, WorkflowState

from merchants.models import OpenPeriod
from tests.portal.conftest import fresh, profile_data, review

pytestmark = pytest.mark.django_db

NEW_HOURS = "Mo-Sa 08:00-19:00; PH off"
PENDING_DESCRIPTION = "Une description qui attend la validation de l'équipe."


def hours_data(**changes):
    data = {
        "opening_hours": NEW_HOURS,
        "closed_from": "",
        "closed_until": "",
        "closure_message": "",
    }
    data.update(changes)
    return data


def test_hours_are_published_at_once_through_a_revision(client_a, merchant_a):
    revisions = Revision.objects.for_instance(merchant_a).count()

    response = client_a.post(reverse("merchant_portal:hours"), hours_data())

    assert response.status_code == 302
    page = fresh(merchant_a)
    assert page.opening_hours == NEW_HOURS
    assert page.live_revision.as_object().opening_hours == NEW_HOURS
    assert Revision.objects.for_instance(page).count() == revisions + 1
    assert not page.has_unpublished_changes
    # The "open now" index follows (merchants' page_published receiver).
    assert OpenPeriod.objects.filter(merchant=page).exists()
    # No review is needed, nobody is emailed.
    assert not WorkflowState.objects.for_instance(page).exists()
    assert mail.outbox == []
    assert "Vos horaires sont en ligne." in client_a.get(response.url).content.decode()


def test_hours_during_a_review_keep_the_pending_changes_pending(client_a, merchant_a, team_client):
    live_description = merchant_a.description
    client_a.post(
        reverse("merchant_portal:profile"),
        profile_data(merchant_a, description=PENDING_DESCRIPTION),
    )
    review_state = WorkflowState.objects.active().for_instance(merchant_a).get()

    client_a.post(
        reverse("merchant_portal:hours"),
        hours_data(closed_from="2030-08-01", closed_until="2030-08-20", closure_message="Congés"),
    )

    page = fresh(merchant_a)
    # Live: the new hours and closure, not the description waiting for review.
    assert page.opening_hours == NEW_HOURS
    assert page.closed_until == datetime.date(2030, 8, 20)
    assert page.description == live_description
    assert page.live_revision.as_object().description == live_description
    # Pending: the merchant's description AND the new hours.
    pending = page.get_latest_revision_as_object()
    assert pending.description == PENDING_DESCRIPTION
    assert pending.opening_hours == NEW_HOURS
    assert pending.closure_message == "Congés"
    assert page.has_unpublished_changes
    # The review goes on.
    review_state.refresh_from_db()
    assert review_state.status == WorkflowState.STATUS_IN_PROGRESS

    # Approving later publishes the description without bringing the old hours back.
    review(team_client, merchant_a, "approve")
    page = fresh(merchant_a)
    assert page.description == PENDING_DESCRIPTION
    assert page.opening_hours == NEW_HOURS
    assert page.closed_from == datetime.date(2030, 8, 1)


def test_bad_hours_are_refused_with_a_message_and_nothing_changes(client_a, merchant_a):
    before = (merchant_a.opening_hours, merchant_a.live_revision_id)
    response = client_a.post(
        reverse("merchant_portal:hours"),
        hours_data(
            opening_hours="Mo 09:00-1200x", closed_from="2030-08-20", closed_until="2030-08-01"
        ),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Horaires illisibles" in content
    assert "La fermeture ne peut pas finir avant de commencer." in content
    assert "Mo 09:00-1200x" in content  # what was typed is kept
    page = fresh(merchant_a)
    assert (page.opening_hours, page.live_revision_id) == before


def test_hours_reach_the_english_translation(client_a, merchant_a):
    english = merchant_a.get_translation(Locale.objects.get(language_code="en"))

    client_a.post(
        reverse("merchant_portal:hours"), hours_data(closure_message="Fermé pour travaux")
    )

    english = fresh(english)
    assert english.opening_hours == NEW_HOURS
    # The closure message is translated by the translators, not copied.
    assert english.closure_message != "Fermé pour travaux"
