"""Incidents: when a charger's fault, outage or silence becomes an alert, and when it ends.

`IncidentTracker.observe(chargers, now)` is called with every good fleet refresh and
returns the alerts to show. The rules, in the order they act:

- A condition (fault / offline / stale, judged by `health.assess`) opens an incident only
  after the tracker has seen it continuously for its grace period (2 min faults and stale,
  5 min offline), counted on the tracker's own observation times, never on the server's
  timestamps (a skewed or simulated clock must not shorten the grace). Boot blips and
  reconnects therefore never alert.
- An incident closes when its condition has been seen gone for `grace_clear` (default
  60 s; 0 closes at the first clear observation). A fault that clears and comes back within
  that window stays one incident instead of "resolved" + a new alert: flapping is one story.
  `closed_at` is the first observation without the condition.
- Data that cannot tell changes nothing: a charger missing from the list (a partial page,
  a failed refresh that the caller did not observe at all), or a fault while the charger is
  offline (its status is its last report). Pending timers and open incidents stay as they
  are until the data can tell.
- Maintenance (blocked or Unavailable) opens nothing; incidents already open stay open (no
  alerts) until their condition clears.
- Each incident alerts at most once when it opens and once when it resolves. The incident
  is committed to the store before `observe` returns its alert; the caller shows it, then
  calls `mark_notified(alert)`. On start the tracker loads the open incidents: those already
  notified never alert again; one that was committed but never shown (the app died in
  between) is offered once more if its condition is still there (at-least-once for that
  window, never twice after `mark_notified`). A resolved alert for an incident that was
  never announced is not sent (the history still records it).
- Storms: when `storm_threshold` or more incidents open in one observe, one summary alert
  replaces their individual pop-ups (likewise for as many resolving at once). Every
  incident is still recorded on its own.
- Preferences never lose history: an alert the user does not want as a pop-up (its kind
  switched off, quiet hours, the charger muted, notifications paused) is still returned,
  with `silent=True` and `suppressed_by` saying why, so the window can list it.

Pending timers live in memory only: after a restart nobody watched the fleet in between,
so the tracker cannot claim a condition persisted; restarting the grace period costs at
most one grace period of delay and no store write per refresh. Mutes and the pause are in
the store, so "mute 24 h" survives a restart.

Threads: like the store, use a tracker from one thread (the asyncio one); only the
writes (`Step.write`, `mark_notified` with a store, `save_pause`) may run in another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Literal

from plugdesk.domain.health import (
    DEFAULT_STALE_AFTER,
    Assessment,
    ChargerLike,
    Condition,
    Finding,
    IncidentKind,
    assess,
    describe_duration,
)
from plugdesk.domain.store import Incident, Mute, Store, StoreReadOnlyError, to_utc

if TYPE_CHECKING:
    from plugdesk.domain.settings import Settings

AlertKind = Literal["opened", "resolved", "summary"]
AlertEvent = Literal["opened", "resolved"]
Urgency = Literal["critical", "normal", "low"]

MUTE_1H = timedelta(hours=1)
MUTE_24H = timedelta(hours=24)
PAUSE_KEY = "notifications_paused_until"
SUMMARY_NAMES = 5  # names listed in a storm summary before "and N more"

_URGENCY_RANK: dict[Urgency, int] = {"low": 0, "normal": 1, "critical": 2}
_OPEN_URGENCY: dict[IncidentKind, Urgency] = {
    IncidentKind.FAULT: "critical",
    IncidentKind.OFFLINE: "normal",
    IncidentKind.STALE: "normal",
}
_KIND_NAMES = {
    IncidentKind.FAULT: "Fault",
    IncidentKind.OFFLINE: "Offline",
    IncidentKind.STALE: "Stale",
}


SilenceReason = Literal["kind_off", "resolved_off", "paused", "muted", "quiet_hours"]


@dataclass(frozen=True)
class AlertFacts:
    """What an alert tells, as facts rather than words: the window phrases them in the
    user's language (plugdesk/ui/alert_text.py), `english_words` for the command line,
    logs and webhooks (`Alert.title` and `Alert.body`)."""

    event: AlertEvent
    kind: IncidentKind | None  # None: a summary of several kinds
    charger: str = ""  # one charger's name (the manager's label, else its identity)
    connector: int | None = None  # the connector at fault; None: the charger itself
    error_code: str | None = None  # an OCPP code ("HighTemperature"); None: no code sent
    error_info: str | None = None  # the charger's own words, as it sent them
    # opened offline/stale: how long so far (None: unknown); resolved: how long it lasted
    span: timedelta | None = None
    summary: bool = False  # many chargers in one alert: the fields below
    chargers: int = 0
    kinds: tuple[tuple[IncidentKind, int], ...] = ()  # chargers per kind, worst first
    names: tuple[str, ...] = ()  # the first SUMMARY_NAMES chargers' names

    @property
    def more(self) -> int:
        """Chargers of a summary not named ("… and 3 more")."""
        return max(0, self.chargers - len(self.names))


@dataclass(frozen=True)
class Silence:
    """Why an alert does not pop up, as facts (`english_silence` says it in English)."""

    reason: SilenceReason
    kind: IncidentKind | None = None  # "kind_off": the kind switched off
    until: datetime | None = None  # "paused", "muted" (None with "muted": until resolved)


@dataclass(frozen=True)
class Alert:
    """One thing to tell the user, already committed to the store.

    `title`, `body` and `suppressed_by` are English (the command line, logs, webhooks);
    the window words `facts` and `silence` in the user's language instead."""

    kind: AlertKind
    incident_ids: tuple[int, ...]
    title: str
    body: str
    urgency: Urgency
    charger_uuid: str | None  # None for a summary
    silent: bool = False  # no pop-up: show it in the window only
    suppressed_by: str | None = None  # why silent, in words ("Quiet hours")
    incident_kind: str | None = None  # "fault" / "offline" / "stale"; None for mixed summary
    summary_of: AlertEvent | None = None  # for a summary: opened or resolved incidents
    facts: AlertFacts | None = None  # None: an alert made with its words only
    silence: Silence | None = None

    @property
    def event(self) -> AlertEvent:
        """Whether this tells of incidents opening or resolving."""
        if self.kind == "summary":
            return self.summary_of or "opened"
        return "opened" if self.kind == "opened" else "resolved"


