"""The search page and the search log.

The page is a Wagtail page (``/recherche/``, translated to ``/en/search/``) rather than
a plain view so that editors can word its introduction, put it in the menu, and so
that the language switcher, breadcrumb and hreflang links work as on every page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.models import BasePage


class SearchPage(BasePage):
    """The site's search: merchants, news and interviews, with filters."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    results_per_page = models.PositiveSmallIntegerField(
        _("résultats par page"),
        default=10,
        help_text=_("Nombre de résultats affichés par page."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "search/search_page.html"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("results_per_page"),
    ]

    class Meta:
        verbose_name = _("page de recherche")
        verbose_name_plural = _("pages de recherche")

    def cache_lifetime(self, request):
        # Never shared: each search is logged (popular searches, searches without
        # results), which a copy served from a cache would skip.
        return 0

    def get_context(self, request, *args, **kwargs):
        # The search page's context reads the search log, a model of this module.
        from search.page_context import search_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(search_page_context(self, request))
        return context


class SearchTerm(models.Model):
    """How often a query was searched on one day, in one language, and how often it
    found nothing. Feeds the "popular searches" block and the admin report of
    searches without results; one row per query, language and day."""

    terms = models.CharField(
        _("termes"),
        max_length=255,
        help_text=_("La recherche sans accents ni majuscules, telle que comparée."),
    )
    text = models.CharField(_("recherche"), max_length=255)
    language = models.CharField(_("langue"), max_length=8)
    date = models.DateField(_("jour"))
    searches = models.PositiveIntegerField(_("recherches"), default=0)
    searches_without_results = models.PositiveIntegerField(
        _("recherches sans résultat"), default=0
    )

    class Meta:
        verbose_name = _("terme recherché")
        verbose_name_plural = _("termes recherchés")
        constraints = [
            models.UniqueConstraint(
                fields=["terms", "language", "date"], name="search_term_unique_per_day"
            )
        ]
        indexes = [models.Index(fields=["date", "language"], name="search_term_date_idx")]

    def __str__(self):
        return self.text


class IndexedPage(models.Model):
    """Which version of a page one search backend holds (see ``search.indexing``).

    Written by our backends after each successful write to their index; a page whose
    row here is missing or differs from the page's current state is indexed again by
    ``reconcile_search_index``.
    """

    backend = models.CharField(_("moteur"), max_length=32)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    live = models.BooleanField()
    # Revision ids as plain numbers (0 for none): a revision deleted later must not
    # delete the record, only make it differ.
    live_revision = models.BigIntegerField(default=0)
    latest_revision = models.BigIntegerField(default=0)
    path = models.CharField(max_length=255)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("page indexée")
        verbose_name_plural = _("pages indexées")
        constraints = [
            models.UniqueConstraint(fields=["backend", "page"], name="indexed_page_per_backend")
        ]

    def __str__(self):
        return f"{self.backend}: {self.page_id}"
