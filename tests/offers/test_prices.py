from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from offers.forms import EuroPriceField
from offers.prices import format_price, parse_price


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3,50", "3.50"),
        ("3,50 €", "3.50"),
        ("3.50", "3.50"),
        ("3 500,00", "3500.00"),
        ("3\u202f500,00\u00a0€", "3500.00"),
        ("1.234,56", "1234.56"),
        ("€3.50", "3.50"),
        ("12", "12.00"),
        ("12 EUR", "12.00"),
        ("1,234.56", "1234.56"),
        ("12.345,60", "12345.60"),
        ("0,5", "0.50"),
    ],
)
def test_prices_typed_the_french_or_english_way_are_read(typed, expected):
    assert parse_price(typed) == Decimal(expected)
    assert EuroPriceField().clean(typed) == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-3,50", "Un prix ne peut pas être négatif."),
        ("trois euros", "Écrivez un prix en euros"),
        ("3,505", "Écrivez un prix en euros"),
        ("3,50,20 €", "Écrivez un prix en euros"),
        ("1.234.5", "Écrivez un prix en euros"),
        ("1.234", "Écrivez un prix en euros"),
        ("100 000,01", "plus de 100 000 €"),
        ("999999999", "plus de 100 000 €"),
    ],
)
def test_bad_prices_are_refused_with_a_french_message(typed, message):
    with pytest.raises(ValidationError) as error:
        EuroPriceField().clean(typed)
    assert message in " ".join(error.value.messages)


def test_prices_are_written_the_french_way_on_french_pages_and_the_english_way_on_english_ones():
    assert format_price(Decimal("3.50"), "fr") == "3,50\u00a0€"
    assert format_price(Decimal("12"), "fr") == "12\u00a0€"
    assert format_price(Decimal("3500"), "fr") == "3\u202f500\u00a0€"
    assert format_price(Decimal("3.50"), "en") == "€3.50"
    assert format_price(Decimal("3500.5"), "en") == "€3,500.50"
