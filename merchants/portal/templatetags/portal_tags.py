"""Form rendering for the portal: one accessible pattern for every field."""

from django import forms, template

register = template.Library()

CHOICE_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


@register.inclusion_tag("merchant_portal/includes/field.html")
def portal_field(field, extra_class=""):
    """A field with its label, help text and errors.

    Django (5.0+) links the help text to the input (``aria-describedby``) and marks
    invalid inputs (``aria-invalid``); the error is also written inside the label so that
    it is read with it. Lists of choices are a fieldset whose legend is the label.
    """
    widget = field.field.widget
    return {
        "field": field,
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
        "is_choice_list": isinstance(widget, CHOICE_WIDGETS),
        "extra_class": extra_class,
    }


@register.inclusion_tag("merchant_portal/includes/error_summary.html")
def error_summary(*forms_to_check):
    """The list of errors at the top of a form, each linking to its field."""
    errors = []
    for form in forms_to_check:
        if form is None:
            continue
        for error in form.non_field_errors():
            errors.append((None, error))
        for field in form:
            for error in field.errors:
                errors.append((field, error))
        for formset in getattr(form, "formsets", {}).values():
            for error in formset.non_form_errors():
                errors.append((None, error))
            for child in formset.forms:
                for field in child:
                    for error in field.errors:
                        errors.append((field, error))
                for error in child.non_field_errors():
                    errors.append((None, error))
    return {"errors": errors}
