"""IncidentService against the simulator over loopback HTTP, with a real SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from plugdesk.domain.store import Store
from plugdesk.services.incidents import (
    IncidentService,
    decode_fleet,
    decode_fleet_in_slices,
    encode_fleet,
)
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from tests.support.pipeline import Pipeline, make_pipeline


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "plugdesk.sqlite3"


@pytest.fixture
def pipeline(frozen_sim: Simulator, db: Path, run: Any) -> Iterator[Pipeline]:
    # No storm summaries here: each alert names its charger (storms: tests/domain).
    p = make_pipeline(frozen_sim, db, grace_fault=120, grace_clear=0, storm_threshold=1000)
    yield p
    run(p.aclose())


def healthy(sim: Simulator) -> str:
    return next(
        c["uuid"]
        for c in sim.chargers()
        if c["connection_status"] == "online" and c["status"] == "Available" and not c["blocked"]
    )


def test_a_fault_alerts_once_after_the_grace_period(
    pipeline: Pipeline, frozen_sim: Simulator, run: Any
) -> None:
    uuid = healthy(frozen_sim)
    listed = frozen_sim.charger(uuid)
    name = listed["reference"] or listed["identity"]  # the manager's own label leads
    run(pipeline.refresh())
    assert pipeline.alerts == [] or all(a.charger_uuid != uuid for a in pipeline.alerts)
    before = list(pipeline.alerts)
    frozen_sim.force_fault(uuid, "GroundFailure", "Ground fault detected")
    run(pipeline.refresh())  # first sighting: inside the grace period
    frozen_sim.advance(60)
    run(pipeline.refresh())
    assert pipeline.alerts == before  # still within 2 min
    frozen_sim.advance(60)
    run(pipeline.refresh())  # 120 s after the first sighting
    mine = [a for a in pipeline.alerts[len(before):] if a.charger_uuid == uuid]
    assert [a.kind for a in mine] == ["opened"]
    assert name in mine[0].title and mine[0].urgency == "critical"
    line = pipeline.service.identity_line(mine[0])
    if listed["reference"]:  # the title shows the label: the identity is added
        assert line == f"Charger {listed['identity']}"
    else:
        assert line is None
    (incident,) = [i for i in pipeline.store.list_incidents() if i.charger_uuid == uuid]
    assert incident.kind == "fault" and incident.error_code == "GroundFailure"
    assert incident.error_info == "Ground fault detected"
    assert incident.id in mine[0].incident_ids
    for _ in range(3):  # the fault goes on: no second alert
        frozen_sim.advance(30)
        run(pipeline.refresh())
    assert [a for a in pipeline.alerts if a.charger_uuid == uuid] == mine


def test_the_fleet_summary_follows_health(
    pipeline: Pipeline, frozen_sim: Simulator, run: Any
) -> None:
    run(pipeline.refresh())
    level, counts, tooltip = pipeline.summaries[-1]
    assert sum(counts.values()) == 40
    assert tooltip.startswith("PlugDesk — 40 chargers")
    faulted = counts["fault"]
    frozen_sim.force_fault(healthy(frozen_sim))
    run(pipeline.refresh())
    level, counts, tooltip = pipeline.summaries[-1]
    assert level == "fault" and counts["fault"] == faulted + 1
    assert f"Fault {faulted + 1}" in tooltip


@pytest.mark.log_warnings("the refresh fails on purpose; the monitor says so")
def test_a_failed_refresh_observes_nothing(
    pipeline: Pipeline, frozen_sim: Simulator, run: Any
) -> None:
    uuid = healthy(frozen_sim)
    run(pipeline.refresh())
    frozen_sim.force_fault(uuid)
    run(pipeline.refresh())  # seen once: pending
    pending_since = pipeline.tracker.pending()[(uuid, "fault")]  # type: ignore[index]
    observed = len(pipeline.observed_at)
    frozen_sim.set_chaos("outage")
    frozen_sim.advance(300)
    run(pipeline.refresh())
    assert pipeline.harness.monitor.is_stale
    assert len(pipeline.observed_at) == observed  # nothing reached the tracker
    assert not [i for i in pipeline.store.list_incidents() if i.charger_uuid == uuid]
    assert "the last refresh failed" in pipeline.summaries[-1][2]  # the tray says so
    frozen_sim.set_chaos(None)
    run(pipeline.refresh())
    # The grace period ran from the first sighting, through the outage.
    (incident,) = [i for i in pipeline.store.list_incidents() if i.charger_uuid == uuid]
    assert incident.first_seen_at == pending_since
    assert "the last refresh failed" not in pipeline.summaries[-1][2]


def test_recovery_resolves_once_and_marks_delivery(
    pipeline: Pipeline, frozen_sim: Simulator, run: Any
) -> None:
    uuid = healthy(frozen_sim)
    frozen_sim.force_fault(uuid)
    run(pipeline.refresh())
    frozen_sim.advance(120)
    run(pipeline.refresh())
    (opened,) = [a for a in pipeline.alerts if a.charger_uuid == uuid]
    pipeline.service.mark_delivered(opened)
    frozen_sim.clear_fault(uuid)
    frozen_sim.advance(10)
    run(pipeline.refresh())
    run(pipeline.refresh())
    mine = [a for a in pipeline.alerts if a.charger_uuid == uuid]
    assert [a.kind for a in mine] == ["opened", "resolved"]
    (incident,) = [i for i in pipeline.store.list_incidents() if i.charger_uuid == uuid]
    assert not incident.is_open and incident.notified_open and not incident.notified_close
    pipeline.service.mark_delivered(mine[1])
    run(pipeline.service.flush())  # the mark is written off the UI thread
    stored = pipeline.store.get_incident(incident.id)
    assert stored is not None and stored.notified_close


def test_incidents_changed_only_when_the_history_changes(
    pipeline: Pipeline, frozen_sim: Simulator, run: Any
) -> None:
    run(pipeline.refresh())
    frozen_sim.advance(200)
    run(pipeline.refresh())  # the initially faulted chargers open now
    pipeline.changes.clear()
    run(pipeline.refresh())
    assert pipeline.changes == []
    uuid = healthy(frozen_sim)
    frozen_sim.force_fault(uuid)
    run(pipeline.refresh())
    assert pipeline.changes == []  # pending is not history
    frozen_sim.advance(120)
    run(pipeline.refresh())
    assert pipeline.changes == [True]


def test_snapshot_is_one_row_and_comes_back_marked_with_its_time(
    frozen_sim: Simulator, db: Path, run: Any
) -> None:
    first = make_pipeline(frozen_sim, db, grace_fault=120)
    run(first.refresh())
    frozen_sim.advance(30)
    run(first.refresh())
    saved_at = first.observed_at[-1]
    fleet = first.harness.monitor.chargers
    run(first.aclose())
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT COUNT(*) FROM fleet_snapshot").fetchone() == (1,)

    second = make_pipeline(frozen_sim, db, grace_fault=120)
    try:
        shown: list[tuple[list[Any], Any]] = []
        second.service.last_known_fleet.connect(lambda f, when: shown.append((f, when)))
        last = run(second.service.publish_last_known())
        assert last is not None
        assert shown == [(fleet, saved_at)]  # every field back, and when it was fetched
        assert "Last known fleet from" in second.summaries[-1][2]  # the tray says so too
        run(second.refresh())
        shown.clear()
        assert run(second.service.publish_last_known()) is None  # live data won
        assert shown == []
    finally:
        run(second.aclose())


def test_another_accounts_snapshot_is_not_shown(
    frozen_sim: Simulator, db: Path, run: Any
) -> None:
    first = make_pipeline(frozen_sim, db)
    run(first.refresh())
    run(first.aclose())
    second = make_pipeline(frozen_sim, db)
    try:
        second.service.set_source("https://other.example/api/v3")
        assert second.service.load_last_known() is None
    finally:
        run(second.aclose())


def test_big_fleet_cache_and_summary_are_made_off_the_loop(db: Path, run: Any) -> None:
    import threading

    from plugdesk.services import incidents as module

    big = Simulator(chargers=600, seed=3, time_scale=0, rate_limit_per_minute=100_000)
    big.start()
    threads: set[str] = set()
    encode = module.encode_fleet

    def spying_encode(chargers: Any) -> bytes:
        threads.add(threading.current_thread().name)
        return encode(chargers)

    module.encode_fleet = spying_encode  # type: ignore[assignment]
    try:
        p = make_pipeline(big, db, unlimited=True)
        assessed_in: list[str] = []
        take_snapshot = module.take_snapshot

        def spying_take(*args: Any, **kwargs: Any) -> Any:
            assessed_in.append(threading.current_thread().name)
            return take_snapshot(*args, **kwargs)

        module.take_snapshot = spying_take  # type: ignore[assignment]
        try:
            run(p.refresh(), timeout=60)
            run(p.service.flush())  # the summary is judged in a worker thread
            _level, counts, _tip = p.summaries[-1]
            assert sum(counts.values()) == 600
            last = p.service.load_last_known()
            assert last is not None and len(last.chargers) == 600
            assert all(name.startswith("plugdesk-fleet-cache") for name in threads), threads
            # The one judgement of 600 chargers (the snapshot) ran in a worker thread too.
            assert assessed_in and threading.main_thread().name not in assessed_in
            for _ in range(3):  # later refreshes replace the one row
                run(p.refresh(), timeout=60)
            run(p.service.flush())
        finally:
            module.take_snapshot = take_snapshot  # type: ignore[assignment]
            run(p.aclose())
        with sqlite3.connect(db) as raw:
            assert raw.execute("SELECT COUNT(*) FROM fleet_snapshot").fetchone() == (1,)
    finally:
        module.encode_fleet = encode  # type: ignore[assignment]
        big.stop()


def test_snapshot_codec_round_trips_every_field(frozen_sim: Simulator, run: Any) -> None:
    from plugdesk.api.client import PlugchoiceClient

    async def fetch() -> list[Any]:
        async with PlugchoiceClient(frozen_sim.base_url, frozen_sim.token) as client:
            return await client.list_chargers()

    fleet = run(fetch())
    assert decode_fleet(encode_fleet(fleet)) == fleet
    # The start-up path decodes a slice at a time: the same chargers, in order.
    assert run(decode_fleet_in_slices(encode_fleet(fleet * 20))) == fleet * 20
    # A big fleet is encoded a slice at a time: the very same bytes as in one go.
    import msgspec

    big = fleet * 60  # 2,400 chargers: three slices
    from plugdesk.services.incidents import encode_fleet_in_slices

    assert encode_fleet_in_slices(big) == msgspec.json.encode(big)
    assert decode_fleet(encode_fleet_in_slices(big)) == big


def test_an_unreadable_snapshot_is_ignored(db: Path, run: Any) -> None:
    from datetime import UTC, datetime

    from plugdesk.domain.incidents import IncidentTracker
    from plugdesk.tasks import TaskRunner

    store = Store(db)
    store.save_fleet(b'{"not": "a list"}', datetime.now(UTC))
    service = IncidentService(store, IncidentTracker(store), TaskRunner())
    try:
        assert service.load_last_known() is None
        assert run(service.publish_last_known()) is None
    finally:
        service.close()


def test_mute_and_pause_go_through_the_tracker(
    pipeline: Pipeline, frozen_sim: Simulator, run: Any
) -> None:
    uuid = healthy(frozen_sim)
    paused: list[object] = []
    pipeline.service.pause_changed.connect(paused.append)
    assert pipeline.service.mute(uuid, None) is not None
    assert pipeline.service.mute_of(uuid) is not None
    frozen_sim.force_fault(uuid)
    run(pipeline.refresh())
    frozen_sim.advance(120)
    run(pipeline.refresh())
    (alert,) = [a for a in pipeline.alerts if a.charger_uuid == uuid]
    assert alert.silent and alert.suppressed_by == "Charger muted until resolved"
    pipeline.service.unmute(uuid)
    assert pipeline.service.mute_of(uuid) is None
    until = pipeline.service.pause()
    assert until is not None and paused == [until]
    assert pipeline.service.paused_until() == until
    run(pipeline.refresh())
    assert "Notifications paused until" in pipeline.summaries[-1][2]
    pipeline.service.resume()
    assert paused == [until, None] and pipeline.service.paused_until() is None


def test_waiting_for_alerts_through_the_signal(
    pipeline: Pipeline, frozen_sim: Simulator, run: Any
) -> None:
    """The alerts signal arrives on the running loop (what the Notifier listens to)."""
    uuid = healthy(frozen_sim)
    pipeline.tracker.grace_fault = pipeline.tracker.grace_fault * 0

    async def scenario() -> list[Any]:
        waiter = SignalWaiter(
            pipeline.service.alerts, lambda alerts: any(a.charger_uuid == uuid for a in alerts)
        )
        frozen_sim.force_fault(uuid)
        pipeline.harness.monitor.refresh_now()
        (alerts,) = await waiter.wait(20)
        return list(alerts)

    alerts = run(scenario(), timeout=30)
    assert any(a.charger_uuid == uuid and a.kind == "opened" for a in alerts)


def test_a_reading_the_table_judged_is_not_judged_again_by_the_snapshot(
    frozen_sim: Simulator, db: Path, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One judgement: the table judges each reading as it arrives (as of the moment it
    was read), and the snapshot that follows takes those verdicts instead of judging
    the same 40 chargers again. Another staleness setting is judged afresh."""
    from datetime import timedelta

    from plugdesk.domain import snapshot as snapshot_module
    from plugdesk.domain.incidents import IncidentTracker
    from tests.support.harness import make_harness
    from tests.support.pipeline import LOUD

    harness = make_harness(frozen_sim, watch=True)
    store = Store(db)
    tracker = IncidentTracker(store, prefs=LOUD)
    service = IncidentService(
        store, tracker, harness.runner, source=frozen_sim.base_url, clock=frozen_sim.now
    )
    table: dict[str, Any] = {}

    def the_table_shows(fleet: list[Any]) -> None:
        table.update({c.uuid: service.verdict(c, frozen_sim.now()) for c in fleet})

    harness.monitor.fleet_updated.connect(the_table_shows)  # first, as the window is
    service.attach(harness.monitor)
    judged = _count_assessments(monkeypatch, snapshot_module)
    try:
        run(harness.monitor.refresh())
        snapshot = service.snapshot
        assert snapshot is not None and len(snapshot.chargers) == 40
        assert judged == []
        assert all(snapshot.verdict(uuid) is verdict for uuid, verdict in table.items())

        # New readings, then the user's stale setting changes before the snapshot.
        frozen_sim.advance(30)
        harness.monitor.fleet_updated.disconnect(the_table_shows)
        fleet = list(harness.monitor.chargers)
        fresh = [c.__copy__() for c in fleet]
        for charger in fresh:
            service.verdict(charger, frozen_sim.now())
        tracker.stale_after = timedelta(minutes=3)
        service.observe_fleet(fresh)
        assert len(judged) == 40
    finally:
        run(harness.aclose())
        store.close()


