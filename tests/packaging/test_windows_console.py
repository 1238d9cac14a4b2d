"""packaging/rthook_windows_console.py: which arguments make the windowed plugdesk.exe join
its parent's console, and how missing streams are opened (issue 18).

Windows' AttachConsole cannot run here; everything around it does: the decision, the
streams opened on the console file (a real file standing in for CONOUT$), the devnull
fallback, and streams that exist left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .loader import load

hook = load("rthook_windows_console")


@pytest.mark.parametrize(
    "args",
    [[], ["--demo"], ["--api-url", "https://x.test"], ["--api-url=https://x.test", "--demo"]],
)
def test_the_window_does_not_attach(args: list[str]) -> None:
    assert not hook.wants_console(args)


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--self-test"], ["-h"], ["status"], ["--demo", "sim"],
     ["--api-url", "https://x.test", "export", "--all", "-o", "-"], ["--api-url=u", "login"]],
)  # fmt: skip
def test_a_command_attaches(args: list[str]) -> None:
    assert hook.wants_console(args)


def windowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streams as Python sets them in a windowed Windows program: None. (Inside the test:
    pytest puts its capture streams back after fixtures.)"""
    for name in ("stdout", "stderr", "stdin"):
        monkeypatch.setattr(sys, name, None)


def close_opened() -> None:
    for stream in {sys.stdout, sys.stderr, sys.stdin}:
        if stream is not None:
            stream.close()


def test_missing_streams_open_on_the_parent_console(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    windowed(monkeypatch)
    console = tmp_path / "console"
    opened = hook.open_missing_streams(lambda: True, console_out=str(console))
    try:
        assert opened == ["stdout", "stderr"]
        print("PlugDesk 1.0 – ünïcode")
        print("plugdesk: a problem", file=sys.stderr)
        assert sys.stdin is not None and sys.stdin.read() == ""  # input stays the shell's
    finally:
        close_opened()
    lines = console.read_text(encoding="utf-8").splitlines()
    assert lines == ["PlugDesk 1.0 – ünïcode", "plugdesk: a problem"]


def test_without_a_console_a_print_goes_nowhere_and_does_not_raise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    windowed(monkeypatch)
    assert hook.open_missing_streams(lambda: False) == []
    try:
        sys.stdout.write("lost\n")
        print("lost too", file=sys.stderr)
        assert sys.stdout.name == sys.stderr.name == hook.os.devnull
    finally:
        close_opened()


def test_redirected_streams_are_kept_and_nothing_attaches(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    redirected = open(tmp_path / "out.txt", "w", encoding="utf-8")  # noqa: SIM115
    monkeypatch.setattr(sys, "stdout", redirected)
    monkeypatch.setattr(sys, "stderr", redirected)
    attached = []
    try:
        assert hook.open_missing_streams(lambda: attached.append(1) or True) == []
        assert sys.stdout is redirected and sys.stderr is redirected and attached == []
    finally:
        redirected.close()


def test_the_hook_does_nothing_outside_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(sys, "argv", ["plugdesk", "status"])
    monkeypatch.setattr(sys, "stdout", None)
    hook.main()
    assert sys.stdout is None
