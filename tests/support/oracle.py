"""What the event history must hold after a run, worked out from the simulator's truth.

Independent of the tracker's code: it restates the rules of issue 5 (grace periods counted
on PlugDesk's own observations, `grace_clear` before an incident closes, a fault on an
offline charger cannot be judged) and applies them to the simulator's `fault_log` at the
instants PlugDesk actually saw the fleet (its *good* refreshes: a failed refresh observes
nothing, so it can neither open nor close anything).

Conditions are keyed per charger *and connector* (issue 14): a fault on one connector while
the charger reports Available is its own incident, named by the connector. The watch reads
the connectors of every charger with a Faulted connector each cycle, so such a fault is
judged at every good refresh, unless the charger is offline (its last report stands) or
faulted itself (the charger's own incident covers its connectors). A connector's short
EVCommunicationError (status Preparing, under a minute and a half) ends before its grace
period, so it never makes an incident whatever the watch sees of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from plugdesk.domain.store import Incident
from plugdesk.simulator import FaultRecord

KINDS = ("fault", "offline")

Key = tuple[str, str, int | None]  # charger, kind, connector (None: the charger itself)


@dataclass(frozen=True)
class Expected:
    charger_uuid: str
    kind: str
    connector_id: int | None
    first_seen: datetime
    opened_at: datetime
    closed_at: datetime | None

    def key(self) -> tuple[str, str, int, datetime, datetime, datetime | None]:
        return (self.charger_uuid, self.kind, self.connector_id or 0,
                self.first_seen, self.opened_at, self.closed_at)  # fmt: skip


def incident_key(incident: Incident) -> tuple[str, str, int, datetime, datetime, datetime | None]:
    return (
        incident.charger_uuid,
        incident.kind,
        incident.connector_id or 0,
        incident.first_seen_at,
        incident.opened_at,
        incident.closed_at,
    )


def record_key(record: FaultRecord) -> Key:
    connector = record.connector_id if record.kind == "fault" else None
    return (record.charger_uuid, record.kind, connector)


def inside(record: FaultRecord, t: datetime) -> bool:
    return record.started_at <= t and (record.ended_at is None or t < record.ended_at)


@dataclass
class Truth:
    """The simulator's records, indexed for the questions the checks ask."""

    log: list[FaultRecord]
    by_key: dict[Key, list[FaultRecord]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for record in self.log:
            self.by_key.setdefault(record_key(record), []).append(record)

    def judgeable(self, key: Key, t: datetime) -> bool:
        """Can a refresh at `t` tell whether this condition is there? A fault is only
        judged while the charger is online (offline, its status is its last report), and
        a connector's only while the charger itself is not faulted."""
        uuid, kind, connector = key
        if kind == "offline":
            return True
        if self.present((uuid, "offline", None), t):
            return False
        return connector is None or not self.present((uuid, "fault", None), t)

    def present(self, key: Key, t: datetime) -> bool:
        return any(inside(r, t) for r in self.by_key.get(key, ()))

    def sightings(self, record: FaultRecord, observed: Sequence[datetime]) -> list[datetime]:
        """The good refreshes that saw this record (and could judge it)."""
        return [
            t
            for t in observed
            if inside(record, t) and self.judgeable(record_key(record), t)
        ]


def expected_incidents(
    truth: Truth,
    observed: Sequence[datetime],
    grace: dict[str, timedelta],
    grace_clear: timedelta,
) -> list[Expected]:
    """Every incident the history must hold, with its first sighting, opening and close."""
    result: list[Expected] = []
    for key in sorted(truth.by_key, key=lambda k: (k[0], k[1], k[2] or 0)):
        uuid, kind, connector = key
        first: datetime | None = None  # pending since (not yet an incident)
        opened: tuple[datetime, datetime] | None = None  # (first seen, opened at)
        clearing: datetime | None = None  # open, but seen gone since
        for t in observed:
            if not truth.judgeable(key, t):
                continue  # the data cannot tell: nothing changes
            if truth.present(key, t):
                clearing = None
                if opened is not None:
                    continue
                first = t if first is None else first
                if t - first >= grace[kind]:
                    opened, first = (first, t), None
                continue
            first = None
            if opened is None:
                continue
            clearing = t if clearing is None else clearing
            if t - clearing >= grace_clear:
                result.append(Expected(uuid, kind, connector, opened[0], opened[1], clearing))
                opened, clearing = None, None
        if opened is not None:
            result.append(Expected(uuid, kind, connector, opened[0], opened[1], None))
    return result


@dataclass
class Coverage:
    """The user's view of the simulator's faults: how many lasted past their grace
    period, how many of those a good refresh could watch for the whole grace period, and
    how many of those the history holds (exactly once each)."""

    over_grace: int = 0  # records lasting longer than their grace period
    watchable: int = 0  # ... whose sightings span the grace period
    recorded: int = 0  # ... in the history
    hidden_by_trouble: int = 0  # over grace, but refreshes failed (or paused) meanwhile
    problems: list[str] = field(default_factory=list)


def coverage(
    truth: Truth,
    observed: Sequence[datetime],
    incidents: Sequence[Incident],
    grace: dict[str, timedelta],
    end: datetime,
) -> Coverage:
    """Each record watched for its grace period is in exactly one incident; no incident
    stands for nothing (every one overlaps a record it could have seen)."""
    result = Coverage()
    by_key: dict[Key, list[Incident]] = {}
    for incident in incidents:
        by_key.setdefault(_incident_key(incident), []).append(incident)
    for key, records in truth.by_key.items():
        kind = key[1]
        for record in records:
            lasted = (record.ended_at or end) - record.started_at
            if lasted <= grace[kind]:
                continue
            result.over_grace += 1
            seen = truth.sightings(record, observed)
            if not seen or seen[-1] - seen[0] < grace[kind]:
                result.hidden_by_trouble += 1
                continue
            result.watchable += 1
            covering = [i for i in by_key.get(key, []) if _covers(i, seen[0], seen[-1])]
            if len(covering) == 1:
                result.recorded += 1
            else:
                result.problems.append(
                    f"{kind} of {record.identity} (connector {key[2]}) from "
                    f"{record.started_at:%H:%M:%S} "
                    f"(seen {seen[0]:%H:%M:%S}..{seen[-1]:%H:%M:%S}) is in the history "
                    f"{len(covering)} times"
                )
    for incident in incidents:
        records = truth.by_key.get(_incident_key(incident), [])
        if not any(
            _covers(incident, seen[0], seen[-1])
            for seen in (truth.sightings(r, observed) for r in records)
            if seen
        ):
            result.problems.append(f"invented: {incident}")
    return result


def _incident_key(incident: Incident) -> Key:
    return (incident.charger_uuid, incident.kind, incident.connector_id)


def _covers(incident: Incident, first: datetime, last: datetime) -> bool:
    return incident.first_seen_at <= last and (
        incident.closed_at is None or incident.closed_at > first
    )