@dataclass(frozen=True)
class NotificationPrefs:
    fault: bool = True
    offline: bool = True
    stale: bool = False
    resolved: bool = True
    # (start, end) in local wall time; may wrap midnight (22:00 -> 07:00); start == end is
    # all day; None is no quiet hours.
    quiet_hours: tuple[time, time] | None = None
    tz: tzinfo | None = None  # the zone quiet hours are in; None: the computer's own

    def wants(self, kind: IncidentKind) -> bool:
        return {
            IncidentKind.FAULT: self.fault,
            IncidentKind.OFFLINE: self.offline,
            IncidentKind.STALE: self.stale,
        }[kind]

    def local(self, moment: datetime) -> datetime:
        return to_utc(moment).astimezone(self.tz)

    def is_quiet(self, now: datetime) -> bool:
        if self.quiet_hours is None:
            return False
        start, end = (t.replace(tzinfo=None) for t in self.quiet_hours)
        wall = self.local(now).time().replace(tzinfo=None)
        if start == end:
            return True
        if start < end:
            return start <= wall < end
        return wall >= start or wall < end

    @classmethod
    def from_settings(cls, settings: Settings, tz: tzinfo | None = None) -> NotificationPrefs:
        from plugdesk.domain.settings import parse_hhmm

        quiet = None
        if settings.quiet_hours_enabled:
            quiet = (parse_hhmm(settings.quiet_start), parse_hhmm(settings.quiet_end))
        return cls(
            fault=settings.notify_fault,
            offline=settings.notify_offline,
            stale=settings.notify_stale,
            resolved=settings.notify_resolved,
            quiet_hours=quiet,
            tz=tz,
        )


# (charger uuid, kind, connector id): None for the charger itself; a fault on one connector
# while the charger reports Available is an incident of its own.
Key = tuple[str, IncidentKind, int | None]


def _key(incident: Incident) -> Key:
    return (incident.charger_uuid, IncidentKind(incident.kind), incident.connector_id)


@dataclass
class _Labels:
    identity: str | None
    reference: str | None


