"""FleetMonitor on a fleet large enough to be paced, against the simulator over loopback.

The pacing durations are scaled down 50 times (a "minute" is 1.2 s) and `burst_pages` is
2, so 100 chargers (4 pages) are read a few pages a tick instead of all at once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.models import Charger
from plugdesk.domain.fleet_pacing import FleetPaceSettings
from plugdesk.services.monitor import PROGRESS_EVERY, FleetMonitor, LoadProgress
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from plugdesk.tasks import TaskRunner

SETTINGS = FleetPaceSettings(burst_pages=2).scaled(0.02)
PAGES = 4


@pytest.fixture
def paced_sim() -> Iterator[Simulator]:
    simulator = Simulator(chargers=25 * PAGES, seed=3)
    simulator.start()
    try:
        yield simulator
    finally:
        simulator.stop()


def list_requests(sim: Simulator, after: float = 0.0) -> list[float]:
    return [r.real_time for r in sim.request_log if r.route == "chargers.index"
            and r.real_time > after]


def faulted(uuid: str) -> Any:
    def check(fleet: list[Charger]) -> bool:
        return any(c.uuid == uuid and c.status == "Faulted" for c in fleet)

    return check


def test_a_large_fleet_is_read_a_page_at_a_time_and_a_fault_shows_in_time(
    paced_sim: Simulator, run: Any
) -> None:
    errors: list[BaseException] = []
    client = PlugchoiceClient(paced_sim.base_url, paced_sim.token)
    runner = TaskRunner(on_error=errors.append)
    monitor = FleetMonitor(client, runner, pacing=SETTINGS)
    target = paced_sim.charger_uuids()[-1]  # on the last page

    async def scenario() -> tuple[float, float]:
        first = SignalWaiter(monitor.fleet_updated)
        monitor.start()
        (fleet,) = await first.wait(10)
        assert len(fleet) == 25 * PAGES
        assert monitor.pacer.spreading
        loaded = time.monotonic()
        seen = SignalWaiter(monitor.fleet_updated, faulted(target))
        await _sleep(2 * SETTINGS.window)  # steady state: two "minutes" of pacing
        paced_sim.force_fault(target)
        started = time.monotonic()
        (fleet,) = await seen.wait(10)
        took = time.monotonic() - started
        assert len(fleet) == 25 * PAGES  # still the whole fleet, not a page
        monitor.stop()
        await runner.cancel_all()
        await client.aclose()
        return loaded, took

    loaded, took = run(scenario(), timeout=30)
    assert not errors
    assert took <= SETTINGS.latency_target
    # Steady state: the list once per cycle, a page or two per tick, never all four at once.
    times = list_requests(paced_sim, after=loaded + SETTINGS.window)
    per_window = len([t for t in times if t <= loaded + 2 * SETTINGS.window])
    cycle = monitor.pacer.cycle()
    assert PAGES * SETTINGS.window / cycle - 2 <= per_window <= PAGES * SETTINGS.window / cycle + 2
    assert max(sum(1 for u in times if t <= u < t + SETTINGS.tick) for t in times) <= 2


@pytest.mark.log_warnings("the refresh fails on purpose; the monitor warns")
def test_server_errors_mark_the_fleet_stale_and_the_pacer_backs_off(
    paced_sim: Simulator, run: Any
) -> None:
    client = PlugchoiceClient(paced_sim.base_url, paced_sim.token, max_attempts=1)
    runner = TaskRunner(on_error=lambda error: None)
    monitor = FleetMonitor(client, runner, pacing=SETTINGS)
    states: list[str] = []
    monitor.connection_state_changed.connect(states.append)

    async def scenario() -> float:
        first = SignalWaiter(monitor.fleet_updated)
        monitor.start()
        await first.wait(10)
        failed = SignalWaiter(monitor.refresh_failed)
        paced_sim.set_chaos("flaky", error_rate=1.0)
        await failed.wait(10)
        paused = monitor.pacer.paused_until - time.monotonic()
        recovered = SignalWaiter(monitor.connection_state_changed, lambda s: s == "ok")
        paced_sim.set_chaos(None)
        await recovered.wait(10)
        monitor.stop()
        await runner.cancel_all()
        await client.aclose()
        return paused

    paused = run(scenario(), timeout=30)
    assert states == ["stale", "ok"]
    assert paused > 0  # the next page waited instead of hammering a failing server
    assert len(monitor.chargers) == 25 * PAGES  # the last good fleet was kept


def test_f5_on_a_paced_fleet_is_one_complete_refresh(paced_sim: Simulator, run: Any) -> None:
    client = PlugchoiceClient(paced_sim.base_url, paced_sim.token)
    runner = TaskRunner(on_error=lambda error: None)
    monitor = FleetMonitor(client, runner, pacing=SETTINGS)

    async def scenario() -> float:
        first = SignalWaiter(monitor.fleet_updated)
        monitor.start()
        await first.wait(10)
        await _sleep(SETTINGS.window)
        pressed = time.monotonic()
        done = SignalWaiter(monitor.refresh_finished)
        assert monitor.refresh_now()  # even if a few-pages step was running
        (state,) = await done.wait(10)
        assert state == "ok"
        monitor.stop()
        await runner.cancel_all()
        await client.aclose()
        return pressed

    pressed = run(scenario(), timeout=30)
    burst = [t for t in list_requests(paced_sim, after=pressed) if t < pressed + SETTINGS.tick]
    assert len(burst) >= PAGES


async def _sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


def test_first_load_progress_thins_out_on_a_large_fleet(run: Any) -> None:
    """Page by page for the first 8 pages, then at most a few times a second: each
    progress makes the window take in every charger again."""
    with Simulator(chargers=25 * 20, seed=5) as sim:
        client = PlugchoiceClient(sim.base_url, sim.token)
        runner = TaskRunner(on_error=lambda error: None)
        monitor = FleetMonitor(client, runner)
        progress: list[int] = []
        monitor.fleet_progress.connect(lambda fleet: progress.append(len(fleet)))

        async def scenario() -> int:
            assert await monitor.refresh()
            await client.aclose()
            return len(monitor.chargers)

        started = time.monotonic()
        total = run(scenario(), timeout=30)
        elapsed = time.monotonic() - started
    assert total == 500
    assert progress[:8] == [25 * n for n in range(1, 9)]
    assert len(progress) <= 9 + int(elapsed / PROGRESS_EVERY)


def test_load_progress_shows_the_first_page_then_a_few_times_a_second() -> None:
    now = [0.0]
    progress = LoadProgress(lambda: now[0])
    assert progress.due(25)  # the first page at once
    assert not any(progress.due(size) for size in range(50, 5001, 25))  # a fast server
    now[0] += PROGRESS_EVERY
    assert progress.due(5025)
    now[0] += PROGRESS_EVERY
    assert not progress.due(10_000)  # time enough, but not doubled
    assert progress.due(10_050)
    assert not progress.due(30_000)  # grown, but too soon
