"""Run Python's cycle collector on the Qt main thread only.

Python collects reference cycles in whichever thread happens to allocate when a threshold
is crossed: a worker of `asyncio.to_thread`, an httpx thread, the demo simulator's server.
When such a cycle holds a QObject (a window, a model, a service with a QTimer: lambdas
connected to signals make cycles easily), Qt then deletes that object from the wrong
thread, and a timer of the dead object later fires into freed memory: a segmentation fault
(seen here in the test suite, and possible in a long-running app that opens and closes
dialogs). The known remedy for PyQt/PySide apps: turn automatic collection off and collect
from a timer in the GUI thread instead, with the same generation thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500


class MainThreadGC(QObject):
    """While installed, cycles are only collected by this timer, on the main thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self.collections = 0

    def install(self) -> None:
        gc.disable()
        self._timer.start()

    def check(self) -> None:
        """Collect the generations whose counts crossed their thresholds (as Python's own
        automatic collection would have, only later and here)."""
        count0, count1, count2 = gc.get_count()
        limit0, limit1, limit2 = self._threshold
        if count0 <= limit0:
            return
        generation = 2 if count2 > limit2 else 1 if count1 > limit1 else 0
        gc.collect(generation)
        self.collections += 1

    def uninstall(self) -> None:
        """Collect what is left here, then give collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
