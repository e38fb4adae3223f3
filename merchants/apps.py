from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MerchantsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "merchants"
    verbose_name = _("Annuaire des commerces")

    def ready(self):
        from merchants import signals  # noqa: F401  (connects the receivers)
