from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_permissions_policy.decorators import permissions_policy_override
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from home.admin_access import PERMISSIONS, SitePageViewSet, restrict_reports_menu
from home.caching import share_response
from home.models import FooterContent
from home.reports import ReportMenuItem, report_urls
from home.translation.guard import keeping_live_translations
from home.translation.report import (
    StaleTranslationsPanel,
    StaleTranslationsReportView,
)
from home.translation.views import GuardedUpdateTranslationsView, refuse_incomplete_publication
from site_cms.security import permissions_policy_allowing


class FooterContentViewSet(SnippetViewSet):
    model = FooterContent
    icon = "list-ul"
    menu_label = _("Pied de page")
    add_to_settings_menu = True


register_snippet(FooterContentViewSet)


@hooks.register("register_admin_urls", order=-1)
def guard_translation_urls():
    """Our versions of wagtail-localize's update and submit views (see
    ``home.translation.guard``), resolved before wagtail-localize's own."""
    return [
        path(
            "localize/update/<id:translation_source_id>/",
            keeping_live_translations(GuardedUpdateTranslationsView.as_view()),
            name="guarded_update_translations",
        ),
        path(
            "localize/submit/page/<id:page_id>/",
            keeping_live_translations(SubmitPageTranslationView.as_view()),
            name="guarded_submit_page_translation",
        ),
    ]


hooks.register("before_edit_page", refuse_incomplete_publication, order=-1)


@hooks.register("register_admin_urls")
def stale_translations_report_urls():
    return report_urls("stale-translations", StaleTranslationsReportView)


@hooks.register("register_reports_menu_item")
def stale_translations_menu_item():
    return ReportMenuItem(
        StaleTranslationsReportView,
        _("Traductions à mettre à jour"),
        name="stale-translations",
        icon_name="globe",
        order=1320,
    )


# Wagtail's reports that list people, for those who may view what they list (see
# ``home.admin_access``; the views refuse through ``AdminAccessMiddleware``).
hooks.register("construct_reports_menu", restrict_reports_menu)


@hooks.register("register_admin_viewset")
def page_viewset():
    """The explorer's filters name only the people on the pages the user may see."""
    return SitePageViewSet()


@hooks.register("register_permissions")
def restricted_report_permissions():
    """The permissions those reports require, in Settings → Groups."""
    wanted = Q()
    for permission in PERMISSIONS:
        app_label, codename = permission.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(wanted)


@hooks.register("construct_homepage_panels")
def stale_translations_panel(request, panels):
    panels.append(StaleTranslationsPanel(request))


@hooks.register("on_serve_page")
def allow_page_browser_features(next_serve_page):
    """Pages whose type lists ``allowed_browser_features`` (BasePage) are served with a
    Permissions-Policy that allows those features for this origin; every other page
    keeps the site's policy. Routes of routable pages go through here too."""

    def serve_page(page, request, args, kwargs):
        features = getattr(page, "allowed_browser_features", ())
        if not features:
            return next_serve_page(page, request, args, kwargs)
        override = permissions_policy_override(permissions_policy_allowing(features))
        return override(lambda request: next_serve_page(page, request, args, kwargs))(request)

    return serve_page


@hooks.register("on_serve_page")
def share_public_pages(next_serve_page):
    """Every page (and route of a routable page) may be shared by anonymous visitors
    for ``BasePage.cache_lifetime`` (``home.caching`` decides whether the request
    allows it); previews never are."""

    def serve_page(page, request, args, kwargs):
        response = next_serve_page(page, request, args, kwargs)
        if getattr(request, "is_preview", False):
            return response
        lifetime = getattr(page, "cache_lifetime", None)
        return share_response(response, lifetime(request) if lifetime else None)

    return serve_page
