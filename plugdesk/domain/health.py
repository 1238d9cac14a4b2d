"""Charger health: one ordered rules table that turns a charger's fields into a verdict.

The table (`RULES`) is the single place that decides what "fault", "offline" or "stale"
means. Rules are read top to bottom and the first one that matches gives the verdict shown
in the window, so the order is the priority:

    never seen  -> UNKNOWN      never connected to the server: nothing to judge yet
    offline     -> OFFLINE      connection_status "offline" (its other fields are old news)
    blocked     -> MAINTENANCE  an operator took it out of service: no alerts
    fault       -> FAULT        status Faulted, or an error code other than NoError, on the
                                charger or on any connector
    unavailable -> MAINTENANCE  status Unavailable (set by an operator or during an update)
    stale       -> STALE        online, but no heartbeat for longer than `stale_after`
    warning     -> WARNING      EVCommunicationError: usually the car, not the charger
    ok          -> OK

The incident tracker reads the same table differently: it evaluates every rule that names
an incident kind (`fault`, `offline`, `stale`), not only the first match, so a charger that
is both blocked and faulted still has its fault incident kept open (without alerts), and a
fault is neither opened nor resolved while the charger is offline (`assess`).

Everything here is pure: no Qt, no I/O; `now` is always passed in.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum, StrEnum
from typing import Any, Generic, Protocol, TypeVar

DEFAULT_STALE_AFTER = timedelta(minutes=15)

NO_ERROR = "NoError"
# Error codes that are worth showing but are not the charger's fault. EVCommunicationError
# is almost always the car (or its cable) failing the pilot-signal handshake.
WARNING_CODES: frozenset[str] = frozenset({"EVCommunicationError"})


# -- what we read from the API models -------------------------------------------------------
# Read-only properties, so both msgspec Structs (frozen or not) and plain test dataclasses fit.


class ConnectorLike(Protocol):
    @property
    def connector_id(self) -> int | None: ...
    @property
    def status(self) -> str | None: ...
    @property
    def error(self) -> str | None: ...
    @property
    def error_info(self) -> str | None: ...


class ChargerLike(Protocol):
    @property
    def uuid(self) -> str | None: ...
    @property
    def identity(self) -> str | None: ...
    @property
    def reference(self) -> str | None: ...
    @property
    def connection_status(self) -> str | None: ...
    @property
    def status(self) -> str | None: ...
    @property
    def error(self) -> str | None: ...
    @property
    def error_info(self) -> str | None: ...
    @property
    def blocked(self) -> bool | None: ...
    @property
    def last_heartbeat_at(self) -> datetime | None: ...
    @property
    def last_disconnection_at(self) -> datetime | None: ...
    @property
    def connectors(self) -> Sequence[ConnectorLike] | None: ...


# -- levels ---------------------------------------------------------------------------------


class Health(Enum):
    """What state a charger (or connector) is in: the verdict's `level`."""

    FAULT = "fault"
    OFFLINE = "offline"
    WARNING = "warning"
    STALE = "stale"
    UNKNOWN = "unknown"
    MAINTENANCE = "maintenance"
    OK = "ok"


Level = Health  # the name the CLI and the UI use


class Severity(Enum):
    """How worried to be: the tray icon's three states."""

    OK = "ok"
    WARNING = "warning"
    FAULT = "fault"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.OK: 0, Severity.WARNING: 1, Severity.FAULT: 2}


class IncidentKind(StrEnum):
    """Conditions that open incidents (and can alert). Stored as text in the history."""

    FAULT = "fault"
    OFFLINE = "offline"
    STALE = "stale"


# Display order (worst first) and words. Quick filters and counts follow this order.
LABELS: dict[Health, str] = {
    Health.FAULT: "Fault",
    Health.OFFLINE: "Offline",
    Health.WARNING: "Warning",
    Health.STALE: "Stale",
    Health.UNKNOWN: "Unknown",
    Health.MAINTENANCE: "Maintenance",
    Health.OK: "OK",
}

