from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, Site, TranslatableMixin

from home import frame
from home.blocks import LinkBlock


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and social networks: the same in every language."""

    organisation_name = models.CharField(
        _("nom de l'organisation"), max_length=200, default="Agglo Rhône Commerces"
    )
    address = models.TextField(_("adresse postale"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Réseaux sociaux"),
        ),
    ]

    class Meta:
        verbose_name = _("paramètres du site")

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, read from the frame every page shares (``home.frame``) rather
        than from the database on each request."""
        attribute = cls.get_cache_attr_name()
        if not hasattr(request, attribute):
            site = Site.find_for_request(request)
            settings = frame.remember(request, "settings", lambda: cls.for_site(site))
            settings._request = request
            setattr(request, attribute, settings)
        return getattr(request, attribute)

    @property
    def social_links(self):
        """(network name, address) pairs for the networks that are filled in."""
        networks = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in networks if url]


class FooterLinkBlock(LinkBlock):
    label = blocks.CharBlock(label=_("Libellé"), max_length=80)

    class Meta:
        label = _("Lien de pied de page")


class FooterContent(TranslatableMixin, models.Model):
    """The footer's text and links, one per language (translated with the rest of the site)."""

    text = models.TextField(_("texte"), blank=True)
    links = StreamField([("link", FooterLinkBlock())], verbose_name=_("liens"), blank=True)

    panels = [FieldPanel("text"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pied de page")
        verbose_name_plural = _("pieds de page")

    def __str__(self):
        return str(_("Pied de page (%(language)s)") % {"language": self.locale.get_display_name()})

    @classmethod
    def for_locale(cls, locale):
        """The footer in ``locale``, else the default language's one, else None."""
        footers = {footer.locale_id: footer for footer in cls.objects.all()}
        if locale is not None and locale.pk in footers:
            return footers[locale.pk]
        return footers.get(Locale.get_default().pk)
