"""PlugDesk watching a large fleet for many simulated hours, measuring itself (run with
`python -m tests.support.soak_proc --hours 24 --chargers 1000`).

The app is composed as `app.run_gui` composes it (start-up housekeeping, the exception
route, the main-thread garbage collector, `app.Desk`, `faults.wire_fault_monitoring` on
the store file in its data folder) and watches a simulator that runs in a process of its
own (so its memory is not counted here). The simulator's clock stands still; this process
moves it a pacing tick at a time (3 simulated seconds) and fires the monitor's timer after
each move, so the production polling path runs: for 40 pages the pacer spreads the sweep
over the refresh interval, reading a few pages per tick. The monitor's and the incident
tracker's clocks are the simulated clock, so grace periods and pacing run on simulated
time. The request budget and the simulator's rate limit are lifted: real time here runs a
hundred times faster than the budget's, while the pacer keeps to 500 a simulated minute.

Every simulated hour one JSON line goes to stdout: RSS, asyncio tasks, the store's size and
rows, Python objects, top-level widgets, pages read. Then `SUMMARY {...}`.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import heapq
import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

START = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hours", type=float, default=24)
    parser.add_argument("--chargers", type=int, default=1000)
    parser.add_argument("--interval", type=float, default=30.0, help="the refresh interval")
    parser.add_argument("--tick", type=float, default=3.0, help="the pacer's tick")
    parser.add_argument("--latency", type=float, default=60.0, help="the pacer's fault latency")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from plugdesk.domain.housekeeping import clean_at_start

    clean_at_start()
    import qasync

    from plugdesk.app.desk import make_application
    from plugdesk.app.startup import MainThreadGC

    app = make_application()
    collector = MainThreadGC()
    collector.install()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            return int(loop.run_until_complete(_soak(args)))
    finally:
        collector.uninstall()


class SimClock:
    """Simulated time, moved only by this process (the simulator's clock stands still)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        """Move on, and wake whoever slept until now."""
        self.seconds += seconds
        while self._sleepers and self._sleepers[0][0] <= self.seconds:
            _due, _order, woken = heapq.heappop(self._sleepers)
            if not woken.done():
                woken.set_result(None)

    async def sleep(self, seconds: float) -> None:
        woken = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.seconds + seconds, id(woken), woken))
        await woken

    def now(self) -> datetime:
        return START + timedelta(seconds=self.seconds)


