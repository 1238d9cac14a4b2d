"""The real `plugdesk` command as a child process, for the desktop-citizenship tests.

`GuiProcess.start(home, "--demo")` runs `python -m plugdesk --demo` offscreen with every
app folder under `home` (PLUGDESK_HOME and the XDG folders), its output in files beside.
The first fleet painted is announced through the start-up probe
(`PLUGDESK_BENCH_READY_FILE`, plugdesk/ui/ready_hook.py), so a test waits for the window
with its fleet instead of sleeping. Every wait has a generous deadline (a loaded 2-core
machine starts Qt slowly) and nothing sleeps for a fixed time.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 90.0
EXIT_TIMEOUT = 60.0

T = TypeVar("T")


def wait_until(what: str, check: Callable[[], T], timeout: float = START_TIMEOUT) -> T:
    """Poll `check` until it returns something true; fail naming `what` past `timeout`."""
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(delay)
        delay = min(delay * 1.5, 0.3)


def app_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a PlugDesk whose folders all live under `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLUGDESK_")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", PLUGDESK_HOME=str(home))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / "xdg" / var.lower())
    env.update(extra)
    return env


def run_plugdesk(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`plugdesk ARGS` to its end (a launch that should return by itself)."""
    return subprocess.run(
        [sys.executable, "-m", "plugdesk", *args], cwd=ROOT, env=app_env(home, **env),
        capture_output=True, text=True, timeout=START_TIMEOUT, check=False,
    )  # fmt: skip


@dataclass
class GuiProcess:
    """One running `plugdesk` and the files it writes."""

    process: subprocess.Popen[Any]
    home: Path
    ready_file: Path
    output: Path

    @classmethod
    def start(cls, home: Path, *args: str, name: str = "app", **env: str) -> GuiProcess:
        home.mkdir(parents=True, exist_ok=True)
        ready = home / f"{name}.ready"
        output = home / f"{name}.out"
        ready.unlink(missing_ok=True)
        with output.open("wb") as out:  # the child keeps its own copy of the handle
            process = subprocess.Popen(
                [sys.executable, "-m", "plugdesk", *args], cwd=ROOT, stdout=out, stderr=out,
                env=app_env(home, PLUGDESK_BENCH_READY_FILE=str(ready), **env),
            )  # fmt: skip
        return cls(process, home, ready, output)

    # -- what it wrote ---------------------------------------------------------------------

    @property
    def log_file(self) -> Path:
        return self.home / "log" / "plugdesk.log"

    @property
    def window_ini(self) -> Path:
        return self.home / "config" / "window.ini"

    @property
    def store(self) -> Path:
        return self.home / "data" / "plugdesk.sqlite3"

    def log_text(self) -> str:
        try:
            return self.log_file.read_text("utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def output_text(self) -> str:
        return self.output.read_text("utf-8", errors="replace")

    def snapshot_size(self) -> int:
        """Bytes of the cached fleet in the store (0: none yet), read without locking."""
        if not self.store.exists():
            return 0
        connection = sqlite3.connect(f"file:{self.store}?mode=ro", uri=True, timeout=5)
        try:
            row = connection.execute("SELECT length(data) FROM fleet_snapshot").fetchone()
        except sqlite3.OperationalError:  # the table is not made yet
            return 0
        finally:
            connection.close()
        return int(row[0]) if row else 0

    # -- waiting and ending ----------------------------------------------------------------

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_for_fleet(self) -> None:
        """Until the window shows the first fleet (the probe wrote its file)."""

        def painted() -> bool:
            assert self.alive(), f"PlugDesk ended early:\n{self.output_text()[-2000:]}"
            return self.ready_file.exists()

        wait_until("the window with its fleet", painted)

    def wait_for_log(self, text: str, timeout: float = START_TIMEOUT) -> None:
        wait_until(f"{text!r} in the log", lambda: text in self.log_text(), timeout)

    def send(self, sig: signal.Signals) -> None:
        self.process.send_signal(sig)

    def send_term(self) -> None:
        self.send(signal.SIGTERM)

    def wait(self, timeout: float = EXIT_TIMEOUT) -> int:
        return self.process.wait(timeout=timeout)

    def stop(self) -> None:
        """The end of a test, whatever happened: terminate, then kill."""
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=EXIT_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=EXIT_TIMEOUT)
