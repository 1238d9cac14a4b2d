"""Start-up: process start -> main window shown with the first fleet painted (`plugdesk
--demo`, 40 chargers), against two floors measured in the same run:

- the stack floor (`bench/startup_stack_floor.py`), the row's target: a bare script that
  imports PySide6, qasync, httpx and msgspec, GETs the 40-charger list once over loopback,
  decodes it and paints a 40-row table. The list comes from a small server in this process
  (started before the runs: not counted); the app's demo starts its own simulator (counted).
- the bare-window floor (`bench/startup_floor.py`): an empty QMainWindow, reported beside.

All run offscreen in fresh processes, in turn (who goes first rotates); the time is taken
from just before the process is spawned to the moment the child wrote after its paint.
The app runs with the home of the earlier runs, so it starts as it usually does: with the
fleet the last run cached. The very first start (nothing cached) is reported beside.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.common import ROOT, Result, child_env, ratio_row

TIMEOUT = 120.0
APP = "bench.startup_app"
STACK = "bench.startup_stack_floor"
BARE = "bench.startup_floor"
CHARGERS = 40


def fleet_body(chargers: int = CHARGERS) -> bytes:
    """The demo's fleet as one `GET /chargers` page (the simulator's own items)."""
    from plugdesk.simulator import Simulator

    items = Simulator(chargers=chargers, seed=7).chargers()
    meta = {"current_page": 1, "from": 1, "to": len(items), "per_page": len(items)}
    links = {"first": None, "last": None, "prev": None, "next": None}
    return json.dumps({"data": items, "links": links, "meta": meta}).encode()


@contextmanager
def fleet_server(body: bytes) -> Iterator[str]:
    """A loopback HTTP server answering every GET with `body`; yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/chargers"
    finally:
        server.shutdown()
        server.server_close()


def _one(module: str, home: Path, ready: Path, url: str, quit_when: str = "1") -> float:
    ready.unlink(missing_ok=True)
    env = child_env(home)
    env["PLUGDESK_BENCH_READY_FILE"] = str(ready)
    env["PLUGDESK_BENCH_QUIT"] = quit_when
    env["PLUGDESK_BENCH_FLEET_URL"] = url
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


def _first_start(home: Path, ready: Path, url: str) -> float:
    """The app with nothing cached (a new user's first start): its own folders, but the
    bytecode cache the other runs share."""
    fresh = home / "first-start"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    (fresh / "pycache").symlink_to(home / "pycache")
    return _one(APP, fresh, ready, url)


def run(runs: int, home: Path) -> list[Result]:
    ready = home / "ready.txt"
    samples: dict[str, list[float]] = {APP: [], STACK: [], BARE: []}
    first: list[float] = []
    with fleet_server(fleet_body()) as url:
        for module in samples:  # warm the file and bytecode caches; the app caches its fleet
            _one(module, home, ready, url, "refreshed" if module == APP else "1")
        order = list(samples)
        for index in range(runs):
            for module in order[index % 3 :] + order[: index % 3]:
                samples[module].append(_one(module, home, ready, url))
            first.append(_first_start(home, ready, url))
    app, stack, bare = samples[APP], samples[STACK], samples[BARE]
    bare_floor = statistics.median(bare)
    details = {
        "chargers": CHARGERS,
        "mode": "--demo, offscreen, fleet cached by the previous run",
        "floor": "bare stack: PySide6 + qasync + httpx + msgspec, one loopback GET, 40 rows",
        "bare_window_s": bare_floor,
        "bare_window_samples": bare,
        "bare_window_ratio": statistics.median(app) / bare_floor,
        "stack_over_bare_window": statistics.median(stack) / bare_floor,
        "first_start_s": statistics.median(first),
        "first_start_samples": first,
        "first_start_ratio": statistics.median(first) / statistics.median(stack),
    }
    target = f"≤ 1.25× stack floor (bare window: {details['bare_window_ratio']:.2f}×)"
    return [ratio_row("start-up", app, stack, unit="s", limit=1.25, target=target,
                      details=details)]
