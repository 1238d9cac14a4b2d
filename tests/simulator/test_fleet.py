"""The fleet: its make-up, its life on the simulated clock, forced changes, determinism
and size."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from typing import Any

import httpx

from plugdesk.simulator import Simulator
from tests.simulator.conftest import START, Connect, MakeSim

OCPP_ERRORS = {
    "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature",
    "InternalError", "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure",
    "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage",
    "OverVoltage", "WeakSignal",
}  # fmt: skip
CONNECTOR_STATUSES = {
    "Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing",
    "Reserved", "Unavailable", "Faulted",
}  # fmt: skip
CHARGER_FIELDS = {
    "uuid", "id", "identity", "reference", "connection_status", "status", "error", "error_info",
    "vendor_id", "vendor_error_code", "firmware_version", "parsed_firmware_version", "server",
    "last_connection_at", "last_disconnection_at", "last_heartbeat_at", "setup_pending",
    "setup_completed", "blocked", "max_current", "created_at", "updated_at", "licenses",
    "model_id", "model", "permissions",
}  # fmt: skip
CONNECTOR_FIELDS = {
    "id", "charger_id", "connector_id", "status", "error", "error_info", "vendor_id",
    "vendor_error_code", "max_amperage", "max_voltage", "standard", "format", "power_type",
    "phase_rotation", "created_at", "updated_at",
}  # fmt: skip


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_the_default_fleet_has_a_realistic_mix(fleet: Simulator, api: httpx.Client) -> None:
    chargers = fleet.chargers()
    assert len(chargers) == 40
    assert all(set(c) == CHARGER_FIELDS for c in chargers)
    by_state: dict[tuple[str, str | None], int] = {}
    for charger in chargers:
        key = (charger["connection_status"], charger["status"])
        by_state[key] = by_state.get(key, 0) + 1
    assert by_state[("online", "Available")] >= 30
    assert by_state[("online", "Faulted")] >= 2
    assert by_state[("offline", "Available")] >= 1
    assert by_state[("never_seen", None)] == 1
    blocked = [c for c in chargers if c["blocked"]]
    assert len(blocked) == 1 and blocked[0]["status"] == "Unavailable"
    faulted = [c for c in chargers if c["status"] == "Faulted"]
    assert all(c["error"] in OCPP_ERRORS - {"NoError"} and c["error_info"] for c in faulted)
    assert {c["error"] for c in chargers if c["status"] != "Faulted"} <= {None, "NoError"}
    assert len({c["identity"] for c in chargers}) == 40
    assert any(" – " in (c["reference"] or "") for c in chargers)
    vendors = {c["model"]["vendor"] for c in chargers}
    assert {"Alfen", "Kempower"} <= vendors and len(vendors) >= 4
    assert all(c["model"]["is_dc"] == (c["model"]["vendor"] == "Kempower"
               or c["model"]["name"] == "Terra 54 DC") for c in chargers)  # fmt: skip
    for charger in chargers:
        detail = api.get(f"chargers/{charger['uuid']}").json()["data"]
        assert {k: v for k, v in detail.items() if k not in ("pincode", "connectors")} == charger
        if charger["connection_status"] == "never_seen":
            assert detail["connectors"] == [] and charger["last_heartbeat_at"] is None
            continue
        assert 1 <= len(detail["connectors"]) <= 2
        for connector in detail["connectors"]:
            assert set(connector) == CONNECTOR_FIELDS
            assert connector["status"] in CONNECTOR_STATUSES
            assert connector["charger_id"] == charger["id"]
            dc = connector["power_type"] == "DC"
            assert dc == charger["model"]["is_dc"]
            assert (connector["phase_rotation"] is None) == dc
        if charger["permissions"]["sensitive"] and detail["pincode"] is not None:
            assert re.fullmatch(r"\d{4}", detail["pincode"])


def test_heartbeats_are_recent_while_online_and_frozen_offline(fleet: Simulator) -> None:
    now = fleet.now()
    for charger in fleet.chargers():
        beat = charger["last_heartbeat_at"]
        if charger["connection_status"] == "online":
            assert now - timedelta(seconds=300) <= _when(beat) <= now
            assert _when(beat) >= _when(charger["last_connection_at"])
        elif charger["connection_status"] == "offline":
            assert _when(beat) <= _when(charger["last_disconnection_at"])
    fleet.advance(3 * 3600)
    online = [c for c in fleet.chargers() if c["connection_status"] == "online"]
    assert all(_when(c["last_heartbeat_at"]) > now for c in online)


def test_an_hour_of_life_brings_faults_and_recoveries(make_sim: MakeSim) -> None:
    sim = make_sim(chargers=60, seed=5)
    before = len(sim.fault_log)
    statuses_before = {c["uuid"]: c["status"] for c in sim.chargers()}
    sim.advance(3600)
    new = sim.fault_log[before:]
    assert any(r.kind == "fault" and r.ended_at is not None for r in new)
    assert {r.error for r in new if r.kind == "fault"} <= OCPP_ERRORS
    for record in new:
        assert START < record.started_at <= sim.now()
        if record.ended_at is not None:
            assert record.started_at <= record.ended_at <= sim.now()
    sim.advance(5 * 3600)
    later = sim.fault_log[before:]
    assert any(r.kind == "offline" and r.ended_at is not None for r in later)
    assert any(r.error == "EVCommunicationError" and r.connector_id for r in later)
    # The initial faults recover too; updated_at moves when a charger changes.
    after = {c["uuid"]: c for c in sim.chargers()}
    recovered = [u for u, s in statuses_before.items() if s == "Faulted"
                 and after[u]["status"] == "Available"]  # fmt: skip
    assert recovered
    assert all(_when(after[u]["updated_at"]) > START for u in recovered)


def test_sessions_start_charge_and_finish_on_the_clock(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim(chargers=30, seed=9)
    first_live = max(t["id"] for u in sim.charger_uuids() for t in sim.transactions_for(u))
    sim.advance(4 * 3600)
    live = [t for u in sim.charger_uuids() for t in sim.transactions_for(u) if t["id"] > first_live]
    finished = [t for t in live if t["stopped_at"] is not None]
    assert len(finished) >= 5
    assert all(t["stop_reason"] and t["meter_stop"] > t["meter_start"] for t in finished
               if t["is_valid"])  # fmt: skip
    active = [t for t in live if t["stopped_at"] is None]
    assert all(t["stop_reason"] is None and t["total_kwh"] is None for t in active)
    statuses = {c["status"] for u in sim.charger_uuids() for c in sim.charger(u)["connectors"]}
    assert {"Available", "Charging"} <= statuses


def test_power_usage_strings(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim(chargers=40, seed=9)
    client = connect(sim)
    seen: dict[str, dict[str, str]] = {}
    for uuid in sim.charger_uuids():
        detail = sim.charger(uuid)
        for connector in detail["connectors"]:
            path = f"chargers/{uuid}/connectors/{connector['connector_id']}/power-usage"
            usage = client.get(path).json()
            assert set(usage) == {"timestamp", "L1", "L2", "L3", "kW"}
            assert all(isinstance(v, str) for v in usage.values())
            key = f"{detail['connection_status']}/{connector['status']}/{connector['power_type']}"
            seen[key] = usage
    idle = seen["online/Available/AC_3_PHASE"]
    assert (idle["L1"], idle["kW"]) == ("-", "-")
    offline = next(v for k, v in seen.items() if k.startswith("offline/"))
    assert offline["kW"] == "-"
    charging = [v for k, v in seen.items() if k.startswith("online/Charging/AC")]
    assert charging and all(float(v["kW"]) > 0 for v in charging)
    single = [v for k, v in seen.items() if k == "online/Charging/AC_1_PHASE"]
    for usage in single:
        assert usage["L2"] == " 0.0"  # fixed-width with a leading space
    numbers = [v for usage in seen.values() for v in usage.values() if v[-2:-1] == "."]
    assert numbers and all(v == f"{float(v):4.1f}" for v in numbers)  # "%4.1f" style
    dc = [v for k, v in seen.items() if k.startswith("online/Charging/DC")]
    assert all(v["L1"] == "-" and float(v["kW"]) > 20 for v in dc)


def test_forced_changes_act_at_once_and_are_logged(fleet: Simulator, api: httpx.Client) -> None:
    uuid = next(c["uuid"] for c in fleet.chargers() if c["status"] == "Available"
                and c["connection_status"] == "online")  # fmt: skip
    fleet.force_fault(uuid, error="HighTemperature", info="Socket at 91 °C")
    data = api.get(f"chargers/{uuid}").json()["data"]
    assert (data["status"], data["error"], data["error_info"]) == (
        "Faulted", "HighTemperature", "Socket at 91 °C",
    )  # fmt: skip
    assert {c["status"] for c in data["connectors"]} == {"Faulted"}
    fleet.advance(6 * 3600)  # forced faults do not heal on their own
    assert fleet.charger(uuid)["status"] == "Faulted"
    fleet.clear_fault(uuid)
    cleared = fleet.charger(uuid)
    assert cleared["status"] == "Available" and cleared["error"] in (None, "NoError")
    assert all(c["error"] == "NoError" for c in cleared["connectors"])
    record = [r for r in fleet.fault_log if r.charger_uuid == uuid and r.forced][-1]
    assert record.kind == "fault" and record.error == "HighTemperature"
    assert record.ended_at == fleet.now()

    fleet.force_offline(uuid)
    offline = api.get(f"chargers/{uuid}").json()["data"]
    assert offline["connection_status"] == "offline"
    assert offline["last_disconnection_at"] == fleet.now().strftime("%Y-%m-%dT%H:%M:%S.000000Z")
    fleet.advance(3 * 3600)
    assert fleet.charger(uuid)["connection_status"] == "offline"
    fleet.force_online(uuid)
    assert fleet.charger(uuid)["connection_status"] == "online"
    drop = [r for r in fleet.fault_log if r.charger_uuid == uuid and r.kind == "offline"][-1]
    assert drop.forced and drop.ended_at == fleet.now()


def test_a_connector_fault_leaves_the_charger_available(make_sim: MakeSim) -> None:
    sim = make_sim()
    uuid = next(c["uuid"] for c in sim.chargers()
                if c["status"] == "Available" and c["connection_status"] == "online"
                and len(sim.charger(c["uuid"])["connectors"]) == 2)  # fmt: skip
    sim.force_fault(uuid, error="ConnectorLockFailure", connector_id=2)
    detail = sim.charger(uuid)
    assert detail["status"] == "Available"
    assert detail["connectors"][1]["status"] == "Faulted"
    assert detail["connectors"][1]["error"] == "ConnectorLockFailure"
    assert sim.fault_log[-1].connector_id == 2


def test_healing_everything_gives_a_quiet_fleet(fleet: Simulator) -> None:
    for uuid in fleet.charger_uuids():
        fleet.clear_fault(uuid)
        fleet.force_online(uuid)
    fleet.advance(120)  # repaired chargers stay healthy for a while
    chargers = fleet.chargers()
    assert {c["connection_status"] for c in chargers} == {"online"}
    assert {c["status"] for c in chargers} == {"Available", "Unavailable"}
    never_seen = [c for c in chargers if c["setup_pending"]]
    assert never_seen == []
    assert all(r.ended_at is not None for r in fleet.fault_log)


def _snapshot(sim: Simulator) -> tuple[Any, ...]:
    return (
        sim.chargers(),
        [sim.charger(u) for u in sim.charger_uuids()],
        [sim.transactions_for(u) for u in sim.charger_uuids()[:6]],
        sim.fault_log,
        sim.public_codes(),
    )


def test_same_seed_same_fleet_whatever_the_request_timing(make_sim: MakeSim) -> None:
    one, two = make_sim(seed=21), make_sim(seed=21)
    one.advance(1800)
    one.chargers()  # look halfway on one of them only
    one.advance(1800)
    two.advance(3600)
    assert _snapshot(one) == _snapshot(two)
    other = make_sim(seed=22)
    other.advance(3600)
    assert other.chargers() != two.chargers()


def test_ten_thousand_chargers_build_fast_and_pages_stay_cheap(
    make_sim: MakeSim, connect: Connect
) -> None:
    began = time.perf_counter()
    sim = make_sim(chargers=10_000, time_scale=600.0, start_time=None)
    assert time.perf_counter() - began < 2.5
    client = connect(sim)
    timings = []
    for page in (1, 200, 400):
        started = time.perf_counter()
        body = client.get("chargers", params={"page": page}).json()
        timings.append(time.perf_counter() - started)
        assert len(body["data"]) == 25
    assert body["links"]["next"] is None
    assert max(timings) < 0.5, timings
    sim.advance(600)
    assert sim.now() > START
