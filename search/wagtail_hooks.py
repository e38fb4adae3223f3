"""Admin: the report of searches that found nothing (Reports menu).

What residents look for and do not find is the communications team's to-do list: a
missing shop to invite, a synonym to add, a page to promote for that query (Settings
→ Promoted search results). Shown to superusers and to users given the "Can view
searched term" permission (e.g. the communications team's group).
"""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn

from home.reports import PermittedReportView, ReportMenuItem, report_urls
from search.editorial import searches_without_results
from search.models import SearchTerm


class SearchesWithoutResultsFilterSet(WagtailFilterSet):
    date = DateFromToRangeFilter(label=_("Date"), field_name="date", widget=DateRangePickerWidget)

    class Meta:
        model = SearchTerm
        fields = ["language"]


class SearchesWithoutResultsReportView(PermittedReportView):
    permission = "search.view_searchterm"
    page_title = _("Recherches sans résultat")
    header_icon = "search"
    is_searchable = True
    search_fields = ["text", "terms"]
    filterset_class = SearchesWithoutResultsFilterSet
    index_url_name = "search_reports_without_results"
    index_results_url_name = "search_reports_without_results_results"
    columns = [
        Column("text", label=_("Recherche")),
        Column("language", label=_("Langue")),
        NumberColumn("total", label=_("Recherches sans résultat")),
        DateColumn("last_searched", label=_("Dernière fois")),
    ]
    export_headings = {
        "text": _("Recherche"),
        "language": _("Langue"),
        "total": _("Recherches sans résultat"),
        "last_searched": _("Dernière fois"),
    }
    list_export = ["text", "language", "total", "last_searched"]

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = SearchTerm.objects.filter(searches_without_results__gt=0)
        return kwargs

    def get_base_queryset(self):
        return SearchTerm.objects.filter(searches_without_results__gt=0)

    def get_filtered_queryset(self):
        # Filter the daily rows (dates, language, text), then add them up per query.
        rows = self.filter_queryset(self.get_queryset())
        return searches_without_results(rows=rows)


@hooks.register("register_admin_urls")
def register_report_urls():
    return report_urls("searches-without-results", SearchesWithoutResultsReportView)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        SearchesWithoutResultsReportView,
        _("Recherches sans résultat"),
        name="searches-without-results",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(content_type__app_label="search", codename="view_searchterm")
