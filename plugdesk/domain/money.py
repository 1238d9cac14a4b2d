"""Money and energy as a site manager reads them. Pure Python, no Qt, no locale.

The API sends money as integers in the currency's minor units (cents; JPY has none, KWD has
three). The number of decimals comes from the ISO 4217 exponent, never from a guess, so
1200 JPY reads "¥1,200" and 1234 KWD reads "KWD 1.234". Output is locale-neutral (a dot for
decimals, commas for thousands) so a screenshot, a test and a support call all agree.
A currency PlugDesk does not know is shown with 2 decimals and its code, so it is never
mistaken for a known one.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

DASH: Final = "—"

# ISO 4217 exponents that are not 2 (every other active code uses 2).
_EXPONENTS: Final[dict[str, int]] = {
    # no minor unit
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
    "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0,
    "XPF": 0,
    # thousandths
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    # ten-thousandths (units of account)
    "CLF": 4, "UYW": 4,
}  # fmt: skip

# Prefix symbols only where they are unambiguous for PlugDesk's users; a code otherwise.
_SYMBOLS: Final[dict[str, str]] = {
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "USD": "$",
}

# Codes known to use 2 decimals; anything outside this and _EXPONENTS is "unknown".
_TWO_DECIMALS: Final[frozenset[str]] = frozenset(
    {
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
        "BGN", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF",
        "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR",
        "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
        "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP",
        "LKR", "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
        "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK",
        "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD",
        "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TOP",
        "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "UYU", "UZS", "VES", "WST", "XCD", "YER", "ZAR",
        "ZMW", "ZWL"
    }
)  # fmt: skip


def normalize_currency(currency: str | None) -> str:
    """`"eur "` -> `"EUR"` (Stripe spells codes in lower case); None or blank -> `""`."""
    return (currency or "").strip().upper()


def currency_symbol(currency: str | None) -> str | None:
    """The prefix symbol ("€") where it is unambiguous, else None (show the code)."""
    return _SYMBOLS.get(normalize_currency(currency))


def is_known_currency(currency: str | None) -> bool:
    code = normalize_currency(currency)
    return code in _EXPONENTS or code in _TWO_DECIMALS


def currency_exponent(currency: str | None) -> int:
    """Decimals of the currency's minor unit per ISO 4217; 2 for an unknown code."""
    return _EXPONENTS.get(normalize_currency(currency), 2)


def minor_to_decimal(amount: int, currency: str | None) -> Decimal:
    """Minor units as an exact Decimal in major units (1234 EUR -> Decimal("12.34"))."""
    return Decimal(int(amount)).scaleb(-currency_exponent(currency))


def format_money(amount: int | None, currency: str | None) -> str:
    """Minor units as text: "€12.34", "£0.50", "¥1,200", "KWD 1.234", "-€5.00".

    None reads "—". An unknown or missing currency gets 2 decimals and its code (if any)."""
    if amount is None:
        return DASH
    code = normalize_currency(currency)
    exponent = currency_exponent(code)
    value = Decimal(abs(int(amount))).scaleb(-exponent)
    digits = f"{value:,.{exponent}f}"
    sign = "-" if amount < 0 else ""
    symbol = _SYMBOLS.get(code)
    if symbol is not None:
        return f"{sign}{symbol}{digits}"
    if code:
        return f"{sign}{code} {digits}"
    return f"{sign}{digits}"


def format_price_per_kwh(amount: int | None, currency: str | None) -> str:
    """A tariff: "€0.35/kWh"."""
    if amount is None:
        return DASH
    return f"{format_money(amount, currency)}/kWh"


def format_energy(kwh: Decimal | float | str | None, *, estimate: bool = False) -> str:
    """Energy with 3 decimals and the unit: "12.345 kWh", "12.345 kWh (estimate)".

    A value that is not a finite number reads "—" rather than raising: it is display only."""
    if kwh is None:
        return DASH
    try:
        value = Decimal(str(kwh)) if not isinstance(kwh, Decimal) else kwh
        if not value.is_finite():
            return DASH
        shown = value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return DASH
    text = f"{shown:,.3f} kWh"
    return f"{text} (estimate)" if estimate else text
