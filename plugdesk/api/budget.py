"""A request budget shared by every caller of one API account (or one public endpoint).

Plugchoice allows 500 requests a minute per user; the public-charging endpoints have
their own, much smaller, per-IP limits. A sliding window of recent request times keeps us
under the limit *before* the server has to say 429, and `pause_until()` lets one caller's
429 hold back every other caller too.

Bulk work (a whole-fleet export) takes a `share()` of the budget: a lower-priority view
capped at a fraction of the limit, so the rest stays free for the fault watch however long
the export runs.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[object]]

# Public-charging limits from API.md (requests per minute per IP).
PUBLIC_LOOKUP_PER_MINUTE = 30
PUBLIC_SESSION_GET_PER_MINUTE = 30
PUBLIC_SESSION_START_PER_MINUTE = 3
PUBLIC_SESSION_ACTION_PER_MINUTE = 10
# What an export may use of the account's budget; the rest is the watch's reserve (a
# 5,000-charger refresh takes 200 list pages, well inside 40 % of 500 a minute).
EXPORT_SHARE = 0.6
# A request is counted when it starts but reaches the server a little later (its
# connection, the thread that sends it): a slot is held this share of a window longer,
# so two requests a window apart here are never inside one window at the server.
IN_TRANSIT_MARGIN = 0.02


class RequestBudget:
    """Sliding-window limiter: at most `limit` acquisitions in any `window` seconds."""

    def __init__(
        self,
        per_minute: int = 500,
        window: float = 60.0,
        clock: Clock = time.monotonic,
        *,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if per_minute < 1:
            raise ValueError(
                f"A request budget needs at least 1 request per window, not {per_minute}."
            )
        if window <= 0:
            raise ValueError(f"A request budget window must be positive, not {window}.")
        self._limit = per_minute
        self._window = float(window)
        self._held = self._window * (1 + IN_TRANSIT_MARGIN)
        self._clock = clock
        self._sleep = sleep
        self._stamps: deque[float] = deque()
        self._paused_until = 0.0
        # Last values the server reported (X-RateLimit-*), for the status bar.
        self.server_limit: int | None = None
        self.server_remaining: int | None = None
        self._shares: dict[float, BudgetShare] = {}

    @property
    def limit(self) -> int:
        """Requests allowed per window."""
        return self._limit

    @property
    def window(self) -> float:
        """Window length in seconds."""
        return self._window

    def _prune(self, now: float) -> None:
        horizon = now - self._held
        while self._stamps and self._stamps[0] <= horizon:
            self._stamps.popleft()

    def used_last_window(self) -> int:
        """Requests made in the last `window` seconds."""
        self._prune(self._clock())
        return len(self._stamps)

    def remaining(self) -> int:
        """Requests that could start right now without waiting (ignoring a pause)."""
        return max(0, self._limit - self.used_last_window())

    def paused_for(self) -> float:
        """Seconds left of a server-imposed pause (0 when not paused)."""
        return max(0.0, self._paused_until - self._clock())

    def pause_until(self, t: float) -> None:
        """Hold every caller until clock time `t` (after a 429). Never shortens a pause."""
        self._paused_until = max(self._paused_until, t)

    def pause_for(self, seconds: float) -> None:
        """`pause_until(now + seconds)`."""
        self.pause_until(self._clock() + max(0.0, seconds))

    def note_server_limits(self, limit: int | None, remaining: int | None) -> None:
        """Record the server's own view (headers), shown next to ours."""
        if limit is not None:
            self.server_limit = limit
        if remaining is not None:
            self.server_remaining = remaining

    def _wait_needed(self, now: float) -> float:
        if self._paused_until > now:
            return self._paused_until - now
        self._prune(now)
        if len(self._stamps) < self._limit:
            return 0.0
        return self._stamps[0] + self._held - now

    def share(self, fraction: float = EXPORT_SHARE) -> BudgetShare:
        """A capped view of this budget for bulk work; every caller asking for the same
        fraction gets the same share, so two exports together still keep to the cap."""
        if fraction not in self._shares:
            self._shares[fraction] = BudgetShare(self, fraction)
        return self._shares[fraction]

    def _count(self, now: float) -> None:
        self._stamps.append(now)

    async def acquire(self) -> None:
        """Wait until a request may start, then count it.

        No lock: after each wait the caller re-checks, so concurrent callers simply take
        turns as slots free up (and the budget works across event loops)."""
        while True:
            now = self._clock()
            wait = self._wait_needed(now)
            if wait <= 0:
                self._stamps.append(now)
                return
            await self._sleep(wait)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(limit={self._limit}, window={self._window:g}s, "
            f"used={self.used_last_window()}, paused_for={self.paused_for():.1f}s)"
        )


class BudgetShare(RequestBudget):
    """At most `fraction` of `parent`'s limit in any window, counted in the parent too.

    A request through the share waits for room in both: its own cap (so the remaining
    `1 - fraction` is always there for callers of the parent) and the parent (so the
    account's total stays under the server's limit). A 429 pauses the parent, hence all."""

    def __init__(self, parent: RequestBudget, fraction: float) -> None:
        if not 0 < fraction <= 1:
            raise ValueError(f"A budget share is a fraction in (0, 1], not {fraction}.")
        super().__init__(
            max(1, int(parent.limit * fraction)),
            parent.window,
            parent._clock,
            sleep=parent._sleep,
        )
        self.parent = parent
        self.fraction = fraction
        self.peak = 0  # most requests seen in one window (for the status bar and tests)

    def paused_for(self) -> float:
        return self.parent.paused_for()

    def pause_until(self, t: float) -> None:
        self.parent.pause_until(t)

    def note_server_limits(self, limit: int | None, remaining: int | None) -> None:
        self.parent.note_server_limits(limit, remaining)

    async def acquire(self) -> None:
        while True:
            now = self._clock()
            wait = max(self._wait_needed(now), self.parent._wait_needed(now))
            if wait <= 0:
                self._count(now)
                self.parent._count(now)
                self.peak = max(self.peak, len(self._stamps))
                return
            await self._sleep(wait)