@dataclass
class _Plan:
    """What one observation decided, applied to the store first and to memory after."""

    opens: list[tuple[Key, _Labels, Condition, datetime]] = field(default_factory=list)
    closes: list[tuple[Incident, datetime]] = field(default_factory=list)
    reoffers: list[tuple[Incident, Condition]] = field(default_factory=list)
    pending: dict[Key, datetime] = field(default_factory=dict)
    clearing: dict[Key, datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One observation decided, not yet committed (`IncidentTracker.plan`)."""

    now: datetime
    plan: _Plan
    mutes_ended: set[str]  # until-resolved mutes whose incidents all close now
    mutes_gone: dict[str, Mute]  # those and the timed mutes that ran out

    @property
    def writes(self) -> bool:
        """Whether the history changes (most refreshes change nothing)."""
        plan = self.plan
        return bool(plan.opens or plan.closes or self.mutes_gone)

    def write(self, store: Store) -> list[Incident] | None:
        """Commit the step in one transaction; the incidents opened, or None when the
        history is read-only. Reads nothing of the tracker: any thread, with that
        thread's own Store. Other store failures raise StoreError."""
        opened: list[Incident] = []
        try:
            with store.transaction():
                for (uuid, kind, connector_id), labels, condition, first_seen in self.plan.opens:
                    opened.append(
                        store.open_incident(
                            charger_uuid=uuid,
                            kind=kind,
                            opened_at=self.now,
                            first_seen_at=first_seen,
                            charger_identity=labels.identity,
                            charger_reference=labels.reference,
                            error_code=condition.error,
                            error_info=condition.error_info,
                            connector_id=connector_id,
                        )
                    )
                for incident, closed_at in self.plan.closes:
                    if incident.id > 0:  # a remembered-only incident has no row to close
                        store.close_incident(incident.id, closed_at)
                for uuid in self.mutes_gone:
                    store.delete_mute(uuid)
        except StoreReadOnlyError:
            return None
        return opened


@dataclass(frozen=True)
class _Item:
    """One incident's alert before storm grouping."""

    incident: Incident
    kind: IncidentKind
    event: AlertEvent
    facts: AlertFacts
    urgency: Urgency
    silence: Silence | None


class IncidentTracker:
    def __init__(
        self,
        store: Store,
        *,
        grace_fault: timedelta | float = timedelta(minutes=2),
        grace_offline: timedelta | float = timedelta(minutes=5),
        grace_stale: timedelta | float | None = None,
        grace_clear: timedelta | float = timedelta(seconds=60),
        stale_after: timedelta | float = DEFAULT_STALE_AFTER,
        storm_threshold: int = 3,
        prefs: NotificationPrefs | None = None,
    ) -> None:
        """Durations are timedeltas or seconds. `grace_stale` defaults to `grace_fault`."""
        self.store = store
        self.grace_fault = _span(grace_fault)
        self.grace_offline = _span(grace_offline)
        self.grace_stale = self.grace_fault if grace_stale is None else _span(grace_stale)
        self.grace_clear = _span(grace_clear)
        self.stale_after = _span(stale_after)
        self.storm_threshold = max(1, storm_threshold)
        self.prefs = prefs or NotificationPrefs()
        self._open: dict[Key, Incident] = {}
        self._announced: set[int] = set()  # incidents whose "opened" alert has gone out
        self._pending: dict[Key, datetime] = {}  # condition first seen (not yet an incident)
        self._clearing: dict[Key, datetime] = {}  # open incident's condition first seen gone
        self._mutes: dict[str, Mute] = {}
        self._paused_until: datetime | None = None
        # A read-only history: incidents live in memory only (negative ids), so alerts
        # still go out, once each, instead of every refresh failing to save and alerting
        # nothing. `memory_only` tells the service to say so.
        self.memory_only = store.read_only
        self._next_memory_id = -1
        self._load()

    @classmethod
    def from_settings(
        cls, store: Store, settings: Settings, tz: tzinfo | None = None
    ) -> IncidentTracker:
        tracker = cls(store)
        tracker.apply_settings(settings, tz)
        return tracker

    def apply_settings(self, settings: Settings, tz: tzinfo | None = None) -> None:
        """Take new grace periods, threshold and notification preferences (pending timers
        and open incidents are kept)."""
        self.grace_fault = self.grace_stale = timedelta(seconds=settings.grace_fault_s)
        self.grace_offline = timedelta(seconds=settings.grace_offline_s)
        self.stale_after = timedelta(minutes=settings.stale_after_min)
        self.storm_threshold = max(1, settings.storm_threshold)
        self.prefs = NotificationPrefs.from_settings(settings, tz)

    def _load(self) -> None:
        for incident in self.store.open_incidents():
            try:
                kind = IncidentKind(incident.kind)
            except ValueError:  # a kind from a newer PlugDesk: leave it alone
                continue
            self._open[(incident.charger_uuid, kind, incident.connector_id)] = incident
            if incident.notified_open:
                self._announced.add(incident.id)
        self._mutes = {m.charger_uuid: m for m in self.store.list_mutes()}
        paused = self.store.get_state(PAUSE_KEY)
        self._paused_until = None if paused is None else to_utc(datetime.fromisoformat(paused))

    def reload(self) -> None:
        """Read open incidents, mutes and the pause from the store again, forgetting the
        ones held in memory: another process (`plugdesk watch`) kept the history while
        this tracker was not observing. Timers start over, as after a restart."""
        self._open.clear()
        self._announced.clear()
        self._pending.clear()
        self._clearing.clear()
        self._load()

    # -- observing --------------------------------------------------------------------------

    def grace_for(self, kind: IncidentKind) -> timedelta:
        return {
            IncidentKind.FAULT: self.grace_fault,
            IncidentKind.OFFLINE: self.grace_offline,
            IncidentKind.STALE: self.grace_stale,
        }[kind]

    def assess_fleet(
        self, chargers: Iterable[ChargerLike], now: datetime
    ) -> dict[str, Assessment]:
        """Every charger's assessment, by UUID (the first row counts if pagination
        repeated one). Pure, so a big fleet's may be worked out in a worker thread."""
        now = to_utc(now)
        assessed: dict[str, Assessment] = {}
        for charger in chargers:
            if charger.uuid and charger.uuid not in assessed:
                assessed[charger.uuid] = assess(charger, now, self.stale_after)
        return assessed

    def observe(
        self,
        chargers: Iterable[ChargerLike],
        now: datetime,
        assessed: Mapping[str, Assessment] | None = None,
        troubled: Iterable[str] | None = None,
    ) -> list[Alert]:
        """Judge one good refresh (a failed one is simply not observed). Commits every
        opened and closed incident, then returns the alerts to show. If the store fails,
        raises StoreError and changes nothing, so the next observe tries again.
        `assessed`: `assess_fleet(chargers, now)` already worked out elsewhere;
        `troubled`: with it, the chargers where some condition holds (the others are
        visited only when the tracker already follows them).

        The same in three parts, for a caller that commits in another thread: `plan`
        (memory only), `Step.write(store)` (the store only), then `settle`. Nothing else
        may observe in between; mutes and the pause may change."""
        step = self.plan(chargers, now, assessed, troubled)
        return self.settle(step, step.write(self.store) if step.writes else [])

    def involved(self) -> frozenset[str]:
        """Chargers with an incident or a timer running: `plan` visits these and the
        troubled ones, and no others."""
        return frozenset(key[0] for key in (*self._open, *self._pending, *self._clearing))

    def plan(
        self,
        chargers: Iterable[ChargerLike],
        now: datetime,
        assessed: Mapping[str, Assessment] | None = None,
        troubled: Iterable[str] | None = None,
    ) -> Step:
        """What this refresh changes, worked out without touching the store or memory."""
        now = to_utc(now)
        plan = _Plan(pending=dict(self._pending), clearing=dict(self._clearing))
        connector_keys = self._connector_keys()
        # Chargers with an incident or a timer running: every other one changes nothing
        # unless a condition is present (50,000 chargers, a few dozen in trouble).
        involved = self.involved()
        if troubled is not None and assessed is not None:
            wanted = involved | set(troubled)
            chargers = [c for c in chargers if c.uuid in wanted]
        seen: set[str] = set()
        for charger in chargers:
            uuid = charger.uuid
            if not uuid or uuid in seen:  # pagination can repeat a row: first one counts
                continue
            seen.add(uuid)
            assessment = (
                assessed[uuid] if assessed is not None else assess(charger, now, self.stale_after)
            )
            if uuid not in involved and not _anything_present(assessment):
                continue
            labels = _Labels(charger.identity, charger.reference)
            for kind, condition in assessment.conditions.items():
                self._step((uuid, kind, None), condition, assessment.maintenance, labels, now, plan)
            self._step_connectors(uuid, assessment, connector_keys.get(uuid, ()), labels, now, plan)
        return self._finish_plan(plan, now)

    def _connector_keys(self) -> dict[str, set[Key]]:
        """Connector keys open or pending, by charger: a connector that drops out of the
        data (or shows no fault) must still be stepped as clear."""
        keys: dict[str, set[Key]] = {}
        for key in [*self._open, *self._pending]:
            if key[2] is not None:
                keys.setdefault(key[0], set()).add(key)
        return keys

    def _step_connectors(
        self,
        uuid: str,
        assessment: Assessment,
        known: Iterable[Key],
        labels: _Labels,
        now: datetime,
        plan: _Plan,
    ) -> None:
        faults = assessment.connector_faults
        if faults is None:  # this data cannot tell: open ones stay, pending ones wait
            return
        absent = Condition(IncidentKind.FAULT, False)
        for connector_id, condition in faults.items():
            here: Key = (uuid, IncidentKind.FAULT, connector_id)
            self._step(here, condition, assessment.maintenance, labels, now, plan)
        for key in known:
            if key[2] not in faults:
                self._step(key, absent, assessment.maintenance, labels, now, plan)

    def _step(
        self,
        key: Key,
        condition: Condition,
        maintenance: bool,
        labels: _Labels,
        now: datetime,
        plan: _Plan,
    ) -> None:
        if condition.present is None:  # the data cannot tell: change nothing
            return
        incident = self._open.get(key)
        if condition.present:
            plan.clearing.pop(key, None)
            if incident is not None:
                if incident.id not in self._announced:
                    plan.reoffers.append((incident, condition))
                return
            if maintenance:
                plan.pending.pop(key, None)
                return
            first_seen = plan.pending.setdefault(key, now)
            if now - first_seen >= self.grace_for(key[1]):
                plan.opens.append((key, labels, condition, first_seen))
            return
        plan.pending.pop(key, None)
        if incident is not None:
            gone_since = plan.clearing.setdefault(key, now)
            if now - gone_since >= self.grace_clear:
                plan.closes.append((incident, gone_since))

    def _finish_plan(self, plan: _Plan, now: datetime) -> Step:
        open_after = dict(self._open)
        for incident, _ in plan.closes:
            open_after.pop(_key(incident), None)
        still_open = {key[0] for key in open_after} | {key[0] for key, *_ in plan.opens}
        ending = {
            incident.charger_uuid: mute
            for incident, _ in plan.closes
            if incident.charger_uuid not in still_open
            and (mute := self._mutes.get(incident.charger_uuid)) is not None
            and mute.until_resolved
        }
        # A copy first (one step, in C): the loop may set a mute while a worker plans.
        expired = {
            u: m for u, m in list(self._mutes.items()) if not m.until_resolved and not m.active(now)
        }
        return Step(now, plan, set(ending), {**ending, **expired})

    def settle(self, step: Step, opened: list[Incident] | None) -> list[Alert]:
        """Memory follows a committed step (`opened`: what `step.write` returned; None:
        the history is read-only, so the new incidents are remembered instead); returns
        the alerts to show."""
        plan, now = step.plan, step.now
        if opened is None:
            # Other store failures change nothing so the next refresh tries again; a
            # read-only file will fail every time, so alert from memory instead.
            self.memory_only = True
            opened = self._remember(plan, now)
        open_after = dict(self._open)
        for incident, _ in plan.closes:
            open_after.pop(_key(incident), None)
        for incident in opened:
            key = _key(incident)
            open_after[key] = incident
            plan.pending.pop(key, None)
        for incident, _ in plan.closes:
            plan.clearing.pop(_key(incident), None)
        self._open = open_after
        self._pending = plan.pending
        self._clearing = plan.clearing
        for uuid, mute in step.mutes_gone.items():
            if self._mutes.get(uuid) is mute:  # not one set again meanwhile
                del self._mutes[uuid]
        return self._alerts(opened, plan, step.mutes_ended, now)

    def _remember(self, plan: _Plan, now: datetime) -> list[Incident]:
        """The plan's new incidents, held in memory only (the history cannot take them)."""
        opened: list[Incident] = []
        for (uuid, kind, connector_id), labels, condition, first_seen in plan.opens:
            opened.append(
                Incident(
                    id=self._next_memory_id,
                    charger_uuid=uuid,
                    charger_identity=labels.identity,
                    charger_reference=labels.reference,
                    kind=kind.value,
                    error_code=condition.error,
                    error_info=condition.error_info,
                    opened_at=now,
                    closed_at=None,
                    notified_open=False,
                    notified_close=False,
                    first_seen_at=first_seen,
                    connector_id=connector_id,
                )
            )
            self._next_memory_id -= 1
        return opened

    # -- alerts -----------------------------------------------------------------------------

    def _alerts(
        self, opened: list[Incident], plan: _Plan, mutes_ended: set[str], now: datetime
    ) -> list[Alert]:
        conditions = {incident.id: condition for incident, condition in plan.reoffers}
        for incident, (_, _, condition, _) in zip(opened, plan.opens, strict=True):
            conditions[incident.id] = condition
        openings = [*opened, *(incident for incident, _ in plan.reoffers)]
        open_items = [self._opened_item(i, conditions[i.id], now) for i in openings]
        self._announced.update(i.id for i in openings)
        resolve_items = []
        for incident, closed_at in plan.closes:
            if incident.id not in self._announced:
                continue  # never announced: a "resolved" would puzzle; the history has it
            self._announced.discard(incident.id)
            ended = incident.charger_uuid in mutes_ended
            resolve_items.append(self._resolved_item(incident, closed_at, now, ended))
        return self._grouped(open_items, "opened") + self._grouped(resolve_items, "resolved")

    def _opened_item(self, incident: Incident, condition: Condition, now: datetime) -> _Item:
        kind = IncidentKind(incident.kind)
        facts = AlertFacts(
            "opened",
            kind,
            charger=incident.charger_name,
            connector=incident.connector_id,
            error_code=incident.error_code,
            error_info=incident.error_info,
            span=condition.span,
        )
        why = self._silence(incident.charger_uuid, kind, "opened", now, mute_ended=False)
        return _Item(incident, kind, "opened", facts, _OPEN_URGENCY[kind], why)

    def _resolved_item(
        self, incident: Incident, closed_at: datetime, now: datetime, mute_ended: bool
    ) -> _Item:
        kind = IncidentKind(incident.kind)
        facts = AlertFacts(
            "resolved",
            kind,
            charger=incident.charger_name,
            connector=incident.connector_id,
            error_code=incident.error_code,
            span=closed_at - incident.first_seen_at,
        )
        why = self._silence(incident.charger_uuid, kind, "resolved", now, mute_ended)
        return _Item(incident, kind, "resolved", facts, "low", why)

    def _silence(
        self, uuid: str, kind: IncidentKind, event: AlertEvent, now: datetime, mute_ended: bool
    ) -> Silence | None:
        """Why this alert should not pop up, or None when it should."""
        if not self.prefs.wants(kind):
            return Silence("kind_off", kind=kind)
        if event == "resolved" and not self.prefs.resolved:
            return Silence("resolved_off")
        paused = self.paused_until(now)
        if paused is not None:
            return Silence("paused", until=paused)
        mute = self._mutes.get(uuid)
        if mute is not None and mute.active(now) and not mute_ended:
            return Silence("muted", until=None if mute.until_resolved else mute.until)
        if self.prefs.is_quiet(now):
            return Silence("quiet_hours")
        return None

    def _grouped(self, items: list[_Item], event: AlertEvent) -> list[Alert]:
        items = sorted(items, key=lambda i: (i.incident.charger_name.casefold(), i.kind))
        loud = [i for i in items if i.silence is None]
        if len(loud) < self.storm_threshold:
            return [self._single(i) for i in items]
        return [_summary(loud, event)] + [self._single(i) for i in items if i.silence]

    def _single(self, item: _Item) -> Alert:
        incident = item.incident
        title, body = english_words(item.facts)
        silence = item.silence
        return Alert(
            kind=item.event,
            incident_ids=(incident.id,),
            title=title,
            body=body,
            urgency=item.urgency,
            charger_uuid=incident.charger_uuid,
            silent=silence is not None,
            suppressed_by=None if silence is None else english_silence(silence, self.prefs.tz),
            incident_kind=str(item.kind),
            facts=item.facts,
            silence=silence,
        )

    # -- delivery ---------------------------------------------------------------------------

    def mark_notified(self, alerts: Alert | Iterable[Alert], store: Store | None = None) -> None:
        """Record that these alerts were delivered (popped up or listed in the window), so
        a restart never offers them again. Call it after showing, silent ones included.
        Reads nothing of the tracker: `store` may be another thread's (default: its own)."""
        store = store or self.store
        for alert in [alerts] if isinstance(alerts, Alert) else list(alerts):
            opened = alert.event == "opened"
            saved = [i for i in alert.incident_ids if i > 0]  # remembered-only: no row
            if saved:
                store.mark_notified(saved, opened=opened, closed=not opened)

    # -- mutes and the pause ----------------------------------------------------------------
    # `mute`, `unmute`, `pause` and `resume` write to the store, then change memory; a
    # caller that writes in another thread uses `hold_mute`, `drop_mute` and `hold_pause`
    # (memory only) beside its own `store.set_mute(...)`, `save_pause(store, ...)`.

    def mute(self, charger_uuid: str, now: datetime, duration: timedelta | None) -> Mute:
        """Mute a charger's pop-ups for `duration` (MUTE_1H, MUTE_24H), or until its open
        incidents resolve when `duration` is None (then its resolved alert pops up again,
        as the mute ends with it)."""
        mute = new_mute(charger_uuid, now, duration)
        self.store.set_mute(mute)
        self.hold_mute(mute)
        return mute

    def hold_mute(self, mute: Mute) -> None:
        self._mutes[mute.charger_uuid] = mute

    def unmute(self, charger_uuid: str) -> None:
        self.store.delete_mute(charger_uuid)
        self.drop_mute(charger_uuid)

    def drop_mute(self, charger_uuid: str) -> None:
        self._mutes.pop(charger_uuid, None)

    def mute_of(self, charger_uuid: str, now: datetime) -> Mute | None:
        mute = self._mutes.get(charger_uuid)
        return mute if mute is not None and mute.active(now) else None

    def mutes(self, now: datetime) -> list[Mute]:
        return [m for m in self._mutes.values() if m.active(now)]

    def pause(self, until: datetime) -> None:
        """No pop-ups until `until` (the tray's "Pause notifications 1 h")."""
        self.hold_pause(until)
        save_pause(self.store, until)

    def resume(self) -> None:
        self.hold_pause(None)
        save_pause(self.store, None)

    def hold_pause(self, until: datetime | None) -> None:
        self._paused_until = None if until is None else to_utc(until)

    def paused_until(self, now: datetime) -> datetime | None:
        if self._paused_until is not None and to_utc(now) < self._paused_until:
            return self._paused_until
        return None

    # -- reading ----------------------------------------------------------------------------

    def open_incidents(self) -> list[Incident]:
        """Open incidents as the tracker knows them, newest first."""
        return sorted(self._open.values(), key=lambda i: (i.opened_at, i.id), reverse=True)

    def pending(self) -> dict[tuple[object, ...], datetime]:
        """Conditions seen but still within their grace period -> first seen: keyed
        (uuid, kind) for the charger itself, (uuid, kind, connector id) for a connector."""
        return {(k[:2] if k[2] is None else k): since for k, since in self._pending.items()}


def new_mute(charger_uuid: str, now: datetime, duration: timedelta | None) -> Mute:
    """A mute for `duration` from `now`, or until resolved when `duration` is None."""
    if duration is None:
        return Mute(charger_uuid, None, until_resolved=True)
    return Mute(charger_uuid, to_utc(now) + duration)


def save_pause(store: Store, until: datetime | None) -> None:
    """Write the pause (None: no pause) to `store`."""
    store.set_state(PAUSE_KEY, None if until is None else to_utc(until).isoformat())


def _anything_present(assessment: Assessment) -> bool:
    if any(c.present for c in assessment.conditions.values()):
        return True
    faults = assessment.connector_faults
    return faults is not None and any(c.present for c in faults.values())


def _summary(items: list[_Item], event: AlertEvent) -> Alert:
    """One alert for many: "5 chargers faulted" / "PC-001, PC-014, … and 1 more"."""
    # Counted by UUID: managers' labels need not be unique ("Bay 3" at two sites), and the
    # headline must add up with the per-kind counts below it.
    by_uuid = {i.incident.charger_uuid: i.incident.charger_name for i in items}
    names = list(by_uuid.values())
    kinds = [k for k in IncidentKind if any(i.kind is k for i in items)]  # worst first
    facts = AlertFacts(
        event,
        kinds[0] if len(kinds) == 1 else None,
        summary=True,
        chargers=len(names),
        kinds=tuple(
            (k, len({i.incident.charger_uuid for i in items if i.kind is k})) for k in kinds
        ),
        names=tuple(names[:SUMMARY_NAMES]),
    )
    title, body = english_words(facts)
    return Alert(
        kind="summary",
        incident_ids=tuple(i.incident.id for i in items),
        title=title,
        body=body,
        urgency=max((i.urgency for i in items), key=_URGENCY_RANK.__getitem__),
        charger_uuid=None,
        incident_kind=str(kinds[0]) if len(kinds) == 1 else None,
        summary_of=event,
        facts=facts,
    )


# -- English words: the command line, logs and webhooks (the window has its own) -----------

_SUMMARY_WORDS = {  # kind -> (what a summary of openings says, what resolutions say)
    IncidentKind.FAULT: ("faulted", "no longer faulted"),
    IncidentKind.OFFLINE: ("offline", "back online"),
    IncidentKind.STALE: ("stopped reporting", "reporting again"),
}


def english_words(facts: AlertFacts) -> tuple[str, str]:
    """An alert's (title, body) in English."""
    if facts.summary:
        return _english_summary(facts)
    assert facts.kind is not None
    name = facts.charger
    if facts.connector is not None:
        name = f"{name} connector {facts.connector}"
    lasted = describe_duration(facts.span or timedelta(0))
    if facts.event == "opened":
        return {
            IncidentKind.FAULT: (
                f"{name} faulted",
                Finding(facts.connector, facts.error_code, facts.error_info).text(),
            ),
            IncidentKind.OFFLINE: (
                f"{name} is offline",
                "Offline since an unknown time" if facts.span is None else f"Offline for {lasted}",
            ),
            IncidentKind.STALE: (f"{name} stopped reporting", f"No heartbeat for {lasted}"),
        }[facts.kind]
    return {
        IncidentKind.FAULT: (
            f"{name}: fault cleared",
            f"{facts.error_code or 'The fault'} cleared after {lasted}.",
        ),
        IncidentKind.OFFLINE: (f"{name} is back online", f"Offline for {lasted}."),
        IncidentKind.STALE: (f"{name} is reporting again", f"Silent for {lasted}."),
    }[facts.kind]


def _english_summary(facts: AlertFacts) -> tuple[str, str]:
    chargers = f"{facts.chargers} charger{'s' if facts.chargers != 1 else ''}"
    column = 0 if facts.event == "opened" else 1
    if facts.kind is not None:
        title, prefix = f"{chargers} {_SUMMARY_WORDS[facts.kind][column]}", ""
    else:
        title = f"{chargers} need attention" if facts.event == "opened" else f"{chargers} recovered"
        prefix = ", ".join(f"{n} {_SUMMARY_WORDS[k][column]}" for k, n in facts.kinds) + ": "
    listed = ", ".join(facts.names)
    if facts.more:
        listed += f" and {facts.more} more"
    return title, prefix + listed


def english_silence(silence: Silence, tz: tzinfo | None = None) -> str:
    """Why an alert stays quiet, in English ("Quiet hours"); times in `tz` (None: the
    computer's own zone)."""
    def clock(moment: datetime | None) -> str:
        return f"{to_utc(moment).astimezone(tz):%H:%M}" if moment is not None else ""

    if silence.reason == "kind_off" and silence.kind is not None:
        return f"{_KIND_NAMES[silence.kind]} notifications are off"
    if silence.reason == "resolved_off":
        return "Resolved notifications are off"
    if silence.reason == "paused":
        return f"Notifications paused until {clock(silence.until)}"
    if silence.reason == "muted":
        if silence.until is None:
            return "Charger muted until resolved"
        return f"Charger muted until {clock(silence.until)}"
    return "Quiet hours"


def _span(value: timedelta | float) -> timedelta:
    return value if isinstance(value, timedelta) else timedelta(seconds=value)
