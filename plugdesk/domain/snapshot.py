"""The fleet snapshot: every charger and connector judged once, with the user's settings.

One refresh, one judgement: the charger table, the tray, incidents, the Events pane and
`plugdesk status` all read the verdicts in here instead of judging again (three judges
with three staleness rules disagreed).

Each charger is judged as of the moment it was read (`read_at`), not as of now: a large
fleet's rows are read at different times (the watch sweeps 50,000 chargers over an hour
or so), and a heartbeat read 40 minutes ago says nothing about the last 40 minutes. That
also makes a verdict a pure function of (charger object, read time, settings), so a
charger that was not read again keeps its assessment from the last snapshot for free.

Pure: no Qt, no I/O; any thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from plugdesk.domain.health import (
    DEFAULT_STALE_AFTER,
    SEVERITY,
    Assessment,
    ChargerLike,
    Health,
    HealthVerdict,
    Severity,
    as_utc,
    assess,
    connector_health,
    count_by_level,
)


@dataclass(frozen=True)
class FleetSnapshot:
    taken_at: datetime
    stale_after: timedelta
    chargers: Mapping[str, ChargerLike] = field(default_factory=dict)
    assessments: Mapping[str, Assessment] = field(default_factory=dict)
    read_at: Mapping[str, datetime] = field(default_factory=dict)
    # Chargers where some incident condition holds: all the incident tracker must visit
    # besides those it already follows.
    troubled: frozenset[str] = frozenset()
    by_level: Mapping[Health, int] = field(default_factory=dict)

    def verdict(self, uuid: str) -> HealthVerdict | None:
        found = self.assessments.get(uuid)
        return None if found is None else found.verdict

    def holds(self, charger: ChargerLike) -> bool:
        """Whether this very charger object (this reading of it) was judged here."""
        return charger.uuid is not None and self.chargers.get(charger.uuid) is charger

    def verdicts(self) -> list[HealthVerdict]:
        return [a.verdict for a in self.assessments.values()]

    def counts(self) -> dict[Health, int]:
        """Chargers per level, every level present, worst first."""
        return {**count_by_level(()), **self.by_level}

    def level(self) -> Severity:
        worst = Severity.OK
        for level, count in self.by_level.items():
            if count and SEVERITY[level].rank > worst.rank:
                worst = SEVERITY[level]
        return worst


# A charger judged outside a snapshot (the table judges a new reading at once): the
# reading, the moment it was judged as of, and the result.
Judged = tuple[ChargerLike, datetime, Assessment]


def take_snapshot(
    chargers: Iterable[ChargerLike],
    now: datetime,
    stale_after: timedelta = DEFAULT_STALE_AFTER,
    read_at: Mapping[str, datetime] | None = None,
    previous: FleetSnapshot | None = None,
    judged: Mapping[str, Judged] | None = None,
    record: MutableMapping[str, Judged] | None = None,
) -> FleetSnapshot:
    """Judge every charger (the first row counts if pagination repeated one), each as of
    its `read_at` (else `now`); a charger object judged in `previous`, or in `judged`
    (with these settings), as of the same moment is not judged again. What is judged
    here goes into `record` as it is (the table, judging the same new chargers on the UI
    thread meanwhile, then takes these instead of judging them twice)."""
    now = as_utc(now)
    read_at = read_at or {}
    judged = judged or {}
    reuse = previous if previous is not None and previous.stale_after == stale_after else None
    old_chargers = reuse.chargers if reuse is not None else {}
    old_moments = reuse.read_at if reuse is not None else {}
    old_assessed = reuse.assessments if reuse is not None else {}
    old_troubled = reuse.troubled if reuse is not None else frozenset()
    troubled: set[str] = set()
    by_level = dict.fromkeys(Health, 0)
    kept: dict[str, ChargerLike] = {}
    assessed: dict[str, Assessment] = {}
    moments: dict[str, datetime] = {}
    # The hot loop of a 50,000-charger fleet, run on every update: lookups only for a
    # charger judged before as of the same reading.
    for charger in chargers:
        uuid = charger.uuid
        if not uuid or uuid in kept:
            continue
        kept[uuid] = charger
        moment = read_at.get(uuid)
        if moment is None:
            moments[uuid] = now
            found = assessed[uuid] = assess(charger, now, stale_after)
            by_level[found.verdict.level] += 1
            if _troubled(found):
                troubled.add(uuid)
            continue
        if moment.tzinfo is not UTC:
            moment = as_utc(moment)
        if moment > now:
            moment = now
        moments[uuid] = moment
        if old_chargers.get(uuid) is charger and old_moments.get(uuid) == moment:
            found = assessed[uuid] = old_assessed[uuid]
            if uuid in old_troubled:
                troubled.add(uuid)
            by_level[found.verdict.level] += 1
            continue
        earlier = judged.get(uuid)
        if earlier is not None and earlier[0] is charger and earlier[1] == moment:
            found = assessed[uuid] = earlier[2]
        else:
            found = assessed[uuid] = assess(charger, moment, stale_after)
            if record is not None:
                record[uuid] = (charger, moment, found)
        if _troubled(found):
            troubled.add(uuid)
        by_level[found.verdict.level] += 1
    return FleetSnapshot(now, stale_after, kept, assessed, moments, frozenset(troubled), by_level)


def _troubled(assessment: Assessment) -> bool:
    if any(c.present for c in assessment.conditions.values()):
        return True
    faults = assessment.connector_faults
    return faults is not None and any(c.present for c in faults.values())


def judge(
    charger: ChargerLike, now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER
) -> HealthVerdict:
    """One charger not in a snapshot (yet), by the same rules and settings."""
    return assess(charger, now, stale_after).verdict


__all__ = ["FleetSnapshot", "Judged", "connector_health", "judge", "take_snapshot"]