async def _soak(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from plugdesk.api.budget import RequestBudget
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.app import desk as app_module
    from plugdesk.app.reporting import ErrorReporter, Redactor
    from plugdesk.domain.fleet_pacing import FleetPaceSettings
    from plugdesk.services.qtasync import SignalWaiter
    from plugdesk.services.watch import FleetWatch
    from tests.support.remote_sim import RemoteSimulator

    clock = SimClock()
    began = time.monotonic()
    sim = RemoteSimulator(chargers=args.chargers, seed=args.seed, time_scale=0,
                          start_time=START, rate_limit_per_minute=10**9)  # fmt: skip
    errors = ErrorReporter(Redactor([sim.token]))
    errors.install()
    asyncio.get_running_loop().set_exception_handler(errors.loop_exception_handler)
    # app.Desk builds its FleetWatch itself: give it the simulated clocks (and the pacing
    # asked for: the defaults unless a slower cadence was chosen).
    pacing = FleetPaceSettings(
        interval=args.interval, tick=args.tick, latency_target=args.latency
    )
    app_module.FleetWatch = functools.partial(  # type: ignore[misc]
        FleetWatch, monotonic=clock.monotonic, clock=clock.now, sleep=clock.sleep, pacing=pacing
    )
    build_faults = app_module.wire_fault_monitoring
    app_module.wire_fault_monitoring = functools.partial(  # type: ignore[assignment]
        build_faults, clock=clock.now, native=False  # simulated time; no desktop here
    )
    client = PlugchoiceClient(sim.base_url, sim.token, budget=RequestBudget(10**9))
    try:
        desk = app_module.Desk(client, errors=errors)
    finally:
        app_module.wire_fault_monitoring = build_faults
    monitor = desk.monitor
    parts = desk.faults
    store_path = parts.store.path
    assert store_path is not None
    timer = monitor.findChild(QTimer)
    assert timer is not None
    shown: list[Any] = []
    parts.notifier.delivered.connect(lambda alert, _channel: shown.append(alert.kind))

    desk.window.show()
    first = SignalWaiter(monitor.fleet_updated)
    monitor.refresh_now()  # the first load, complete (what start() does)
    await first.wait(300)
    tick = monitor.pacer.settings.tick
    ticks_per_hour = round(3600 / tick)
    samples: list[dict[str, Any]] = []
    cycles = monitor.cycles
    try:
        for hour in range(1, int(args.hours) + 1):
            for _ in range(ticks_per_hour):
                clock.advance(tick)
                sim.advance(tick)
                timer.timeout.emit()  # the monitor's timer fires
                await _idle(monitor)
            await asyncio.sleep(0.05)  # deliveries and snapshot writes settle
            await parts.service.flush()
            samples.append(_sample(hour, parts, store_path, shown, began))
            print(json.dumps(samples[-1]), flush=True)
            if monitor.mode == "list" and not monitor.pacer.spreading and args.chargers > 200:
                print("ERROR the monitor stopped spreading the sweep", flush=True)
            if monitor.cycles <= cycles:
                print("ERROR the watch stopped cycling", flush=True)
            cycles = monitor.cycles
    finally:
        await parts.notifier.deliver_all([])
        await desk.aclose()  # the fault monitoring (store, notifier) with it
        requests = len(sim.request_log)
        faults = len(sim.fault_log)
        sim.stop()
        errors.uninstall()
    summary = {
        "hours": args.hours,
        "chargers": args.chargers,
        "interval": args.interval,
        "tick": args.tick,
        "latency_target": args.latency,
        "requests": requests,
        "fault_records": faults,
        "alerts_shown": len(shown),
        "unhandled_errors": errors.count,
        "real_seconds": round(time.monotonic() - began, 1),
        "widgets_end": len(QApplication.topLevelWidgets()),
    }
    print("SUMMARY " + json.dumps(summary), flush=True)
    return 0


async def _idle(monitor: Any) -> None:
    """Until the tick's pages are read and judged (the step is a task of its own)."""
    while monitor.is_refreshing:  # noqa: ASYNC110 - the monitor has no "done" signal
        await asyncio.sleep(0.001)


def _sample(
    hour: int, parts: Any, store_path: Path, shown: list[Any], began: float
) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from plugdesk.services.watch import CONFIRM_TASK as CONFIRM

    store = parts.store
    wal = store_path.with_name(store_path.name + "-wal")
    rows = {
        table: store._exec(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("incidents", "fleet_snapshot", "mutes", "state")
    }
    wal_kb = round(wal.stat().st_size / 1024, 1) if wal.exists() else 0.0
    # The file's size after the journal is copied in: otherwise the first hours' rows sit in
    # the journal, and the file seems to grow by them when the first checkpoint comes.
    store._exec("PRAGMA wal_checkpoint(PASSIVE)")
    return {
        "hour": hour,
        "rss_mb": round(rss_mb(), 1),
        # Re-reads waiting for a grace period to end come and go with the trouble: counted
        # apart (one per charger at most), so a leak of anything else shows.
        "tasks": len([t for t in asyncio.all_tasks() if not t.get_name().startswith(CONFIRM)]),
        "confirmations": len([t for t in asyncio.all_tasks() if t.get_name().startswith(CONFIRM)]),
        "db_kb": round(store_path.stat().st_size / 1024, 1),
        "wal_kb": wal_kb,
        "rows": rows,
        "snapshot_kb": round(
            store._exec("SELECT COALESCE(SUM(LENGTH(data)), 0) FROM fleet_snapshot").fetchone()[0]
            / 1024, 1
        ),
        "open_incidents": len(parts.tracker.open_incidents()),
        "objects": len(gc.get_objects()),
        "widgets": len(QApplication.topLevelWidgets()),
        "alerts": len(shown),
        "notifier_history": len(parts.notifier.history),
        "real_s": round(time.monotonic() - began, 1),
    }


if __name__ == "__main__":
    sys.exit(main())
