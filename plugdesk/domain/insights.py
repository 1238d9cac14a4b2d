"""Aggregation for the Insights tab and the report: pure Python, no Qt, no I/O.

Everything is in the user's time zone (`Period.tz`), and a "day" is a local calendar day,
so a day can last 23 or 25 hours across a DST change. Rules, so a chart can be checked by
hand:

- Energy of a session is spread over its time evenly (pro rata): a 10 kWh session from
  22:00 to 02:00 puts 5 kWh on each day. Meter values would be more exact but cost a
  request per transaction; the pro-rata rule needs none. Energy that falls outside the
  period is not charted (`Insights.energy_outside_kwh` says how much).
- A session counts once, in "sessions per day", on the local day it started.
- Busy time (utilisation, heat map, charging hours) is the span of the transaction, from
  start to stop: plugged in and authorised, whether or not the car draws power. An active
  session is busy until `now` (or the end of the period).
- The heat map adds busy hours per (weekday, local hour). Across a DST change each real
  second lands in the local hour it showed on the clock: the skipped spring hour gets
  nothing, the repeated autumn hour gets both.
- Downtime of a charger is the union of its fault and offline incidents (a charger offline
  and faulted at once is down once), from when the condition was first seen
  (`first_seen_at`) until it closed, or until `now` while it is open; stale incidents (no
  news) are not downtime. Uptime = 1 - downtime / period length.
- Faults are fault incidents that started (first seen) in the period, counted by error code
  and by the charger's model and firmware as the charger reports them today (the incident
  history does not record the firmware at the time).

Sessions are fed in chunks (`Aggregator.add`), so the caller can run the work in slices
or in a worker thread and report progress; `aggregate` does it in one call.
"""

from __future__ import annotations

import bisect
import contextlib
import math
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise
from typing import Final, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from plugdesk.api.charger_models import MeterValue
from plugdesk.domain.store import Incident
from plugdesk.marks import QT_TRANSLATE_NOOP

NO_SITE: Final = "No site"
UNKNOWN: Final = "Unknown"
WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DOWN_KINDS: Final = frozenset({"fault", "offline"})
WORST_COUNT: Final = 10
Granularity = Literal["day", "week", "month"]
PresetName = Literal["this_month", "last_month", "last_30_days", "this_year"]
PRESETS: Final[dict[str, str]] = {
    "this_month": QT_TRANSLATE_NOOP("Insights", "This month"),
    "last_month": QT_TRANSLATE_NOOP("Insights", "Last month"),
    "last_30_days": QT_TRANSLATE_NOOP("Insights", "Last 30 days"),
    "this_year": QT_TRANSLATE_NOOP("Insights", "This year"),
}
_HOUR = 3600
_DAY = 86400


# -- input -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Session:
    """One transaction, reduced to what the charts need. Times are epoch seconds (UTC)."""

    charger_uuid: str
    connector: int | None
    started: float
    stopped: float | None  # None while active
    kwh: float  # 0.0 when unknown (an active session reports "0.00")


@dataclass(frozen=True, slots=True)
class ChargerFacts:
    """What the charts show about a charger besides its sessions."""

    uuid: str
    name: str
    site: str = NO_SITE
    model: str = UNKNOWN
    firmware: str = UNKNOWN
    connectors: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Downtime:
    """A fault or offline spell of one charger (from an incident of the local store)."""

    charger_uuid: str
    kind: str  # "fault", "offline" (others are ignored)
    started: datetime  # first seen
    ended: datetime | None  # None while open
    error_code: str | None = None


def session_of(
    charger_uuid: str,
    connector: int | None,
    started: datetime | None,
    stopped: datetime | None,
    kwh: float | None,
) -> Session | None:
    """A Session from transaction fields; None when it has no start time."""
    if started is None:
        return None
    return Session(
        charger_uuid,
        connector,
        _epoch(started),
        None if stopped is None else _epoch(stopped),
        kwh if kwh is not None and math.isfinite(kwh) else 0.0,
    )


