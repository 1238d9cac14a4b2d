"""How values read in the window: one place, so every table and pane says things alike.

Times are shown in local time with a relative age, energy in kWh with 3 decimals, power in
kW, and every missing value as an em dash ("—"), never "None" or an empty cell.

Numbers, dates and money follow the locale (QLocale's default: the system's, or the one of
the language chosen in the settings): "1.234,568" in Dutch and German, "1 234,568" in
French. English keeps ISO dates ("2024-05-01 14:03": unambiguous for a European audience,
where en_US would say 5/1/24). Exports never come through here: they keep machine formats.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Final

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

from plugdesk.domain.money import currency_exponent, currency_symbol, normalize_currency

DASH = "—"
ISO_DATE, ISO_TIME = "yyyy-MM-dd", "HH:mm"


translate = QCoreApplication.translate  # the name lupdate knows


def word(text: str) -> str:
    """A "Formatting" string by its English text (each is marked below, where lupdate
    sees it)."""
    return translate("Formatting", text)


class Plurals(QObject):
    """The "%n …" strings of module-level code: lupdate marks a string as plural only in a
    class's self.tr() call, not in QCoreApplication.translate()."""

    def days_ago(self, n: int) -> str:
        return self.tr("%n days ago", "", n)

    def transactions(self, n: int) -> str:
        return self.tr("%n transactions", "", n)

    def chargers(self, n: int) -> str:
        return self.tr("%n chargers", "", n)


_plurals: list[Plurals] = []


def plurals() -> Plurals:
    if not _plurals:
        _plurals.append(Plurals())
    return _plurals[0]


def locale() -> QLocale:
    """The formats' locale; the C locale (no LANG) reads as US English: "1,234.5"."""
    current = QLocale()
    if current.language() == QLocale.Language.C:
        return QLocale("en_US")
    return current


def day_and_month(value: date) -> str:
    """"3 Dec", "3 dec.", "3. Dez.": the month named in the user's language."""
    return locale().toString(QDate(value.year, value.month, value.day), "d MMM")


def long_day(value: date) -> str:
    """The weekday, day, month and year, in the user's language (a chart bar's tooltip)."""
    return locale().toString(QDate(value.year, value.month, value.day), "ddd d MMM yyyy")


def _date_format(loc: QLocale) -> str:
    if loc.language() == QLocale.Language.English:
        return ISO_DATE
    shown = loc.dateFormat(QLocale.FormatType.ShortFormat)
    # Four-digit years: "03.12.26" is ambiguous in a list spanning years.
    return shown if "yyyy" in shown else shown.replace("yy", "yyyy")


def _time_format(loc: QLocale, seconds: bool) -> str:
    if loc.language() == QLocale.Language.English:
        return ISO_TIME + (":ss" if seconds else "")
    shown = loc.timeFormat(QLocale.FormatType.ShortFormat)
    return shown.replace("mm", "mm:ss") if seconds and "ss" not in shown else shown


def integer(value: int) -> str:
    """A whole number with the locale's grouping: "1,234" / "1.234" / "1 234"."""
    return locale().toString(int(value))


def integers(values: Iterable[int]) -> list[str]:
    """`integer` of each (one locale for them all: a thousand site counts at once)."""
    to_string = locale().toString
    return [to_string(int(value)) for value in values]


def decimal(value: float, decimals: int) -> str:
    return locale().toString(float(value), "f", decimals)


def text(value: object) -> str:
    """Any value as a cell text; None and blank strings become "—"."""
    if value is None:
        return DASH
    if isinstance(value, bool):
        return yes_no(value)
    shown = str(value).strip()
    return shown or DASH


def yes_no(value: bool | None) -> str:
    if value is None:
        return DASH
    return translate("Formatting", "Yes") if value else translate("Formatting", "No")


def kwh(value: float | None) -> str:
    """Energy with 3 decimals ("7.000"); the unit goes in the column title."""
    if value is None:
        return DASH
    return decimal(value, 3)


