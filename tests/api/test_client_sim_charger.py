"""The client's charger methods of issue 13 against the simulator over loopback: meter
values (length-aware pages, dates required, filters, limit, order), the OCPP log (every
filter and sort), rename, actions and settings (201/204 replies, 403, both kinds of 504,
and never a second POST or PUT). The simulator's `request_log` and `action_log` are the
witnesses of how many writes really went out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from plugdesk.api import client as client_module
from plugdesk.api.errors import (
    ChargerTimeoutError,
    ForbiddenError,
    NetworkError,
    ServerError,
    ValidationError,
)
from plugdesk.simulator import Simulator
from tests.api.helpers import FakeClock
from tests.api.test_client_sim import assert_no_secrets, call, client_for, requests_to

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
DAY_BEFORE = START - timedelta(days=1)
PROFILE = {
    "charging_profile_id": 7,
    "stack_level": 1,
    "charging_profile_purpose": "TxDefaultProfile",
    "charging_profile_kind": "Absolute",
    "charging_schedule": {
        "charging_rate_unit": "A",
        "charging_schedule_period": [{"start_period": 0, "limit": 10}],
    },
}


@pytest.fixture
def sim() -> Iterator[Simulator]:
    """40 chargers, frozen clock; actions answer as the charger does unless a test says."""
    with Simulator(chargers=40, seed=7, time_scale=0, start_time=START) as simulator:
        simulator.force_action_outcome("reply")
        yield simulator
        assert simulator.server_errors == []


def fetch(sim: Simulator, method: Callable[[Any], Any]) -> Any:
    return call(client_for(sim, FakeClock()), method)


def pick(sim: Simulator, wanted: Callable[[dict[str, Any]], bool], full: bool = True) -> str:
    for uuid in sim.charger_uuids():
        detail = sim.charger(uuid)
        if detail["permissions"]["full"] == full and wanted(detail):
            return uuid
    raise AssertionError("no charger fits")


def healthy(detail: dict[str, Any]) -> bool:
    return detail["connection_status"] == "online" and detail["status"] == "Available"


def idle(detail: dict[str, Any]) -> bool:
    return healthy(detail) and any(c["status"] == "Available" for c in detail["connectors"])


def busy(sim: Simulator) -> str:
    """An online charger with finished transactions in the day before START."""
    since = DAY_BEFORE.strftime("%Y-%m-%dT%H:%M:%S")
    return pick(
        sim,
        lambda d: (
            d["connection_status"] == "online"
            and sum(
                bool(t["stopped_at"]) and t["stopped_at"] > since
                for t in sim.transactions_for(d["uuid"])
            )
            >= 2
        ),
    )


def writes(sim: Simulator) -> list[Any]:
    return [r for r in sim.request_log if r.method in ("POST", "PUT")]


# -- meter values ----------------------------------------------------------------------------


def test_meter_values_every_length_aware_page_and_they_add_up(sim: Simulator) -> None:
    uuid = busy(sim)
    before = len(requests_to(sim, "chargers.metervalues"))
    rows = fetch(sim, lambda c: c.list_meter_values(uuid, date_from=DAY_BEFORE, date_to=START))
    sent = requests_to(sim, "chargers.metervalues")[before:]
    assert len(sent) == -(-len(rows) // 25) >= 3
    assert sent[0].query["date_from"] == DAY_BEFORE.strftime("%Y-%m-%d %H:%M:%S")
    assert all(r.query["date_to"] == "2025-03-03 09:00:00" for r in sent)  # kept on every page
    stamps = [r.timestamp for r in rows]
    assert stamps == sorted(stamps) and all(DAY_BEFORE <= t <= START for t in stamps)
    since = DAY_BEFORE.strftime("%Y-%m-%dT%H:%M:%S")
    checked = 0
    for tx in sim.transactions_for(uuid):
        if not tx["stopped_at"] or tx["started_at"] < since:
            continue
        register = [
            int(r.value)
            for r in rows
            if r.charger_transaction_id == tx["id"]
            and r.measurand == "Energy.Active.Import.Register"
        ]
        assert register[0] == tx["meter_start"] and register[-1] == tx["meter_stop"]
        checked += 1
    assert checked >= 1


def test_meter_value_filters_limit_and_order(sim: Simulator) -> None:
    uuid = busy(sim)
    window = {"date_from": DAY_BEFORE, "date_to": START}
    everything = fetch(sim, lambda c: c.list_meter_values(uuid, **window))
    for key, value in (
        ("measurand", "Current.Import"),
        ("phase", "L2"),
        ("unit", "W"),
        ("context", "Transaction.End"),
        ("location", "Outlet"),
    ):
        chosen = fetch(sim, lambda c, k=key, v=value: c.list_meter_values(uuid, **window, **{k: v}))
        expected = [r.id for r in everything if getattr(r, key) == value]
        assert expected and [r.id for r in chosen] == expected, key
    capped = fetch(sim, lambda c: c.list_meter_values(uuid, **window, limit=30))
    assert [r.id for r in capped] == [r.id for r in everything[:30]]
    newest = fetch(sim, lambda c: c.list_meter_values(uuid, **window, order="desc", limit=5))
    assert [r.timestamp for r in newest] == sorted((r.timestamp for r in everything), reverse=True)[
        :5
    ]
    assert requests_to(sim, "chargers.metervalues")[-1].query["order_by"] == "desc"


def test_meter_values_need_their_dates(sim: Simulator, monkeypatch: pytest.MonkeyPatch) -> None:
    uuid = busy(sim)
    before = len(sim.request_log)
    for bad in (
        {"date_from": None, "date_to": START},
        {"date_from": START, "date_to": "today"},
        {"date_from": START, "date_to": DAY_BEFORE},
    ):
        with pytest.raises(ValueError):
            fetch(sim, lambda c, bad=bad: c.list_meter_values(uuid, **bad))
    assert len(sim.request_log) == before  # refused before a request was spent

    # Should a request go out without them anyway, the server's 422 names the field.
    real = client_module.meter_value_params

    def without_from(**kwargs: Any) -> dict[str, str]:
        params = real(**kwargs)
        del params["date_from"]
        return params

    monkeypatch.setattr(client_module, "meter_value_params", without_from)
    with pytest.raises(ValidationError) as caught:
        fetch(sim, lambda c: c.list_meter_values(uuid, date_from=DAY_BEFORE, date_to=START))
    assert "date from" in str(caught.value).lower()
    assert [r.status for r in requests_to(sim, "chargers.metervalues")] == [422]


def test_latest_meter_value_is_the_raw_ocpp_message(sim: Simulator) -> None:
    uuid = pick(
        sim, lambda d: healthy(d) and any(c["status"] == "Charging" for c in d["connectors"])
    )
    number = next(
        c["connector_id"] for c in sim.charger(uuid)["connectors"] if c["status"] == "Charging"
    )
    latest = fetch(sim, lambda c: c.get_latest_meter_value(uuid, number))
    raw = httpx.get(
        f"{sim.base_url}/chargers/{uuid}/connectors/{number}/latest-metervalue",
        headers={"Authorization": f"Bearer {sim.token}"},
    ).json()
    assert latest.connector_id == raw["connectorId"] == number
    readings = latest.readings()
    assert len(readings) == sum(len(s["sampledValue"]) for s in raw["meterValue"])
    assert {v.measurand for _, v in readings} >= {"Energy.Active.Import.Register"}
    assert all(v.number is not None for _, v in readings)


# -- OCPP log --------------------------------------------------------------------------------


def test_log_pages_newest_first_with_methods_and_params_as_objects(sim: Simulator) -> None:
    uuid = busy(sim)
    window = {"date_from": DAY_BEFORE, "date_to": START}
    before = len(requests_to(sim, "chargers.logs"))
    log = fetch(sim, lambda c: c.list_charger_logs(uuid, **window))
    assert len(requests_to(sim, "chargers.logs")) - before == -(-len(log.entries) // 25) >= 3
    stamps = [e.created_at for e in log.entries]
    assert stamps == sorted(stamps, reverse=True)
    assert set(log.methods) == {e.method for e in log.entries}
    assert {"Heartbeat", "MeterValues", "StartTransaction", "StopTransaction"} <= set(log.methods)
    # The API sends some params/results as JSON text: the client always gives objects.
    assert all(isinstance(e.params, dict) for e in log.entries)
    assert all(e.result is None or isinstance(e.result, dict) for e in log.entries)
    oldest = fetch(sim, lambda c: c.list_charger_logs(uuid, **window, sort="created_at"))
    assert [e.id for e in oldest.entries] == [e.id for e in reversed(log.entries)]


@pytest.mark.parametrize(
    ("filters", "keep"),
    [
        ({"method": "StartTransaction"}, lambda e: e.method == "StartTransaction"),
        ({"status": "done"}, lambda e: e.status == "done"),
        ({"destination": "charger"}, lambda e: e.destination == "charger"),
        ({"destination": "centralsystem"}, lambda e: e.destination == "centralsystem"),
        ({"hide_insignificant": True}, lambda e: e.method not in ("Heartbeat", "MeterValues")),
        ({"hide_insignificant": False}, lambda e: True),
    ],
    ids=str,
)
def test_log_filters_narrow_consistently(
    sim: Simulator, filters: dict[str, Any], keep: Callable[[Any], bool]
) -> None:
    uuid = busy(sim)
    # A restart that times out leaves a failed Reset in the log, for the status filter.
    sim.force_action_outcome("timeout_lost")
    with pytest.raises(ChargerTimeoutError):
        fetch(sim, lambda c: c.restart_charger(uuid))
    window = {"date_from": DAY_BEFORE, "date_to": START + timedelta(minutes=1)}
    everything = fetch(sim, lambda c: c.list_charger_logs(uuid, **window)).entries
    chosen = fetch(sim, lambda c: c.list_charger_logs(uuid, **window, **filters)).entries
    expected = [e.id for e in everything if keep(e)]
    assert expected and [e.id for e in chosen] == expected
    if filters != {"hide_insignificant": False}:
        assert len(expected) < len(everything)
    assert any(e.status == "failed" and e.method == "Reset" for e in everything)


def test_log_date_filters_and_limit(sim: Simulator) -> None:
    uuid = busy(sim)
    noon = DAY_BEFORE + timedelta(hours=3)
    window = {"date_from": DAY_BEFORE, "date_to": START}
    everything = fetch(sim, lambda c: c.list_charger_logs(uuid, **window)).entries
    later = fetch(sim, lambda c: c.list_charger_logs(uuid, date_from=noon, date_to=START)).entries
    assert [e.id for e in later] == [e.id for e in everything if e.created_at >= noon]
    assert 0 < len(later) < len(everything)
    assert requests_to(sim, "chargers.logs")[-1].query["filter[date_from]"] == (
        noon.strftime("%Y-%m-%d %H:%M:%S")
    )
    day = fetch(
        sim,
        lambda c: c.list_charger_logs(uuid, date_from=DAY_BEFORE.date(), date_to=DAY_BEFORE.date()),
    ).entries
    assert day and all(e.created_at.date() == DAY_BEFORE.date() for e in day)
    assert requests_to(sim, "chargers.logs")[-1].query["filter[date_to]"] == "2025-03-02"
    capped = fetch(sim, lambda c: c.list_charger_logs(uuid, **window, limit=30)).entries
    assert [e.id for e in capped] == [e.id for e in everything[:30]]


# -- rename ---------------------------------------------------------------------------------


def test_rename_is_one_put_and_the_charger_has_the_new_name(sim: Simulator) -> None:
    uuid = pick(sim, healthy)
    renamed = fetch(sim, lambda c: c.rename_charger(uuid, "  Bay 12 (visitors) "))
    assert renamed.uuid == uuid and renamed.reference == "Bay 12 (visitors)"
    assert sim.charger(uuid)["reference"] == "Bay 12 (visitors)"
    assert [(r.method, r.route, r.status) for r in writes(sim)] == [("PUT", "chargers.update", 200)]
    locked_out = pick(sim, healthy, full=False)
    with pytest.raises(ForbiddenError) as caught:
        fetch(sim, lambda c: c.rename_charger(locked_out, "Mine now"))
    assert "permission" in str(caught.value) and len(writes(sim)) == 2


# -- actions -----------------------------------------------------------------------------------


def test_restart_is_accepted_and_the_charger_reboots(sim: Simulator) -> None:
    uuid = pick(sim, healthy)
    result = fetch(sim, lambda c: c.restart_charger(uuid))
    assert result.accepted and not result.unknown
    assert [(a.charger_uuid, a.action, a.outcome) for a in sim.action_log] == [
        (uuid, "restart", "accepted")
    ]
    sim.advance(3)
    assert sim.charger(uuid)["connection_status"] == "offline"
    sim.advance(90)
    assert sim.charger(uuid)["connection_status"] == "online"


def test_start_then_stop_opens_and_closes_a_transaction(sim: Simulator) -> None:
    uuid = pick(sim, idle)
    number = next(
        c["connector_id"] for c in sim.charger(uuid)["connectors"] if c["status"] == "Available"
    )
    before = {t["id"] for t in sim.transactions_for(uuid)}
    started = fetch(sim, lambda c: c.start_charging(uuid, "RFID-0042", connector_id=number))
    assert started.accepted
    sim.advance(30)
    opened = [t for t in sim.transactions_for(uuid) if t["id"] not in before]
    assert len(opened) == 1 and opened[0]["stopped_at"] is None
    assert opened[0]["id_tag"] == "RFID-0042"
    stopped = fetch(sim, lambda c: c.stop_charging(uuid, opened[0]["id"]))
    assert stopped.accepted
    sim.advance(30)
    closed = next(t for t in sim.transactions_for(uuid) if t["id"] == opened[0]["id"])
    assert closed["stopped_at"] is not None and closed["stop_reason"] == "Remote"
    bodies = [a.body for a in sim.action_log]
    assert bodies == [
        {"id_token": "RFID-0042", "connector_id": number},
        {"transaction_id": opened[0]["id"]},
    ]


def test_charge_limit_and_charging_profile_are_accepted(sim: Simulator) -> None:
    uuid = pick(sim, healthy)
    assert fetch(sim, lambda c: c.set_charge_limit(uuid, 0, 16)).accepted
    assert fetch(sim, lambda c: c.set_charging_profile(uuid, 1, PROFILE)).accepted
    assert [(a.action, a.status, a.outcome) for a in sim.action_log] == [
        ("charge-limit", 200, "accepted"),
        ("charging-profile", 200, "accepted"),
    ]
    assert sim.action_log[1].body["cs_charging_profiles"]["charging_profile_id"] == 7


def test_action_without_full_permission_is_403_sent_once(sim: Simulator) -> None:
    uuid = pick(sim, healthy, full=False)
    calls: list[Callable[[Any], Any]] = [
        lambda c: c.restart_charger(uuid),
        lambda c: c.start_charging(uuid, "RFID-1"),
        lambda c: c.set_lock(uuid, True),
    ]
    for method in calls:
        with pytest.raises(ForbiddenError) as caught:
            fetch(sim, method)
        assert "permission" in str(caught.value)
        assert_no_secrets(caught.value, sim.token)
    assert [(r.status, r.method) for r in writes(sim)] == [(403, "POST")] * 3
    assert [a.outcome for a in sim.action_log] == ["forbidden"] * 3


@pytest.mark.parametrize("outcome", ["timeout_done", "timeout_lost"])
def test_504_raises_charger_timeout_after_exactly_one_post(sim: Simulator, outcome: str) -> None:
    uuid = pick(sim, healthy)
    sim.force_action_outcome(outcome)
    with pytest.raises(ChargerTimeoutError) as caught:
        fetch(sim, lambda c: c.set_lock(uuid, True))
    message = str(caught.value)
    assert "did not answer in time" in message and "may still happen" in message
    assert [(r.route, r.status) for r in writes(sim)] == [("chargers.settings.lock.update", 504)]
    assert [(a.action, a.outcome) for a in sim.action_log] == [("settings/lock", outcome)]
    # The two 504s differ only in what happened: the client cannot tell, hence the words.
    sim.force_action_outcome("reply")
    locked = fetch(sim, lambda c: c.get_lock(uuid)).enabled
    assert locked is (outcome == "timeout_done")
    with pytest.raises(ChargerTimeoutError):
        sim.force_action_outcome(outcome)
        fetch(sim, lambda c: c.restart_charger(uuid))
    assert len(requests_to(sim, "chargers.actions.restart", "POST")) == 1


WRITES: list[tuple[str, Callable[[Any, str], Any]]] = [
    ("restart", lambda c, u: c.restart_charger(u)),
    ("start", lambda c, u: c.start_charging(u, "RFID-7", connector_id=1)),
    ("stop", lambda c, u: c.stop_charging(u)),
    ("charge-limit", lambda c, u: c.set_charge_limit(u, 1, 10)),
    ("charging-profile", lambda c, u: c.set_charging_profile(u, 0, PROFILE)),
    ("lock", lambda c, u: c.set_lock(u, True)),
    ("plug-charge", lambda c, u: c.set_plug_charge(u, True, "CARD-1")),
    (
        "public-charging",
        lambda c, u: c.set_public_charging_settings(
            u, enabled=True, price_per_kwh=35, start_fee=50, billing_plan="transaction"
        ),
    ),
    ("rename", lambda c, u: c.rename_charger(u, "Retry me not")),
]


@pytest.mark.parametrize("chaos", ["flaky", "drop"])
@pytest.mark.parametrize(("name", "write"), WRITES, ids=[w[0] for w in WRITES])
def test_no_write_is_ever_retried(
    sim: Simulator, chaos: str, name: str, write: Callable[[Any, str], Any]
) -> None:
    """500, 504 or a connection dropped mid-answer: each write went out once, and the
    client (which retries GETs up to max_attempts) raised instead of sending it again.
    (A 204 has no body to cut, so `drop` lets the settings writes through: still once.)"""
    uuid = pick(sim, healthy)
    sim.set_chaos(chaos, rate=1.0)
    clock = FakeClock()
    try:
        call(client_for(sim, clock, max_attempts=5), lambda c: write(c, uuid))
    except (ServerError, ChargerTimeoutError, NetworkError) as error:
        assert_no_secrets(error, sim.token)
    else:
        assert chaos == "drop" and writes(sim)[0].status == 204
    assert len(writes(sim)) == 1, [(r.method, r.path, r.status) for r in writes(sim)]
    assert clock.sleeps == []  # no backoff either: nothing was going to be retried


# -- settings ----------------------------------------------------------------------------------


def test_lock_round_trip_with_204(sim: Simulator) -> None:
    uuid = pick(sim, healthy)
    assert fetch(sim, lambda c: c.get_lock(uuid)).enabled is False
    assert fetch(sim, lambda c: c.set_lock(uuid, True)) is None
    assert [r.status for r in writes(sim)] == [204]
    sim.advance(5)
    assert fetch(sim, lambda c: c.get_lock(uuid)).enabled is True
    assert sim.charger(uuid)["status"] == "Unavailable"
    fetch(sim, lambda c: c.set_lock(uuid, False))
    sim.advance(5)
    assert sim.charger(uuid)["status"] == "Available"
    assert [(a.action, a.body, a.status) for a in sim.action_log] == [
        ("settings/lock", {"enabled": True}, 204),
        ("settings/lock", {"enabled": False}, 204),
    ]


def test_socket_lock_and_plug_charge(sim: Simulator) -> None:
    uuid = pick(sim, healthy)
    socket = fetch(sim, lambda c: c.get_socket_lock(uuid))
    assert isinstance(socket.enabled, bool) and socket.interactable is socket.enabled
    assert (socket.error is None) is socket.enabled
    plug = fetch(sim, lambda c: c.get_plug_charge(uuid))
    assert (plug.enabled, plug.current_card) == (False, None)
    fetch(sim, lambda c: c.set_plug_charge(uuid, True, "04A2B3C4D5"))
    plug = fetch(sim, lambda c: c.get_plug_charge(uuid))
    assert (plug.enabled, plug.current_card) == (True, "04A2B3C4D5")
    fetch(sim, lambda c: c.set_plug_charge(uuid, False))
    assert fetch(sim, lambda c: c.get_plug_charge(uuid)).enabled is False
    assert [r.status for r in writes(sim)] == [204, 204]
    with pytest.raises(ValueError):  # enabling needs the card it bills
        fetch(sim, lambda c: c.set_plug_charge(uuid, True))
    assert len(writes(sim)) == 2


def test_public_charging_settings_round_trip(sim: Simulator) -> None:
    code = sim.public_codes()[0]
    uuid = sim.charger_uuid_for_code(code)
    shown = fetch(sim, lambda c: c.get_public_charging_settings(uuid))
    assert shown.enabled and shown.public_code == code and shown.public_url.endswith(code)
    assert shown.preauth_amount and shown.limits.max_price_per_kwh == 150
    publish = {"price_per_kwh": 42, "start_fee": 99, "billing_plan": "subscription"}
    fetch(sim, lambda c: c.set_public_charging_settings(uuid, enabled=True, **publish))
    shown = fetch(sim, lambda c: c.get_public_charging_settings(uuid))
    assert (shown.price_per_kwh, shown.start_fee) == (42, 99)
    assert fetch(sim, lambda c: c.get_public_charger(code)).pricing.price_per_kwh == 42
    fetch(sim, lambda c: c.set_public_charging_settings(uuid, enabled=False, **publish))
    shown = fetch(sim, lambda c: c.get_public_charging_settings(uuid))
    assert shown.enabled is False and shown.public_code is None
    assert [r.status for r in writes(sim)] == [204, 204]
    # Above the API's limits: the server's 422 names the field, sent once.
    with pytest.raises(ValidationError) as caught:
        too_dear = {**publish, "price_per_kwh": 999}
        fetch(sim, lambda c: c.set_public_charging_settings(uuid, enabled=True, **too_dear))
    assert "price per kwh" in str(caught.value).lower()
    assert [r.status for r in writes(sim)] == [204, 204, 422]
