"""Money from minor units per ISO 4217 exponent, and energy, as the pane shows them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plugdesk.domain.money import (
    DASH,
    currency_exponent,
    format_energy,
    format_money,
    format_price_per_kwh,
    is_known_currency,
    minor_to_decimal,
)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (1234, "EUR", "€12.34"),
        (5, "EUR", "€0.05"),
        (0, "EUR", "€0.00"),
        (123456789, "EUR", "€1,234,567.89"),
        (50, "GBP", "£0.50"),
        (100000, "GBP", "£1,000.00"),
        (1200, "JPY", "¥1,200"),
        (7, "JPY", "¥7"),
        (1234, "KWD", "KWD 1.234"),
        (5, "BHD", "BHD 0.005"),
        (1234567, "TND", "TND 1,234.567"),
        (999, "SEK", "SEK 9.99"),
    ],
)
def test_formats_minor_units_with_the_currency_exponent(
    amount: int, currency: str, expected: str
) -> None:
    assert format_money(amount, currency) == expected


def test_lower_case_codes_are_the_same_currency() -> None:
    # Stripe spells currencies in lower case; the exponent must not depend on spelling.
    assert format_money(1200, "jpy") == "¥1,200"
    assert format_money(1234, " eur ") == "€12.34"


def test_unknown_currency_gets_two_decimals_and_its_code() -> None:
    assert not is_known_currency("XYZ")
    assert currency_exponent("XYZ") == 2
    assert format_money(1234, "XYZ") == "XYZ 12.34"


def test_missing_currency_still_shows_the_amount() -> None:
    assert format_money(1234, None) == "12.34"
    assert format_money(1234, "") == "12.34"


def test_negative_amounts_keep_their_sign_before_the_symbol() -> None:
    assert format_money(-1234, "EUR") == "-€12.34"
    assert format_money(-1200, "JPY") == "-¥1,200"
    assert format_money(-1, "KWD") == "-KWD 0.001"


def test_none_reads_as_a_dash() -> None:
    assert format_money(None, "EUR") == DASH
    assert format_price_per_kwh(None, "EUR") == DASH
    assert format_energy(None) == DASH


def test_exact_decimal_conversion() -> None:
    assert minor_to_decimal(1234, "KWD") == Decimal("1.234")
    assert minor_to_decimal(1200, "JPY") == Decimal("1200")
    assert minor_to_decimal(1, "EUR") == Decimal("0.01")


def test_price_per_kwh() -> None:
    assert format_price_per_kwh(35, "EUR") == "€0.35/kWh"
    assert format_price_per_kwh(45, "JPY") == "¥45/kWh"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("12.345"), "12.345 kWh"),
        ("7.5", "7.500 kWh"),
        (0.0005, "0.001 kWh"),
        (Decimal("1234.5678"), "1,234.568 kWh"),
        ("not a number", DASH),
        (Decimal("NaN"), DASH),
    ],
)
def test_energy_has_three_decimals(value: Decimal | str | float, expected: str) -> None:
    assert format_energy(value) == expected


def test_energy_marked_as_estimate() -> None:
    assert format_energy(Decimal("3.2"), estimate=True) == "3.200 kWh (estimate)"
