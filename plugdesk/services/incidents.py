"""IncidentService: turns good fleet refreshes into incidents, alerts and a fleet summary.

It sits between the FleetMonitor and everything that tells the user something:

    monitor.fleet_updated ──> IncidentService.observe_fleet ──> IncidentTracker.observe
                                   │                               (commits to the store)
                                   ├── alerts(list[Alert])         -> Notifier
                                   ├── incidents_changed()         -> Events pane
                                   └── health_summary(level, counts, tooltip) -> tray

Only a *successful* refresh is observed: `fleet_updated` is emitted after the whole list
was fetched; a failed refresh emits `refresh_failed` instead, which this service does not
listen to, so a network error can neither open nor close an incident.

Each good refresh also replaces the cached fleet in the store (one row, so the file does
not grow). On the next start `publish_last_known()` reads it back and emits
`last_known_fleet(chargers, fetched_at)` so the window can show the fleet at once, marked
stale, while the first refresh runs ("offline start").

Delivery bookkeeping: an alert is committed to the store before it is emitted; whoever
shows it calls `mark_delivered(alert)` afterwards, so a restart never shows it again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
from PySide6.QtCore import QCoreApplication, QObject, Signal

from plugdesk.api.models import Charger
from plugdesk.domain.health import (
    LABELS,
    Health,
    HealthVerdict,
    Severity,
    as_utc,
    assess,
    format_counts,
)
from plugdesk.domain.incidents import Alert, IncidentKind, IncidentTracker
from plugdesk.domain.snapshot import FleetSnapshot, Judged, judge, take_snapshot
from plugdesk.domain.store import (
    Incident,
    IncidentState,
    Mute,
    Store,
    StoreError,
    read_only_problem,
)
from plugdesk.services.monitor import FleetMonitor
from plugdesk.services.wording import translated
from plugdesk.tasks import COMPUTE, FLEET_CACHE, TaskRunner, run_blocking, run_blocking_now

log = logging.getLogger(__name__)

SNAPSHOT_TASK = "fleet-snapshot"
SUMMARY_TASK = "fleet-summary"
LAST_KNOWN_TASK = "last-known-fleet"
PAUSE_1H = timedelta(hours=1)
HISTORY_LIMIT = 5000  # incidents the Events pane lists (newest first)
# Below this many chargers the tray summary and the fleet cache are done on the loop thread
# (a few ms); above it, in worker threads, so a 5,000-charger fleet never stalls the window.
THREADED_FROM = 500
# The fleet cache is for an offline start: a copy a minute is plenty (50,000 chargers are
# 40 MB to encode and write, and the watch tells news every few seconds).
CACHE_EVERY = 60.0  # seconds

_snapshot_decoder = msgspec.json.Decoder(list[Charger])
_raw_items = msgspec.json.Decoder(list[msgspec.Raw])
_charger_decoder = msgspec.json.Decoder(Charger)
DECODE_SLICE = 250  # cached chargers decoded per turn of the loop (~1.5 ms)


def utc_now() -> datetime:
    return datetime.now(UTC)


ENCODE_SLICE = 1_000  # chargers per call of the encoder


def encode_fleet(chargers: Sequence[Charger]) -> bytes:
    """The fleet as a JSON array, encoded a slice at a time: one call of msgspec holds
    the GIL throughout, and at 50,000 chargers that was a 150 ms stall of the window
    while a worker thread wrote the fleet cache."""
    fleet = list(chargers)
    if len(fleet) <= ENCODE_SLICE:
        return msgspec.json.encode(fleet)
    slices = (
        msgspec.json.encode(fleet[start : start + ENCODE_SLICE])[1:-1]
        for start in range(0, len(fleet), ENCODE_SLICE)
    )
    return b"[" + b",".join(slices) + b"]"


def decode_fleet(data: bytes) -> list[Charger]:
    return _snapshot_decoder.decode(data)


async def decode_fleet_in_slices(data: bytes) -> list[Charger]:
    """`decode_fleet` a few hundred chargers at a time, letting the loop run in between.
    Not in a worker thread: msgspec holds the GIL for a whole decode (80 ms at 5,000
    chargers), so the loop would stall just the same."""
    items = _raw_items.decode(data)
    chargers: list[Charger] = []
    for start in range(0, len(items), DECODE_SLICE):
        chargers.extend(_charger_decoder.decode(raw) for raw in items[start : start + DECODE_SLICE])
        await asyncio.sleep(0)
    return chargers


@dataclass(frozen=True)
class FleetSummary:
    """What the tray shows: the worst severity, chargers per level, and words."""

    level: str  # a Severity value: "ok" | "warning" | "fault"
    counts: dict[str, int]  # Health value -> chargers at that level
    tooltip: str

    @property
    def faulted(self) -> int:
        return self.counts.get(Health.FAULT.value, 0)


@dataclass(frozen=True)
class LastKnownFleet:
    chargers: list[Charger]
    fetched_at: datetime


@dataclass(frozen=True)
class PendingProblem:
    """A condition seen but still inside its grace period: no incident, no alert yet."""

    charger_uuid: str
    charger_identity: str | None
    charger_reference: str | None
    kind: str  # an IncidentKind value
    error_code: str | None
    error_info: str | None
    first_seen_at: datetime
    alert_at: datetime  # when the grace period runs out, if the condition lasts
    connector_id: int | None = None  # the connector at fault; None: the charger itself


class IncidentService(QObject):
    """Feeds good refreshes to the tracker; announces alerts, history changes and health."""

    alerts = Signal(list)  # list[Alert], already committed to the store
    incidents_changed = Signal()  # the history gained, closed or lost an incident
    pending_changed = Signal()  # problems inside their grace period came, went or changed
    health_summary = Signal(str, dict, str)  # level, counts {Health value: n}, tooltip
    last_known_fleet = Signal(list, object)  # list[Charger], fetched_at (aware datetime)
    store_problem = Signal(str)  # a sentence for the window
    snapshot_ready = Signal(object)  # FleetSnapshot: the one judgement of this refresh
    pause_changed = Signal(object)  # datetime until which pop-ups are paused, or None

    def __init__(
        self,
        store: Store,
        tracker: IncidentTracker,
        runner: TaskRunner,
        *,
        source: str = "",
        clock: Callable[[], datetime] = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tracker = tracker
        self._runner = runner
        self._clock = clock
        self._source = source
        self._monitor: FleetMonitor | None = None
        self._observed_live = False  # a live fleet arrived: the cached one is old news
        self._closed = False
        self._summary: FleetSummary | None = None
        self._stale_note = ""
        self._snapshot_task: asyncio.Task[None] | None = None
        self._writer: SnapshotWriter | None = None
        self._summary_task: asyncio.Task[None] | None = None
        self._observing: asyncio.Task[None] | None = None  # a big fleet being assessed
        self._snapshot: FleetSnapshot | None = None
        # Chargers the table judged before a snapshot held them, for the next snapshot.
        self._judged: dict[str, Judged] = {}
        self._judged_with: timedelta | None = None
        self._cached_at: float | None = None
        self._unsaved: tuple[list[Charger], datetime] | None = None
        self._told_memory_only = False
        self._pending: list[PendingProblem] = []

    # -- wiring -------------------------------------------------------------------------

    def attach(self, monitor: FleetMonitor) -> None:
        """Listen to a FleetMonitor: good refreshes only, plus its connection state for
        the tray's tooltip."""
        self.detach()
        self._monitor = monitor
        monitor.fleet_updated.connect(self.observe_fleet)
        monitor.connection_state_changed.connect(self._on_connection)

    def detach(self) -> None:
        monitor, self._monitor = self._monitor, None
        if monitor is None:
            return
        for signal, slot in (
            (monitor.fleet_updated, self.observe_fleet),
            (monitor.connection_state_changed, self._on_connection),
        ):
            with contextlib.suppress(RuntimeError, TypeError):  # already gone
                signal.disconnect(slot)

    def set_source(self, source: str) -> None:
        """Another account (API URL): its fleet snapshot is kept apart from this one's."""
        self._source = source
        self._observed_live = False

    @property
    def source(self) -> str:
        return self._source

    @property
    def summary(self) -> FleetSummary | None:
        return self._summary

    @property
    def snapshot(self) -> FleetSnapshot | None:
        """The last refresh's judgement (None before the first)."""
        return self._snapshot

    def verdict(self, charger: Charger, now: datetime) -> HealthVerdict:
        """A charger's health as the last snapshot judged it; one not in it (yet) by the
        same rules and the same settings. The charger table's judge."""
        snapshot = self._snapshot
        if snapshot is not None and snapshot.holds(charger):
            found = snapshot.verdict(charger.uuid)
            if found is not None:
                return found
        stale_after = self.tracker.stale_after
        moment = self._reading_time(charger.uuid, now)
        if moment is None or charger.uuid is None:
            return judge(charger, now, stale_after)
        if self._judged_with != stale_after:
            self._judged, self._judged_with = {}, stale_after
        # Judged as the next snapshot will judge it (as of its reading), and kept for
        # it: a first load's 5,000 chargers are judged once, not by the table and then
        # again by the snapshot.
        assessment = assess(charger, moment, stale_after)
        self._judged[charger.uuid] = (charger, moment, assessment)
        return assessment.verdict

    def _reading_time(self, uuid: str | None, now: datetime) -> datetime | None:
        read_times = getattr(self._monitor, "read_times", None)
        moment = read_times.get(uuid) if read_times and uuid else None
        if moment is None:
            return None
        moment = as_utc(moment)
        return min(moment, as_utc(now))

    def _read_times(self) -> dict[str, datetime] | None:
        read_times = getattr(self._monitor, "read_times", None)
        return dict(read_times) if read_times else None

    # -- observing ----------------------------------------------------------------------

    def observe_fleet(self, chargers: Sequence[Charger]) -> list[Alert]:
        """One good refresh: judge it, commit incidents, emit alerts and the summary.
        A big fleet is assessed in a worker thread first (5,000 assessments take ~100 ms
        of a loop that must keep painting); its alerts then come by the signal only."""
        if self._closed:
            return []
        now = self._clock()
        read_at = self._read_times()
        stale_after = self.tracker.stale_after
        judged = self._judged if self._judged_with == stale_after else None
        if len(chargers) < THREADED_FROM:
            snapshot = take_snapshot(chargers, now, stale_after, read_at, self._snapshot, judged)
            return self._observe(chargers, now, snapshot)
        previous = self._observing
        fleet = list(chargers)

        async def assess_off_the_loop() -> None:
            if previous is not None and not previous.done():
                await asyncio.wait([previous])  # in order, each reusing the one before
            snapshot = await run_blocking(
                take_snapshot,
                fleet,
                now,
                stale_after,
                read_at,
                self._snapshot,
                judged,
                lane=COMPUTE,
            )
            if not self._closed:
                self._observe(fleet, now, snapshot)

        self._observing = self._runner.start(assess_off_the_loop())
        return []

    def _observe(
        self, chargers: Sequence[Charger], now: datetime, snapshot: FleetSnapshot
    ) -> list[Alert]:
        self._observed_live = True
        self._stale_note = ""
        self._snapshot = snapshot
        self._judged = {u: j for u, j in self._judged.items() if not snapshot.holds(j[0])}
        before = self._open_ids()
        try:
            alerts = self.tracker.observe(
                chargers, now, dict(snapshot.assessments), snapshot.troubled
            )
        except StoreError as error:
            # Nothing changed in memory either: the next refresh tries again.
            log.warning("could not record incidents: %s", error)
            self.store_problem.emit(
                self.tr("Could not record charger incidents: {problem}").format(
                    problem=translated(error)
                )
            )
            alerts = []
        self._tell_if_memory_only()
        self._set_summary(snapshot.level(), snapshot.counts(), now, "")
        self.snapshot_ready.emit(snapshot)
        moment = time.monotonic()  # not the clock: a simulated one may run fast
        if self._cached_at is None or moment - self._cached_at >= CACHE_EVERY:
            self._cached_at = moment
            self._unsaved = None
            self._save_snapshot(chargers, now)
        else:
            self._unsaved = (list(chargers), now)  # written at close at the latest
        pending = self._pending_problems(chargers)
        pending_changed = pending != self._pending
        self._pending = pending
        if alerts or self._open_ids() != before:
            self.incidents_changed.emit()
        if pending_changed:
            self.pending_changed.emit()
        if alerts:
            self.alerts.emit(alerts)
        return alerts

    def _tell_if_memory_only(self) -> None:
        """Say once, in the window, that incidents are no longer saved (alerts still go
        out from memory): a history that silently stops recording is worse than none."""
        if self.tracker.memory_only and not self._told_memory_only:
            self._told_memory_only = True
            self.store_problem.emit(translated(read_only_problem(self.store.path)))
    def _pending_problems(self, chargers: Sequence[Charger]) -> list[PendingProblem]:
        """The tracker's conditions still inside their grace period, with the charger's
        names and error as the last refresh had them."""
        waiting = self.tracker.pending()
        if not waiting:
            return []
        uuids = {key[0] for key in waiting}
        by_uuid = {c.uuid: c for c in chargers if c.uuid in uuids}
        problems = []
        for key, first_seen in sorted(waiting.items(), key=lambda item: item[1]):
            uuid, kind = str(key[0]), IncidentKind(str(key[1]))
            connector_id = key[2] if len(key) > 2 else None
            charger = by_uuid.get(uuid)
            code, info = _fault_words(charger, connector_id) if kind == "fault" else (None, None)
            problems.append(PendingProblem(
                charger_uuid=uuid,
                charger_identity=charger.identity if charger else None,
                charger_reference=charger.reference if charger else None,
                kind=str(kind),
                error_code=code,
                error_info=info,
                first_seen_at=first_seen,
                alert_at=first_seen + self.tracker.grace_for(kind),
                connector_id=connector_id if isinstance(connector_id, int) else None,
            ))
        return problems

    def pending_problems(self) -> list[PendingProblem]:
        """Problems not yet alerted (inside their grace period), oldest first."""
        return list(self._pending)

    def _open_ids(self) -> set[int]:
        return {incident.id for incident in self.tracker.open_incidents()}

    def _on_connection(self, state: str) -> None:
        """A failed refresh observes nothing, but the tray must not claim current data."""
        if state == "ok" or self._summary is None:
            self._stale_note = ""
            return
        last = self._monitor.last_success if self._monitor is not None else None
        self._stale_note = (
            self.tr("Data from {time} — the last refresh failed").format(time=_local_clock(last))
            if last is not None
            else self.tr("The last refresh failed")
        )
        self._emit_summary(self._summary)

    def _publish_summary(self, chargers: Sequence[Charger], now: datetime, note: str = "") -> None:
        """Judge the fleet's health for the tray: here for a small fleet, in a worker
        thread for a big one (5,000 verdicts take ~100 ms; the rules are pure)."""
        stale_after = self.tracker.stale_after
        if len(chargers) < THREADED_FROM:
            self._set_summary(*_judge(chargers, now, stale_after), now, note)
            return

        async def judge_off_the_loop() -> None:
            level, counts = await run_blocking(
                _judge, list(chargers), now, stale_after, lane=COMPUTE
            )
            if not self._closed:
                self._set_summary(level, counts, now, note)

        # The newest refresh wins: an older judgement still running is dropped.
        self._summary_task = self._runner.start(judge_off_the_loop(), SUMMARY_TASK)

    def _set_summary(
        self, level: Severity, counts: dict[Health, int], now: datetime, note: str
    ) -> None:
        summary = FleetSummary(
            level=level.value,
            counts={health.value: n for health, n in counts.items()},
            tooltip=self._tooltip(level, counts, now, note),
        )
        self._summary = summary
        self._emit_summary(summary)

    def _tooltip(
        self, level: Severity, counts: dict[Health, int], now: datetime, note: str
    ) -> str:
        total = sum(counts.values())
        lines = [self.tr("PlugDesk — %n chargers", "", total)]
        if total:
            lines.append(_counts_text(counts))
        open_count = len(self.tracker.open_incidents())
        if open_count:
            lines.append(self.tr("%n open incidents", "", open_count))
        paused = self.tracker.paused_until(now)
        if paused is not None:
            lines.append(
                self.tr("Notifications paused until {time}").format(time=_local_clock(paused))
            )
        if note:
            lines.append(note)
        return "\n".join(lines)

    def _emit_summary(self, summary: FleetSummary) -> None:
        tooltip = summary.tooltip
        if self._stale_note:
            tooltip = f"{tooltip}\n{self._stale_note}"
        self.health_summary.emit(summary.level, dict(summary.counts), tooltip)

    # -- the last known fleet -----------------------------------------------------------

    def _save_snapshot(self, chargers: Sequence[Charger], fetched_at: datetime) -> None:
        rows = list(chargers)
        if len(rows) < THREADED_FROM or self.store.path is None:
            self._write_snapshot(encode_fleet(rows), fetched_at)  # ~1 ms: not worth a hop
            return
        if self._writer is None:
            self._writer = SnapshotWriter(self.store.path)
        self._snapshot_task = self._runner.start(
            self._writer.save(rows, fetched_at, self._source), SNAPSHOT_TASK
        )

    def _write_snapshot(self, data: bytes, fetched_at: datetime) -> None:
        if self._closed:
            return
        try:
            self.store.save_fleet(data, fetched_at, source=self._source)
        except StoreError as error:
            # A cache: losing one copy costs nothing but a slower next start.
            log.warning("could not cache the fleet: %s", error)

    async def flush(self) -> None:
        """Wait for work still running in threads: a big fleet's assessment, the fleet
        cache being written and its tray summary (tests, and a tidy quit)."""
        if self._observing is not None and not self._observing.done():
            await asyncio.gather(self._observing, return_exceptions=True)  # starts the others
        tasks = [t for t in (self._snapshot_task, self._summary_task) if t and not t.done()]
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    def load_last_known(self) -> LastKnownFleet | None:
        """The fleet cached by the last good refresh for this source, or None."""
        if self._closed:  # closed before the start-up read got its turn: nothing to show
            return None
        try:
            cached = self.store.load_fleet(source=self._source)
        except StoreError as error:
            log.warning("could not read the cached fleet: %s", error)
            return None
        if cached is None:
            return None
        data, fetched_at = cached
        try:
            chargers = decode_fleet(data)
        except (msgspec.MsgspecError, ValueError, TypeError) as error:
            # Written by another PlugDesk version, say: the first refresh will replace it.
            log.info("ignoring an unreadable cached fleet: %s", error)
            return None
        return LastKnownFleet(chargers, fetched_at)

    async def aload_last_known(self) -> LastKnownFleet | None:
        """`load_last_known` with the decoding spread over turns of the loop (big fleets)."""
        if self._closed:  # closed before the start-up read got its turn: nothing to show
            return None
        try:
            cached = self.store.load_fleet(source=self._source)
        except StoreError as error:
            log.warning("could not read the cached fleet: %s", error)
            return None
        if cached is None:
            return None
        data, fetched_at = cached
        try:
            chargers = await decode_fleet_in_slices(data)
        except (msgspec.MsgspecError, ValueError, TypeError) as error:
            log.info("ignoring an unreadable cached fleet: %s", error)
            return None
        return LastKnownFleet(chargers, fetched_at)

    async def publish_last_known(self) -> LastKnownFleet | None:
        """Offline start: emit `last_known_fleet` with the cached fleet (and a summary for
        the tray, marked as old) unless a live refresh already came in. Call it at start,
        before or while the first refresh runs."""
        last = await self.aload_last_known()
        if last is None or self._observed_live or self._closed:
            return None
        note = self.tr("Last known fleet from {time} — not current").format(
            time=_local_clock(last.fetched_at)
        )
        self._publish_summary(last.chargers, self._clock(), note)
        self.last_known_fleet.emit(last.chargers, last.fetched_at)
        return last

    def start_offline_view(self) -> None:
        """`publish_last_known()` as a background task (the app's start-up call)."""
        self._runner.start(self.publish_last_known(), LAST_KNOWN_TASK)

    # -- delivery bookkeeping -----------------------------------------------------------

    def mark_delivered(self, alert: Alert) -> None:
        """The alert was shown (or listed in the window): never offer it again."""
        if self._closed:
            return
        try:
            self.tracker.mark_notified(alert)
        except StoreError as error:
            # The worst case is the same alert once more after a restart.
            log.warning("could not mark an alert as shown: %s", error)

    def identity_line(self, alert: Alert) -> str | None:
        """"Charger <identity>" for a one-charger alert whose title shows the manager's
        own label: labels need not be unique, the identity is on the charger's sticker."""
        if alert.charger_uuid is None or len(alert.incident_ids) != 1 or self._closed:
            return None
        try:
            incident = self.store.get_incident(alert.incident_ids[0])
        except StoreError:
            return None
        if incident is None or not incident.charger_reference or not incident.charger_identity:
            return None
        if incident.charger_identity == incident.charger_reference:
            return None
        return self.tr("Charger {identity}").format(identity=incident.charger_identity)

    # -- mutes and the pause ------------------------------------------------------------

    def mute(self, charger_uuid: str, duration: timedelta | None) -> Mute | None:
        """Mute one charger's pop-ups for `duration`, or until resolved when None."""
        try:
            mute = self.tracker.mute(charger_uuid, self._clock(), duration)
        except StoreError as error:
            self._tell(self.tr("Could not mute the charger: {problem}"), error)
            return None
        self.incidents_changed.emit()
        return mute

    def unmute(self, charger_uuid: str) -> None:
        try:
            self.tracker.unmute(charger_uuid)
        except StoreError as error:
            self._tell(self.tr("Could not unmute the charger: {problem}"), error)
            return
        self.incidents_changed.emit()

    def mute_of(self, charger_uuid: str) -> Mute | None:
        return self.tracker.mute_of(charger_uuid, self._clock())

    def pause(self, duration: timedelta = PAUSE_1H) -> datetime | None:
        """No pop-ups for `duration` (the tray's "Pause notifications 1 h")."""
        until = self._clock() + duration
        try:
            self.tracker.pause(until)
        except StoreError as error:
            self._tell(self.tr("Could not pause notifications: {problem}"), error)
            return None
        self.pause_changed.emit(until)
        self._refresh_tooltip()
        return until

    def resume(self) -> None:
        try:
            self.tracker.resume()
        except StoreError as error:
            self._tell(self.tr("Could not resume notifications: {problem}"), error)
            return
        self.pause_changed.emit(None)
        self._refresh_tooltip()

    def _tell(self, text: str, error: StoreError) -> None:
        """A store problem in the window's words: `text` has a {problem} for the error."""
        self.store_problem.emit(text.format(problem=translated(error)))

    def paused_until(self) -> datetime | None:
        return self.tracker.paused_until(self._clock())

    def _refresh_tooltip(self) -> None:
        summary = self._summary
        if summary is None:
            return
        counts = {h: summary.counts.get(h.value, 0) for h in LABELS}
        tooltip = self._tooltip(Severity(summary.level), counts, self._clock(), "")
        self._summary = FleetSummary(summary.level, summary.counts, tooltip)
        self._emit_summary(self._summary)

    # -- reading the history ------------------------------------------------------------

    def list_incidents(
        self,
        *,
        kind: str | None = None,
        state: IncidentState | None = None,
        limit: int | None = HISTORY_LIMIT,
    ) -> list[Incident]:
        """Incidents newest first, for the Events pane (the UI never runs SQL itself)."""
        if self._closed:
            return []
        try:
            return self.store.list_incidents(kind=kind, state=state, limit=limit)
        except StoreError as error:
            self.store_problem.emit(translated(error))
            return []

    def now(self) -> datetime:
        return self._clock()

    # -- the end ------------------------------------------------------------------------

    def close(self) -> None:
        """Stop listening and close the store (folds the WAL back). Safe to call twice."""
        if self._closed:
            return
        self.detach()
        self._closed = True
        if self._writer is not None:
            self._writer.close()  # waits for a write in progress: it is one transaction
        if self._unsaved is not None:  # the newest fleet, for the next offline start
            chargers, fetched_at = self._unsaved
            try:
                self.store.save_fleet(encode_fleet(chargers), fetched_at, source=self._source)
            except StoreError as error:
                log.warning("could not cache the fleet: %s", error)
        self.store.close()


