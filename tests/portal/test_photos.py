"""Photo upload: real images only, without their metadata, stored in the shop's own
collection under a random name, then reviewed; nothing public shows them before."""

import io
import os
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Revision, WorkflowState

from merchants.portal.models import MerchantCollection
from tests.factories.images import ICC_PROFILE, metadata_left, photo, red_corner
from tests.portal.conftest import fresh, review

pytestmark = pytest.mark.django_db
Image = get_image_model()


@pytest.fixture(autouse=True)
def no_cached_renditions():
    """Wagtail caches renditions by image id and file hash; ids come back after each
    test's rollback, so a rendition made in an earlier test could be found."""
    Rendition = get_image_model().get_rendition_model()
    Rendition.cache_backend.clear()


# Phones take bigger photos; the portal wants 600 px on the short side at least.
PHOTO_SIZE = (800, 600)


def picture(image_format, size=PHOTO_SIZE, mode="RGB"):
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
def test_photo_is_stored_in_the_shop_collection_and_joins_the_pending_change(
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
    # Not public before review, and not sent for review yet: the merchant sends their
    # changes once done ("Envoyer pour validation").
    assert len(page.gallery_images.all()) == gallery_before
    assert not WorkflowState.objects.for_instance(page).exists()
    photos_page = client_a.get(reverse("merchant_portal:photos")).content.decode()
    assert "En attente : pas encore envoyée pour validation" in photos_page


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
        # Cut in its pixels: its header reads well, its picture does not.
        (photo("JPEG", size=PHOTO_SIZE)[:-100], "coupee.jpg", "n&#x27;est pas une image lisible"),
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


@pytest.mark.parametrize(
    ("size", "logo", "accepted"),
    [
        ((100, 80), False, False),
        ((800, 599), False, False),
        ((599, 2000), False, False),
        ((600, 600), False, True),
        ((300, 300), True, True),
        ((199, 400), True, False),
    ],
)
def test_small_photos_are_refused_with_their_size(client_a, merchant_a, size, logo, accepted):
    images = Image.objects.count()
    revisions = Revision.objects.for_instance(merchant_a).count()
    fields = {"use_as_logo": "on"} if logo else {}

    response = upload(client_a, picture("JPEG", size=size), "petite.jpg", **fields)

    if accepted:
        assert response.status_code == 302
        assert Image.objects.count() == images + 1
        return
    assert response.status_code == 200
    content = response.content.decode()
    width, height = size
    assert f"Cette photo mesure {width} × {height} pixels" in content
    assert f"au moins {200 if logo else 600} pixels sur son petit" in content
    assert Image.objects.count() == images
    assert Revision.objects.for_instance(merchant_a).count() == revisions


def test_the_minimum_size_is_stated_before_any_upload(client_a):
    content = client_a.get(reverse("merchant_portal:photos")).content.decode()
    assert "au moins 600 pixels sur le petit côté (200 pour un logo)" in content


def test_alt_text_is_required(client_a, merchant_a):
    images = Image.objects.count()
    response = upload(client_a, picture("JPEG"), "photo.jpg", alt_text="")
    assert response.status_code == 200
    assert "Champ requis." in response.content.decode()
    assert Image.objects.count() == images


def stored_bytes(file):
    with file.open("rb") as opened:
        return opened.read()


def public_responses(merchant):
    """What anonymous visitors can read about the shop: its pages in both languages,
    the directory, search (page and API), the sitemap, the open-data exports, the home."""
    english = merchant.get_translation(Locale.objects.get(language_code="en"))
    anonymous = Client()
    urls = [
        merchant.get_url(),
        english.get_url(),
        "/",
        "/en/",
        "/commerces/",
        "/en/shops/",
        f"/recherche/?q={merchant.title}",
        f"/api/search/?q={merchant.title}",
        "/sitemap.xml",
        "/commerces/export.json",
        "/commerces/export.geojson",
        "/commerces/export.csv",
    ]
    responses = {url: anonymous.get(url) for url in urls}
    assert {url: response.status_code for url, response in responses.items()} == dict.fromkeys(
        urls, 200
    )
    return {
        url: b"".join(response) if response.streaming else response.content
        for url, response in responses.items()
    }


def test_phone_photo_is_stored_upright_without_metadata_under_a_random_name(
    client_a, merchant_a, team_client
):
    """A phone photo (GPS position, device, owner, held upright: orientation 6) is stored
    turned and clean, as are its renditions, under a name nobody can guess; no public page
    shows it, nor its address, until the team approves it."""
    before = set(default_storage.listdir("original_images")[1])
    response = upload(
        client_a, photo("JPEG", size=PHOTO_SIZE, orientation=6), f"{merchant_a.slug}-gps.jpg"
    )
    assert response.status_code == 302
    image = Image.objects.latest("pk")

    original = stored_bytes(image.file)
    assert metadata_left(original) == []
    with PILImage.open(io.BytesIO(original)) as stored:
        assert stored.format == "JPEG"
        # Turned a quarter clockwise, as the phone showed it; the colours stay right.
        assert stored.size == (600, 800)
        assert red_corner(stored) == "top-right"
        assert stored.info.get("icc_profile") == ICC_PROFILE
    assert (image.width, image.height) == (600, 800)
    assert image.file_size == len(original)

    # The portal's thumbnail and the public page's size are clean too.
    for spec in ("fill-320x240", "fill-640x480", "width-1200"):
        rendition = image.get_rendition(spec)
        content = stored_bytes(rendition.file)
        assert metadata_left(content) == [], spec
        with PILImage.open(io.BytesIO(content)) as shown:
            assert red_corner(shown) == "top-right", spec

    # Neither the shop nor the uploaded file names it: one new file, a random name.
    name = os.path.basename(image.file.name)
    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", name)
    assert slugify(merchant_a.title) not in image.file.name
    assert set(default_storage.listdir("original_images")[1]) - before == {name}
    token = name.removesuffix(".jpg")
    assert token in rendition.file.name

    # The merchant sees it in the portal; visitors see neither the photo nor its address.
    assert token in client_a.get(reverse("merchant_portal:photos")).content.decode()
    leaks = [
        url
        for url, content in public_responses(fresh(merchant_a)).items()
        if token.encode() in content
    ]
    assert leaks == []

    # Once sent and approved, it is on the shop's page (so the check above can fail).
    client_a.post(reverse("merchant_portal:send"))
    review(team_client, merchant_a, "approve")
    assert token.encode() in public_responses(fresh(merchant_a))[fresh(merchant_a).get_url()]


@pytest.mark.parametrize(
    ("image_format", "options"),
    [
        ("PNG", {}),
        ("WEBP", {}),
        ("WEBP", {"lossless": True}),
        ("PNG", {"frames": 3}),
        ("WEBP", {"frames": 3}),
    ],
)
def test_other_formats_lose_their_metadata_too(client_a, image_format, options):
    """PNG text chunks and eXIf, WebP EXIF and XMP, animations: same treatment. An
    animated PNG keeps its first picture (Wagtail cannot open animated PNGs)."""
    content = photo(image_format, size=PHOTO_SIZE, **options)
    response = upload(client_a, content, "photo.bin")
    assert response.status_code == 302
    image = Image.objects.latest("pk")
    original = stored_bytes(image.file)
    assert metadata_left(original) == []
    frames = 1 if image_format == "PNG" else options.get("frames", 1)
    with PILImage.open(io.BytesIO(original)) as stored:
        assert stored.format == image_format
        assert stored.size == (600, 800)
        assert red_corner(stored) == "top-right"
        assert getattr(stored, "n_frames", 1) == frames
    assert metadata_left(stored_bytes(image.get_rendition("fill-320x240").file)) == []


def test_phone_mpo_is_accepted_as_a_jpeg_without_its_second_picture(client_a):
    """Many phones write an MPO (a JPEG followed by a depth map or a second view, each
    with its own EXIF): it is accepted, and only the first picture is kept, clean."""
    pictures = [
        PILImage.open(io.BytesIO(photo("JPEG", size=PHOTO_SIZE))),
        PILImage.new("RGB", PHOTO_SIZE),
    ]
    buffer = io.BytesIO()
    pictures[0].save(
        buffer, "MPO", save_all=True, append_images=pictures[1:], exif=pictures[0].getexif()
    )
    response = upload(client_a, buffer.getvalue(), "IMG_0001.JPG")
    assert response.status_code == 302
    image = Image.objects.latest("pk")
    original = stored_bytes(image.file)
    assert metadata_left(original) == []
    with PILImage.open(io.BytesIO(original)) as stored:
        assert (stored.format, getattr(stored, "n_frames", 1), stored.size) == (
            "JPEG",
            1,
            (600, 800),
        )
    assert image.file.name.endswith(".jpg")
