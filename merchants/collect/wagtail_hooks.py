"""Admin: the call & collect report (Reports menu), exportable as CSV or Excel.

Shown to superusers and to users given the "Peut voir le rapport appeler et retirer"
permission (``setup_roles`` gives it to the communications team's group). Merchants never see
it: they have no admin access.
"""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn

from home.params import IdModelChoiceFilter
from home.reports import PermittedReportView, ReportMenuItem, report_urls
from merchants.collect.models import PickupRequest
from merchants.collect.report import monthly_activity
from merchants.models import MerchantPage


def merchants_with_requests(request):
    """The shops that received at least one request, by name (requests always belong
    to the French page)."""
    return MerchantPage.objects.filter(
        pk__in=PickupRequest.objects.values("merchant_id")
    ).order_by("title")


class ActivityFilterSet(WagtailFilterSet):
    merchant = IdModelChoiceFilter(label=_("Commerce"), queryset=merchants_with_requests)
    created_at = DateFromToRangeFilter(label=_("Reçue le"), widget=DateRangePickerWidget)

    class Meta:
        model = PickupRequest
        fields = ["kind"]


class CallCollectReportView(PermittedReportView):
    permission = "call_collect.view_call_collect_report"
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
        NumberColumn("cancelled", label=_("Annulées")),
        Column("median_hours_to_confirmation", label=_("Délai médian de confirmation (heures)")),
    ]
    list_export = [
        "merchant",
        "month",
        "callbacks",
        "bookings",
        "confirmed",
        "cancelled",
        "median_hours_to_confirmation",
    ]
    export_headings = {
        "merchant": _("Commerce"),
        "month": _("Mois"),
        "callbacks": _("Demandes de rappel"),
        "bookings": _("Réservations"),
        "confirmed": _("Confirmées"),
        "cancelled": _("Annulées"),
        "median_hours_to_confirmation": _("Délai médian de confirmation (heures)"),
    }
    export_filename = "appeler-et-retirer"

    def get_filtered_queryset(self):
        return monthly_activity(self.filter_queryset(self.get_queryset()))


@hooks.register("register_admin_urls")
def register_report_urls():
    return report_urls("call-and-collect", CallCollectReportView)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        CallCollectReportView,
        _("Appeler et retirer"),
        name="call-and-collect",
        icon_name="mail",
        order=1320,
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="call_collect", codename="view_call_collect_report"
    )
