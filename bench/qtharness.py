"""The app as the benchmarks drive it: the real composition root (`plugdesk.app.Desk`:
client, monitor, charger service, main window) on one qasync loop, offscreen."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import qasync  # noqa: F401  (PySide6 first, then qasync: as the app does)
from PySide6.QtWidgets import QApplication

from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient
from plugdesk.app import Desk, make_application
from plugdesk.services.errors import ErrorReporter, Redactor

# Benchmarks of CPU and memory must not wait for the rate limit; the request-budget
# benchmark sets the real one.
UNLIMITED = 10_000_000


def qt_loop() -> tuple[QApplication, asyncio.AbstractEventLoop]:
    """The QApplication and a qasync loop, set as the current loop."""
    import qasync as qa

    app = make_application()
    loop = qa.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return app, loop


def make_desk(
    base_url: str, token: str, *, per_minute: int = UNLIMITED, window: float = 60.0
) -> Desk:
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


def paint(desk: Desk) -> None:
    """Lay out and paint what is visible now (offscreen paints into the backing store)."""
    QApplication.processEvents()
    desk.window.fleet_view.table.viewport().repaint()


def finish(loop: asyncio.AbstractEventLoop) -> None:
    """Stop the loop's worker threads (qasync runs them as QThreads, which abort the
    process if still alive at exit) and close it."""
    loop.run_until_complete(loop.shutdown_default_executor())
    loop.close()
