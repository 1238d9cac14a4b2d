"""Charger actions and settings: replies, validation, permissions, their effects on the
simulated clock, and the two kinds of 504 (it happened anyway / it did not)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from plugdesk.simulator import Simulator
from tests.simulator.conftest import Connect, MakeSim

TIMEOUT = {"message": "The charger did not respond in time."}


def pick(sim: Simulator, wanted: Callable[[dict[str, Any]], bool]) -> str:
    for uuid in sim.charger_uuids():
        detail = sim.charger(uuid)
        if detail["permissions"]["full"] and wanted(detail):
            return uuid
    raise AssertionError("no charger fits")


def healthy(detail: dict[str, Any]) -> bool:
    return detail["connection_status"] == "online" and detail["status"] == "Available"


def idle_connector(detail: dict[str, Any]) -> bool:
    return healthy(detail) and any(c["status"] == "Available" for c in detail["connectors"])


def charging_ac(detail: dict[str, Any]) -> bool:
    return healthy(detail) and any(
        c["status"] == "Charging" and c["power_type"] == "AC_3_PHASE" for c in detail["connectors"]
    )


@pytest.fixture
def sim(fleet: Simulator) -> Simulator:
    fleet.force_action_outcome("reply")  # the charger answers (504s are tested on their own)
    return fleet


def test_restart_takes_the_charger_offline_then_it_boots(sim: Simulator, api: httpx.Client) -> None:
    uuid = pick(sim, healthy)
    reply = api.post(f"chargers/{uuid}/actions/restart")
    assert (reply.status_code, reply.json()) == (200, {"status": "Accepted"})
    sim.advance(3)
    assert sim.charger(uuid)["connection_status"] == "offline"
    down = sim.fault_log[-1]
    assert (down.charger_uuid, down.kind, down.ended_at) == (uuid, "offline", None)
    sim.advance(60)
    detail = sim.charger(uuid)
    assert detail["connection_status"] == "online" and detail["status"] == "Available"
    back = next(r for r in sim.fault_log if r is not None and r.started_at == down.started_at)
    assert back.ended_at is not None and 20 <= (back.ended_at - back.started_at).seconds <= 60
    methods = [m["method"] for m in api.get(f"chargers/{uuid}/logs").json()["data"]]
    assert "BootNotification" in methods and "Reset" in methods
    assert methods.index("BootNotification") < methods.index("Reset")  # newest first


def test_restart_clears_a_transient_fault_and_a_hard_one_comes_back(
    sim: Simulator, api: httpx.Client
) -> None:
    transient, hard = pick(sim, healthy), None
    sim.force_fault(transient, "HighTemperature", hard=False)
    hard = next(
        u
        for u in sim.charger_uuids()
        if u != transient and sim.charger(u)["permissions"]["full"] and healthy(sim.charger(u))
    )
    sim.force_fault(hard, "GroundFailure")
    for uuid in (transient, hard):
        assert sim.charger(uuid)["status"] == "Faulted"
        assert api.post(f"chargers/{uuid}/actions/restart").json() == {"status": "Accepted"}
    sim.advance(90)
    assert sim.charger(transient)["status"] == "Available"
    assert sim.charger(hard)["status"] == "Faulted"
    assert sim.charger(hard)["error"] == "GroundFailure"
    hard_faults = [r for r in sim.fault_log if r.charger_uuid == hard and r.kind == "fault"]
    assert hard_faults[-2].ended_at is not None  # cleared by the reboot...
    assert hard_faults[-1].ended_at is None  # ...and back with the BootNotification
    assert hard_faults[-1].started_at == hard_faults[-2].ended_at
    gone = [r for r in sim.fault_log if r.charger_uuid == transient and r.kind == "fault"]
    assert gone[-1].ended_at is not None


def test_504_that_happened_and_504_that_did_not(sim: Simulator, api: httpx.Client) -> None:
    first = pick(sim, healthy)
    sim.force_action_outcome("timeout_done")
    late = api.post(f"chargers/{first}/actions/restart")
    assert (late.status_code, late.json()) == (504, TIMEOUT)
    sim.advance(3)
    assert sim.charger(first)["connection_status"] == "offline"  # it happened anyway

    second = next(
        u
        for u in sim.charger_uuids()
        if u != first and sim.charger(u)["permissions"]["full"] and healthy(sim.charger(u))
    )
    sim.force_action_outcome("timeout_lost")
    lost = api.post(f"chargers/{second}/actions/restart")
    assert (lost.status_code, lost.json()) == (504, TIMEOUT)
    sim.advance(3)
    assert sim.charger(second)["connection_status"] == "online"  # it did not
    failed = api.get(f"chargers/{second}/logs", params={"filter[status]": "failed"}).json()
    assert [m["method"] for m in failed["data"]] == ["Reset"]
    outcomes = [(r.charger_uuid, r.outcome, r.status) for r in sim.action_log]
    assert outcomes == [(first, "timeout_done", 504), (second, "timeout_lost", 504)]
    routes = [r.route for r in sim.request_log if r.route.startswith("chargers.actions.")]
    assert routes == ["chargers.actions.restart"] * 2


def test_504_shares_are_deterministic_per_seed(make_sim: MakeSim, connect: Connect) -> None:
    def statuses(seed: int) -> list[int]:
        sim = make_sim(
            chargers=20, seed=seed, action_timeout_done_rate=0.25, action_timeout_lost_rate=0.25
        )
        api = connect(sim)
        uuid = pick(sim, healthy)
        body = {"connector_id": 0, "limit": 16}
        return [
            api.post(f"chargers/{uuid}/actions/charge-limit", json=body).status_code
            for _ in range(24)
        ]

    one = statuses(5)
    assert one == statuses(5)
    assert {200, 504} == set(one)
    sim = make_sim(
        chargers=20, seed=5, action_timeout_done_rate=0.25, action_timeout_lost_rate=0.25
    )
    api = connect(sim)
    uuid = pick(sim, healthy)
    for _ in range(24):
        api.post(f"chargers/{uuid}/actions/charge-limit", json={"connector_id": 0, "limit": 16})
    kinds = {r.outcome for r in sim.action_log}
    assert {"timeout_done", "timeout_lost", "accepted"} <= kinds


def test_start_and_stop_open_and_close_a_transaction(sim: Simulator, api: httpx.Client) -> None:
    uuid = pick(sim, idle_connector)
    number = next(
        c["connector_id"] for c in sim.charger(uuid)["connectors"] if c["status"] == "Available"
    )
    body = {"connector_id": number, "id_token": "04A1B2C3D4E5F6"}
    assert api.post(f"chargers/{uuid}/actions/start", json=body).json() == {"status": "Accepted"}
    sim.advance(5)
    active = [
        t
        for t in sim.transactions_for(uuid)
        if t["stopped_at"] is None and t["id_tag"] == "04A1B2C3D4E5F6"
    ]
    assert len(active) == 1
    assert sim.charger(uuid)["connectors"][number - 1]["status"] == "Charging"
    sim.advance(600)
    stop = api.post(f"chargers/{uuid}/actions/stop", json={"transaction_id": active[0]["id"]})
    assert stop.json() == {"status": "Accepted"}
    sim.advance(5)
    done = next(t for t in sim.transactions_for(uuid) if t["id"] == active[0]["id"])
    assert done["stop_reason"] == "Remote" and float(done["total_kwh"]) > 0
    assert sim.charger(uuid)["connectors"][number - 1]["status"] == "Finishing"
    methods = {m["method"] for m in api.get(f"chargers/{uuid}/logs").json()["data"]}
    assert {
        "RemoteStartTransaction",
        "StartTransaction",
        "RemoteStopTransaction",
        "StopTransaction",
    } <= methods
    again = api.post(f"chargers/{uuid}/actions/stop", json={"transaction_id": active[0]["id"]})
    assert again.json() == {"status": "Rejected"}  # nothing active with that id any more


def test_start_on_a_faulted_connector_is_rejected(sim: Simulator, api: httpx.Client) -> None:
    uuid = pick(sim, idle_connector)
    sim.force_fault(uuid, "ConnectorLockFailure", connector_id=1)
    body = {"connector_id": 1, "id_token": "TAG1"}
    assert api.post(f"chargers/{uuid}/actions/start", json=body).json() == {"status": "Rejected"}
    assert sim.action_log[-1].outcome == "rejected"


def test_charge_limit_caps_the_power(sim: Simulator, api: httpx.Client) -> None:
    uuid = pick(sim, charging_ac)
    number = next(
        c["connector_id"] for c in sim.charger(uuid)["connectors"] if c["status"] == "Charging"
    )
    body = {"connector_id": 0, "limit": 6}
    assert api.post(f"chargers/{uuid}/actions/charge-limit", json=body).json() == {
        "status": "Accepted"
    }
    usage = api.get(f"chargers/{uuid}/connectors/{number}/power-usage").json()
    assert float(usage["kW"]) <= 6 * 230 * 3 / 1000 * 1.02 + 0.05
    profile = {
        "connector_id": number,
        "cs_charging_profiles": {
            "charging_profile_id": 3,
            "stack_level": 1,
            "charging_profile_purpose": "TxDefaultProfile",
            "charging_profile_kind": "Absolute",
            "charging_schedule": {
                "charging_rate_unit": "A",
                "charging_schedule_period": [{"start_period": 0, "limit": 10}],
            },
        },
    }
    reply = api.post(f"chargers/{uuid}/actions/charging-profile", json=profile)
    assert reply.json() == {"status": "Accepted"}
    bad = api.post(f"chargers/{uuid}/actions/charging-profile", json={"connector_id": 1})
    assert bad.status_code == 422 and "cs_charging_profiles" in bad.json()["errors"]


def test_lock_makes_the_charger_unavailable_and_back(sim: Simulator, api: httpx.Client) -> None:
    uuid = pick(
        sim, lambda d: healthy(d) and all(c["status"] == "Available" for c in d["connectors"])
    )
    assert api.get(f"chargers/{uuid}/settings/lock").json() == {"enabled": False}
    locked = api.post(f"chargers/{uuid}/settings/lock", json={"enabled": True})
    assert locked.status_code == 204 and locked.content == b""
    assert api.get(f"chargers/{uuid}/settings/lock").json() == {"enabled": True}
    detail = sim.charger(uuid)
    assert detail["status"] == "Unavailable"
    assert {c["status"] for c in detail["connectors"]} == {"Unavailable"}
    sim.advance(3600)
    assert sim.charger(uuid)["status"] == "Unavailable"  # stays until unlocked
    assert api.post(f"chargers/{uuid}/settings/lock", json={"enabled": False}).status_code == 204
    assert sim.charger(uuid)["status"] == "Available"
    log = api.get(f"chargers/{uuid}/logs", params={"filter[method]": "ChangeAvailability"})
    params = [m["params"] for m in log.json()["data"]]
    params = [json.loads(p) if isinstance(p, str) else p for p in params]  # both occur
    assert [p["type"] for p in params] == ["Operative", "Inoperative"]  # newest first


def test_settings_reads_and_writes(sim: Simulator, api: httpx.Client) -> None:
    uuid = pick(sim, healthy)
    socket = api.get(f"chargers/{uuid}/settings/socket-lock").json()
    assert {"enabled", "interactable"} <= set(socket)
    assert api.post(f"chargers/{uuid}/settings/socket-lock", json={}).status_code == 405
    plug = api.post(
        f"chargers/{uuid}/settings/plug-charge", json={"enabled": True, "card_uid": "04AABBCCDD"}
    )
    assert plug.status_code == 204
    assert api.get(f"chargers/{uuid}/settings/plug-charge").json() == {
        "enabled": True,
        "current_card": "04AABBCCDD",
    }
    missing = api.post(f"chargers/{uuid}/settings/plug-charge", json={"enabled": True})
    assert missing.status_code == 422 and "card_uid" in missing.json()["errors"]

    public = {"enabled": True, "price_per_kwh": 39, "start_fee": 25, "billing_plan": "transaction"}
    assert api.post(f"chargers/{uuid}/settings/public-charging", json=public).status_code == 204
    shown = api.get(f"chargers/{uuid}/settings/public-charging").json()
    assert shown["enabled"] and shown["price_per_kwh"] == 39 and shown["start_fee"] == 25
    code = shown["public_code"]
    assert code in shown["public_url"]
    looked_up = api.get(f"public-charging/chargers/{code}")
    assert looked_up.status_code == 200
    assert looked_up.json()["data"]["pricing"]["price_per_kwh"] == 39
    off = api.post(f"chargers/{uuid}/settings/public-charging", json={"enabled": False})
    assert off.status_code == 204
    assert api.get(f"public-charging/chargers/{code}").status_code == 404
    bad = api.post(
        f"chargers/{uuid}/settings/public-charging", json={"enabled": True, "price_per_kwh": "lots"}
    )
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"price_per_kwh", "start_fee", "billing_plan"}


def test_validation_answers_422_in_laravel_shape(sim: Simulator, api: httpx.Client) -> None:
    uuid = pick(sim, healthy)
    cases = [
        ("actions/start", {}, "id_token"),
        ("actions/start", {"id_token": "X" * 21}, "id_token"),
        ("actions/start", {"id_token": "T", "connector_id": 0}, "connector_id"),
        ("actions/charge-limit", {"connector_id": 1}, "limit"),
        ("actions/charge-limit", {"connector_id": 1, "limit": -2}, "limit"),
        ("settings/lock", {}, "enabled"),
        ("settings/lock", {"enabled": "maybe"}, "enabled"),
    ]
    for path, body, field in cases:
        reply = api.post(f"chargers/{uuid}/{path}", json=body)
        assert reply.status_code == 422, (path, body)
        document = reply.json()
        assert set(document) == {"message", "errors"} and field in document["errors"]
        assert isinstance(document["errors"][field], list)
    assert not any(r.outcome in ("accepted", "rejected") for r in sim.action_log)


def test_actions_on_a_read_only_charger_are_forbidden(sim: Simulator, api: httpx.Client) -> None:
    uuid = next(u for u in sim.charger_uuids() if not sim.charger(u)["permissions"]["full"])
    for path, body in (
        ("actions/restart", None),
        ("actions/stop", {}),
        ("settings/lock", {"enabled": True}),
    ):
        reply = api.post(f"chargers/{uuid}/{path}", json=body)
        assert (reply.status_code, reply.json()) == (
            403,
            {"message": "This action is unauthorized."},
        )
    renamed = api.put(f"chargers/{uuid}", json={"reference": "Mine now"})
    assert renamed.status_code == 403
    assert [r.outcome for r in sim.action_log] == ["forbidden"] * 3


def test_rename_and_its_validation(sim: Simulator, api: httpx.Client) -> None:
    uuid = pick(sim, healthy)
    reply = api.put(f"chargers/{uuid}", json={"reference": "Bay 7 – by the lift"})
    assert reply.status_code == 200
    assert reply.json()["data"]["reference"] == "Bay 7 – by the lift"
    assert sim.charger(uuid)["reference"] == "Bay 7 – by the lift"
    for body in ({}, {"reference": 12}, {"reference": "x" * 256}):
        bad = api.put(f"chargers/{uuid}", json=body)
        assert bad.status_code == 422 and "reference" in bad.json()["errors"]
    assert sim.charger(uuid)["reference"] == "Bay 7 – by the lift"


def test_unknown_actions_and_chargers(sim: Simulator, api: httpx.Client) -> None:
    uuid = pick(sim, healthy)
    assert api.post(f"chargers/{uuid}/actions/unlock").status_code == 404
    assert api.post(f"chargers/{uuid}/actions/reset").status_code == 404
    assert api.get(f"chargers/{uuid}/settings/ocpp").status_code == 404
    nobody = "00000000-0000-4000-8000-000000000000"
    assert api.post(f"chargers/{nobody}/actions/restart").status_code == 404
    assert api.put(f"chargers/{nobody}", json={"reference": "x"}).status_code == 404


def test_actions_on_an_offline_charger_time_out_and_do_nothing(
    sim: Simulator, api: httpx.Client
) -> None:
    uuid = pick(sim, healthy)
    sim.force_offline(uuid)
    reply = api.post(f"chargers/{uuid}/actions/restart")
    assert (reply.status_code, reply.json()) == (504, TIMEOUT)
    sim.advance(120)
    assert sim.charger(uuid)["connection_status"] == "offline"
    assert sim.action_log[-1].outcome == "timeout_lost"


def test_a_charger_forced_offline_during_a_restart_stays_offline(
    sim: Simulator, api: httpx.Client
) -> None:
    uuid = pick(sim, healthy)
    assert api.post(f"chargers/{uuid}/actions/restart").json() == {"status": "Accepted"}
    sim.advance(5)
    sim.force_offline(uuid)
    sim.advance(120)
    assert sim.charger(uuid)["connection_status"] == "offline"
    sim.force_online(uuid)
    assert sim.charger(uuid)["connection_status"] == "online"
