"""GET /chargers/{uuid}/transactions: filters, validation, ordering and field shapes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from plugdesk.simulator import Simulator


def _all(api: httpx.Client, uuid: str, **params: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    reply = api.get(f"chargers/{uuid}/transactions", params=params)
    while True:
        assert reply.status_code == 200, reply.text
        body = reply.json()
        rows.extend(body["data"])
        if body["links"]["next"] is None:
            return rows
        reply = httpx.get(body["links"]["next"], headers=api.headers)


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _busy_charger(fleet: Simulator) -> str:
    """A charger with an active session and a few pages of history."""
    for uuid in fleet.charger_uuids():
        rows = fleet.transactions_for(uuid)
        if len(rows) > 60 and any(r["stopped_at"] is None for r in rows):
            return uuid
    raise AssertionError("no busy charger in the default fleet")


def test_every_row_newest_first_and_shaped_like_the_docs(
    fleet: Simulator, api: httpx.Client
) -> None:
    uuid = _busy_charger(fleet)
    rows = _all(api, uuid)
    assert rows == fleet.transactions_for(uuid)
    starts = [(_when(r["started_at"]), r["id"]) for r in rows]
    assert starts == sorted(starts, reverse=True)
    fields = {
        "id", "charger_id", "charger_connector_id", "reservation_id", "id_tag", "meter_start",
        "meter_stop", "total_kwh", "started_at", "stopped_at", "stop_reason", "is_valid",
        "created_at", "updated_at",
    }  # fmt: skip
    assert all(set(r) == fields for r in rows)
    connectors = {c["id"] for c in fleet.charger(uuid)["connectors"]}
    assert {r["charger_connector_id"] for r in rows} <= connectors
    for row in rows:
        if row["stopped_at"] is None:
            assert row["meter_stop"] is None and row["stop_reason"] is None
        else:
            total = float(row["total_kwh"])
            assert total == pytest.approx((row["meter_stop"] - row["meter_start"]) / 1000, abs=0.01)
        assert re.fullmatch(r"04[0-9A-F]{12}|[0-9A-F]{8}|APP-[A-Z0-9]{8}", row["id_tag"])
    every = [r for u in fleet.charger_uuids() for r in fleet.transactions_for(u)]
    kinds = {type(r["total_kwh"]) for r in every if r["total_kwh"] is not None}
    assert kinds == {str, float}  # the docs say number, the examples say "7.00": both occur
    assert any(
        re.fullmatch(r"\d+\.\d\d", r["total_kwh"]) for r in every if isinstance(r["total_kwh"], str)
    )


def test_status_filters_split_active_from_finished(fleet: Simulator, api: httpx.Client) -> None:
    uuid = _busy_charger(fleet)
    active = _all(api, uuid, **{"filter[status]": "active"})
    finished = _all(api, uuid, **{"filter[status]": "finished"})
    assert active and all(r["stopped_at"] is None for r in active)
    assert finished and all(r["stopped_at"] is not None for r in finished)
    assert len(active) + len(finished) == len(fleet.transactions_for(uuid))


def test_date_filters_match_server_truth(fleet: Simulator, api: httpx.Client) -> None:
    uuid = _busy_charger(fleet)
    truth = fleet.transactions_for(uuid)
    start = fleet.now() - timedelta(days=60)
    until = fleet.now() - timedelta(days=10)
    params = {
        "filter[started_from]": start.date().isoformat(),
        "filter[stopped_until]": until.date().isoformat(),
    }
    got = _all(api, uuid, **params)
    day_start = datetime.combine(start.date(), datetime.min.time(), UTC)
    day_end = datetime.combine(until.date(), datetime.min.time(), UTC) + timedelta(days=1)
    expected = [
        r
        for r in truth
        if _when(r["started_at"]) >= day_start
        and r["stopped_at"] is not None
        and _when(r["stopped_at"]) < day_end
    ]
    assert got == expected and got
    moment = _all(api, uuid, **{"filter[started_from]": start.isoformat().replace("+00:00", "Z")})
    assert moment == [r for r in truth if _when(r["started_at"]) >= start]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"limit": "0"}, "limit", "The limit field must be between 1 and 10000."),
        ({"limit": "10001"}, "limit", "The limit field must be between 1 and 10000."),
        ({"limit": "ten"}, "limit", "The limit field must be an integer."),
        ({"filter[status]": "open"}, "filter.status", "The selected filter.status is invalid."),
        (
            {"filter[started_from]": "yesterday-ish"},
            "filter.started_from",
            "The filter.started from field must be a valid date.",
        ),
        (
            {"filter[started_from]": "2025-02-10", "filter[stopped_until]": "2025-02-01"},
            "filter.stopped_until",
            "The filter.stopped until field must be a date after or equal to filter.started from.",
        ),
    ],
)
def test_invalid_parameters_get_422_with_field_errors(
    fleet: Simulator, api: httpx.Client, params: dict[str, str], field: str, message: str
) -> None:
    reply = api.get(f"chargers/{fleet.charger_uuids()[0]}/transactions", params=params)
    assert reply.status_code == 422
    body = reply.json()
    assert body["errors"] == {field: [message]}
    assert body["message"] == message


def test_two_bad_parameters_report_both(fleet: Simulator, api: httpx.Client) -> None:
    params = {"limit": "-1", "filter[status]": "x"}
    body = api.get(f"chargers/{fleet.charger_uuids()[0]}/transactions", params=params).json()
    assert set(body["errors"]) == {"limit", "filter.status"}
    assert body["message"].endswith("(and 1 more error)")


def test_unknown_filter_is_a_400_naming_the_allowed_ones(
    fleet: Simulator, api: httpx.Client
) -> None:
    reply = api.get(f"chargers/{fleet.charger_uuids()[0]}/transactions?filter[tag]=x")
    assert reply.status_code == 400
    assert "status, started_from, stopped_until" in reply.json()["message"]


def test_limit_one_gives_the_newest(fleet: Simulator, api: httpx.Client) -> None:
    uuid = _busy_charger(fleet)
    body = api.get(f"chargers/{uuid}/transactions", params={"limit": 1}).json()
    assert body["data"] == fleet.transactions_for(uuid)[:1]
    assert body["links"]["next"] is None


def test_added_transactions_are_served_as_given(fleet: Simulator, api: httpx.Client) -> None:
    uuid = fleet.charger_uuids()[3]
    added = fleet.add_transaction(uuid, id_tag='=HYPERLINK("http://x")', total_kwh="7.00")
    old = fleet.add_transaction(
        uuid, started_at=datetime(2024, 1, 2, 8, tzinfo=UTC), stopped_at="2024-01-02T09:00:00Z"
    )
    active = fleet.add_transaction(uuid, stopped_at=None)
    rows = _all(api, uuid)
    assert rows[0]["id"] == active["id"] and rows[0]["stopped_at"] is None
    assert rows[1] == added and added["id_tag"] == '=HYPERLINK("http://x")'
    assert added["total_kwh"] == "7.00"
    assert rows[-1] == old and old["started_at"] == "2024-01-02T08:00:00.000000Z"
    only_old = _all(api, uuid, **{"filter[stopped_until]": "2024-01-02"})
    assert only_old == [old]


def test_live_sessions_join_history_with_continuous_meters(make_sim: Any) -> None:
    sim: Simulator = make_sim(chargers=12, seed=3)
    sim.advance(6 * 3600)
    checked = 0
    for uuid in sim.charger_uuids():
        rows = sim.transactions_for(uuid)
        registers: dict[int, int] = {}
        for row in reversed(rows):  # oldest first
            connector = row["charger_connector_id"]
            if connector in registers:
                assert row["meter_start"] == registers[connector], row
                checked += 1
            if row["meter_stop"] is not None:
                registers[connector] = row["meter_stop"]
    assert checked > 200
