"""Child objects (social links, photos) keep their ids across partial publications:
the hours going live at once, and the facts reaching translations. A pending draft
refers to those ids; new ids would make the merchant's next submission fail."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from merchants.models import MerchantSocialLink
from tests.portal.conftest import fresh, profile_data, review
from tests.portal.test_hours import hours_data

pytestmark = pytest.mark.django_db


def with_new_social_link(merchant, url):
    data = profile_data(merchant)
    total = int(data["social_links-TOTAL_FORMS"])
    data.update(
        {
            "social_links-TOTAL_FORMS": str(total + 1),
            f"social_links-{total}-network": "instagram",
            f"social_links-{total}-url": url,
        }
    )
    return data


def link_ids(page):
    return sorted(MerchantSocialLink.objects.filter(page=page).values_list("pk", flat=True))


def test_saving_hours_never_breaks_the_next_profile_submission(client_a, merchant_a, team_client):
    profile = reverse("merchant_portal:profile")
    response = client_a.post(
        profile, with_new_social_link(merchant_a, "https://instagram.example/maison")
    )
    assert response.status_code == 302
    review(team_client, merchant_a, "approve")
    ids = link_ids(merchant_a)
    assert ids

    # Another change waits for review, then the hours change twice.
    client_a.post(profile, profile_data(merchant_a, description="Nouveau : ouvert le lundi."))
    for closing in ("18:00", "18:30"):
        response = client_a.post(
            reverse("merchant_portal:hours"), hours_data(opening_hours=f"Mo-Sa 09:00-{closing}")
        )
        assert response.status_code == 302
    assert link_ids(merchant_a) == ids

    # The merchant sends the profile form again, unchanged: accepted.
    response = client_a.post(profile, profile_data(merchant_a))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url == reverse("merchant_portal:dashboard")
    page = fresh(merchant_a)
    assert page.opening_hours == "Mo-Sa 09:00-18:30"
    pending = page.get_latest_revision_as_object()
    assert pending.description == "Nouveau : ouvert le lundi."
    assert pending.opening_hours == "Mo-Sa 09:00-18:30"
    assert sorted(link.pk for link in pending.social_links.all()) == ids


def test_facts_reaching_a_translation_keep_its_child_rows(client_a, merchant_a, team_client):
    english = merchant_a.get_translation(Locale.objects.get(language_code="en"))
    client_a.post(
        reverse("merchant_portal:profile"),
        with_new_social_link(merchant_a, "https://instagram.example/maison"),
    )
    review(team_client, merchant_a, "approve")
    english_ids = link_ids(english)
    assert len(english_ids) == len(link_ids(merchant_a))
    # A translator's draft of the English page is waiting.
    draft = fresh(english)
    draft.description = "A translator's draft."
    draft.save_revision()

    client_a.post(reverse("merchant_portal:hours"), hours_data(opening_hours="Tu-Su 07:00-13:00"))

    english = fresh(english)
    assert english.opening_hours == "Tu-Su 07:00-13:00"
    assert link_ids(english) == english_ids
    pending = english.get_latest_revision_as_object()
    assert pending.description == "A translator's draft."
    assert sorted(link.pk for link in pending.social_links.all()) == english_ids
