"""The hours editor's text mode (the OpenStreetMap expression itself) and the preview
of what the public page will show, for both modes (``merchants.portal.views.hours``)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from opening_hours import ParserError

from merchants import hours_reading, hours_table
from merchants.hours_table import HoursTable
from merchants.opening_hours import (
    Closure,
    parse,
    public_holiday_hours,
    status_at,
    suggestion_for,
    validate_opening_hours,
    weekly_schedule,
)
from merchants.portal.hours_editor import MAX_LENGTH


class HoursTextForm(forms.Form):
    """The OpenStreetMap expression itself, kept exactly as typed once it is valid."""

    opening_hours = forms.CharField(
        label=_("Horaires au format OpenStreetMap"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false", "autocomplete": "off"}),
        help_text=_(
            "Par exemple « Tu-Sa 09:00-12:30,14:30-19:00; Su 08:00-12:00; PH off ». Vous "
            "pouvez aussi écrire vos horaires en toutes lettres : une traduction vous sera "
            "proposée."
        ),
    )

    def clean_opening_hours(self):
        """The text, checked. Hours written in words get one short message: the
        suggestion itself is shown once, under the field, with its button (the
        validator's message would repeat it)."""
        value = (self.cleaned_data["opening_hours"] or "").strip()
        try:
            validate_opening_hours(value)
        except ValidationError:
            if suggestion_for(value):
                raise ValidationError(
                    _(
                        "Ces horaires ne sont pas écrits au format OpenStreetMap. Nous vous "
                        "proposons leur traduction ci-dessous : vérifiez-la, puis choisissez "
                        "« Utiliser cette suggestion »."
                    ),
                    code="invalid_opening_hours",
                ) from None
            raise
        return value

    @property
    def suggestion(self):
        """The OSM equivalent of what was typed in words, once the text was refused."""
        if "opening_hours" not in self.errors:
            return None
        return suggestion_for(self.data.get("opening_hours", ""))


# The preview ---------------------------------------------------------------------


def hours_preview(expression, closures, now, today):
    """What the public page will show for ``expression``, and the editor's summary of
    holidays, seasons and dated exceptions (a template context)."""
    try:
        parse(expression.strip()) if expression and expression.strip() else None
    except ParserError:
        expression = ""  # stored before it was checked: nothing to show
    table = hours_reading.from_osm(expression, today) if expression else HoursTable()
    seasons = []
    if table is not None:
        for season in table.seasons:
            first = hours_table.first_day_in(season, today)
            seasons.append((season, weekly_schedule(expression, first)))
    exceptions = []
    if table is not None:
        for day, ranges in table.exceptions:
            exceptions.append((day, [str(time_range) for time_range in ranges]))
    return {
        "preview_status": status_at(expression, now, closures),
        "preview_week": weekly_schedule(expression, today),
        "preview_today": today,
        "preview_holidays": public_holiday_hours(expression, today),
        "preview_seasons": seasons,
        "preview_exceptions": exceptions,
        "preview_expression": expression,
    }


def closures_of(closed_from, closed_until):
    if closed_from and closed_until and closed_from <= closed_until:
        return (Closure(closed_from, closed_until),)
    return ()
