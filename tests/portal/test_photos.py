"""Photo upload: real images only, stored in the shop's own collection, then reviewed."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Revision, WorkflowState

from merchants.portal.models import MerchantCollection
from tests.portal.conftest import fresh

pytestmark = pytest.mark.django_db
Image = get_image_model()


def picture(image_format, size=(64, 48), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size, "#0b4f6c" if mode == "RGB" else 1).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(client, content, name, **fields):
    data = {
        "photo": SimpleUploadedFile(name, content),
        "alt_text": "La vitrine, place du marché",
        "caption": "",
    }
    data.update(fields)
    return client.post(reverse("merchant_portal:photos"), data)


@pytest.mark.parametrize(
    ("image_format", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")]
)
def test_photo_is_stored_in_the_shop_collection_and_submitted(
    client_a, account_a, merchant_a, image_format, extension
):
    gallery_before = len(merchant_a.gallery_images.all())
    # The name lies about the format: the stored file gets the real one's extension.
    response = upload(client_a, picture(image_format), "vitrine.gif")

    assert response.status_code == 302
    image = Image.objects.latest("pk")
    assert image.file.name.endswith(f".{extension}")
    assert image.collection == MerchantCollection.objects.get(merchant=merchant_a).collection
    assert image.uploaded_by_user == account_a.user
    page = fresh(merchant_a)
    pending = page.get_latest_revision_as_object()
    assert [item.image_id for item in pending.gallery_images.all()][-1] == image.pk
    assert len(pending.gallery_images.all()) == gallery_before + 1
    # Not public before review.
    assert len(page.gallery_images.all()) == gallery_before
    assert WorkflowState.objects.active().for_instance(page).exists()


def test_photo_can_become_the_logo(client_a, merchant_a):
    upload(client_a, picture("PNG"), "logo.png", use_as_logo="on")
    image = Image.objects.latest("pk")
    assert fresh(merchant_a).get_latest_revision_as_object().logo_id == image.pk


GIF = picture("GIF")
HUGE = picture("JPEG") + b"\0" * (5 * 1024 * 1024)
TOO_MANY_PIXELS = picture("PNG", size=(7000, 6000), mode="1")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (GIF, "photo.gif", "Format GIF refusé : envoyez une photo JPEG, PNG ou WebP."),
        (GIF, "photo.jpg", "Format GIF refusé"),
        (b"<?php echo 'hello'; ?>", "photo.jpg", "n&#x27;est pas une image lisible"),
        (picture("JPEG")[:200], "tronquee.jpg", "n&#x27;est pas une image lisible"),
        (HUGE, "lourde.jpg", "Cette photo pèse 5,0 Mo : le maximum est de 5 Mo."),
        (TOO_MANY_PIXELS, "immense.png", "plus de 40 mégapixels"),
    ],
)
def test_refused_files_save_nothing(client_a, merchant_a, content, name, message):
    images, revisions = Image.objects.count(), Revision.objects.for_instance(merchant_a).count()

    response = upload(client_a, content, name)

    assert response.status_code == 200
    assert message in response.content.decode()
    # The description typed by the merchant is kept for the next try.
    assert "La vitrine, place du marché" in response.content.decode()
    assert Image.objects.count() == images
    assert Revision.objects.for_instance(merchant_a).count() == revisions
    assert not MerchantCollection.objects.filter(merchant=merchant_a).exists()


def test_alt_text_is_required(client_a, merchant_a):
    images = Image.objects.count()
    response = upload(client_a, picture("JPEG"), "photo.jpg", alt_text="")
    assert response.status_code == 200
    assert "Champ requis." in response.content.decode()
    assert Image.objects.count() == images
