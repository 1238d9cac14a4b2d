"""PlugDesk's local store: incident history, the last known fleet, mutes. Stdlib sqlite3.

Durability
- WAL journal: readers never block the writer, and a crash (kill -9, power cut) leaves
  the database consistent; the next open replays or discards the WAL on its own.
- `synchronous=FULL` for everything except the fleet cache. In WAL mode NORMAL already
  survives kill -9 (a commit is in the OS's page cache the moment COMMIT returns; only an
  OS crash or power cut can lose it), but an incident is committed *before* its desktop
  notification is shown, and a user who saw "PC-001 faulted" must find it in the history
  even after a power cut. FULL fsyncs the WAL on each commit; incidents change rarely (one
  transaction per refresh that opens or closes something), so the cost is a few ms now and
  then. The fleet cache is disposable and large, so `save_fleet` switches to NORMAL for its
  own transaction.
- Every write runs in an explicit transaction (`BEGIN IMMEDIATE` … `COMMIT`); callers can
  group several writes into one with `with store.transaction(): …`.

Schema: `PRAGMA user_version` is the schema version; `MIGRATIONS` upgrade an older file
step by step, each step in its own transaction. A file from a newer PlugDesk is refused
(`StoreError`), never altered.

Damage: a file that is not SQLite or fails `PRAGMA quick_check` is renamed to
`<name>.corrupt-<UTC timestamp>` (with its -wal/-shm files, which belong to it) and a new,
empty store is created; `problem` holds a sentence for the window. "Database is locked"
and other I/O errors are *not* damage and are raised as `StoreError`.

Threads: a Store belongs to the thread that made it (sqlite3's `check_same_thread`). The
app reads with the Store of the asyncio (= Qt) thread and writes with a second Store on the
same file, in the HistoryWriter's own thread (plugdesk/services/history.py): a FULL commit
fsyncs, and an fsync on a slow disk moment must not freeze the window. WAL lets the two
connections work side by side; a read sees every commit that has completed.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Self

from plugdesk.domain.errors import Message, WordedError
from plugdesk.marks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 5000
JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024  # truncate the WAL back to this after checkpoints
BLOB_CHUNK = 1024 * 1024  # bytes of a big blob written per call (see Store._fill_blob)
_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})

IncidentState = Literal["open", "closed"]


class StoreError(WordedError):
    """The store could not be used; `str()` is a sentence for the user (in English;
    `message`, when set, lets the window say it in its language)."""


class StoreReadOnlyError(StoreError):
    """A write failed because the history file (or its folder) is read-only."""


READ_ONLY_PROBLEM = QT_TRANSLATE_NOOP(
    "Store",
    "The event history file {path} is read-only, so new charger incidents are not saved. "
    "Alerts still work for as long as PlugDesk runs; make the file writable (check its "
    "permissions) and restart PlugDesk to keep a history again.",
)


def _say(template: str, **values: object) -> Message:
    """A store sentence as facts (its template marked with QT_TRANSLATE_NOOP("Store"))."""
    return Message("Store", template, values)


# What a failed write or read was doing ("Could not {action}: …").
_SAVE = _say(QT_TRANSLATE_NOOP("Store", "save to the event history"))
_USE = _say(QT_TRANSLATE_NOOP("Store", "use the event history"))


def read_only_problem(path: Path | None) -> Message:
    return _say(READ_ONLY_PROBLEM, path=path)


@dataclass(frozen=True)
class Migration:
    version: int
    about: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "incident history", (
        """CREATE TABLE incidents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            charger_uuid TEXT NOT NULL,
            charger_identity TEXT,
            charger_reference TEXT,
            kind TEXT NOT NULL,
            error_code TEXT,
            error_info TEXT,
            opened_at TEXT NOT NULL,
            closed_at TEXT,
            notified_open INTEGER NOT NULL DEFAULT 0,
            notified_close INTEGER NOT NULL DEFAULT 0,
            first_seen_at TEXT NOT NULL
        )""",
        "CREATE INDEX incidents_by_opened ON incidents (opened_at DESC)",
        "CREATE INDEX incidents_by_charger ON incidents (charger_uuid, opened_at DESC)",
        # At most one open incident per charger and kind, whatever the code above does.
        """CREATE UNIQUE INDEX incidents_one_open ON incidents (charger_uuid, kind)
            WHERE closed_at IS NULL""",
    )),
    Migration(2, "last known fleet", (
        # One row, replaced on every save: the file does not grow with each refresh.
        """CREATE TABLE fleet_snapshot (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            source TEXT NOT NULL DEFAULT '',
            data BLOB NOT NULL,
            fetched_at TEXT NOT NULL
        )""",
    )),
    Migration(3, "mutes and pause", (
        """CREATE TABLE mutes (
            charger_uuid TEXT PRIMARY KEY,
            until TEXT,
            until_resolved INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    )),
    Migration(4, "charger actions (audit trail)", (
        # One row per action sent to a charger: written before the request goes out,
        # the reply committed before it is shown, the outcome when the watch ends.
        """CREATE TABLE actions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sent_at TEXT NOT NULL,
            user_name TEXT NOT NULL DEFAULT '',
            charger_uuid TEXT NOT NULL,
            charger_identity TEXT,
            charger_reference TEXT,
            action TEXT NOT NULL,
            params TEXT NOT NULL DEFAULT '{}',
            reply TEXT NOT NULL DEFAULT 'pending',
            reply_text TEXT,
            outcome TEXT,
            finished_at TEXT
        )""",
        "CREATE INDEX actions_by_sent ON actions (sent_at DESC)",
    )),
    Migration(5, "webhook outbox", (
        # One row per alert and webhook, committed before the POST: a restart resends
        # what was not delivered and never what was. `target` is a digest of the URL
        # (chat webhook URLs carry their own secret: the URL itself is never written).
        """CREATE TABLE webhook_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            target TEXT NOT NULL,
            alert_key TEXT NOT NULL,
            body BLOB NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            delivered_at TEXT,
            UNIQUE (target, alert_key)
        )""",
        "CREATE INDEX webhook_outbox_pending ON webhook_outbox (target) WHERE delivered_at IS NULL",
    )),
    Migration(6, "connector incidents", (
        # A fault on one connector is an incident of its own (NULL: the charger itself).
        "ALTER TABLE incidents ADD COLUMN connector_id INTEGER",
        "DROP INDEX incidents_one_open",
        """CREATE UNIQUE INDEX incidents_one_open
            ON incidents (charger_uuid, kind, IFNULL(connector_id, 0))
            WHERE closed_at IS NULL""",
    )),
)  # fmt: skip
SCHEMA_VERSION = MIGRATIONS[-1].version


