"""The portal's opening hours editor: rows per day, public holidays and dated
exceptions, or the OpenStreetMap text itself ("expert" mode).

The rows are plain form fields, rendered by the server: the editor works without
JavaScript. Buttons that change the rows without saving ("copy to the following days",
"add a range", "add a date", "preview") send the form back and get it again with the
change made; ``static/js/portal-hours.js`` only refreshes the preview while typing.

What is stored is always the OpenStreetMap expression (``merchants.hours_table``):
the rows are read from it, and written back to it when the merchant saves them. An
expression the rows cannot show exactly is never rewritten behind the merchant's back:
the editor then opens in text mode, and saving rows over it needs an explicit choice.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from merchants import hours_reading
from merchants.hours_table import (
    DAY,
    HOLIDAYS_CLOSED,
    HOLIDAYS_SPECIAL,
    HOLIDAYS_USUAL,
    MAX_EXCEPTIONS,
    MAX_RANGES,
    HoursTable,
    check_ranges,
    check_week_nights,
    hhmm,
    parse_time,
)

DAY_KEYS = ["mo", "tu", "we", "th", "fr", "sa", "su"]
DAY_NAMES = [
    _("lundi"),
    _("mardi"),
    _("mercredi"),
    _("jeudi"),
    _("vendredi"),
    _("samedi"),
    _("dimanche"),
]
SHOWN_RANGES = 2  # morning and afternoon, before any "add a range"
HOLIDAY_RANGES = 2
EXCEPTION_RANGES = 2
MAX_LENGTH = 500  # MerchantPage.opening_hours
EXCEPTION_DAYS_AHEAD = 366

OPEN = "open"
CLOSED = "closed"
EMPTY_WEEK_CLOSED = "closed"
EMPTY_WEEK_UNKNOWN = "unknown"


def time_value(minutes, *, end=False):
    """What a time input shows: midnight as an end is "00:00"."""
    if minutes is None:
        return ""
    return hhmm(0 if end and minutes == DAY else minutes)


class TimeInput(forms.TextInput):
    """A browser's time picker (hours and minutes, 24-hour clock in French), with a
    text box's behaviour where there is none: ``09:30``, ``9h30`` and ``9h`` are read."""

    input_type = "time"


def _time_field(label):
    return forms.CharField(
        label=label,
        required=False,
        max_length=8,
        widget=TimeInput(attrs={"class": "hours-range__time"}),
    )


def _autofocus(bound_field, focus):
    """The field's input, focused when the page loads if ``focus``: after a button that
    sent the form back ("add a range"), the keyboard continues where it was."""
    return bound_field.as_widget(attrs={"autofocus": True} if focus else None)


class RangeSlot:
    """One "from … to …" pair of a row, as the template draws it."""

    def __init__(self, form, prefix, number, *, focus=False):
        self.number = number
        self.opens = form[f"{prefix}-{number}-opens"]
        self.closes = form[f"{prefix}-{number}-closes"]
        self.opens_widget = _autofocus(self.opens, focus)


class DayRow:
    """One day of the week as the template draws it."""

    def __init__(self, form, index):
        self.index = index
        self.key = DAY_KEYS[index]
        self.name = capfirst(DAY_NAMES[index])
        self.open = form[f"{self.key}-open"]
        self.shown = form.shown_ranges[self.key]
        focus_range = form.focus == (self.key, "range")
        self.open_widget = _autofocus(self.open, form.focus == (self.key, "open"))
        self.slots = [
            RangeSlot(form, self.key, n, focus=focus_range and n == self.shown)
            for n in range(1, self.shown + 1)
        ]
        self.can_add = self.shown < MAX_RANGES
        self.is_last = index == 6
        self.following = capfirst(DAY_NAMES[index + 1]) if index < 6 else ""


class ExceptionRow:
    def __init__(self, form, index):
        prefix = f"exception-{index}"
        self.index = index
        self.number = index + 1
        self.date = form[f"{prefix}-date"]
        self.date_widget = _autofocus(
            self.date, form.focus == ("exception", "date") and index == form.exception_count - 1
        )
        self.state = form[f"{prefix}-state"]
        self.delete = form[f"{prefix}-delete"]
        self.slots = [RangeSlot(form, prefix, n) for n in range(1, EXCEPTION_RANGES + 1)]
        self.is_new = index >= form.stored_exceptions


