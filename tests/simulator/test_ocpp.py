"""The OCPP message log and the meter values: envelopes over several pages, every filter
and sort, 422s, and samples whose energy register adds up to each transaction's energy."""

from __future__ import annotations

import json
from datetime import timedelta
from itertools import pairwise
from typing import Any

import httpx

from plugdesk.simulator import Simulator
from tests.simulator.conftest import START
from tests.simulator.pages import SIMPLE, items, walk

FORMAT = "%Y-%m-%d %H:%M:%S"
DAY_BEFORE = (START - timedelta(days=1)).strftime(FORMAT)
NOW = START.strftime(FORMAT)


def busy_charger(sim: Simulator) -> str:
    """An online AC charger with finished transactions in the last day."""
    for uuid in sim.charger_uuids():
        detail = sim.charger(uuid)
        recent = [
            t
            for t in sim.transactions_for(uuid)
            if t["stopped_at"] and t["stopped_at"] > DAY_BEFORE.replace(" ", "T")
        ]
        if detail["connection_status"] == "online" and len(recent) >= 2:
            return uuid
    raise AssertionError("no busy charger")


def decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def test_log_is_newest_first_over_many_pages(fleet: Simulator, api: httpx.Client) -> None:
    uuid = busy_charger(fleet)
    pages = walk(api, f"chargers/{uuid}/logs")
    assert len(pages) >= 3 and set(pages[0]) == SIMPLE | {"filter_options"}
    rows = items(pages)
    assert len({r["id"] for r in rows}) == len(rows)
    stamps = [r["created_at"] for r in rows]
    assert stamps == sorted(stamps, reverse=True)
    assert stamps[0] <= fleet.now().strftime("%Y-%m-%dT%H:%M:%S.000000Z")
    assert {
        "id",
        "charger_id",
        "status",
        "version",
        "method",
        "destination",
        "params",
        "result",
        "created_at",
        "updated_at",
    } == set(rows[0])
    methods = set(pages[0]["filter_options"]["methods"])
    assert {
        "Heartbeat",
        "StatusNotification",
        "StartTransaction",
        "StopTransaction",
        "MeterValues",
    } <= methods
    assert {type(r["params"]) for r in rows} == {str, dict}  # both occur, as API.md says
    start = next(r for r in rows if r["method"] == "StartTransaction")
    params, result = decoded(start["params"]), decoded(start["result"])
    assert {"connectorId", "idTag", "meterStart", "timestamp"} <= set(params)
    assert result["idTagInfo"]["status"] == "Accepted" and "transactionId" in result
    ascending = items(walk(api, f"chargers/{uuid}/logs", sort="created_at"))
    assert [r["created_at"] for r in ascending] == sorted(stamps)
    assert {r["id"] for r in ascending} == {r["id"] for r in rows}


def test_log_filters(fleet: Simulator, api: httpx.Client) -> None:
    uuid = busy_charger(fleet)
    path = f"chargers/{uuid}/logs"

    def rows(**params: str) -> list[dict[str, Any]]:
        return items(walk(api, path, **params))

    everything = rows()
    two = rows(**{"filter[method]": "StartTransaction,StopTransaction"})
    assert two and {r["method"] for r in two} == {"StartTransaction", "StopTransaction"}
    assert len(two) == sum(
        r["method"] in ("StartTransaction", "StopTransaction") for r in everything
    )
    significant = rows(**{"filter[hide_insignificant]": "1"})
    assert significant and not {"Heartbeat", "MeterValues"} & {r["method"] for r in significant}
    assert len(significant) < len(everything)
    assert {r["destination"] for r in rows(**{"filter[destination]": "centralsystem"})} == {
        "centralsystem"
    }
    assert rows(**{"filter[destination]": "charger"}) == []  # no action asked of it yet
    assert rows(**{"filter[status]": "done"}) == everything
    assert rows(**{"filter[status]": "pending"}) == []
    hour = (START - timedelta(hours=3)).strftime(FORMAT)
    until = (START - timedelta(hours=2)).strftime(FORMAT)
    window = rows(**{"filter[date_from]": hour, "filter[date_to]": until})
    assert window and all(
        hour.replace(" ", "T") <= r["created_at"] <= until.replace(" ", "T") + ".000000Z"
        for r in window
    )
    day = rows(
        **{
            "filter[date_from]": START.strftime("%Y-%m-%d"),
            "filter[date_to]": START.strftime("%Y-%m-%d"),
        }
    )
    assert day and all(r["created_at"].startswith(START.strftime("%Y-%m-%d")) for r in day)
    for bad in (
        {"filter[status]": "sent"},
        {"filter[destination]": "moon"},
        {"filter[date_from]": "03/03/2025"},
        {"filter[hide_insignificant]": "2"},
    ):
        reply = api.get(path, params=bad)
        assert reply.status_code == 422 and reply.json()["errors"], bad
    assert api.get(path, params={"filter[colour]": "x"}).status_code == 400
    assert api.get(path, params={"sort": "method"}).status_code == 400


