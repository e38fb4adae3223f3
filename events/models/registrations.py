"""Registrations to the agglomeration's workshops for merchants."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WorkshopRegistrationQuerySet(models.QuerySet):
    def holding_seats(self):
        return self.filter(status=WorkshopRegistration.Status.CONFIRMED, seat__isnull=False)

    def active(self):
        return self.exclude(status=WorkshopRegistration.Status.CANCELLED)

    def waiting(self):
        return self.filter(status=WorkshopRegistration.Status.WAITING).order_by("created_at", "pk")


class WorkshopRegistration(models.Model):
    """Someone registered to one session (``occurrence_start``) of a workshop.

    Seats are numbered 1..capacity; the database refuses a second row for the same
    (workshop, session, seat), so two people taking the last seat at the same moment
    cannot both get it, and a second active registration with the same email address.
    Without a free seat, the registration waits (``seat`` empty) and gets the seat of
    the next cancellation. Everything belongs to the French page. Personal data is
    deleted ``EVENT_REGISTRATION_RETENTION_DAYS`` after the session
    (``manage.py purge_workshop_registrations``).
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Inscrit")
        WAITING = "waiting", _("Liste d'attente")
        CANCELLED = "cancelled", _("Annulée")

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="registrations"
    )
    occurrence_start = models.DateTimeField(_("séance"))
    seat = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.CONFIRMED
    )
    name = models.CharField(_("nom"), max_length=150)
    business_name = models.CharField(_("commerce ou entreprise"), max_length=150)
    email = models.EmailField(_("adresse e-mail"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    merchant = models.ForeignKey(
        "merchants.MerchantPage",
        verbose_name=_("fiche commerce"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("langue"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now, db_index=True)
    promoted_at = models.DateTimeField(_("place obtenue le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)

    objects = WorkshopRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription à un atelier")
        verbose_name_plural = _("inscriptions aux ateliers")
        ordering = ["occurrence_start", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_start", "seat"],
                condition=Q(seat__isnull=False),
                name="events_one_registration_per_seat",
            ),
            models.UniqueConstraint(
                fields=["event", "occurrence_start", "email"],
                condition=~Q(status="cancelled"),
                name="events_one_registration_per_email",
            ),
        ]
        permissions = [
            ("view_workshop_registrations", _("Peut voir les inscriptions aux ateliers")),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def link_expires_at(self):
        """The signed link shows the person's details: it stops working
        ``EVENT_REGISTRATION_LINK_DAYS`` after the session."""
        return self.occurrence_start + datetime.timedelta(
            days=settings.EVENT_REGISTRATION_LINK_DAYS
        )

    def cancellation_refused(self, now):
        """Why the link can no longer cancel at ``now``, or None (the page's button and
        the POST follow this one rule)."""
        if self.status == self.Status.CANCELLED:
            return _("Cette inscription est déjà annulée.")
        if now >= self.occurrence_start:
            return _("L'atelier a commencé : l'inscription ne peut plus être annulée.")
        return None
