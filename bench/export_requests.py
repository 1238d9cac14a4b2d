"""`python -m bench.export_requests [--chargers 1000]`: requests an all-fleet export takes,
read per charger or per site, for a month and for the whole history (issue 22 point 9).

Not a timed row: it counts the simulator's `request_log` (every request the server saw),
so the figures do not depend on the machine. Prints one JSON object."""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from collections import Counter
from datetime import timedelta
from pathlib import Path

from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient
from plugdesk.domain.export import CsvExportWriter
from plugdesk.domain.export_run import (
    ExportFilters,
    ExportScope,
    choose_source,
    export_transactions,
)
from plugdesk.simulator import Simulator

UNLIMITED = 10_000_000


def count(sim: Simulator, filters: ExportFilters, source: str, folder: Path) -> dict[str, object]:
    async def go() -> int:
        async with PlugchoiceClient(sim.base_url, sim.token,
                                    budget=RequestBudget(UNLIMITED)) as client:  # fmt: skip
            out = folder / f"{source}.csv"
            summary = await export_transactions(client, ExportScope.all(), filters,
                                                CsvExportWriter(out), source=source)  # type: ignore[arg-type]  # fmt: skip
            return summary.rows

    before = len(sim.request_log)
    rows = asyncio.run(go())
    routes = Counter(r.route for r in sim.request_log[before:])
    return {"requests": sum(routes.values()), "rows": rows, "by_route": dict(routes)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chargers", type=int, default=1000)
    args = parser.parse_args()
    sim = Simulator(chargers=args.chargers, seed=11, time_scale=0, rate_limit_per_minute=UNLIMITED)
    sim.start()
    try:
        today = sim.now().date()
        cases = {
            "month": ExportFilters(started_from=today - timedelta(days=30), stopped_until=today),
            "all history": ExportFilters(),
        }
        figures: dict[str, object] = {"chargers": args.chargers}
        with tempfile.TemporaryDirectory() as folder:
            for name, filters in cases.items():
                figures[name] = {
                    "chosen": choose_source(ExportScope.all(), filters),
                    **{s: count(sim, filters, s, Path(folder)) for s in ("chargers", "sites")},
                }
        print(json.dumps(figures, indent=2))
    finally:
        sim.stop()


if __name__ == "__main__":
    main()
