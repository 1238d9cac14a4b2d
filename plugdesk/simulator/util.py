"""Small helpers shared by the simulator modules: a seeded counter-based random source,
the simulated clock, and the timestamp formats the API uses.

The simulator must not import anything from `plugdesk.api` or above: it encodes the API
contract on its own, so a misunderstanding in the client shows up as a failing test.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TypeVar

T = TypeVar("T")

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def mix64(value: int) -> int:
    """SplitMix64 finaliser: a well-spread 64-bit hash of an integer."""
    value = (value + _GOLDEN) & _MASK
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & _MASK
    return value ^ (value >> 31)


def derive(*keys: int) -> int:
    """One 64-bit seed from several integers (seed, charger index, purpose, counter...)."""
    state = 0
    for key in keys:
        state = mix64(state ^ (key & _MASK))
    return state


class Rng:
    """A tiny SplitMix64 generator.

    Fleet events draw from a fresh `Rng(derive(seed, charger, counter))` so that what
    happens to one charger never depends on how many draws another charger made: the
    fleet at simulated time T is the same whatever order requests arrived in."""

    __slots__ = ("_state",)

    def __init__(self, seed: int) -> None:
        self._state = seed & _MASK

    def next64(self) -> int:
        self._state = (self._state + _GOLDEN) & _MASK
        z = self._state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        return (self.next64() >> 11) * (1.0 / (1 << 53))

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def randint(self, low: int, high: int) -> int:
        return low + self.next64() % (high - low + 1)

    def chance(self, probability: float) -> bool:
        return self.random() < probability

    def expo(self, mean: float) -> float:
        return -mean * math.log(1.0 - self.random())

    def choice(self, items: Sequence[T]) -> T:
        return items[self.next64() % len(items)]

    def weighted(self, items: Sequence[T], weights: Sequence[float]) -> T:
        point = self.random() * sum(weights)
        for item, weight in zip(items, weights, strict=True):
            point -= weight
            if point < 0:
                return item
        return items[-1]


# -- time -------------------------------------------------------------------------------


def iso_z(ts: float) -> str:
    """Laravel's default JSON date format: `2024-05-01T12:34:56.000000Z`."""
    return time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime(ts))


def iso_offset(ts: float) -> str:
    """The other ISO 8601 UTC spelling the API uses: `2024-05-01T12:34:56+00:00`."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(ts))


def iso_z_or_none(ts: float | None) -> str | None:
    return None if ts is None else iso_z(ts)


def iso_offset_or_none(ts: float | None) -> str | None:
    return None if ts is None else iso_offset(ts)


def to_datetime(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def to_timestamp(value: datetime | str | float | int) -> float:
    """Seconds since the epoch from a datetime (naive = UTC), ISO text or a number."""
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


class SimClock:
    """Simulated UTC time: start + real elapsed * time_scale + manual advance.

    A time_scale of 0 freezes the clock so that only `advance` moves it (tests that
    compare two simulators use that)."""

    def __init__(self, start_ts: float, time_scale: float) -> None:
        if time_scale < 0 or not math.isfinite(time_scale):
            raise ValueError(f"time_scale must be a finite number >= 0, not {time_scale}")
        self.start_ts = start_ts
        self.time_scale = time_scale
        self._real_origin = time.monotonic()
        self._advanced = 0.0
        self._lock = threading.Lock()

    def now_ts(self) -> float:
        with self._lock:
            elapsed = (time.monotonic() - self._real_origin) * self.time_scale
            return self.start_ts + elapsed + self._advanced

    def advance(self, seconds: float) -> None:
        if seconds < 0 or not math.isfinite(seconds):
            raise ValueError(f"can only advance by a finite number of seconds >= 0, not {seconds}")
        with self._lock:
            self._advanced += seconds

    def real_seconds(self, sim_seconds: float) -> float:
        """How long `sim_seconds` of simulated time take in real time (for Retry-After)."""
        if self.time_scale <= 0:
            return sim_seconds
        return sim_seconds / self.time_scale
