from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "offers"
    verbose_name = _("Offres et bons plans")

    def ready(self):
        from home import demo
        from merchants.models import MerchantPage
        from offers import demo as offers_demo
        from offers import search

        # The directory does not know of offers: this app adds its page type below the
        # shops' pages (before Wagtail first reads the list).
        MerchantPage.subpage_types = [*MerchantPage.subpage_types, "offers.OfferPage"]
        search.register()
        # After the directory: offers are children of the demo's shops.
        demo.register_loader("offers", offers_demo.load, order=demo.FEATURES + 6)
