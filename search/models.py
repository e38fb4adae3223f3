"""The search page and the search log.

The page is a Wagtail page (``/recherche/``, translated to ``/en/search/``) rather than
a plain view so that editors can word its introduction, put it in the menu, and so
that the language switcher, breadcrumb and hreflang links work as on every page.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.models import BasePage
from search.vocabulary import analysed


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
    correction = models.CharField(
        _("correction proposée"),
        max_length=255,
        blank=True,
        help_text=_("Ce que « Vouliez-vous dire… » a proposé, le cas échéant."),
    )
    searches_corrected = models.PositiveIntegerField(_("recherches corrigées"), default=0)

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


class SearchSynonym(models.Model):
    """Words the communications team declares equivalent for search ("pressing,
    teinturerie, nettoyage à sec"), added to the curated commerce vocabulary
    (``search.vocabulary``) without a deployment. Saving or deleting one reindexes
    the pages that use its words (``search.vocabulary_changes``)."""

    terms = models.TextField(
        _("mots équivalents"),
        max_length=1000,
        help_text=_(
            "Mots ou expressions qui désignent la même chose, séparés par des virgules, "
            "par exemple « pressing, teinturerie, nettoyage à sec » : une page qui emploie "
            "l'un d'eux est trouvée par tous les autres, en français comme en anglais."
        ),
    )
    also_found_by = models.TextField(
        _("aussi trouvé par"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Facultatif, dans un seul sens : des mots qui trouvent aussi les pages "
            "employant les mots ci-dessus, sans que l'inverse soit vrai (« viande » pour "
            "« boucherie »). Laisser vide pour de simples équivalents."
        ),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("synonyme de recherche")
        verbose_name_plural = _("synonymes de recherche")
        ordering = ["terms"]

    def __str__(self):
        if self.also_found_by:
            return f"{self.terms} → {self.also_found_by}"
        return self.terms

    @staticmethod
    def split(text):
        """The terms of a comma-separated field, stripped, without repeats."""
        return list(
            dict.fromkeys(term.strip() for term in (text or "").split(",") if term.strip())
        )

    def vocabulary_line(self):
        """This synonym in the vocabulary's format (``search.vocabulary``)."""
        terms = ", ".join(self.split(self.terms))
        targets = ", ".join(self.split(self.also_found_by))
        return f"{terms} => {targets}" if targets else terms

    @classmethod
    def vocabulary_lines(cls):
        """Every synonym as a vocabulary line: a tuple, so that it can be a cache key."""
        return tuple(synonym.vocabulary_line() for synonym in cls.objects.order_by("pk"))

    def all_terms(self):
        return [*self.split(self.terms), *self.split(self.also_found_by)]

    def clean(self):
        errors = {}
        terms = self.split(self.terms)
        targets = self.split(self.also_found_by)
        for name, values in (("terms", terms), ("also_found_by", targets)):
            for term in values:
                if name in errors:
                    break  # one message per field, about the first bad term
                if any(mark in term for mark in ("|", "=>", "#")):
                    errors[name] = _(
                        "« %(term)s » contient un caractère réservé (|, => ou #)."
                    ) % {"term": term}
                elif not analysed(term):
                    errors[name] = _(
                        "« %(term)s » ne contient que des mots trop courants pour la "
                        "recherche (articles, prépositions...)."
                    ) % {"term": term}
                elif len(term) > 80:
                    errors[name] = _("« %(term)s » est trop long (80 caractères au plus).") % {
                        "term": term
                    }
        if "terms" not in errors:
            distinct = {analysed(term) for term in terms}
            if not targets and len(distinct) < 2:
                errors["terms"] = _(
                    "Indiquez au moins deux mots différents, séparés par des virgules "
                    "(ou des mots dans « aussi trouvé par »)."
                )
            elif not terms:
                errors["terms"] = _("Indiquez au moins un mot.")
        if errors:
            raise ValidationError(errors)
