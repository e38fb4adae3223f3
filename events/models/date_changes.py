"""Occurrences of an event that depart from its rule (``EventPage.date_changes``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from events import recurrence


class EventDateChange(Orderable):
    """One occurrence that departs from the rule: left out (a holiday), cancelled (still
    shown, with the reason) or moved to another day or time."""

    class Action(models.TextChoices):
        EXCLUDED = recurrence.EXCLUDED, _("Pas d'occurrence ce jour-là")
        CANCELLED = recurrence.CANCELLED, _("Annulée (affichée avec le message)")
        MOVED = recurrence.MOVED, _("Déplacée")

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="date_changes")
    day = models.DateField(_("date prévue"))
    action = models.CharField(
        _("changement"), max_length=10, choices=Action.choices, default=Action.EXCLUDED
    )
    new_day = models.DateField(_("nouvelle date"), null=True, blank=True)
    new_time = models.TimeField(_("nouvelle heure"), null=True, blank=True)
    message = models.CharField(
        _("message"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « Annulé en raison de la météo »."),
    )

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("action")]),
        FieldRowPanel([FieldPanel("new_day"), FieldPanel("new_time")]),
        FieldPanel("message"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions")

    def clean(self):
        super().clean()
        if self.action == self.Action.MOVED and not self.new_day:
            raise ValidationError({"new_day": _("Indiquez la nouvelle date.")})

    def as_change(self):
        return recurrence.DateChange(
            day=self.day,
            action=self.action,
            new_day=self.new_day,
            new_time=self.new_time,
            message=self.message,
        )
