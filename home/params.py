"""Numbers and ids read from URLs, query strings and forms, range-checked in one place.

Anything a visitor can type into an address must end as a 404 or a form error, never
a 500: ``/retrait/99999999999999999999999/rappel/`` once overflowed the database driver
(SQLite and PostgreSQL keys are 64-bit), ``?annee=²`` made ``int()`` fail although
``"²".isdigit()`` is true.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError

# The largest primary key the databases hold (signed 64-bit).
MAX_ID = 2**63 - 1


def positive_int(value, maximum=MAX_ID):
    """``value`` (text from a URL, a query string or a form) as a whole number from 1 to
    ``maximum``, or None.

    Only ASCII digits count: ``"²"`` or ``"٣"`` are digits to ``str.isdigit()`` but no
    link of the site holds them; a sign, spaces inside, exponents or thousands of
    digits are not a page or an id either.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        return None
    if not text or len(text) > len(str(maximum)) or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 1 <= number <= maximum else None


class IdConverter:
    """``<id:pk>`` in our URL patterns: a database id from 1 to ``MAX_ID``.

    Django's ``<int:…>`` matches any number of digits and hands 10**30 to the database;
    this one does not match beyond 19 digits and refuses what a key cannot be, so the
    address is a 404 (registered in ``HomeConfig.ready``).
    """

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = positive_int(value)
        if number is None:
            raise ValueError(value)  # no match: the next patterns, then a 404
        return number

    def to_url(self, value):
        return str(value)


class CheckedIdMixin:
    """For choice fields among model instances: the submitted id is range-checked
    before it reaches the database.

    Django hands the submitted text to the database; for a page type's key (the
    ``page_ptr`` of ``MerchantPage``) 10**30 overflows the driver instead of being "not
    a valid choice".
    """

    def to_python(self, value):
        if value not in self.empty_values and positive_int(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdModelChoiceField(CheckedIdMixin, forms.ModelChoiceField):
    """A model form's choice of one instance (e.g. the merchant of an account)."""


class IdModelChoiceFilter(django_filters.ModelChoiceFilter):
    """An admin listing's filter on one instance (e.g. a report's merchant)."""

    field_class = type(
        "IdFilterChoiceField", (CheckedIdMixin, django_filters.fields.ModelChoiceField), {}
    )
