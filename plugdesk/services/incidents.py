"""IncidentService: turns good fleet refreshes into incidents, alerts and a fleet summary.

It sits between the FleetMonitor and everything that tells the user something:

    monitor.fleet_updated ──> IncidentService.observe_fleet ──> IncidentTracker.plan
                                   │      HistoryWriter (its own thread) ──> Step.write
                                   │      then, on the UI thread ──> IncidentTracker.settle
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

No write to the store happens on the UI thread: incidents, mutes, the pause, delivery
marks and the fleet cache go to the store's HistoryWriter (plugdesk/services/history.py).
The alerts of a refresh wait for its commit (without blocking the loop); the rest is
queued and told in the window if it fails. `flush()` waits for all of it; `close()`
writes what is still queued before the file is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import msgspec
from PySide6.QtCore import QCoreApplication, QObject, Signal

from plugdesk.api.models import Charger
from plugdesk.domain.health import (
    LABELS,
    ChargerLike,
    Health,
    HealthVerdict,
    Severity,
    as_utc,
    assess,
    format_counts,
)
from plugdesk.domain.incidents import (
    Alert,
    IncidentKind,
    IncidentTracker,
    Step,
    new_mute,
    save_pause,
)
from plugdesk.domain.snapshot import FleetSnapshot, Judged, judge, take_snapshot
from plugdesk.domain.store import (
    Incident,
    IncidentState,
    Mute,
    Store,
    StoreError,
    read_only_problem,
)
from plugdesk.services.history import HistoryWriter, history_writer
from plugdesk.services.monitor import FleetMonitor
from plugdesk.services.wording import translated
from plugdesk.tasks import COMPUTE, TaskRunner, run_blocking

log = logging.getLogger(__name__)

SNAPSHOT_TASK = "fleet-snapshot"
SUMMARY_TASK = "fleet-summary"
LAST_KNOWN_TASK = "last-known-fleet"
PAUSE_1H = timedelta(hours=1)
HISTORY_LIMIT = 5000  # incidents the Events pane lists (newest first)
# Below this many chargers a refresh is judged and the fleet cache encoded on the loop
# thread (a few ms); above it, in a worker thread, so 50,000 chargers never stall the
# window. The commits are off the loop thread at every size.
THREADED_FROM = 500
# The fleet cache is for an offline start: a copy a minute is plenty (50,000 chargers are
# 40 MB to encode and write, and the watch tells news every few seconds).
CACHE_EVERY = 60.0  # seconds

_snapshot_decoder = msgspec.json.Decoder(list[Charger])
_raw_items = msgspec.json.Decoder(list[msgspec.Raw])
_charger_decoder = msgspec.json.Decoder(Charger)
DECODE_SLICE = 250  # cached chargers decoded per turn of the loop (~1.5 ms)
ENCODE_SLICE = 100  # chargers encoded per msgspec call in a worker (well under 1 ms)
_slice_encoder = msgspec.json.Encoder()


def utc_now() -> datetime:
    return datetime.now(UTC)


def encode_fleet(chargers: Sequence[Charger]) -> bytes:
    return msgspec.json.encode(list(chargers))


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

    alerts = Signal(object)  # list[Alert], already committed to the store
    incidents_changed = Signal()  # the history gained, closed or lost an incident
    pending_changed = Signal()  # problems inside their grace period came, went or changed
    health_summary = Signal(str, object, str)  # level, counts {Health value: n}, tooltip
    last_known_fleet = Signal(object, object)  # list[Charger], fetched_at (aware datetime)
    store_problem = Signal(str)  # a sentence for the window
    snapshot_ready = Signal(object)  # FleetSnapshot: the one judgement of this refresh
    pause_changed = Signal(object)  # datetime until which pop-ups are paused, or None
    _write_failed = Signal(object, object)  # StoreError, its words: from the writer's thread

    def __init__(
        self,
        store: Store,
        tracker: IncidentTracker,
        runner: TaskRunner,
        *,
        source: str = "",
        clock: Callable[[], datetime] = utc_now,
        history: HistoryWriter | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`history`: who writes to the store (default: its one HistoryWriter, off the
        UI thread; an inline one writes at once, for tests of the window's words)."""
        super().__init__(parent)
        self.store = store
        self.history = history or history_writer(store)
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
        self._summary_task: asyncio.Task[None] | None = None
        # The refresh being judged or committed: the next one waits for it (in order).
        self._observing: asyncio.Task[None] | None = None
        self._snapshot: FleetSnapshot | None = None
        # Chargers the table judged before a snapshot held them, for the next snapshot.
        self._judged: dict[str, Judged] = {}
        self._judged_with: timedelta | None = None
        self._cached_at: float | None = None
        self._unsaved: tuple[list[Charger], datetime] | None = None
        self._told_memory_only = False
        # Conditions inside their grace period (the tracker's keys), the readings of their
        # chargers, and the problems made of them once asked for.
        self._pending: dict[tuple[object, ...], datetime] = {}
        self._pending_readings: dict[str, ChargerLike | None] = {}
        self._pending_problems: list[PendingProblem] | None = []
        self._write_failed.connect(self._save_failed)

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
        earlier = self._judged_now().get(charger.uuid)  # a snapshot being taken judged it
        if earlier is not None and earlier[0] is charger and earlier[1] == moment:
            return earlier[2].verdict
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
        return min(as_utc(moment), as_utc(now))

    def _judged_now(self) -> dict[str, Judged]:
        """The table's judgements (and a snapshot's, while it is taken), all made with the
        settings in force: a change of settings starts afresh."""
        stale_after = self.tracker.stale_after
        if self._judged_with != stale_after:
            self._judged, self._judged_with = {}, stale_after
        return self._judged

    def _read_times(self) -> dict[str, datetime] | None:
        read_times = getattr(self._monitor, "read_times", None)
        return dict(read_times) if read_times else None

    # -- observing ----------------------------------------------------------------------

    def observe_fleet(self, chargers: Sequence[Charger]) -> None:
        """One good refresh: judge it, commit incidents, emit alerts and the summary.

        The UI thread never waits here for a disk or a big fleet: a small fleet is judged
        at once, a big one (5,000 assessments take ~100 ms) in a worker thread; incidents
        are committed by the HistoryWriter, and the alerts, the summary and the snapshot
        follow when the commit is done. Most refreshes commit nothing and finish here and
        now. Refreshes are settled in the order they came."""
        if self._closed:
            return
        now = self._clock()
        read_at = self._read_times()
        fleet = list(chargers)
        previous = self._observing
        if len(fleet) >= THREADED_FROM or (previous is not None and not previous.done()):
            self._observing = self._runner.start(
                self._observe_in_turn(previous, fleet, now, read_at)
            )
            return
        stale_after = self.tracker.stale_after
        snapshot = take_snapshot(
            fleet, now, stale_after, read_at, self._snapshot, self._judged_now()
        )
        step = self._plan(fleet, snapshot)
        self._keep_fleet(fleet, now)
        if step.writes and not self.history.inline:
            commit = self.history.submit(step.write)  # queued now: a quit right after keeps it
            settling = self._settle_when_committed(snapshot, step, commit)
            self._observing = self._runner.start(settling)
            return
        self._settle(snapshot, step, self._write_now(step))

    async def _observe_in_turn(
        self,
        previous: asyncio.Task[None] | None,
        fleet: list[Charger],
        now: datetime,
        read_at: dict[str, datetime] | None,
    ) -> None:
        if previous is not None and not previous.done():
            await asyncio.wait([previous])  # in order, each reusing the one before
        if self._closed:
            return
        if len(fleet) < THREADED_FROM:
            snapshot = take_snapshot(
                fleet, now, self.tracker.stale_after, read_at, self._snapshot, self._judged_now()
            )
            step = self._plan(fleet, snapshot)
            spent: list[str] = []
        else:
            # The snapshot and the plan of 50,000 chargers (a few thousand of them in
            # trouble) took the loop 150 ms: both in a worker thread.
            snapshot, step, spent, involved = await run_blocking(
                _assess_and_plan, fleet, now, read_at, self._snapshot, self._judged_now(),
                self.tracker, lane=COMPUTE,
            )  # fmt: skip
            if self._closed:
                return
            if self.tracker.involved() != involved:  # reloaded meanwhile: visit them all
                step = self._plan(fleet, snapshot)
        self._keep_fleet(fleet, now)
        commit = self.history.submit(step.write) if step.writes else None
        await self._settle_when_committed(snapshot, step, commit, spent)

    def _keep_fleet(self, chargers: list[Charger], now: datetime) -> None:
        """Cache the fleet for the next offline start, once a minute at most. Queued
        before the refresh's incidents, so the cache is in the file by their alerts."""
        moment = time.monotonic()  # not the clock: a simulated one may run fast
        if self._cached_at is None or moment - self._cached_at >= CACHE_EVERY:
            self._cached_at = moment
            self._unsaved = None
            self._save_snapshot(chargers, now)
        else:
            self._unsaved = (chargers, now)  # written at close at the latest

    def _plan(self, chargers: list[Charger], snapshot: FleetSnapshot) -> Step:
        """The tracker's step for this refresh: what it opens and closes (memory only)."""
        return self.tracker.plan(chargers, snapshot.taken_at, snapshot.assessments,
                                 snapshot.troubled)  # fmt: skip

    def _write_now(self, step: Step) -> list[Incident] | StoreError | None:
        """Commit on this thread (the inline writer, or nothing to write)."""
        if not step.writes:
            return []
        try:
            return self.history.submit(step.write).result()
        except StoreError as error:
            return error

    async def _settle_when_committed(
        self,
        snapshot: FleetSnapshot,
        step: Step,
        commit: Future[list[Incident] | None] | None,
        spent: Sequence[str] = (),
    ) -> None:
        written: list[Incident] | StoreError | None = []
        if commit is not None:
            try:
                # Shielded: a cancelled refresh task does not cancel its queued commit.
                written = await asyncio.shield(asyncio.wrap_future(commit))
            except StoreError as error:
                written = error
        if not self._closed:
            self._settle(snapshot, step, written, spent)

    def _settle(
        self,
        snapshot: FleetSnapshot,
        step: Step,
        written: list[Incident] | StoreError | None,
        spent: Sequence[str] | None = None,
    ) -> None:
        """The refresh is committed (or failed to be): memory, signals, alerts. `spent`:
        the table's judgements this snapshot holds, when worked out already."""
        now = snapshot.taken_at
        self._observed_live = True
        self._stale_note = ""
        self._snapshot = snapshot
        self._forget_judged(snapshot, spent)
        before = self._open_ids()
        alerts: list[Alert] = []
        if isinstance(written, StoreError):
            # Nothing changed in memory either: the next refresh tries again.
            log.warning("could not record incidents: %s", written)
            self.store_problem.emit(
                self.tr("Could not record charger incidents: {problem}").format(
                    problem=translated(written)
                )
            )
        else:
            alerts = self.tracker.settle(step, written)
        self._tell_if_memory_only()
        self._set_summary(snapshot.level(), snapshot.counts(), now, "")
        self.snapshot_ready.emit(snapshot)
        pending_changed = self._note_pending(snapshot)
        if alerts or self._open_ids() != before:
            self.incidents_changed.emit()
        if pending_changed:
            self.pending_changed.emit()
        if alerts:
            self.alerts.emit(alerts)

    def _note_pending(self, snapshot: FleetSnapshot) -> bool:
        """Hold the conditions inside their grace period and their chargers' readings;
        whether either changed (the problems are worked out again when next asked for)."""
        pending = self.tracker.pending()
        uuids = [str(key[0]) for key in pending]
        readings = dict(zip(uuids, map(snapshot.chargers.get, uuids), strict=True))
        changed = pending != self._pending or readings != self._pending_readings
        self._pending, self._pending_readings = pending, readings
        if changed:
            self._pending_problems = None
        return changed

    def _forget_judged(self, snapshot: FleetSnapshot, spent: Sequence[str] | None) -> None:
        """Drop the table's judgements the snapshot now holds (`spent`, when a worker
        thread listed them: dropping one judged again meanwhile only costs a re-judge)."""
        if spent is None:
            self._judged = {u: j for u, j in self._judged.items() if not snapshot.holds(j[0])}
        else:
            for uuid in spent:
                self._judged.pop(uuid, None)

    def _tell_if_memory_only(self) -> None:
        """Say once, in the window, that incidents are no longer saved (alerts still go
        out from memory): a history that silently stops recording is worse than none."""
        if self.tracker.memory_only and not self._told_memory_only:
            self._told_memory_only = True
            self.store_problem.emit(translated(read_only_problem(self.store.path)))

    def pending_problems(self) -> list[PendingProblem]:
        """Problems not yet alerted (inside their grace period), oldest first, with the
        charger's names and error as the last refresh had them. Worked out when asked
        for: a first load of 50,000 chargers has thousands, and the events pane that
        shows them may never be opened."""
        if self._pending_problems is None:
            self._pending_problems = [
                self._pending_problem(key, first_seen, self._pending_readings.get(str(key[0])))
                for key, first_seen in sorted(self._pending.items(), key=lambda item: item[1])
            ]
        return list(self._pending_problems)

    def _pending_problem(
        self, key: tuple[object, ...], first_seen: datetime, charger: ChargerLike | None
    ) -> PendingProblem:
        uuid, kind = str(key[0]), IncidentKind(str(key[1]))
        connector_id = key[2] if len(key) > 2 else None
        code, info = _fault_words(charger, connector_id) if kind == "fault" else (None, None)
        return PendingProblem(
            charger_uuid=uuid,
            charger_identity=charger.identity if charger else None,
            charger_reference=charger.reference if charger else None,
            kind=str(kind),
            error_code=code,
            error_info=info,
            first_seen_at=first_seen,
            alert_at=first_seen + self.tracker.grace_for(kind),
            connector_id=connector_id if isinstance(connector_id, int) else None,
        )

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

    def _save_snapshot(self, chargers: list[Charger], fetched_at: datetime) -> None:
        """Cache the fleet through the HistoryWriter; a big fleet is encoded in a worker
        thread first, a slice at a time (40 MB at 50,000 chargers: one msgspec call
        would hold the GIL, and so the loop, for ~100 ms)."""
        if len(chargers) < THREADED_FROM:
            self._cache(encode_fleet(chargers), fetched_at)  # ~1 ms: not worth a hop
            return

        async def encode_then_cache() -> None:
            data = await run_blocking(encode_fleet_in_slices, chargers, lane=COMPUTE)
            future = self._cache(data, fetched_at)
            await asyncio.wrap_future(future)

        self._snapshot_task = self._runner.start(encode_then_cache(), SNAPSHOT_TASK)

    def _cache(self, data: bytes, fetched_at: datetime) -> Future[None]:
        source = self._source

        def save(store: Store) -> None:
            try:
                store.save_fleet(data, fetched_at, source=source)
            except StoreError as error:
                # A cache: losing one copy costs nothing but a slower next start.
                log.warning("could not cache the fleet: %s", error)

        return self.history.submit(save)

    async def flush(self) -> None:
        """Wait for work still running in threads: a refresh being assessed or committed,
        the fleet cache being written, its tray summary, and every write queued to the
        history (tests, and a tidy quit: no incident lost)."""
        if self._observing is not None and not self._observing.done():
            await asyncio.gather(self._observing, return_exceptions=True)  # starts the others
        tasks = [t for t in (self._snapshot_task, self._summary_task) if t and not t.done()]
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        await self.history.flush()

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
        tracker = self.tracker
        # On failure the worst case is the same alert once more after a restart.
        self._save(lambda store: tracker.mark_notified(alert, store), None)

    def _save(self, write: Callable[[Store], object], failure: str | None) -> bool:
        """Queue a write to the history. Its failure is told in the window (`failure`
        with a {problem}) or, without one, logged. False when it has already failed
        (the inline writer): the caller then changes nothing."""
        future = self.history.submit(write)
        if future.done():
            error = future.exception()
            if isinstance(error, StoreError):
                self._save_failed(error, failure)
                return False
            return True

        def done(future: Future[object]) -> None:  # in the writer's thread
            error = None if future.cancelled() else future.exception()
            if isinstance(error, StoreError):
                self._write_failed.emit(error, failure)  # queued to the UI thread

        future.add_done_callback(done)
        return True

    def _save_failed(self, error: StoreError, failure: str | None) -> None:
        if failure is None:
            log.warning("could not save to the history: %s", error)
        else:
            self._tell(failure, error)

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
        mute = new_mute(charger_uuid, self._clock(), duration)
        text = self.tr("Could not mute the charger: {problem}")
        if not self._save(lambda store: store.set_mute(mute), text):
            return None
        self.tracker.hold_mute(mute)
        self.incidents_changed.emit()
        return mute

    def unmute(self, charger_uuid: str) -> None:
        text = self.tr("Could not unmute the charger: {problem}")
        if not self._save(lambda store: store.delete_mute(charger_uuid), text):
            return
        self.tracker.drop_mute(charger_uuid)
        self.incidents_changed.emit()

    def mute_of(self, charger_uuid: str) -> Mute | None:
        return self.tracker.mute_of(charger_uuid, self._clock())

    def pause(self, duration: timedelta = PAUSE_1H) -> datetime | None:
        """No pop-ups for `duration` (the tray's "Pause notifications 1 h")."""
        until = self._clock() + duration
        text = self.tr("Could not pause notifications: {problem}")
        if not self._save(lambda store: save_pause(store, until), text):
            return None
        self.tracker.hold_pause(until)
        self.pause_changed.emit(until)
        self._refresh_tooltip()
        return until

    def resume(self) -> None:
        text = self.tr("Could not resume notifications: {problem}")
        if not self._save(lambda store: save_pause(store, None), text):
            return
        self.tracker.hold_pause(None)
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
        """Stop listening, let the HistoryWriter finish what is queued (no incident is
        lost at quit), and close the store (folds the WAL back). Safe to call twice."""
        if self._closed:
            return
        self.detach()
        self._closed = True
        if self._unsaved is not None:  # the newest fleet, for the next offline start
            chargers, fetched_at = self._unsaved
            self._cache(encode_fleet(chargers), fetched_at)
        self.history.close()  # waits for the writes queued: each is one transaction
        self.store.close()


