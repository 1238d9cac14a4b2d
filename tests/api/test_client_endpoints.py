"""Sites, teams, meter values, OCPP log, actions and settings over real loopback HTTP.

A `CannedServer` (tests/api/loopback.py) answers canned JSON shaped as shared/API.md
documents and records every request, so these tests see exactly what went on the wire:
paths, query strings, bodies, how many times a write was sent."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from plugdesk.api.budget import RequestBudget
from plugdesk.api.charger_models import DEFAULT_MEASURAND
from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.errors import (
    ChargerTimeoutError,
    ForbiddenError,
    GatewayTimeoutError,
    NetworkError,
    ServerError,
)
from tests.api import samples
from tests.api.helpers import FakeClock
from tests.api.loopback import CannedServer, Reply, flat_page, length_aware_page, simple_page

TOKEN = "42|loopback-token-0123456789"
CHARGER = "c-0001"


@pytest.fixture
def server() -> Iterator[CannedServer]:
    with CannedServer() as canned:
        yield canned


def call(server: CannedServer, action: Callable[[PlugchoiceClient], Awaitable[Any]]) -> Any:
    """Run `action` with a fresh client on the server; waits cost no real time."""
    clock = FakeClock()

    async def go() -> Any:
        budget = RequestBudget(clock=clock, sleep=clock.sleep)
        async with PlugchoiceClient(
            server.base_url, TOKEN, sleep=clock.sleep, budget=budget
        ) as client:
            result = await action(client)
            call.budget_used = budget.used_last_window()  # type: ignore[attr-defined]
            return result

    return asyncio.run(go())


def site(uuid: str, smart_charging: Any = "disabled") -> dict[str, Any]:
    return {"uuid": uuid, "id": 1, "name": f"Site {uuid}", "smart_charging": smart_charging}


# -- the three envelopes, paged ---------------------------------------------------------------


def test_simple_paginator_three_pages_keep_search_and_team(server: CannedServer) -> None:
    # Page 2's link keeps the filters, page 3's link drops them: they must come back.
    pages = [
        simple_page([site("s1", True)], server.url("/sites", page="2", search="bay", team="t9")),
        simple_page([site("s2", False)], server.url("/sites", page="3"), page=2),
        simple_page([site("s3", "off_peak")], None, page=3),
    ]
    server.paged("/sites", pages)
    sites = call(server, lambda c: c.list_sites(search="bay", team="t9"))
    assert [s.uuid for s in sites] == ["s1", "s2", "s3"]
    assert [s.smart_charging for s in sites] == ["enabled", "disabled", "off_peak"]
    seen = server.seen("GET", "/sites")
    assert [r.query.get("page", "1") for r in seen] == ["1", "2", "3"]
    assert all(r.query["search"] == "bay" and r.query["team"] == "t9" for r in seen)


def test_length_aware_meter_values_three_pages_with_every_filter(server: CannedServer) -> None:
    row = {"id": 1, "timestamp": "2026-01-25T10:46:59.000000Z", "value": "28003", "unit": "Wh"}
    path = f"/chargers/{CHARGER}/metervalues"
    pages = [
        length_aware_page([row], server.url(path, page="2"), 1, 3, 3),
        length_aware_page([{**row, "id": 2}], server.url(path, page="3"), 2, 3, 3),
        length_aware_page([{**row, "id": 3, "value": "x"}], None, 3, 3, 3),
    ]
    server.paged(path, pages)
    cest = timezone(timedelta(hours=2))
    values = call(
        server,
        lambda c: c.list_meter_values(
            CHARGER,
            date_from=datetime(2026, 1, 25, 12, 0, 0, tzinfo=cest),
            date_to=date(2026, 1, 26),
            context="Sample.Periodic",
            measurand="Power.Active.Import",
            phase="L1",
            location="Outlet",
            unit="W",
            limit=500,
            order="desc",
        ),
    )
    assert [v.id for v in values] == [1, 2, 3]
    assert values[0].number == 28003.0 and values[2].number is None
    expected = {
        "date_from": "2026-01-25 10:00:00",  # UTC, zone-less
        "date_to": "2026-01-26 00:00:00",
        "context": "Sample.Periodic",
        "measurand": "Power.Active.Import",
        "phase": "L1",
        "location": "Outlet",
        "unit": "W",
        "limit": "500",
        "order_by": "desc",
    }
    seen = server.seen("GET", path)
    assert len(seen) == 3
    for request in seen:
        assert {k: request.query.get(k) for k in expected} == expected


def test_flat_envelope_team_chargers_three_pages_with_every_filter(server: CannedServer) -> None:
    def item(uuid: str) -> dict[str, Any]:
        return {
            "uuid": uuid,
            "identity": uuid.upper(),
            "connection_status": "online",
            "status": "Faulted",
            "internal_model": {"name": "Terra AC W22", "sku": "TAC-W22"},
            "site": {"uuid": "s1", "name": "Main Office"},
            "connectors": {"data": [{"id": 1, "connector_id": 1, "status": "Faulted"}]},
        }

    path = "/teams/t1/chargers"
    pages = [
        flat_page([item("a")], server.url(path, page="2")),
        flat_page([item("b")], "/api/v3/teams/t1/chargers?page=3"),  # relative, no filters
        flat_page([item("c")], None, filter_options={"vendors": ["ABB"]}),
    ]
    server.paged(path, pages)
    filters = {
        "search": "CHARGER-001",
        "connection_status": "offline",
        "status": "Faulted",
        "connector_status": "Faulted",
        "vendor": "ABB",
        "license": "pro",
        "site_uuid": "s1",
        "sort": "-created_at",
    }
    chargers = call(server, lambda c: c.list_team_chargers("t1", **filters))
    assert [ch.uuid for ch in chargers] == ["a", "b", "c"]
    assert chargers[0].site is not None and chargers[0].site.name == "Main Office"
    assert [con.status for con in chargers[0].connector_list] == ["Faulted"]
    expected = {
        "search": "CHARGER-001",
        "filter[connection_status]": "offline",
        "filter[status]": "Faulted",
        "filter[connector_status]": "Faulted",
        "filter[vendor]": "ABB",
        "filter[license]": "pro",
        "filter[site_uuid]": "s1",
        "sort": "-created_at",
    }
    seen = server.seen("GET", path)
    assert [r.query.get("page", "1") for r in seen] == ["1", "2", "3"]
    for request in seen:
        assert {k: request.query.get(k) for k in expected} == expected


# -- sites and teams --------------------------------------------------------------------------


def test_site_endpoints(server: CannedServer) -> None:
    server.route("GET", "/sites/s1", {"data": site("s1", True)})
    server.route(
        "GET",
        "/sites/s1/chargers",
        simple_page([{**samples.CHARGER, "connectors": [{"connector_id": 1}]}], None),
    )
    server.route(
        "GET",
        "/sites/s1/connectors",
        simple_page(
            [{"id": 5, "connector_id": 2, "status": "Charging", "charger": {"uuid": "c9"}}], None
        ),
    )
    server.route("GET", "/sites/s1/transactions", simple_page([samples.transaction()], None))
    server.route("GET", "/teams/t1/sites", flat_page([site("s1")], None))
    server.route(
        "GET",
        "/teams/t1/transactions",
        flat_page(
            [
                {
                    "id": 7,
                    "status": "finished",
                    "total_kwh": "7.00",
                    "started_at": "2026-01-10 01:14:32",
                    "charger": {"uuid": "c9", "site": {"uuid": "s1", "name": "Main"}},
                }
            ],
            None,
        ),
    )

    async def everything(c: PlugchoiceClient) -> list[Any]:
        return [
            await c.get_site("s1"),
            await c.list_site_chargers("s1"),
            await c.list_site_connectors("s1"),
            await c.list_site_transactions("s1"),
            await c.list_team_sites("t1"),
            await c.list_team_transactions("t1"),
        ]

    one, chargers, connectors, transactions, team_sites, team_rows = call(server, everything)
    assert one.uuid == "s1" and one.smart_charging == "enabled"
    assert chargers[0].connectors[0].connector_id == 1
    assert connectors[0].charger.uuid == "c9"
    assert transactions[0].id == samples.transaction()["id"]
    assert team_sites[0].uuid == "s1"
    row = team_rows[0]
    assert row.total_kwh == 7.0 and row.started_at.tzinfo is not None
    assert row.charger.site.name == "Main"


def test_teams_404_falls_back_to_the_union_of_site_teams(server: CannedServer) -> None:
    server.route("GET", "/teams", Reply(404, {"message": "Not Found"}))
    server.paged(
        "/sites",
        [
            simple_page([site("s1")], server.url("/sites", page="2")),
            simple_page([site("s2")], None, page=2),
        ],
    )
    server.route("GET", "/sites/s1/teams", simple_page([{"uuid": "t1"}, {"uuid": "t2"}], None))
    server.route(
        "GET", "/sites/s2/teams", simple_page([{"uuid": "t2"}, {"uuid": "t3", "name": "C"}], None)
    )
    teams = call(server, lambda c: c.list_teams())
    assert [t.uuid for t in teams] == ["t1", "t2", "t3"]
    assert len(server.seen("GET", "/teams")) == 1  # a 404 is not retried


def test_teams_endpoint_is_used_when_it_exists(server: CannedServer) -> None:
    server.route("GET", "/teams", simple_page([{"uuid": "t1", "name": "Ops"}], None))
    teams = call(server, lambda c: c.list_teams())
    assert [(t.uuid, t.name) for t in teams] == [("t1", "Ops")]
    assert not server.seen("GET", "/sites")


# -- meter values and OCPP log ----------------------------------------------------------------


def test_latest_meter_value_fills_a_missing_measurand(server: CannedServer) -> None:
    server.route(
        "GET",
        f"/chargers/{CHARGER}/connectors/1/latest-metervalue",
        {
            "connectorId": 1,
            "meterValue": [
                {
                    "timestamp": "2026-01-10T01:14:32.628Z",
                    "sampledValue": [
                        {"value": "1234.5", "unit": "Wh"},
                        {"value": "16", "measurand": "Current.Import", "phase": "L1"},
                    ],
                }
            ],
        },
    )
    latest = call(server, lambda c: c.get_latest_meter_value(CHARGER, 1))
    readings = latest.readings()
    assert latest.connector_id == 1
    assert [v.measurand for _, v in readings] == [DEFAULT_MEASURAND, "Current.Import"]
    assert readings[0][1].number == 1234.5 and readings[0][0].tzinfo is not None


def test_logs_every_filter_params_as_string_or_object_and_methods(server: CannedServer) -> None:
    path = f"/chargers/{CHARGER}/logs"
    entries = [
        {
            "id": 1,
            "method": "BootNotification",
            "params": '{"chargePointVendor": "ABB"}',
            "result": {"status": "Accepted"},
        },
        {"id": 2, "method": "Heartbeat", "params": {}, "result": '{"currentTime": "now"}'},
        {"id": 3, "method": "DataTransfer", "params": "not json {", "result": None},
    ]
    options = {"methods": ["BootNotification", "Heartbeat"]}
    server.paged(
        path,
        [
            simple_page(entries[:2], server.url(path, page="2"), 1) | {"filter_options": options},
            simple_page(entries[2:], None, 2) | {"filter_options": options},
        ],
    )
    result = call(
        server,
        lambda c: c.list_charger_logs(
            CHARGER,
            method="BootNotification",
            status="done",
            destination="centralsystem",
            hide_insignificant=True,
            date_from=date(2026, 1, 1),
            date_to=datetime(2026, 1, 2, 12, 30, tzinfo=UTC),
            sort="-created_at",
        ),
    )
    assert [e.params for e in result.entries] == [
        {"chargePointVendor": "ABB"},
        {},
        "not json {",
    ]
    assert [e.result for e in result.entries] == [
        {"status": "Accepted"},
        {"currentTime": "now"},
        None,
    ]
    assert result.methods == ["BootNotification", "Heartbeat"]
    expected = {
        "filter[method]": "BootNotification",
        "filter[status]": "done",
        "filter[destination]": "centralsystem",
        "filter[hide_insignificant]": "1",
        "filter[date_from]": "2026-01-01",
        "filter[date_to]": "2026-01-02 12:30:00",
        "sort": "-created_at",
    }
    for request in server.seen("GET", path):
        assert {k: request.query.get(k) for k in expected} == expected
    assert len(server.seen("GET", path)) == 2


# -- actions and settings ---------------------------------------------------------------------


def test_actions_send_their_bodies_and_read_the_status(server: CannedServer) -> None:
    base = f"/chargers/{CHARGER}/actions"
    server.route("POST", f"{base}/restart", {"status": "Accepted"})
    server.route("POST", f"{base}/start", Reply(201, {"status": "Rejected"}))
    server.route("POST", f"{base}/stop", {"status": "Accepted"})
    server.route("POST", f"{base}/charge-limit", {})
    server.route("POST", f"{base}/charging-profile", Reply(204))
    profile = {
        "charging_profile_id": 1,
        "stack_level": 0,
        "charging_profile_purpose": "TxDefaultProfile",
        "charging_profile_kind": "Absolute",
        "charging_schedule": {
            "charging_rate_unit": "A",
            "charging_schedule_period": [{"start_period": 0, "limit": 16}],
        },
    }

    async def actions(c: PlugchoiceClient) -> list[Any]:
        return [
            await c.restart_charger(CHARGER),
            await c.start_charging(CHARGER, "CARD-1", connector_id=2),
            await c.stop_charging(CHARGER),
            await c.set_charge_limit(CHARGER, 0, 10.5),
            await c.set_charging_profile(CHARGER, 1, profile),
        ]

    restart, start, stop, limit, charging_profile = call(server, actions)
    assert restart.accepted and start.rejected and stop.accepted
    assert limit.unknown and charging_profile.unknown
    bodies = {r.path.rsplit("/", 1)[-1]: r.json for r in server.requests}
    assert bodies == {
        "restart": None,
        "start": {"id_token": "CARD-1", "connector_id": 2},
        "stop": {},
        "charge-limit": {"connector_id": 0, "limit": 10.5, "stack_level": 1},
        "charging-profile": {"connector_id": 1, "cs_charging_profiles": profile},
    }
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in server.requests)
    assert call.budget_used == 5  # type: ignore[attr-defined]  # every write took a slot


def test_settings_read_and_write_with_204(server: CannedServer) -> None:
    base = f"/chargers/{CHARGER}/settings"
    server.route("GET", f"{base}/lock", {"enabled": True})
    server.route("POST", f"{base}/lock", Reply(204))
    server.route("GET", f"{base}/socket-lock", {"enabled": False, "interactable": True})
    server.route("GET", f"{base}/plug-charge", {"enabled": True, "current_card": "04AB"})
    server.route("POST", f"{base}/plug-charge", Reply(204))
    server.route(
        "GET",
        f"{base}/public-charging",
        {
            "enabled": True,
            "price_per_kwh": 35,
            "start_fee": 50,
            "currency": "EUR",
            "limits": {"max_price_per_kwh": 100, "max_start_fee": 500},
            "connect": {"onboarded": True},
        },
    )
    server.route("POST", f"{base}/public-charging", Reply(204))

    async def settings(c: PlugchoiceClient) -> list[Any]:
        return [
            await c.get_lock(CHARGER),
            await c.set_lock(CHARGER, False),
            await c.get_socket_lock(CHARGER),
            await c.get_plug_charge(CHARGER),
            await c.set_plug_charge(CHARGER, True, "04AB"),
            await c.get_public_charging_settings(CHARGER),
            await c.set_public_charging_settings(
                CHARGER, enabled=True, price_per_kwh=35, start_fee=0, billing_plan="transaction"
            ),
        ]

    lock, lock_set, socket, plug, plug_set, public, public_set = call(server, settings)
    assert lock.enabled is True and lock_set is None
    assert socket.interactable is True and socket.error is None
    assert plug.current_card == "04AB" and plug_set is None
    assert public.limits.max_start_fee == 500 and public.billing is None and public_set is None
    posts = {r.path.rsplit("/", 1)[-1]: r.json for r in server.requests if r.method == "POST"}
    assert posts == {
        "lock": {"enabled": False},
        "plug-charge": {"enabled": True, "card_uid": "04AB"},
        "public-charging": {
            "enabled": True,
            "price_per_kwh": 35,
            "start_fee": 0,
            "billing_plan": "transaction",
        },
    }


def test_rename_puts_the_reference(server: CannedServer) -> None:
    server.route("PUT", f"/chargers/{CHARGER}", {"data": {**samples.CHARGER, "reference": "Bay 2"}})
    renamed = call(server, lambda c: c.rename_charger(CHARGER, "  Bay 2 "))
    assert renamed.reference == "Bay 2"
    assert server.requests[0].json == {"reference": "Bay 2"}


def test_403_on_an_action_says_the_token_lacks_permission(server: CannedServer) -> None:
    server.route(
        "POST", f"/chargers/{CHARGER}/actions/restart", Reply(403, {"message": "unauthorized"})
    )
    with pytest.raises(ForbiddenError) as caught:
        call(server, lambda c: c.restart_charger(CHARGER))
    assert "lacks permission" in str(caught.value) and CHARGER in str(caught.value)
    assert len(server.requests) == 1


WRITES: list[tuple[str, str, Callable[[PlugchoiceClient], Awaitable[Any]]]] = [
    ("POST", "/actions/restart", lambda c: c.restart_charger(CHARGER)),
    ("POST", "/actions/start", lambda c: c.start_charging(CHARGER, "CARD")),
    ("POST", "/actions/stop", lambda c: c.stop_charging(CHARGER, 12)),
    ("POST", "/actions/charge-limit", lambda c: c.set_charge_limit(CHARGER, 1, 6)),
    ("POST", "/settings/lock", lambda c: c.set_lock(CHARGER, True)),
    ("POST", "/settings/plug-charge", lambda c: c.set_plug_charge(CHARGER, False)),
    (
        "POST",
        "/settings/public-charging",
        lambda c: c.set_public_charging_settings(
            CHARGER, enabled=False, price_per_kwh=0, start_fee=0, billing_plan="subscription"
        ),
    ),
    ("PUT", "", lambda c: c.rename_charger(CHARGER, "New name")),
]


@pytest.mark.parametrize(("method", "suffix", "write"), WRITES)
def test_504_on_a_write_is_its_own_error_after_one_request(
    server: CannedServer, method: str, suffix: str, write: Any
) -> None:
    message = {"message": "The charger did not respond in time."}
    server.route(method, f"/chargers/{CHARGER}{suffix}", Reply(504, message))
    with pytest.raises(ChargerTimeoutError) as caught:
        call(server, write)
    assert isinstance(caught.value, GatewayTimeoutError)
    assert "did not answer in time" in str(caught.value)
    assert "may still happen" in str(caught.value)
    assert len(server.requests) == 1


@pytest.mark.parametrize(("method", "suffix", "write"), WRITES)
def test_writes_are_never_retried_after_500_or_a_lost_connection(
    server: CannedServer, method: str, suffix: str, write: Any
) -> None:
    server.route(method, f"/chargers/{CHARGER}{suffix}", [Reply(500), Reply(200, {})])
    with pytest.raises(ServerError):
        call(server, write)
    assert len(server.requests) == 1
    server.requests.clear()
    server.route(method, f"/chargers/{CHARGER}{suffix}", [Reply(drop=True), Reply(200, {})])
    with pytest.raises(NetworkError):
        call(server, write)
    assert len(server.requests) == 1


def test_reads_are_still_retried_after_500(server: CannedServer) -> None:
    server.route("GET", f"/chargers/{CHARGER}/settings/lock", [Reply(500), {"enabled": False}])
    lock = call(server, lambda c: c.get_lock(CHARGER))
    assert lock.enabled is False and len(server.requests) == 2


# -- argument checks, before any request ------------------------------------------------------

FROM = datetime(2026, 1, 2, tzinfo=UTC)
TO = datetime(2026, 1, 3, tzinfo=UTC)


@pytest.mark.parametrize(
    ("action", "words"),
    [
        (lambda c: c.list_sites(search=" "), "site search"),
        (lambda c: c.get_site(""), "site UUID"),
        (lambda c: c.list_team_chargers("t", status="Broken"), "charger status"),
        (lambda c: c.list_team_chargers("t", connector_status="faulted"), "connector status"),
        (lambda c: c.list_team_chargers("t", connection_status="up"), "connection status"),
        (lambda c: c.list_team_chargers("t", sort="name"), "Sort by"),
        (lambda c: c.list_team_chargers("t", sort="--status"), "Sort by"),
        (lambda c: c.list_meter_values("c", date_from=TO, date_to=FROM), "earlier"),
        (lambda c: c.list_meter_values("c", date_from="2026", date_to=TO), "date_from"),
        (lambda c: c.list_meter_values("c", date_from=FROM, date_to=TO, limit=10_001), "limit"),
        (lambda c: c.list_meter_values("c", date_from=FROM, date_to=TO, order="up"), "order"),
        (lambda c: c.list_charger_logs("c", status="ok"), "log status"),
        (lambda c: c.list_charger_logs("c", destination="cloud"), "destination"),
        (lambda c: c.list_charger_logs("c", hide_insignificant=1), "hide_insignificant"),
        (lambda c: c.list_charger_logs("c", sort="method"), "Sort by"),
        (lambda c: c.list_charger_logs("c", date_from=TO, date_to=FROM), "earlier"),
        (lambda c: c.start_charging("c", ""), "ID token"),
        (lambda c: c.start_charging("c", "x" * 21), "at most 20"),
        (lambda c: c.start_charging("c", "CARD", connector_id=0), "connector number"),
        (lambda c: c.stop_charging("c", -1), "transaction id"),
        (lambda c: c.set_charge_limit("c", -1, 6), "connector number"),
        (lambda c: c.set_charge_limit("c", 0, -0.5), "charge limit"),
        (lambda c: c.set_charge_limit("c", 0, float("nan")), "charge limit"),
        (lambda c: c.set_charge_limit("c", 0, 6, stack_level=-1), "stack level"),
        (lambda c: c.set_charging_profile("c", 1, {}), "charging profile"),
        (lambda c: c.set_charging_profile("c", 1, {"stack_level": 1}), "charging_schedule"),
        (lambda c: c.set_lock("c", "yes"), "enabled"),
        (lambda c: c.set_plug_charge("c", True), "card UID"),
        (lambda c: c.set_plug_charge("c", True, "x" * 21), "at most 20"),
        (
            lambda c: c.set_public_charging_settings(
                "c", enabled=True, price_per_kwh=0.35, start_fee=0, billing_plan="transaction"
            ),
            "cents",
        ),
        (
            lambda c: c.set_public_charging_settings(
                "c", enabled=True, price_per_kwh=35, start_fee=0, billing_plan="monthly"
            ),
            "billing plan",
        ),
        (lambda c: c.rename_charger("c", "x" * 256), "at most 255"),
        (lambda c: c.get_latest_meter_value("c", 0), "connector number"),
    ],
)
def test_bad_arguments_fail_before_any_request(
    server: CannedServer, action: Any, words: str
) -> None:
    async def attempt(c: PlugchoiceClient) -> None:
        result = action(c)
        if hasattr(result, "__anext__"):
            await result.__anext__()
        else:
            await result

    with pytest.raises(ValueError, match=words):
        call(server, attempt)
    assert server.requests == []
