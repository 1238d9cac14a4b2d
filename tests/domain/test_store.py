"""The SQLite store on real files: incidents, the fleet cache, migrations, damage, kill -9."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from plugdesk.domain import store as store_module
from plugdesk.domain.store import SCHEMA_VERSION, Mute, Store, StoreError
from tests.support.health import T0, minutes

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "plugdesk.sqlite3"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    opened = Store(db)
    yield opened
    opened.close()


def open_fault(store: Store, n: int, at: timedelta = timedelta(0), **fields: object) -> int:
    incident = store.open_incident(
        charger_uuid=f"uuid-{n:03d}",
        charger_identity=f"PC-{n:03d}",
        kind=str(fields.pop("kind", "fault")),
        opened_at=T0 + at,
        first_seen_at=T0 + at - minutes(2),
        error_code="GroundFailure",
        error_info="ground fault detected",
        **fields,  # type: ignore[arg-type]
    )
    return incident.id


# -- opening --------------------------------------------------------------------------------


def test_fresh_store_is_wal_full_sync_and_latest_schema(store: Store, db: Path) -> None:
    assert db.exists()
    assert store.journal_mode() == "wal"
    assert store.schema_version() == SCHEMA_VERSION == 6
    assert store.problem is None and store.set_aside_as is None
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    # WAL is a property of the file: another connection sees it too.
    with sqlite3.connect(db) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_memory_store_works(tmp_path: Path) -> None:
    with Store(":memory:") as mem:
        open_fault(mem, 1)
        assert len(mem.open_incidents()) == 1
        assert mem.path is None


# -- incidents ------------------------------------------------------------------------------


def test_open_close_and_read_back(store: Store, db: Path) -> None:
    first = store.open_incident(
        charger_uuid="uuid-001",
        charger_identity="PC-001",
        charger_reference="Car park A",
        kind="fault",
        opened_at=T0,
        first_seen_at=T0 - minutes(2),
        error_code="GroundFailure",
        error_info="ground fault detected",
    )
    assert first.is_open and first.charger_name == "Car park A"
    assert store.get_incident(first.id) == first
    assert store.close_incident(first.id, T0 + minutes(5)) is True
    assert store.close_incident(first.id, T0 + minutes(6)) is False  # already closed
    assert store.close_incident(99_999, T0) is False
    closed = store.get_incident(first.id)
    assert closed is not None and closed.closed_at == T0 + minutes(5)
    assert closed.first_seen_at == T0 - minutes(2) and closed.opened_at == T0
    assert store.get_incident(12345) is None


def test_one_open_incident_per_charger_and_kind(store: Store) -> None:
    first = open_fault(store, 1)
    with pytest.raises(StoreError, match="already has an open fault incident"):
        open_fault(store, 1)
    open_fault(store, 1, kind="offline")  # another kind is fine
    store.close_incident(first, T0 + minutes(1))
    open_fault(store, 1, at=minutes(2))  # and a new one once the first is closed
    assert len(store.list_incidents(charger_uuid="uuid-001")) == 3


def test_list_filters_newest_first_and_limit(store: Store) -> None:
    ids = [open_fault(store, n, at=minutes(n)) for n in range(1, 6)]
    offline = open_fault(store, 9, at=minutes(30), kind="offline")
    store.close_incident(ids[0], T0 + minutes(20))
    store.close_incident(ids[2], T0 + minutes(20))
    everything = store.list_incidents()
    assert [i.id for i in everything] == [offline, *reversed(ids)]
    assert [i.id for i in store.list_incidents(limit=2)] == [offline, ids[4]]
    assert [i.id for i in store.list_incidents(limit=2, offset=2)] == [ids[3], ids[2]]
    assert [i.id for i in store.list_incidents(kind="offline")] == [offline]
    assert [i.id for i in store.list_incidents(state="closed")] == [ids[2], ids[0]]
    assert [i.id for i in store.list_incidents(state="open", kind="fault")] == [ids[4], ids[3],
                                                                               ids[1]]  # fmt: skip
    assert [i.id for i in store.list_incidents(charger_uuid="uuid-003")] == [ids[2]]
    assert {i.id for i in store.open_incidents()} == {offline, ids[1], ids[3], ids[4]}
    with pytest.raises(ValueError):
        store.list_incidents(state="shut")  # type: ignore[arg-type]


def test_mark_notified(store: Store) -> None:
    a, b = open_fault(store, 1), open_fault(store, 2)
    store.mark_notified([a, b], opened=True)
    store.mark_notified([b], closed=True)
    store.mark_notified([], opened=True)  # nothing to do
    got = {i.id: (i.notified_open, i.notified_close) for i in store.list_incidents()}
    assert got == {a: (True, False), b: (True, True)}


def test_everything_written_survives_reopening(db: Path) -> None:
    with Store(db) as first:
        kept = open_fault(first, 1)
        first.mark_notified([kept], opened=True)
        first.save_fleet(b'[{"uuid": "uuid-001"}]', T0)
        first.set_mute(Mute("uuid-001", T0 + minutes(60)))
        first.set_state("k", "v")
    with Store(db) as second:
        [incident] = second.open_incidents()
        assert incident.id == kept and incident.notified_open
        assert second.load_fleet() == (b'[{"uuid": "uuid-001"}]', T0)
        assert second.list_mutes() == [Mute("uuid-001", T0 + minutes(60))]
        assert second.get_state("k") == "v"


def test_transaction_is_all_or_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        open_fault(store, 1)
        open_fault(store, 2)
        assert store.in_transaction
        raise RuntimeError("boom")
    assert store.list_incidents() == []
    assert not store.in_transaction
    with store.transaction():
        open_fault(store, 1)
        with store.transaction():  # nested joins the outer one
            open_fault(store, 2)
    assert len(store.list_incidents()) == 2


def test_prune_closed_before(store: Store) -> None:
    old = open_fault(store, 1)
    store.close_incident(old, T0 + minutes(1))
    recent = open_fault(store, 2)
    store.close_incident(recent, T0 + minutes(100))
    still_open = open_fault(store, 3)
    assert store.prune_closed_before(T0 + minutes(50)) == 1
    assert {i.id for i in store.list_incidents()} == {recent, still_open}


def test_store_belongs_to_its_thread(store: Store) -> None:
    errors: list[BaseException] = []

    def use() -> None:
        try:
            store.list_incidents()
        except BaseException as error:
            errors.append(error)

    worker = threading.Thread(target=use)
    worker.start()
    worker.join()
    assert len(errors) == 1 and isinstance(errors[0], StoreError)


def test_closed_store_refuses_work(db: Path) -> None:
    opened = Store(db)
    opened.close()
    opened.close()  # twice is fine
    with pytest.raises(StoreError):
        opened.list_incidents()


# -- the fleet cache ------------------------------------------------------------------------


def test_fleet_cache_keeps_one_row_and_a_bounded_file(store: Store, db: Path) -> None:
    assert store.load_fleet() is None
    blob = os.urandom(200_000)
    for n in range(40):
        store.save_fleet(blob + bytes([n]), T0 + minutes(n), source="https://api.example/v3")
    data, fetched = store.load_fleet() or (b"", None)
    assert data == blob + bytes([39]) and fetched == T0 + minutes(39)
    rows = store._conn.execute("SELECT COUNT(*) FROM fleet_snapshot").fetchone()[0]
    assert rows == 1
    # 40 saves of 200 kB: the file holds about one copy, not forty.
    assert db.stat().st_size < 2_000_000
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # back to FULL


def test_fleet_cache_from_another_account_is_not_shown(store: Store) -> None:
    store.save_fleet(b"[]", T0, source="https://a.example/api/v3")
    assert store.load_fleet(source="https://b.example/api/v3") is None
    assert store.load_fleet(source="https://a.example/api/v3") == (b"[]", T0)
    assert store.load_fleet() == (b"[]", T0)


def test_fleet_cache_size_is_known_without_reading_it(store: Store) -> None:
    assert store.fleet_size() is None
    store.save_fleet(b'[{"uuid": "a"}]', T0, source="https://a.example/api/v3")
    assert store.fleet_size(source="https://a.example/api/v3") == len(b'[{"uuid": "a"}]')
    assert store.fleet_size(source="https://b.example/api/v3") is None  # as load_fleet
    assert store.fleet_size() == 15


# -- migrations -----------------------------------------------------------------------------

V1_SCHEMA = """
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT, charger_uuid TEXT NOT NULL, charger_identity TEXT,
    charger_reference TEXT, kind TEXT NOT NULL, error_code TEXT, error_info TEXT,
    opened_at TEXT NOT NULL, closed_at TEXT, notified_open INTEGER NOT NULL DEFAULT 0,
    notified_close INTEGER NOT NULL DEFAULT 0, first_seen_at TEXT NOT NULL);
