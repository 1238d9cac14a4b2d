"""Memory: peak RSS of the app with 5,000 chargers and 100,000 transactions loaded,
against a bare PySide6 window; each in a fresh process (the simulator runs in another).

The 5,000 chargers come over HTTP through the real monitor into the real window. The
100,000 transactions (4,000 pages of 25: four thousand requests against the rate limit)
are read from a file of page bodies, decoded page by page as the client does, and handed
to the window exactly as the charger service would hand them."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from bench.common import Result, child_env, emit, peak_rss_mb, run_worker, spread
from bench.simproc import SimProcess

PAGE = 25
ALLOWANCE_MB = 150
UNLIMITED = 10_000_000


def write_pages(path: Path, count: int) -> str:
    """`count` transactions of one charger as page bodies, one a line; returns its UUID."""
    from bench.b_data import history, page_body

    items, detail = history(count)
    with path.open("wb") as out:
        for start in range(0, len(items), PAGE):
            out.write(page_body(items[start : start + PAGE]) + b"\n")
    return str(detail["uuid"])


def floor_worker(_argv: list[str]) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1440, 900)
    window.show()
    for _ in range(5):
        app.processEvents()
        window.repaint()
        time.sleep(0.02)
    emit({"peak_rss_mb": peak_rss_mb()})


def app_worker(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--pages-file", required=True)
    options = parser.parse_args(argv)

    from bench.b_gui import _load, _shown_desk
    from bench.qtharness import finish, paint, qt_loop
    from plugdesk.api import decode
    from plugdesk.api.models import Transaction

    _app, loop = qt_loop()
    rows: list[Transaction] = []
    with Path(options.pages_file).open("rb") as pages:
        for line in pages:  # page by page, as the client decodes them
            rows.extend(decode.decode_page(line, Transaction).data)

    async def scenario() -> dict[str, float]:
        desk = await _shown_desk(options.base_url, options.token)
        try:
            await _load(desk)
            view = desk.window.transactions_view
            view.set_transactions(rows)
            for _ in range(50):  # let the model arrange the rows (maybe off the UI thread)
                await asyncio.sleep(0.05)
                await paint(desk)
                if view.model.rowCount() == len(rows):
                    break
            view.table.viewport().repaint()
            return {
                "peak_rss_mb": peak_rss_mb(),
                "chargers": desk.window.fleet_model.rowCount(),
                "transactions": view.model.rowCount(),
            }
        finally:
            await desk.aclose()

    result = loop.run_until_complete(scenario())
    finish(loop)
    emit(result)



def run(runs: int, home: Path) -> list[Result]:
    pages = home / "transactions-100k.jsonl"
    write_pages(pages, 100_000)
    app: list[float] = []
    floor: list[float] = []
    loaded: dict[str, float] = {}
    with SimProcess(child_env(home), chargers=5000, rate_limit=UNLIMITED) as sim:
        for _ in range(runs):
            floor.append(run_worker("memory_floor", [], home)[0]["peak_rss_mb"])
            answer = run_worker(
                "memory_app",
                ["--base-url", sim.base_url, "--token", sim.token, "--pages-file", str(pages)],
                home,
            )[0]
            app.append(answer["peak_rss_mb"])
            loaded = {k: v for k, v in answer.items() if k != "peak_rss_mb"}
    median, low, high = spread(app)
    base = statistics.median(floor)
    return [
        Result(
            name="memory",
            median=median,
            min=low,
            max=high,
            unit="MB",
            floor=base,
            ratio=median / base,
            target=f"≤ floor + {ALLOWANCE_MB} MB",
            passed=median - base <= ALLOWANCE_MB,
            samples=app,
            floor_samples=floor,
            details={"over_floor_mb": median - base, **loaded},
        )
    ]
