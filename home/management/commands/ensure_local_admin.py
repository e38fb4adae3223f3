import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create a local superuser 'admin' with a random password (development only) "
        "and print its credentials."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a demo administrator when DEBUG is off.")
        credentials = settings.VAR_DIR / "local-admin.txt"
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        password = credentials.read_text().strip() if credentials.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User(username="admin", email="admin@agglo.example")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            credentials.parent.mkdir(parents=True, exist_ok=True)
            credentials.write_text(password + "\n")
            credentials.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Local admin: http://127.0.0.1:8000/admin/  user: admin  password: {password}"
            )
        )