def kw(value: float | None) -> str:
    if value is None:
        return DASH
    return f"{decimal(value, 2)} kW"


def number(value: float | None, unit: str = "") -> str:
    """A plain number with thousands separators; integers stay integers."""
    if value is None:
        return DASH
    shown = integer(value) if isinstance(value, int) else decimal(value, 1)
    return f"{shown} {unit}".strip()


def money(amount: int | None, currency: str | None) -> str:
    """Minor units in the locale's currency format: "€ 12,34" (nl), "12,34 €" (de, fr),
    "€12.34" (en). An unknown currency shows its code; none, just the number."""
    if amount is None:
        return DASH
    code = normalize_currency(currency)
    exponent = currency_exponent(code)
    value = float(Decimal(abs(int(amount))).scaleb(-exponent))
    loc = locale()
    sign = loc.negativeSign() if amount < 0 else ""  # not en_US's accounting "(€5.00)"
    symbol = currency_symbol(code)
    if symbol is not None:
        return sign + loc.toCurrencyString(value, symbol, exponent)
    shown = loc.toString(value, "f", exponent)
    return f"{sign}{code} {shown}" if code else sign + shown


def energy(value: Decimal | float | str | None, *, estimate: bool = False) -> str:
    """Energy with 3 decimals and the unit: "12.345 kWh", "12,345 kWh (estimate)"."""
    try:
        number = float(Decimal(str(value))) if value is not None else None
    except (ArithmeticError, ValueError):
        number = None
    if number is None or number != number or number in (float("inf"), float("-inf")):
        return DASH
    text = f"{decimal(number, 3)} kWh"
    return translate("Formatting", "{energy} (estimate)").format(energy=text) if estimate else text


# Qt date pattern letters -> how to print them from a datetime (QLocale's patterns, applied
# in Python: 5x faster than a QDateTime round trip, and a table shows thousands of times).
_FIELDS: Final[dict[str, Callable[[datetime], str]]] = {
    "yyyy": lambda t: f"{t.year:04d}", "yy": lambda t: f"{t.year % 100:02d}",
    "MM": lambda t: f"{t.month:02d}", "M": lambda t: str(t.month),
    "dd": lambda t: f"{t.day:02d}", "d": lambda t: str(t.day),
    "HH": lambda t: f"{t.hour:02d}", "H": lambda t: str(t.hour),
    "hh": lambda t: f"{(t.hour - 1) % 12 + 1:02d}", "h": lambda t: str((t.hour - 1) % 12 + 1),
    "mm": lambda t: f"{t.minute:02d}", "m": lambda t: str(t.minute),
    "ss": lambda t: f"{t.second:02d}", "s": lambda t: str(t.second),
    "AP": lambda t: "AM" if t.hour < 12 else "PM", "Ap": lambda t: "AM" if t.hour < 12 else "PM",
    "ap": lambda t: "am" if t.hour < 12 else "pm",
}  # fmt: skip
_TOKEN = re.compile(r"'[^']*'|" + "|".join(sorted(_FIELDS, key=len, reverse=True)) + "|.", re.S)


@lru_cache(maxsize=16)
def _pattern(
    locale_name: str, with_date: bool, seconds: bool
) -> tuple[Callable[[datetime], str] | str, ...]:
    """The pattern for `locale_name` (the cache key: the current default locale)."""
    loc = locale()
    parts = [_date_format(loc)] if with_date else []
    parts.append(_time_format(loc, seconds))
    compiled: list[Callable[[datetime], str] | str] = []
    for token in _TOKEN.findall(" ".join(parts)):
        if token.startswith("'"):
            compiled.append(token[1:-1] or "'")
        else:
            compiled.append(_FIELDS.get(token, token))
    return tuple(compiled)


def _local(value: datetime, *, with_date: bool = True, seconds: bool = False) -> str:
    local = _aware(value).astimezone()
    pattern = _pattern(QLocale().name(), with_date, seconds)
    return "".join(part if isinstance(part, str) else part(local) for part in pattern)


