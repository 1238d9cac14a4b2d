"""Charging transactions: a compact, lazily generated history per charger plus live ones.

History is generated deterministically from (seed, charger index) the first time anyone
asks for it, into parallel arrays (a 100,000-transaction charger costs a few MB and a few
tenths of a second), and turned into API dicts only for the 25 rows a page shows.

Ordering (our choice; the docs do not say): newest first by `started_at`, ties by id.
"""

from __future__ import annotations

import bisect
import random
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from plugdesk.simulator.catalog import STOP_REASONS, STOP_WEIGHTS
from plugdesk.simulator.util import derive, iso_z

_HISTORY_PURPOSE = 0x4849_5354  # "HIST"
_REASON_INDEX = {reason: i for i, reason in enumerate(STOP_REASONS)}
_AC_CAR_KW = (3.7, 7.4, 11.0, 11.0, 22.0)
_DC_CAR_KW = (50.0, 100.0, 150.0, 150.0)


def total_kwh_value(tx_id: int, wh: int) -> float | str:
    """The docs call `total_kwh` a number but the examples show `"7.00"`: serve both."""
    kwh = wh / 1000
    return round(kwh, 3) if tx_id % 4 == 0 else f"{kwh:.2f}"


class Tx:
    """A live (or test-added) transaction. Energy accrues at `kw` from `start_ts` until
    `charge_end_ts` (car full or stopped); `wh_final` freezes it at stop."""

    __slots__ = (
        "charge_end_ts",
        "connector_db_id",
        "connector_index",
        "id",
        "id_tag",
        "is_valid",
        "kw",
        "kw_changes",
        "meter_start",
        "overrides",
        "reservation_id",
        "start_ts",
        "stop_reason",
        "stop_ts",
        "wh_final",
    )

    def __init__(
        self,
        tx_id: int,
        connector_index: int,
        connector_db_id: int,
        id_tag: str,
        meter_start: int,
        start_ts: float,
        kw: float,
    ) -> None:
        self.id = tx_id
        self.connector_index = connector_index
        self.connector_db_id = connector_db_id
        self.id_tag = id_tag
        self.meter_start = meter_start
        self.start_ts = start_ts
        self.kw = kw
        self.kw_changes: list[tuple[float, float]] | None = None  # (since, kW) after a limit
        self.charge_end_ts: float | None = None
        self.stop_ts: float | None = None
        self.wh_final: int | None = None
        self.stop_reason: str | None = None
        self.is_valid = True
        self.reservation_id: int | None = None
        self.overrides: dict[str, Any] = {}

    def wh_at(self, now: float) -> int:
        if self.wh_final is not None:
            return self.wh_final
        return self.energy_at(now)

    def energy_at(self, t: float) -> int:
        """Wh delivered by `t` (meter values sample this; at the stop it is `wh_final`)."""
        end = t if self.charge_end_ts is None else min(self.charge_end_ts, t)
        if self.stop_ts is not None:
            end = min(end, self.stop_ts)
        if not self.kw_changes:
            return max(0, int((end - self.start_ts) * self.kw / 3.6))
        total, since, kw = 0.0, self.start_ts, self.kw_changes[0][1]
        for at, new_kw in self.kw_changes[1:]:
            if at >= end:
                break
            total += (at - since) * kw
            since, kw = at, new_kw
        total += max(0.0, end - since) * kw
        return max(0, int(total / 3.6))

    def set_kw(self, ts: float, kw: float) -> None:
        """A charge limit changes the power from `ts` on (energy before it stays)."""
        if self.kw_changes is None:
            self.kw_changes = [(self.start_ts, self.kw)]
        self.kw_changes.append((ts, kw))
        self.kw = kw

    def finish(self, ts: float, reason: str | None) -> int:
        wh = self.wh_at(ts)
        self.stop_ts = ts
        self.wh_final = wh
        self.stop_reason = reason
        self.is_valid = wh >= 50 or reason not in ("DeAuthorized", "EVDisconnected")
        return wh

    def to_api(self, charger_id: int) -> dict[str, Any]:
        stopped = self.stop_ts is not None
        wh = self.wh_final if self.wh_final is not None else 0
        item: dict[str, Any] = {
            "id": self.id,
            "charger_id": charger_id,
            "charger_connector_id": self.connector_db_id,
            "reservation_id": self.reservation_id,
            "id_tag": self.id_tag,
            "meter_start": self.meter_start,
            "meter_stop": self.meter_start + wh if stopped else None,
            "total_kwh": total_kwh_value(self.id, wh) if stopped else None,
            "started_at": iso_z(self.start_ts),
            "stopped_at": iso_z(self.stop_ts) if self.stop_ts is not None else None,
            "stop_reason": self.stop_reason,
            "is_valid": self.is_valid,
            "created_at": iso_z(self.start_ts),
            "updated_at": iso_z(self.stop_ts if self.stop_ts is not None else self.start_ts),
        }
        item.update(self.overrides)
        return item


