"""Hostile settings files and the command line (point 9 of the hardening issue).

Before the fix a broken, missing-through-a-link or unreadable settings file made the CLI
fall back to the production API and send PLUGDESK_TOKEN there, `status` renamed the user's
file, a link to /dev/zero grew memory without limit and a FIFO hung. Now a command that
only reads the settings never changes them, and stops with a sentence naming the file
unless the server is given (--api-url or PLUGDESK_API_URL); no settings file at all is the
one case that means the default server."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from plugdesk.cli.common import DEFAULT_API_URL, resolve_api_url
from plugdesk.cli.main import main
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import load_settings

PYTHON = sys.executable
TOKEN = "41|settings-test-token-0123456789"
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")


@pytest.fixture
def settings_file() -> Path:
    path = app_paths().settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _status(capsys: Any, *args: str) -> tuple[int, str, str]:
    code = main(["status", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_no_settings_file_means_the_default_server(settings_file: Path) -> None:
    assert not settings_file.exists()
    assert resolve_api_url(argparse.Namespace()) == DEFAULT_API_URL


def test_broken_settings_stop_the_command_and_keep_the_file(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings_file.write_text('{"version": 1, "api_url": "https://billing.example/api/v3",', "utf-8")
    before = _siblings(settings_file)
    monkeypatch.setenv("PLUGDESK_TOKEN", TOKEN)
    code, out, err = _status(capsys)
    assert code == 78, err
    assert err.startswith(f"plugdesk: The settings file {settings_file} cannot be used (line 1")
    assert "--api-url" in err and "PLUGDESK_API_URL" in err
    assert err.count("\n") == 1 and out == ""
    assert _siblings(settings_file) == before  # not renamed, nothing set aside


def test_a_given_server_wins_over_broken_settings(
    settings_file: Path, sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings_file.write_bytes(b"\xff\xfe not json")
    monkeypatch.setenv("PLUGDESK_TOKEN", sim.token)
    code, out, err = _status(capsys, "--api-url", sim.base_url)
    assert code in (0, 1, 2), err
    assert "PLUGDESK" in out
    monkeypatch.setenv("PLUGDESK_API_URL", sim.base_url)
    code, out, err = _status(capsys)
    assert code in (0, 1, 2), err
    assert settings_file.read_bytes() == b"\xff\xfe not json"


def test_invalid_values_are_no_excuse_to_switch_servers(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings_file.write_text('{"version": 1, "refresh_interval_s": "30s"}', "utf-8")
    monkeypatch.setenv("PLUGDESK_TOKEN", TOKEN)
    code, _out, err = _status(capsys)
    assert code == 78
    assert "refresh_interval_s" in err and str(settings_file) in err
    assert settings_file.exists()


def test_a_linked_settings_file_is_followed(
    settings_file: Path, tmp_path: Path, sim: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    real = tmp_path / "dotfiles" / "plugdesk.json"
    real.parent.mkdir()
    real.write_text(f'{{"version": 1, "api_url": "{sim.base_url}"}}', "utf-8")
    settings_file.symlink_to(real)
    monkeypatch.setenv("PLUGDESK_TOKEN", sim.token)
    code, out, err = _status(capsys)
    assert code in (0, 1, 2), err
    assert "PLUGDESK" in out  # the saved simulator answered, not production
    assert settings_file.is_symlink()


def test_a_dangling_link_is_not_a_first_run(
    settings_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    gone = tmp_path / "unmounted" / "plugdesk.json"
    settings_file.symlink_to(gone)
    monkeypatch.setenv("PLUGDESK_TOKEN", TOKEN)
    code, _out, err = _status(capsys)
    assert code == 78
    assert err.startswith(f"plugdesk: The settings file {settings_file} is a link to {gone}")
    assert settings_file.is_symlink()


def test_an_oversized_settings_file_is_refused_unread(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings_file.write_bytes(b" " * (1024 * 1024 + 10) + b"{}")
    monkeypatch.setenv("PLUGDESK_TOKEN", TOKEN)
    code, _out, err = _status(capsys)
    assert code == 78
    assert "too large for settings" in err


def _status_process(timeout: float = 30) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PLUGDESK_API_URL"}
    env["PLUGDESK_TOKEN"] = TOKEN
    return subprocess.run(
        [PYTHON, "-m", "plugdesk", "status"],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,  # a hang fails the test instead of stalling the suite
    )


@posix_only
def test_a_link_to_dev_zero_is_refused_at_once(settings_file: Path) -> None:
    settings_file.symlink_to("/dev/zero")
    result = _status_process()
    assert result.returncode == 78
    assert result.stderr.startswith(f"plugdesk: The settings file {settings_file} cannot be read")
    assert "not a regular file" in result.stderr
    assert settings_file.is_symlink()


@posix_only
def test_a_fifo_as_settings_file_does_not_hang(settings_file: Path) -> None:
    os.mkfifo(settings_file)
    result = _status_process()
    assert result.returncode == 78
    assert "not a regular file" in result.stderr


@posix_only
def test_the_window_reads_a_fifo_without_hanging(settings_file: Path) -> None:
    """The window's own load says so too, and keeps its defaults (no request involved)."""
    os.mkfifo(settings_file)
    settings, problem = load_settings(settings_file)
    assert settings.api_url == DEFAULT_API_URL
    assert problem is not None and "not a regular file" in problem


def test_the_window_starts_signed_out_over_broken_settings(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window does start (its own settings load sets the file aside and says so), but
    signed out: PLUGDESK_TOKEN is not sent to a server the user may not have meant."""
    settings_file.write_text("{", "utf-8")
    monkeypatch.setenv("PLUGDESK_TOKEN", TOKEN)
    started: list[tuple[Any, ...]] = []
    monkeypatch.setattr(
        "plugdesk.app.desk.run_gui", lambda *args, **kwargs: started.append(args) or 0
    )
    assert main([]) == 0
    assert started == [(DEFAULT_API_URL, None)]
    assert settings_file.read_text("utf-8") == "{"  # left for the window to set aside
