from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import sitemaps
from home import views as home_views
from home.caching import shared
from home.views import favicon
from merchants.portal.urls import listing_urlpatterns
from merchants.portal.views.auth import AdminPasswordResetView

# Outside the language prefix: admin, documents, sitemap and machine-readable files.
urlpatterns = [
    # The admin's "forgotten password" page emails anyone who asks: the same limits as
    # the portal's (matched before Wagtail's own view of the same address).
    path(
        "admin/password_reset/",
        AdminPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", shared(sitemaps.sitemap), name="sitemap"),
    path("sitemap-<id:number>.xml", shared(sitemaps.sitemap_file), name="sitemap_file"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("favicon.ico", favicon, name="favicon"),
    # Search API and autocomplete: the language is a parameter (search/api.py).
    path("", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages: French at the root, English under /en/.
urlpatterns += i18n_patterns(
    # The directory's open-data files (export.csv|json|geojson), beside its pages.
    path("", include("merchants.urls")),
    # Events merchants propose from their portal (before the portal's own addresses).
    path(
        _("espace-commercant/evenements/"),
        include(("events.portal_urls", "merchant_events")),
    ),
    # Merchants' offers in their portal (likewise).
    path(_("espace-commercant/offres/"), include(("offers.portal_urls", "merchant_offers"))),
    # The merchant portal and the "list my shop" form (translated paths).
    path(_("espace-commercant/"), include(("merchants.portal.urls", "merchant_portal"))),
    path(
        _("referencer-mon-commerce/"),
        include((listing_urlpatterns, "merchant_listing")),
    ),
    # An offer reserved for pickup: the call & collect booking form with a quantity.
    path(_("retrait/offre/"), include(("offers.reserve_urls", "offer_reservation"))),
    # Call and collect: the forms' targets and the resident's signed booking page.
    path(_("retrait/"), include(("merchants.collect.urls", "call_collect"))),
    # Workshop registrations: the form's target and the person's signed link.
    path(_("inscription-atelier/"), include(("events.urls", "event_registration"))),
    # Where the language switcher leads from a page not translated yet.
    path(_("page-non-traduite/"), shared(home_views.untranslated_page), name="untranslated_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