def _epoch(moment: datetime) -> float:
    if moment.tzinfo is None:  # the API speaks UTC; a naive time can only mean UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


# -- the period ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Local calendar days `first`..`last` (inclusive) in zone `tz`."""

    first: date
    last: date
    tz: tzinfo

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(
                f"the period ends ({self.last.isoformat()}) before it starts "
                f"({self.first.isoformat()})"
            )

    @property
    def days(self) -> list[date]:
        count = (self.last - self.first).days + 1
        return [self.first + timedelta(days=offset) for offset in range(count)]

    def day_starts(self) -> list[float]:
        """Epoch seconds of each local midnight, plus the one after the last day."""
        return [self.midnight(day) for day in (*self.days, self.last + timedelta(days=1))]

    def midnight(self, day: date) -> float:
        return datetime.combine(day, time(), tzinfo=self.tz).timestamp()

    @property
    def start(self) -> float:
        return self.midnight(self.first)

    @property
    def end(self) -> float:
        return self.midnight(self.last + timedelta(days=1))

    def label(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()} – {self.last.isoformat()}"


def local_zone() -> tzinfo:
    """The user's time zone with its DST rules: $TZ, else the zone /etc/localtime points
    at (Linux, macOS), else the current fixed offset (Windows without tzdata)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for key in candidates:
        if key:
            with contextlib.suppress(ValueError, OSError, ZoneInfoNotFoundError):
                return ZoneInfo(key)
    return datetime.now().astimezone().tzinfo or UTC


def preset_period(name: str, today: date, tz: tzinfo) -> Period:
    """A preset ("this_month", "last_month", "last_30_days", "this_year") ending today."""
    if name == "this_month":
        return Period(today.replace(day=1), today, tz)
    if name == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return Period(last.replace(day=1), last, tz)
    if name == "last_30_days":
        return Period(today - timedelta(days=29), today, tz)
    if name == "this_year":
        return Period(date(today.year, 1, 1), today, tz)
    raise ValueError(f"unknown period preset {name!r}; known: {', '.join(PRESETS)}")


class _Clock:
    """Epoch seconds -> local seconds (epoch + UTC offset) for one period, fast: offsets
    change only at a few transitions, found once per period."""

    def __init__(self, period: Period) -> None:
        starts = period.day_starts()
        self.transitions: list[float] = []  # epoch seconds where the offset changes
        self.offsets: list[float] = [self._offset(starts[0], period.tz)]
        for begin, end in pairwise(starts):
            if self._offset(end - 1, period.tz) != self._offset(begin, period.tz):
                moment = self._find_change(begin, end - 1, period.tz)
                self.transitions.append(moment)
                self.offsets.append(self._offset(moment, period.tz))

    @staticmethod
    def _offset(epoch: float, tz: tzinfo) -> float:
        offset = datetime.fromtimestamp(epoch, tz).utcoffset()
        return offset.total_seconds() if offset is not None else 0.0

    def _find_change(self, low: float, high: float, tz: tzinfo) -> float:
        """The first second whose offset differs from `low`'s (bisection, whole seconds)."""
        before = self._offset(low, tz)
        lo, hi = int(low), int(high)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if self._offset(mid, tz) == before:
                lo = mid
            else:
                hi = mid
        return float(hi)

    def pieces(self, start: float, stop: float) -> list[tuple[float, float, float]]:
        """[start, stop) cut at offset changes: (start, stop, offset) pieces."""
        index = bisect.bisect_right(self.transitions, start)
        pieces: list[tuple[float, float, float]] = []
        while index < len(self.transitions) and self.transitions[index] < stop:
            cut = self.transitions[index]
            pieces.append((start, cut, self.offsets[index]))
            start = cut
            index += 1
        pieces.append((start, stop, self.offsets[index]))
        return pieces


# -- output ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConnectorUse:
    charger_uuid: str
    charger_name: str
    site: str
    connector: int | None
    busy_seconds: float
    share: float  # busy / period length, 0..1


