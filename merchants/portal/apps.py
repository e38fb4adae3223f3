from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MerchantPortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "merchants.portal"
    label = "merchant_portal"
    verbose_name = _("Espace commerçant")

    def ready(self):
        from home import demo, publication, roles
        from home.background import periodic
        from merchants.portal import demo as portal_demo
        from merchants.portal import (
            signals,  # connects the workflow receivers
            tasks,
        )

        demo.register_loader("merchant_portal", portal_demo.load, order=demo.ACCOUNTS)
        roles.register_team_models("merchant_portal", ["merchantaccount", "listingrequest"])
        publication.register_step(
            "listing_invitations",
            order=publication.NOTIFICATIONS,
            published=signals.invite_listed_merchants,
        )
        # After the morning rush, so the email is read when the merchant has a moment.
        periodic.register(
            "send_verification_reminders",
            tasks.send_verification_reminders,
            periodic.daily(hour=14),
        )