def test_the_table_takes_what_a_snapshot_in_the_worker_judged_meanwhile(
    frozen_sim: Simulator, db: Path, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other way round: a big fleet's snapshot, judged in the worker thread while the
    table lays out the same new readings, records each judgement as it makes it, and the
    table takes those instead of judging the readings a second time."""
    from plugdesk.domain.incidents import IncidentTracker
    from plugdesk.services import incidents as module
    from tests.support.harness import make_harness
    from tests.support.pipeline import LOUD

    harness = make_harness(frozen_sim, watch=True)
    store = Store(db)
    tracker = IncidentTracker(store, prefs=LOUD)
    service = IncidentService(
        store, tracker, harness.runner, source=frozen_sim.base_url, clock=frozen_sim.now
    )
    service.attach(harness.monitor)
    try:
        run(harness.monitor.refresh())
        frozen_sim.advance(30)
        fresh = [c.__copy__() for c in harness.monitor.chargers]  # new readings
        judged_by_the_table = _count_assessments(monkeypatch, module)
        snapshot, _step, spent, _involved = module._assess_and_plan(
            fresh, frozen_sim.now(), service._read_times(), service.snapshot,
            service._judged_now(), tracker,
        )  # fmt: skip
        verdicts = {c.uuid: service.verdict(c, frozen_sim.now()) for c in fresh}
        assert judged_by_the_table == []
        assert all(snapshot.verdict(uuid) is verdict for uuid, verdict in verdicts.items())
        assert sorted(spent) == sorted(c.uuid for c in fresh)  # dropped once it is settled
    finally:
        run(harness.aclose())
        store.close()


def _count_assessments(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[str]:
    """The uuid of each charger `module.assess` judges from now on, in order."""
    judged: list[str] = []
    real_assess = module.assess

    def counting_assess(charger: Any, *args: Any) -> Any:
        judged.append(charger.uuid)
        return real_assess(charger, *args)

    monkeypatch.setattr(module, "assess", counting_assess)
    return judged
