from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MerchantsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "merchants"
    verbose_name = _("Annuaire des commerces")

    def ready(self):
        from home import caching, demo, publication, roles
        from home.background import periodic
        from merchants import demo as merchants_demo
        from merchants import open_periods, search, shortcuts, tasks
        from merchants.models import Category, Commune, MerchantIndexPage

        # Their names are on the directory's filters and on thousands of pages.
        caching.purge_everything_on_change(Category, Commune)

        roles.register_team_models("merchants", ["category", "commune"])
        roles.register_review_workflow(
            roles.MERCHANT_WORKFLOW,
            "Validation par l'équipe communication",
            lambda: MerchantIndexPage.objects.all(),
        )
        search.register()
        shortcuts.register()
        demo.register_loader("merchants", merchants_demo.load, order=demo.FEATURES + 1)

        periodic.register(
            "refresh_opening_periods", tasks.refresh_opening_periods, periodic.daily(hour=4)
        )
        publication.register_step(
            "open_periods",
            order=publication.DERIVED_DATA,
            published=open_periods.follow_publication,
            unpublished=open_periods.follow_unpublication,
        )
