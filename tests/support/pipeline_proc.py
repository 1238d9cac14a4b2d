"""Two processes for the kill -9 test (run with `python -m tests.support.pipeline_proc`):

`sim`      a simulator at high time scale; prints one JSON line {"base_url", "token"} and
           serves until its stdin closes (or it is terminated).
`pipeline` the real PlugDesk fault pipeline (FleetMonitor -> IncidentService ->
           IncidentTracker -> SQLite store -> Notifier) on a qasync loop, refreshing back
           to back. It reports on stdout, one flushed line each:
               REFRESH <n>                       a refresh starts
               COMMITTED <event> <id> [<id>...]  alerts returned by the tracker: committed
               SHOWN <event> <id> [<id>...]      the notification went out
               MARKED <event> <id> [<id>...]     ... and its delivery is recorded
           A kill can land anywhere between these lines.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported at run time only once Qt is up, in the workers below
    from plugdesk.domain.incidents import Alert
    from plugdesk.services.notifier import Note


def _line(*parts: object) -> None:
    print(*parts, flush=True)


def ids(alert: Alert) -> str:
    """An alert as the report lines name it: "<event> <id> [<id>...]"."""
    return f"{alert.event} {' '.join(str(i) for i in alert.incident_ids)}"


class Recorder:
    """The notification channel: a line on stdout is the user seeing it."""

    name = "recorder"

    def available(self) -> bool:
        return True

    async def deliver(self, note: Note) -> bool:
        _line("SHOWN", ids(note.alert))
        return True


def run_sim(args: argparse.Namespace) -> int:
    from plugdesk.simulator import Simulator

    sim = Simulator(
        chargers=args.chargers,
        seed=args.seed,
        time_scale=args.time_scale,
        rate_limit_per_minute=1_000_000,
    )
    sim.start()
    try:
        _line(json.dumps({"base_url": sim.base_url, "token": sim.token}))
        sys.stdin.read()  # until the test closes our stdin
    finally:
        sim.stop()
    return 0


def run_pipeline(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import PySide6  # noqa: F401 - first: qasync uses the Qt binding already imported
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return int(loop.run_until_complete(_pipeline(args)))


async def _pipeline(args: argparse.Namespace) -> int:
    from plugdesk.api.budget import RequestBudget
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.domain.incidents import IncidentTracker, NotificationPrefs
    from plugdesk.domain.store import Store
    from plugdesk.services.incidents import IncidentService
    from plugdesk.services.monitor import FleetMonitor
    from plugdesk.services.notifier import Notifier
    from plugdesk.tasks import TaskRunner

    failures: list[BaseException] = []
    token = os.environ["PLUGDESK_TOKEN"]  # not on the command line, where ps shows it
    client = PlugchoiceClient(args.api, token, budget=RequestBudget(per_minute=1_000_000))
    runner = TaskRunner(on_error=failures.append)
    monitor = FleetMonitor(client, runner, interval=3600)
    store = Store(Path(args.store))
    prefs = NotificationPrefs(fault=True, offline=True, stale=True, resolved=True)
    tracker = IncidentTracker(store, grace_fault=0, grace_offline=0, grace_clear=0,
                              storm_threshold=1000, prefs=prefs)  # fmt: skip
    service = IncidentService(store, tracker, runner)
    service.attach(monitor)
    # Connected first, so COMMITTED is printed before the notifier sees the alerts.
    service.alerts.connect(lambda alerts: [_line("COMMITTED", ids(a)) for a in alerts])
    notifier = Notifier(runner, [Recorder()])
    service.alerts.connect(notifier.notify)

    async def marked(alert: Alert) -> None:
        await service.history.flush()  # the mark is committed off the UI thread
        _line("MARKED", ids(alert))

    def delivered(alert: Alert, _channel: str) -> None:
        service.mark_delivered(alert)
        runner.start(marked(alert))

    notifier.delivered.connect(delivered)
    count = 0
    try:
        while args.refreshes == 0 or count < args.refreshes:
            _line("REFRESH", count)
            await monitor.refresh()
            await asyncio.sleep(0)  # let the notifier's task run between refreshes
            count += 1
        await notifier.deliver_all([])  # the last alerts out before a clean exit
    finally:
        await runner.cancel_all()
        service.close()
        await client.aclose()
    for failure in failures:
        _line("ERROR", repr(failure))
    _line("DONE")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="role", required=True)
    sim = sub.add_parser("sim")
    sim.add_argument("--chargers", type=int, default=50)
    sim.add_argument("--seed", type=int, default=5)
    sim.add_argument("--time-scale", type=float, default=600.0)
    pipeline = sub.add_parser("pipeline")
    pipeline.add_argument("--api", required=True)
    pipeline.add_argument("--store", required=True)
    pipeline.add_argument("--refreshes", type=int, default=0, help="0: until killed")
    args = parser.parse_args(argv)
    return run_sim(args) if args.role == "sim" else run_pipeline(args)


if __name__ == "__main__":
    sys.exit(main())