@dataclass(frozen=True)
class Incident:
    id: int
    charger_uuid: str
    charger_identity: str | None
    charger_reference: str | None
    kind: str  # an IncidentKind value: "fault", "offline", "stale"
    error_code: str | None
    error_info: str | None
    opened_at: datetime  # when the grace period ran out and the incident opened
    closed_at: datetime | None  # when the condition was first seen gone
    notified_open: bool
    notified_close: bool
    first_seen_at: datetime  # when the condition was first observed
    connector_id: int | None = None  # the connector at fault; None: the charger itself

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def charger_name(self) -> str:
        """The manager's own label if set, else the identity, else the UUID."""
        return self.charger_reference or self.charger_identity or self.charger_uuid

    @property
    def where(self) -> str:
        """"Connector 2" for a connector's incident, "" for the charger's own."""
        return "" if self.connector_id is None else f"Connector {self.connector_id}"


@dataclass(frozen=True)
class ActionEntry:
    """One action sent to a charger, as the audit trail keeps it."""

    id: int
    sent_at: datetime
    user_name: str
    charger_uuid: str
    charger_identity: str | None
    charger_reference: str | None
    action: str  # an ActionKind value: "restart", "lock", ...
    params: str  # JSON text of what was sent
    reply: str  # "pending", then a Reply value: "accepted", "rejected", "timeout", ...
    reply_text: str | None  # the reply in words, as shown
    outcome: str | None  # what the watch found ("back online after 48 s, fault cleared")
    finished_at: datetime | None

    @property
    def charger_name(self) -> str:
        return self.charger_reference or self.charger_identity or self.charger_uuid