def encode_fleet_in_slices(chargers: Sequence[Charger]) -> bytes:
    """`encode_fleet`, one slice at a time: between two slices a worker thread gives
    the GIL back, so the loop keeps its turns while a big fleet is encoded. The pieces
    are joined in one `bytes.join`, which lets go of the GIL while it copies (two
    concatenations of 40 MB would hold it for ~50 ms)."""
    pieces = [b"["]
    for start in range(0, len(chargers), ENCODE_SLICE):
        encoded = _slice_encoder.encode(list(chargers[start : start + ENCODE_SLICE]))
        if len(pieces) > 1:
            pieces.append(b",")
        pieces.append(encoded[1:-1])  # without its brackets (bytes: join drops the GIL)
    pieces.append(b"]")
    return b"".join(pieces)


def _assess_and_plan(
    fleet: list[Charger],
    now: datetime,
    read_at: dict[str, datetime] | None,
    previous: FleetSnapshot | None,
    judged: dict[str, Judged] | None,
    tracker: IncidentTracker,
) -> tuple[FleetSnapshot, Step, list[str], frozenset[str]]:
    """A big fleet's snapshot and the tracker's plan for it (memory only: any thread,
    while the loop only sets mutes), visiting the chargers in trouble and those it follows
    already; the table's judgements the snapshot holds; and who was followed."""
    involved = tracker.involved()
    snapshot = take_snapshot(
        fleet, now, tracker.stale_after, read_at, previous, judged, record=judged
    )
    wanted = involved | snapshot.troubled
    candidates = [charger for charger in fleet if charger.uuid in wanted]
    step = tracker.plan(candidates, snapshot.taken_at, snapshot.assessments, snapshot.troubled)
    held = list(judged.items()) if judged else []  # one copy, in C: the loop may add more
    spent = [uuid for uuid, (charger, *_rest) in held if snapshot.holds(charger)]
    return snapshot, step, spent, involved


def _judge(
    chargers: Sequence[Charger], now: datetime, stale_after: timedelta
) -> tuple[Severity, dict[Health, int]]:
    """The fleet's worst severity and chargers per level (pure: any thread)."""
    snapshot = take_snapshot(chargers, now, stale_after)
    return snapshot.level(), snapshot.counts()


def _fault_words(
    charger: ChargerLike | None, connector_id: object
) -> tuple[str | None, str | None]:
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
