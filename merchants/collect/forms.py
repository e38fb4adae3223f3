"""The resident's forms ("Être rappelé", "Réserver un créneau de retrait") and the
merchant's forms (slot templates, exceptions, answering a request).

The public forms carry the portal's anti-robot fields: a honeypot and a signed
timestamp (``merchants.portal.robots``).
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from merchants import open_periods
from merchants.collect.hints import GENERAL_HINT
from merchants.collect.models import WEEKDAYS, PickupRequest, SlotException, SlotTemplate
from merchants.collect.slots import BOOKING_DAYS, in_booking_window, parse_value
from merchants.opening_hours import PARIS
from merchants.phone import normalize_phone
from merchants.portal.robots import RobotCheckForm


class ResidentForm(RobotCheckForm):
    """Who to call back or to expect, and the anti-robot fields."""

    name = forms.CharField(
        label=_("Votre nom"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Votre téléphone"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )

    def __init__(self, *args, prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix or self.default_prefix, **kwargs)

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])

    def details(self):
        """The request's fields, as ``PickupRequest`` names them."""
        return {name: self.cleaned_data[name] for name in self.request_fields}


class CallbackForm(ResidentForm):
    default_prefix = "callback"
    request_fields = ["name", "phone", "email", "time_window", "topic"]

    time_window = forms.ChoiceField(
        label=_("Quand vous rappeler ?"),
        choices=PickupRequest.TimeWindow.choices,
        initial=PickupRequest.TimeWindow.ASAP,
        widget=forms.RadioSelect,
    )
    topic = forms.CharField(
        label=_("À quel sujet ?"),
        help_text=GENERAL_HINT,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(
        label=_("Votre adresse e-mail (facultatif)"),
        help_text=_("Pour recevoir une confirmation et pouvoir annuler la demande."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["name", "phone", "time_window", "topic", "email"]

    def __init__(self, *args, topic_hint=None, **kwargs):
        """``topic_hint``: the example that fits the shop (``hints.callback_hint``)."""
        super().__init__(*args, **kwargs)
        if topic_hint is not None:
            self.fields["topic"].help_text = topic_hint


class BookingForm(ResidentForm):
    """A slot among ``slot_days`` (``SlotDay`` list); the template groups the radio
    buttons by day, so the field validates the value only."""

    default_prefix = "booking"
    request_fields = ["name", "phone", "email", "topic"]

    slot = forms.CharField(
        label=_("Créneau de retrait"),
        error_messages={"required": _("Choisissez un créneau de retrait.")},
    )
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        help_text=_("Pour recevoir la confirmation et le lien d'annulation."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topic = forms.CharField(
        label=_("Note pour le commerçant (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    field_order = ["slot", "name", "phone", "email", "topic"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The template draws the slots as radio buttons grouped by day, in a fieldset.
        self.fields["slot"].error_anchor = f"{self.prefix}-slots"

    def clean_slot(self):
        """The slot's start, within the booking window: a date typed by hand (year 1 or
        9999) is refused here, before anything computes with it."""
        start = parse_value(self.cleaned_data["slot"])
        if start is None:
            raise ValidationError(_("Choisissez un créneau de retrait."), code="invalid")
        if not in_booking_window(start, open_periods.current_time()):
            raise ValidationError(
                _(
                    "Ce créneau ne peut pas être réservé : les créneaux proposés sont ceux "
                    "des %(days)s prochains jours. Choisissez un autre créneau."
                ),
                code="out_of_window",
                params={"days": BOOKING_DAYS},
            )
        return start


# Time pickers move by 5 minutes (the arrows, a phone's wheel); any minute typed is kept.
TIME_WIDGET_ATTRS = {"type": "time", "step": 300, "class": "collect-time"}
SLOT_WIDGETS = {
    "start_time": forms.TimeInput(attrs=TIME_WIDGET_ATTRS, format="%H:%M"),
    "end_time": forms.TimeInput(attrs=TIME_WIDGET_ATTRS, format="%H:%M"),
    "interval_minutes": forms.NumberInput(
        attrs={"min": 5, "max": 240, "step": 5, "inputmode": "numeric"}
    ),
    "capacity": forms.NumberInput(attrs={"min": 1, "max": 20, "inputmode": "numeric"}),
}


class SlotTemplateForm(forms.ModelForm):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Jours"),
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = SlotTemplate
        fields = ["weekdays", "start_time", "end_time", "interval_minutes", "capacity"]
        widgets = SLOT_WIDGETS
        labels = {
            "start_time": _("Premier créneau à"),
            "end_time": _("Dernier retrait fini à"),
            "capacity": _("Nombre de retraits par créneau"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # editing: the stored "2345" becomes ticked days
            self.initial["weekdays"] = sorted(self.instance.weekday_numbers)

    def clean_weekdays(self):
        return "".join(str(day) for day in sorted(self.cleaned_data["weekdays"]))


EXCEPTION_DAYS_AHEAD = 366


class SlotExceptionForm(forms.ModelForm):
    class Meta:
        model = SlotException
        fields = ["date", "kind", "start_time", "end_time", "interval_minutes", "capacity"]
        widgets = {
            **SLOT_WIDGETS,
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "kind": forms.RadioSelect,
        }
        labels = {"capacity": _("Nombre de retraits par créneau")}
        help_texts = {"start_time": _("Seulement pour des créneaux supplémentaires.")}

    def clean_date(self):
        """From today to a year ahead: an exception in year 9999 (or 1) is a typing
        mistake, and residents only ever see the next two weeks."""
        day = self.cleaned_data["date"]
        today = open_periods.current_time().astimezone(PARIS).date()
        if not today <= day <= today + datetime.timedelta(days=EXCEPTION_DAYS_AHEAD):
            raise ValidationError(
                _("Choisissez une date entre aujourd'hui et dans un an."), code="out_of_range"
            )
        return day


class AnswerForm(forms.Form):
    """The merchant's answer to one request: which request is read from the merchant's
    own requests by the view, never trusted from the form."""

    ACTIONS = [("confirm", _("Confirmer")), ("cancel", _("Annuler")), ("done", _("Terminée"))]

    action = forms.ChoiceField(choices=ACTIONS)
    message = forms.CharField(
        label=_("Message pour le client (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


DAY_LIST_DAYS = 366


class DayListForm(forms.Form):
    """The day of the portal's day list, within a year of today."""

    date = forms.DateField(
        label=_("Jour"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Indiquez une date, par exemple 20/12/2025.")},
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.first_day = today - datetime.timedelta(days=DAY_LIST_DAYS)
        self.last_day = today + datetime.timedelta(days=DAY_LIST_DAYS)
        if not self.is_bound:
            self.initial["date"] = today

    def clean_date(self):
        day = self.cleaned_data["date"]
        if not self.first_day <= day <= self.last_day:
            raise ValidationError(
                _("Choisissez un jour entre il y a un an et dans un an."), code="out_of_range"
            )
        return day