@dataclass(frozen=True, slots=True)
class ChargerUptime:
    charger_uuid: str
    charger_name: str
    site: str
    down_seconds: float
    uptime: float  # 0..1
    incidents: int


@dataclass
class Insights:
    """Every chart's figures for one period (see the module doc for the rules)."""

    period: Period
    days: list[date]
    sites: list[str]  # in chart order (most energy first)
    energy_by_site: dict[str, list[float]]  # site -> kWh per day
    sessions_per_day: list[int]
    sessions: int
    energy_kwh: float  # charted (inside the period)
    energy_outside_kwh: float
    busy_hours: float
    utilisation: list[ConnectorUse]
    heatmap: list[list[float]]  # [weekday 0=Mon][hour] busy hours
    availability: list[ChargerUptime]  # worst first
    site_uptime: dict[str, float]
    faults_by_code: list[tuple[str, int]]
    faults_by_model: list[tuple[str, int]]
    faults_by_firmware: list[tuple[str, int]]
    fault_count: int = 0
    chargers: int = 0
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def worst(self) -> list[ChargerUptime]:
        return self.availability[:WORST_COUNT]

    def energy_by(self, granularity: Granularity) -> tuple[list[str], dict[str, list[float]]]:
        """Bucket labels and kWh per site per bucket: days, ISO weeks or months."""
        if granularity == "day":  # day numbers: short enough for a month of bars
            return [str(day.day) for day in self.days], self.energy_by_site
        keys = [_bucket(day, granularity) for day in self.days]
        labels = list(dict.fromkeys(keys))
        where = {label: index for index, label in enumerate(labels)}
        result: dict[str, list[float]] = {}
        for site, per_day in self.energy_by_site.items():
            buckets = [0.0] * len(labels)
            for key, kwh in zip(keys, per_day, strict=True):
                buckets[where[key]] += kwh
            result[site] = buckets
        return labels, result

    def site_energy(self) -> dict[str, float]:
        return {site: sum(values) for site, values in self.energy_by_site.items()}


def _bucket(day: date, granularity: Granularity) -> str:
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"W{week:02d}" if year == day.year else f"W{week:02d} {year}"
    return f"{day:%b %Y}"


# -- the work --------------------------------------------------------------------------------


