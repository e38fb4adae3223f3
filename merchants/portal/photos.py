"""Merchants' photos: checked from their content, cleaned of their metadata
(``home.images``), stored in the shop's own collection."""

import warnings

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.params import positive_int
from merchants.models import MerchantGalleryImage, MerchantPage
from merchants.portal.models import MerchantCollection

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Pillow's format name → the extension the stored file gets, whatever it was called.
# Many phones write an MPO: a JPEG followed by a depth map or a second view (only the
# JPEG is kept, see ``home.images``).
ALLOWED_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
PARENT_COLLECTION_NAME = "Espace commerçants"


def check_photo(upload):
    """Return the file extension matching the photo's real format, or raise
    ``ValidationError`` with a message the merchant can act on.

    The file name and the browser's content type are ignored: Pillow reads the header
    (format and size, without decoding the pixels, so a "decompression bomb" costs
    nothing), then ``verify()`` checks that the file is not truncated or corrupt.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Cette photo pèse %(size)s Mo : le maximum est de 5 Mo."),
            code="too_large",
            params={"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")},
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(upload) as picture:
                image_format = picture.format
                width, height = picture.size
                if image_format in ALLOWED_FORMATS and width * height <= MAX_PIXELS:
                    picture.verify()
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except Exception as error:  # noqa: BLE001 - Pillow raises many types for bad files
        raise ValidationError(
            _("Ce fichier n'est pas une image lisible. Envoyez une photo JPEG, PNG ou WebP."),
            code="unreadable",
        ) from error
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Format %(format)s refusé : envoyez une photo JPEG, PNG ou WebP."),
            code="format",
            params={"format": image_format or "?"},
        )
    if width * height > MAX_PIXELS:
        raise _too_many_pixels()
    return ALLOWED_FORMATS[image_format]


def _too_many_pixels():
    return ValidationError(
        _("Cette photo est trop grande (plus de 40 mégapixels) : réduisez-la avant de l'envoyer."),
        code="too_many_pixels",
    )


@transaction.atomic
def merchant_collection(page):
    """The shop's collection, created under "Espace commerçants" the first time."""
    existing = MerchantCollection.objects.filter(merchant=page).select_related("collection")
    link = existing.first()
    if link is not None:
        return link.collection
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=PARENT_COLLECTION_NAME).first()
    if parent is None:
        parent = root.add_child(name=PARENT_COLLECTION_NAME)
    collection = parent.add_child(name=f"{page.title} ({page.pk})"[:255])
    MerchantCollection.objects.create(merchant=page, collection=collection)
    return collection


def store_photo(page, photo, title, user):
    """Save a checked and cleaned photo (``PhotoUploadForm``) as a Wagtail image in the
    shop's collection. Its file name is random (``home.images``): until the team approves
    it, nobody who does not already have its address can find it."""
    Image = get_image_model()
    image = Image(
        title=title[:255],
        file=photo,
        collection=merchant_collection(page),
        uploaded_by_user=user,
    )
    image.save()
    return image


def usable_images(page, version):
    """Images a merchant may put on their profile: their collection's, plus those the
    profile already shows (the team may have chosen pictures from its own library)."""
    Image = get_image_model()
    in_use = {item.image_id for item in version.gallery_images.all()}
    if version.logo_id:
        in_use.add(version.logo_id)
    owned = Q(collection__in=MerchantCollection.objects.filter(merchant=page).values("collection"))
    return Image.objects.filter(owned | Q(pk__in=in_use)).order_by("-created_at", "-pk")


def merchant_photos_collection():
    """The collection under which every shop's photos are stored, or None."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=PARENT_COLLECTION_NAME).first()


def approved_photos():
    """Images shown on a published profile (gallery or logo): the team approved them.
    A condition on images (``Q``)."""
    live = MerchantPage.objects.live()
    gallery = MerchantGalleryImage.objects.filter(page__in=live).order_by().values("image_id")
    logos = live.filter(logo__isnull=False).order_by().values("logo_id")
    return Q(pk__in=gallery) | Q(pk__in=logos)


def images_for_choosers(images, request):
    """What the admin's image choosers offer (``construct_image_chooser_queryset``).

    The site's own collections by default: merchants' photos (the newest images, most
    of them waiting for review) are not mixed in. Choosing a shop's collection in the
    chooser's filter lists that shop's photos, only those already approved.
    """
    parent = merchant_photos_collection()
    if parent is None:
        return images
    in_merchant_tree = Q(collection__path__startswith=parent.path)
    chosen = positive_int(request.GET.get("collection_id"))
    if chosen and Collection.objects.filter(pk=chosen, path__startswith=parent.path).exists():
        return images.filter(in_merchant_tree).filter(approved_photos())
    return images.exclude(in_merchant_tree)
