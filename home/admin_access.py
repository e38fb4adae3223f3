"""What the admin shows of people: to each user, only those their work concerns.

A merchant's account is their email address, and Wagtail names people by it wherever it
names them. Wagtail shows its Workflows, Workflow tasks, Site history, Aging pages and Page
types usage reports to anyone who may edit a page somewhere, and their user filters
("Demandé par", "Utilisateur") list every account that ever acted on the site; the page
explorer's "Propriétaire" and "Modifiée par" filters list every owner and editor of any
page, in trees the user cannot even see. A translator edits the English pages and needs
none of that.

- Each of those reports requires the Django "view" permission of the records it lists
  (``setup_roles`` gives them to the communications team): the Reports menu hides it
  (``construct_reports_menu`` in ``home.wagtail_hooks``) and the view itself refuses
  (``AdminAccessMiddleware``), because a URL can be typed without the menu.
- The explorer's people filters offer the owners and editors of the pages the user may
  explore (``SitePageViewSet``, Wagtail's page views with that filter set).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.forms import CheckboxSelectMultiple
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import MultipleUserFilter
from wagtail.admin.views.pages.listing import EditedByFilter, GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, PageLogEntry
from wagtail.permissions import policy_registry


@dataclass(frozen=True)
class RestrictedReport:
    """A Wagtail report: its menu item, its URL names, the permission it requires."""

    menu_name: str
    url_name: str
    permission: str

    @property
    def url_names(self):
        # Filtering reloads only the results, from a URL of their own.
        return {self.url_name, f"{self.url_name}_results"}


RESTRICTED_REPORTS = (
    RestrictedReport(
        "workflows", "wagtailadmin_reports:workflow", "wagtailcore.view_workflowstate"
    ),
    RestrictedReport(
        "workflow-tasks", "wagtailadmin_reports:workflow_tasks", "wagtailcore.view_taskstate"
    ),
    RestrictedReport(
        "site-history", "wagtailadmin_reports:site_history", "wagtailcore.view_pagelogentry"
    ),
    # "Last published by": read from the pages' log entries.
    RestrictedReport(
        "aging-pages", "wagtailadmin_reports:aging_pages", "wagtailcore.view_pagelogentry"
    ),
    # The last edited page of each type, in trees the user may not edit: read from the
    # pages' revisions.
    RestrictedReport(
        "page-types-usage", "wagtailadmin_reports:page_types_usage", "wagtailcore.view_revision"
    ),
)
PERMISSION_BY_URL_NAME = {
    url_name: report.permission for report in RESTRICTED_REPORTS for url_name in report.url_names
}
PERMISSION_BY_MENU_NAME = {report.menu_name: report.permission for report in RESTRICTED_REPORTS}
PERMISSIONS = sorted({report.permission for report in RESTRICTED_REPORTS})


def may_open(user, permission):
    return user.is_active and (user.is_superuser or user.has_perm(permission))


def restrict_reports_menu(request, menu_items):
    """``construct_reports_menu``: hide the reports the user may not open."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in PERMISSION_BY_MENU_NAME
        or may_open(request.user, PERMISSION_BY_MENU_NAME[item.name])
    ]


class AdminAccessMiddleware:
    """Refuse a restricted report, as Wagtail refuses an admin area (a message and the
    dashboard, or 403 for a script), to a user of the admin without its permission.

    Others pass: the admin's own views send them to the login page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        permission = PERMISSION_BY_URL_NAME.get(match.view_name) if match else None
        if permission is None or not may_open(request.user, "wagtailadmin.access_admin"):
            return None
        if may_open(request.user, permission):
            return None
        return permission_denied(request)


def _explorable_pages(request):
    return policy_registry.get_by_type(Page).explorable_instances(request.user)


def _owners(request):
    pages = _explorable_pages(request).order_by().values("owner_id")
    return get_user_model().objects.filter(pk__in=pages)


def _editors(request):
    edits = PageLogEntry.objects.filter(action="wagtail.edit", page__in=_explorable_pages(request))
    return get_user_model().objects.filter(pk__in=edits.order_by().values("user_id"))


class PageFilterSet(GenericPageFilterSet):
    """Wagtail's page filters, offering as owners and editors only the people found on
    the pages the user may explore."""

    owner = MultipleUserFilter(
        label=GenericPageFilterSet.base_filters["owner"].label,
        queryset=_owners,
        widget=CheckboxSelectMultiple,
    )
    edited_by = EditedByFilter(
        label=GenericPageFilterSet.base_filters["edited_by"].label,
        queryset=_editors,
        widget=CheckboxSelectMultiple,
    )


class SitePageViewSet(PageViewSet):
    """Wagtail's page views for every page type, with ``PageFilterSet`` in the explorer
    (registered after Wagtail's own ``base_page_viewset``, which it replaces)."""

    model = Page
    filterset_class = PageFilterSet