class SnapshotWriter:
    """Encodes and writes the fleet cache of a big fleet in the FLEET_CACHE lane, over its
    own connection to the store file (a Store belongs to the thread that opened it; WAL
    lets the two connections work side by side). For 5,000 chargers that is ~10 ms of
    encoding and ~45 ms of writing 4 MB that the window no longer waits for."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._store: Store | None = None  # opened in the writer thread, on first use

    async def save(self, chargers: list[Charger], fetched_at: datetime, source: str) -> None:
        await run_blocking(self._write, chargers, fetched_at, source, lane=FLEET_CACHE)

    def _write(self, chargers: list[Charger], fetched_at: datetime, source: str) -> None:
        try:
            if self._store is None:
                self._store = Store(self._path)
            self._store.save_fleet(encode_fleet(chargers), fetched_at, source=source)
        except StoreError as error:
            log.warning("could not cache the fleet: %s", error)

    def close(self) -> None:
        def close_store() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        run_blocking_now(close_store, lane=FLEET_CACHE, timeout=30)


def _judge(
    chargers: Sequence[Charger], now: datetime, stale_after: timedelta
) -> tuple[Severity, dict[Health, int]]:
    """The fleet's worst severity and chargers per level (pure: any thread)."""
    snapshot = take_snapshot(chargers, now, stale_after)
    return snapshot.level(), snapshot.counts()


def _fault_words(charger: Charger | None, connector_id: object) -> tuple[str | None, str | None]:
    """The error code and text of a pending fault: the connector's own when the fault is
    on one connector (the charger itself may say "NoError" meanwhile)."""
    if charger is None:
        return None, None
    if isinstance(connector_id, int):
        for connector in charger.connectors or ():
            if connector.connector_id == connector_id:
                return connector.error, connector.error_info
        return None, None
    return charger.error, charger.error_info


def _counts_text(counts: dict[Health, int]) -> str:
    """ "Fault 2 · Offline 1 · OK 37" with the levels in the window's language (the words
    of the "Health" context the charger table uses); English: `format_counts`."""
    parts = [
        f"{QCoreApplication.translate('Health', LABELS[level])} {counts[level]}"
        for level in LABELS
        if counts.get(level)
    ]
    return " · ".join(parts) if parts else format_counts(counts)


def _local_clock(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")
