"""Admin: the call & collect report (Reports menu), exportable as CSV or Excel.

Shown to superusers and to users given the "Peut voir le rapport appeler et retirer"
permission (the demo gives it to the communications team's group). Merchants never see
it: they have no admin access.
"""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from merchants.collect.models import PickupRequest
from merchants.collect.report import monthly_activity

PERMISSION = "call_collect.view_call_collect_report"


def can_view_report(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


class ActivityFilterSet(WagtailFilterSet):
    created_at = DateFromToRangeFilter(label=_("Reçue le"), widget=DateRangePickerWidget)

    class Meta:
        model = PickupRequest
        fields = ["kind"]


class CallCollectReportView(ReportView):
    page_title = _("Appeler et retirer")
    header_icon = "mail"
    model = PickupRequest
    filterset_class = ActivityFilterSet
    index_url_name = "call_collect_report"
    index_results_url_name = "call_collect_report_results"
    columns = [
        Column("merchant", label=_("Commerce")),
        Column("month_label", label=_("Mois")),
        NumberColumn("callbacks", label=_("Demandes de rappel")),
        NumberColumn("bookings", label=_("Réservations")),
        NumberColumn("confirmed", label=_("Confirmées")),
        Column("median_hours_to_confirmation", label=_("Délai médian de confirmation (heures)")),
    ]
    list_export = [
        "merchant",
        "month",
        "callbacks",
        "bookings",
        "confirmed",
        "median_hours_to_confirmation",
    ]
    export_headings = {
        "merchant": _("Commerce"),
        "month": _("Mois"),
        "callbacks": _("Demandes de rappel"),
        "bookings": _("Réservations"),
        "confirmed": _("Confirmées"),
        "median_hours_to_confirmation": _("Délai médian de confirmation (heures)"),
    }
    export_filename = "appeler-et-retirer"

    def get_filtered_queryset(self):
        return monthly_activity(self.filter_queryset(self.get_queryset()))

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class CallCollectMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/call-and-collect/",
            CallCollectReportView.as_view(),
            name="call_collect_report",
        ),
        path(
            "reports/call-and-collect/results/",
            CallCollectReportView.as_view(results_only=True),
            name="call_collect_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return CallCollectMenuItem(
        _("Appeler et retirer"),
        reverse("call_collect_report"),
        name="call-and-collect",
        icon_name="mail",
        order=1320,
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="call_collect", codename="view_call_collect_report"
    )
