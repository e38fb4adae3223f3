"""The order of the photos (a position per photo in "Ma fiche", no dragging) and
taking back a submission the team sent back for changes."""

import re

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.portal.conftest import fresh, profile_data, review
from tests.portal.test_photos import picture, upload

pytestmark = pytest.mark.django_db


def gallery_alts(html):
    """The alt texts of the public page's photo list, in order."""
    gallery = html.split('class="merchant-gallery"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<img[^>]* alt="([^"]*)"', gallery)


def test_the_merchant_puts_a_new_photo_first_and_the_public_page_follows(
    client_a, merchant_a, team_client
):
    upload(client_a, picture("JPEG"), "vitrine.jpg", alt_text="La vitrine en hiver")
    upload(client_a, picture("JPEG"), "comptoir.jpg", alt_text="Le comptoir des fromages")
    data = profile_data(merchant_a)
    rows = {
        data[key]: key.removesuffix("-alt_text")
        for key in data
        if key.startswith("gallery_images-") and key.endswith("-alt_text")
    }
    count = len(rows)
    assert count >= 2
    # The counter photo goes to position 1, the window photo to the last; the others
    # keep their order after them.
    positions = {prefix: int(data[f"{prefix}-ORDER"]) + 1 for prefix in rows.values()}
    positions[rows["Le comptoir des fromages"]] = 0
    positions[rows["La vitrine en hiver"]] = count + 1
    ranked = sorted(positions, key=positions.get)
    for position, prefix in enumerate(ranked, start=1):
        data[f"{prefix}-ORDER"] = str(position)

    response = client_a.post(reverse("merchant_portal:profile"), data)
    assert response.status_code == 302
    portal = client_a.get(reverse("merchant_portal:photos")).content.decode()
    assert portal.index("Le comptoir des fromages") < portal.index("La vitrine en hiver")

    review(team_client, merchant_a, "approve")
    alts = gallery_alts(client_a.get(fresh(merchant_a).url).content.decode())
    assert alts[0] == "Le comptoir des fromages"
    assert alts[-1] == "La vitrine en hiver"
    assert len(alts) == count


def test_a_position_out_of_range_is_refused_and_nothing_is_saved(client_a, merchant_a):
    upload(client_a, picture("JPEG"), "vitrine.jpg", alt_text="La vitrine en hiver")
    data = profile_data(merchant_a, description="Ne doit pas être gardé")
    order_key = next(key for key in data if key.endswith("-ORDER"))
    before = fresh(merchant_a).latest_revision_id

    for crafted in ("99", "-1", "premier"):
        data[order_key] = crafted
        response = client_a.post(reverse("merchant_portal:profile"), data)
        assert response.status_code == 200
        assert "Sélectionnez un choix valide" in response.content.decode()
        assert fresh(merchant_a).latest_revision_id == before


def test_withdrawing_after_the_team_asked_for_changes_keeps_them(
    client_a, merchant_a, team_client
):
    client_a.post(
        reverse("merchant_portal:profile"),
        profile_data(merchant_a, description="Fromages fermiers, à compléter"),
    )
    review(team_client, merchant_a, "reject", comment="Dites d'où viennent les fromages.")
    assert WorkflowState.objects.active().for_instance(merchant_a).get().status == (
        WorkflowState.STATUS_NEEDS_CHANGES
    )

    response = client_a.post(reverse("merchant_portal:withdraw"))

    assert response.url == reverse("merchant_portal:dashboard")
    assert not WorkflowState.objects.active().for_instance(merchant_a).exists()
    page = fresh(merchant_a)
    assert page.description != "Fromages fermiers, à compléter"  # never published
    assert page.get_latest_revision_as_object().description == "Fromages fermiers, à compléter"
    dashboard = client_a.get(response.url).content.decode()
    assert "Votre demande de validation est retirée" in dashboard
    assert "Envoyer pour validation" in dashboard
    # Sent again, it is a new review.
    client_a.post(reverse("merchant_portal:send"))
    assert WorkflowState.objects.active().for_instance(merchant_a).get().status == (
        WorkflowState.STATUS_IN_PROGRESS
    )
