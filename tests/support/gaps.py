"""Event-loop gap meters shared by the responsiveness tests (tests/ui/test_event_loop.py)
and the chaos runs (tests/support/hour.py)."""

from __future__ import annotations

import asyncio
import time

from PySide6.QtCore import QTimer


def run_queue_wait() -> float:
    """Seconds this thread has spent runnable but waiting for a CPU (Linux; 0 elsewhere)."""
    try:
        with open("/proc/thread-self/schedstat", "rb") as handle:
            return int(handle.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class Gaps:
    """Longest pause between ticks of an asyncio ticker and of a QTimer (wall-clock time
    less run-queue wait), and the most CPU time the UI thread spent between two asyncio
    ticks (work that did not yield: what the app itself is responsible for).
    """

    def __init__(self) -> None:
        self.asyncio_max = 0.0
        self.qt_max = 0.0
        self.cpu_max = 0.0
        self.raw_max = 0.0  # wall clock, run-queue waits included: reported only
        self.ticks = 0
        self._running = True
        self._qt_last = time.perf_counter()
        self._qt_wait = run_queue_wait()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._qt_tick)

    def _qt_tick(self) -> None:
        now, wait = time.perf_counter(), run_queue_wait()
        self.qt_max = max(self.qt_max, now - self._qt_last - (wait - self._qt_wait))
        self._qt_last, self._qt_wait = now, wait

    async def run(self) -> None:
        self.timer.start()
        last, last_cpu, last_wait = time.perf_counter(), time.thread_time(), run_queue_wait()
        while self._running:
            await asyncio.sleep(0.005)
            now, cpu, wait = time.perf_counter(), time.thread_time(), run_queue_wait()
            self.raw_max = max(self.raw_max, now - last)
            self.asyncio_max = max(self.asyncio_max, now - last - (wait - last_wait))
            self.cpu_max = max(self.cpu_max, cpu - last_cpu)
            self.ticks += 1
            last, last_cpu, last_wait = now, cpu, wait
        self.timer.stop()

    def stop(self) -> None:
        self._running = False