# Same convention as `plugdesk status`: offline, never seen, stale and warnings make the
# fleet "warning"; maintenance was chosen by an operator, so it does not.
SEVERITY: dict[Health, Severity] = {
    Health.FAULT: Severity.FAULT,
    Health.OFFLINE: Severity.WARNING,
    Health.WARNING: Severity.WARNING,
    Health.STALE: Severity.WARNING,
    Health.UNKNOWN: Severity.WARNING,
    Health.MAINTENANCE: Severity.OK,
    Health.OK: Severity.OK,
}


# -- facts: the charger's fields, read once, in the words the rules need --------------------


@dataclass(frozen=True)
class Finding:
    """One fault or warning and where it was seen (connector None = the charger itself)."""

    connector_id: int | None
    error: str | None  # None when only the status says Faulted
    error_info: str | None

    def text(self) -> str:
        where = "" if self.connector_id is None else f"Connector {self.connector_id}: "
        what = self.error or "Faulted (no error code)"
        info = (self.error_info or "").strip()
        return f"{where}{what} ({info})" if info else f"{where}{what}"


def is_fault_code(code: str | None) -> bool:
    return bool(code) and code != NO_ERROR and code not in WARNING_CODES


def is_warning_code(code: str | None) -> bool:
    return code in WARNING_CODES


def _finding(
    where: int | None, status: str | None, error: str | None, info: str | None
) -> tuple[Finding | None, Finding | None]:
    """(fault, warning) found in one status/error pair."""
    if status == "Faulted" or is_fault_code(error):
        code = error if error and error != NO_ERROR else None
        return Finding(where, code, info), None
    if is_warning_code(error):
        return None, Finding(where, error, info)
    return None, None


@dataclass(frozen=True)
class Facts:
    """A charger as the rules see it."""

    connection: str | None
    status: str | None
    blocked: bool
    faults: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    heartbeat_age: timedelta | None
    offline_for: timedelta | None
    stale_after: timedelta
    own_fault: Finding | None = None  # the charger's own report, whatever its connectors say

    @property
    def online(self) -> bool:
        return self.connection == "online"

    @property
    def heartbeat_late(self) -> bool:
        return (
            self.online and self.heartbeat_age is not None and self.heartbeat_age > self.stale_after
        )

    @property
    def fault(self) -> Finding | None:
        return self.faults[0] if self.faults else None

    @property
    def warning(self) -> Finding | None:
        return self.warnings[0] if self.warnings else None

    def fields(self) -> dict[str, str]:
        """Values for the reason templates, each made when a template asks for it (most
        chargers are fine, and "Working normally" asks for none)."""
        return _Fields(self)

    def field(self, name: str) -> str:
        if name == "fault":
            fault, more = self.fault, len(self.faults) - 1
            return (fault.text() + (f" (+{more} more)" if more > 0 else "")) if fault else ""
        if name == "warning":
            warning = self.warning
            return f"{warning.text()} — usually the car, not the charger" if warning else ""
        if name == "offline_for":
            if self.offline_for is None:
                return "since an unknown time"
            return f"for {describe_duration(self.offline_for)}"
        if name == "heartbeat_age":
            return describe_duration(self.heartbeat_age or timedelta(0))
        if name == "status":
            return self.status or "unknown"
        raise KeyError(name)


class _Fields(dict[str, str]):
    """The facts' template values, each worked out on first use."""

    def __init__(self, facts: Facts) -> None:
        super().__init__()
        self._facts = facts

    def __missing__(self, name: str) -> str:
        value = self[name] = self._facts.field(name)
        return value


def charger_facts(
    charger: ChargerLike, now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER
) -> Facts:
    now = as_utc(now)
    connector_faults: list[Finding] = []
    warnings: list[Finding] = []
    for connector in charger.connectors or ():
        fault, warning = _finding(
            connector.connector_id, connector.status, connector.error, connector.error_info
        )
        connector_faults += [fault] if fault else []
        warnings += [warning] if warning else []
    own_fault, own_warning = _finding(None, charger.status, charger.error, charger.error_info)
    # A connector says where the fault is, so it leads; the charger's own report is added
    # only when it tells something new (an error code no connector shows).
    faults = connector_faults
    if own_fault and (
        not faults or (own_fault.error and all(f.error != own_fault.error for f in faults))
    ):
        faults.append(own_fault)
    faults.sort(key=lambda f: f.error is None)  # findings with an error code first
    if own_warning:
        warnings.insert(0, own_warning)
    return Facts(
        connection=charger.connection_status,
        status=charger.status,
        blocked=bool(charger.blocked),
        faults=tuple(faults),
        warnings=tuple(warnings),
        heartbeat_age=_age(charger.last_heartbeat_at, now),
        offline_for=_age(charger.last_disconnection_at, now),
        stale_after=stale_after,
        own_fault=own_fault,
    )


