"""The app as the benchmarks drive it: the real composition root (`plugdesk.app.desk.Desk`:
client, monitor, charger service, main window) on one qasync loop, offscreen."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import qasync  # noqa: F401  (PySide6 first, then qasync: as the app does)
from PySide6.QtWidgets import QApplication

from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient
from plugdesk.app.desk import Desk, make_application
from plugdesk.app.reporting import ErrorReporter, Redactor
from plugdesk.app.startup import MainThreadGC, favour_the_ui_thread, import_network_stack

# Benchmarks of CPU and memory must not wait for the rate limit; the request-budget
# benchmark sets the real one.
UNLIMITED = 10_000_000


WAKE_MS = 20
_keep: list[object] = []


def qt_loop() -> tuple[QApplication, asyncio.AbstractEventLoop]:
    """The QApplication and a qasync loop, set as the current loop.

    A do-nothing timer wakes the loop every 20 ms, as the app's own timers do: without
    any, a bench process once sat idle in poll() for minutes with its load task pending
    (a wake-up from one of qasync's executor threads that never arrived)."""
    import qasync as qa
    from PySide6.QtCore import QTimer

    app = make_application()
    favour_the_ui_thread()  # as run_gui
    collector = MainThreadGC()  # as run_gui: cycles are collected on this thread, timed
    collector.install()
    _keep.append(collector)
    loop = qa.QEventLoop(app)
    asyncio.set_event_loop(loop)
    wake = QTimer()
    wake.setInterval(WAKE_MS)
    wake.timeout.connect(_nothing)
    wake.start()
    _keep.append(wake)
    return app, loop


def _nothing() -> None:
    return None


def make_desk(
    base_url: str, token: str, *, per_minute: int = UNLIMITED, window: float = 60.0
) -> Desk:
    import_network_stack(demo=False)  # as Desk.connect: what the first request would load
    budget = RequestBudget(per_minute, window)
    client = PlugchoiceClient(base_url, token, budget=budget)
    errors = ErrorReporter(Redactor([token]))
    return Desk(client, errors=errors)


async def until(condition: Callable[[], bool], seconds: float, step: float = 0.005) -> None:
    """Wait (letting the loop run) until `condition()` holds; TimeoutError after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("a benchmark step took too long")
        await asyncio.sleep(step)


async def paint(desk: Desk) -> None:
    """Let the loop run the views' pending layout work, then paint the fleet table now
    (offscreen paints into the backing store).

    Never `QApplication.processEvents()` inside a coroutine: it would run other tasks'
    steps while this task is still executing ("Cannot enter into task"), and those tasks
    would never finish."""
    for _ in range(2):
        await asyncio.sleep(0)
    desk.window.fleet_view.table.viewport().repaint()


def finish(loop: asyncio.AbstractEventLoop) -> None:
    """Stop the loop's worker threads (qasync runs them as QThreads, which abort the
    process if still alive at exit) and close it."""
    loop.run_until_complete(loop.shutdown_default_executor())
    loop.close()