class Aggregator:
    """Feed sessions with `add` (any number of chunks), then `finish` with incidents."""

    def __init__(self, period: Period, chargers: Iterable[ChargerFacts], now: datetime) -> None:
        self.period = period
        self.chargers = {facts.uuid: facts for facts in chargers}
        self._day_lists: dict[str, list[float]] = {}  # charger -> its site's kWh per day
        self.now = min(_epoch(now), period.end)
        self._start, self._end = period.start, period.end
        self._day_starts = period.day_starts()
        self._clock = _Clock(period)
        self._local_start = self._start + self._clock.offsets[0]
        self._first_hour = int(self._local_start // _HOUR)
        hours = int((self._end + max(self._clock.offsets)) // _HOUR) - self._first_hour + 2
        self._hour_full = [0] * (hours + 1)  # difference array of whole busy hours
        self._hour_part = [0.0] * (hours + 1)  # partial hours, in seconds
        days = len(self._day_starts) - 1
        self._energy: dict[str, list[float]] = {}
        self._sessions_per_day = [0] * days
        self._busy: dict[tuple[str, int | None], float] = {}
        self._outside = 0.0
        self._charted = 0.0
        self._busy_total = 0.0
        self.seen = 0

    def add(self, sessions: Iterable[Session]) -> None:
        """One tight loop (100,000 sessions in a fraction of a second): the common case, a
        session inside one day and no DST change, takes no function call but bisect."""
        bisect_right = bisect.bisect_right
        starts, days = self._day_starts, len(self._sessions_per_day)
        period_start, period_end, now = self._start, self._end, self.now
        counts, busy, day_lists = self._sessions_per_day, self._busy, self._day_lists
        clock = self._clock
        transitions, offsets = clock.transitions, clock.offsets
        one_offset = offsets[0] if not transitions else None
        hour_part, hour_full, first_hour = self._hour_part, self._hour_full, self._first_hour
        charted = busy_total = 0.0
        seen = 0
        for session in sessions:
            seen += 1
            start, stop, kwh = session.started, session.stopped, session.kwh
            if stop is None:
                stop = now if now > start else start
            day = bisect_right(starts, start) - 1
            if 0 <= day < days:
                counts[day] += 1
            if kwh:
                per_day = day_lists.get(session.charger_uuid)
                if per_day is None:
                    per_day = self._day_list(session.charger_uuid)
                if 0 <= day < days and stop <= starts[day + 1]:
                    per_day[day] += kwh
                    charted += kwh
                else:
                    charted += self._spread_energy(kwh, start, stop, per_day)
            begin = start if start > period_start else period_start
            end = stop if stop < period_end else period_end
            if end <= begin:
                continue
            key = (session.charger_uuid, session.connector)
            busy[key] = busy.get(key, 0.0) + (end - begin)
            busy_total += end - begin
            if one_offset is None:
                cut = bisect_right(transitions, begin)
                if cut < len(transitions) and transitions[cut] < end:  # across a DST change
                    for piece_start, piece_stop, offset in clock.pieces(begin, end):
                        self._add_hours(piece_start + offset, piece_stop + offset)
                    continue
                offset = offsets[cut]
            else:
                offset = one_offset
            # _add_hours, inlined: whole hours through the difference array.
            local_start, local_stop = begin + offset, end + offset
            first = int(local_start // 3600) - first_hour
            last = int(local_stop // 3600) - first_hour
            if first == last:
                hour_part[first] += local_stop - local_start
            else:
                hour_part[first] += (first + 1 + first_hour) * 3600 - local_start
                hour_part[last] += local_stop - (last + first_hour) * 3600
                if last > first + 1:
                    hour_full[first + 1] += 1
                    hour_full[last] -= 1
        self._charted += charted
        self._busy_total += busy_total
        self.seen += seen

    def _day_list(self, charger_uuid: str) -> list[float]:
        """The kWh-per-day list of the charger's site, made on first use."""
        facts = self.chargers.get(charger_uuid)
        site = facts.site if facts is not None else NO_SITE
        per_day = self._energy.get(site)
        if per_day is None:
            per_day = self._energy[site] = [0.0] * len(self._sessions_per_day)
        self._day_lists[charger_uuid] = per_day
        return per_day

    def _spread_energy(self, kwh: float, start: float, stop: float, per_day: list[float]) -> float:
        """Spread `kwh` pro rata over the days [start, stop) overlaps; returns the part
        that landed inside the period (the rest is counted as outside)."""
        starts = self._day_starts
        if stop <= start:  # no duration, outside the period (the caller took the rest)
            self._outside += kwh
            return 0.0
        rate = kwh / (stop - start)
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        charted = 0.0
        while index < len(per_day) and starts[index] < stop:
            overlap = min(stop, starts[index + 1]) - max(start, starts[index])
            if overlap > 0:
                share = rate * overlap
                per_day[index] += share
                charted += share
            index += 1
        self._outside += kwh - charted
        return charted

    def _add_hours(self, local_start: float, local_stop: float) -> None:
        """Busy seconds into local hours: whole hours through the difference array."""
        first = int(local_start // _HOUR) - self._first_hour
        last = int(local_stop // _HOUR) - self._first_hour
        if first == last:
            self._hour_part[first] += local_stop - local_start
            return
        self._hour_part[first] += (first + 1 + self._first_hour) * _HOUR - local_start
        self._hour_part[last] += local_stop - (last + self._first_hour) * _HOUR
        if last > first + 1:
            self._hour_full[first + 1] += 1
            self._hour_full[last] -= 1

    # -- results ---------------------------------------------------------------------------

    def finish(self, downtimes: Iterable[Downtime] = ()) -> Insights:
        length = self._end - self._start
        energy = self._energy
        sites = sorted(energy, key=lambda site: (-sum(energy[site]), site.casefold()))
        for facts in self.chargers.values():  # sites without sessions still show up
            if facts.site not in energy:
                energy[facts.site] = [0.0] * len(self._sessions_per_day)
                sites.append(facts.site)
        downtimes = list(downtimes)
        availability = self._availability(downtimes, length)
        by_code, by_model, by_firmware, faults = self._faults(downtimes)
        return Insights(
            period=self.period,
            days=self.period.days,
            sites=sites,
            energy_by_site={site: energy[site] for site in sites},
            sessions_per_day=list(self._sessions_per_day),
            sessions=sum(self._sessions_per_day),
            energy_kwh=self._charted,
            energy_outside_kwh=self._outside,
            busy_hours=self._busy_total / _HOUR,
            utilisation=self._utilisation(length),
            heatmap=self._heatmap(),
            availability=availability,
            site_uptime=_site_uptime(availability),
            faults_by_code=by_code,
            faults_by_model=by_model,
            faults_by_firmware=by_firmware,
            fault_count=faults,
            chargers=len(self.chargers),
        )

    def _facts(self, uuid: str) -> ChargerFacts:
        return self.chargers.get(uuid) or ChargerFacts(uuid, uuid)

    def _utilisation(self, length: float) -> list[ConnectorUse]:
        busy = dict(self._busy)
        for facts in self.chargers.values():  # idle connectors show as 0 %
            for number in facts.connectors:
                busy.setdefault((facts.uuid, number), 0.0)
        rows = []
        for (uuid, connector), seconds in busy.items():
            facts = self._facts(uuid)
            rows.append(
                ConnectorUse(uuid, facts.name, facts.site, connector, seconds, seconds / length)
            )
        rows.sort(key=lambda row: (-row.share, row.charger_name.casefold(), row.connector or 0))
        return rows

    def _heatmap(self) -> list[list[float]]:
        grid = [[0.0] * 24 for _ in range(7)]
        running = 0
        for index, part in enumerate(self._hour_part):
            running += self._hour_full[index]
            seconds = running * _HOUR + part
            if not seconds:
                continue
            hour = self._first_hour + index
            weekday = (hour // 24 + 3) % 7  # 1970-01-01 was a Thursday (Monday = 0)
            grid[weekday][hour % 24] += seconds / _HOUR
        return grid

    def _availability(self, downtimes: list[Downtime], length: float) -> list[ChargerUptime]:
        spells: dict[str, list[tuple[float, float]]] = {uuid: [] for uuid in self.chargers}
        counts: Counter[str] = Counter()
        for spell in downtimes:
            if spell.kind not in DOWN_KINDS:
                continue
            begin = max(_epoch(spell.started), self._start)
            end = min(self.now if spell.ended is None else _epoch(spell.ended), self._end)
            if end <= begin:
                continue
            spells.setdefault(spell.charger_uuid, []).append((begin, end))
            counts[spell.charger_uuid] += 1
        rows = []
        for uuid, intervals in spells.items():
            down = _union_length(intervals)
            facts = self._facts(uuid)
            uptime = max(0.0, 1.0 - down / length)
            rows.append(ChargerUptime(uuid, facts.name, facts.site, down, uptime, counts[uuid]))
        rows.sort(key=lambda row: (row.uptime, -row.incidents, row.charger_name.casefold()))
        return rows

    def _faults(
        self, downtimes: list[Downtime]
    ) -> tuple[list[tuple[str, int]], list[tuple[str, int]], list[tuple[str, int]], int]:
        codes: Counter[str] = Counter()
        models: Counter[str] = Counter()
        firmware: Counter[str] = Counter()
        for spell in downtimes:
            if spell.kind != "fault" or not self._start <= _epoch(spell.started) < self._end:
                continue
            facts = self._facts(spell.charger_uuid)
            codes[spell.error_code or UNKNOWN] += 1
            models[facts.model] += 1
            firmware[facts.firmware] += 1
        total = sum(codes.values())
        return _ranked(codes), _ranked(models), _ranked(firmware), total


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0].casefold()))


def _union_length(intervals: list[tuple[float, float]]) -> float:
    total = 0.0
    end = -math.inf
    for begin, stop in sorted(intervals):
        if stop <= end:
            continue
        total += stop - max(begin, end)
        end = stop
    return total


def _site_uptime(rows: Sequence[ChargerUptime]) -> dict[str, float]:
    """Each site's uptime: the mean of its chargers' (every charger counts the same time)."""
    per_site: dict[str, list[float]] = {}
    for row in rows:
        per_site.setdefault(row.site, []).append(row.uptime)
    return {site: sum(values) / len(values) for site, values in sorted(per_site.items())}


def aggregate(
    sessions: Iterable[Session],
    period: Period,
    chargers: Iterable[ChargerFacts],
    downtimes: Iterable[Downtime] = (),
    *,
    now: datetime,
) -> Insights:
    """Every chart of the Insights tab in one call."""
    work = Aggregator(period, chargers, now)
    work.add(sessions)
    return work.finish(downtimes)


def downtimes_from_incidents(incidents: Iterable[Incident]) -> list[Downtime]:
    """Downtime spells from the local store's incident history."""
    return [
        Downtime(
            incident.charger_uuid,
            incident.kind,
            incident.first_seen_at,
            incident.closed_at,
            incident.error_code,
        )
        for incident in incidents
    ]


def chunked(items: Sequence[Session], size: int) -> Iterable[Sequence[Session]]:
    for begin in range(0, len(items), size):
        yield items[begin : begin + size]


def facts_by_uuid(chargers: Iterable[ChargerFacts]) -> Mapping[str, ChargerFacts]:
    return {facts.uuid: facts for facts in chargers}


# -- a transaction's power curve -------------------------------------------------------------

POWER = "Power.Active.Import"
ENERGY = "Energy.Active.Import.Register"


def power_curve(
    values: Iterable[MeterValue], transaction_id: int | None
) -> tuple[list[tuple[datetime, float]], str]:
    """(moment, kW) points of one transaction from its stored meter values, and where
    they came from. Power readings are used when there are any (phases of one moment
    added up); otherwise power is derived from the energy register (kWh between two
    readings / the hours between them). Readings of other transactions are left out."""
    mine = [v for v in values if v.timestamp is not None and v.number is not None]
    if transaction_id is not None and any(v.charger_transaction_id for v in mine):
        mine = [v for v in mine if v.charger_transaction_id == transaction_id]
    power = [v for v in mine if v.measurand == POWER]
    if power:
        return _summed_power(power), "power readings"
    energy = [v for v in mine if (v.measurand or ENERGY) == ENERGY and not v.phase]
    return _derived_power(energy), "derived from the energy register"


def _kilo(value: MeterValue) -> float:
    number = value.number or 0.0
    unit = (value.unit or "").casefold()
    return number if unit.startswith("k") else number / 1000.0


def _summed_power(values: list[MeterValue]) -> list[tuple[datetime, float]]:
    per_moment: dict[datetime, float] = {}
    has_total = {v.timestamp for v in values if not v.phase}
    for value in values:
        assert value.timestamp is not None
        if value.phase and value.timestamp in has_total:
            continue  # the total of that moment is there: do not add its phases to it
        per_moment[value.timestamp] = per_moment.get(value.timestamp, 0.0) + _kilo(value)
    return sorted(per_moment.items())


def _derived_power(values: list[MeterValue]) -> list[tuple[datetime, float]]:
    readings = sorted((v.timestamp, _kilo(v)) for v in values if v.timestamp is not None)
    points = []
    for (before, kwh_before), (after, kwh_after) in pairwise(readings):
        hours = (after - before).total_seconds() / 3600
        if hours > 0 and kwh_after >= kwh_before:
            points.append((after, (kwh_after - kwh_before) / hours))
    return points
