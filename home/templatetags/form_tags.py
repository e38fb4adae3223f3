"""Accessible form fields and error summaries, the same on every public form (merchant
portal, call & collect, list my shop).

``{% form_field field "portal" %}``: the label, the help text and the errors, both
linked to the input with ``aria-describedby`` (Django links the help text only) and
rendered with the ids they are referred to by; lists of choices are a fieldset whose
legend is the label. The second argument is the CSS block of the form's styles
(``portal-field``, ``collect-field``...).

``{% error_summary form other_form %}``: every error at the top of a form, each linking
to its field (a list of choices: to its fieldset's legend), formsets included; its title
is a heading unless ``heading=False`` (a form inside a page section). With
``repeat=False`` a field's errors are not repeated in the summary: it names the field
and links to it, and the message is read once, next to the field (a long message, such
as the opening hours' suggestion, is not shown twice on a phone screen).
"""

from django import forms, template

register = template.Library()

CHOICE_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


def described_by(field):
    """The ids of the field's error and help text, as the template renders them."""
    ids = []
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    return " ".join(ids)


@register.inclusion_tag("includes/form_field.html")
def form_field(field, style="portal", extra_class=""):
    widget = field.field.widget
    references = described_by(field)
    is_choice_list = isinstance(widget, CHOICE_WIDGETS)
    attrs = {"aria-describedby": references} if references and not is_choice_list else {}
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs) if not is_choice_list else "",
        "described_by": references,
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
        "is_choice_list": is_choice_list,
        "block": f"{style}-field",
        "extra_class": extra_class,
    }


def field_anchor(field):
    """Where an error about ``field`` links: its input, or its fieldset's legend; a
    form field drawn by its own template says where with ``error_anchor``."""
    anchor = getattr(field.field, "error_anchor", None)
    if anchor:
        return anchor
    if isinstance(field.field.widget, CHOICE_WIDGETS):
        return f"{field.auto_id}_legend"
    return field.id_for_label


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*forms_to_check, style="portal", heading=True, repeat=True):
    errors = []

    def add_field_errors(field):
        if repeat:
            errors.extend((field, field_anchor(field), error) for error in field.errors)
        elif field.errors:
            errors.append((field, field_anchor(field), None))

    for form in forms_to_check:
        if form is None:
            continue
        for error in form.non_field_errors():
            errors.append((None, None, error))
        for field in form:
            add_field_errors(field)
        for formset in getattr(form, "formsets", {}).values():
            for error in formset.non_form_errors():
                errors.append((None, None, error))
            for child in formset.forms:
                for field in child:
                    add_field_errors(field)
                for error in child.non_field_errors():
                    errors.append((None, None, error))
    return {"errors": errors, "block": f"{style}-errors", "heading": heading}