def _age(moment: datetime | None, now: datetime) -> timedelta | None:
    return None if moment is None else now - as_utc(moment)


# -- the rules table ------------------------------------------------------------------------

F = TypeVar("F")


@dataclass(frozen=True)
class Rule(Generic[F]):
    name: str
    when: Callable[[F], bool]
    level: Health
    kind: IncidentKind | None  # the incident this condition opens, if any
    reason: str  # template over the facts' fields()


RULES: tuple[Rule[Facts], ...] = (
    Rule("never seen", lambda f: f.connection == "never_seen", Health.UNKNOWN, None,
         "Never connected to the server"),
    Rule("offline", lambda f: f.connection == "offline", Health.OFFLINE, IncidentKind.OFFLINE,
         "Offline {offline_for}"),
    Rule("blocked", lambda f: f.blocked, Health.MAINTENANCE, None,
         "Blocked: taken out of service"),
    Rule("fault", lambda f: f.fault is not None, Health.FAULT, IncidentKind.FAULT,
         "{fault}"),
    Rule("unavailable", lambda f: f.status == "Unavailable", Health.MAINTENANCE, None,
         "Unavailable (maintenance)"),
    Rule("stale heartbeat", lambda f: f.heartbeat_late, Health.STALE, IncidentKind.STALE,
         "No heartbeat for {heartbeat_age}"),
    Rule("warning", lambda f: f.warning is not None, Health.WARNING, None,
         "{warning}"),
    Rule("ok", lambda f: True, Health.OK, None,
         "Working normally"),
)  # fmt: skip


@dataclass(frozen=True)
class ConnectorFacts:
    fault: Finding | None
    warning: Finding | None
    status: str | None


CONNECTOR_RULES: tuple[Rule[ConnectorFacts], ...] = (
    Rule("fault", lambda f: f.fault is not None, Health.FAULT, IncidentKind.FAULT,
         "{fault}"),
    Rule("unavailable", lambda f: f.status == "Unavailable", Health.MAINTENANCE, None,
         "Unavailable"),
    Rule("warning", lambda f: f.warning is not None, Health.WARNING, None,
         "{warning} — usually the car, not the charger"),
    Rule("ok", lambda f: True, Health.OK, None,
         "{status}"),
)  # fmt: skip

# Whether this data can tell if a condition is there or not. The status of an offline
# charger is its last report: it proves neither a fault nor its repair, so an open fault
# incident stays open (and a new one does not open) until the charger is back online.
TRUSTED: dict[IncidentKind, Callable[[Facts], bool]] = {
    IncidentKind.OFFLINE: lambda f: f.connection in ("online", "offline", "never_seen"),
    IncidentKind.FAULT: lambda f: f.online,
    IncidentKind.STALE: lambda f: f.online and f.heartbeat_age is not None,
}


# -- verdicts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HealthVerdict:
    level: Health
    kind: IncidentKind | None  # the incident kind this state would open, if any
    label: str  # "Fault", for the UI
    reason: str  # one sentence: "Connector 2: GroundFailure (ground fault detected)"
    error: str | None = None  # the error code behind a fault or warning
    error_info: str | None = None
    rule: str = ""  # the name of the rule that matched

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.level]


def _verdict(rule: Rule[F], fields: Mapping[str, str], finding: Finding | None) -> HealthVerdict:
    if finding is None and "{" not in rule.reason:
        return _plain_verdict(rule)  # "Working normally": one object for every such charger
    return HealthVerdict(
        level=rule.level,
        kind=rule.kind,
        label=LABELS[rule.level],
        reason=rule.reason.format_map(fields),
        error=finding.error if finding else None,
        error_info=finding.error_info if finding else None,
        rule=rule.name,
    )


