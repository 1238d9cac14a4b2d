"""SIGTERM and SIGINT end a real `plugdesk --demo` in order: window state written, the last
fleet snapshot kept, the store closed, exit 0; a second signal forces the exit."""

from __future__ import annotations

import asyncio
import selectors
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import pytest

from plugdesk.app.shutdown_signals import ShutdownSignals, quit_signals
from plugdesk.domain.store import Store
from plugdesk.services.incidents import decode_fleet
from tests.support.launches import EXIT_TIMEOUT, ROOT, GuiProcess, wait_until

DEMO_CHARGERS = 40  # the demo simulator's fleet


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_quits_plugdesk_in_order(tmp_path: Path, sig: signal.Signals) -> None:
    app = GuiProcess.start(tmp_path / "child", "--demo")
    try:
        app.wait_for_fleet()
        wait_until("the first refresh judged and cached", app.snapshot_size)
        assert not app.window_ini.exists()  # written at the quit, not before
        app.send(sig)
        code = app.wait()
    finally:
        app.stop()
    assert code == 0, app.output_text()[-3000:]

    ini = app.window_ini.read_text("utf-8")
    assert "[window]" in ini and "geometry=@ByteArray(" in ini and "state=@ByteArray(" in ini
    # The store was closed, not abandoned: closing folds the write-ahead log back.
    assert not app.store.with_name(app.store.name + "-wal").exists()
    store = Store(app.store)
    try:
        cached = store.load_fleet()
    finally:
        store.close()
    assert cached is not None and len(decode_fleet(cached[0])) == DEMO_CHARGERS
    log = app.log_text()
    assert f"{sig.name} received: quitting" in log
    assert log.rstrip().endswith("PlugDesk stopped")
    assert "error while shutting down" not in log and " ERROR " not in log
    assert not (app.home / "log" / "crash.log").exists()  # a clean exit leaves none


def _line(stream: IO[str], timeout: float = 60.0) -> str:
    """The child's next line, failing past `timeout` instead of hanging the test."""
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        assert selector.select(timeout), "the child said nothing"
    return stream.readline().strip()


@pytest.mark.parametrize("python_handler", [False, True], ids=["loop", "python-handler"])
def test_a_second_signal_ends_a_quit_that_hangs(python_handler: bool) -> None:
    """The child asks for the quit at the first signal and then never quits (a shutdown
    that hangs); the second signal must still end it. `python-handler` is the path
    Windows takes (there Ctrl+C is the signal)."""
    args = ["--python-handler"] if python_handler else []
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.signals_proc", *args],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    try:
        assert _line(child.stdout) == "READY"
        child.send_signal(signal.SIGTERM)
        assert _line(child.stdout) == "QUITTING SIGTERM"
        child.send_signal(signal.SIGINT)
        assert child.wait(timeout=EXIT_TIMEOUT) == -signal.SIGINT
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()


def test_handlers_are_put_back_and_ignored_signals_stay_ignored(
    qloop: asyncio.AbstractEventLoop,
) -> None:
    before = {sig: signal.getsignal(sig) for sig in quit_signals()}
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # as `nohup` or a background job has it
    try:
        calls: list[Any] = []
        shutdown = ShutdownSignals(qloop, calls.append)
        shutdown.install()
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGINT) is not before[signal.SIGINT]
        shutdown.uninstall()
        assert signal.getsignal(signal.SIGINT) is before[signal.SIGINT]
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
        assert calls == []
    finally:
        signal.signal(signal.SIGTERM, before[signal.SIGTERM])


def test_the_first_signal_asks_to_quit_once_and_hands_the_next_to_the_system(
    qloop: asyncio.AbstractEventLoop, run: Any
) -> None:
    """In this process: SIGINT is sent for real, the loop's callback runs, the defaults
    take over (a second one would end the process: not sent here)."""
    before = {sig: signal.getsignal(sig) for sig in quit_signals()}
    asked: list[str] = []
    came = asyncio.Event()

    def ask_to_quit(name: str) -> None:
        asked.append(name)
        came.set()

    shutdown = ShutdownSignals(qloop, ask_to_quit)
    shutdown.install()
    try:

        async def signalled() -> None:
            signal.raise_signal(signal.SIGINT)
            await came.wait()

        run(signalled())
        assert asked == ["SIGINT"] and shutdown.received == ["SIGINT"]
        assert all(signal.getsignal(sig) is signal.SIG_DFL for sig in quit_signals())
    finally:
        shutdown.uninstall()
    assert {sig: signal.getsignal(sig) for sig in quit_signals()} == before
