"""Prices as merchants type them and as residents read them.

Merchants type prices the French way ("3,50", "3,50 €", "3 500,00") as often as the
English way ("3.50"); ``parse_price`` reads all of them into a ``Decimal``. Pages show
prices in the page's language: ``3,50 €`` on French pages, ``€3.50`` on English ones
(``format_price``).
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A price above this is a typing mistake for an offer of a local shop.
MAX_PRICE = Decimal("100000")
# Spaces that separate thousands: ordinary, no-break and narrow no-break.
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_CURRENCY = re.compile(r"(€|eur(os?)?)", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+([.,]\d{1,2})?$")
# "1.234,56", "1,234.56", "1.234.567": thousands grouped by three, then the cents
# after the other sign. A lone "3,505" or "1.234" is ambiguous and refused.
_GROUPED = re.compile(
    r"^\d{1,3}(?P<sep>[.,])\d{3}(?:(?P=sep)\d{3})*"
    r"(?:(?!(?P=sep))[.,]\d{1,2}|(?<=\d{3}(?P=sep)\d{3}))$"
)


def parse_price(text):
    """The ``Decimal`` that ``text`` means, or None for an empty text.

    Accepts a comma or a point before the cents, spaces between thousands, and the
    euro sign or "EUR" before or after. Raises ``ValidationError`` otherwise."""
    value = _CURRENCY.sub("", str(text or ""))
    value = _SPACES.sub("", value)
    if not value:
        return None
    if value.startswith("-"):
        raise ValidationError(_("Un prix ne peut pas être négatif."), code="negative")
    grouped = _GROUPED.match(value)
    if grouped and not _NUMBER.match(value):
        separator = grouped.group("sep")
        whole, _sep, cents = value.replace(separator, "").partition(
            "," if separator == "." else "."
        )
        value = f"{whole}.{cents}" if cents else whole
    if not _NUMBER.match(value):
        raise ValidationError(
            _("Écrivez un prix en euros, par exemple « 3,50 » ou « 12 »."), code="invalid"
        )
    try:
        return Decimal(value.replace(",", ".")).quantize(Decimal("0.01"))
    except InvalidOperation as error:  # pragma: no cover - the pattern above rules it out
        raise ValidationError(_("Ce prix n'est pas un nombre."), code="invalid") from error


def validate_price(value):
    """Between 0 and ``MAX_PRICE`` euros."""
    if value is None:
        return
    if value < 0:
        raise ValidationError(_("Un prix ne peut pas être négatif."), code="negative")
    if value > MAX_PRICE:
        raise ValidationError(
            _("Un prix de plus de 100 000 € est sans doute une erreur de saisie."),
            code="too_high",
        )


def _grouped(digits, separator):
    groups = []
    while len(digits) > 3:
        digits, group = digits[:-3], digits[-3:]
        groups.insert(0, group)
    return separator.join([digits, *groups]) if digits else separator.join(groups)


def format_price(value, language):
    """``value`` (a Decimal) as written in ``language``: "3,50 €", "12 €", "3 500 €" in
    French (no-break spaces); "€3.50", "€12", "€3,500" in English. Whole euros are
    written without cents."""
    value = Decimal(value).quantize(Decimal("0.01"))
    units, cents = f"{value:.2f}".split(".")
    if language.startswith("fr"):
        number = _grouped(units, "\u202f") + ("" if cents == "00" else f",{cents}")
        return f"{number}\u00a0€"
    number = _grouped(units, ",") + ("" if cents == "00" else f".{cents}")
    return f"€{number}"
