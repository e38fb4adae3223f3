"""A merchant's facts reach the English page when the French page is published."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from home.models import StaleTranslation
from tests.portal.conftest import fresh, profile_data, review

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_a(merchant_a):
    return merchant_a.get_translation(Locale.objects.get(language_code="en"))


def test_approved_edit_updates_facts_in_english_and_keeps_the_english_text(
    client, client_a, merchant_a, english_a, team_client
):
    english_description = english_a.description
    data = profile_data(
        merchant_a,
        description="Coupes et couleurs végétales, nouveau : barbier le samedi.",
        phone="04 65 71 99 99",
    )
    data["services"] = [*data.get("services", []), "click_collect"]
    client_a.post(reverse("merchant_portal:profile"), data)
    # Nothing reaches the English page before the team approves.
    assert fresh(english_a).phone == english_a.phone

    review(team_client, merchant_a, "approve")

    english = fresh(english_a)
    assert english.phone == "+33465719999"
    assert english.offers_click_collect
    assert english.description == english_description
    assert not english.has_unpublished_changes
    page = client.get(english.url).content.decode()
    assert "04 65 71 99 99" in page
    assert english_description in page
    assert "barbier" not in page


def test_new_french_text_makes_the_translation_stale_and_tells_translators(
    client_a, merchant_a, english_a, team_client, django_capture_on_commit_callbacks, mailoutbox
):
    from tests.factories.portal import TranslatorFactory

    translator = TranslatorFactory(email="traduction@agglo.example")
    client_a.post(
        reverse("merchant_portal:profile"),
        profile_data(merchant_a, description="Coupes et couleurs végétales, barbier le samedi."),
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review(team_client, merchant_a, "approve")

    stale = StaleTranslation.objects.get(page=english_a)
    assert stale.source_page_id == merchant_a.pk
    assert stale.strings_to_translate == 1
    to_translators = [email for email in mailoutbox if email.to == [translator.email]]
    assert len(to_translators) == 1
    assert "Salon Mèche et Ciseaux" in to_translators[0].subject
    assert f"/admin/pages/{english_a.pk}/edit/" in to_translators[0].body
    assert "/admin/localize/update/" in to_translators[0].body


def test_hours_alone_make_nothing_stale(client_a, merchant_a, english_a):
    from tests.portal.test_hours import NEW_HOURS, hours_data

    client_a.post(reverse("merchant_portal:hours"), hours_data())

    assert fresh(english_a).opening_hours == NEW_HOURS
    assert not StaleTranslation.objects.filter(page=english_a).exists()


def test_a_failure_in_translation_bookkeeping_never_blocks_publishing(
    merchant_a, english_a, monkeypatch, caplog
):
    def broken(page):
        raise RuntimeError("extraction failed")

    monkeypatch.setattr("home.translation.staleness.current_strings", broken)
    merchant_a.description = "Coupes, couleurs végétales et barbier le samedi."
    merchant_a.phone = "+33465719998"

    merchant_a.save_revision().publish()

    assert fresh(merchant_a).description.startswith("Coupes, couleurs")
    # The facts still reached the English page; only the staleness step failed.
    assert fresh(english_a).phone == "+33465719998"
    assert "recording which translations are out of date failed for page" in caplog.text
