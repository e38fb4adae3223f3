"""Telephone numbers: checked and stored in one international form, shown the French way.

Merchants type their number in every possible way ("04.65.71.12.34", "0465711234",
"+33 4 65 71 12 34"). Storing the E.164 form ("+33465711234") makes numbers comparable
(re-import, duplicates) and gives a correct ``tel:`` link; visitors read the national
form "04 65 71 12 34" for French numbers.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "FR"


def normalize_phone(value):
    """The E.164 form of ``value`` ("" when empty); ValidationError if it is no valid number."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            _("« %(value)s » n'est pas un numéro de téléphone."),
            code="invalid_phone",
            params={"value": text},
        ) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _(
                "« %(value)s » n'est pas un numéro de téléphone valide "
                "(exemple : 04 65 71 12 34 ou +33 4 65 71 12 34)."
            ),
            code="invalid_phone",
            params={"value": text},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_phone(value):
    """Django validator: accepts anything ``normalize_phone`` accepts."""
    normalize_phone(value)


def display_phone(value):
    """A stored number as people write it: national form in France, international otherwise."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return value
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
