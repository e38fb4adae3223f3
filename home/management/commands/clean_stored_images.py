from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model

from home.images import CLEANED_NAME, clean_stored_image


class Command(BaseCommand):
    help = (
        "Remove the metadata (EXIF with GPS position, XMP, IPTC, comments) of the images "
        "stored before uploads were cleaned, turn them upright and give them random names; "
        "their renditions are made again. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the images to clean."
        )

    def handle(self, *args, dry_run=False, **options):
        images = get_image_model().objects.exclude(file__regex=CLEANED_NAME).order_by("pk")
        if dry_run:
            self.stdout.write(f"{images.count()} image(s) to clean.")
            return
        cleaned = failed = 0
        for image in images.iterator():
            try:
                with transaction.atomic():
                    clean_stored_image(image)
            except (ValidationError, OSError) as error:
                failed += 1
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {error}")
            else:
                cleaned += 1
        self.stdout.write(self.style.SUCCESS(f"{cleaned} image(s) cleaned, {failed} failed."))
