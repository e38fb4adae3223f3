"""What a merchant's profile lists several of: photos, social networks, other platforms."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class MerchantGalleryImage(Orderable):
    """A photo of the shop; the alternative text is required (it is the photo for
    visitors who cannot see it)."""

    page = ParentalKey(
        "merchants.MerchantPage", on_delete=models.CASCADE, related_name="gallery_images"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("texte alternatif"),
        max_length=255,
        help_text=_("Décrivez la photo pour les personnes qui ne la voient pas."),
    )
    caption = models.CharField(_("légende"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class SocialNetwork(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    PINTEREST = "pinterest", "Pinterest"
    MASTODON = "mastodon", "Mastodon"
    OTHER = "other", _("Autre réseau")


class MerchantSocialLink(Orderable):
    """The merchant's page on a social network."""

    page = ParentalKey(
        "merchants.MerchantPage", on_delete=models.CASCADE, related_name="social_links"
    )
    network = models.CharField(_("réseau"), max_length=20, choices=SocialNetwork.choices)
    url = models.URLField(_("adresse"))

    panels = [FieldPanel("network"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("réseau social")
        verbose_name_plural = _("réseaux sociaux")

    def __str__(self):
        return self.get_network_display()


class MerchantPlatformLink(Orderable):
    """The merchant on another website: a click-and-collect marketplace, a restaurant
    guide, a booking service."""

    page = ParentalKey(
        "merchants.MerchantPage", on_delete=models.CASCADE, related_name="platform_links"
    )
    label = models.CharField(
        _("libellé"),
        max_length=80,
        help_text=_(
            "Ce que le visiteur trouvera, par exemple « Commander sur la boutique en ligne »."
        ),
    )
    url = models.URLField(_("adresse"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("lien vers une plateforme")
        verbose_name_plural = _("liens vers des plateformes")

    def __str__(self):
        return self.label
