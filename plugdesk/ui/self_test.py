"""`plugdesk --self-test`: drive the real window against the simulator and report.

It checks what a user would: the fleet list fills, selecting a charger fills the detail
pane and the transactions, the window paints, and no unexpected error was reported. Used
by CI on the frozen bundle, so it must finish quickly and print one line per check.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TextIO

from plugdesk.services.qtasync import SignalWaiter
from plugdesk.ui.main_window import MainWindow

STEP_TIMEOUT = 30.0


class SelfTest:
    def __init__(self, window: MainWindow, out: TextIO, errors: Callable[[], int]) -> None:
        self.window = window
        self.out = out
        self.errors = errors
        self.failures = 0

    def line(self, name: str, ok: bool, detail: str) -> None:
        self.failures += not ok
        print(f"  {name:<16} {'ok' if ok else 'FAILED'}  {detail}", file=self.out, flush=True)

    async def run(self) -> bool:
        started = time.monotonic()
        print("PlugDesk self-test", file=self.out, flush=True)
        try:
            await self._fleet()
            await self._charger()
            self._paint()
        except TimeoutError:
            self.line("timeout", False, f"a step took longer than {STEP_TIMEOUT:.0f} s")
        errors = self.errors()
        self.line("errors", errors == 0, f"{errors} unexpected errors reported")
        verdict = "passed" if self.failures == 0 else f"FAILED ({self.failures} checks)"
        took = time.monotonic() - started
        print(f"PlugDesk self-test {verdict} in {took:.1f} s", file=self.out, flush=True)
        return self.failures == 0

    async def _fleet(self) -> None:
        window = self.window
        if window.monitor.last_success is None:
            await SignalWaiter(window.monitor.fleet_updated).wait(STEP_TIMEOUT)
        count = window.fleet_model.rowCount()
        self.line("fleet", count > 0, f"{count} chargers ({window.fleet_view.summary()})")

    async def _charger(self) -> None:
        window = self.window
        service = window.chargers
        detail = SignalWaiter(service.detail_loaded)
        transactions = SignalWaiter(service.transactions_loaded)
        window.fleet_view.table.selectRow(0)
        (charger,) = await detail.wait(STEP_TIMEOUT)
        connectors = len(charger.connectors or [])
        shown = window.detail_pane.title.text()
        self.line("charger detail", bool(shown) and connectors > 0,
                  f"{shown}: {connectors} connectors")
        _uuid, rows = await transactions.wait(STEP_TIMEOUT)
        await asyncio.sleep(0)  # let the view take the rows
        self.line("transactions", window.transactions_view.model.rowCount() == len(rows),
                  f"{len(rows)} loaded, {window.transactions_view.totals_label.text()}")

    def _paint(self) -> None:
        pixmap = self.window.grab()
        self.line("paint", not pixmap.isNull(), f"{pixmap.width()}x{pixmap.height()} window")
