"""Public charging: lookup, the session lifecycle on the simulated clock, every refusal."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from plugdesk.simulator import Simulator
from tests.simulator.conftest import Connect, MakeSim

SESSION_FIELDS = {
    "status", "failure_reason", "connector_id", "connector_status", "charger", "pricing",
    "amount_authorized", "energy_kwh", "cost_amount", "amount_captured", "tax_amount",
    "driver_email", "created_at", "authorized_at", "charging_started_at", "completed_at",
    "captured_at",
}  # fmt: skip


@pytest.fixture
def public(fleet: Simulator, connect: Connect) -> httpx.Client:
    return connect(fleet, token=None)


def _code(sim: Simulator, currency: str = "EUR") -> str:
    """A public code of an online charger whose connector 1 is free."""
    for code in sim.public_codes():
        info = sim.public_charger(code)
        if (
            info["online"]
            and info["pricing"]["currency"] == currency
            and info["connectors"][0]["status"] == "Available"
        ):
            return code
    raise AssertionError(f"no free {currency} public charger")


def _start(client: httpx.Client, code: str, **extra: Any) -> httpx.Response:
    return client.post("public-charging/sessions", json={"code": code, "connector_id": 1, **extra})


def _state(client: httpx.Client, token: str) -> dict[str, Any]:
    reply = client.get(f"public-charging/sessions/{token}")
    assert reply.status_code == 200
    body: dict[str, Any] = reply.json()
    return body


def test_lookup_by_code_is_case_insensitive_and_has_pricing(
    fleet: Simulator, public: httpx.Client
) -> None:
    codes = fleet.public_codes()
    assert len(codes) >= 5
    assert all(re.fullmatch(r"[A-Z0-9]{6,8}", c) for c in codes)
    for code in codes:
        body = public.get(f"public-charging/chargers/{code.lower()}").json()
        data = body["data"]
        assert data["public_code"] == code
        assert set(data) == {"public_code", "name", "online", "connectors", "pricing"}
        assert all(set(c) == {"connector_id", "status"} for c in data["connectors"])
        pricing = data["pricing"]
        assert isinstance(pricing["price_per_kwh"], int) and isinstance(pricing["start_fee"], int)
    currencies = [fleet.public_charger(c)["pricing"]["currency"] for c in codes]
    assert currencies.count("GBP") == 1 and currencies.count("JPY") == 1
    assert currencies.count("EUR") == len(codes) - 2
    assert public.get("public-charging/chargers/NOPE42").status_code == 404
    too_long = public.get("public-charging/chargers/ABCDEFGHIJK")
    assert too_long.status_code == 422 and "code" in too_long.json()["errors"]
    private = next(c for c in fleet.chargers() if c["connection_status"] == "online")
    assert public.get(f"public-charging/chargers/{private['identity'][:10]}").status_code == 404


def test_a_session_runs_from_created_to_captured(make_sim: MakeSim, connect: Connect) -> None:
    fleet = make_sim(public_rate_limits={"get": 100})  # we poll every simulated second
    public = connect(fleet, token=None)
    code = _code(fleet)
    started = _start(public, code, email="driver@example.com")
    assert started.status_code == 201
    body = started.json()
    token = body["session_token"]
    data = body["data"]
    assert set(data) == SESSION_FIELDS
    assert (data["status"], data["connector_status"]) == ("created", "Preparing")
    assert data["energy_kwh"] is None and data["cost_amount"] is None
    assert data["charger"]["public_code"] == code and data["driver_email"] == "driver@example.com"
    assert re.fullmatch(r"pi_\w+_secret_\w+", body["payment"]["client_secret"])
    assert body["payment"]["publishable_key"].startswith("pk_test_")
    assert fleet.sessions[token]["status"] == "created"

    confirmed = public.post(f"public-charging/sessions/{token}/confirm").json()
    assert confirmed["data"]["status"] == "authorized" and confirmed["payment"] is None
    assert confirmed["data"]["authorized_at"] is not None
    seen = ["created", "authorized"]
    energy: list[float] = []
    for _ in range(60):
        fleet.advance(1)
        state = _state(public, token)
        status = state["data"]["status"]
        if status != seen[-1]:
            seen.append(status)
        if status == "charging":
            energy.append(float(state["data"]["energy_kwh"]))
            assert state["data"]["connector_status"] == "Charging"
        if status == "captured":
            break
    assert seen == ["created", "authorized", "starting", "charging", "stopping", "settling",
                    "captured"]  # fmt: skip
    assert energy == sorted(energy) and energy[-1] > 0
    final = state["data"]
    pricing = final["pricing"]
    expected = pricing["start_fee"] + round(float(final["energy_kwh"]) * pricing["price_per_kwh"])
    assert final["amount_captured"] == final["cost_amount"] == min(expected, 5000)
    assert final["tax_amount"] == round(final["amount_captured"] * 0.21 / 1.21)
    for stamp in ("created_at", "authorized_at", "charging_started_at", "completed_at",
                  "captured_at"):  # fmt: skip
        assert final[stamp].endswith("+00:00")
    assert state["payment"] is None
    uuid = fleet.charger_uuid_for_code(code)
    session_tx = fleet.transactions_for(uuid)[0]
    assert session_tx["id_tag"].startswith("PUB-") and token[4:12] not in session_tx["id_tag"]
    fleet.advance(60)
    assert fleet.charger(uuid)["connectors"][0]["status"] == "Available"


def test_stopping_early_captures_what_was_delivered(fleet: Simulator, public: httpx.Client) -> None:
    token = _start(public, _code(fleet)).json()["session_token"]
    public.post(f"public-charging/sessions/{token}/confirm")
    fleet.advance(2 + 4 + 10)
    stopped = public.post(f"public-charging/sessions/{token}/stop")
    assert stopped.status_code == 200 and stopped.json()["data"]["status"] == "stopping"
    fleet.advance(6)
    final = _state(public, token)["data"]
    assert final["status"] == "captured" and float(final["energy_kwh"]) > 0
    again = public.post(f"public-charging/sessions/{token}/stop")
    assert again.status_code == 409 and again.json()["message"]


def test_stopping_before_energy_is_no_charge(fleet: Simulator, public: httpx.Client) -> None:
    token = _start(public, _code(fleet)).json()["session_token"]
    public.post(f"public-charging/sessions/{token}/confirm")
    fleet.advance(3)
    assert _state(public, token)["data"]["status"] == "starting"
    assert public.post(f"public-charging/sessions/{token}/stop").status_code == 200
    fleet.advance(10)
    final = _state(public, token)["data"]
    assert (final["status"], final["amount_captured"]) == ("no_charge", 0)
    assert final["failure_reason"]


def test_unconfirmed_sessions_expire_and_free_the_connector(
    make_sim: MakeSim, connect: Connect
) -> None:
    fleet = make_sim(public_session_expire_seconds=120)
    public = connect(fleet, token=None)
    code = _code(fleet)
    token = _start(public, code).json()["session_token"]
    fleet.advance(119)
    assert _state(public, token)["data"]["status"] == "created"
    fleet.advance(1)
    state = _state(public, token)
    assert state["data"]["status"] == "expired" and state["payment"] is None
    assert fleet.public_charger(code)["connectors"][0]["status"] == "Available"
    assert public.post(f"public-charging/sessions/{token}/confirm").status_code == 409


def test_cancel_only_before_charging(fleet: Simulator, public: httpx.Client) -> None:
    code = _code(fleet)
    token = _start(public, code).json()["session_token"]
    cancelled = public.post(f"public-charging/sessions/{token}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["data"]["status"] == "abandoned"
    assert public.post(f"public-charging/sessions/{token}/cancel").status_code == 409

    other = _code(fleet, "GBP")
    token = _start(public, other).json()["session_token"]
    assert public.post(f"public-charging/sessions/{token}/stop").status_code == 409
    public.post(f"public-charging/sessions/{token}/confirm")
    assert public.post(f"public-charging/sessions/{token}/confirm").status_code == 409
    fleet.advance(10)
    late = public.post(f"public-charging/sessions/{token}/cancel")
    assert late.status_code == 409 and late.json()["message"]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"connector_id": 1}, 422, "code"),
        ({"code": "ABCDEFGHIJKL", "connector_id": 1}, 422, "code"),
        ({"code": "{code}"}, 422, "connector_id"),
        ({"code": "{code}", "connector_id": 0}, 422, "connector_id"),
        ({"code": "{code}", "connector_id": "one"}, 422, "connector_id"),
        ({"code": "{code}", "connector_id": 7}, 422, "connector_id"),
        ({"code": "{code}", "connector_id": 1, "email": "not-an-email"}, 422, "email"),
        ({"code": "ZZZZZZ", "connector_id": 1}, 404, None),
    ],
)
def test_start_refusals(
    make_sim: MakeSim, connect: Connect, body: dict[str, Any], status: int, field: str | None
) -> None:
    sim = make_sim(public_rate_limits={"start": 50})
    client = connect(sim, token=None)
    if body.get("code") == "{code}":
        body = {**body, "code": _code(sim)}
    reply = client.post("public-charging/sessions", json=body)
    assert reply.status_code == status, reply.text
    if field is not None:
        assert list(reply.json()["errors"]) == [field]
    assert sim.sessions == {}


def test_offline_busy_and_capped_chargers_refuse(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim(public_rate_limits={"start": 50}, public_starts_per_hour=2)
    client = connect(sim, token=None)
    offline = next(c for c in sim.public_codes() if not sim.public_charger(c)["online"])
    assert _start(client, offline).status_code == 400
    faulted = next(
        c
        for c in sim.public_codes()
        if sim.public_charger(c)["connectors"][0]["status"] == "Faulted"
    )
    assert _start(client, faulted).status_code == 409
    code = _code(sim)
    first = _start(client, code).json()["session_token"]
    busy = _start(client, code)
    assert busy.status_code == 409 and busy.json()["message"]
    client.post(f"public-charging/sessions/{first}/cancel")
    second = _start(client, code)
    assert second.status_code == 201
    client.post(f"public-charging/sessions/{second.json()['session_token']}/cancel")
    capped = _start(client, code)
    assert capped.status_code == 429 and int(capped.headers["Retry-After"]) > 0
    sim.advance(3601)
    assert _start(client, code).status_code == 201
    assert client.get("public-charging/sessions/pcs_unknown").status_code == 404
    assert client.post("public-charging/sessions/pcs_unknown/stop").status_code == 404


def test_stop_while_the_charger_is_offline_is_a_400(fleet: Simulator, public: httpx.Client) -> None:
    code = _code(fleet)
    token = _start(public, code).json()["session_token"]
    public.post(f"public-charging/sessions/{token}/confirm")
    fleet.advance(10)
    fleet.force_offline(fleet.charger_uuid_for_code(code))
    assert public.post(f"public-charging/sessions/{token}/stop").status_code == 400


def test_a_fault_while_charging_settles_the_session(fleet: Simulator, public: httpx.Client) -> None:
    code = _code(fleet, "JPY")
    token = _start(public, code).json()["session_token"]
    public.post(f"public-charging/sessions/{token}/confirm")
    fleet.advance(20)
    fleet.force_fault(fleet.charger_uuid_for_code(code))
    fleet.advance(10)
    final = _state(public, token)["data"]
    assert final["status"] == "captured" and final["pricing"]["currency"] == "JPY"
    assert final["tax_amount"] == round(final["amount_captured"] * 0.10 / 1.10)


def test_three_starts_a_window_per_client(fleet: Simulator, public: httpx.Client) -> None:
    statuses = [_start(public, "ZZZZZZ").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]
