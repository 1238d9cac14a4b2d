"""Chaos modes do what they claim, repeatably, and stop() always ends promptly."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time

import httpx
import pytest

from plugdesk.simulator import Simulator
from tests.simulator.conftest import Connect, MakeSim


def _statuses(client: httpx.Client, n: int, path: str = "chargers") -> list[int]:
    return [client.get(path).status_code for _ in range(n)]


def test_flaky_mixes_500_and_504_repeatably(make_sim: MakeSim, connect: Connect) -> None:
    runs = []
    for _ in range(2):
        sim = make_sim(seed=4, chaos="flaky")
        sim.set_chaos("flaky", error_rate=0.4)
        runs.append(_statuses(connect(sim), 40))
    assert runs[0] == runs[1]
    assert set(runs[0]) == {200, 500, 504}
    assert 6 <= runs[0].count(500) + runs[0].count(504) <= 28
    failing = next(r for r in sim.request_log if r.status >= 500)
    assert failing.chaos == "flaky" and failing.authorized


def test_flaky_defaults_to_about_one_in_ten(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim(chaos="flaky", rate_limit_per_minute=1000)
    errors = sum(s >= 500 for s in _statuses(connect(sim), 200, "user"))
    assert 8 <= errors <= 35


def test_bodies_of_server_errors(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim()
    sim.set_chaos("flaky", rate=1.0)
    client = connect(sim)
    bodies = {r.status_code: r.json() for r in (client.get("user") for _ in range(10))}
    assert bodies[504] == {"message": "The charger did not respond in time."}
    assert bodies[500] == {"message": "Server Error"}


def test_public_routes_are_spared_unless_asked(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim()
    sim.set_chaos("flaky", rate=1.0)
    code = sim.public_codes()[0]
    public = connect(sim, token=None)
    assert public.get(f"public-charging/chargers/{code}").status_code == 200
    sim.set_chaos("flaky", rate=1.0, public=True)
    assert public.get(f"public-charging/chargers/{code}").status_code >= 500


def test_throttled_storms_answer_429_with_retry_after(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim()
    sim.set_chaos("throttled", storm_seconds=0.4, period=2.0)
    client = connect(sim)
    storm = client.get("chargers")
    assert storm.status_code == 429
    assert storm.json() == {"message": "Too Many Attempts."}
    assert storm.headers["Retry-After"] == "1"
    assert storm.headers["X-RateLimit-Limit"] == "500"
    time.sleep(0.45)
    assert client.get("chargers").status_code == 200  # the calm between storms
    sim.set_chaos("throttled", retry_after=7)
    assert client.get("chargers").headers["Retry-After"] == "7"


@pytest.mark.parametrize("kind", ["malformed", "truncated", "html", "empty", "wrong_types"])
def test_garbage_kinds(make_sim: MakeSim, connect: Connect, kind: str) -> None:
    sim = make_sim()
    client = connect(sim)
    good = client.get("chargers").json()
    sim.set_chaos("garbage", rate=1.0, kinds=(kind,))
    reply = client.get("chargers")
    assert int(reply.headers["Content-Length"]) == len(reply.content)
    if kind == "html":
        assert reply.status_code == 502
        assert reply.headers["Content-Type"].startswith("text/html")
        assert b"<html>" in reply.content
        return
    assert reply.status_code == 200
    if kind == "empty":
        assert reply.content == b""
        return
    if kind in ("malformed", "truncated"):
        with pytest.raises(json.JSONDecodeError):
            json.loads(reply.content)
        return
    mangled = reply.json()
    first, original = mangled["data"][0], good["data"][0]
    assert set(first) == set(original)
    changed = [k for k in first if type(first[k]) is not type(original[k])]
    assert len(changed) == 1


def test_slow_answers_late_and_stop_interrupts(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim()
    sim.set_chaos("slow", latency=0.4)
    client = connect(sim)
    began = time.perf_counter()
    assert client.get("user").status_code == 200
    assert time.perf_counter() - began >= 0.4
    sim.set_chaos("slow", latency=30)
    with pytest.raises(httpx.ReadTimeout):
        client.get("user", timeout=0.3)
    stuck = threading.Thread(target=_swallow, args=(client, "chargers"))
    stuck.start()
    time.sleep(0.1)
    began = time.perf_counter()
    sim.stop()
    stuck.join(timeout=3)
    assert time.perf_counter() - began < 2 and not stuck.is_alive()


def _swallow(client: httpx.Client, path: str) -> None:
    with contextlib.suppress(httpx.HTTPError):
        client.get(path, timeout=10)


def test_drop_closes_mid_body(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim()
    sim.set_chaos("drop", rate=1.0)
    client = connect(sim)
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("chargers")
    sim.set_chaos(None)
    assert client.get("chargers").status_code == 200


def test_outage_resets_everything_then_recovers(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim()
    sim.set_chaos("outage", duration=1.0)
    client = connect(sim)
    public = connect(sim, token=None)
    with pytest.raises(httpx.TransportError):
        client.get("chargers")
    with pytest.raises(httpx.TransportError):
        public.get(f"public-charging/chargers/{sim.public_codes()[0]}")
    assert sim.chaos == "outage"
    time.sleep(1.05)
    assert client.get("chargers").status_code == 200
    assert sim.chaos is None
    assert [r.status for r in sim.request_log[:2]] == [0, 0]


def test_token_revoked_until_cleared(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim(chaos="token-revoked")
    client = connect(sim)
    assert client.get("user").status_code == 401
    assert (
        connect(sim, token=None)
        .get(f"public-charging/chargers/{sim.public_codes()[0]}")
        .status_code
        == 200
    )
    sim.set_chaos(None)
    assert client.get("user").status_code == 200


def test_unknown_modes_and_knobs_are_refused() -> None:
    sim = Simulator(chargers=2)
    with pytest.raises(ValueError, match="unknown chaos mode"):
        sim.set_chaos("earthquake")
    with pytest.raises(ValueError, match="no knob"):
        sim.set_chaos("slow", latenzy=3)
    with pytest.raises(ValueError, match="garbage kind"):
        sim.set_chaos("garbage", kinds=("nonsense",))


def test_stop_is_quick_and_leaves_no_threads(connect: Connect) -> None:
    before = threading.active_count()
    sim = Simulator(chargers=5).start()
    client = connect(sim)
    assert client.get("user").status_code == 200  # a keep-alive connection stays open
    began = time.perf_counter()
    sim.stop()
    assert time.perf_counter() - began < 1.0
    deadline = time.monotonic() + 2
    while threading.active_count() > before and time.monotonic() < deadline:
        time.sleep(0.02)
    assert threading.active_count() == before
    sim.stop()  # a second stop is harmless
    with pytest.raises(RuntimeError):
        _ = sim.base_url


def test_the_given_port_is_used(connect: Connect) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Simulator(chargers=3, port=port) as sim:
        assert sim.base_url == f"http://127.0.0.1:{port}/api/v3"
        assert connect(sim).get("user").status_code == 200
