"""Image files as phones and cameras write them, drawn with Pillow: EXIF with a GPS
position, the device and its owner, an orientation, XMP, comments, IPTC, PNG text chunks
and an ICC colour profile.

The picture is a red top-left quarter on blue, as stored: with orientation 6 (the phone
was held upright), a viewer turns it a quarter clockwise and the red quarter is then at
the top right (see ``red_corner``).
"""

import io
import struct

from PIL import ExifTags, ImageCms, PngImagePlugin
from PIL import Image as PILImage

OWNER = "Jeanne Martin"
DEVICE = "Telephone-Exemple"
# Any of these in a stored file means metadata survived.
PERSONAL_BYTES = (OWNER.encode(), DEVICE.encode())
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (44.0, 55.0, 59.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (4.0, 53.0, 30.0),
}
ICC_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    f'dc:creator="{OWNER}" exif:GPSLatitude="44,55.98N" exif:GPSLongitude="4,53.5E"/>'
    "</rdf:RDF></x:xmpmeta>"
).encode()


def exif(orientation):
    data = PILImage.Exif()
    data[ExifTags.Base.Make] = DEVICE
    data[ExifTags.Base.Artist] = OWNER
    data[ExifTags.Base.Orientation] = orientation
    data[ExifTags.IFD.GPSInfo] = GPS
    return data


def drawing(size=(64, 48), colour="blue"):
    picture = PILImage.new("RGB", size, colour)
    width, height = size
    picture.paste((255, 0, 0), (0, 0, width // 2, height // 2))
    return picture


def photo(image_format="JPEG", *, size=(64, 48), orientation=6, frames=1, lossless=False):
    """The bytes of a photo in ``image_format`` carrying every kind of metadata that
    format can hold; ``frames`` > 1 makes an animation (GIF, PNG, WebP)."""
    pictures = [drawing(size, colour) for colour in ("blue", "green", "navy")[:frames]]
    options = {"icc_profile": ICC_PROFILE, "exif": exif(orientation)}
    if image_format == "JPEG":
        options.update(comment=f"Photo de {OWNER}".encode(), xmp=XMP)
    elif image_format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", OWNER)
        text.add_itxt("XML:com.adobe.xmp", XMP.decode())
        options["pnginfo"] = text
    elif image_format == "WEBP":
        options.update(xmp=XMP, lossless=lossless)
    elif image_format == "GIF":
        options = {"comment": f"Photo de {OWNER}".encode()}
    if frames > 1:
        options.update(
            save_all=True, append_images=pictures[1:], duration=[100, 200, 300][:frames]
        )
        options["loop"] = 0
    buffer = io.BytesIO()
    pictures[0].save(buffer, image_format, **options)
    content = buffer.getvalue()
    if image_format == "JPEG":
        content = with_iptc(content)
    return content


def with_iptc(jpeg):
    """``jpeg`` with an IPTC record (Photoshop APP13 segment) naming its photographer."""
    by_line = b"\x1c\x02\x50" + struct.pack(">H", len(OWNER)) + OWNER.encode()
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(by_line)) + by_line
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def red_corner(picture):
    """Which corner of ``picture`` (a Pillow image) is red, as a viewer sees it."""
    rgb = picture.convert("RGB")
    width, height = rgb.size
    corners = {
        "top-left": (2, 2),
        "top-right": (width - 3, 2),
        "bottom-left": (2, height - 3),
        "bottom-right": (width - 3, height - 3),
    }
    red = [name for name, point in corners.items() if _is_red(rgb.getpixel(point))]
    return red[0] if len(red) == 1 else red


def _is_red(pixel):
    red, green, blue = pixel
    return red > 180 and green < 80 and blue < 80


def metadata_left(content):
    """What of the personal metadata is still in ``content`` (bytes of an image file)."""
    left = [marker.decode() for marker in PERSONAL_BYTES if marker in content]
    with PILImage.open(io.BytesIO(content)) as picture:
        left += [
            key for key in ("exif", "xmp", "comment", "photoshop", "Author") if key in picture.info
        ]
        found = picture.getexif()
        if found.get_ifd(ExifTags.IFD.GPSInfo):
            left.append("GPS")
        if ExifTags.Base.Orientation in found:
            left.append("orientation")
    return left
