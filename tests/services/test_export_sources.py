"""Reading an export per site or per charger (issue 22 point 9): both write exactly the
same file, whatever the filters, and `choose_source` picks the way with fewer requests."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient
from plugdesk.domain.export import CsvExportWriter
from plugdesk.domain.export_run import (
    ExportFilters,
    ExportScope,
    ExportSource,
    choose_source,
    export_transactions,
    month_range,
)
from plugdesk.simulator import Simulator
from tests.support.export import frozen_sim, read_csv, truth_ids

UNLIMITED = RequestBudget(1_000_000)  # counting requests here, not pacing them


@pytest.fixture(scope="module")
def fleet() -> Iterator[Simulator]:
    with frozen_sim(chargers=24, seed=11,
                    rate_limit_per_minute=1_000_000) as sim:  # fmt: skip
        yield sim


def export(sim: Simulator, out: Path, filters: ExportFilters, source: ExportSource) -> int:
    """Export every charger into `out`; returns the requests it took."""

    async def go() -> None:
        async with PlugchoiceClient(sim.base_url, sim.token, budget=UNLIMITED) as client:
            await export_transactions(client, ExportScope.all(), filters, CsvExportWriter(out),
                                      source=source)  # fmt: skip

    before = len(sim.request_log)
    asyncio.run(go())
    return len(sim.request_log) - before


def filter_sets(sim: Simulator) -> list[ExportFilters]:
    today = sim.now().date()
    first, last = month_range(today.year, today.month)
    first, last = month_range((first - timedelta(days=1)).year, (first - timedelta(days=1)).month)
    return [
        ExportFilters(),
        ExportFilters(status="active"),
        ExportFilters(status="finished", started_from=first, stopped_until=last),
        ExportFilters(started_from=today - timedelta(days=20)),
        ExportFilters(stopped_until=today - timedelta(days=40)),
    ]


def test_site_lists_export_exactly_the_rows_of_the_charger_lists(
    fleet: Simulator, tmp_path: Path
) -> None:
    for n, filters in enumerate(filter_sets(fleet)):
        by_charger, by_site = tmp_path / f"c{n}.csv", tmp_path / f"s{n}.csv"
        export(fleet, by_charger, filters, "chargers")
        export(fleet, by_site, filters, "sites")
        rows = read_csv(by_site)
        assert rows or filters.status == "active", filters  # something to compare
        # Byte for byte: same rows, same charger columns (identity, connector numbers),
        # same order.
        assert by_site.read_bytes() == by_charger.read_bytes(), filters
    # And unfiltered, that is every transaction on the server.
    everything = read_csv(tmp_path / "s0.csv")
    assert sorted(int(r["transaction_id"]) for r in everything) == sorted(truth_ids(fleet))
    assert {r["charger_uuid"] for r in everything} <= set(fleet.charger_uuids())


def test_the_chosen_way_takes_fewer_requests(fleet: Simulator, tmp_path: Path) -> None:
    today = fleet.now().date()
    month = ExportFilters(started_from=today - timedelta(days=30), stopped_until=today)
    counts: dict[str, dict[str, int]] = {}
    for name, filters in (("month", month), ("all", ExportFilters())):
        counts[name] = {
            source: export(fleet, tmp_path / f"{name}-{source}.csv", filters, source)
            for source in ("chargers", "sites")
        }
    assert counts["month"]["chargers"] < counts["month"]["sites"], counts
    assert counts["all"]["sites"] < counts["all"]["chargers"], counts
    assert choose_source(ExportScope.all(), month) == "chargers"
    assert choose_source(ExportScope.all(), ExportFilters()) == "sites"
    assert choose_source(ExportScope.of(["a-uuid"]), ExportFilters()) == "chargers"
    # "auto" takes the chosen way: the same count as that way.
    assert export(fleet, tmp_path / "auto.csv", ExportFilters(), "auto") == counts["all"]["sites"]


def test_a_site_that_fails_lists_each_of_its_chargers(fleet: Simulator, tmp_path: Path) -> None:
    from plugdesk.domain.export_run import ExportFailed

    out = tmp_path / "x.csv"
    site_failure: Any = None

    class Broken(PlugchoiceClient):
        def iter_site_transaction_rows(self, site: str) -> Any:
            nonlocal site_failure
            site_failure = site
            return super().iter_site_transaction_rows("no-such-site")

    async def go() -> None:
        async with Broken(fleet.base_url, fleet.token, max_attempts=1,
                          budget=UNLIMITED) as client:  # fmt: skip
            await export_transactions(client, ExportScope.all(), ExportFilters(),
                                      CsvExportWriter(out), source="sites")  # fmt: skip

    with pytest.raises(ExportFailed) as caught:
        asyncio.run(go())
    failures = caught.value.failures
    assert failures and all("the transactions of site" in f.message for f in failures)
    assert not out.exists()
