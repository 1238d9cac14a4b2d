"""`plugdesk sim --chaos NAME` really serves each chaos scenario, and an unknown name is
one clear line on stderr (no traceback, usage exit code)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from plugdesk.simulator import CHAOS_MODES
from tests.services.test_kill_mid_refresh import Lines

ROOT = Path(__file__).resolve().parents[2]
STARTUP = 60.0  # seconds: a loaded 2-core machine starts Python slowly


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PLUGDESK_TOKEN", None)
    return env


@pytest.fixture
def sim_cli() -> Iterator[Callable[[str], tuple[str, str]]]:
    """sim_cli(mode) -> (base URL, token) of `plugdesk sim --chaos mode` in a process."""
    started: list[subprocess.Popen[str]] = []

    def start(mode: str) -> tuple[str, str]:
        process = subprocess.Popen(
            [sys.executable, "-m", "plugdesk", "sim", "--chaos", mode, "--chargers", "5"],
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None
        lines = Lines(process.stdout)
        deadline = time.monotonic() + STARTUP
        url = lines.next(deadline)
        token = lines.next(deadline)
        assert url is not None and url.startswith("Plugchoice simulator: http://127.0.0.1:"), url
        assert token is not None and token.startswith("Demo token: ")
        return url.split(": ", 1)[1], token.split(": ", 1)[1]

    yield start
    for process in started:
        process.send_signal(signal.SIGINT)  # Ctrl+C: the simulator stops and says nothing
        try:
            _, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate(timeout=30)
            raise
        assert process.returncode == 0, err
        assert "Traceback" not in err


def _client(base_url: str, token: str) -> httpx.Client:
    return httpx.Client(
        base_url=base_url + "/",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        timeout=5.0,
    )


def _outcome(client: httpx.Client, path: str = "chargers", timeout: float = 5.0) -> str:
    """What one request met: a status, "broken" (undecodable 200), or the transport error."""
    try:
        reply = client.get(path, timeout=timeout)
    except httpx.TimeoutException:
        return "timeout"
    except httpx.TransportError as error:
        return type(error).__name__
    if reply.status_code == 200:
        try:
            reply.json()["data"][0]["uuid"]
        except (ValueError, KeyError, IndexError, TypeError):
            return "broken"
    return str(reply.status_code)


EXPECTED: dict[str, Callable[[list[str]], bool]] = {
    "flaky": lambda seen: bool({"500", "504"} & set(seen)) and "200" in seen,
    "throttled": lambda seen: seen[0] == "429",
    "garbage": lambda seen: bool({"broken", "502"} & set(seen)),
    "slow": lambda seen: seen == ["timeout"],
    "drop": lambda seen: "RemoteProtocolError" in seen,
    "outage": lambda seen: set(seen) <= {"ReadError", "ConnectError", "RemoteProtocolError"},
    "token-revoked": lambda seen: set(seen) == {"401"},
}


def test_every_scenario_has_an_expectation() -> None:
    assert set(EXPECTED) == set(CHAOS_MODES)


@pytest.mark.parametrize("mode", CHAOS_MODES)
def test_sim_command_serves_the_scenario(
    mode: str, sim_cli: Callable[[str], tuple[str, str]]
) -> None:
    base_url, token = sim_cli(mode)
    with _client(base_url, token) as client:
        if mode == "slow":
            seen = [_outcome(client, timeout=0.5)]  # 30 s late by default
        elif mode == "throttled":
            seen = [_outcome(client)]  # the first storm starts at once
        else:
            seen = [_outcome(client) for _ in range(30)]
    assert EXPECTED[mode](seen), f"{mode}: {seen}"


def test_sim_command_refuses_an_unknown_scenario_in_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "plugdesk", "sim", "--chaos", "earthquake"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=STARTUP,
        check=False,
    )
    assert done.returncode == 64
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("plugdesk: unknown chaos mode 'earthquake'")
    for mode in CHAOS_MODES:
        assert mode in lines[0]
