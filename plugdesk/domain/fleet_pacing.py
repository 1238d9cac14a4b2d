"""How fast to re-read a large fleet's charger list: every fault seen within a minute, on
less than half of the API's request budget. A pure scheduler driven by a clock.

The arithmetic that decides it (API.md): the list comes 25 chargers a page, an account
may make 500 requests a minute, and nothing in the API says "what changed since": no
ETag or If-Modified-Since, no change feed, no filter or sort on `GET /chargers` (team
lists have them, but need a team id PlugDesk does not have). So a fault on any charger is
seen only when its page is read again, and the only way to see every fault within
`latency_target` seconds is to read every page at least once per `latency_target`. For
5,000 chargers that is 200 pages, at least 200 requests a minute: 40 % of the budget is
the floor for a one-minute fault latency, whatever the strategy. The pacer stays just
above that floor:

- Pace: the whole list once per `cycle` seconds, cycle = max(`interval`, pages / cap),
  cap = `share` x the budget (45 %: 225 requests a minute). 2 pages: the user's 30 s;
  200 pages: 53 s instead of 30 s (which would cost 400 a minute). Only when even the
  cap would miss the latency target (fleets above ~5,100 chargers) does it spend more, up
  to `hard_share`, and `expected_latency()` says so.
- Spread: a fleet of more than `burst_pages` pages is not read in one burst per cycle
  (200 requests at once, then a long silence) but a few pages every `tick` seconds, going
  round the list continuously. The rest of the budget stays free at every moment for the
  user's own requests (a 10,000-transaction charger is 400 pages), and the window gets
  news every tick instead of every minute. Smaller fleets are read in one go per cycle.
- Trouble: a 429 pauses everything until Retry-After and doubles the cycle (each clean
  sweep halves it again); a failed request waits tick x 2^n (at most `max_failure_wait`).
- F5 (`hurry`): the rest of the current sweep goes out now.

`SweepMerge` keeps the fleet assembled from pages read at different moments: chargers
are keyed by UUID, keep their place, and one that is missing from two complete sweeps in
a row is gone (one miss can be a page boundary shifting under a deletion).

Times are clock seconds (monotonic); nothing here sleeps or does I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Final, Generic, Protocol, TypeVar

# A page count big enough to mean "to the end of the sweep".
REST_OF_SWEEP: Final = 1_000_000


@dataclass(frozen=True)
class FleetPaceSettings:
    interval: float = 30.0  # the user's refresh interval: never re-read the list faster
    latency_target: float = 60.0  # a fault should show within this many seconds
    budget_per_window: int = 500  # the account's request limit (API.md: 500 a minute)
    window: float = 60.0  # ... per this many seconds
    share: float = 0.45  # the part of the budget watching the fleet may normally use
    hard_share: float = 0.8  # never more, even when the latency target needs it
    burst_pages: int = 8  # fleets up to this many pages are read in one go per cycle
    tick: float = 3.0  # spread mode: seconds between batches of pages (and fleet updates)
    margin: float = 2.0  # slack for request time when checking the latency target
    max_backoff: float = 8.0  # slowest pace after 429s: cycle x 8
    max_failure_wait: float = 300.0  # longest wait after repeated failures

    def scaled(self, factor: float) -> FleetPaceSettings:
        """Every duration multiplied by `factor` (a time-scaled simulator runs a minute in
        a few seconds)."""
        return replace(
            self,
            interval=self.interval * factor,
            latency_target=self.latency_target * factor,
            window=self.window * factor,
            tick=self.tick * factor,
            margin=self.margin * factor,
            max_failure_wait=self.max_failure_wait * factor,
        )


@dataclass
class FleetPacer:
    """Decides how many list pages to read now. The monitor asks `pages_due(now)`, reads
    that many pages (going round the list), reports each with `note_page` and the end
    of the list with `note_sweep_done`, then sleeps until `next_wake(now)`."""

    settings: FleetPaceSettings = field(default_factory=FleetPaceSettings)
    pages: int | None = None  # pages in the list, known after one complete sweep
    _credit: float = 0.0  # spread mode: pages that may go out now
    _accrued_at: float | None = None
    _next_sweep_at: float = 0.0  # burst mode: when the next sweep may start
    _sweep_started_at: float | None = None
    _in_sweep: int = 0  # pages read in the current sweep
    _paused_until: float = 0.0
    _backoff: float = 1.0
    _failures: int = 0
    _limited_this_sweep: bool = False

    # -- the plan ----------------------------------------------------------------------------

    @property
    def spreading(self) -> bool:
        """True when pages go out a few at a time (a fleet of more than burst_pages)."""
        return self.pages is not None and self.pages > self.settings.burst_pages

    @property
    def backoff(self) -> float:
        """1 normally; up to `max_backoff` after 429s (the cycle is that much longer)."""
        return self._backoff

    def rate(self, pages: int | None = None) -> float:
        """Pages per second at the current pace."""
        count = self.pages if pages is None else pages
        if not count:
            return 0.0
        s = self.settings
        wanted = count / s.interval
        cap = s.share * s.budget_per_window / s.window
        pace = min(wanted, cap)
        needed = count / max(s.latency_target - s.tick - s.margin, s.tick)
        if pace < needed:  # the cap would miss the latency target: spend more, within limits
            pace = min(needed, s.hard_share * s.budget_per_window / s.window)
        return pace / self._backoff

    def cycle(self, pages: int | None = None) -> float:
        """Seconds between two reads of the same page."""
        count = self.pages if pages is None else pages
        pace = self.rate(count)
        return count / pace if count and pace else self.settings.interval

    def requests_per_window(self, pages: int | None = None) -> float:
        """What watching costs, in requests per budget window."""
        return self.rate(pages) * self.settings.window

    def expected_latency(self, pages: int | None = None) -> float:
        """Worst time from a change to its page being read (without failures)."""
        count = self.pages if pages is None else pages
        quantum = self.settings.tick if count and count > self.settings.burst_pages else 0.0
        return self.cycle(count) + quantum

    def meets_target(self, pages: int | None = None) -> bool:
        worst = self.expected_latency(pages) + self.settings.margin
        return worst <= self.settings.latency_target * (1 + 1e-9)

    # -- what the monitor asks ---------------------------------------------------------------

    def pages_due(self, now: float) -> int:
        """How many pages to read now (REST_OF_SWEEP: to the end of the list)."""
        if now < self._paused_until:
            return 0
        if self.pages is None:
            return REST_OF_SWEEP  # the first sweep learns the size: read it all
        if not self.spreading:
            return REST_OF_SWEEP if now >= self._next_sweep_at else 0
        self._accrue(now)
        return int(self._credit)

    def next_wake(self, now: float) -> float:
        """When to ask `pages_due` again."""
        if now < self._paused_until:
            return self._paused_until
        if not self.spreading:
            return max(now, self._next_sweep_at) if self.pages is not None else now
        self._accrue(now)
        rate = self.rate()
        missing = max(0.0, 1.0 - self._credit)
        return now + max(self.settings.tick, missing / rate if rate else self.settings.tick)

    @property
    def paused_until(self) -> float:
        return self._paused_until

    # -- what the monitor reports ------------------------------------------------------------

    def note_page(self, now: float) -> None:
        """One page read successfully."""
        if self._sweep_started_at is None:
            self._sweep_started_at = now
        self._in_sweep += 1
        self._failures = 0
        if self.spreading:
            self._accrue(now)
            self._credit -= 1.0

    def note_sweep_done(self, now: float, pages: int) -> None:
        """The list ended after `pages` pages in this sweep: the fleet's size is known."""
        was_spreading = self.spreading
        started = self._sweep_started_at if self._sweep_started_at is not None else now
        self.pages = max(1, pages)
        self._in_sweep = 0
        self._sweep_started_at = None
        if not self._limited_this_sweep and self._backoff > 1.0:
            self._backoff = max(1.0, self._backoff / 2)
        self._limited_this_sweep = False
        self._next_sweep_at = started + self.cycle()
        if self.spreading and not was_spreading:
            # From one burst (the first load) to spreading: start accruing from now.
            self._credit, self._accrued_at = 0.0, now

    def note_rate_limited(self, now: float, retry_after: float | None) -> float:
        """A 429: slow down and pause. Returns the seconds until reading resumes."""
        self._backoff = min(self.settings.max_backoff, self._backoff * 2)
        self._limited_this_sweep = True
        wait = max(retry_after or 0.0, self.settings.tick)
        self._pause(now + wait)
        return wait

    def note_failure(self, now: float) -> float:
        """No usable answer (network, 5xx, bad data): wait longer after each in a row.
        The list can only be followed from its first page, so the sweep starts again.
        Returns the wait in seconds."""
        self._failures += 1
        self._in_sweep = 0
        self._sweep_started_at = None
        wait = min(self.settings.max_failure_wait, self.settings.tick * 2**self._failures)
        self._pause(now + wait)
        return wait

    def hurry(self, now: float) -> None:
        """The user asked for fresh data: the rest of this sweep may go out now."""
        self._paused_until = min(self._paused_until, now)
        if not self.spreading:
            self._next_sweep_at = now
            return
        self._accrue(now)
        remaining = (self.pages or 0) - self._in_sweep
        self._credit = max(self._credit, float(remaining))

    # -- internals ---------------------------------------------------------------------------

    def _pause(self, until: float) -> None:
        self._paused_until = max(self._paused_until, until)
        # Credit does not pile up while paused: no burst when the pause ends.
        self._credit = min(self._credit, 0.0)
        self._accrued_at = self._paused_until
        self._next_sweep_at = max(self._next_sweep_at, self._paused_until)

    def _accrue(self, now: float) -> None:
        if self._accrued_at is None:
            self._accrued_at = now
            return
        elapsed = now - self._accrued_at
        if elapsed <= 0:
            return
        rate = self.rate()
        self._accrued_at = now
        # At most two ticks' worth saved up: a stalled loop must not fire a burst.
        ceiling = max(1.0, 2 * rate * self.settings.tick)
        if self._credit < ceiling:
            self._credit = min(ceiling, self._credit + elapsed * rate)


