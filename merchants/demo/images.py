"""Logos for the demo's fictional shops, drawn here (initials on a coloured tile)."""

import io
import unicodedata

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

# Dark enough for white initials to keep a 4.5:1 contrast.
COLOURS = ["#0b4f6c", "#9c3d10", "#3f5e1f", "#6b2d5c", "#7a4b0f", "#1f4e79", "#8a1c1c"]


def logo_image(name, index):
    """The demo logo of the shop ``name``, drawn the first time and found by title later."""
    Image = get_image_model()
    title = f"Logo — {name}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    size = 240
    picture = PILImage.new("RGB", (size, size), COLOURS[index % len(COLOURS)])
    draw = ImageDraw.Draw(picture)
    # Without accents: the built-in font has no "É".
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [word for word in plain.replace("'", " ").split() if word[0].isupper()]
    initials = "".join(word[0] for word in words[:2]) or plain[:2].upper()
    font = ImageFont.load_default(size=96)
    draw.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    filename = f"logo-{slugify(name)[:60]}.png"
    # Saved with the image, so that home.images cleans it before it is stored.
    image = Image(title=title, description=title, file=ImageFile(buffer, name=filename))
    image.save()
    return image