@dataclass(frozen=True)
class HistoryConnector:
    db_id: int
    meter_at_end: int  # Wh register when the history ends (the live meter starts here)
    max_kw: float


class History:
    """Finished transactions of one charger, oldest first, in parallel arrays."""

    def __init__(self, id_base: int, tags: Sequence[str], conn_ids: Sequence[int]) -> None:
        self.id_base = id_base
        self.tags = list(tags)
        self.conn_ids = list(conn_ids)
        self.starts = array("d")
        self.stops = array("d")
        self.wh = array("q")
        self.meter_start = array("q")
        self.conn = array("b")
        self.tag = array("h")
        self.reason = array("b")
        self.flags = array("b")  # bit 0: is_valid, bit 1: has a reservation

    def __len__(self) -> int:
        return len(self.starts)

    def to_api(self, k: int, charger_id: int) -> dict[str, Any]:
        tx_id = self.id_base + k
        start, stop, wh, meter = self.starts[k], self.stops[k], self.wh[k], self.meter_start[k]
        flags = self.flags[k]
        return {
            "id": tx_id,
            "charger_id": charger_id,
            "charger_connector_id": self.conn_ids[self.conn[k]],
            "reservation_id": 1000 + tx_id % 9000 if flags & 2 else None,
            "id_tag": self.tags[self.tag[k]],
            "meter_start": meter,
            "meter_stop": meter + wh,
            "total_kwh": total_kwh_value(tx_id, wh),
            "started_at": iso_z(start),
            "stopped_at": iso_z(stop),
            "stop_reason": STOP_REASONS[self.reason[k]],
            "is_valid": bool(flags & 1),
            "created_at": iso_z(start),
            "updated_at": iso_z(stop),
        }


def generate_history(
    *,
    seed: int,
    index: int,
    count: int,
    id_base: int,
    span: tuple[float, float],
    connectors: Sequence[HistoryConnector],
    session_minutes: tuple[float, float],
    dc: bool,
    tags: Sequence[str],
    floor: float | None = None,
) -> History:
    """`count` finished sessions spread over `span`, never overlapping on a connector,
    with meter registers that run continuously into the live meter of each connector.

    Nothing starts before `floor` (the charger's creation) when one is given; without
    it the history may reach back further than `span` (the caller then moves
    `created_at`)."""
    history = History(id_base, tags, [c.db_id for c in connectors])
    if count <= 0 or not connectors:
        return history
    rng = random.Random(derive(seed, index, _HISTORY_PURPOSE))
    rand, uniform, expo = rng.random, rng.uniform, rng.expovariate
    span_start, span_end = span
    mean_gap = max(span_end - span_start, 3600.0) / count
    busy = [span_start] * len(connectors)
    car_kw = _DC_CAR_KW if dc else _AC_CAR_KW
    low, high = session_minutes
    n_tags = len(tags)
    reasons = [_REASON_INDEX[r] for r in STOP_REASONS]
    weights = list(STOP_WEIGHTS)
    t = span_start
    for _ in range(count):
        t += expo(1.0 / mean_gap)
        c = min(range(len(connectors)), key=busy.__getitem__)
        if busy[c] > t:
            t = busy[c] + uniform(60, 900)
        start = float(int(t))
        minutes = uniform(low, high)
        stop = start + int(minutes * 60)
        busy[c] = stop
        kw = min(connectors[c].max_kw, car_kw[int(rand() * len(car_kw))])
        reason = rng.choices(reasons, weights)[0]
        if rand() < 0.03 or STOP_REASONS[reason] == "DeAuthorized":
            wh, valid = int(rand() * 40), False  # unplugged at once or tag refused
        else:
            target_kwh = uniform(15, 70) if dc else uniform(4, 55)
            wh, valid = int(min(kw * minutes / 60, target_kwh) * 1000), True
        history.starts.append(start)
        history.stops.append(stop)
        history.wh.append(wh)
        history.conn.append(c)
        # Regular drivers: the first few tags of the pool take most sessions.
        history.tag.append(min(int(expo(1.0 / max(n_tags / 3, 1))), n_tags - 1))
        history.reason.append(reason)
        history.flags.append((1 if valid else 0) | (2 if rand() < 0.02 else 0))
    _fit(history, span_end, floor)
    _assign_meters(history, connectors)
    return history


