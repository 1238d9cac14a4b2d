"""A start-up probe for the benchmarks (`python -m bench`), off unless asked for.

With `PLUGDESK_BENCH_READY_FILE` set, the first time the fleet table has chargers it is
painted at once and the wall-clock time (`time.time()`) is written to that file; with
`PLUGDESK_BENCH_QUIT=1` as well, the app then quits; with `PLUGDESK_BENCH_QUIT=refreshed`
it quits after its first complete refresh instead (which caches the fleet for the next
start). The benchmark measures process start
to that moment. One call from the composition root after the window is shown:
`install_ready_hook(window)`.

No event filter or paint override on purpose: on PySide6 6.12 / Python 3.11 every Python
override of a virtual loses a reference to its return value (None, True, False).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from plugdesk.ui.main_window import MainWindow

READY_FILE_ENV = "PLUGDESK_BENCH_READY_FILE"
QUIT_ENV = "PLUGDESK_BENCH_QUIT"
QUIT_AFTER_REFRESH = "refreshed"
HOOK_NAME = "plugdesk-ready-hook"


class _FirstFleetPaint(QObject):
    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self.setObjectName(HOOK_NAME)
        self._window = window
        self._path = path
        self._done = False
        model = window.fleet_model
        model.rowsInserted.connect(self._later)
        model.modelReset.connect(self._later)
        if os.environ.get(QUIT_ENV) == QUIT_AFTER_REFRESH:
            window.monitor.refresh_finished.connect(self._refreshed)

    def _later(self, *_args: Any) -> None:
        if not self._done and self._window.fleet_model.rowCount() > 0:
            self._done = True
            # After the views have taken the rows in (the proxy sorts on its own signal).
            QTimer.singleShot(0, self._report)

    def _refreshed(self, *_args: Any) -> None:
        if self._window.monitor.last_success is not None:
            QApplication.quit()

    def _report(self) -> None:
        self._window.repaint()  # the whole window painted, not just scheduled
        painted = time.time()
        self._path.write_text(f"{painted:.6f}\n")
        if os.environ.get(QUIT_ENV) == "1":
            QApplication.quit()


def install_ready_hook(window: MainWindow) -> None:
    """Arm the probe if the environment asks for it (idempotent)."""
    path = os.environ.get(READY_FILE_ENV)
    if not path or window.findChild(QObject, HOOK_NAME) is not None:
        return
    _FirstFleetPaint(window, Path(path))
