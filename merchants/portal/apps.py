from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MerchantPortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "merchants.portal"
    label = "merchant_portal"
    verbose_name = _("Espace commerçant")

    def ready(self):
        from merchants.portal import signals  # noqa: F401  (connects the receivers)
