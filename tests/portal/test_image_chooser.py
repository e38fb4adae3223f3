"""The admin's image chooser (a news item's main image): the site's own collections,
merchants' photos apart and only once the team approved them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from merchants.portal.models import MerchantCollection
from tests.portal.conftest import fresh, review

pytestmark = pytest.mark.django_db
Image = get_image_model()


def upload(client, description):
    buffer = io.BytesIO()
    # The portal refuses photos under 600 px.
    PILImage.new("RGB", (800, 600), "#0b4f6c").save(buffer, format="JPEG")
    response = client.post(
        reverse("merchant_portal:photos"),
        {
            "photo": SimpleUploadedFile("vitrine.jpg", buffer.getvalue()),
            "alt_text": description,
            "caption": "",
        },
    )
    assert response.status_code == 302
    return Image.objects.latest("pk")


@pytest.fixture
def photos(client_a, merchant_a, team_client):
    """One photo the team approved, then one still waiting for review."""
    approved = upload(client_a, "La vitrine approuvée")
    send_for_review(client_a)
    review(team_client, fresh(merchant_a), "approve")
    pending = upload(client_a, "Le comptoir en attente")
    send_for_review(client_a)
    return approved, pending


def send_for_review(client):
    """ "Envoyer pour validation", as the merchant does once the photos are added."""
    assert client.post(reverse("merchant_portal:send")).status_code == 302


def chooser_titles(team_client, **params):
    response = team_client.get(reverse("wagtailimages_chooser:choose"), params)
    assert response.status_code == 200
    return response, {image.title for image in response.context["results"]}


def test_the_chooser_lists_the_sites_images_without_merchants_photos(team_client, photos):
    approved, pending = photos
    # Without the filter, the merchants' photos would come first: they are the newest.
    assert list(Image.objects.order_by("-created_at", "-pk")[:2]) == [pending, approved]

    response, titles = chooser_titles(team_client)

    newest_site_images = (
        Image.objects.exclude(pk__in=[approved.pk, pending.pk])
        .order_by("-created_at")
        .values_list("title", flat=True)[: len(titles)]
    )
    assert titles and titles == set(newest_site_images)
    assert approved.title not in titles
    assert pending.title not in titles
    assert "Le comptoir en attente" not in response.content.decode()


def test_a_shops_collection_lists_its_approved_photos_only(team_client, merchant_a, photos):
    approved, pending = photos
    collection = MerchantCollection.objects.get(merchant=merchant_a).collection
    assert {approved.collection_id, pending.collection_id} == {collection.pk}

    response, titles = chooser_titles(team_client, collection_id=collection.pk)

    assert titles == {approved.title}
    assert "Le comptoir en attente" not in response.content.decode()


def test_an_unknown_collection_in_the_chooser_is_not_an_error(team_client, photos):
    response = team_client.get(
        reverse("wagtailimages_chooser:choose"), {"collection_id": "99999999999999999999"}
    )
    assert response.status_code == 200
