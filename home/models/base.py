from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import frame, slugs
from home.forms import SitePageForm
from home.translation import guard

# What every page has, for page types that list their fields for wagtail-localize:
# text translated, the menu flag and the pictures kept as in the French page.
PAGE_TRANSLATED = ("title", "slug", "seo_title", "search_description", "listing_summary")
PAGE_SYNCHRONISED = ("show_in_menus", "listing_image", "social_image")


def page_translatable_fields(translated, synchronised):
    """wagtail-localize's ``translatable_fields`` of a page type whose facts (address,
    dates, prices...) must follow the French page rather than be offered for
    translation: every page's fields, then the type's ``translated`` and
    ``synchronised`` field names."""
    return [
        *(TranslatableField(name) for name in (*PAGE_TRANSLATED, *translated)),
        *(SynchronizedField(name) for name in (*PAGE_SYNCHRONISED, *synchronised)),
    ]


class BasePage(Page):
    """Fields every page of the site has: how it looks in listings and when shared.

    Page types extend this instead of ``Page`` so that listings, search results and
    social cards can rely on the same summary and image everywhere.
    """

    listing_summary = models.TextField(
        _("résumé pour les listes"),
        blank=True,
        max_length=300,
        help_text=_(
            "Une ou deux phrases affichées dans les listes et les résultats de recherche."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de liste"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Affichée dans les listes ; la description de l'image sert de texte alternatif."
        ),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image pour les réseaux sociaux"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Affichée quand la page est partagée ; idéalement 1200 × 630 pixels."),
    )

    # Translatable snippets chosen in the page's language; errors in other tabs named.
    base_form_class = SitePageForm

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
                FieldPanel("social_image"),
            ],
            heading=_("Listes et réseaux sociaux"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
    ]

    # Browser features this page type uses among those the site's Permissions-Policy
    # denies (settings.PERMISSIONS_POLICY), e.g. ("geolocation",) for a "near me"
    # button: its pages allow them for the site's own origin only (the on_serve_page
    # hook in home/wagtail_hooks.py).
    allowed_browser_features = ()

    # What the page's template reads of its foreign keys, loaded with the page when it
    # is routed to as the only kind of child of its parent (``route``).
    route_select_related = ("locale",)

    def route(self, request, path_components):
        """As Wagtail's, in one query instead of two for a page whose children are all
        of one type (a shop in the directory): the child is read as that type, with
        ``route_select_related``. The page served also learns whether the site
        restricts any page's view at all (``get_view_restrictions``)."""
        # The pages routed through, from the home page: the breadcrumb's ancestors.
        request.__dict__.setdefault("_site_cms_route", []).append(self)
        if not path_components:
            result = super().route(request, path_components)
            self._site_cms_unrestricted = frame.remember(
                request, "unrestricted", lambda: not PageViewRestriction.objects.exists()
            )
            return result
        child_models = self.specific_class.allowed_subpage_models()
        if len(child_models) == 1 and issubclass(child_models[0], BasePage):
            model = child_models[0]
            child = (
                model.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*model.route_select_related)
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        # Children of several types, or one of another type than allowed today.
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """Wagtail's two queries, skipped when routing found that no page of the site
        has a view restriction (the cached answer is renewed when one is added)."""
        if getattr(self, "_site_cms_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def cache_lifetime(self, request):
        """How many seconds anonymous visitors may share this page from a cache: None
        for the site's ``PAGE_CACHE_SECONDS``, 0 for never. What changes with time
        within a page (a shop's open status) shortens it with ``home.caching.share_until``.
        """
        return None

    def cache_dependents(self):
        """Pages (or full URLs) that show something of this one besides its ancestors,
        purged from the caches with it (``home.caching.purge_pages``)."""
        return []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # The admin's slug field already refuses accents; a translator's slug reaches
        # the page through wagtail-localize, which checks only the model field.
        if self.slug and not slugs.unicode_slugs_allowed() and not self.slug.isascii():
            raise ValidationError(
                {
                    "slug": _(
                        "L'identifiant d'URL s'écrit sans accents ni caractères spéciaux, "
                        "par exemple « %(suggestion)s »."
                    )
                    % {"suggestion": slugs.ascii_slug(self.slug) or "ma-page"}
                }
            )

    def save(self, *args, **kwargs):
        # A draft of a live translation made by wagtail-localize goes into its revision
        # only; writing the row would publish it (see home.translation.guard).
        if guard.keeps_live_row(self, kwargs.get("update_fields")):
            return None
        return super().save(*args, **kwargs)

    # Open Graph type of the page: "article" for news, "website" elsewhere.
    og_type = "website"

    def description_text(self):
        """What describes the page when its search description is empty: page types
        with a lead or a short description return it."""
        return self.listing_summary or getattr(self, "intro", "")

    @property
    def meta_description(self):
        """The description search engines and social networks show for this page; the
        layout cuts it to ``home.seo.DESCRIPTION_LENGTH``."""
        return self.search_description or self.description_text()

    @property
    def share_image(self):
        return self.social_image or self.listing_image

    def social_card_image(self, context=None):
        """(image, alternative text) shown when the page is shared, or (None, "") for
        the site's default picture. ``context`` is the page's template context, where
        a page type may find an image it has already loaded."""
        image = self.share_image
        if image is None:
            return None, ""
        return image, image.default_alt_text
