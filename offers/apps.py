from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "offers"
    verbose_name = _("Offres et bons plans")

    def ready(self):
        from wagtail.signals import post_page_move

        from home import demo, sitemaps
        from merchants.models import MerchantPage
        from merchants.portal import dashboard
        from offers import demo as offers_demo
        from offers import portal, reservations, search
        from offers.models import OfferPage, follow_move

        # The directory does not know of offers: this app adds its page type below the
        # shops' pages (before Wagtail first reads the list).
        MerchantPage.subpage_types = [*MerchantPage.subpage_types, "offers.OfferPage"]
        post_page_move.connect(follow_move, sender=OfferPage)
        search.register()
        reservations.connect()
        dashboard.register_panel("offers", portal.dashboard_panel, order=20)
        sitemaps.leave_out(search.offers_out_of_the_sitemap)
        # After the directory: offers are children of the demo's shops.
        demo.register_loader("offers", offers_demo.load, order=demo.FEATURES + 6)
