"""The desktop app beside a running `plugdesk watch` of the same account: it neither polls
nor judges; it shows the watch's fleet and history, and takes over when the watch stops."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from plugdesk.app.desk import build_desk
from plugdesk.app.reporting import ErrorReporter, Redactor
from plugdesk.simulator import Simulator
from tests.support.watch_proc import WatchProcess, write_settings


@pytest.fixture
def frozen() -> Iterator[Simulator]:
    sim = Simulator(chargers=10, seed=3, time_scale=0, start_time=datetime.now(UTC),
                    rate_limit_per_minute=1_000_000)  # fmt: skip
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


async def until(predicate: Any, what: str) -> None:
    """Poll `predicate` on the loop (the window and monitor change it between turns)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    for _turn in range(10_000):
        if predicate():
            return
        assert loop.time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


def test_the_app_follows_a_running_watch_and_takes_over_when_it_stops(
    frozen: Simulator, app_dirs: Path, run: Any
) -> None:
    write_settings(app_dirs)
    healthy = ("online", "Available")
    charger = next(c for c in frozen.chargers() if (c["connection_status"], c["status"]) == healthy)
    errors = ErrorReporter(Redactor([frozen.token]))
    with WatchProcess(frozen, app_dirs) as watch:
        desk = run(build_desk(frozen.base_url, frozen.token, errors))
        try:
            desk.start()
            assert desk.follower.following
            assert desk.follower.watch is not None
            assert desk.follower.watch.pid == watch.proc.pid
            assert not desk.monitor.is_polling
            said = desk.window.status_bar.currentMessage()
            assert said == f"Watched by plugdesk watch (pid {watch.proc.pid}) — alerts come from it"

            # The watch opens an incident; the window shows the watch's fleet and history.
            frozen.force_fault(charger["uuid"], "GroundFailure")
            watch.wait_for(rf" OPENED\s+fault\s+{charger['identity']}:")
            desk.follower.check()  # what its timer does every refresh interval
            run(until(lambda: desk.window.charger_count() == 10, "the watch's fleet"))
            history = desk.faults.service.list_incidents()
            assert charger["uuid"] in {i.charger_uuid for i in history}
            # The window itself asked the API for its user only, never for the fleet.
            assert desk.client.budget.used_last_window() <= 1
            assert desk.faults.tracker.open_incidents() == []  # it judged nothing itself

            assert watch.terminate() == 0
            desk.follower.check()
            assert not desk.follower.following
            # The watch's open incident is the app's to close now (no second one opens).
            taken = {i.charger_uuid for i in desk.faults.tracker.open_incidents()}
            assert charger["uuid"] in taken
            assert desk.monitor.is_polling
            assert "PlugDesk watches the fleet again" in desk.window.status_bar.currentMessage()
            run(until(lambda: desk.monitor.last_success is not None, "the app's own refresh"))
        finally:
            run(desk.aclose())


def test_a_watch_of_another_account_leaves_the_app_polling(
    frozen: Simulator, app_dirs: Path, run: Any
) -> None:
    write_settings(app_dirs)
    errors = ErrorReporter(Redactor([frozen.token]))
    with WatchProcess(frozen, app_dirs) as watch:
        desk = run(build_desk(frozen.base_url, "another-account-token", errors))
        try:
            desk.follower.check()
            assert not desk.follower.following
            note = desk.window.status_bar.currentMessage()
            assert f"plugdesk watch (pid {watch.proc.pid}) watches another account" in note
        finally:
            run(desk.aclose())
        assert watch.terminate() == 0
