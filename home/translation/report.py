"""Admin report "Traductions à mettre à jour" (Reports menu).

The translators' to-do list: each translated page whose French page has text the
translation does not have yet, since when, how many strings are new, and the links to
take the new text and to translate it. Shown to those who may translate
(``wagtail_localize.submit_translation``).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn

from home.models import StaleTranslation
from home.reports import PermittedReportView


class StaleTranslationsReportView(PermittedReportView):
    permission = "wagtail_localize.submit_translation"
    page_title = _("Traductions à mettre à jour")
    header_icon = "globe"
    index_url_name = "stale_translations_report"
    index_results_url_name = "stale_translations_report_results"
    columns = [
        TitleColumn(
            "page",
            label=_("Traduction"),
            accessor="page.get_admin_display_title",
            get_url=lambda stale: reverse("wagtailadmin_pages:edit", args=[stale.page_id]),
        ),
        Column("language", label=_("Langue"), accessor="page.locale.get_display_name"),
        TitleColumn(
            "source_page",
            label=_("Page source"),
            accessor="source_page.get_admin_display_title",
            get_url=lambda stale: reverse("wagtailadmin_pages:edit", args=[stale.source_page_id]),
        ),
        NumberColumn("strings_to_translate", label=_("Textes nouveaux ou modifiés")),
        DateColumn("since", label=_("À mettre à jour depuis")),
        DateColumn("changed_at", label=_("Dernière modification de la source")),
    ]
    export_headings = {
        "page.title": _("Traduction"),
        "page.locale.language_code": _("Langue"),
        "source_page.title": _("Page source"),
        "strings_to_translate": _("Textes nouveaux ou modifiés"),
        "since": _("À mettre à jour depuis"),
        "changed_at": _("Dernière modification de la source"),
    }
    list_export = list(export_headings)

    def get_base_queryset(self):
        return StaleTranslation.objects.select_related("page__locale", "source_page")


class StaleTranslationsPanel(Component):
    """Dashboard panel: the oldest translations to update, for those who translate."""

    name = "stale_translations"
    order = 150
    template_name = "home/admin/stale_translations_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        stale = StaleTranslation.objects.select_related("page__locale", "source_page")
        return {
            "stale_translations": stale[:5],
            "total": stale.count(),
            "report_url": reverse("stale_translations_report"),
        }

    def render_html(self, parent_context=None):
        if not StaleTranslationsReportView.can_view(self.request.user):
            return ""
        return super().render_html(parent_context)
