"""The real parts wired as the app wires them, against a simulator on loopback.

Used by the UI and service tests: a PlugchoiceClient over HTTP, a TaskRunner whose errors
fail the test, the FleetMonitor and ChargerService, and (for UI tests) the MainWindow.
Retries skip their back-off sleeps so a chaos scenario does not slow the suite down.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractItemModel

from plugdesk.api.client import PlugchoiceClient
from plugdesk.services.chargers import ChargerService
from plugdesk.services.monitor import FleetMonitor
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.services.watch import FleetWatch
from plugdesk.tasks import TaskRunner
from plugdesk.ui.main_window import MainWindow


async def no_sleep(_seconds: float) -> None:
    """Retries go again at once: the back-off itself is the API client's own tests' job."""


@dataclass
class Harness:
    client: PlugchoiceClient
    runner: TaskRunner
    monitor: FleetMonitor
    chargers: ChargerService
    errors: list[BaseException] = field(default_factory=list)
    window: MainWindow | None = None
    # Awaited after each refresh: e.g. the incident service's flush, whose commits (and
    # so its alerts) come from the history writer's thread after the refresh itself.
    settle: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    async def aclose(self) -> None:
        self.monitor.stop()
        await self.runner.cancel_all()
        await self.client.aclose()
        if self.window is not None and shiboken6.isValid(self.window):
            self.window.close()
        assert not self.errors, f"unexpected errors: {self.errors!r}"

    async def refresh(self, seconds: float = 10) -> None:
        """One complete refresh (whatever its outcome)."""
        done = SignalWaiter(self.monitor.refresh_finished)
        assert self.monitor.refresh_now()
        await done.wait(seconds)
        for settled in self.settle:
            await settled()


def make_harness(
    sim: Any, *, token: str | None = None, watch: bool = False, **client_options: Any
) -> Harness:
    """`watch`: the app's FleetWatch (team attention lists, connectors) instead of the
    plain charger-list FleetMonitor it builds on."""
    errors: list[BaseException] = []
    client = PlugchoiceClient(
        sim.base_url, token or sim.token, sleep=no_sleep, **client_options
    )
    runner = TaskRunner(on_error=errors.append)
    # FleetWatch re-reads a charger when its grace ends: after an hour, never in a test.
    monitor = (FleetWatch(client, runner, grace=(3600.0, 3600.0)) if watch
               else FleetMonitor(client, runner))  # fmt: skip
    chargers = ChargerService(client, runner)
    return Harness(client, runner, monitor, chargers, errors)


def make_window_harness(sim: Any, qtbot: Any, settings: Any = None) -> Harness:
    harness = make_harness(sim)
    window = MainWindow(
        harness.monitor, harness.chargers, settings=settings, runner=harness.runner
    )
    qtbot.addWidget(window)
    window.set_api_host(harness.client.host)
    window.set_user("Demo")
    window.show()
    harness.window = window
    return harness


class ModelChecks:
    """pytest-qt's model tester, one per model: its `qtmodeltester` fixture is a single
    tester, and checking a second model with it leaves the first model's signals wired
    to checks that look at the second one. Each tester re-checks its model on every
    change (rows inserted, removed, data changed, layout, reset)."""

    def __init__(self) -> None:
        self.testers: list[Any] = []

    def check(self, model: QAbstractItemModel) -> None:
        # Imported late: pytest-qt sets its Qt binding up only once pytest has started.
        from pytestqt.modeltest import ModelTester

        tester = ModelTester(None)
        tester.check(model, force_py=True)
        self.testers.append(tester)

    def close(self) -> None:
        """Disconnect, before the models go away with their window."""
        for tester in self.testers:
            with contextlib.suppress(RuntimeError):  # model already deleted
                tester._cleanup()
        self.testers.clear()



def collect_on_main_thread() -> Iterator[None]:
    """Fixture body: no automatic cycle collection during the test (it could run in the
    simulator's or a worker's thread and delete QObjects there, see
    plugdesk.app.startup); collect here, on the main thread, afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()