def test_meter_values_need_both_dates_in_the_right_format(
    fleet: Simulator, api: httpx.Client
) -> None:
    path = f"chargers/{fleet.charger_uuids()[1]}/metervalues"
    cases = [
        ({}, {"date_from", "date_to"}),
        ({"date_from": DAY_BEFORE}, {"date_to"}),
        ({"date_from": "2025-03-02T09:00:00Z", "date_to": NOW}, {"date_from"}),
        ({"date_from": DAY_BEFORE, "date_to": "2025-03-03"}, {"date_to"}),
        ({"date_from": NOW, "date_to": DAY_BEFORE}, {"date_to"}),
        ({"date_from": DAY_BEFORE, "date_to": NOW, "limit": "0"}, {"limit"}),
        ({"date_from": DAY_BEFORE, "date_to": NOW, "limit": "10001"}, {"limit"}),
    ]
    for params, fields in cases:
        reply = api.get(path, params=params)
        assert reply.status_code == 422, params
        body = reply.json()
        assert set(body) == {"message", "errors"} and set(body["errors"]) == fields, params


def test_meter_values_length_aware_pages_add_up_to_each_transaction(
    fleet: Simulator, api: httpx.Client
) -> None:
    uuid = busy_charger(fleet)
    params = {"date_from": DAY_BEFORE, "date_to": NOW}
    pages = walk(api, f"chargers/{uuid}/metervalues", **params)
    assert len(pages) >= 3
    meta = pages[0]["meta"]
    rows = items(pages)
    assert meta["total"] == len(rows) and meta["last_page"] == len(pages)
    assert pages[0]["links"]["last"] is not None
    assert [link["page"] for link in meta["links"][1:-1]] == list(range(1, len(pages) + 1))
    assert {
        "id",
        "charger_id",
        "charger_connector_id",
        "charger_transaction_id",
        "timestamp",
        "value",
        "context",
        "format",
        "measurand",
        "phase",
        "location",
        "unit",
    } == set(rows[0])
    assert all(isinstance(r["value"], str) for r in rows)
    finished = {t["id"]: t for t in fleet.transactions_for(uuid) if t["stopped_at"]}
    checked = 0
    for tx_id, tx in finished.items():
        register = [
            int(r["value"])
            for r in rows
            if r["charger_transaction_id"] == tx_id
            and r["measurand"] == "Energy.Active.Import.Register"
        ]
        if not register or tx["started_at"] < DAY_BEFORE.replace(" ", "T"):
            continue
        assert register == sorted(register)  # the register never runs back
        assert register[0] == tx["meter_start"] and register[-1] == tx["meter_stop"]
        assert round((register[-1] - register[0]) / 1000, 2) == round(float(tx["total_kwh"]), 2)
        checked += 1
    assert checked >= 2


def test_meter_value_filters_limit_and_order(fleet: Simulator, api: httpx.Client) -> None:
    uuid = busy_charger(fleet)
    path = f"chargers/{uuid}/metervalues"
    base = {"date_from": DAY_BEFORE, "date_to": NOW}
    everything = items(walk(api, path, **base))
    for key, value in (
        ("measurand", "Current.Import"),
        ("phase", "L2"),
        ("unit", "W"),
        ("context", "Transaction.End"),
        ("location", "Outlet"),
    ):
        chosen = items(walk(api, path, **base, **{key: value}))
        assert chosen and all(r[key] == value for r in chosen)
        assert len(chosen) == sum(r[key] == value for r in everything)
    capped = api.get(path, params={**base, "limit": "30"}).json()
    assert capped["meta"]["total"] == 30 and capped["meta"]["last_page"] == 2
    newest = api.get(path, params={**base, "order_by": "desc"}).json()["data"]
    assert newest[0]["timestamp"] == max(r["timestamp"] for r in everything)


