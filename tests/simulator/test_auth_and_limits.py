"""Auth, error bodies and rate limits, over HTTP."""

from __future__ import annotations

import time

import httpx
import pytest

from plugdesk.simulator import Simulator
from tests.simulator.conftest import Connect, MakeSim


@pytest.mark.parametrize("header", [None, "Bearer wrong-token-123456", "Basic {token}", "Bearer"])
def test_fleet_routes_need_the_bearer_token(
    fleet: Simulator, connect: Connect, header: str | None
) -> None:
    client = connect(fleet, token=None)
    if header is not None:
        client.headers["Authorization"] = header.format(token=fleet.token)
    for path in ("user", "chargers", f"chargers/{fleet.charger_uuids()[0]}"):
        reply = client.get(path)
        assert reply.status_code == 401
        assert reply.json() == {"message": "Unauthenticated."}
    assert "X-RateLimit-Limit" not in reply.headers


def test_the_demo_token_is_deterministic_and_sanctum_shaped() -> None:
    one, two = Simulator(seed=11).token, Simulator(seed=11).token
    assert one == two != Simulator(seed=12).token
    number, _, secret = one.partition("|")
    assert number.isdigit() and len(secret) == 40
    assert Simulator(token="given").token == "given"


def test_user_and_unknown_things(fleet: Simulator, api: httpx.Client) -> None:
    user = api.get("user").json()  # a bare object: no `data` (API.md)
    assert set(user) == {"uuid", "id", "name", "email", "avatar", "created_at", "updated_at"}
    missing = api.get("chargers/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404 and "message" in missing.json()
    nowhere = api.get("chargers/x/y/z")
    assert nowhere.status_code == 404 and nowhere.json() == {"message": "Not Found."}
    assert api.get("/api/v2/chargers").status_code == 404
    wrong_method = api.delete("chargers")
    assert wrong_method.status_code == 405
    uuid = fleet.charger_uuids()[0]
    assert api.get(f"chargers/{uuid}/connectors/9/power-usage").status_code == 404


def test_public_routes_need_no_token_and_ignore_a_bad_one(
    fleet: Simulator, connect: Connect
) -> None:
    code = fleet.public_codes()[0]
    for token in (None, "nonsense"):
        reply = connect(fleet, token=token).get(f"public-charging/chargers/{code}")
        assert reply.status_code == 200


def test_revoked_token_gets_401_until_restored(fleet: Simulator, api: httpx.Client) -> None:
    assert api.get("user").status_code == 200
    fleet.revoke_token()
    assert api.get("user").status_code == 401
    fleet.restore_token()
    assert api.get("user").status_code == 200


def test_rate_limit_headers_and_429_with_retry_after(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim(rate_limit_per_minute=3, rate_window_seconds=1.0)
    client = connect(sim)
    remaining = []
    for _ in range(3):
        reply = client.get("user")
        assert reply.status_code == 200
        assert reply.headers["X-RateLimit-Limit"] == "3"
        remaining.append(reply.headers["X-RateLimit-Remaining"])
    assert remaining == ["2", "1", "0"]
    refused = client.get("chargers")
    assert refused.status_code == 429
    assert refused.json() == {"message": "Too Many Attempts."}
    assert refused.headers["Retry-After"] == "1"  # whole seconds, rounded up
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    # 404s count too and carry the headers
    time.sleep(1.05)
    missing = client.get("chargers/nope")
    assert missing.status_code == 404 and missing.headers["X-RateLimit-Remaining"] == "2"
    statuses = [r.status for r in sim.request_log]
    assert statuses == [200, 200, 200, 429, 404]
    # A wrong token is refused before the limiter: it spends nothing.
    assert connect(sim, token="other").get("user").status_code == 401
    assert client.get("user").headers["X-RateLimit-Remaining"] == "1"


def test_public_limits_are_per_client_and_bucket(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim(public_rate_limits={"lookup": 2}, rate_window_seconds=30)
    client = connect(sim, token=None)
    code = sim.public_codes()[0]
    statuses = [client.get(f"public-charging/chargers/{code}").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    # Another bucket (session polling) is untouched.
    assert client.get("public-charging/sessions/unknown").status_code == 404
    # The fleet API is limited per token, not per IP.
    assert connect(sim).get("user").status_code == 200


def test_request_log_records_without_secrets(fleet: Simulator, connect: Connect) -> None:
    client = connect(fleet)
    client.get("chargers", params={"page": 2})
    connect(fleet, token=None).get("user")
    code = fleet.public_codes()[0]
    started = client.post("public-charging/sessions", json={"code": code, "connector_id": 1})
    token = started.json()["session_token"]
    client.get(f"public-charging/sessions/{token}")
    log = fleet.request_log
    assert [(r.method, r.route, r.status, r.authorized) for r in log] == [
        ("GET", "chargers.index", 200, True),
        ("GET", "user", 401, False),
        ("POST", "public.sessions.start", 201, False),
        ("GET", "public.sessions.show", 200, False),
    ]
    assert log[0].query == {"page": "2"} and log[0].path == "/api/v3/chargers"
    assert log[3].path == "/api/v3/public-charging/sessions/<token>"
    assert all(token not in repr(r) and fleet.token not in repr(r) for r in log)
    assert log[0].sim_time == fleet.now()
    assert log[0].real_time <= log[1].real_time <= time.monotonic()
