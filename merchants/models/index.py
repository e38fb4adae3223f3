"""The directory: the page that lists, filters and maps the merchants."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.url_routing import RouteResult

from home.models import BasePage

EXPORT_FORMATS = ("csv", "json", "geojson")


class MerchantIndexPage(BasePage):
    """The merchant directory (``/commerces/``, ``/en/shops/``). Merchants are its children.

    Its open-data files live beside it: ``export.csv``, ``export.json`` and
    ``export.geojson`` (served by ``merchants.views.export``).
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    per_page = models.PositiveSmallIntegerField(
        _("fiches par page"),
        default=24,
        validators=[MinValueValidator(6), MaxValueValidator(96)],
        help_text=_("Nombre de commerces affichés par page de la liste."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["merchants.MerchantPage"]
    max_count_per_parent = 1
    template = "merchants/merchant_index_page.html"

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("annuaire des commerces")
        verbose_name_plural = _("annuaires des commerces")

    def get_cached_paths(self):
        """The directory and its open-data files, purged together (``home.caching``)."""
        return ["/", "export.csv", "export.json", "export.geojson"]

    def serve(self, request, *args, **kwargs):
        """A keyword typed in the directory's filters is searched by the site search."""
        # The directory module reads this app's models: imported when a page is served.
        from merchants.directory import keyword_search_url

        target = keyword_search_url(request)
        if target is not None:
            return redirect(target)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        # The context module reads these models: imported when a page is served.
        from merchants.page_context import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context

    def route(self, request, path_components):
        """A shop of the French directory not translated yet is served here too, in
        this directory's language (``merchants.english_view``)."""
        try:
            return super().route(request, path_components)
        except Http404:
            if len(path_components) != 1:
                raise
            # english_view reads MerchantPage, which this module cannot import.
            from merchants.english_view import untranslated_merchant

            merchant = untranslated_merchant(self, path_components[0])
            if merchant is None:
                raise
            return RouteResult(merchant, kwargs={"directory": self})

    def export_url(self, file_format, request=None):
        """Where the open-data file in ``file_format`` (csv, json, geojson) is served."""
        return f"{self.get_url(request)}export.{file_format}"
