"""How values read: dashes, kWh, relative ages, durations, local times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from plugdesk.ui import formatting as fmt

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_values_read_as_a_dash(value: object) -> None:
    assert fmt.text(value) == "—"


def test_plain_values() -> None:
    assert fmt.text(0) == "0"
    assert fmt.text(True) == "Yes"
    assert fmt.yes_no(None) == "—"
    assert fmt.kwh(7) == "7.000"
    assert fmt.kwh(1234.56789) == "1,234.568"
    assert fmt.kwh(None) == "—"
    assert fmt.kw(7.4) == "7.40 kW"
    assert fmt.number(32, "A") == "32 A"
    assert fmt.number(None, "A") == "—"


@pytest.mark.parametrize(
    ("ago", "text"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(minutes=3), "3 min ago"),
        (timedelta(hours=5, minutes=10), "5 h ago"),
        (timedelta(days=4), "4 days ago"),
        (timedelta(seconds=-30), "just now"),  # a little clock skew
        (timedelta(minutes=-5), "in the future"),
    ],
)
def test_relative_age(ago: timedelta, text: str) -> None:
    assert fmt.relative_age(NOW - ago, NOW) == text


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (timedelta(seconds=42), "42 s"),
        (timedelta(minutes=12), "12 min"),
        (timedelta(hours=1, minutes=5), "1 h 05 min"),
        (timedelta(days=3, hours=2), "3 d 2 h"),
        (None, "—"),
        (timedelta(seconds=-1), "—"),
    ],
)
def test_duration(span: timedelta | None, text: str) -> None:
    assert fmt.duration(span) == text


def test_times_are_local_and_naive_means_utc() -> None:
    aware = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    naive = datetime(2024, 5, 1, 12, 0)
    assert fmt.local_time(aware) == fmt.local_time(naive)
    assert fmt.local_time(aware) == aware.astimezone().strftime("%Y-%m-%d %H:%M")
    assert fmt.with_age(aware - timedelta(minutes=3), aware).endswith("(3 min ago)")
    assert fmt.local_time(None) == "—"
