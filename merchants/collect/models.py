"""Call and collect: the pickup slots a merchant publishes and residents' requests.

Everything belongs to the French ``MerchantPage`` (the one merchant accounts manage);
a resident on the English page books the same shop's slots.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from merchants.phone import display_phone

WEEKDAYS = [
    (1, _("lundi")),
    (2, _("mardi")),
    (3, _("mercredi")),
    (4, _("jeudi")),
    (5, _("vendredi")),
    (6, _("samedi")),
    (7, _("dimanche")),
]


class SlotWindowMixin(models.Model):
    """A time window cut into slots of ``interval_minutes``, each open to ``capacity``
    bookings (how many customers the shop can serve at once)."""

    start_time = models.TimeField(_("de"))
    end_time = models.TimeField(_("à"))
    interval_minutes = models.PositiveSmallIntegerField(
        _("durée d'un créneau (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    capacity = models.PositiveSmallIntegerField(
        _("retraits par créneau"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("La fin doit être après le début.")})


class SlotTemplate(SlotWindowMixin):
    """Recurring pickup slots: "Tuesday to Saturday, 10:00–12:00, every 30 minutes"."""

    merchant = models.ForeignKey(
        "merchants.MerchantPage", on_delete=models.CASCADE, related_name="slot_templates"
    )
    # ISO weekday numbers ("23456" for Tuesday to Saturday): one short column that both
    # databases compare the same way, where a JSON list would not.
    weekdays = models.CharField(_("jours"), max_length=7)

    class Meta:
        verbose_name = _("créneaux réguliers")
        verbose_name_plural = _("créneaux réguliers")
        ordering = ["weekdays", "start_time"]

    def __str__(self):
        return f"{self.weekdays} {self.start_time:%H:%M}-{self.end_time:%H:%M}"

    @property
    def weekday_numbers(self):
        return {int(day) for day in self.weekdays}

    def get_weekdays_display(self):
        names = dict(WEEKDAYS)
        return ", ".join(str(names[day]) for day in sorted(self.weekday_numbers))


class SlotException(SlotWindowMixin):
    """One date that departs from the templates: no pickup at all, or extra slots."""

    class Kind(models.TextChoices):
        CLOSED = "closed", _("Pas de retrait ce jour-là")
        EXTRA = "extra", _("Créneaux supplémentaires")

    merchant = models.ForeignKey(
        "merchants.MerchantPage", on_delete=models.CASCADE, related_name="slot_exceptions"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("type"), max_length=6, choices=Kind.choices, default=Kind.CLOSED)
    # A closed day needs no window.
    start_time = models.TimeField(_("de"), null=True, blank=True)
    end_time = models.TimeField(_("à"), null=True, blank=True)

    class Meta:
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions")
        ordering = ["date", "start_time"]

    def __str__(self):
        return f"{self.date} {self.kind}"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.EXTRA and not (self.start_time and self.end_time):
            raise ValidationError(
                {"start_time": _("Indiquez les heures des créneaux supplémentaires.")}
            )


class PickupRequestQuerySet(models.QuerySet):
    def bookings(self):
        return self.filter(kind=PickupRequest.Kind.BOOKING)

    def holding_seats(self):
        """Bookings that occupy a seat (cancelling frees it)."""
        return self.filter(kind=PickupRequest.Kind.BOOKING, seat__isnull=False)


class PickupRequest(models.Model):
    """A resident's callback request or pickup booking.

    A booking holds one numbered seat of its slot; the database refuses a second row for
    the same (merchant, slot, seat), so two people booking the last seat at the same
    moment cannot both get it. Cancelling frees the seat (``seat`` becomes NULL).
    Personal data (name, phone, email, note) is deleted after
    ``CALL_COLLECT_RETENTION_DAYS`` by ``manage.py purge_call_collect``.
    """

    class Kind(models.TextChoices):
        CALLBACK = "callback", _("Demande de rappel")
        BOOKING = "booking", _("Réservation de retrait")

    class Status(models.TextChoices):
        NEW = "new", _("Nouvelle")
        CONFIRMED = "confirmed", _("Confirmée")
        DONE = "done", _("Terminée")
        CANCELLED = "cancelled", _("Annulée")

    class TimeWindow(models.TextChoices):
        ASAP = "asap", _("Dès que possible")
        MORNING = "morning", _("Le matin (9 h – 12 h)")
        LUNCH = "lunch", _("Le midi (12 h – 14 h)")
        AFTERNOON = "afternoon", _("L'après-midi (14 h – 18 h)")
        EVENING = "evening", _("En fin de journée (après 18 h)")

    merchant = models.ForeignKey(
        "merchants.MerchantPage", on_delete=models.CASCADE, related_name="pickup_requests"
    )
    kind = models.CharField(_("type"), max_length=8, choices=Kind.choices)
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.NEW)
    name = models.CharField(_("nom"), max_length=150)
    phone = models.CharField(_("téléphone"), max_length=30)
    email = models.EmailField(_("adresse e-mail"), blank=True)
    topic = models.TextField(_("objet"), blank=True)
    time_window = models.CharField(
        _("moment préféré"), max_length=10, choices=TimeWindow.choices, blank=True
    )
    slot_start = models.DateTimeField(_("créneau"), null=True, blank=True)
    seat = models.PositiveSmallIntegerField(null=True, blank=True)
    language = models.CharField(
        _("langue"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    merchant_message = models.TextField(_("message du commerçant"), blank=True)
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)

    objects = PickupRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("demande appeler et retirer")
        verbose_name_plural = _("demandes appeler et retirer")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["merchant", "slot_start", "seat"],
                condition=Q(seat__isnull=False),
                name="call_collect_one_booking_per_seat",
            )
        ]
        indexes = [models.Index(fields=["merchant", "status"], name="call_collect_status_idx")]
        permissions = [
            ("view_call_collect_report", _("Peut voir le rapport appeler et retirer")),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.pk}"

    @property
    def is_booking(self):
        return self.kind == self.Kind.BOOKING

    @property
    def is_open(self):
        return self.status in (self.Status.NEW, self.Status.CONFIRMED)

    @property
    def link_expires_at(self):
        """When the resident's signed link stops working: ``CALL_COLLECT_LINK_DAYS``
        after the pickup slot (a booking) or after the request (a callback). The link
        shows the resident's details and cancels, so it must not work for ever."""
        start = self.slot_start or self.created_at
        return start + datetime.timedelta(days=settings.CALL_COLLECT_LINK_DAYS)

    def cancellation_refused(self, now):
        """Why the resident can no longer cancel at ``now`` (a message), or None.

        The one rule of cancelling from the signed link: the page shows the button, and
        the cancel POST accepts it, exactly when this is None. A booking can be cancelled
        until its pickup time (the shop has prepared it by then), a callback request
        while it is open.
        """
        if self.status == self.Status.CANCELLED:
            return _("Cette demande est déjà annulée.")
        if self.status == self.Status.DONE:
            return _("Cette demande est terminée : elle ne peut plus être annulée.")
        if self.slot_start is not None and now >= self.slot_start:
            return _(
                "L'heure de retrait est passée : la réservation ne peut plus être annulée "
                "en ligne. Appelez le commerce si besoin."
            )
        return None

    def can_be_cancelled(self, now):
        return self.cancellation_refused(now) is None

    def get_resident_status_display(self):
        """The state as the resident reads it: what they wait for, not the merchant's
        "Nouvelle"."""
        if self.status == self.Status.NEW:
            if self.is_booking:
                return _("En attente de confirmation par le commerce")
            return _("Envoyée au commerce, qui va vous rappeler")
        return {
            self.Status.CONFIRMED: _("Confirmée par le commerce"),
            self.Status.DONE: _("Terminée"),
            self.Status.CANCELLED: _("Annulée"),
        }[self.status]

    @property
    def phone_display(self):
        """The resident's number as people write it (04 65 71 88 12)."""
        return display_phone(self.phone)
