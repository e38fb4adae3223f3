from django.core.management.base import BaseCommand

from home.slugs import convert_page_slugs


class Command(BaseCommand):
    help = (
        "Give the pages saved with an accented slug their ASCII one (fêtes → fetes); "
        "the old addresses redirect to the new ones (Wagtail's redirects). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list the slugs that would change."
        )

    def handle(self, *args, dry_run=False, **options):
        changes = convert_page_slugs(dry_run=dry_run)
        for change in changes:
            self.stdout.write(f"{change.page_id}: {change.old} → {change.new}")
        if dry_run:
            self.stdout.write(f"{len(changes)} slug(s) would change (dry run).")
        else:
            self.stdout.write(self.style.SUCCESS(f"{len(changes)} slug(s) changed."))
