"""The start-up stack floor: the least any client of this API on this stack does before its
first fleet is on screen. A bare script that imports PySide6, qasync, httpx and msgspec,
makes one loopback GET (`PLUGDESK_BENCH_FLEET_URL`: the 40-charger list, served by the
benchmark itself), decodes it with msgspec, fills a 40-row table in a QMainWindow, paints
the window and writes the time, exactly as the app's probe does (`plugdesk.ui.ready_hook`).
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import httpx
import msgspec
import PySide6  # noqa: F401 - first: qasync uses the Qt binding already imported
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem

COLUMNS = ("identity", "reference", "connection_status", "status", "error", "last_heartbeat_at")


class Charger(msgspec.Struct):
    uuid: str
    identity: str | None = None
    reference: str | None = None
    connection_status: str | None = None
    status: str | None = None
    error: str | None = None
    last_heartbeat_at: str | None = None


class Page(msgspec.Struct):
    data: list[Charger]


async def fetch(url: str) -> list[Charger]:
    async with httpx.AsyncClient() as client:
        response = await client.get(url)
        response.raise_for_status()
    return msgspec.json.decode(response.content, type=Page).data


def fill(table: QTableWidget, chargers: list[Charger]) -> None:
    table.setRowCount(len(chargers))
    for row, charger in enumerate(chargers):
        for column, name in enumerate(COLUMNS):
            table.setItem(row, column, QTableWidgetItem(getattr(charger, name) or ""))


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableWidget(0, len(COLUMNS))
    table.setHorizontalHeaderLabels(COLUMNS)
    window.setCentralWidget(table)
    window.resize(1440, 900)
    window.show()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    done = asyncio.Event()

    def report() -> None:
        window.repaint()  # painted, not just scheduled
        Path(os.environ["PLUGDESK_BENCH_READY_FILE"]).write_text(f"{time.time():.6f}\n")
        done.set()

    async def first_fleet() -> None:
        fill(table, await fetch(os.environ["PLUGDESK_BENCH_FLEET_URL"]))
        QTimer.singleShot(0, report)
        await done.wait()

    with loop:
        loop.run_until_complete(first_fleet())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