def test_latest_meter_value_is_raw_ocpp(fleet: Simulator, api: httpx.Client) -> None:
    uuid = next(
        u
        for u in fleet.charger_uuids()
        if any(c["status"] == "Charging" for c in fleet.charger(u)["connectors"])
    )
    number = next(
        c["connector_id"] for c in fleet.charger(uuid)["connectors"] if c["status"] == "Charging"
    )
    fleet.advance(900)
    body = api.get(f"chargers/{uuid}/connectors/{number}/latest-metervalue").json()
    assert body["connectorId"] == number and "transactionId" in body
    (value,) = body["meterValue"]
    register = [s for s in value["sampledValue"] if "measurand" not in s]
    assert len(register) == 1 and register[0]["unit"] == "Wh"  # measurand left out
    power = next(s for s in value["sampledValue"] if s.get("measurand") == "Power.Active.Import")
    assert float(power["value"]) > 0
    assert api.get(f"chargers/{uuid}/connectors/9/latest-metervalue").status_code == 404


def test_a_started_and_limited_session_still_adds_up(fleet: Simulator, api: httpx.Client) -> None:
    fleet.force_action_outcome("reply")
    uuid = next(
        u
        for u in fleet.charger_uuids()
        if (d := fleet.charger(u))["permissions"]["full"]
        and d["status"] == "Available"
        and d["connection_status"] == "online"
        and d["connectors"][0]["status"] == "Available"
        and d["connectors"][0]["power_type"] != "DC"
    )
    start = api.post(
        f"chargers/{uuid}/actions/start", json={"connector_id": 1, "id_token": "METER-TEST"}
    )
    assert start.json() == {"status": "Accepted"}
    fleet.advance(1200)
    limit = api.post(f"chargers/{uuid}/actions/charge-limit", json={"connector_id": 1, "limit": 6})
    assert limit.json() == {"status": "Accepted"}
    fleet.advance(1200)
    assert api.post(f"chargers/{uuid}/actions/stop", json={}).json() == {"status": "Accepted"}
    fleet.advance(10)
    tx = next(t for t in fleet.transactions_for(uuid) if t["id_tag"] == "METER-TEST")
    assert tx["stopped_at"] is not None
    frm = START.strftime(FORMAT)
    to = fleet.now().strftime(FORMAT)
    rows = items(
        walk(
            api,
            f"chargers/{uuid}/metervalues",
            date_from=frm,
            date_to=to,
            measurand="Energy.Active.Import.Register",
        )
    )
    register = [int(r["value"]) for r in rows if r["charger_transaction_id"] == tx["id"]]
    assert register[0] == tx["meter_start"] and register[-1] == tx["meter_stop"]
    assert round((register[-1] - register[0]) / 1000, 2) == round(float(tx["total_kwh"]), 2)
    steps = [b - a for a, b in pairwise(register)]
    assert max(steps[-3:]) < max(steps[:3])  # the limit slowed the charge


def test_a_first_boot_is_logged(fleet: Simulator, api: httpx.Client) -> None:
    uuid = next(
        u for u in fleet.charger_uuids() if fleet.charger(u)["connection_status"] == "never_seen"
    )
    assert api.get(f"chargers/{uuid}/logs").json()["data"] == []
    fleet.force_online(uuid)
    fleet.advance(600)
    rows = items(walk(api, f"chargers/{uuid}/logs", **{"filter[hide_insignificant]": "1"}))
    assert [r["method"] for r in rows] == ["BootNotification"]
    params = decoded(rows[0]["params"])
    assert params["chargePointSerialNumber"] == fleet.charger(uuid)["identity"]
    everything = items(walk(api, f"chargers/{uuid}/logs"))
    assert everything[-1]["method"] == "BootNotification"  # nothing before the first boot
    assert {r["method"] for r in everything[:-1]} == {"Heartbeat"}
