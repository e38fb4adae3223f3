"""Uploaded images keep their pixels and lose what they say about people.

A phone photo's EXIF records where it was taken (GPS), when, and with which device; XMP,
IPTC, PNG text chunks and comments can name its author. None of it is needed to show the
photo, and Wagtail's renditions would copy it along (Willow's ``save_as_jpeg`` and
``save_as_png`` pass the original's EXIF on), so the stored original itself must be clean.

``clean_image_file`` re-encodes the image in its own format, upright (the EXIF orientation
is applied to the pixels first: phones store photos sideways and rely on that tag), and
keeps only what draws it the same: the ICC colour profile, transparency and animation
timing. The result is stored under a random name (``original_images/<token>.<ext>``):
renditions are named after the original, so neither can be guessed from a shop's name or
the name of the file the person uploaded.

It runs for every new image file from ``clean_new_image_file``, a ``pre_save`` receiver on
the image model (connected in ``home.apps``): the admin's single, multiple and chooser
uploads, a replaced file, the merchant portal, the demo loader and any code that saves an
image all go through ``Image.save()``, while a form hook would miss the paths that do not
use a form. The forms (``ImageForm`` below, Wagtail's image form base, and the portal's
photo form) call it first, so that a file it cannot read gets a clear error in the form
rather than a failed save; the receiver then recognises the already cleaned file.
"""

import io
import secrets
import struct

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, ImageOps, ImageSequence, JpegImagePlugin
from PIL import Image as PILImage
from wagtail.images.forms import BaseImageForm
from wagtail.utils.file import hash_filelike

# Pillow's format name → the extension of the stored file. An MPO is a JPEG followed by
# more pictures (a depth map, a second view); only the first one is kept, as a JPEG.
EXTENSIONS = {
    "JPEG": "jpg",
    "MPO": "jpg",
    "PNG": "png",
    "WEBP": "webp",
    "GIF": "gif",
    "AVIF": "avif",
    "HEIF": "heic",
}
SAVED_AS = {"MPO": "JPEG"}
# Animations kept as such. Willow (Wagtail's image library) cannot open an animated PNG,
# so one is kept as its first picture, like an MPO.
ANIMATED_FORMATS = {"GIF", "WEBP", "AVIF"}
# What a frame keeps of what Pillow read with it: needed to draw it, personal to nobody.
FRAME_INFO = ("transparency", "duration")
# Lossy formats are encoded again at a quality that loses nothing visible (JPEG reuses
# the original's own quantisation tables instead).
QUALITY = {"WEBP": 90, "AVIF": 90, "HEIF": 90}


class CleanedImage(ContentFile):
    """An image file written by ``clean_image_file``: metadata removed, random name."""

    def __init__(self, content, image_format):
        extension = EXTENSIONS.get(image_format, image_format.lower())
        super().__init__(content, name=f"{secrets.token_hex(16)}.{extension}")
        self.image_format = image_format


def _unreadable():
    return ValidationError(
        _("Ce fichier n'est pas une image lisible (il est peut-être tronqué ou endommagé)."),
        code="unreadable_image",
    )


def clean_image_file(file):
    """Return a ``CleanedImage`` with the picture of ``file`` and none of its metadata.

    ``file`` is any file object (an upload, a stored file); it is read from the start and
    left at its start. Raises ``ValidationError`` if Pillow cannot read or write it.
    """
    file.seek(0)
    content = file.read()
    file.seek(0)
    try:
        with PILImage.open(io.BytesIO(content)) as source:
            return _clean(source, content)
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - Pillow raises many types for bad files
        raise _unreadable() from error


def _clean(source, content):
    image_format = source.format
    saved_as = SAVED_AS.get(image_format, image_format)
    # Read before moving through the frames, which changes ``source.info``.
    orientation = source.getexif().get(ExifTags.Base.Orientation, 1)
    options = _save_options(source, content)
    if source.info.get("icc_profile"):
        options["icc_profile"] = source.info["icc_profile"]
    animated = getattr(source, "is_animated", False) and image_format in ANIMATED_FORMATS
    if animated and "loop" in source.info:
        # Absent from a GIF meant to play once.
        options["loop"] = source.info["loop"]
    frames = [
        _upright(frame, orientation)
        for frame in (ImageSequence.Iterator(source) if animated else [source])
    ]
    if animated:
        options.update(
            save_all=True,
            append_images=frames[1:],
            duration=[frame.info.get("duration", 0) for frame in frames],
        )
    output = io.BytesIO()
    frames[0].save(output, saved_as, **options)
    return CleanedImage(output.getvalue(), saved_as)


