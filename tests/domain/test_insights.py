"""Insights aggregation against figures computed by hand (Europe/Amsterdam: CEST = UTC+2
in summer, CET = UTC+1 in winter; DST starts 2026-03-29 02:00 and ends 2026-10-25 03:00)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from plugdesk.api.charger_models import MeterValue
from plugdesk.domain.insights import (
    ENERGY,
    POWER,
    ChargerFacts,
    Downtime,
    Period,
    Session,
    aggregate,
    downtimes_from_incidents,
    power_curve,
    preset_period,
    session_of,
)
from plugdesk.domain.store import Store

AMS = ZoneInfo("Europe/Amsterdam")
FACTS = [
    ChargerFacts("c1", "PC-001", "Alpha", "Alfen Eve", "1.0", (1, 2)),
    ChargerFacts("c2", "PC-002", "Beta", "Wallbox Pulsar", "2.0", (1,)),
    ChargerFacts("c3", "PC-003", "Alpha", "Alfen Eve", "1.1", (1,)),
]


def local(*parts: int, fold: int = 0) -> datetime:
    return datetime(*parts, tzinfo=AMS, fold=fold)  # type: ignore[misc]


def session(charger: str, connector: int, start: datetime, stop: datetime | None, kwh: float):
    made = session_of(charger, connector, start, stop, kwh)
    assert made is not None
    return made


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-9)


def test_a_session_across_midnight_splits_its_energy_by_time() -> None:
    period = Period(date(2026, 6, 1), date(2026, 6, 3), AMS)  # Mon..Wed, 72 hours
    sessions = [
        # 22:00 -> 02:00: half its time, so half its 10 kWh, on each side of midnight.
        session("c1", 1, local(2026, 6, 1, 22), local(2026, 6, 2, 2), 10.0),
        session("c2", 1, local(2026, 6, 3, 10, 30), local(2026, 6, 3, 11, 15), 3.0),
    ]
    result = aggregate(sessions, period, FACTS, now=local(2026, 6, 10))
    assert result.energy_by_site == {
        "Alpha": [approx(5.0), approx(5.0), 0.0],
        "Beta": [0.0, 0.0, approx(3.0)],
    }
    assert result.sites == ["Alpha", "Beta"]  # most energy first
    assert result.sessions_per_day == [1, 0, 1]  # counted on the day each started
    assert result.energy_kwh == approx(13.0)
    assert result.energy_outside_kwh == approx(0.0)
    assert result.busy_hours == approx(4.75)
    # Monday 22:00 and 23:00, Tuesday 00:00 and 01:00: one hour each.
    assert result.heatmap[0][22] == approx(1.0)
    assert result.heatmap[0][23] == approx(1.0)
    assert result.heatmap[1][0] == approx(1.0)
    assert result.heatmap[1][1] == approx(1.0)
    assert result.heatmap[2][10] == approx(0.5)
    assert result.heatmap[2][11] == approx(0.25)
    assert sum(map(sum, result.heatmap)) == approx(4.75)
    use = {(row.charger_uuid, row.connector): row.share for row in result.utilisation}
    assert use == {
        ("c1", 1): approx(4 / 72),
        ("c2", 1): approx(0.75 / 72),
        ("c1", 2): 0.0,  # idle connectors are listed too
        ("c3", 1): 0.0,
    }
    labels, weekly = result.energy_by("week")
    assert labels == ["W23"]
    assert weekly["Alpha"] == [approx(10.0)]


def test_energy_outside_the_period_is_not_charted_but_counted() -> None:
    period = Period(date(2026, 6, 2), date(2026, 6, 2), AMS)
    sessions = [session("c1", 1, local(2026, 6, 1, 22), local(2026, 6, 2, 2), 10.0)]
    result = aggregate(sessions, period, FACTS, now=local(2026, 6, 10))
    assert result.energy_by_site["Alpha"] == [approx(5.0)]
    assert result.energy_outside_kwh == approx(5.0)
    assert result.sessions_per_day == [0]  # it started the day before


def test_spring_forward_day_has_23_hours_and_skips_2_oclock() -> None:
    period = Period(date(2026, 3, 28), date(2026, 3, 29), AMS)
    sessions = [
        # Sat 23:00 CET (22:00 UTC) -> Sun 04:00 CEST (02:00 UTC): 4 real hours, 1 on
        # Saturday and 3 on Sunday, so 2 and 6 of its 8 kWh.
        session("c1", 1, local(2026, 3, 28, 23), local(2026, 3, 29, 4), 8.0),
        # Sun 01:30 CET -> 03:30 CEST: one real hour, half in hour 1 and half in hour 3.
        session("c2", 1, local(2026, 3, 29, 1, 30), local(2026, 3, 29, 3, 30), 4.0),
    ]
    result = aggregate(sessions, period, FACTS, now=local(2026, 4, 10))
    assert result.energy_by_site["Alpha"] == [approx(2.0), approx(6.0)]
    assert result.energy_by_site["Beta"] == [0.0, approx(4.0)]
    sunday = result.heatmap[6]
    assert result.heatmap[5][23] == approx(1.0)
    assert sunday[0] == approx(1.0)
    assert sunday[1] == approx(1.5)  # 01:00-02:00 of the first + 01:30-02:00 of the second
    assert sunday[2] == 0.0  # 02:00-03:00 never happened
    assert sunday[3] == approx(1.5)
    assert sunday[4] == 0.0
    use = {(row.charger_uuid, row.connector): row.share for row in result.utilisation}
    assert use[("c2", 1)] == approx(1 / 47)  # 24 + 23 hours


def test_fall_back_day_has_25_hours_and_counts_2_oclock_twice() -> None:
    period = Period(date(2026, 10, 25), date(2026, 10, 25), AMS)
    # 01:30 CEST -> 02:30 CET (the second 02:30): two real hours.
    start, stop = local(2026, 10, 25, 1, 30), local(2026, 10, 25, 2, 30, fold=1)
    assert (stop - start).total_seconds() != 7200  # wall clock arithmetic ignores DST...
    assert stop.timestamp() - start.timestamp() == 7200  # ...real time does not
    result = aggregate([session("c1", 1, start, stop, 5.0)], period, FACTS, now=local(2026, 11, 1))
    sunday = result.heatmap[6]
    assert sunday[1] == approx(0.5)
    assert sunday[2] == approx(1.5)  # the first 02:00 hour whole, then half the second
    assert sunday[3] == 0.0
    assert result.busy_hours == approx(2.0)
    assert result.utilisation[0].share == approx(2 / 25)
    assert result.energy_by_site["Alpha"] == [approx(5.0)]


def test_active_session_is_busy_until_now_and_has_no_energy() -> None:
    period = Period(date(2026, 6, 1), date(2026, 6, 1), AMS)
    sessions = [session("c1", 1, local(2026, 6, 1, 8), None, 0.0)]
    result = aggregate(sessions, period, FACTS, now=local(2026, 6, 1, 9, 30))
    assert result.busy_hours == approx(1.5)
    assert result.sessions_per_day == [1]
    assert result.energy_kwh == 0.0


def _history() -> list[Downtime]:
    return [
        # c1: offline 10:00-16:00 and faulted 15:00-18:00 overlap: down 10:00-18:00, 8 h.
        Downtime("c1", "offline", local(2026, 6, 1, 10), local(2026, 6, 1, 16)),
        Downtime("c1", "fault", local(2026, 6, 1, 15), local(2026, 6, 1, 18), "GroundFailure"),
        # stale means "no news": not downtime.
        Downtime("c1", "stale", local(2026, 6, 2, 0), local(2026, 6, 2, 12)),
        # c2: a fault still open at "now" (Wed 22:00): 2 hours so far.
        Downtime("c2", "fault", local(2026, 6, 3, 20), None, "GroundFailure"),
        # c3: began before the period: only the hour inside counts, and not as a fault of
        # the period.
        Downtime("c3", "fault", local(2026, 5, 31, 22), local(2026, 6, 1, 1), "OverVoltage"),
    ]


def test_uptime_per_charger_and_site_with_the_worst_first() -> None:
    period = Period(date(2026, 6, 1), date(2026, 6, 3), AMS)
    result = aggregate([], period, FACTS, _history(), now=local(2026, 6, 3, 22))
    rows = [(row.charger_uuid, row.uptime, row.down_seconds / 3600) for row in result.worst]
    assert rows == [
        ("c1", approx(1 - 8 / 72), approx(8.0)),
        ("c2", approx(1 - 2 / 72), approx(2.0)),
        ("c3", approx(1 - 1 / 72), approx(1.0)),
    ]
    assert result.site_uptime == {
        "Alpha": approx((64 / 72 + 71 / 72) / 2),
        "Beta": approx(70 / 72),
    }
    assert result.faults_by_code == [("GroundFailure", 2)]
    assert result.faults_by_model == [("Alfen Eve", 1), ("Wallbox Pulsar", 1)]
    assert result.faults_by_firmware == [("1.0", 1), ("2.0", 1)]


def test_uptime_from_a_scripted_incident_history_in_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "plugdesk.sqlite3")
    for spell in _history():
        opened = spell.started.astimezone(UTC)
        incident = store.open_incident(
            charger_uuid=spell.charger_uuid,
            kind=spell.kind,
            opened_at=opened,
            first_seen_at=opened,
            error_code=spell.error_code,
        )
        if spell.ended is not None:
            store.close_incident(incident.id, spell.ended.astimezone(UTC))
    downtimes = downtimes_from_incidents(store.list_incidents())
    store.close()
    period = Period(date(2026, 6, 1), date(2026, 6, 3), AMS)
    result = aggregate([], period, FACTS, downtimes, now=local(2026, 6, 3, 22))
    assert [row.charger_uuid for row in result.worst] == ["c1", "c2", "c3"]
    assert result.worst[0].uptime == approx(1 - 8 / 72)
    assert result.worst[0].incidents == 2
    assert result.fault_count == 2


def test_presets() -> None:
    today = date(2026, 3, 15)
    assert preset_period("this_month", today, AMS) == Period(date(2026, 3, 1), today, AMS)
    assert preset_period("last_month", today, AMS) == Period(
        date(2026, 2, 1), date(2026, 2, 28), AMS
    )
    assert preset_period("last_30_days", today, AMS).first == date(2026, 2, 14)
    assert preset_period("this_year", today, AMS).first == date(2026, 1, 1)
    assert preset_period("last_month", date(2026, 1, 5), AMS).first == date(2025, 12, 1)
    with pytest.raises(ValueError, match="before it starts"):
        Period(date(2026, 3, 2), date(2026, 3, 1), AMS)


def test_monthly_buckets_and_chunks_give_the_same_totals() -> None:
    period = Period(date(2026, 1, 30), date(2026, 2, 2), AMS)
    sessions = [
        Session("c1", 1, local(2026, 1, 30 + i % 2, 12).timestamp(), None, 1.0)
        for i in range(10)
    ] + [session("c2", 1, local(2026, 2, 1, 12), local(2026, 2, 1, 13), 2.5)]
    result = aggregate(sessions, period, FACTS, now=local(2026, 1, 30, 12))
    labels, monthly = result.energy_by("month")
    assert labels == ["Jan 2026", "Feb 2026"]
    assert monthly["Alpha"] == [approx(10.0), 0.0]
    assert monthly["Beta"] == [0.0, approx(2.5)]


def _meter(minutes: int, measurand: str, value: str, unit: str, phase: str | None = None,
           tx: int | None = 9) -> MeterValue:
    return MeterValue(charger_transaction_id=tx, timestamp=local(2026, 6, 1, 10, minutes),
                      value=value, measurand=measurand, unit=unit, phase=phase)


def test_power_curve_adds_phases_and_keeps_to_its_transaction() -> None:
    values = [
        _meter(0, POWER, "2300", "W", "L1"), _meter(0, POWER, "2300", "W", "L2"),
        _meter(5, POWER, "7.4", "kW"),  # a total, in kW
        _meter(5, POWER, "1000", "W", "L1"),  # its phase: not added to the total again
        _meter(10, POWER, "9999", "W", tx=10),  # another transaction's
    ]
    points, source = power_curve(values, 9)
    assert [kw for _at, kw in points] == [approx(4.6), approx(7.4)]
    assert source == "power readings"


def test_power_curve_derived_from_the_energy_register() -> None:
    values = [
        _meter(0, ENERGY, "1000", "Wh"),
        _meter(15, ENERGY, "2850", "Wh"),  # 1.85 kWh in 15 min: 7.4 kW
        _meter(30, ENERGY, "2.85", "kWh"),  # nothing more: 0 kW
    ]
    points, source = power_curve(values, 9)
    assert [kw for _at, kw in points] == [approx(7.4), approx(0.0)]
    assert source == "derived from the energy register"


def test_aggregation_off_the_loop_thread_matches_and_reports_progress() -> None:
    import asyncio

    from plugdesk.services.insights_job import aggregate_off_thread

    period = Period(date(2026, 3, 28), date(2026, 3, 29), AMS)
    sessions = [
        session("c1", 1, local(2026, 3, 28, 1 + i % 20), local(2026, 3, 29, 3 + i % 20), 1.5)
        for i in range(25_000)
    ]
    seen: list[tuple[int, int]] = []
    threaded = asyncio.run(aggregate_off_thread(
        sessions, period, FACTS, _history(), now=local(2026, 4, 1),
        progress=lambda *step: seen.append(step),
    ))
    direct = aggregate(sessions, period, FACTS, _history(), now=local(2026, 4, 1))
    assert threaded.energy_by_site == direct.energy_by_site
    assert threaded.heatmap == direct.heatmap
    assert threaded.availability == direct.availability
    assert seen[-1] == (25_000, 25_000)
