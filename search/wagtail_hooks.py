"""Admin: the search synonyms the communications team manages, and the report of
searches that found nothing (Reports menu).

What residents look for and do not find is the communications team's to-do list: a
missing shop to invite, a synonym to add ("ajouter un synonyme" opens the synonym
form with the search filled in), a page to promote for that query (Settings →
Promoted search results). The report is shown to superusers and to users given the
"Can view searched term" permission (e.g. the communications team's group); the
synonyms to those who may add, change or delete them (``setup_roles`` gives the team).
"""

from urllib.parse import urlencode

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_filters import DateFromToRangeFilter
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView, SnippetViewSet

from home.reports import PermittedReportView, ReportMenuItem, report_urls
from search.analysis import clean_query
from search.editorial import searches_without_results
from search.models import SearchSynonym, SearchTerm


class ReindexMessageMixin:
    """Says how many pages the change reindexed (``search.synonym_changes``)."""

    def get_success_message(self, *args):
        message = super().get_success_message(*args)
        instance = args[0] if args else self.object
        count = getattr(instance, "pages_reindexed", None)
        if message is None or count is None:
            return message
        return "{} {}".format(
            message,
            ngettext("%(count)d page réindexée.", "%(count)d pages réindexées.", count)
            % {"count": count},
        )


class SynonymCreateView(ReindexMessageMixin, CreateView):
    def get_initial_form_instance(self):
        """The search the "Recherches sans résultat" report links from, filled in."""
        instance = super().get_initial_form_instance() or self.model()
        terms = clean_query(self.request.GET.get("terms", ""))[:255]
        if terms:
            instance.terms = terms
        return instance


class SynonymEditView(ReindexMessageMixin, EditView):
    pass


class SynonymDeleteView(ReindexMessageMixin, DeleteView):
    pass


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "list-ul"
    menu_label = _("Synonymes de recherche")
    menu_name = "search-synonyms"
    add_to_admin_menu = True
    menu_order = 260
    add_view_class = SynonymCreateView
    edit_view_class = SynonymEditView
    delete_view_class = SynonymDeleteView
    list_display = ["terms", "also_found_by", DateColumn("updated_at", label=_("Modifié le"))]
    panels = [FieldPanel("terms"), FieldPanel("also_found_by")]


register_snippet(SearchSynonymViewSet)


class AddSynonymColumn(TitleColumn):
    """A link to the synonym form, the search filled in."""

    def get_value(self, instance):
        return _("ajouter un synonyme")

    def get_link_url(self, instance, parent_context):
        url = reverse(SearchSynonym.snippet_viewset.get_url_name("add"))
        return f"{url}?{urlencode({'terms': instance['text']})}"


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
        Column("correction", label=_("Vouliez-vous dire")),
        AddSynonymColumn("add_synonym", label=_("Synonymes")),
    ]
    export_headings = {
        "text": _("Recherche"),
        "language": _("Langue"),
        "total": _("Recherches sans résultat"),
        "last_searched": _("Dernière fois"),
        "correction": _("Vouliez-vous dire"),
    }
    list_export = ["text", "language", "total", "last_searched", "correction"]

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