@functools.cache
def _plain_verdict(rule: Rule[Any]) -> HealthVerdict:
    return HealthVerdict(rule.level, rule.kind, LABELS[rule.level], rule.reason, rule=rule.name)


def _finding_for(level: Health, facts: Facts) -> Finding | None:
    if level is Health.FAULT:
        return facts.fault
    if level is Health.WARNING:
        return facts.warning
    return None


def charger_health(
    charger: ChargerLike, now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER
) -> HealthVerdict:
    """The first matching rule's verdict for this charger at `now`."""
    return verdict_from_facts(charger_facts(charger, now, stale_after))


def verdict_from_facts(facts: Facts, fields: Mapping[str, str] | None = None) -> HealthVerdict:
    fields = facts.fields() if fields is None else fields
    for rule in RULES:
        if rule.when(facts):
            return _verdict(rule, fields, _finding_for(rule.level, facts))
    raise AssertionError("the last rule matches everything")  # pragma: no cover


def connector_health(connector: ConnectorLike) -> HealthVerdict:
    fault, warning = _finding(
        connector.connector_id, connector.status, connector.error, connector.error_info
    )
    facts = ConnectorFacts(fault, warning, connector.status)
    fields = {
        "fault": fault.text() if fault else "",
        "warning": warning.text() if warning else "",
        "status": connector.status or "Status unknown",
    }
    for rule in CONNECTOR_RULES:
        if rule.when(facts):
            finding = fault if rule.level is Health.FAULT else warning
            return _verdict(rule, fields, finding if rule.level is not Health.OK else None)
    raise AssertionError("the last rule matches everything")  # pragma: no cover


