"""Each date of each live event, stored so that the agenda can filter, sort and page
occurrences in the database (``events.occurrences`` writes them after publication)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventOccurrenceQuerySet(models.QuerySet):
    def upcoming(self, now):
        """Not over yet at ``now`` (a market under way is still listed)."""
        return self.filter(end__gt=now)

    def past(self, now):
        return self.filter(end__lte=now)

    def overlapping(self, first_day, last_day):
        """Taking place on at least one day from ``first_day`` to ``last_day``."""
        return self.filter(start_day__lte=last_day, end_day__gte=first_day)


class EventOccurrence(models.Model):
    """One date of a live ``EventPage`` (both languages have their own rows).

    Derived data: rewritten from the page's dates whenever it is published, removed
    when it is unpublished, and extended daily by ``refresh_event_occurrences`` (a rule
    without an end is stored ``recurrence.HORIZON_DAYS`` ahead). What the listing
    filters on (kind, commune, price) is copied here so that it needs no join.
    """

    page = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrences"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    # Paris dates of the first and last day, for "today", "this weekend" and the month.
    start_day = models.DateField()
    end_day = models.DateField()
    all_day = models.BooleanField(default=False)
    cancelled = models.BooleanField(_("annulée"), default=False)
    message = models.CharField(_("message"), max_length=255, blank=True)
    kind = models.CharField(max_length=12)
    commune = models.ForeignKey(
        "merchants.Commune", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    free = models.BooleanField(default=True)

    objects = EventOccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("date d'un événement")
        verbose_name_plural = _("dates des événements")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["locale", "end", "start"], name="events_occurrence_upcoming"),
            models.Index(fields=["locale", "start_day", "end_day"], name="events_occurrence_days"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.start:%Y-%m-%d %H:%M}"
