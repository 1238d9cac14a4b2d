"""PlugDesk as a process to kill -9 (run with `python -m tests.support.app_proc`).

It starts the way `app.run_gui` does (start-up housekeeping, QApplication, qasync loop,
the exception route, `app.Desk`, `faults.wire_fault_monitoring` on the app's own store
file in its data folder), then works until killed or done, reporting on stdout, one
flushed line each:

    STARTED <n temp files removed at start>
    REFRESH <n>                        a refresh starts
    COMMITTED <event> <id> [<id>...]   alerts the tracker returned: committed to the store
    SHOWN <event> <id> [<id>...]       the notification went out (a recording channel)
    MARKED <event> <id> [<id>...]      ... and its delivery is recorded in the store
    EXPORT <done> <total> <rows>       export progress (rows written to the temporary file)
    EXPORTED <rows> / EXPORT-FAILED    the export ended
    KILL <statement>                   the process kills itself with SIGKILL now
    DONE                               a clean end

Modes: `refresh` refreshes back to back; `export` exports every charger while refreshing;
both stop after `--refreshes` refreshes (0: until killed). `--kill-at PREFIX --kill-nth N`
sends SIGKILL to itself when the store starts its N-th SQL statement beginning with PREFIX
(e.g. `COMMIT`, `INSERT INTO incidents`): a kill -9 at an exact point of a store write.

The token comes from PLUGDESK_TOKEN (never on the command line, where ps shows it). The
clock runs `--clock-scale` times faster than the wall clock from `--epoch`, the same for
every run, so grace periods pass in a few real seconds and times never go backwards
across restarts.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import signal
import sqlite3
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.support.pipeline_proc import Recorder, ids

_PRINTING = threading.Lock()


def _line(*parts: object) -> None:
    """One whole line per call: the history writer's thread reports too (a KILL inside
    its commit), and print() writes its pieces one by one."""
    text = " ".join(map(str, parts)) + "\n"
    with _PRINTING:
        sys.stdout.write(text)
        sys.stdout.flush()


def _install_kill_switch(prefix: str, nth: int) -> None:
    """Every store connection kills the process at its nth statement starting with
    `prefix` (sqlite3's trace callback runs as a statement starts executing)."""
    from plugdesk.domain import store as store_module

    connect = sqlite3.connect
    seen = [0]

    def trace(statement: str) -> None:
        if statement.lstrip().upper().startswith(prefix.upper()):
            seen[0] += 1
            if seen[0] == nth:
                _line("KILL", " ".join(statement.split())[:60])
                os.kill(os.getpid(), signal.SIGKILL)

    def connect_with_switch(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(trace)
        return connection

    store_module.sqlite3.connect = connect_with_switch  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("refresh", "export"))
    parser.add_argument("--api", required=True)
    parser.add_argument("--refreshes", type=int, default=0, help="0: until killed")
    parser.add_argument("--export-to", default="")
    parser.add_argument("--epoch", type=float, required=True)
    parser.add_argument("--clock-scale", type=float, default=60.0)
    parser.add_argument("--kill-at", default="")
    parser.add_argument("--kill-nth", type=int, default=1)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from plugdesk.domain.housekeeping import clean_at_start

    removed = clean_at_start()  # as run_gui does, before anything else is written
    if args.kill_at:
        _install_kill_switch(args.kill_at, args.kill_nth)

    import qasync

    from plugdesk.app.desk import make_application

    app = make_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        _line("STARTED", len(removed))
        return int(loop.run_until_complete(_work(args)))


async def _work(args: argparse.Namespace) -> int:
    from plugdesk.api.budget import RequestBudget
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.app import desk as app_module
    from plugdesk.app.desk import Desk
    from plugdesk.app.reporting import ErrorReporter, Redactor
    from plugdesk.domain.export_run import ExportFilters, ExportRequest, ExportScope
    from plugdesk.domain.settings import Settings
    from plugdesk.services.export_job import ExportJob
    from plugdesk.services.qtasync import SignalWaiter

    token = os.environ["PLUGDESK_TOKEN"]
    errors = ErrorReporter(Redactor([token]))
    asyncio.get_running_loop().set_exception_handler(errors.loop_exception_handler)
    client = PlugchoiceClient(args.api, token, budget=RequestBudget(per_minute=1_000_000))
    scale, epoch, wall = args.clock_scale, args.epoch, time.time

    def clock() -> datetime:
        return datetime.fromtimestamp(epoch, UTC) + timedelta(seconds=(wall() - epoch) * scale)

    fast = Settings(grace_fault_s=0, grace_offline_s=0, storm_threshold=1000)
    # app.Desk as the app builds it, its fault monitoring on the fast clock and, with no
    # desktop here, without the native notification service.
    build_faults = app_module.wire_fault_monitoring
    app_module.wire_fault_monitoring = functools.partial(  # type: ignore[assignment]
        build_faults, clock=clock, native=False
    )
    try:
        desk = Desk(client, errors=errors, app_settings=fast)
    finally:
        app_module.wire_fault_monitoring = build_faults
    desk.monitor.set_interval(3600)  # refreshed back to back below
    parts = desk.faults
    parts.notifier.set_channels([Recorder()])
    parts.service.alerts.connect(lambda alerts: [_line("COMMITTED", ids(a)) for a in alerts])
    # Connected after the wiring's own mark_delivered, which queues the mark to the history
    # writer: MARKED once the writer has committed it.
    async def marked(alert: Any) -> None:
        await parts.service.history.flush()
        _line("MARKED", ids(alert))

    parts.notifier.delivered.connect(lambda alert, _channel: desk.runner.start(marked(alert)))
    desk.window.show()
    export: asyncio.Task[Any] | None = None
    if args.mode == "export":
        job = ExportJob(client, desk.runner)
        job.progress.connect(lambda done, total, rows: _line("EXPORT", done, total, rows))
        request = ExportRequest(ExportScope.all(), ExportFilters(), Path(args.export_to))
        export = asyncio.ensure_future(job.run(request))
    count = 0
    try:
        while args.refreshes == 0 or count < args.refreshes:
            _line("REFRESH", count)
            finished = SignalWaiter(desk.monitor.refresh_finished)
            desk.monitor.refresh_now()
            await finished.wait(60)
            await asyncio.sleep(0)  # the notifier's task runs between refreshes
            count += 1
        if export is not None:
            summary = await export
            _line("EXPORTED", summary.rows) if summary else _line("EXPORT-FAILED")
        await parts.notifier.deliver_all([])  # the last alerts out before a clean exit
        await parts.service.flush()
    finally:
        await desk.aclose()  # the fault monitoring (store, notifier) with it
    if errors.count:
        _line("ERRORS", errors.count)
        return 1
    _line("DONE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
