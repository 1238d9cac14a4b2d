"""Start-up: process start -> main window shown with the first fleet painted (`plugdesk
--demo`, 40 chargers), against a bare PySide6 script showing an empty QMainWindow. Both
run offscreen in fresh processes, alternately; the time is taken from just before the
process is spawned to the moment the child wrote after its paint."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT, Result, child_env, ratio_row

TIMEOUT = 120.0


def _one(module: str, home: Path, ready: Path) -> float:
    ready.unlink(missing_ok=True)
    env = child_env(home)
    env["PLUGDESK_BENCH_READY_FILE"] = str(ready)
    env["PLUGDESK_BENCH_QUIT"] = "1"
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", module],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if not ready.exists():
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
        raise RuntimeError(f"{module} never reported its first paint (exit {done.returncode})"
                           f":\n{tail}")
    return float(ready.read_text()) - started


def run(runs: int, home: Path) -> list[Result]:
    ready = home / "ready.txt"
    _one("bench.startup_floor", home, ready)  # warm the file cache for both
    _one("bench.startup_app", home, ready)
    app: list[float] = []
    floor: list[float] = []
    for index in range(runs):
        order = ("bench.startup_app", "bench.startup_floor")
        for module in order if index % 2 == 0 else order[::-1]:
            took = _one(module, home, ready)
            (app if module == "bench.startup_app" else floor).append(took)
    return [ratio_row("start-up", app, floor, unit="s", limit=1.5,
                      details={"chargers": 40, "mode": "--demo, offscreen"})]