# -- the fleet, assembled from pages read at different times ---------------------------------


class Keyed(Protocol):
    @property
    def uuid(self) -> str: ...


T = TypeVar("T", bound=Keyed)


class SweepMerge(Generic[T]):
    """The fleet as the latest reading of each charger, in list order.

    `notable(item)` picks what counts as news (say status and error, not the heartbeat
    time that moves on every reading); by default any difference does."""

    def __init__(
        self, items: Iterable[T] = (), notable: Callable[[T], object] | None = None
    ) -> None:
        self._notable = notable
        self._items: dict[str, T] = {}
        self._seen: dict[str, int] = {}
        self._sweep = 0
        self.reset(items)

    def reset(self, items: Iterable[T]) -> None:
        """A complete list read in one go replaces everything."""
        self._sweep += 1
        self._items = {item.uuid: item for item in items}
        self._seen = dict.fromkeys(self._items, self._sweep)
        self._sweep += 1  # the pages that follow belong to the next sweep

    def add_page(self, items: Iterable[T]) -> int:
        """One page's chargers (kept as the latest reading); returns how many are new or
        changed notably."""
        notable = self._notable
        changed = 0
        for item in items:
            old = self._items.get(item.uuid)
            if old is None or (old != item if notable is None else notable(old) != notable(item)):
                changed += 1
            self._items[item.uuid] = item
            self._seen[item.uuid] = self._sweep
        return changed

    def end_sweep(self) -> list[str]:
        """The list ended: drop chargers not seen in this sweep nor the one before.
        Returns their UUIDs."""
        gone = [uuid for uuid, sweep in self._seen.items() if sweep < self._sweep - 1]
        for uuid in gone:
            del self._items[uuid]
            del self._seen[uuid]
        self._sweep += 1
        return gone

    def items(self) -> list[T]:
        return list(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

