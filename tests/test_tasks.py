"""plugdesk.tasks: named cancel-previous tasks, one error route, strong references, and the
lanes every blocking call goes through."""

from __future__ import annotations

import asyncio
import gc
import threading

import pytest

from plugdesk.tasks import (
    FILES,
    KEYRING,
    TaskRunner,
    lane_executor,
    run_blocking,
    run_blocking_now,
    submit_blocking,
    wait_blocking,
)


def test_a_named_task_cancels_the_previous_one_of_that_name() -> None:
    async def scenario() -> list[str]:
        runner = TaskRunner()
        seen: list[str] = []

        async def search(text: str) -> None:
            await asyncio.sleep(0.05)
            seen.append(text)

        first = runner.start(search("a"), "search")
        second = runner.start(search("ab"), "search")
        other = runner.start(search("x"), "other")
        await asyncio.gather(first, second, other, return_exceptions=True)
        assert first.cancelled() and not second.cancelled()
        return seen

    assert sorted(asyncio.run(scenario())) == ["ab", "x"]


def test_without_replace_a_running_task_is_kept_and_the_new_coroutine_dropped() -> None:
    async def scenario() -> None:
        runner = TaskRunner()
        started: list[int] = []

        async def refresh(n: int) -> None:
            started.append(n)
            await asyncio.sleep(0.02)

        first = runner.start(refresh(1), "refresh")
        again = runner.start(refresh(2), "refresh", replace=False)
        assert again is first and runner.is_running("refresh")
        await first
        assert started == [1] and not runner.is_running("refresh")

    asyncio.run(scenario())


def test_exceptions_reach_the_one_handler_and_cancellations_do_not() -> None:
    errors: list[BaseException] = []

    async def scenario() -> None:
        runner = TaskRunner(on_error=errors.append)

        async def broken() -> None:
            raise RuntimeError("boom")

        async def slow() -> None:
            await asyncio.sleep(10)

        failing = runner.start(broken())
        cancelled = runner.start(slow(), "slow")
        await asyncio.sleep(0)
        cancelled.cancel()
        await asyncio.gather(failing, cancelled, return_exceptions=True)
        await asyncio.sleep(0)  # done callbacks run on the next turn

    asyncio.run(scenario())
    assert [str(e) for e in errors] == ["boom"]


def test_without_a_handler_a_failed_task_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> None:
        runner = TaskRunner()

        async def broken() -> None:
            raise KeyError("lost")

        task = runner.start(broken(), "named")
        await asyncio.gather(task, return_exceptions=True)
        await asyncio.sleep(0)

    with caplog.at_level("ERROR", logger="plugdesk.tasks"):
        asyncio.run(scenario())
    assert "background task named failed" in caplog.text


def test_the_runner_keeps_strong_references_until_a_task_ends() -> None:
    """asyncio keeps only weak references: an unreferenced task could be collected
    mid-flight. The runner holds every task it started, anonymous ones too."""

    async def scenario() -> None:
        runner = TaskRunner()
        gate = asyncio.Event()
        done: list[bool] = []

        async def waits() -> None:
            await gate.wait()
            done.append(True)

        runner.start(waits())  # the caller drops the task at once
        runner.start(waits(), "named")
        gc.collect()
        assert runner.active_count() == 2
        gate.set()
        for _ in range(5):
            await asyncio.sleep(0)
        assert done == [True, True] and runner.active_count() == 0

    asyncio.run(scenario())


def test_cancel_all_stops_every_task() -> None:
    async def scenario() -> None:
        runner = TaskRunner()
        tasks = [runner.start(asyncio.sleep(10)), runner.start(asyncio.sleep(10), "n")]
        await runner.cancel_all()
        assert all(task.cancelled() for task in tasks) and runner.active_count() == 0

    asyncio.run(scenario())


def test_a_lane_is_one_thread_running_calls_in_order_off_the_loop() -> None:
    async def scenario() -> tuple[list[int], set[str]]:
        order: list[int] = []
        names: set[str] = set()

        def step(n: int) -> int:
            names.add(threading.current_thread().name)
            order.append(n)
            return n * 2

        results = await asyncio.gather(*(run_blocking(step, n, lane=FILES) for n in range(20)))
        assert results == [n * 2 for n in range(20)]
        return order, names

    order, names = asyncio.run(scenario())
    assert order == list(range(20))
    assert len(names) == 1 and next(iter(names)).startswith("plugdesk-files")
    assert threading.current_thread().name not in names
    assert lane_executor(FILES) is lane_executor(FILES)  # one per name, process-wide
    assert lane_executor(FILES) is not lane_executor(KEYRING)


def test_the_loop_keeps_turning_while_a_lane_blocks() -> None:
    async def scenario() -> int:
        release = threading.Event()
        ten_ticks = asyncio.Event()
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while not release.is_set():
                ticks += 1
                if ticks == 10:
                    ten_ticks.set()
                await asyncio.sleep(0.001)

        ticking = asyncio.ensure_future(ticker())
        blocked = asyncio.ensure_future(run_blocking(release.wait, 5.0))
        await asyncio.wait_for(ten_ticks.wait(), 5)  # the loop turns while the lane blocks
        release.set()
        assert await blocked is True
        await ticking
        return ticks

    assert asyncio.run(scenario()) >= 10


def test_errors_in_a_lane_reach_the_awaiting_coroutine() -> None:
    def fails() -> None:
        raise OSError(28, "No space left on device")

    async def scenario() -> None:
        with pytest.raises(OSError, match="No space left"):
            await run_blocking(fails, lane=FILES)

    asyncio.run(scenario())


def test_cancelling_the_wait_cancels_a_call_not_yet_started() -> None:
    async def scenario() -> list[str]:
        ran: list[str] = []
        gate = threading.Event()
        first = submit_blocking(gate.wait, 5.0, lane=KEYRING)
        second = submit_blocking(ran.append, "second", lane=KEYRING)
        waiting = asyncio.ensure_future(wait_blocking(second))
        await asyncio.sleep(0)
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        gate.set()
        await wait_blocking(first)
        assert second.cancelled()
        return ran

    assert asyncio.run(scenario()) == []


def test_run_blocking_now_waits_for_the_lane_in_order() -> None:
    order: list[str] = []
    submit_blocking(order.append, "queued first", lane=KEYRING)
    then = run_blocking_now(lambda: order.append("then") or len(order), lane=KEYRING, timeout=5)
    assert then == 2
    assert order == ["queued first", "then"]


