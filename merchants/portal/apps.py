from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MerchantPortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "merchants.portal"
    label = "merchant_portal"
    verbose_name = _("Espace commerçant")

    def ready(self):
        from home import publication
        from merchants.portal import signals  # connects the workflow receivers

        publication.register_step(
            "listing_invitations",
            order=publication.NOTIFICATIONS,
            published=signals.invite_listed_merchants,
        )