CREATE INDEX incidents_by_opened ON incidents (opened_at DESC);
CREATE INDEX incidents_by_charger ON incidents (charger_uuid, opened_at DESC);
CREATE UNIQUE INDEX incidents_one_open ON incidents (charger_uuid, kind) WHERE closed_at IS NULL;
INSERT INTO incidents (charger_uuid, charger_identity, kind, error_code, opened_at,
                       notified_open, first_seen_at)
    VALUES ('uuid-007', 'PC-007', 'fault', 'GroundFailure', '2024-05-01T12:00:00.000000+00:00',
            1, '2024-05-01T11:58:00.000000+00:00');
PRAGMA user_version = 1;
"""


def test_upgrades_a_version_1_file_and_keeps_its_history(db: Path) -> None:
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as old:
        old.executescript(V1_SCHEMA)
    with Store(db) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION
        [incident] = upgraded.open_incidents()
        assert (incident.charger_identity, incident.error_code) == ("PC-007", "GroundFailure")
        assert incident.opened_at == T0 and incident.notified_open
        # The tables added by later versions work.
        upgraded.save_fleet(b"[]", T0)
        upgraded.set_mute(Mute("uuid-007", None, until_resolved=True))
        assert upgraded.list_mutes()[0].until_resolved
        assert upgraded.integrity_check() == "ok"


def test_upgrades_one_step_at_a_time(db: Path) -> None:
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as old:
        old.executescript(V1_SCHEMA)
        for statement in store_module.MIGRATIONS[1].statements:
            old.execute(statement)
        old.execute("PRAGMA user_version = 2")
    with Store(db) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION
        assert upgraded.get_state("anything") is None  # v3 table exists
        assert len(upgraded.list_incidents()) == 1


def test_file_from_a_newer_plugdesk_is_refused_and_left_alone(db: Path) -> None:
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as newer:
        newer.execute("CREATE TABLE future (x)")
        newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db.read_bytes()
    with pytest.raises(StoreError, match="newer PlugDesk"):
        Store(db)
    assert db.read_bytes() == before
    assert not list(db.parent.glob("*.corrupt-*"))


def test_locked_file_is_an_error_not_damage(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 50)
    db.parent.mkdir(parents=True)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process is writing (schema 0: must migrate)
    try:
        with pytest.raises(StoreError, match="locked"):
            Store(db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(db.parent.glob("*.corrupt-*"))
    with Store(db) as fine:
        assert fine.schema_version() == SCHEMA_VERSION


# -- damage ---------------------------------------------------------------------------------


@pytest.mark.log_warnings("a damaged store is set aside, with a warning")
def test_non_sqlite_file_is_set_aside_and_a_fresh_store_made(db: Path) -> None:
    db.parent.mkdir(parents=True)
    junk = b"this is not a database, just some text " * 200
    db.write_bytes(junk)
    (db.parent / (db.name + "-wal")).write_bytes(b"stale wal")  # must not upset the new file
    with Store(db) as fresh:
        assert fresh.set_aside_as is not None
        assert fresh.set_aside_as.name.startswith("plugdesk.sqlite3.corrupt-")
        assert fresh.set_aside_as.read_bytes() == junk  # nothing lost
        assert fresh.problem is not None
        assert "damaged" in fresh.problem and fresh.set_aside_as.name in fresh.problem
        assert fresh.schema_version() == SCHEMA_VERSION
        open_fault(fresh, 1)
        assert len(fresh.list_incidents()) == 1


@pytest.mark.log_warnings("a damaged store is set aside, with a warning")
def test_damaged_pages_are_caught_at_open(db: Path) -> None:
    with Store(db) as first:
        for n in range(300):
            open_fault(first, n)
    raw = bytearray(db.read_bytes())
    page = 4096
    raw[2 * page + 8 : 2 * page + 200] = b"\xff" * 192  # smash a b-tree page
    db.write_bytes(bytes(raw))
    with Store(db) as fresh:
        assert fresh.set_aside_as is not None and fresh.set_aside_as.exists()
        assert fresh.list_incidents() == []
        assert fresh.integrity_check() == "ok"
    # A second set-aside in the same second gets its own name.
    db.write_bytes(b"garbage" * 1000)
    with Store(db) as again:
        assert again.set_aside_as is not None
        assert len(list(db.parent.glob("*.corrupt-*"))) == 2


# -- kill -9 --------------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from plugdesk.domain.store import Store

    store = Store(sys.argv[1])
    blob = bytes(range(256)) * 1024  # 256 kB fleet JSON stand-in: some kills land mid-write
    n = 0
    while True:
        n += 1
        now = datetime.now(UTC)
        with store.transaction():  # like one refresh: two incidents in one transaction
            a = store.open_incident(charger_uuid=f"a{n}", kind="fault", opened_at=now)
            b = store.open_incident(charger_uuid=f"b{n}", kind="offline", opened_at=now)
        print("open", a.id, b.id, flush=True)
        if n % 2 == 0:
            store.close_incident(a.id, now)
            print("close", a.id, flush=True)
        store.save_fleet(blob + str(n).encode(), now)
        print("fleet", n, flush=True)
    """
)


