"""A read-only event history file (point 7 of the issue).

SQLite opens a read-only file without complaint and fails every write later; before the
fix every refresh failed to record its incidents, so a faulted charger never raised an
alert. Now the store says so at once (a sentence for the window), the incident service
says it again when incidents go unsaved, and the tracker alerts from memory, once per
incident. The file is made read-only for real: `chattr +i` when the tests run as root
(root ignores permission bits), mode 0444 otherwise."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from plugdesk.app.alerts import wire_fault_monitoring
from plugdesk.domain.incidents import IncidentTracker
from plugdesk.domain.settings import Settings
from plugdesk.domain.store import Store
from plugdesk.services.qtasync import SignalWaiter
from tests.support.harness import collect_on_main_thread, make_window_harness
from tests.support.health import charger
from tests.support.pipeline import LOUD, make_pipeline

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def read_only_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "history.sqlite3"
    Store(path).close()  # a real, healthy history with the current schema
    as_root = os.geteuid() == 0
    if as_root:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.fail(f"chattr +i is needed to make a file read-only for root: {done.stderr}")
    else:
        path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        yield path
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        else:
            path.chmod(0o644)


@pytest.mark.log_warnings("a read-only history is logged as a warning on purpose")
def test_store_says_at_once_that_it_is_read_only(read_only_db: Path) -> None:
    store = Store(read_only_db)
    try:
        assert store.read_only
        assert store.problem is not None and "is read-only" in store.problem
        assert str(read_only_db) in store.problem
    finally:
        store.close()


def test_writable_store_is_not_flagged(tmp_path: Path) -> None:
    with Store(tmp_path / "history.sqlite3") as store:
        assert not store.read_only and store.problem is None


@pytest.mark.log_warnings("a read-only history is logged as a warning on purpose")
def test_tracker_alerts_once_from_memory(read_only_db: Path) -> None:
    store = Store(read_only_db)
    try:
        tracker = IncidentTracker(store, grace_fault=0, grace_clear=0, prefs=LOUD)
        broken = charger(1).faulted()
        first = tracker.observe([broken], NOW)
        assert [(a.event, a.charger_uuid) for a in first] == [("opened", "uuid-001")]
        tracker.mark_notified(first)  # nothing to record, and no error either
        assert tracker.observe([broken], NOW + timedelta(minutes=1)) == []  # once only
        resolved = tracker.observe([broken.healthy()], NOW + timedelta(minutes=2))
        assert [a.event for a in resolved] == ["resolved"]
        assert tracker.memory_only
        assert store.list_incidents() == []  # the file really was not written
    finally:
        store.close()


@pytest.mark.log_warnings("a read-only history is logged as a warning on purpose")
def test_incident_service_says_so_and_alerts(read_only_db: Path, sim: Any, run: Any) -> None:
    pipeline = make_pipeline(sim, read_only_db, grace_fault=0, grace_clear=0, storm_threshold=1000)
    problems: list[str] = []
    pipeline.service.store_problem.connect(problems.append)
    try:
        uuid = next(
            c["uuid"]
            for c in sim.chargers()
            if c["connection_status"] == "online" and c["status"] == "Available"
        )
        sim.force_fault(uuid, "GroundFailure", "Ground fault detected")
        run(pipeline.refresh())
        run(pipeline.refresh())
        mine = [a for a in pipeline.alerts if a.charger_uuid == uuid]
        assert [a.event for a in mine] == ["opened"], (problems, pipeline.alerts)
        read_only = [p for p in problems if "is read-only" in p]
        assert len(read_only) == 1, problems
    finally:
        run(pipeline.aclose())


# -- the window: said loudly, and alerts keep coming ----------------------------------------


@dataclass
class _Desk:
    """What wire_fault_monitoring reads from app.Desk, from the window test harness."""

    harness: Any

    @property
    def window(self) -> Any:
        return self.harness.window

    @property
    def monitor(self) -> Any:
        return self.harness.monitor

    @property
    def runner(self) -> Any:
        return self.harness.runner

    @property
    def client(self) -> Any:
        return self.harness.client


@pytest.fixture
def main_thread_gc() -> Iterator[None]:
    yield from collect_on_main_thread()


@pytest.mark.log_warnings("a read-only history is logged as a warning on purpose")
def test_window_shows_a_banner_and_still_alerts(
    read_only_db: Path, sim: Any, qtbot: Any, run: Any, main_thread_gc: None
) -> None:
    desk = _Desk(make_window_harness(sim, qtbot))
    fast = Settings(grace_fault_s=0, grace_offline_s=0, storm_threshold=1000)
    parts = wire_fault_monitoring(
        desk, settings=fast, store=Store(read_only_db), clock=sim.now, native=False
    )
    try:
        banner = parts.history_banner
        assert banner.isVisibleTo(desk.window)  # at once, before any refresh
        assert "is read-only" in banner.text and str(read_only_db) in banner.text
        banner.dismiss_button.click()
        assert not banner.isVisibleTo(desk.window)
        uuid = next(
            c["uuid"]
            for c in sim.chargers()
            if c["connection_status"] == "online" and c["status"] == "Available"
        )
        sim.force_fault(uuid, "GroundFailure", "Ground fault detected")

        async def fault_is_shown() -> Any:
            shown = SignalWaiter(
                parts.notifier.delivered, lambda alert, _c: alert.charger_uuid == uuid
            )
            desk.monitor.refresh_now()
            return await shown.wait(20)

        alert, channel = run(fault_is_shown(), timeout=30)
        assert (alert.event, channel) == ("opened", "toast")  # offscreen: the in-app toast
        assert banner.isVisibleTo(desk.window)  # said again: this session is not kept
        assert "is read-only" in banner.text
    finally:
        run(parts.service.flush())
        run(parts.aclose())
        run(desk.harness.aclose())
        parts.store.close()