class HoursRowsForm(forms.Form):
    """The week, public holidays and dated exceptions, as rows.

    ``table`` is what the rows show when the form is not bound (the stored hours);
    ``data`` may ask for more rows than the table has (``<day>-shown``, ``exceptions``),
    within bounds. ``cleaned_data["table"]`` is the ``HoursTable`` typed, ``expression``
    its OpenStreetMap text.
    """

    def __init__(self, data=None, *, table, today, stored_expression, seasons=(), layout=None):
        super().__init__(data)
        # How many rows to draw: from the data sent back, bound or not (``prefilled``).
        layout = data if data is not None else layout
        self.today = today
        self.stored_expression = stored_expression or ""
        self.seasons = tuple(seasons)
        self.focus = None
        self.table = table or HoursTable()
        self.shown_ranges = {}
        for index, key in enumerate(DAY_KEYS):
            ranges = self.table.week[index]
            shown = max(SHOWN_RANGES, len(ranges))
            if layout is not None:
                shown = _bounded(layout.get(f"{key}-shown"), shown, SHOWN_RANGES, MAX_RANGES)
            self.shown_ranges[key] = shown
            name = capfirst(DAY_NAMES[index])
            self.fields[f"{key}-open"] = forms.BooleanField(
                label=name, required=False, initial=bool(ranges)
            )
            self.fields[f"{key}-open"].error_anchor = f"hours-{key}-legend"
            self.fields[f"{key}-shown"] = forms.IntegerField(
                required=False, widget=forms.HiddenInput, initial=shown
            )
            for number in range(1, MAX_RANGES + 1):
                time_range = ranges[number - 1] if number <= len(ranges) else None
                self.fields[f"{key}-{number}-opens"] = _time_field(gettext("De"))
                self.fields[f"{key}-{number}-closes"] = _time_field(gettext("à"))
                if time_range:
                    self.initial[f"{key}-{number}-opens"] = time_value(time_range.opens)
                    self.initial[f"{key}-{number}-closes"] = time_value(
                        time_range.closes, end=True
                    )
        self.fields["holidays"] = forms.ChoiceField(
            label=_("Jours fériés"),
            choices=[
                (HOLIDAYS_CLOSED, _("Fermé les jours fériés")),
                (HOLIDAYS_USUAL, _("Ouvert comme les autres jours")),
                (HOLIDAYS_SPECIAL, _("Horaires particuliers les jours fériés :")),
            ],
            widget=forms.RadioSelect,
            initial=self.table.holidays,
        )
        for number in range(1, HOLIDAY_RANGES + 1):
            time_range = (
                self.table.holiday_ranges[number - 1]
                if number <= len(self.table.holiday_ranges)
                else None
            )
            self.fields[f"holidays-{number}-opens"] = _time_field(gettext("De"))
            self.fields[f"holidays-{number}-closes"] = _time_field(gettext("à"))
            if time_range:
                self.initial[f"holidays-{number}-opens"] = time_value(time_range.opens)
                self.initial[f"holidays-{number}-closes"] = time_value(time_range.closes, end=True)
        self.stored_exceptions = len(self.table.exceptions)
        count = self.stored_exceptions + 1
        if layout is not None:
            count = _bounded(layout.get("exceptions"), count, 1, MAX_EXCEPTIONS)
        self.exception_count = count
        self.fields["exceptions"] = forms.IntegerField(
            required=False, widget=forms.HiddenInput, initial=count
        )
        for index in range(count):
            self._exception_fields(index)
        self.fields["empty_week"] = forms.ChoiceField(
            label=_("Aucun jour d'ouverture"),
            required=False,
            choices=[
                (EMPTY_WEEK_CLOSED, _("Oui : afficher « Fermé » toute la semaine")),
                (
                    EMPTY_WEEK_UNKNOWN,
                    _("Ne plus afficher d'horaires (« Horaires non communiqués »)"),
                ),
            ],
            widget=forms.RadioSelect,
        )
        self.fields["replace_text"] = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def _exception_fields(self, index):
        prefix = f"exception-{index}"
        stored = self.table.exceptions[index] if index < len(self.table.exceptions) else None
        number = index + 1
        self.fields[f"{prefix}-date"] = forms.DateField(
            label=gettext("Date particulière %(number)s") % {"number": number},
            required=False,
            input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": _("Indiquez une date, par exemple 26/12/2025.")},
        )
        self.fields[f"{prefix}-state"] = forms.ChoiceField(
            label=gettext("Ce jour-là"),
            choices=[(CLOSED, _("Fermé")), (OPEN, _("Ouvert :"))],
            widget=forms.RadioSelect,
            required=False,
            initial=CLOSED if stored is None or not stored[1] else OPEN,
        )
        self.fields[f"{prefix}-delete"] = forms.BooleanField(
            label=_("Supprimer cette date"), required=False
        )
        for slot in range(1, EXCEPTION_RANGES + 1):
            self.fields[f"{prefix}-{slot}-opens"] = _time_field(gettext("De"))
            self.fields[f"{prefix}-{slot}-closes"] = _time_field(gettext("à"))
        if stored is not None:
            day, ranges = stored
            self.initial[f"{prefix}-date"] = day
            for slot, time_range in enumerate(ranges[:EXCEPTION_RANGES], start=1):
                self.initial[f"{prefix}-{slot}-opens"] = time_value(time_range.opens)
                self.initial[f"{prefix}-{slot}-closes"] = time_value(time_range.closes, end=True)

    # What the template draws ------------------------------------------------------

    def days(self):
        return [DayRow(self, index) for index in range(7)]

    def holiday_slots(self):
        return [RangeSlot(self, "holidays", n) for n in range(1, HOLIDAY_RANGES + 1)]

    def exception_rows(self):
        return [ExceptionRow(self, index) for index in range(self.exception_count)]

    def ask_empty_week(self):
        return "empty_week" in self.errors or bool(self.data.get("empty_week"))

    # Checking ----------------------------------------------------------------------

    def _read_slots(self, prefix, count):
        """The (opens, closes) pairs typed in ``count`` slots, and the errors."""
        pairs, errors = [], []
        for number in range(1, count + 1):
            opens_text = (self.cleaned_data.get(f"{prefix}-{number}-opens") or "").strip()
            closes_text = (self.cleaned_data.get(f"{prefix}-{number}-closes") or "").strip()
            if not opens_text and not closes_text:
                continue
            if not closes_text:
                errors.append(
                    gettext("plage %(number)s : indiquez aussi l'heure de fermeture.")
                    % {"number": number}
                )
                continue
            if not opens_text:
                errors.append(
                    gettext("plage %(number)s : indiquez aussi l'heure d'ouverture.")
                    % {"number": number}
                )
                continue
            try:
                opens = parse_time(opens_text)
            except ValueError:
                errors.append(_bad_time(opens_text, number))
                continue
            try:
                closes = parse_time(closes_text, end=True)
            except ValueError:
                errors.append(_bad_time(closes_text, number))
                continue
            pairs.append((opens, closes))
        return pairs, errors

    def _add_errors(self, field, messages):
        for message in messages:
            self.add_error(field, capfirst(message))

    def clean(self):
        super().clean()
        week = []
        for key in DAY_KEYS:
            pairs, errors = self._read_slots(key, MAX_RANGES)
            ranges, range_errors = check_ranges(pairs, night_allowed=True)
            errors += range_errors
            is_open = self.cleaned_data.get(f"{key}-open")
            if is_open and not pairs and not errors:
                errors.append(
                    gettext("indiquez au moins une plage horaire, ou décochez « Ouvert ».")
                )
            self._add_errors(f"{key}-open", errors)
            week.append(ranges if is_open else ())
        for day, message in check_week_nights(week):
            self._add_errors(f"{DAY_KEYS[day]}-open", [message])

        holidays = self.cleaned_data.get("holidays") or HOLIDAYS_USUAL
        holiday_ranges = ()
        if holidays == HOLIDAYS_SPECIAL:
            pairs, errors = self._read_slots("holidays", HOLIDAY_RANGES)
            holiday_ranges, range_errors = check_ranges(pairs, night_allowed=False)
            errors += range_errors
            if not pairs and not errors:
                errors.append(gettext("indiquez les horaires des jours fériés."))
            self._add_errors("holidays", errors)

        exceptions = self._clean_exceptions()
        if self.errors:
            return self.cleaned_data
        table = HoursTable(
            week=tuple(week),
            holidays=holidays,
            holiday_ranges=holiday_ranges,
            seasons=self.seasons,
            exceptions=tuple(sorted(exceptions.items())),
        )
        expression = table.to_osm()
        if table.is_empty:
            expression = self._empty_week_expression(table)
        elif len(expression) > MAX_LENGTH:
            raise ValidationError(
                _(
                    "Ces horaires font %(length)s caractères une fois écrits, pour %(max)s au "
                    "plus : regroupez des jours aux mêmes horaires ou retirez des dates "
                    "particulières."
                ),
                params={"length": len(expression), "max": MAX_LENGTH},
            )
        self.cleaned_data["table"] = table
        self.cleaned_data["expression"] = expression
        return self.cleaned_data

    def _clean_exceptions(self):
        exceptions = {}
        for index in range(self.exception_count):
            prefix = f"exception-{index}"
            field = f"{prefix}-date"
            if self.cleaned_data.get(f"{prefix}-delete"):
                continue
            day = self.cleaned_data.get(field)
            state = self.cleaned_data.get(f"{prefix}-state") or CLOSED
            pairs, errors = self._read_slots(prefix, EXCEPTION_RANGES)
            if day is None:
                if field not in self.errors and (pairs or errors):
                    self.add_error(field, gettext("indiquez la date."))
                continue
            if not self.today <= day <= self.today + datetime.timedelta(days=EXCEPTION_DAYS_AHEAD):
                errors.append(gettext("choisissez une date entre aujourd'hui et dans un an."))
            elif day in exceptions:
                errors.append(
                    gettext("le %(date)s est déjà indiqué plus haut.")
                    % {"date": formats.date_format(day, "j F Y")}
                )
            ranges = ()
            if state == OPEN:
                ranges, range_errors = check_ranges(pairs, night_allowed=False)
                errors += range_errors
                if not pairs and not errors:
                    errors.append(gettext("indiquez les horaires de ce jour-là, ou « Fermé »."))
            if errors:
                for message in errors:
                    self.add_error(field, capfirst(message))
                continue
            exceptions[day] = ranges
        return exceptions

    def _empty_week_expression(self, table):
        """A week without any opening: confirmed by the merchant unless nothing changes
        (no hours were shown before either)."""
        choice = self.cleaned_data.get("empty_week")
        if choice == EMPTY_WEEK_UNKNOWN:
            return ""
        if choice == EMPTY_WEEK_CLOSED:
            return table.to_osm()
        stored_periods = hours_reading.open_periods(self.stored_expression, self.today)
        if not stored_periods:
            return self.stored_expression  # no opening before either: nothing to confirm
        raise ValidationError(
            {
                "empty_week": _(
                    "Vous n'avez coché aucun jour d'ouverture. Confirmez que votre commerce "
                    "est fermé toute la semaine (pour des congés, utilisez plutôt la "
                    "fermeture temporaire), ou cochez les jours où il est ouvert."
                )
            }
        )


