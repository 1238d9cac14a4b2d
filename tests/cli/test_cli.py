"""The command line: help, `sim` + `status` across two processes, exit codes, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from plugdesk.cli import main as cli_main
from plugdesk.cli.main import main
from plugdesk.domain.paths import app_paths

PYTHON = sys.executable


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PLUGDESK_TOKEN", "PLUGDESK_API_URL")}
    env.update(extra)
    return env


def _plugdesk(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> Any:
    return subprocess.run(
        [PYTHON, "-m", "plugdesk", *args],
        capture_output=True,
        text=True,
        env=env or _env(),
        timeout=timeout,
    )


def save_raw_settings(data: dict[str, Any]) -> None:
    """A settings file as an older PlugDesk may have written it (no validation)."""
    path = app_paths().settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), "utf-8")


def test_help_lists_every_command() -> None:
    result = _plugdesk("--help")
    assert result.returncode == 0
    for command in ("sim", "status", "login", "logout", "export", "--demo", "--api-url"):
        assert command in result.stdout


@pytest.fixture
def sim_process() -> Iterator[tuple[str, str]]:
    """`plugdesk sim` in its own process; yields (url, token) read from its output."""
    proc = subprocess.Popen(
        [PYTHON, "-m", "plugdesk", "sim", "--port", "0", "--seed", "7"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert proc.stdout is not None
        url = token = ""
        for _ in range(10):
            line = proc.stdout.readline()
            if line.startswith("Plugchoice simulator:"):
                url = line.split(":", 1)[1].strip()
            if line.startswith("Demo token:"):
                token = line.split(":", 1)[1].strip()
            if url and token:
                break
        assert url.startswith("http://127.0.0.1:"), url
        assert token
        yield url, token
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()


def test_sim_then_status_in_another_process_reports_faults(sim_process: tuple[str, str]) -> None:
    url, token = sim_process
    result = _plugdesk("status", "--api-url", url, env=_env(PLUGDESK_TOKEN=token))
    assert result.returncode == 2, result.stderr
    fault_lines = [line for line in result.stdout.splitlines() if line.startswith("FAULT")]
    assert fault_lines, result.stdout
    assert "PLUGDESK FAULT" in result.stdout
    assert token not in result.stdout + result.stderr


def _status(sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any, *extra: str) -> tuple[int, str]:
    monkeypatch.setenv("PLUGDESK_TOKEN", sim.token)
    code = main(["status", "--api-url", sim.base_url, *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def _heal_fleet(sim: Any) -> None:
    for uuid in sim.charger_uuids():
        sim.clear_fault(uuid)
        sim.force_online(uuid)


def test_status_exit_codes_follow_fleet_health(
    sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    code, out = _status(sim, monkeypatch, capsys)
    assert code == 2 and "FAULT" in out

    _heal_fleet(sim)
    # Blocked or Unavailable chargers are maintenance, not warnings: they do not page anyone.
    code, out = _status(sim, monkeypatch, capsys)
    assert code == 0, out
    assert "PLUGDESK OK" in out

    first = sim.charger_uuids()[0]
    sim.force_offline(first)
    code, out = _status(sim, monkeypatch, capsys)
    assert code == 1, out
    assert "OFFLINE" in out

    sim.force_fault(first, error="GroundFailure")
    sim.force_online(first)
    code, out = _status(sim, monkeypatch, capsys)
    assert code == 2
    assert "GroundFailure" in out


def test_status_json_lists_every_charger(
    sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    import json

    code, out = _status(sim, monkeypatch, capsys, "--json")
    document = json.loads(out)
    assert document["exit_code"] == code == 2
    assert {row["uuid"] for row in document["chargers"]} == set(sim.charger_uuids())


def test_status_with_a_rejected_token_exits_3(
    sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setenv("PLUGDESK_TOKEN", "wrong-token-123456")
    code = main(["status", "--api-url", sim.base_url])
    err = capsys.readouterr().err
    assert code == 3
    assert "wrong-token-123456" not in err
    assert "token" in err.lower()
    assert err.count("\n") == 1  # one clear line, no traceback


def test_status_with_nothing_listening_exits_3(
    monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    import socket

    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("PLUGDESK_TOKEN", "some-token-abcdef")
    code = main(["status", "--api-url", f"http://127.0.0.1:{port}/api/v3"])
    err = capsys.readouterr().err
    assert code == 3
    assert "Traceback" not in err and err.startswith("plugdesk:")


def test_status_without_any_token_says_how_to_sign_in(capsys: Any) -> None:
    code = main(["status", "--api-url", "http://127.0.0.1:9/api/v3"])
    err = capsys.readouterr().err
    assert code == 3
    assert "plugdesk login" in err and "PLUGDESK_TOKEN" in err


def test_plain_http_to_a_remote_host_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setenv("PLUGDESK_TOKEN", "some-token-abcdef")
    code = main(["status", "--api-url", "http://example.com/api/v3"])
    err = capsys.readouterr().err
    assert code == 64  # a bad --api-url is a usage error
    assert err.startswith("plugdesk: --api-url: ") and "https" in err.lower()
    assert "some-token-abcdef" not in err


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://app.plugchoice.com/api/v3?x=1", "'?' or '#'"),
        ("https://me:pw@app.plugchoice.com/api/v3", "user name or password"),
    ],
)
def test_a_saved_url_that_no_longer_passes_is_a_config_error_naming_the_fix(
    url: str, words: str, capsys: Any
) -> None:
    save_raw_settings({"version": 1, "api_url": url})
    code = main(["status"])
    err = capsys.readouterr().err
    assert code == 78
    assert words in err and "--api-url" in err and "Settings" in err
    assert main(["status", "--api-url", "http://127.0.0.1:9/api/v3"]) == 3  # the flag wins


@pytest.mark.log_warnings("a bug on purpose: it is logged")
def test_an_unexpected_exception_is_reported_as_a_bug_with_the_log_path(
    monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """A ValueError from a bug is no usage error: exit 70, "a bug", the log file named and
    holding the traceback, never the token."""
    monkeypatch.setenv("PLUGDESK_TOKEN", "tok-0123456789abcdef")

    def broken(_args: Any) -> int:
        raise ValueError("internal slip with tok-0123456789abcdef in it")

    monkeypatch.setitem(cli_main.COMMANDS, "status", broken)
    code = main(["status"])
    err = capsys.readouterr().err
    assert code == 70
    assert "a bug in PlugDesk" in err and "Traceback" not in err
    log_file = app_paths().log_file()
    assert str(log_file) in err
    logged = log_file.read_text("utf-8")
    assert "Traceback" in logged and "in broken" in logged
    assert "tok-0123456789abcdef" not in err + logged


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["sim", "--chargers", "abc"], "not a whole number"),
        (["sim", "--chargers", "0"], "from 1 to 10000"),
        (["sim", "--port", "70000"], "from 0 to 65535"),
        (["frobnicate"], "invalid choice"),
        (["export", "-o", "x.csv"], "one of the arguments --charger --all is required"),
    ],
)
def test_bad_flags_give_one_clear_line(argv: list[str], fragment: str) -> None:
    result = _plugdesk(*argv)
    assert result.returncode == 64
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_python_dash_m_and_version(tmp_path: Path) -> None:
    result = _plugdesk("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("PlugDesk ")


# -- plugdesk watch: bad input is refused before anything starts ---------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--webhook", "http://hooks.example.com/x"], "must use https://"),
        (["--webhook", "https://user:pw@hooks.example.com/x"], "user name or password"),
        (["--webhook", "ftp://hooks.example.com/x"], "must start with https://"),
        (["--webhook", "pager+https://hooks.example.com/x"], "must start with https://"),
    ],
)
def test_watch_refuses_a_bad_webhook(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["watch", "--api-url", "http://127.0.0.1:9/api/v3", *args])
    err = capsys.readouterr().err
    assert code == 64, err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["127.0.0.1:99999", "example.com:9877", "127.0.0.1:x"])
def test_watch_refuses_a_bad_metrics_address(value: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["watch", "--metrics", value])
    assert stop.value.code == 64


def test_watch_without_a_token_says_how_to_get_one(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["watch", "--api-url", "http://127.0.0.1:9/api/v3"])
    assert code == 3
    assert "plugdesk login" in capsys.readouterr().err


def test_a_second_watch_on_the_same_history_is_refused(
    sim: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from plugdesk.domain.watch_lock import WatchInfo, WatchLock

    lock = WatchLock.acquire(app_paths().data_dir, WatchInfo(4321, sim.base_url, "k"))
    try:
        os.environ["PLUGDESK_TOKEN"] = sim.token
        code = main(["watch", "--api-url", sim.base_url])
    finally:
        del os.environ["PLUGDESK_TOKEN"]
        lock.release()
    err = capsys.readouterr().err
    assert code == 1
    assert "already running (pid 4321" in err
