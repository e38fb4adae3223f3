from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Pages du site")

    def ready(self):
        from django.urls import register_converter

        from home import signals  # noqa: F401  (connects the receivers)
        from home.params import IdConverter

        # Before any URL pattern is built: ours (and our admin hooks') use <id:…>.
        register_converter(IdConverter, "id")

        # Imports Wagtail's admin views, which need the app registry ready.
        from home.spreadsheets import protect_spreadsheet_exports

        protect_spreadsheet_exports()
