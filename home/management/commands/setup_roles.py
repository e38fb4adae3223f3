from django.core.management.base import BaseCommand

from home.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or complete the Communication and Traduction groups, their permissions "
        "and the review workflows. Safe to run again."
    )

    def handle(self, *args, **options):
        communication, translation = setup_roles()
        self.stdout.write(
            self.style.SUCCESS(f"Roles ready: {communication.name}, {translation.name}.")
        )
