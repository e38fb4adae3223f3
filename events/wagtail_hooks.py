"""Admin: the workshop registrations (Reports menu, CSV and Excel export); the shop's
events on its profile and "Proposer un événement" in the merchant portal."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateFromToRangeFilter
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn

from events.models import EventOccurrence, EventPage, WorkshopRegistration
from events.page_cache import bound_by_occurrences
from home.params import IdModelChoiceFilter
from home.reports import PermittedReportView, ReportMenuItem, report_urls

PERMISSION = "events.view_workshop_registrations"


def workshops(request):
    return EventPage.objects.filter(
        pk__in=WorkshopRegistration.objects.values("event_id")
    ).order_by("title")


class RegistrationFilterSet(WagtailFilterSet):
    event = IdModelChoiceFilter(label=_("Atelier"), queryset=workshops)
    status = ChoiceFilter(label=_("État"), choices=WorkshopRegistration.Status.choices)
    occurrence_start = DateFromToRangeFilter(label=_("Séance"), widget=DateRangePickerWidget)

    class Meta:
        model = WorkshopRegistration
        fields = []


class RegistrationsReportView(PermittedReportView):
    permission = PERMISSION
    page_title = _("Inscriptions aux ateliers")
    header_icon = "group"
    model = WorkshopRegistration
    filterset_class = RegistrationFilterSet
    index_url_name = "workshop_registrations_report"
    index_results_url_name = "workshop_registrations_report_results"
    columns = [
        Column("event", label=_("Atelier")),
        DateColumn("occurrence_start", label=_("Séance")),
        Column("name", label=_("Nom")),
        Column("business_name", label=_("Commerce ou entreprise")),
        Column("email", label=_("Adresse e-mail")),
        Column("phone", label=_("Téléphone")),
        Column("status_label", label=_("État")),
        DateColumn("created_at", label=_("Inscrit le")),
    ]
    list_export = [
        "event",
        "occurrence_start",
        "name",
        "business_name",
        "email",
        "phone",
        "status_label",
        "merchant",
        "created_at",
    ]
    export_headings = {
        "event": _("Atelier"),
        "occurrence_start": _("Séance"),
        "name": _("Nom"),
        "business_name": _("Commerce ou entreprise"),
        "email": _("Adresse e-mail"),
        "phone": _("Téléphone"),
        "status_label": _("État"),
        "merchant": _("Fiche commerce"),
        "created_at": _("Inscrit le"),
    }
    export_filename = "inscriptions-ateliers"

    def get_queryset(self):
        return WorkshopRegistration.objects.select_related("event", "merchant").order_by(
            "occurrence_start", "event__title", "status", "created_at"
        )

    def get_filtered_queryset(self):
        rows = list(self.filter_queryset(self.get_queryset()))
        for row in rows:
            row.status_label = row.get_status_display()
            row.occurrence_start = timezone.localtime(row.occurrence_start)
            row.created_at = timezone.localtime(row.created_at)
        return rows


@hooks.register("register_admin_urls")
def register_report_urls():
    return report_urls("workshop-registrations", RegistrationsReportView)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        RegistrationsReportView,
        _("Inscriptions aux ateliers"),
        name="workshop-registrations",
        icon_name="group",
        order=1330,
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="events", codename="view_workshop_registrations"
    )


@hooks.register("merchant_profile_sections")
def merchant_events(page, request):
    """The shop's upcoming events (held there or proposed by it), on its profile."""
    now = timezone.now()
    occurrences = (
        EventOccurrence.objects.filter(locale_id=page.locale_id, page__live=True)
        .filter(
            Q(page__place_merchant__translation_key=page.translation_key)
            | Q(page__proposed_by__translation_key=page.translation_key)
        )
        .upcoming(now)
    )
    # The shop's page is shared from the caches: no longer than the list is right.
    bound_by_occurrences(request, occurrences, now)
    found = list(occurrences.order_by("start", "pk").select_related("page")[:6])
    if not found:
        return ""
    return render_to_string(
        "events/includes/merchant_events.html",
        {"occurrences": found, "request": request},
        request=request,
    )


@hooks.register("merchant_portal_menu_items")
def portal_menu_item():
    return ("merchant_events:propose", _("Proposer un événement"))