def _upright(frame, orientation):
    """A copy of ``frame`` turned as its EXIF orientation says, without its metadata."""
    picture = frame.copy()
    kept = {key: picture.info[key] for key in FRAME_INFO if key in picture.info}
    picture.info = {}
    if orientation != 1:
        # Every frame follows the first one's orientation; Pillow's own function turns it.
        picture.getexif()[ExifTags.Base.Orientation] = orientation
        picture = ImageOps.exif_transpose(picture)
    picture.info = kept
    return picture


def _save_options(source, content):
    image_format = source.format
    if image_format in ("JPEG", "MPO"):
        options = {"progressive": bool(source.info.get("progressive"))}
        if getattr(source, "quantization", None):
            # The original's own tables: its quality, neither lower nor heavier.
            options["qtables"] = source.quantization
            sampling = JpegImagePlugin.get_sampling(source)
            if sampling != -1:
                options["subsampling"] = sampling
        else:
            options["quality"] = 95
        return options
    if image_format == "WEBP":
        if _webp_is_lossless(content):
            return {"lossless": True}
        return {"quality": QUALITY["WEBP"]}
    if image_format in QUALITY:
        return {"quality": QUALITY[image_format]}
    return {}


def _webp_is_lossless(content):
    """Whether a WebP file holds lossless ("VP8L") pictures, read from its RIFF chunks
    (top level, and inside the frames of an animation)."""
    chunks = [(12, len(content))]
    while chunks:
        offset, end = chunks.pop()
        end = min(end, len(content))
        while offset + 8 <= end:
            fourcc = content[offset : offset + 4]
            (size,) = struct.unpack("<I", content[offset + 4 : offset + 8])
            if fourcc == b"VP8L":
                return True
            if fourcc == b"ANMF":
                # A frame: 16 bytes of position and timing, then its own chunks.
                chunks.append((offset + 8 + 16, offset + 8 + size))
            offset += 8 + size + (size & 1)
    return False


def _is_new_file(instance):
    """Whether ``instance.file`` is about to be stored or was just stored: assigned but not
    saved yet, or saved directly (``file.save(..., save=False)``, as Wagtail does when an
    upload waited in its "uploaded files") for a new image or in place of the stored one."""
    file = instance.file
    if not file:
        return False
    if not file._committed or instance._state.adding:
        return True
    stored = type(instance)._base_manager.filter(pk=instance.pk).values_list("file", flat=True)
    return stored.first() != file.name


def clean_new_image_file(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save`` of the image model: a new file is replaced by its cleaned copy (unless
    a form cleaned it already), and its size and hash are those of the cleaned file."""
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    if not _is_new_file(instance):
        return
    file = instance.file
    if not file._committed and isinstance(file.file, CleanedImage):
        cleaned = file.file
    else:
        previous = file.name if file._committed else None
        if previous:
            file.open("rb")
        cleaned = clean_image_file(file)
        if previous:
            file.close()
            _delete_when_committed(instance, previous)
        # Assigning the file updates width and height from the new content; FileField's
        # own pre_save then stores it under the random name.
        instance.file = cleaned
    instance.file_size = cleaned.size
    instance.file_hash = hash_filelike(cleaned)


def _delete_when_committed(instance, name):
    """Remove the stored file ``name`` (not cleaned) once the image points to its clean
    copy, unless another image uses it."""
    storage = instance.file.storage
    model = type(instance)

    def delete_uncleaned_copy():
        if not model._base_manager.filter(file=name).exists():
            storage.delete(name)

    transaction.on_commit(delete_uncleaned_copy)


# The name ``CleanedImage`` gives (``get_upload_to`` puts it in "original_images").
CLEANED_NAME = r"^original_images/[0-9a-f]{32}\.[a-z0-9]+$"


def clean_stored_image(image):
    """Clean an image stored before uploads were cleaned (``clean_stored_images``): its
    file is replaced by a clean copy under a random name, and the old file and the
    renditions made from it (Willow copied the EXIF into them) are removed."""
    previous, size = image.file.name, (image.width, image.height)
    with image.open_file() as file:
        image.file = clean_image_file(file)
    if (image.width, image.height) != size:
        # Turned upright: a focal point chosen on the sideways picture no longer fits.
        image.set_focal_point(None)
    image.save()
    image.renditions.all().delete()  # Wagtail removes their files once committed.
    _delete_when_committed(image, previous)


class ImageForm(BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``): a new file is cleaned
    while the form is validated, so that a file Pillow cannot read is refused there."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].to_python = _refusing_damaged(self.fields["file"])

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            return clean_image_file(file)
        return file


def _refusing_damaged(field):
    """``field.to_python`` (Wagtail's image field), with a damaged header refused as an
    invalid image: Wagtail reads the size through Willow and lets Pillow's ``OSError``
    through (a 500) when the file ends inside its header."""
    to_python = field.to_python

    def checked(data):
        try:
            return to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - Pillow raises many types for bad files
            raise _unreadable() from error

    return checked
