from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.sections import SectionsBlock

from .base import BasePage


class HomePage(BasePage):
    """The front page of one language of the site: hero, introduction, then sections."""

    hero_title = models.CharField(_("titre du bandeau"), max_length=120)
    hero_text = models.TextField(_("texte du bandeau"), blank=True, max_length=400)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image du bandeau"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("texte alternatif de l'image du bandeau"),
        max_length=255,
        blank=True,
        help_text=_("Laissez vide uniquement si l'image est purement décorative."),
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page du bouton du bandeau"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("texte du bouton du bandeau"), max_length=60, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    # Shared sections and those feature apps register (home.sections).
    body = StreamField(SectionsBlock(), verbose_name=_("sections"), blank=True)

    parent_page_types = ["wagtailcore.Page"]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Bandeau d'accueil"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("intro"),
    ]

    def social_card_image(self, context=None):
        if self.social_image is None and self.hero_image is not None:
            # A decorative banner has no alternative text on the page; shared alone,
            # it is described by its description or title.
            return self.hero_image, self.hero_image_alt or self.hero_image.default_alt_text
        return super().social_card_image(context)

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")


class StandardPage(BasePage):
    """A generic content page: support for businesses, contact, legal notice..."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("corps"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")
