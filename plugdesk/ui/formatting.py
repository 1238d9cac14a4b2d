"""How values read in the window: one place, so every table and pane says things alike.

Times are shown in local time with a relative age, energy in kWh with 3 decimals, power in
kW, and every missing value as an em dash ("—"), never "None" or an empty cell.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import UTC, datetime, timedelta

DASH = "—"


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
    return "Yes" if value else "No"


def kwh(value: float | None) -> str:
    """Energy with 3 decimals ("7.000"); the unit goes in the column title."""
    if value is None:
        return DASH
    return f"{value:,.3f}"


def kw(value: float | None) -> str:
    if value is None:
        return DASH
    return f"{value:,.2f} kW"


def number(value: float | None, unit: str = "") -> str:
    """A plain number with thousands separators; integers stay integers."""
    if value is None:
        return DASH
    shown = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    return f"{shown} {unit}".strip()


def local_time(value: datetime | None) -> str:
    """An aware datetime in the user's local zone ("2024-05-01 14:03"). Naive means UTC."""
    if value is None:
        return DASH
    return _aware(value).astimezone().strftime("%Y-%m-%d %H:%M")


def local_time_seconds(value: datetime | None) -> str:
    if value is None:
        return DASH
    return _aware(value).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def local_clock(value: datetime | None) -> str:
    """Only the local time of day ("14:03"), for "updated at" lines."""
    if value is None:
        return DASH
    return _aware(value).astimezone().strftime("%H:%M")


def relative_age(value: datetime | None, now: datetime) -> str:
    """How long ago, in the largest unit that fits: "just now", "3 min ago", "2 h ago",
    "5 days ago". Times ahead of `now` (clock skew) read "just now" up to a minute."""
    if value is None:
        return DASH
    seconds = (_aware(now) - _aware(value)).total_seconds()
    if seconds < -60:
        return "in the future"
    if seconds < 45:
        return "just now"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min ago"
    hours = int(seconds // 3600)
    if hours < 48:
        return f"{hours} h ago"
    days = int(seconds // 86400)
    return f"{days} days ago"


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
        return f"{total} s"
    minutes, _ = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def time_left(seconds: float) -> str:
    """"About 12 min left" (rounded up to whole minutes past the first one)."""
    if seconds < 60:
        return "Less than a minute left"
    return f"About {duration(timedelta(seconds=math.ceil(seconds / 60) * 60))} left"


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


_DIGITS = re.compile(r"\d+")


def natural_key(value: str) -> str:
    """A text sort key that orders as people read: "Bay 2" before "Bay 16", "café" beside
    "cafe", case ignored. Digit runs are zero-padded to 12 places so the key stays a plain
    string (Qt compares those in C++, fast at 5,000 rows)."""
    folded = unicodedata.normalize("NFKD", value.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return _DIGITS.sub(lambda digits: digits.group().zfill(12), plain)


def local_zone() -> str:
    """The zone the screen's times are in ("CET", "UTC"), for column headers."""
    return datetime.now().astimezone().tzname() or "local time"


def hours_minutes(value: timedelta) -> str:
    """A total in one format however large: "304 h 05 min" (not "12 d 16 h")."""
    minutes = max(0, int(value.total_seconds())) // 60
    hours, minutes = divmod(minutes, 60)
    return f"{hours:,} h {minutes:02d} min"
