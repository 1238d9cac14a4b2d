"""The health rules table: one verdict per charger, in the table's priority order."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import msgspec
import pytest

from plugdesk.api.models import Charger
from plugdesk.domain.health import (
    CONNECTOR_RULES,
    RULES,
    Health,
    IncidentKind,
    Level,
    Severity,
    assess,
    charger_health,
    connector_health,
    count_by_level,
    describe_duration,
    fleet_health,
    fleet_level,
    format_counts,
)
from tests.support.health import T0, FakeCharger, FakeConnector, charger, minutes


def test_a_working_charger_is_ok() -> None:
    verdict = charger_health(charger(last_heartbeat_at=T0 - minutes(1)), T0)
    assert (verdict.level, verdict.kind, verdict.label) == (Health.OK, None, "OK")
    assert verdict.reason == "Working normally"
    assert verdict.severity is Severity.OK
    assert verdict.rule == "ok"


def test_faulted_connector_makes_the_charger_a_fault_and_names_the_connector() -> None:
    ground = FakeConnector(2, "Faulted", "GroundFailure", "ground fault detected")
    verdict = charger_health(charger(connectors=[FakeConnector(1), ground]), T0)
    assert verdict.level is Health.FAULT
    assert verdict.kind is IncidentKind.FAULT
    assert verdict.label == "Fault"
    assert verdict.reason == "Connector 2: GroundFailure (ground fault detected)"
    assert (verdict.error, verdict.error_info) == ("GroundFailure", "ground fault detected")
    assert verdict.severity is Severity.FAULT


def test_charger_repeating_its_connectors_error_is_reported_once() -> None:
    ground = FakeConnector(2, "Faulted", "GroundFailure", None)
    verdict = charger_health(charger(connectors=[ground]).faulted("GroundFailure"), T0)
    assert verdict.reason == "Connector 2: GroundFailure"


def test_several_faulted_connectors_say_how_many_more() -> None:
    conns = [FakeConnector(1, "Faulted", "HighTemperature"), FakeConnector(2, "Faulted", None)]
    verdict = charger_health(charger(connectors=conns), T0)
    assert verdict.reason == "Connector 1: HighTemperature (+1 more)"


@pytest.mark.parametrize(
    ("status", "error", "level", "reason"),
    [
        ("Available", "OverCurrentFailure", Health.FAULT, "OverCurrentFailure"),
        ("Faulted", "NoError", Health.FAULT, "Faulted (no error code)"),
        ("Faulted", None, Health.FAULT, "Faulted (no error code)"),
        ("Faulted", "EVCommunicationError", Health.FAULT, "EVCommunicationError"),
        ("Available", "NoError", Health.OK, "Working normally"),
        ("Available", None, Health.OK, "Working normally"),
        ("Available", "", Health.OK, "Working normally"),
        ("Available", "SomeFutureError", Health.FAULT, "SomeFutureError"),
    ],
)
def test_charger_status_and_error_code(
    status: str, error: str | None, level: Health, reason: str
) -> None:
    verdict = charger_health(charger(status=status, error=error), T0)
    assert (verdict.level, verdict.reason) == (level, reason)


def test_ev_communication_error_is_a_warning_not_a_fault() -> None:
    car = FakeConnector(1, "Preparing", "EVCommunicationError", "no pilot signal")
    verdict = charger_health(charger(connectors=[car]), T0)
    assert verdict.level is Health.WARNING
    assert verdict.kind is None  # no incident, no alert: it is usually the car
    assert verdict.severity is Severity.WARNING
    assert verdict.reason.startswith("Connector 1: EVCommunicationError (no pilot signal)")
    assert "usually the car" in verdict.reason
    assert verdict.error == "EVCommunicationError"
    assert assess(charger(connectors=[car]), T0).conditions[IncidentKind.FAULT].present is False


def test_offline_wins_over_the_last_reported_fault() -> None:
    down = charger().faulted().offline(since=T0 - minutes(12))
    verdict = charger_health(down, T0)
    assert (verdict.level, verdict.kind) == (Health.OFFLINE, IncidentKind.OFFLINE)
    assert verdict.reason == "Offline for 12 min"
    assert verdict.severity is Severity.WARNING
    assert charger_health(charger().offline(), T0).reason == "Offline since an unknown time"


def test_never_seen_is_unknown() -> None:
    verdict = charger_health(charger(connection_status="never_seen", status=None), T0)
    assert (verdict.level, verdict.kind, verdict.label) == (Health.UNKNOWN, None, "Unknown")
    assert verdict.severity is Severity.WARNING


def test_blocked_is_maintenance_even_when_faulted_and_never_alerts() -> None:
    blocked = charger(blocked=True).faulted()
    verdict = charger_health(blocked, T0)
    assert (verdict.level, verdict.kind, verdict.label) == (Health.MAINTENANCE, None, "Maintenance")
    assert verdict.severity is Severity.OK
    seen = assess(blocked, T0)
    assert seen.maintenance is True
    # The fault is still seen underneath, so an open fault incident is not "resolved".
    assert seen.conditions[IncidentKind.FAULT].present is True


def test_unavailable_is_maintenance() -> None:
    verdict = charger_health(charger(status="Unavailable"), T0)
    assert verdict.level is Health.MAINTENANCE
    assert assess(charger(status="Unavailable"), T0).maintenance is True
    assert assess(charger(), T0).maintenance is False


def test_heartbeat_older_than_threshold_is_stale() -> None:
    late = charger(last_heartbeat_at=T0 - minutes(16))
    verdict = charger_health(late, T0)
    assert (verdict.level, verdict.kind) == (Health.STALE, IncidentKind.STALE)
    assert verdict.reason == "No heartbeat for 16 min"
    assert verdict.severity is Severity.WARNING
    assert charger_health(charger(last_heartbeat_at=T0 - minutes(14)), T0).level is Health.OK
    assert charger_health(late, T0, stale_after=minutes(30)).level is Health.OK
    # No heartbeat time at all: nothing to judge, not stale.
    assert charger_health(charger(last_heartbeat_at=None), T0).level is Health.OK
    # A naive heartbeat time is UTC, as in the API models.
    naive = charger(last_heartbeat_at=(T0 - minutes(20)).replace(tzinfo=None))
    assert charger_health(naive, T0).level is Health.STALE


def test_a_fault_outranks_a_stale_heartbeat_and_offline_outranks_stale() -> None:
    late = charger(last_heartbeat_at=T0 - minutes(40))
    assert charger_health(late.faulted(), T0).level is Health.FAULT
    assert charger_health(late.offline(), T0).level is Health.OFFLINE


def test_assess_cannot_judge_a_fault_while_offline() -> None:
    seen = assess(charger().faulted().offline(), T0)
    assert seen.conditions[IncidentKind.OFFLINE].present is True
    assert seen.conditions[IncidentKind.FAULT].present is None
    assert seen.conditions[IncidentKind.STALE].present is None
    fault = assess(charger().faulted("PowerMeterFailure", "meter"), T0).conditions
    assert fault[IncidentKind.FAULT].present is True
    assert (fault[IncidentKind.FAULT].error, fault[IncidentKind.FAULT].error_info) == (
        "PowerMeterFailure",
        "meter",
    )
    assert fault[IncidentKind.OFFLINE].present is False
    unknown = assess(charger(connection_status=None), T0).conditions
    assert {c.present for c in unknown.values()} == {None}


@pytest.mark.parametrize(
    ("connector", "level", "reason"),
    [
        (FakeConnector(2, "Faulted", "GroundFailure", "ground fault detected"), Health.FAULT,
         "Connector 2: GroundFailure (ground fault detected)"),
        (FakeConnector(1, "Charging", "HighTemperature"), Health.FAULT,
         "Connector 1: HighTemperature"),
        (FakeConnector(1, "Preparing", "EVCommunicationError"), Health.WARNING,
         "Connector 1: EVCommunicationError — usually the car, not the charger"),
        (FakeConnector(1, "Unavailable"), Health.MAINTENANCE, "Unavailable"),
        (FakeConnector(1, "Charging"), Health.OK, "Charging"),
        (FakeConnector(1, None, None), Health.OK, "Status unknown"),
    ],
)  # fmt: skip
def test_connector_health(connector: FakeConnector, level: Health, reason: str) -> None:
    verdict = connector_health(connector)
    assert (verdict.level, verdict.reason) == (level, reason)


def test_rules_tables_are_well_formed() -> None:
    for table in (RULES, CONNECTOR_RULES):
        names = [r.name for r in table]
        assert len(names) == len(set(names))
        assert table[-1].level is Health.OK  # the catch-all comes last
    # Every incident kind is opened by some rule; maintenance rules never open incidents.
    assert {r.kind for r in RULES if r.kind} == set(IncidentKind)
    assert all(r.kind is None for r in RULES if r.level is Health.MAINTENANCE)
    assert Level is Health


def test_fleet_counts_and_level() -> None:
    chargers = [charger(n) for n in range(1, 41)]
    chargers[0] = chargers[0].faulted()
    chargers[1] = chargers[1].faulted("HighTemperature")
    chargers[2] = chargers[2].offline()
    verdicts = fleet_health(chargers, T0)
    counts = count_by_level(verdicts)
    assert list(counts) == [Health.FAULT, Health.OFFLINE, Health.WARNING, Health.STALE,
                            Health.UNKNOWN, Health.MAINTENANCE, Health.OK]  # fmt: skip
    assert counts[Health.FAULT] == 2 and counts[Health.OK] == 37 and counts[Health.STALE] == 0
    assert format_counts(counts) == "Fault 2 · Offline 1 · OK 37"
    assert format_counts(count_by_level([])) == "No chargers"
    assert fleet_level(verdicts) is Severity.FAULT
    assert fleet_level(verdicts[2:]) is Severity.WARNING
    assert fleet_level(fleet_health([charger(status="Unavailable")], T0)) is Severity.OK
    assert fleet_level([]) is Severity.OK


def test_real_api_models_fit_the_rules() -> None:
    raw = {
        "uuid": "c-1",
        "identity": "PC-014",
        "connection_status": "online",
        "status": "Available",
        "error": "NoError",
        "last_heartbeat_at": "2024-05-01T11:40:00Z",
        "blocked": False,
        "connectors": [
            {"connector_id": 1, "status": "Available", "error": "NoError"},
            {"connector_id": 2, "status": "Faulted", "error": "GroundFailure",
             "error_info": "ground fault detected", "unknown_new_field": 1},
        ],
    }  # fmt: skip
    model = msgspec.json.decode(msgspec.json.encode(raw), type=Charger)
    verdict = charger_health(model, T0)
    assert verdict.reason == "Connector 2: GroundFailure (ground fault detected)"
    fixed = replace_connectors(model)
    assert charger_health(fixed, T0).level is Health.STALE  # heartbeat 20 min old
    assert charger_health(fixed, T0, stale_after=timedelta(hours=1)).level is Health.OK


def replace_connectors(model: Charger) -> Charger:
    return msgspec.structs.replace(model, connectors=[])


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (timedelta(seconds=-5), "0 s"),
        (timedelta(seconds=40), "40 s"),
        (timedelta(minutes=12, seconds=59), "12 min"),
        (timedelta(hours=3), "3 h"),
        (timedelta(hours=3, minutes=5), "3 h 5 min"),
        (timedelta(days=2, hours=4), "2 d 4 h"),
        (timedelta(days=1), "1 d"),
    ],
)
def test_describe_duration(span: timedelta, text: str) -> None:
    assert describe_duration(span) == text


def test_fake_charger_defaults_are_healthy() -> None:
    # Guards the fakes the tracker tests rely on.
    assert charger_health(FakeCharger(), T0).level is Health.OK
    assert replace(FakeCharger(), blocked=None).blocked is None


def test_alike_chargers_share_one_assessment_but_durations_are_their_own() -> None:
    """Most of a fleet is alike (online, fresh heartbeat, no error): one assessment
    serves them all. A charger offline or late with its heartbeat names its own
    duration, so it is always judged on its own, as of `now`."""
    ground = FakeConnector(2, "Faulted", "GroundFailure", "ground fault detected")
    one = charger(1, last_heartbeat_at=T0 - minutes(1), connectors=[FakeConnector(1), ground])
    other = charger(2, last_heartbeat_at=T0 - minutes(3), connectors=[FakeConnector(1), ground])
    assert assess(one, T0) is assess(other, T0)
    assert assess(one, T0).verdict.reason == "Connector 2: GroundFailure (ground fault detected)"
    working = charger(3, last_heartbeat_at=T0 - minutes(1), connectors=[FakeConnector(1)])
    assert assess(working, T0) is not assess(one, T0)
    assert assess(working, T0).verdict.level is Health.OK

    late = charger(4, last_heartbeat_at=T0 - minutes(20))
    assert assess(late, T0).verdict.reason == "No heartbeat for 20 min"
    assert assess(late, T0 + minutes(10)).verdict.reason == "No heartbeat for 30 min"
    # The same charger within a longer stale setting: fine, and alike again.
    assert assess(late, T0, minutes(30)).verdict.level is Health.OK
    gone = charger(5, connection_status="offline", last_disconnection_at=T0 - minutes(5))
    assert assess(gone, T0).verdict.reason == "Offline for 5 min"
    assert assess(gone, T0 + minutes(55)).verdict.reason == "Offline for 1 h"
