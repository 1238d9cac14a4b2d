"""Fault-monitoring wiring on a real main window, for tests: a stand-in for the desk
built from the window harness, wired and closed in order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings

from plugdesk.app.alerts import FaultMonitoring, wire_fault_monitoring
from plugdesk.domain.settings import Settings
from plugdesk.simulator import Simulator
from plugdesk.ui.main_window import MainWindow
from tests.support.harness import Harness, make_window_harness

FAST = Settings(grace_fault_s=0, grace_offline_s=0, storm_threshold=1000)


@dataclass
class DeskStandIn:
    """What wire_fault_monitoring reads from app.Desk, built from the test harness."""

    harness: Harness

    @property
    def window(self) -> MainWindow:
        assert self.harness.window is not None
        return self.harness.window

    @property
    def monitor(self) -> Any:
        return self.harness.monitor

    @property
    def runner(self) -> Any:
        return self.harness.runner

    @property
    def client(self) -> Any:
        return self.harness.client


def wired(
    sim: Simulator, qtbot: Any, settings: Settings = FAST, ini: Path | None = None
) -> tuple[DeskStandIn, FaultMonitoring]:
    qsettings = QSettings(str(ini), QSettings.Format.IniFormat) if ini else None
    desk = DeskStandIn(make_window_harness(sim, qtbot, settings=qsettings))
    parts = wire_fault_monitoring(desk, settings=settings, clock=sim.now, native=False)
    desk.harness.settle.append(parts.service.flush)
    return desk, parts


async def close(desk: DeskStandIn, parts: FaultMonitoring) -> None:
    """`parts.aclose()`, in a fixture's teardown: pytest-qt has closed the window by then
    and Qt deletes it (and the notifier, its child) at the first turn of the loop, such
    as the one the history writer's flush waits in."""
    await parts.service.flush()
    if shiboken6.isValid(parts.notifier):
        await parts.notifier.aclose()
    parts.close()
    await desk.harness.aclose()
