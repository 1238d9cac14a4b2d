"""A real `plugdesk watch` in a subprocess, for the watch, metrics and webhook tests.

    with WatchProcess(sim, home, time_scale=60, extra=["--metrics", "127.0.0.1:0"]) as watch:
        watch.wait_for(r"OPENED\\s+fault\\s+ACE123")
        code = watch.terminate()      # SIGTERM; the exit code

Its lines are read by a thread into a list; `wait_for` polls that list. The watch runs
with `PLUGDESK_HOME=home` (its own settings, history and lock) and the token in
`PLUGDESK_TOKEN`, like a user service would.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from plugdesk.domain.settings import Settings, save_settings

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0

# Grace periods, refresh interval and staleness for a watch on a 60x clock over a frozen
# simulator: 2 simulated minutes of grace are 2 s; 10 s between refreshes are 1/6 s; the
# frozen heartbeats never turn stale within a test.
FAST = Settings(
    refresh_interval_s=10,
    grace_fault_s=120,
    grace_offline_s=120,
    stale_after_min=1440,
)


def write_settings(home: Path, settings: Settings = FAST) -> None:
    """The settings file of a PLUGDESK_HOME, as the app would have saved it."""
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    previous = os.environ.get("PLUGDESK_HOME")
    os.environ["PLUGDESK_HOME"] = str(home)
    try:
        from plugdesk.domain.paths import app_paths

        save_settings(settings, app_paths().settings_path())
    finally:
        if previous is None:
            del os.environ["PLUGDESK_HOME"]
        else:
            os.environ["PLUGDESK_HOME"] = previous


class WatchProcess:
    def __init__(
        self,
        sim: Any,
        home: Path,
        *,
        time_scale: float = 60.0,
        extra: Sequence[str] = (),
    ) -> None:
        env = dict(os.environ)
        env.update(
            PLUGDESK_HOME=str(home),
            PLUGDESK_TOKEN=sim.token,
            PYTHONPATH=str(ROOT),
            PYTHONUNBUFFERED="1",
        )
        env.pop("PLUGDESK_API_URL", None)
        command = [sys.executable, "-m", "plugdesk", "watch", "--api-url", sim.base_url,
                   "--time-scale", str(time_scale), *extra]  # fmt: skip
        self.proc = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8",
        )  # fmt: skip
        self.lines: list[str] = []
        self.errors: list[str] = []
        self._readers = [
            threading.Thread(target=self._read, args=(self.proc.stdout, self.lines), daemon=True),
            threading.Thread(target=self._read, args=(self.proc.stderr, self.errors), daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        try:
            self.wait_for(r"^watching ", START_TIMEOUT)
        except BaseException:
            self.__exit__(None, None, None)
            raise

    @staticmethod
    def _read(stream: Any, into: list[str]) -> None:
        for line in stream:
            into.append(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 30.0, count: int = 1) -> list[str]:
        """The first `count` lines matching `pattern` (a regex), waiting up to `timeout`."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            found = [line for line in list(self.lines) if regex.search(line)]
            if len(found) >= count:
                return found[:count]
            if self.proc.poll() is not None and not self._reading():
                break
            if time.monotonic() > deadline:
                break
            time.sleep(0.02)
        raise AssertionError(
            f"no {count} line(s) matching {pattern!r} from plugdesk watch "
            f"(exit {self.proc.poll()}):\n" + "\n".join(self.lines + self.errors)
        )

    def _reading(self) -> bool:
        return any(reader.is_alive() for reader in self._readers)

    def incident_lines(self) -> list[str]:
        return [line for line in self.lines if re.search(r" (OPENED|RESOLVED) ", line)]

    def terminate(self, timeout: float = 30.0) -> int:
        """SIGTERM, then the exit code (the test fails if it does not end in time)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout)
        self._close_pipes()
        return code

    def _close_pipes(self) -> None:
        for reader in self._readers:
            reader.join(5)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()

    def __enter__(self) -> WatchProcess:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._close_pipes()
