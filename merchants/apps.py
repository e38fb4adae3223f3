from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MerchantsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "merchants"
    verbose_name = _("Annuaire des commerces")

    def ready(self):
        from home import demo, publication
        from merchants import demo as merchants_demo
        from merchants import open_periods, search

        search.register()
        demo.register_loader("merchants", merchants_demo.load, order=demo.FEATURES + 1)

        publication.register_step(
            "open_periods",
            order=publication.DERIVED_DATA,
            published=open_periods.follow_publication,
            unpublished=open_periods.follow_unpublication,
        )
