from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Pages du site")

    def ready(self):
        from home import signals  # noqa: F401  (connects the receivers)

        # Imports Wagtail's admin views, which need the app registry ready.
        from home.spreadsheets import protect_spreadsheet_exports

        protect_spreadsheet_exports()
