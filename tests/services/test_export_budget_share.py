"""A whole-fleet export beside the fault watch: the export takes a capped share of the
request budget, so the watch's refreshes keep going (issue 22 point 9).

Durations are scaled down 50 times: the budget's "minute" is 1.2 s and allows 50 requests;
the export's share (60 %) is 30 of them, the rest stays for the watch."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from plugdesk.api.budget import EXPORT_SHARE, RequestBudget
from plugdesk.api.client import PlugchoiceClient
from plugdesk.domain.export_run import ExportFilters, ExportRequest, ExportScope
from plugdesk.domain.fleet_pacing import FleetPaceSettings
from plugdesk.services.export_job import ExportJob
from plugdesk.services.monitor import FleetMonitor
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from plugdesk.tasks import TaskRunner
from tests.support.export import read_csv

PACING = FleetPaceSettings().scaled(0.02)  # interval 0.6 s, window 1.2 s
LIMIT = 50  # requests per budget window
CHARGERS = 60


@pytest.fixture
def big_sim() -> Iterator[Simulator]:
    simulator = Simulator(chargers=CHARGERS, seed=5, rate_limit_per_minute=100_000)
    simulator.start()
    try:
        yield simulator
    finally:
        simulator.stop()


def most_in_any_window(times: list[float], window: float) -> int:
    times = sorted(times)
    return max((sum(1 for u in times if t <= u < t + window) for t in times), default=0)


def test_an_export_keeps_to_its_share_while_the_watch_refreshes(
    big_sim: Simulator, run: Any, tmp_path: Path
) -> None:
    budget = RequestBudget(LIMIT, window=PACING.window)
    client = PlugchoiceClient(big_sim.base_url, big_sim.token, budget=budget)
    errors: list[BaseException] = []
    runner = TaskRunner(on_error=errors.append)
    monitor = FleetMonitor(client, runner, pacing=PACING)
    job = ExportJob(client, runner)
    refreshes: list[float] = []
    progress: list[tuple[int, int, int]] = []
    job.progress.connect(lambda *p: progress.append(p))
    monitor.fleet_updated.connect(lambda _fleet: refreshes.append(time.monotonic()))
    target = tmp_path / "fleet.csv"
    since = (datetime.now(UTC) - timedelta(days=30)).date()
    request = ExportRequest(ExportScope.all(), ExportFilters(started_from=since), target)

    async def scenario() -> tuple[float, float]:
        first = SignalWaiter(monitor.fleet_updated)
        monitor.start()
        await first.wait(10)
        done = SignalWaiter(job.finished)
        began = time.monotonic()
        job.start(request)
        await done.wait(60)
        ended = time.monotonic()
        monitor.stop()
        await runner.cancel_all()
        await client.aclose()
        return began, ended

    began, ended = run(scenario(), timeout=90)
    assert not errors
    share = budget.share(EXPORT_SHARE)
    cap = int(LIMIT * EXPORT_SHARE)
    # The export really went through its share, and filled it (it was the bottleneck) ...
    assert share.peak == cap
    # ... and the server saw no more export requests in any window than the cap, give or
    # take the requests in flight (up to 6 at once: 4 chargers and 2 site lists), which
    # may arrive in a later window than the one that counted them.
    export_times = [r.real_time for r in big_sim.request_log
                    if r.route != "chargers.index" and began <= r.real_time <= ended]
    assert len(export_times) > 2 * cap  # long enough to span several windows
    assert most_in_any_window(export_times, PACING.window) <= cap + 10
    # The watch kept refreshing the whole time: fleets arrived throughout the export.
    during = [t for t in refreshes if began <= t <= ended]
    assert len(during) >= (ended - began) / (4 * PACING.interval)
    # And the file holds every transaction.
    rows = read_csv(target)
    assert rows and all(r["started_at"][:10] >= since.isoformat() for r in rows)
    assert job.seconds_left == 0
    # While the fleet is listed (two pages here) the progress counts the chargers listed.
    assert [p for p in progress if p[1] == 0] == [(0, 0, 0), (25, 0, 0), (50, 0, 0)]


def test_a_share_never_lets_more_than_its_cap_through() -> None:
    """Pure budget arithmetic with a fake clock: a share of 0.6 of 10 lets 6 through per
    window, and what it takes counts in the parent too (the parent's 4 remain free)."""
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    parent = RequestBudget(10, window=60.0, clock=lambda: now[0], sleep=sleep)
    share = parent.share(0.6)
    assert parent.share(0.6) is share  # one share per fraction: two exports keep the cap

    async def take(budget: RequestBudget, count: int) -> None:
        for _ in range(count):
            await budget.acquire()

    asyncio.run(take(share, 6))
    assert slept == [] and parent.remaining() == 4 and share.remaining() == 0
    asyncio.run(take(parent, 4))  # the watch's reserve is still there, without waiting
    assert slept == []
    asyncio.run(take(share, 1))  # the seventh waits for the window to move on
    assert slept and now[0] >= 60.0
    assert share.peak == 6
    parent.pause_for(5)  # a 429 seen by anyone holds the share back too
    assert share.paused_for() == 5
