"""When to poll which public charging session: a pure scheduler, driven by a clock.

Plugchoice allows 30 `GET /public-charging/sessions/{token}` a minute per IP address, for
every session this computer follows together. So the pace is set in two layers:

- per session: every `interval` seconds (5 s), slower while an idle status (waiting for
  the card hold, for the car, for the payment to settle) repeats, up to `idle_max`;
- overall: never two polls closer than `window / max_per_window` (2.5 s: 24 a minute, a
  margin under 30 for look-ups and clock skew), and never more than `max_per_window` in any
  sliding window, however many sessions are tracked.

A 429 pauses everything until Retry-After and doubles a shared slow-down factor; each run
of `recover_after` good answers, or a whole window without a 429, halves it again, so the
pace recovers by itself.
Nothing here sleeps or does I/O: the service asks `next_poll(now)` and waits.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from typing import Final

# Statuses that can last minutes without news: polling them every 5 s wastes budget.
IDLE_STATUSES: Final = frozenset({"created", "authorized", "settling"})


@dataclass(frozen=True)
class PaceSettings:
    interval: float = 5.0  # seconds between polls of one session, normally
    idle_max: float = 30.0  # slowest per-session interval while an idle status repeats
    idle_factor: float = 1.5  # growth per repeated idle answer
    idle_after: int = 2  # identical idle answers before slowing down
    window: float = 60.0  # the server's rate-limit window
    max_per_window: int = 24  # our ceiling in any window (the API allows 30)
    max_backoff: float = 8.0  # largest slow-down factor after 429s
    recover_after: int = 3  # good answers in a row that halve the slow-down factor
    failure_max: float = 60.0  # slowest retry after network or server errors

    @property
    def min_gap(self) -> float:
        """Least time between two polls, whichever sessions they are for."""
        return self.window / self.max_per_window

    def scaled(self, factor: float) -> PaceSettings:
        """Every duration multiplied by `factor` (tests run a "minute" in a few seconds)."""
        return replace(
            self,
            interval=self.interval * factor,
            idle_max=self.idle_max * factor,
            window=self.window * factor,
            failure_max=self.failure_max * factor,
        )


@dataclass
class _Slot:
    due: float
    interval: float
    last_status: str | None = None
    repeats: int = 0
    failures: int = 0


@dataclass
class PollPacer:
    """Decides which session to poll next and when. Times are clock seconds (monotonic)."""

    settings: PaceSettings = field(default_factory=PaceSettings)
    _slots: dict[str, _Slot] = field(default_factory=dict)
    _sent: deque[float] = field(default_factory=deque)
    _last_sent: float | None = None
    _paused_until: float = 0.0
    _backoff: float = 1.0
    _good_in_row: int = 0
    _backoff_since: float = 0.0  # when the slow-down factor last changed

    # -- what is tracked ------------------------------------------------------------------

    def add(self, key: str, now: float, *, delay: float = 0.0) -> None:
        self._slots[key] = _Slot(due=now + delay, interval=self.settings.interval)

    def remove(self, key: str) -> None:
        self._slots.pop(key, None)

    def __contains__(self, key: object) -> bool:
        return key in self._slots

    def keys(self) -> list[str]:
        return list(self._slots)

    def poke(self, key: str, now: float) -> None:
        """Poll this session soon (after an action changed it), at the normal pace again."""
        slot = self._slots.get(key)
        if slot is not None:
            slot.due = min(slot.due, now)
            slot.interval = self.settings.interval
            slot.repeats = 0

    # -- what the service asks --------------------------------------------------------------

    @property
    def backoff(self) -> float:
        """The shared slow-down factor: 1 normally, up to `max_backoff` after 429s."""
        return self._backoff

    @property
    def paused_until(self) -> float:
        return self._paused_until

    def interval_for(self, key: str) -> float | None:
        """Seconds between polls of this session at the current pace."""
        slot = self._slots.get(key)
        return None if slot is None else slot.interval * self._backoff

    def due_at(self, key: str) -> float | None:
        slot = self._slots.get(key)
        return None if slot is None else slot.due

    def next_poll(self, now: float) -> tuple[str, float] | None:
        """The session to poll next and the clock time it may go, or None if none tracked."""
        self._decay(now)
        if not self._slots:
            return None
        key = min(self._slots, key=lambda k: self._slots[k].due)
        return key, max(self._slots[key].due, self._earliest_send(now))

    # -- what the service reports -----------------------------------------------------------

    def note_sent(self, key: str, now: float) -> None:
        """A GET for `key` is going out now. Until its answer, the slot is not due again."""
        self._sent.append(now)
        self._last_sent = now
        slot = self._slots.get(key)
        if slot is not None:
            slot.due = float("inf")

    def note_status(self, key: str, status: str, now: float) -> None:
        """A good answer: adjust this session's interval and schedule its next poll."""
        slot = self._slots.get(key)
        self._recover(now)
        if slot is None:
            return
        slot.failures = 0
        if status == slot.last_status and status in IDLE_STATUSES:
            slot.repeats += 1
            if slot.repeats >= self.settings.idle_after:
                slower = slot.interval * self.settings.idle_factor
                slot.interval = min(self.settings.idle_max, slower)
        else:
            slot.repeats = 0
            slot.interval = self.settings.interval
        slot.last_status = status
        slot.due = now + slot.interval * self._backoff

    def note_rate_limited(self, key: str, retry_after: float | None, now: float) -> float:
        """A 429: slow everything down; returns the seconds until polling resumes."""
        self._backoff = min(self.settings.max_backoff, self._backoff * 2)
        self._good_in_row = 0
        wait = max(retry_after or 0.0, self.settings.interval * self._backoff)
        self._paused_until = max(self._paused_until, now + wait)
        self._backoff_since = self._paused_until  # the quiet window starts after the pause
        slot = self._slots.get(key)
        if slot is not None:
            slot.due = self._paused_until
        return wait

    def note_failure(self, key: str, now: float) -> float:
        """No usable answer (network, 5xx): retry this session later, doubling each time."""
        slot = self._slots.get(key)
        if slot is None:
            return 0.0
        slot.failures += 1
        wait = min(self.settings.failure_max, slot.interval * (2 ** slot.failures))
        slot.due = now + wait * self._backoff
        return wait * self._backoff

    # -- internals ----------------------------------------------------------------------------

    def _recover(self, now: float) -> None:
        if self._backoff <= 1.0:
            return
        self._good_in_row += 1
        if self._good_in_row >= self.settings.recover_after:
            self._backoff = max(1.0, self._backoff / 2)
            self._backoff_since = now
            self._good_in_row = 0

    def _decay(self, now: float) -> None:
        """A whole window without a 429 also halves the slow-down (even with nothing polled)."""
        while self._backoff > 1.0 and now - self._backoff_since >= self.settings.window:
            self._backoff = max(1.0, self._backoff / 2)
            self._backoff_since += self.settings.window

    def _prune(self, now: float) -> None:
        horizon = now - self.settings.window
        while self._sent and self._sent[0] <= horizon:
            self._sent.popleft()

    def _earliest_send(self, now: float) -> float:
        """The first moment a GET may go out under the gap, window and pause rules."""
        self._prune(now)
        earliest = max(now, self._paused_until)
        if self._last_sent is not None:
            earliest = max(earliest, self._last_sent + self.settings.min_gap * self._backoff)
        if len(self._sent) >= self.settings.max_per_window:
            earliest = max(earliest, self._sent[0] + self.settings.window)
        return earliest
