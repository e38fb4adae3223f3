"""The admin's event form (dates written as a recurrence rule from plain choices), the
workshop registration form and the portal's "Proposer un événement" form."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from events import recurrence
from merchants.phone import normalize_phone
from merchants.portal.robots import RobotCheckForm

# A year more than 5 years away is a typing mistake, not an event of this agenda.
YEARS_AHEAD = 5


class EventPageForm(WagtailAdminPageForm):
    """Writes the event's ``recurrence`` (an RFC 5545 rule) from the editor's choices
    and shows them again from the stored rule."""

    repeat = forms.ChoiceField(
        label=_("Répétition"), choices=recurrence.REPEAT_CHOICES, required=False
    )
    repeat_interval = forms.IntegerField(
        label=_("Toutes les"),
        help_text=_("1 : chaque semaine (ou chaque jour, chaque mois) ; 2 : une sur deux…"),
        min_value=1,
        max_value=12,
        initial=1,
        required=False,
    )
    repeat_weekdays = forms.MultipleChoiceField(
        label=_("Les jours (répétition chaque semaine)"),
        choices=recurrence.WEEKDAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    repeat_position = forms.ChoiceField(
        label=_("Le (répétition chaque mois)"),
        choices=recurrence.POSITION_CHOICES,
        required=False,
    )
    repeat_weekday = forms.ChoiceField(
        label=_("Jour"), choices=recurrence.WEEKDAY_CHOICES, initial="SU", required=False
    )
    repeat_until = forms.DateField(
        label=_("Jusqu'au (inclus)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    repeat_count = forms.IntegerField(
        label=_("Ou nombre de fois"), min_value=1, max_value=500, required=False
    )
    # The rule itself is not shown; the model's check of it reports on "repeat".
    recurrence = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        repetition = recurrence.repetition_of(self.instance.recurrence)
        self.initial.update(
            {
                "repeat": repetition.repeat,
                "repeat_interval": repetition.interval,
                "repeat_weekdays": list(repetition.weekdays),
                "repeat_position": repetition.position,
                "repeat_weekday": repetition.weekday,
                "repeat_until": repetition.until,
                "repeat_count": repetition.count,
                "recurrence": self.instance.recurrence,
            }
        )

    def clean(self):
        cleaned_data = super().clean()
        start = cleaned_data.get("start_date")
        if start and not self._dates_plausible(cleaned_data):
            return cleaned_data
        repetition = recurrence.Repetition(
            repeat=cleaned_data.get("repeat") or recurrence.NO_REPEAT,
            interval=cleaned_data.get("repeat_interval") or 1,
            weekdays=tuple(cleaned_data.get("repeat_weekdays") or ()),
            position=cleaned_data.get("repeat_position") or "1",
            weekday=cleaned_data.get("repeat_weekday") or "SU",
            until=cleaned_data.get("repeat_until"),
            count=cleaned_data.get("repeat_count"),
        )
        if repetition.until and repetition.count:
            self.add_error(
                "repeat_count", _("Indiquez une date de fin ou un nombre de fois, pas les deux.")
            )
        elif start:
            self.instance.recurrence = recurrence.rule_text(repetition, start)
        return cleaned_data

    def _dates_plausible(self, cleaned_data):
        today = datetime.date.today()
        plausible = True
        for name in ("start_date", "end_date", "repeat_until"):
            day = cleaned_data.get(name)
            if day and not (today.year - YEARS_AHEAD <= day.year <= today.year + YEARS_AHEAD):
                self.add_error(
                    name,
                    _("Choisissez une date entre %(first)s et %(last)s.")
                    % {"first": today.year - YEARS_AHEAD, "last": today.year + YEARS_AHEAD},
                )
                plausible = False
        return plausible

    def _post_clean(self):
        super()._post_clean()
        # The model names the rule "recurrence"; the editor sees it as "repeat".
        if "recurrence" in self._errors:
            for message in self._errors.pop("recurrence"):
                self.add_error("repeat", message)


class SessionFormMixin:
    """The session among ``sessions`` (the upcoming starts one may register to) and
    the waiting list, shared by the full form and the merchants' one-click form."""

    def _set_sessions(self, sessions):
        self.sessions = {session_value(start): start for start in sessions}
        self.fields["session"].choices = [(value, value) for value in self.sessions]
        if len(self.sessions) == 1:
            self.fields["session"].widget = forms.HiddenInput()
            self.initial["session"] = next(iter(self.sessions))
        else:
            # The template draws the sessions as radio buttons in a fieldset.
            self.fields["session"].error_anchor = f"{self.prefix}-sessions"

    def clean_session(self):
        return self.sessions[self.cleaned_data["session"]]


