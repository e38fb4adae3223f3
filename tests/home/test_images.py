"""Images the team uploads in the admin, or that code saves, lose their metadata (EXIF
with GPS, XMP, IPTC, comments, PNG text), are turned upright and stored under a random
name, like the merchants' photos (``home.images``)."""

import io
import os
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.factories.images import ICC_PROFILE, metadata_left, photo, red_corner
from tests.factories.portal import TeamMemberFactory

pytestmark = pytest.mark.django_db
Image = get_image_model()
UPLOAD_NAME = "IMG_20250614_jeanne-martin-domicile"


@pytest.fixture(autouse=True)
def no_cached_renditions():
    """Wagtail caches renditions by image id and file hash; ids come back after each
    test's rollback, so a rendition made in an earlier test could be found."""
    Rendition = get_image_model().get_rendition_model()
    Rendition.cache_backend.clear()


@pytest.fixture
def team_client(db):
    team = Client()
    team.force_login(TeamMemberFactory())
    return team


def stored_bytes(file):
    with file.open("rb") as opened:
        return opened.read()


def assert_clean(image, image_format, *, frames=1, upright=True):
    """The stored original and a rendition: no metadata, turned, same format, random name."""
    content = stored_bytes(image.file)
    assert metadata_left(content) == []
    with PILImage.open(io.BytesIO(content)) as stored:
        assert stored.format == image_format
        assert getattr(stored, "n_frames", 1) == frames
        if upright:
            assert stored.size == (48, 64)
            assert red_corner(stored) == "top-right"
        if image_format != "GIF":
            assert stored.info.get("icc_profile") == ICC_PROFILE
    assert (image.width, image.height) == ((48, 64) if upright else (64, 48))
    assert image.file_size == len(content)
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.\w+", image.file.name)
    rendition = image.get_rendition("fill-640x480")
    assert metadata_left(stored_bytes(rendition.file)) == []
    assert os.path.basename(image.file.name).split(".")[0] in rendition.file.name
    return content


@pytest.mark.parametrize(
    ("image_format", "extension", "options"),
    [
        ("JPEG", "jpg", {}),
        ("PNG", "png", {}),
        ("WEBP", "webp", {}),
        ("WEBP", "webp", {"lossless": True}),
        ("WEBP", "webp", {"frames": 3}),
        ("GIF", "gif", {"frames": 3}),
    ],
)
def test_admin_upload_is_stored_without_metadata(team_client, image_format, extension, options):
    response = team_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Marché de Tournon",
            "file": SimpleUploadedFile(
                f"{UPLOAD_NAME}.{extension}", photo(image_format, **options)
            ),
        },
    )

    assert response.status_code == 302
    image = Image.objects.latest("pk")
    frames = options.get("frames", 1)
    # A GIF has no EXIF, hence no orientation: it stays as drawn.
    content = assert_clean(image, image_format, frames=frames, upright=image_format != "GIF")
    assert "jeanne" not in image.file.name
    if frames > 1:
        with PILImage.open(io.BytesIO(content)) as stored:
            durations = []
            for frame in range(stored.n_frames):
                stored.seek(frame)
                stored.load()
                durations.append(stored.info["duration"])
        assert durations == [100, 200, 300]


def test_multiple_upload_is_stored_without_metadata(team_client):
    response = team_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(f"{UPLOAD_NAME}.jpg", photo("JPEG"))},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    image = Image.objects.get(pk=response.json()["image_id"])
    assert_clean(image, "JPEG")


def test_replaced_file_is_stored_without_metadata(team_client):
    image = Image.objects.create(
        title="Affiche",
        file=ImageFile(io.BytesIO(photo("PNG", orientation=1)), name="affiche.png"),
    )
    response = team_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Affiche", "file": SimpleUploadedFile(f"{UPLOAD_NAME}.jpg", photo("JPEG"))},
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert_clean(image, "JPEG")


def test_image_saved_by_code_is_stored_without_metadata(django_capture_on_commit_callbacks):
    """Whatever the path: a file assigned to a new image, or one written to storage first
    (as Wagtail does for uploads that waited for their details), whose uncleaned copy is
    then removed."""
    assigned = Image(title="Assigné", file=ImageFile(io.BytesIO(photo("JPEG")), name="a.jpg"))
    assigned.save()
    assert_clean(assigned, "JPEG")

    stored_first = Image(title="Écrit d'abord")
    stored_first.file.save(f"{UPLOAD_NAME}.jpg", ContentFile(photo("JPEG")), save=False)
    uncleaned = stored_first.file.name
    assert default_storage.exists(uncleaned)
    with django_capture_on_commit_callbacks(execute=True):
        stored_first.save()
    assert_clean(stored_first, "JPEG")
    assert not default_storage.exists(uncleaned)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (photo("JPEG")[:-100], "tronquee.jpg"),
        (photo("JPEG")[:600], "tronquee.jpg"),
        (photo("PNG")[:-30], "tronquee.png"),
    ],
    ids=["jpeg-cut-in-its-pixels", "jpeg-cut-in-its-header", "png-cut-in-its-pixels"],
)
def test_damaged_upload_is_refused_with_a_message(team_client, content, name):
    """A file cut short: refused with a message (Wagtail's own checks read only the
    header, and let an error through when the header itself is cut)."""
    images = Image.objects.count()
    response = team_client.post(
        reverse("wagtailimages:add"),
        {"title": "Tronquée", "file": SimpleUploadedFile(name, content)},
    )

    assert response.status_code == 200
    assert "n&#x27;est pas une image lisible" in response.content.decode()
    assert Image.objects.count() == images


def test_images_stored_before_are_cleaned_by_the_command(django_capture_on_commit_callbacks):
    """``clean_stored_images`` cleans the images stored before this cleaning existed (their
    original and renditions carry EXIF: Willow copies it into JPEG and PNG renditions)."""
    legacy_name = default_storage.save(
        "original_images/vitrine-chez-martin.jpg", ContentFile(photo())
    )
    image = Image.objects.create(
        title="Ancienne", file=ImageFile(io.BytesIO(photo()), name="x.jpg")
    )
    # As stored before: bypass the model's save.
    Image.objects.filter(pk=image.pk).update(file=legacy_name, width=64, height=48)
    image.refresh_from_db()
    old_rendition = image.get_rendition("fill-640x480")
    assert "GPS" in metadata_left(stored_bytes(old_rendition.file))
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_stored_images", stdout=out)

    image.refresh_from_db()
    assert_clean(image, "JPEG")
    assert not default_storage.exists(legacy_name)
    assert not image.renditions.filter(pk=old_rendition.pk).exists()
    assert "1" in out.getvalue()
    # Run again: nothing left to do.
    cleaned_name = image.file.name
    call_command("clean_stored_images", stdout=io.StringIO())
    image.refresh_from_db()
    assert image.file.name == cleaned_name
