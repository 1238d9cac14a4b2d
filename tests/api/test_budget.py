"""RequestBudget: the sliding window every caller shares."""

from __future__ import annotations

import asyncio

import pytest

from plugdesk.api.budget import RequestBudget
from tests.api.helpers import FakeClock


def test_allows_limit_then_waits_for_the_oldest_slot() -> None:
    clock = FakeClock()
    budget = RequestBudget(3, window=10.0, clock=clock, sleep=clock.sleep)

    async def scenario() -> None:
        for _ in range(3):
            await budget.acquire()
        assert clock.sleeps == []
        assert budget.used_last_window() == 3
        assert budget.remaining() == 0
        await budget.acquire()  # the 4th waits until the 1st leaves the window (+2 %)

    asyncio.run(scenario())
    # Held 2 % past the window: it reached the server a little after it was counted.
    assert clock.sleeps == [pytest.approx(10.2)]
    assert budget.used_last_window() == 1  # the three old ones have aged out
    assert budget.limit == 3


def test_window_slides() -> None:
    clock = FakeClock()
    budget = RequestBudget(2, window=60.0, clock=clock, sleep=clock.sleep)

    async def scenario() -> None:
        await budget.acquire()
        clock.now += 30
        await budget.acquire()
        clock.now += 31  # the first is 61 s old: a minute and 2 % (1.2 s) could pass...
        assert budget.used_last_window() == 2
        clock.now += 0.3  # ...and now have
        assert budget.used_last_window() == 1
        await budget.acquire()

    asyncio.run(scenario())
    assert clock.sleeps == []


def test_pause_holds_every_caller_and_never_shortens() -> None:
    clock = FakeClock()
    budget = RequestBudget(100, clock=clock, sleep=clock.sleep)
    budget.pause_for(12.0)
    budget.pause_until(clock.now + 5.0)  # a shorter pause from another caller is ignored
    assert budget.paused_for() == pytest.approx(12.0)

    async def scenario() -> None:
        await asyncio.gather(budget.acquire(), budget.acquire())

    asyncio.run(scenario())
    assert sum(clock.sleeps) == pytest.approx(12.0)
    assert budget.paused_for() == 0.0
    assert budget.used_last_window() == 2


def test_concurrent_callers_never_exceed_the_limit() -> None:
    clock = FakeClock()
    budget = RequestBudget(5, window=1.0, clock=clock, sleep=clock.sleep)
    starts: list[float] = []

    async def caller() -> None:
        await budget.acquire()
        starts.append(clock.now)

    async def scenario() -> None:
        await asyncio.gather(*(caller() for _ in range(23)))

    asyncio.run(scenario())
    assert len(starts) == 23
    for t in starts:  # any one-second window holds at most 5 starts
        assert sum(1 for s in starts if t <= s < t + 1.0) <= 5


def test_server_limits_are_recorded_and_bad_arguments_refused() -> None:
    budget = RequestBudget()
    assert budget.limit == 500 and budget.window == 60.0
    budget.note_server_limits(500, 431)
    budget.note_server_limits(None, None)
    assert (budget.server_limit, budget.server_remaining) == (500, 431)
    assert "limit=500" in repr(budget)
    with pytest.raises(ValueError):
        RequestBudget(0)
    with pytest.raises(ValueError):
        RequestBudget(10, window=0)
