from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallCollectConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "merchants.collect"
    label = "call_collect"
    verbose_name = _("Appeler et retirer")