def _fit(history: History, end: float, floor: float | None) -> None:
    """Move the sessions back so the last one stops by `end`; squeeze them (gaps and
    durations alike) if that would start them before `floor`."""
    overshoot = max(history.stops) - end
    if overshoot <= 0:
        return
    first = history.starts[0]
    starts, stops = history.starts, history.stops
    if floor is None or first - overshoot >= floor:
        shift = float(int(overshoot) + 1)
        for k in range(len(history)):
            starts[k] -= shift
            stops[k] -= shift
        return
    scale = (end - floor) / (max(stops) - first)
    for k in range(len(history)):
        starts[k] = float(int(floor + (starts[k] - first) * scale))
        stops[k] = float(int(floor + (stops[k] - first) * scale))


def _assign_meters(history: History, connectors: Sequence[HistoryConnector]) -> None:
    registers = [c.meter_at_end for c in connectors]
    meters = [0] * len(history)
    for k in range(len(history) - 1, -1, -1):
        c = history.conn[k]
        registers[c] -= history.wh[k]
        meters[k] = registers[c]
    history.meter_start = array("q", meters)


# -- queries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TxQuery:
    """Validated filters. `stopped_until` is an inclusive bound on `stopped_at`."""

    status: str | None = None  # "active" | "finished"
    started_from: float | None = None
    stopped_until: float | None = None

    @property
    def unfiltered(self) -> bool:
        return self.status is None and self.started_from is None and self.stopped_until is None


Ref = int  # >= 0: index into History; < 0: ~index into the extras list


class TxStore:
    """One charger's transactions: history (lazy) + live/added ones, served newest first."""

    def __init__(self) -> None:
        self.history: History | None = None
        self.extras: list[Tx] = []  # sorted by (start_ts, id)
        self._extra_keys: list[tuple[float, int]] = []
        self.version = 0
        self._cache: dict[tuple[TxQuery, int], list[Ref]] = {}

    def add(self, tx: Tx) -> None:
        key = (tx.start_ts, tx.id)
        at = bisect.bisect(self._extra_keys, key)
        self._extra_keys.insert(at, key)
        self.extras.insert(at, tx)
        self.changed()

    def changed(self) -> None:
        self.version += 1
        self._cache.clear()

    def active(self) -> list[Tx]:
        return [tx for tx in self.extras if tx.stop_ts is None]

    def window(self, query: TxQuery, offset: int, count: int) -> tuple[list[Ref], int]:
        """Refs for rows offset..offset+count (newest first) and the total matching."""
        history = self.history
        n_hist = len(history) if history is not None else 0
        simple = not self.extras or history is None or n_hist == 0
        if not simple and history is not None:
            simple = self._extra_keys[0][0] >= history.starts[n_hist - 1]
        if query.unfiltered and simple:
            total = n_hist + len(self.extras)
            refs: list[Ref] = []
            for position in range(offset, min(offset + count, total)):
                if position < len(self.extras):
                    refs.append(~(len(self.extras) - 1 - position))
                else:
                    refs.append(n_hist - 1 - (position - len(self.extras)))
            return refs, total
        ordered = self._filtered(query)
        return ordered[offset : offset + count], len(ordered)

    def _filtered(self, query: TxQuery) -> list[Ref]:
        key = (query, self.version)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        merged: list[tuple[float, int, Ref]] = []
        history = self.history
        if history is not None and query.status != "active":
            starts, stops = history.starts, history.stops
            first = 0
            if query.started_from is not None:
                first = bisect.bisect_left(starts, query.started_from)
            until = query.stopped_until
            merged.extend(
                (starts[k], history.id_base + k, k)
                for k in range(first, len(history))
                if until is None or stops[k] <= until
            )
        for i, tx in enumerate(self.extras):
            if _matches(tx, query):
                merged.append((tx.start_ts, tx.id, ~i))
        merged.sort(reverse=True)
        result = [ref for _, _, ref in merged]
        if len(self._cache) > 8:
            self._cache.clear()
        self._cache[key] = result
        return result

    def render(self, ref: Ref, charger_id: int) -> dict[str, Any]:
        if ref >= 0:
            assert self.history is not None
            return self.history.to_api(ref, charger_id)
        return self.extras[~ref].to_api(charger_id)

    def all_refs(self) -> list[Ref]:
        refs, _ = self.window(TxQuery(), 0, 1 << 62)
        return refs


def _matches(tx: Tx, query: TxQuery) -> bool:
    if query.status == "active" and tx.stop_ts is not None:
        return False
    if query.status == "finished" and tx.stop_ts is None:
        return False
    if query.started_from is not None and tx.start_ts < query.started_from:
        return False
    return query.stopped_until is None or (
        tx.stop_ts is not None and tx.stop_ts <= query.stopped_until
    )
