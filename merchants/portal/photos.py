"""Merchants' photos: checked from their content, cleaned of their metadata
(``home.images``), stored in the shop's own collection."""

import warnings

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, TaskState, WorkflowState

from home.params import positive_int
from merchants.models import MerchantGalleryImage, MerchantPage
from merchants.portal.models import MerchantCollection
from merchants.portal.profile import ProfileStatus, latest_version, profile_status

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Below this on its short side a photo is shown blurred (the profile shows photos up to
# about 600 px high, twice that on sharp screens); a logo is drawn smaller.
MIN_PHOTO_SIDE = 600
MIN_LOGO_SIDE = 200
# Pillow's format name → the extension the stored file gets, whatever it was called.
# Many phones write an MPO: a JPEG followed by a depth map or a second view (only the
# JPEG is kept, see ``home.images``).
ALLOWED_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
PARENT_COLLECTION_NAME = "Espace commerçants"


def check_photo(upload, *, min_side=MIN_PHOTO_SIDE):
    """Return the file extension matching the photo's real format, or raise
    ``ValidationError`` with a message the merchant can act on. A photo smaller than
    ``min_side`` pixels on its short side is refused: the profile would show it blurred.

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
    if min(width, height) < min_side:
        raise ValidationError(
            _(
                "Cette photo mesure %(width)s × %(height)s pixels : elle serait floue sur "
                "votre fiche. Envoyez une photo d'au moins %(minimum)s pixels sur son petit "
                "côté (les photos d'un téléphone conviennent)."
            ),
            code="too_small",
            params={"width": width, "height": height, "minimum": min_side},
        )
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


class PhotoState:
    """One photo of the profile as the merchant sees it: where it stands."""

    ONLINE = "online"
    PENDING = "pending"
    NOT_SENT = "not_sent"
    REFUSED = "refused"
    LABELS = {
        ONLINE: _("En ligne"),
        PENDING: _("En attente de validation"),
        NOT_SENT: _("En attente : pas encore envoyée pour validation"),
        REFUSED: _("Refusée"),
    }

    def __init__(self, image, alt_text, caption, state, *, is_logo=False):
        self.image = image
        self.alt_text = alt_text
        self.caption = caption
        self.state = state
        self.is_logo = is_logo

    @property
    def label(self):
        return self.LABELS[self.state]


def _images_of(version):
    ids = [(item.image_id, item.alt_text, item.caption) for item in version.gallery_images.all()]
    return ids, version.logo_id


def _last_reviewed_images(page):
    """Image ids of the last submission the team approved (its revision as submitted)."""
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .order_by("-created_at")
        .first()
    )
    task_state = (
        TaskState.objects.filter(workflow_state=state).select_related("revision").last()
        if state
        else None
    )
    if task_state is None or task_state.revision is None:
        return set()
    submitted = task_state.revision.as_object()
    gallery, logo = _images_of(submitted)
    return {image_id for image_id, _alt, _caption in gallery} | ({logo} if logo else set())


def photo_states(page, status=None, version=None):
    """The photos of the pending change (or of the live page), each with its state,
    then the ones the team removed from the last submission it approved ("refused").
    ``status`` and ``version`` (the newest version), when the caller has them already."""
    status = status or profile_status(page)
    live_gallery, live_logo = _images_of(page) if page.live else ([], None)
    live = {image_id for image_id, _alt, _caption in live_gallery} | (
        {live_logo} if live_logo else set()
    )
    if version is None:
        version = latest_version(page) if page.has_unpublished_changes else page
    gallery, logo = _images_of(version)
    if status.state == ProfileStatus.CHANGES_REQUESTED:
        waiting = PhotoState.REFUSED
    elif status.state == ProfileStatus.PENDING:
        waiting = PhotoState.PENDING
    else:
        waiting = PhotoState.NOT_SENT
    shown = {image_id for image_id, _alt, _caption in gallery} | ({logo} if logo else set())
    removed = _last_reviewed_images(page) - shown - live
    images = get_image_model().objects.in_bulk(shown | removed)
    states = []
    if logo and logo in images:
        states.append(
            PhotoState(
                images[logo], "", "", PhotoState.ONLINE if logo in live else waiting, is_logo=True
            )
        )
    for image_id, alt_text, caption in gallery:
        if image_id in images:
            state = PhotoState.ONLINE if image_id in live else waiting
            states.append(PhotoState(images[image_id], alt_text, caption, state))
    for image_id in sorted(removed):
        if image_id in images:
            states.append(
                PhotoState(images[image_id], images[image_id].title, "", PhotoState.REFUSED)
            )
    return states


def state_of_photos(page, status=None, version=None):
    """{image id: PhotoState} of ``photo_states``."""
    return {state.image.pk: state for state in photo_states(page, status, version)}