# -- what the incident tracker needs --------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    """One incident kind on one charger: present (True), absent (False) or not knowable
    from this data (None, e.g. a fault while the charger is offline)."""

    kind: IncidentKind
    present: bool | None
    reason: str = ""
    error: str | None = None
    error_info: str | None = None
    # How long it has lasted, when the data says: offline since the disconnection, stale
    # since the last heartbeat (None for a fault, or an unknown disconnection time).
    span: timedelta | None = None


@dataclass(frozen=True)
class Assessment:
    verdict: HealthVerdict
    conditions: Mapping[IncidentKind, Condition]
    maintenance: bool  # blocked or Unavailable: incidents do not open (and never alert)
    # A fault on each connector, by connector id: None when this data cannot tell (no
    # connectors in it, the charger offline, or the charger itself faulted: that one
    # incident covers its sockets).
    connector_faults: Mapping[int, Condition] | None = None


# Conditions are frozen: the common ones are shared, not made again for every charger.
_UNKNOWN = {kind: Condition(kind, None) for kind in IncidentKind}
_ABSENT = {kind: Condition(kind, False) for kind in IncidentKind}
_RULES_OF = {kind: tuple(r for r in RULES if r.kind is kind) for kind in IncidentKind}
_MAINTENANCE_RULES = tuple(r for r in RULES if r.level is Health.MAINTENANCE)


# Assessments that name no duration, by what decides them (see _timeless_key): most of a
# fleet is a handful of alike chargers. Bounded; shared objects, never changed.
_TIMELESS: dict[tuple[object, ...], Assessment] = {}
_TIMELESS_MAX = 4096


def assess(
    charger: ChargerLike, now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER
) -> Assessment:
    """The verdict plus, for each incident kind, whether its condition holds.

    Unlike the verdict this looks at every rule, so a condition hidden behind a higher rule
    (a fault on a blocked charger) is still seen."""
    key = _timeless_key(charger, now, stale_after)
    if key is None:
        return _assess(charger, now, stale_after)
    found = _TIMELESS.get(key)
    if found is None:
        if len(_TIMELESS) >= _TIMELESS_MAX:
            _TIMELESS.clear()
        found = _TIMELESS[key] = _assess(charger, now, stale_after)
    return found


def _timeless_key(
    charger: ChargerLike, now: datetime, stale_after: timedelta
) -> tuple[object, ...] | None:
    """What alone decides the assessment of a charger that is neither offline nor late
    with its heartbeat (no reason then names a duration); None for one that is."""
    connection = charger.connection_status
    heartbeat = charger.last_heartbeat_at
    if connection == "offline" or (
        connection == "online"
        and heartbeat is not None
        and as_utc(now) - as_utc(heartbeat) > stale_after
    ):
        return None
    connectors = charger.connectors
    return (
        connection,
        charger.status,
        bool(charger.blocked),
        charger.error,
        charger.error_info,
        heartbeat is None,
        None
        if connectors is None
        else tuple((c.connector_id, c.status, c.error, c.error_info) for c in connectors),
    )


def _assess(charger: ChargerLike, now: datetime, stale_after: timedelta) -> Assessment:
    facts = charger_facts(charger, now, stale_after)
    fields = facts.fields()
    conditions: dict[IncidentKind, Condition] = {}
    for kind in IncidentKind:
        if not TRUSTED[kind](facts):
            conditions[kind] = _UNKNOWN[kind]
            continue
        if kind is IncidentKind.FAULT:
            conditions[kind] = _fault_condition(facts.own_fault)
            continue
        rule = next((r for r in _RULES_OF[kind] if r.when(facts)), None)
        if rule is None:
            conditions[kind] = _ABSENT[kind]
            continue
        span = facts.offline_for if kind is IncidentKind.OFFLINE else facts.heartbeat_age
        conditions[kind] = Condition(kind, True, rule.reason.format_map(fields), span=span)
    maintenance = any(r.when(facts) for r in _MAINTENANCE_RULES)
    return Assessment(
        verdict_from_facts(facts, fields),
        conditions,
        maintenance,
        _connector_faults(charger, facts),
    )


def _fault_condition(finding: Finding | None) -> Condition:
    if finding is None:
        return _ABSENT[IncidentKind.FAULT]
    return Condition(IncidentKind.FAULT, True, finding.text(), finding.error, finding.error_info)


def _connector_faults(charger: ChargerLike, facts: Facts) -> dict[int, Condition] | None:
    """Each connector's fault condition, when this data can tell (see Assessment)."""
    connectors = charger.connectors
    if connectors is None or not TRUSTED[IncidentKind.FAULT](facts) or facts.own_fault:
        return None
    found: dict[int, Condition] = {}
    for connector in connectors:
        if connector.connector_id is None:
            continue
        fault, _ = _finding(
            connector.connector_id, connector.status, connector.error, connector.error_info
        )
        found[connector.connector_id] = _fault_condition(fault)
    return found


# -- the fleet ------------------------------------------------------------------------------


def fleet_health(
    chargers: Iterable[ChargerLike], now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER
) -> list[HealthVerdict]:
    return [charger_health(c, now, stale_after) for c in chargers]


def count_by_level(verdicts: Iterable[HealthVerdict]) -> dict[Health, int]:
    """Chargers per level, every level present (zeros too), worst first: quick filters."""
    counts = dict.fromkeys(LABELS, 0)
    for verdict in verdicts:
        counts[verdict.level] += 1
    return counts


def format_counts(counts: Mapping[Health, int]) -> str:
    """Text like "Fault 2 · Offline 1 · OK 37" (levels with no chargers left out)."""
    parts = [f"{LABELS[level]} {counts[level]}" for level in LABELS if counts.get(level)]
    return " · ".join(parts) if parts else "No chargers"


def fleet_level(verdicts: Iterable[HealthVerdict]) -> Severity:
    """The worst severity in the fleet (OK for an empty fleet): the tray icon's state."""
    worst = Severity.OK
    for verdict in verdicts:
        if verdict.severity.rank > worst.rank:
            worst = verdict.severity
    return worst


# -- small helpers --------------------------------------------------------------------------


def as_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive datetime is taken as UTC (as the API models do)."""
    if moment.tzinfo is UTC:
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def describe_duration(span: timedelta) -> str:
    """A span in words: "40 s", "12 min", "3 h 5 min", "2 d 4 h" (negative is zero)."""
    seconds = max(0, int(span.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"
