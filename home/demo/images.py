"""Pictures for the demo, drawn here so that no photograph needs a licence.

Each picture is a simple landscape of the Rhône valley (sky, hills, river) in the
colours given; it is created once and found again by title on later runs.
"""

import io

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model


def _draw_landscape(size, sky, hills, river):
    width, height = size
    picture = PILImage.new("RGB", size, sky)
    draw = ImageDraw.Draw(picture)
    draw.ellipse(
        (width * 0.7, height * 0.1, width * 0.82, height * 0.1 + width * 0.12), fill="#f4d58d"
    )
    draw.polygon(
        [
            (0, height * 0.62),
            (width * 0.25, height * 0.35),
            (width * 0.5, height * 0.58),
            (width * 0.75, height * 0.3),
            (width, height * 0.55),
            (width, height),
            (0, height),
        ],
        fill=hills,
    )
    draw.polygon(
        [
            (width * 0.35, height),
            (width * 0.48, height * 0.62),
            (width * 0.56, height * 0.62),
            (width * 0.75, height),
        ],
        fill=river,
    )
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer


def demo_image(title, *, sky="#9cc9de", hills="#4f7a3a", river="#2c6e8f", size=(1600, 900)):
    """Return the demo image with this title, drawing it the first time."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = _draw_landscape(size, sky, hills, river)
    filename = f"demo-{slugify(title)[:60]}.jpg"
    # Saved with the image, so that home.images cleans it before it is stored.
    image = Image(title=title, description=title, file=ImageFile(buffer, name=filename))
    image.save()
    return image


def demo_document(title, lines):
    """Return the demo PDF with this title, typesetting ``lines`` the first time."""
    from PIL import ImageFont
    from wagtail.documents import get_document_model

    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=34)
    y = 120
    for line in lines:
        draw.text((110, y), line, fill="black", font=font)
        y += 56
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    from django.core.files.base import ContentFile

    data = buffer.getvalue()
    document = Document(title=title, file_size=len(data))
    document.file.save(f"{slugify(title)[:60]}.pdf", ContentFile(data), save=False)
    document.save()
    return document
