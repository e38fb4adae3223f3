from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from home.roles import WAGTAIL_DEFAULT_GROUPS, setup_roles


class Command(BaseCommand):
    help = (
        "Create or complete the Communication and Traduction groups, their permissions "
        "and the review workflows; take every right from Wagtail's default Moderators and "
        "Editors groups (deleted when empty). Safe to run again."
    )

    def handle(self, *args, **options):
        communication, translation = setup_roles()
        self.stdout.write(
            self.style.SUCCESS(f"Roles ready: {communication.name}, {translation.name}.")
        )
        for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
            members = ", ".join(sorted(group.user_set.values_list("username", flat=True)))
            self.stdout.write(
                self.style.WARNING(
                    f'Group "{group.name}" has no rights any more but still has members '
                    f"({members}): put them in {communication.name} or {translation.name}."
                )
            )