def run_child_until_killed(db: Path, opens: int) -> list[list[str]]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    lines: list[list[str]] = []
    try:
        while sum(1 for line in lines if line[0] == "open") < opens:
            line = child.stdout.readline()
            if not line:
                raise AssertionError(f"child died: {child.stderr.read() if child.stderr else ''}")
            lines.append(line.split())
        os.kill(child.pid, signal.SIGKILL)  # mid-way through whatever it was doing
        rest, _ = child.communicate(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    # Everything printed was printed after its commit; a torn last line is not a report.
    complete = rest.splitlines(keepends=True)
    lines += [line.split() for line in complete if line.endswith("\n")]
    return lines


def test_store_survives_kill_9_with_every_committed_incident(db: Path) -> None:
    reported_open: set[int] = set()
    reported_closed: set[int] = set()
    last_fleet = 0
    for round_ in range(3):  # crash, recover, crash again on the recovered file
        lines = run_child_until_killed(db, opens=25 + 7 * round_)
        assert (db.parent / (db.name + "-wal")).exists()  # killed with a live WAL
        reported_open |= {int(x) for line in lines if line[0] == "open" for x in line[1:]}
        reported_closed |= {int(line[1]) for line in lines if line[0] == "close"}
        last_fleet = max([int(line[1]) for line in lines if line[0] == "fleet"] or [0])

        with Store(db) as after:
            assert after.problem is None  # opened cleanly, nothing set aside
            assert after.integrity_check() == "ok"
            incidents = {i.id: i for i in after.list_incidents()}
            assert reported_open <= incidents.keys()
            assert all(incidents[i].closed_at is not None for i in reported_closed)
            fleet = after.load_fleet()
            assert fleet is not None
            assert int(fleet[0][256 * 1024 :]) >= last_fleet  # the reported save (or later)
            # Clean slate for the next round: the child numbers chargers from 1 again.
            after._conn.execute("UPDATE incidents SET closed_at = opened_at")
    assert len(reported_open) >= 2 * (25 + 32 + 39)


def test_unusable_path_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Could not open the event history"):
        Store(tmp_path)  # a folder, not a file
    assert not list(tmp_path.glob("*.corrupt-*"))
