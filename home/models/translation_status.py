from django.db import models
from django.utils.translation import gettext_lazy as _


class StaleTranslation(models.Model):
    """A translated page whose French source has text the translation does not have yet.

    Recorded when the French page is published with new or changed text, removed when
    the translation is published again in step with it (see ``home.translation``).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("traduction"),
        on_delete=models.CASCADE,
        related_name="stale_translation",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page source"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    since = models.DateTimeField(_("à mettre à jour depuis"))
    changed_at = models.DateTimeField(_("dernière modification de la source"))
    strings_to_translate = models.PositiveIntegerField(_("textes nouveaux ou modifiés"))

    class Meta:
        verbose_name = _("traduction à mettre à jour")
        verbose_name_plural = _("traductions à mettre à jour")
        ordering = ["since"]

    def __str__(self):
        return str(self.page)
