"""The site's admin reports (Reports menu): shown only to those given their permission.

Each report is a Wagtail ``ReportView`` that names the permission it needs; ``report_urls``
and ``ReportMenuItem`` register it the same way for every app (the searches without
results, call & collect activity, translations to update).
"""

from django.urls import path, reverse
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView


class PermittedReportView(ReportView):
    """A report for superusers and the users given ``permission``."""

    permission = ""

    @classmethod
    def can_view(cls, user):
        return user.is_active and (user.is_superuser or user.has_perm(cls.permission))

    def dispatch(self, request, *args, **kwargs):
        if not self.can_view(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def report_urls(slug, view_class):
    """The report's page and its results (filtering reloads only the results)."""
    return [
        path(f"reports/{slug}/", view_class.as_view(), name=view_class.index_url_name),
        path(
            f"reports/{slug}/results/",
            view_class.as_view(results_only=True),
            name=view_class.index_results_url_name,
        ),
    ]


class ReportMenuItem(MenuItem):
    """The report's entry in the Reports menu, shown to those who may read it."""

    def __init__(self, view_class, label, **kwargs):
        super().__init__(label, reverse(view_class.index_url_name), **kwargs)
        self.view_class = view_class

    def is_shown(self, request):
        return self.view_class.can_view(request.user)
