from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class Topic(TranslatableMixin, models.Model):
    """A theme news items are filed under (local economy, town centres...), per language.

    Articles link to the French topic; translations share its ``translation_key``,
    which is how an English listing finds the articles of an English topic.
    """

    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(
        _("identifiant d'URL"),
        max_length=80,
        allow_unicode=False,
        help_text=_(
            "Utilisé dans l'adresse de la page du thème : /actualites/theme/<identifiant>/"
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name