def _session_field():
    return forms.ChoiceField(
        label=_("Séance"), error_messages={"required": _("Choisissez une séance.")}
    )


def _waiting_list_field():
    return forms.BooleanField(
        label=_("S'il n'y a plus de place, m'inscrire sur la liste d'attente"),
        required=False,
        initial=True,
    )


class RegistrationForm(SessionFormMixin, RobotCheckForm):
    """A workshop registration: who, for which session."""

    session = _session_field()
    name = forms.CharField(
        label=_("Votre nom"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    business_name = forms.CharField(
        label=_("Votre commerce ou entreprise"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        help_text=_("Pour recevoir la confirmation, le rappel et le lien d'annulation."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Votre téléphone (facultatif)"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )
    waiting_list = _waiting_list_field()
    field_order = ["session", "name", "business_name", "email", "phone", "waiting_list"]

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, prefix="registration", **kwargs)
        self._set_sessions(sessions)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        return normalize_phone(phone) if phone else ""

    def details(self):
        return {
            name: self.cleaned_data[name] for name in ("name", "business_name", "email", "phone")
        }


class OneClickRegistrationForm(SessionFormMixin, forms.Form):
    """A merchant signed in to the portal: the account gives who (``details``); the
    portal's sign-in already tells a person from a robot."""

    session = _session_field()
    waiting_list = _waiting_list_field()

    def __init__(self, *args, sessions=(), details=None, **kwargs):
        super().__init__(*args, prefix="registration", **kwargs)
        self._set_sessions(sessions)
        self._details = details or {}

    def details(self):
        return dict(self._details)


def session_value(start):
    """A session's value in forms and URLs: its start in UTC (``20260704T0500Z``)."""
    return start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%MZ")


def parse_session_value(value):
    try:
        return datetime.datetime.strptime(value, "%Y%m%dT%H%MZ").replace(tzinfo=datetime.UTC)
    except (TypeError, ValueError):
        return None


class ProposalForm(forms.Form):
    """What a merchant proposes from the portal: a tasting, a late opening... at the
    shop, on one day or several; the communications team reviews it."""

    KINDS = [
        ("animation", _("Animation commerciale")),
        ("autre", _("Autre")),
    ]

    title = forms.CharField(label=_("Titre"), max_length=120)
    kind = forms.ChoiceField(
        label=_("Type"), choices=KINDS, initial="animation", widget=forms.RadioSelect
    )
    lead = forms.CharField(
        label=_("En quelques mots"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : dégustation des fromages d'été avec le producteur."),
    )
    start_date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("De"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("À"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_date = forms.DateField(
        label=_("Dernier jour (facultatif, sur plusieurs jours)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    price = forms.DecimalField(
        label=_("Prix en euros (facultatif)"),
        help_text=_("Laissez vide si c'est gratuit."),
        min_value=0,
        max_digits=7,
        decimal_places=2,
        required=False,
    )
    link = forms.URLField(label=_("Lien (facultatif)"), required=False, assume_scheme="https")

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or datetime.date.today()

    def clean_start_date(self):
        day = self.cleaned_data["start_date"]
        if not self.today <= day <= self.today + datetime.timedelta(days=366):
            raise ValidationError(_("Choisissez une date entre aujourd'hui et dans un an."))
        return day

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        schedule = recurrence.Schedule(
            start_day=cleaned_data["start_date"],
            start_time=cleaned_data["start_time"],
            end_day=cleaned_data.get("end_date"),
            end_time=cleaned_data["end_time"],
        )
        for field, message in schedule.problems().items():
            self.add_error(field, message)
        end_day = cleaned_data.get("end_date")
        if end_day and end_day > cleaned_data["start_date"] + datetime.timedelta(days=31):
            self.add_error("end_date", _("Un événement proposé dure au plus un mois."))
        return cleaned_data