@dataclass(frozen=True)
class OutboxItem:
    """One webhook POST waiting (or delivered): the JSON body as it will be sent."""

    id: int
    target: str
    alert_key: str
    body: bytes
    attempts: int


@dataclass(frozen=True)
class Mute:
    charger_uuid: str
    until: datetime | None  # None with until_resolved
    until_resolved: bool = False

    def active(self, now: datetime) -> bool:
        return self.until_resolved or (self.until is not None and to_utc(now) < self.until)


_INCIDENT_COLUMNS = (
    "id, charger_uuid, charger_identity, charger_reference, kind, error_code, error_info, "
    "opened_at, closed_at, notified_open, notified_close, first_seen_at, connector_id"
)


_ACTION_COLUMNS = (
    "id, sent_at, user_name, charger_uuid, charger_identity, charger_reference, action, "
    "params, reply, reply_text, outcome, finished_at"
)


class Store:
    """The SQLite store at `path` (":memory:" for a throwaway one)."""

    def __init__(self, path: str | Path) -> None:
        self.path: Path | None = None if str(path) == MEMORY else Path(path)
        self.problem: str | None = None  # a sentence for the window, e.g. after set-aside
        self.problem_message: Message | None = None  # the same as facts, for translation
        self.set_aside_as: Path | None = None
        self._depth = 0
        self._conn = self._open_or_replace()
        # SQLite opens a read-only file without a word and fails every write later: find
        # out now, so the window can say so instead of alerting going quiet.
        self.read_only = self._writes_fail()
        if self.read_only:
            self._set_problem(read_only_problem(self.path))
            log.warning("the event history %s is read-only", self.path)

    def _writes_fail(self) -> bool:
        """Try a write that changes nothing, inside a transaction rolled back."""
        try:
            version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.execute(f"PRAGMA user_version = {version}")
            finally:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            return _is_read_only(error)
        return False

    # -- opening ----------------------------------------------------------------------------

    def _open_or_replace(self) -> sqlite3.Connection:
        try:
            return self._open()
        except _Damaged as damage:
            if self.path is None:
                raise StoreError(_say(
                    QT_TRANSLATE_NOOP("Store", "The in-memory store failed: {damage}"),
                    damage=damage,
                )) from None
            try:
                self.set_aside_as = _set_aside(self.path)
            except OSError as error:
                raise StoreError(_say(
                    QT_TRANSLATE_NOOP(
                        "Store",
                        "The event history file {path} is damaged and could not be moved "
                        "aside ({error}). Move or delete it, then start PlugDesk again.",
                    ),
                    path=self.path,
                    error=error.strerror,
                )) from None
            self._set_problem(_say(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The event history file was damaged and could not be read. It was kept "
                    "as {name} and a new, empty history was started.",
                ),
                name=self.set_aside_as.name,
            ))
            log.warning("store %s set aside as %s: %s", self.path, self.set_aside_as, damage)
            return self._open()

    def _set_problem(self, message: Message) -> None:
        self.problem, self.problem_message = str(message), message

    def _open(self) -> sqlite3.Connection:
        target = MEMORY if self.path is None else str(self.path)
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: no implicit transactions; this class issues BEGIN itself.
            conn = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except (sqlite3.Error, OSError) as error:
            raise StoreError(_cannot_open(error)) from None
        try:
            _check_intact(conn)
            _check_version(conn)  # before _configure: a newer file must stay untouched
            _configure(conn)
            _migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    # -- transactions -----------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write; nested calls join the outermost transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with _as_store_error(_SAVE):
            self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        with _as_store_error(_SAVE):
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def _exec(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        with _as_store_error(_USE):
            return self._conn.execute(sql, params)

    # -- incidents --------------------------------------------------------------------------

    def open_incident(
        self,
        *,
        charger_uuid: str,
        kind: str,
        opened_at: datetime,
        first_seen_at: datetime | None = None,
        charger_identity: str | None = None,
        charger_reference: str | None = None,
        error_code: str | None = None,
        error_info: str | None = None,
        connector_id: int | None = None,
    ) -> Incident:
        """Record a new open incident. StoreError if this charger (or this connector of
        it) already has an open incident of this kind (enforced by a unique index)."""
        first_seen = first_seen_at or opened_at
        with self.transaction():
            try:
                cursor = self._conn.execute(
                    "INSERT INTO incidents (charger_uuid, charger_identity, charger_reference,"
                    " kind, error_code, error_info, opened_at, first_seen_at, connector_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        charger_uuid,
                        charger_identity,
                        charger_reference,
                        str(kind),
                        error_code,
                        error_info,
                        _iso(opened_at),
                        _iso(first_seen),
                        connector_id,
                    ),
                )
            except sqlite3.IntegrityError:
                raise StoreError(
                    f"Charger {charger_uuid} already has an open {kind} incident."
                ) from None
            except sqlite3.Error:
                with _as_store_error(_SAVE):
                    raise
        incident_id = cursor.lastrowid
        assert incident_id is not None
        return Incident(
            id=incident_id,
            charger_uuid=charger_uuid,
            charger_identity=charger_identity,
            charger_reference=charger_reference,
            kind=str(kind),
            error_code=error_code,
            error_info=error_info,
            opened_at=to_utc(opened_at),
            closed_at=None,
            notified_open=False,
            notified_close=False,
            first_seen_at=to_utc(first_seen),
            connector_id=connector_id,
        )

    def close_incident(self, incident_id: int, closed_at: datetime) -> bool:
        """Close an open incident; False when it was not open (or does not exist)."""
        with self.transaction():
            cursor = self._exec(
                "UPDATE incidents SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                (_iso(closed_at), incident_id),
            )
        return cursor.rowcount == 1

    def mark_notified(
        self, incident_ids: Sequence[int], *, opened: bool = False, closed: bool = False
    ) -> None:
        """Record that the "opened" and/or "resolved" alert of these incidents was shown."""
        if not incident_ids or not (opened or closed):
            return
        sets = ", ".join(
            s for s, on in (("notified_open = 1", opened), ("notified_close = 1", closed)) if on
        )
        marks = ", ".join("?" * len(incident_ids))
        with self.transaction():
            self._exec(f"UPDATE incidents SET {sets} WHERE id IN ({marks})", list(incident_ids))

    def get_incident(self, incident_id: int) -> Incident | None:
        row = self._exec(
            f"SELECT {_INCIDENT_COLUMNS} FROM incidents WHERE id = ?", (incident_id,)
        ).fetchone()
        return None if row is None else _incident(row)

    def list_incidents(
        self,
        *,
        charger_uuid: str | None = None,
        kind: str | None = None,
        state: IncidentState | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Incident]:
        """Incidents newest first (by opened time), optionally filtered."""
        where: list[str] = []
        params: list[object] = []
        if charger_uuid is not None:
            where.append("charger_uuid = ?")
            params.append(charger_uuid)
        if kind is not None:
            where.append("kind = ?")
            params.append(str(kind))
        if state == "open":
            where.append("closed_at IS NULL")
        elif state == "closed":
            where.append("closed_at IS NOT NULL")
        elif state is not None:
            raise ValueError(f"state must be 'open', 'closed' or None, not {state!r}")
        sql = f"SELECT {_INCIDENT_COLUMNS} FROM incidents"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY opened_at DESC, id DESC LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        return [_incident(row) for row in self._exec(sql, params).fetchall()]

    def open_incidents(self) -> list[Incident]:
        return self.list_incidents(state="open")

    def prune_closed_before(self, moment: datetime) -> int:
        """Forget closed incidents that ended before `moment`; returns how many."""
        with self.transaction():
            cursor = self._exec(
                "DELETE FROM incidents WHERE closed_at IS NOT NULL AND closed_at < ?",
                (_iso(moment),),
            )
        return cursor.rowcount

    # -- the action audit trail --------------------------------------------------------------

    def record_action(
        self,
        *,
        sent_at: datetime,
        user_name: str,
        charger_uuid: str,
        action: str,
        params: str = "{}",
        charger_identity: str | None = None,
        charger_reference: str | None = None,
    ) -> ActionEntry:
        """Write the row of an action about to be sent (reply "pending")."""
        with self.transaction():
            cursor = self._exec(
                "INSERT INTO actions (sent_at, user_name, charger_uuid, charger_identity,"
                " charger_reference, action, params) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_iso(sent_at), user_name, charger_uuid, charger_identity, charger_reference,
                 action, params),
            )  # fmt: skip
        entry = self.get_action(int(cursor.lastrowid or 0))
        assert entry is not None
        return entry

    def set_action_reply(self, action_id: int, reply: str, reply_text: str) -> None:
        with self.transaction():
            self._exec(
                "UPDATE actions SET reply = ?, reply_text = ? WHERE id = ?",
                (reply, reply_text, action_id),
            )

    def set_action_outcome(self, action_id: int, outcome: str, finished_at: datetime) -> None:
        with self.transaction():
            self._exec(
                "UPDATE actions SET outcome = ?, finished_at = ? WHERE id = ?",
                (outcome, _iso(finished_at), action_id),
            )

    def get_action(self, action_id: int) -> ActionEntry | None:
        row = self._exec(
            f"SELECT {_ACTION_COLUMNS} FROM actions WHERE id = ?", (action_id,)
        ).fetchone()
        return None if row is None else _action(row)

    def list_actions(
        self, *, charger_uuid: str | None = None, limit: int | None = None
    ) -> list[ActionEntry]:
        """Newest first."""
        sql = f"SELECT {_ACTION_COLUMNS} FROM actions"
        params: list[object] = []
        if charger_uuid is not None:
            sql += " WHERE charger_uuid = ?"
            params.append(charger_uuid)
        sql += " ORDER BY sent_at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [_action(row) for row in self._exec(sql, params).fetchall()]

    # -- the last known fleet ---------------------------------------------------------------

    def save_fleet(self, data: bytes, fetched_at: datetime, *, source: str = "") -> None:
        """Replace the cached fleet JSON. `source` (e.g. the API URL) keeps one account's
        fleet from being shown for another."""
        relaxed = not self.in_transaction
        if relaxed:  # a cache: an OS crash may lose the latest copy, never corrupt it
            self._exec("PRAGMA synchronous = NORMAL")
        try:
            with self.transaction():
                self._exec(
                    "INSERT OR REPLACE INTO fleet_snapshot (id, source, data, fetched_at)"
                    " VALUES (1, ?, zeroblob(?), ?)",
                    (source, len(data), _iso(fetched_at)),
                )
                self._fill_blob("fleet_snapshot", "data", 1, data)
        finally:
            if relaxed:
                self._exec("PRAGMA synchronous = FULL")

    def _fill_blob(self, table: str, column: str, row: int, data: bytes) -> None:
        """Write `data` into a zeroblob a chunk at a time. Binding 40 MB (50,000 chargers)
        as one parameter copies it while holding the GIL (~25 ms in which a writer thread
        stalls the UI thread); SQLite's blob writes let go of it."""
        view = memoryview(data)
        with _as_store_error(_SAVE), self._conn.blobopen(table, column, row) as blob:
            for start in range(0, len(view), BLOB_CHUNK):
                blob.write(view[start : start + BLOB_CHUNK])

    def load_fleet(self, *, source: str | None = None) -> tuple[bytes, datetime] | None:
        """The cached fleet JSON and when it was fetched; None if none (or, when `source`
        is given, if the cached one came from another source)."""
        row = self._exec("SELECT source, data, fetched_at FROM fleet_snapshot").fetchone()
        if row is None or (source is not None and row[0] != source):
            return None
        return bytes(row[1]), _parse(row[2])

    def fleet_size(self, *, source: str | None = None) -> int | None:
        """The size in bytes of the cached fleet JSON `load_fleet` would return (None
        when it would return None), without reading it."""
        row = self._exec("SELECT source, length(data) FROM fleet_snapshot").fetchone()
        if row is None or (source is not None and row[0] != source):
            return None
        return int(row[1])

    # -- mutes and the pause ----------------------------------------------------------------

    def set_mute(self, mute: Mute) -> None:
        with self.transaction():
            self._exec(
                "INSERT OR REPLACE INTO mutes (charger_uuid, until, until_resolved)"
                " VALUES (?, ?, ?)",
                (
                    mute.charger_uuid,
                    None if mute.until is None else _iso(mute.until),
                    int(mute.until_resolved),
                ),
            )

    def delete_mute(self, charger_uuid: str) -> None:
        with self.transaction():
            self._exec("DELETE FROM mutes WHERE charger_uuid = ?", (charger_uuid,))

    def list_mutes(self) -> list[Mute]:
        rows = self._exec(
            "SELECT charger_uuid, until, until_resolved FROM mutes ORDER BY charger_uuid"
        ).fetchall()
        return [Mute(r[0], None if r[1] is None else _parse(r[1]), bool(r[2])) for r in rows]

    def get_state(self, key: str) -> str | None:
        row = self._exec("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_state(self, key: str, value: str | None) -> None:
        with self.transaction():
            if value is None:
                self._exec("DELETE FROM state WHERE key = ?", (key,))
            else:
                self._exec("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value))

    # -- webhook outbox ---------------------------------------------------------------------

    def enqueue_webhooks(self, rows: Sequence[tuple[str, str, bytes]], at: datetime) -> int:
        """(target, alert_key, body) rows, in one transaction; a row already queued (the
        same alert offered again after a restart) is left as it is. Returns rows added."""
        added = 0
        with self.transaction():
            for target, key, body in rows:
                cursor = self._exec(
                    "INSERT OR IGNORE INTO webhook_outbox (target, alert_key, body, created_at)"
                    " VALUES (?, ?, ?, ?)",
                    (target, key, body, _iso(at)),
                )
                added += cursor.rowcount
        return added

    def pending_webhooks(self, target: str) -> list[OutboxItem]:
        """Undelivered rows for one webhook, oldest first."""
        rows = self._exec(
            "SELECT id, target, alert_key, body, attempts FROM webhook_outbox"
            " WHERE target = ? AND delivered_at IS NULL ORDER BY id",
            (target,),
        ).fetchall()
        return [OutboxItem(r[0], r[1], r[2], bytes(r[3]), r[4]) for r in rows]

    def webhook_delivered(self, item_id: int, at: datetime) -> None:
        with self.transaction():
            self._exec(
                "UPDATE webhook_outbox SET delivered_at = ?, attempts = attempts + 1"
                " WHERE id = ?",
                (_iso(at), item_id),
            )

    def webhook_failed(self, item_id: int, error: str) -> None:
        with self.transaction():
            self._exec(
                "UPDATE webhook_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                (error[:500], item_id),
            )

    def prune_webhooks_before(self, moment: datetime) -> int:
        """Forget delivered POSTs older than `moment` (the history keeps the incidents)."""
        with self.transaction():
            cursor = self._exec(
                "DELETE FROM webhook_outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?",
                (_iso(moment),),
            )
        return cursor.rowcount

    def webhook_counts(self) -> dict[str, int]:
        """{"delivered": n, "pending": n} over every webhook (metrics, tests)."""
        row = self._exec(
            "SELECT COALESCE(SUM(delivered_at IS NOT NULL), 0),"
            " COALESCE(SUM(delivered_at IS NULL), 0) FROM webhook_outbox"
        ).fetchone()
        return {"delivered": int(row[0]), "pending": int(row[1])}

    # -- housekeeping -----------------------------------------------------------------------

    def schema_version(self) -> int:
        return int(self._exec("PRAGMA user_version").fetchone()[0])

    def journal_mode(self) -> str:
        return str(self._exec("PRAGMA journal_mode").fetchone()[0])

    def integrity_check(self) -> str:
        return ", ".join(str(r[0]) for r in self._exec("PRAGMA integrity_check").fetchall())

    def close(self) -> None:
        """Fold the WAL back into the file and close. Safe to call twice."""
        conn, self._conn = self._conn, _closed_connection()
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA optimize")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- opening helpers ------------------------------------------------------------------------


class _Damaged(Exception):
    """The file is not a usable SQLite database."""


def _is_read_only(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) == sqlite3.SQLITE_READONLY


def _is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in _CORRUPT_CODES


def _check_intact(conn: sqlite3.Connection) -> None:
    # quick_check reads every page (a few ms for this small file) and catches damage at
    # start, where it can be handled, instead of in the middle of a refresh.
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if _is_damage(error):
            raise _Damaged(str(error)) from None
        raise StoreError(_cannot_open(error)) from None
    if [r[0] for r in rows] != ["ok"]:
        raise _Damaged(str(rows[0][0]) if rows else "integrity check failed")


def _configure(conn: sqlite3.Connection) -> None:
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal" and conn.execute("PRAGMA database_list").fetchone()[2]:
            log.warning("the store is not in WAL mode (journal_mode=%s)", mode)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        if _is_damage(error):
            raise _Damaged(str(error)) from None
        raise StoreError(_cannot_open(error)) from None


def _check_version(conn: sqlite3.Connection) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(_say(
            QT_TRANSLATE_NOOP(
                "Store",
                "The event history was written by a newer PlugDesk (schema {version}; this "
                "version knows up to {known}). Update PlugDesk to use it.",
            ),
            version=version,
            known=SCHEMA_VERSION,
        ))


def _migrate(conn: sqlite3.Connection) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if _is_damage(error):
                raise _Damaged(str(error)) from None
            raise StoreError(
                f"Could not upgrade the event history to schema {migration.version} "
                f"({migration.about}): {error}"
            ) from None
        log.info("store upgraded to schema %d (%s)", migration.version, migration.about)


def _set_aside(path: Path) -> Path:
    """Rename a damaged store to `<name>.corrupt-<timestamp>`, with any WAL and shared-memory
    files SQLite left beside it (they belong to the old file and must not meet the new one;
    usually SQLite has already folded in or dropped the WAL when it closed the file)."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    return target


def _closed_connection() -> sqlite3.Connection:
    conn = sqlite3.connect(MEMORY)
    conn.close()  # any use after Store.close() raises "Cannot operate on a closed database"
    return conn


@contextlib.contextmanager
def _as_store_error(action: Message) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        if _is_read_only(error):
            raise StoreReadOnlyError(_say(
                QT_TRANSLATE_NOOP(
                    "Store", "Could not {action}: the event history file is read-only."
                ),
                action=action,
            )) from None
        raise StoreError(_say(
            QT_TRANSLATE_NOOP("Store", "Could not {action}: {error}"), action=action, error=error
        )) from None


def _cannot_open(error: Exception) -> Message:
    return _say(
        QT_TRANSLATE_NOOP("Store", "Could not open the event history: {error}"), error=error
    )


# -- values ---------------------------------------------------------------------------------


def to_utc(moment: datetime) -> datetime:
    """Aware UTC; naive means UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    # Always UTC with microseconds, so text order is time order (ORDER BY works on it).
    return to_utc(moment).isoformat(timespec="microseconds")


def _parse(text: str) -> datetime:
    return to_utc(datetime.fromisoformat(text))


def _action(row: tuple[Any, ...]) -> ActionEntry:
    (id_, sent, user, uuid, identity, reference, action, params, reply, text, outcome,
     finished) = row  # fmt: skip
    return ActionEntry(
        id=int(id_),
        sent_at=_parse(sent),
        user_name=str(user),
        charger_uuid=str(uuid),
        charger_identity=identity,
        charger_reference=reference,
        action=str(action),
        params=str(params),
        reply=str(reply),
        reply_text=text,
        outcome=outcome,
        finished_at=None if finished is None else _parse(finished),
    )


def _incident(row: tuple[Any, ...]) -> Incident:
    (id_, uuid, identity, reference, kind, code, info, opened, closed, n_open, n_close, first,
     connector) = row  # fmt: skip
    return Incident(
        id=int(id_),
        charger_uuid=str(uuid),
        charger_identity=identity,
        charger_reference=reference,
        kind=str(kind),
        error_code=code,
        error_info=info,
        opened_at=_parse(opened),
        closed_at=None if closed is None else _parse(closed),
        notified_open=bool(n_open),
        notified_close=bool(n_close),
        first_seen_at=_parse(first),
        connector_id=None if connector is None else int(connector),
    )
