"""The history writer: every store write the app makes goes off the UI thread, in order,
flushed at quit, with the same clear words on failure; an action's audit row is committed
before its reply is shown. Real SQLite files, the simulator over loopback."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import plugdesk.domain.store as store_module
from plugdesk.api.models import Charger
from plugdesk.domain.actions import ActionKind
from plugdesk.domain.store import Store
from plugdesk.simulator import Simulator
from tests.support.actions import make_rig, pick, request
from tests.support.pipeline import Pipeline, make_pipeline

Statement = tuple[int, str]  # (thread id, SQL)
plain_connect = sqlite3.connect  # before any test traces it


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[Statement]:
    """Every SQL statement of every Store connection opened from now on, with the thread
    that ran it (sqlite3's trace callback runs in that thread)."""
    seen: list[Statement] = []

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = plain_connect(*args, **kwargs)
        conn.set_trace_callback(lambda sql: seen.append((threading.get_ident(), sql)))
        return conn

    monkeypatch.setattr(store_module.sqlite3, "connect", traced)
    return seen


def commits(seen: list[Statement]) -> list[int]:
    return [thread for thread, sql in seen if sql.strip().upper() == "COMMIT"]


@pytest.fixture
def pipeline(frozen_sim: Simulator, tmp_path: Path, run: Any) -> Iterator[Pipeline]:
    p = make_pipeline(frozen_sim, tmp_path / "history.sqlite3", grace_fault=0,
                      grace_offline=0, grace_clear=0, storm_threshold=1000)  # fmt: skip
    yield p
    run(p.aclose())


def healthy(sim: Simulator, skip: int = 0) -> str:
    found = [c["uuid"] for c in sim.chargers()
             if c["connection_status"] == "online" and c["status"] == "Available"
             and not c["blocked"]]  # fmt: skip
    return found[skip]


async def fleet_now(pipeline: Pipeline) -> list[Charger]:
    return await pipeline.harness.client.list_chargers()


def test_every_write_of_the_app_commits_off_the_ui_thread(
    statements: list[Statement], pipeline: Pipeline, frozen_sim: Simulator, run: Any
) -> None:
    main = threading.get_ident()
    uuid = healthy(frozen_sim)
    frozen_sim.force_fault(uuid, "GroundFailure")
    statements.clear()  # from here on: what the running app writes
    run(pipeline.refresh())  # opens incidents (grace 0) and caches the fleet
    (alert,) = [a for a in pipeline.alerts if a.charger_uuid == uuid]
    service = pipeline.service
    service.mark_delivered(alert)
    assert service.mute(uuid, None) is not None
    assert service.pause() is not None
    service.resume()
    frozen_sim.clear_fault(uuid)
    run(pipeline.refresh())  # resolves it
    run(service.flush())
    assert len(commits(statements)) >= 6
    assert main not in commits(statements)
    (incident,) = [i for i in pipeline.store.list_incidents() if i.charger_uuid == uuid]
    assert not incident.is_open and incident.notified_open
    assert pipeline.store.load_fleet() is not None


def test_an_open_then_its_resolve_land_in_that_order(
    statements: list[Statement], pipeline: Pipeline, frozen_sim: Simulator, run: Any
) -> None:
    uuid = healthy(frozen_sim)
    frozen_sim.force_fault(uuid, "GroundFailure")
    faulted = run(fleet_now(pipeline))
    frozen_sim.clear_fault(uuid)
    cleared = run(fleet_now(pipeline))
    statements.clear()
    service = pipeline.service
    service.observe_fleet(faulted)  # both at once: the second waits for the first's commit
    service.observe_fleet(cleared)
    run(service.flush())
    writes = [sql for _, sql in statements if sql.lstrip().startswith(("INSERT", "UPDATE"))]
    opened = next(i for i, sql in enumerate(writes) if "INSERT INTO incidents" in sql)
    closed = next(i for i, sql in enumerate(writes) if "SET closed_at" in sql)
    assert opened < closed
    (incident,) = [i for i in pipeline.store.list_incidents() if i.charger_uuid == uuid]
    assert not incident.is_open
    assert [a.kind for a in pipeline.alerts if a.charger_uuid == uuid] == ["opened", "resolved"]


def test_quit_flushes_the_writes_still_queued(
    pipeline: Pipeline, frozen_sim: Simulator, tmp_path: Path, run: Any
) -> None:
    uuid = healthy(frozen_sim)
    frozen_sim.force_fault(uuid, "GroundFailure")
    faulted = run(fleet_now(pipeline))
    service = pipeline.service
    service.observe_fleet(faulted)
    assert service.mute(uuid, None) is not None
    service.close()  # at once, nothing awaited: the queue is written before it closes
    with Store(tmp_path / "history.sqlite3") as reopened:
        assert [i.charger_uuid for i in reopened.open_incidents()].count(uuid) == 1
        assert uuid in [m.charger_uuid for m in reopened.list_mutes()]


@pytest.mark.log_warnings("the failed commit is logged as well as said")
def test_a_failing_write_is_said_and_the_loop_goes_on(
    pipeline: Pipeline, frozen_sim: Simulator, tmp_path: Path, run: Any
) -> None:
    said: list[str] = []
    pipeline.service.store_problem.connect(said.append)
    # The writer opens its own connection at its first write: a folder where the file
    # was (as a full or vanished disk would) makes every write fail from then on.
    path = tmp_path / "history.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.mkdir()
    uuid = healthy(frozen_sim)
    frozen_sim.force_fault(uuid, "GroundFailure")
    run(pipeline.refresh())
    assert said and said[0].startswith("Could not record charger incidents: Could not open")
    assert pipeline.alerts == []  # nothing committed, nothing claimed
    assert pipeline.service.mute(healthy(frozen_sim, 1), None) is not None
    run(pipeline.refresh())  # the loop runs on; the next refresh tries again
    run(pipeline.service.flush())
    assert any(s.startswith("Could not mute the charger: Could not open") for s in said)
    assert len(pipeline.observed_at) == 2
    path.rmdir()  # for the fixture's close


def test_the_audit_row_is_committed_before_the_reply_is_shown(
    sim: Any, tmp_path: Path, statements: list[Statement], run: Any
) -> None:
    sim.force_action_outcome("reply")
    db = tmp_path / "history.db"
    rig = make_rig(sim, db)
    statements.clear()  # the store's own opening (migrations) is not a write of the app
    rows_at_reply: list[tuple[str, ...]] = []

    def on_reply(_request: Any, _reply: Any) -> None:
        other = plain_connect(db)  # another connection: it sees committed rows only
        try:
            rows_at_reply.extend(other.execute("SELECT action, reply FROM actions"))
        finally:
            other.close()

    rig.service.replied.connect(on_reply)
    charger = pick(sim)
    main = threading.get_ident()
    try:
        outcome = run(rig.service.perform(request(ActionKind.RESTART, charger), charger), 30)
        assert outcome.reply.reply == "accepted"
        assert rows_at_reply == [("restart", "accepted")]
        assert commits(statements) and main not in commits(statements)
    finally:
        run(rig.service.history.flush())
        run(rig.aclose())
