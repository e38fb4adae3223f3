"""Opening hours and temporary closure: published as soon as they are saved.

One form holds the rows (``HoursRowsForm``), the text mode (``HoursTextForm``) and the
closure (``ClosureForm``); the button pressed (``action``) says which is saved:

- ``save``: the rows (and the closure);
- ``save_text``: the OpenStreetMap text as typed (and the closure); a text written in
  words is refused with a suggestion, ``use_suggestion`` puts it in the form;
- ``preview``, ``copy:<day>``, ``add:<day>``, ``add_exception``: the form again with
  the change made and the preview of the rows, nothing saved. The preview is also what
  ``static/js/portal-hours.js`` asks for while the merchant types (``X-Hours-Preview``:
  only the preview's HTML is sent back).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from merchants import hours_reading, hours_table, open_periods
from merchants.opening_hours import PARIS, suggestion_for
from merchants.portal import hours_editor
from merchants.portal.access import merchant_required
from merchants.portal.forms import ClosureForm
from merchants.portal.hours_editor import DAY_KEYS, HoursRowsForm, prefilled
from merchants.portal.hours_text import HoursTextForm, closures_of, hours_preview
from merchants.portal.profile import latest_version, publish_no_approval_fields

PREVIEW_HEADER = "X-Hours-Preview"
ROW_ACTIONS = {"save", "preview"}
TEXT_ACTIONS = {"save_text", "preview_text"}
PREVIEWS = {"preview", "preview_text"}


def _action(post):
    action = post.get("action", "")
    if not action:
        # A form without the rows (an older page, a script) sends the text.
        return "save_text" if "opening_hours" in post and "mo-shown" not in post else "save"
    return action


def _rows_form(data, version, today, stored_table, **kwargs):
    seasons = stored_table.seasons if stored_table else ()
    return HoursRowsForm(
        data,
        table=stored_table,
        today=today,
        stored_expression=version.opening_hours,
        seasons=seasons,
        **kwargs,
    )


@merchant_required
def hours(request, account, page):
    version = latest_version(page)
    now = open_periods.current_time()
    today = now.astimezone(PARIS).date()
    stored = version.opening_hours
    stored_table = hours_reading.from_osm(stored, today)
    expressible = stored_table is not None
    context = {
        "account": account,
        "merchant": page,
        "expressible": expressible,
        "stored_expression": stored,
        "day_keys": DAY_KEYS,
    }
    preview_of = stored
    closures = version.closures
    if request.method == "POST":
        data = request.POST.copy()
        action = _action(data)
        rows_mode = expressible or bool(data.get("replace_text"))
        closure_form = ClosureForm(data, instance=version)
        text_form = HoursTextForm(data)
        rows_form = _rows_form(data, version, today, stored_table or hours_table.HoursTable())
        if action == "save" and not rows_mode:
            rows_form.add_error(
                None,
                _(
                    "Vos horaires actuels utilisent des règles que le tableau ne sait pas "
                    "montrer : modifiez-les en mode texte, ou choisissez « Remplacer par un "
                    "tableau »."
                ),
            )
        elif action in ROW_ACTIONS | TEXT_ACTIONS:
            source = text_form if action in TEXT_ACTIONS else rows_form
            if source.is_valid() and closure_form.is_valid():
                expression = (
                    text_form.cleaned_data["opening_hours"]
                    if action in TEXT_ACTIONS
                    else rows_form.cleaned_data["expression"]
                )
                closures = closures_of(
                    closure_form.cleaned_data["closed_from"],
                    closure_form.cleaned_data["closed_until"],
                )
                if action not in PREVIEWS:
                    return _publish(request, page, expression, closure_form.values(), today)
                preview_of = expression
            if action in TEXT_ACTIONS:
                # Only the text was checked: the rows are drawn again without errors.
                rows_form = prefilled(
                    _rows_form(
                        None, version, today, stored_table or hours_table.HoursTable(), layout=data
                    ),
                    data,
                )
        else:
            preview_of, rows_form, text_form, closure_form = _change_rows(
                request, data, action, version, today, stored_table
            )
        if request.headers.get(PREVIEW_HEADER):
            context.update(hours_preview(preview_of, closures, now, today))
            return render(request, "merchant_portal/includes/hours_preview.html", context)
        rows_mode = rows_mode or action == "use_suggestion"
    else:
        rows_mode = expressible or request.GET.get("tableau") == "1"
        rows_form = _rows_form(None, version, today, stored_table)
        text_form = HoursTextForm(initial={"opening_hours": stored})
        closure_form = ClosureForm(instance=version)
        if not expressible and rows_mode:
            try:
                rows_form = _rows_form(
                    None, version, today, hours_reading.read_rules(stored, today)
                )
            except hours_table.NotExpressible:
                pass
            rows_form.initial["replace_text"] = True
    context.update(
        {
            "rows_form": rows_form,
            "text_form": text_form,
            "closure_form": closure_form,
            "rows_mode": rows_mode,
            "replacing": rows_mode and not expressible,
            "text_open": not rows_mode or "opening_hours" in text_form.errors,
        }
    )
    context.update(hours_preview(preview_of, closures, now, today))
    return render(request, "merchant_portal/hours_form.html", context)


def _change_rows(request, data, action, version, today, stored_table):
    """Copy a day, add a range or a date, or take the suggested text: the form drawn
    again (unbound, so without errors) and the expression to preview."""
    verb, _sep, key = action.partition(":")
    if verb == "copy" and key in DAY_KEYS:
        hours_editor.copy_to_following_days(data, key)
    elif verb == "add" and key in DAY_KEYS:
        hours_editor.add_range(data, key)
    elif verb == "add_exception":
        hours_editor.add_exception(data)
    text_data = data
    table = stored_table or hours_table.HoursTable()
    rows_form = None
    if verb == "use_suggestion":
        suggestion = suggestion_for(data.get("suggestion", ""))
        if suggestion:
            text_data = data.copy()
            text_data["opening_hours"] = suggestion
            suggested = hours_reading.from_osm(suggestion, today)
            if suggested is not None:
                rows_form = _rows_form(None, version, today, suggested)
                rows_form.initial["replace_text"] = True
            messages.info(
                request,
                _("La suggestion est dans le formulaire : vérifiez l'aperçu, puis enregistrez."),
            )
    if rows_form is None:
        rows_form = prefilled(_rows_form(None, version, today, table, layout=data), data)
        if verb == "copy" and key in DAY_KEYS:
            rows_form.focus = (DAY_KEYS[min(DAY_KEYS.index(key) + 1, 6)], "open")
        elif verb == "add" and key in DAY_KEYS:
            rows_form.focus = (key, "range")
        elif verb == "add_exception":
            rows_form.focus = ("exception", "date")
    text_form = prefilled(HoursTextForm(), text_data)
    closure_form = prefilled(ClosureForm(instance=version), data)
    preview_of = version.opening_hours
    if text_data is not data:
        preview_of = text_data["opening_hours"]
    else:
        # The preview follows the rows if they are complete; errors wait for "save".
        checked = _rows_form(data, version, today, table)
        if checked.is_valid():
            preview_of = checked.cleaned_data["expression"]
    return preview_of, rows_form, text_form, closure_form


def _publish(request, page, expression, closure, today):
    values = {"opening_hours": expression, **closure, "last_verified": today}
    publish_no_approval_fields(page, values, request.user)
    if page.live:
        messages.success(request, _("Vos horaires sont en ligne."))
    else:
        messages.success(
            request, _("Vos horaires sont enregistrés ; ils paraîtront avec votre fiche.")
        )
    return redirect("merchant_portal:hours")