def local_time(value: datetime | None) -> str:
    """An aware datetime in the user's local zone ("2024-05-01 14:03"). Naive means UTC."""
    if value is None:
        return DASH
    return _local(value)


def local_time_seconds(value: datetime | None) -> str:
    if value is None:
        return DASH
    return _local(value, seconds=True)


def local_clock(value: datetime | None) -> str:
    """Only the local time of day ("14:03"), for "updated at" lines."""
    if value is None:
        return DASH
    return _local(value, with_date=False)


def relative_age(value: datetime | None, now: datetime) -> str:
    """How long ago, in the largest unit that fits: "just now", "3 min ago", "2 h ago",
    "5 days ago". Times ahead of `now` (clock skew) read "just now" up to a minute."""
    if value is None:
        return DASH
    seconds = (_aware(now) - _aware(value)).total_seconds()
    if seconds < -60:
        return translate("Formatting", "in the future")
    if seconds < 45:
        return translate("Formatting", "just now")
    minutes = round(seconds / 60)
    if minutes < 60:
        return translate("Formatting", "{minutes} min ago").format(minutes=minutes)
    hours = int(seconds // 3600)
    if hours < 48:
        return translate("Formatting", "{hours} h ago").format(hours=hours)
    days = int(seconds // 86400)
    return plurals().days_ago(days)


def with_age(value: datetime | None, now: datetime) -> str:
    """Local time plus relative age: "2024-05-01 14:03 (3 min ago)"."""
    if value is None:
        return DASH
    return f"{local_time(value)} ({relative_age(value, now)})"


def duration(value: timedelta | None) -> str:
    """A compact duration: "45 s", "12 min", "1 h 05 min", "2 d 3 h"."""
    if value is None:
        return DASH
    total = int(value.total_seconds())
    if total < 0:
        return DASH
    if total < 60:
        return translate("Formatting", "{seconds} s").format(seconds=total)
    minutes, _ = divmod(total, 60)
    if minutes < 60:
        return translate("Formatting", "{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        shown = translate("Formatting", "{hours} h {minutes} min")
        return shown.format(hours=hours, minutes=f"{minutes:02d}")
    days, hours = divmod(hours, 24)
    return translate("Formatting", "{days} d {hours} h").format(days=days, hours=hours)


def time_left(seconds: float) -> str:
    """"About 12 min left" (rounded up to whole minutes past the first one)."""
    if seconds < 60:
        return translate("Formatting", "Less than a minute left")
    rounded = duration(timedelta(seconds=math.ceil(seconds / 60) * 60))
    return translate("Formatting", "About {duration} left").format(duration=rounded)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


_DIGITS = re.compile(r"\d+")


def natural_key(value: str) -> str:
    """A text sort key that orders as people read: "Bay 2" before "Bay 16", "café" beside
    "cafe", case ignored. Digit runs are zero-padded to 12 places so the key stays a plain
    string (Qt compares those in C++, fast at 5,000 rows)."""
    plain = value.casefold()
    if not plain.isascii():  # most names are: nothing to take apart then
        folded = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in folded if not unicodedata.combining(c))
    return _DIGITS.sub(_padded, plain)


def _padded(digits: re.Match[str]) -> str:
    return digits.group().zfill(12)


def local_zone() -> str:
    """The zone the screen's times are in ("CET", "UTC"), for column headers."""
    return datetime.now().astimezone().tzname() or "local time"


def hours_minutes(value: timedelta) -> str:
    """A total in one format however large: "304 h 05 min" (not "12 d 16 h")."""
    minutes = max(0, int(value.total_seconds())) // 60
    hours, minutes = divmod(minutes, 60)
    shown = translate("Formatting", "{hours} h {minutes} min")
    return shown.format(hours=integer(hours), minutes=f"{minutes:02d}")