def prefilled(form, data):
    """``form`` (unbound) showing the values of ``data``: rows changed by a button
    ("copy", "add") are drawn again without checking them, so without errors."""
    for name, field in form.fields.items():
        if isinstance(field, forms.BooleanField):
            form.initial[name] = bool(data.get(name))
        elif name in data:
            form.initial[name] = data.get(name)
    return form


def _bounded(value, default, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


def _bad_time(text, number):
    return gettext(
        "plage %(number)s : « %(text)s » n'est pas une heure. Écrivez-la entre 00:00 et "
        "23:59, par exemple 09:30."
    ) % {"number": number, "text": text[:8]}


def copy_to_following_days(data, key):
    """The form ``data`` (a mutable QueryDict) with ``key``'s day copied onto every
    following day of the week."""
    index = DAY_KEYS.index(key)
    shown = _bounded(data.get(f"{key}-shown"), SHOWN_RANGES, SHOWN_RANGES, MAX_RANGES)
    for other in DAY_KEYS[index + 1 :]:
        if data.get(f"{key}-open"):
            data[f"{other}-open"] = "on"
        else:
            data.pop(f"{other}-open", None)
        data[f"{other}-shown"] = str(shown)
        for number in range(1, MAX_RANGES + 1):
            for end in ("opens", "closes"):
                data[f"{other}-{number}-{end}"] = data.get(f"{key}-{number}-{end}", "")
    return data


def add_range(data, key):
    shown = _bounded(data.get(f"{key}-shown"), SHOWN_RANGES, SHOWN_RANGES, MAX_RANGES)
    data[f"{key}-shown"] = str(min(shown + 1, MAX_RANGES))
    data[f"{key}-open"] = "on"
    return data


def add_exception(data):
    count = _bounded(data.get("exceptions"), 1, 1, MAX_EXCEPTIONS)
    data["exceptions"] = str(min(count + 1, MAX_EXCEPTIONS))
    return data
