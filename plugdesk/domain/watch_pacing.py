"""How the team watch spends the request budget (see `plugdesk.services.watch`).

Two kinds of reading share one budget:

- the attention check, each cycle: the team list filtered to what needs attention
  (Faulted chargers, chargers with a Faulted connector, offline ones). Its cost is the
  pages those lists take, so it grows with the trouble in the fleet, not with its size;
- the sweep: the unfiltered team list, a few pages a cycle, going round. It keeps names,
  new and removed chargers and heartbeats current.

The plan, for `share` of the budget (the rest stays free for the user's own requests):
the sweep gets enough to go round once per `sweep_period`, but never more than
`sweep_share` of the watch's requests; the attention check gets the rest, and the cycle
is as short as that allows, never shorter than `min_cycle`. 5,000 chargers, 1.5 % in
trouble: 3-5 attention pages every 12 s and 5 sweep pages a minute (~8 % of the budget
with the re-reads). 50,000: ~34 attention pages every ~21 s, 5 sweep pages a minute
(~20 % on average, the busiest minute ~24 %): the share grows with the trouble in the
fleet, not with its size.

Pure: no clock, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

PAGE = 25  # items a page (API.md)


@dataclass(frozen=True)
class WatchPaceSettings:
    budget_per_window: int = 500  # the account's request limit (API.md: 500 a minute)
    window: float = 60.0
    # The watch's part of the budget (the rest is the user's reserve), on average: the
    # busiest minute holds a cycle more than the average one, plus re-reads.
    share: float = 0.20
    # Of the watch's requests, at most this for the sweep: the attention lists first
    # (50,000 chargers: a sweep round takes ~5 h instead of ~2 h, the attention cycle
    # 21 s instead of 24 s).
    sweep_share: float = 0.05
    sweep_period: float = 1800.0  # go round the whole list this often when affordable
    min_cycle: float = 12.0  # never check for attention more often
    overlap_every: int = 4  # a list the others cover is read every this many cycles

    def scaled(self, factor: float) -> WatchPaceSettings:
        """Every duration multiplied by `factor` (benchmarks on a time-scaled simulator)."""
        return replace(
            self,
            window=self.window * factor,
            sweep_period=self.sweep_period * factor,
            min_cycle=self.min_cycle * factor,
        )


@dataclass(frozen=True)
class WatchPlan:
    cycle: float  # seconds between attention checks
    sweep_pages: float  # sweep pages per cycle (a fraction carries over)

    def requests_per_window(self, attention_pages: int, window: float) -> float:
        return (attention_pages + self.sweep_pages) * window / self.cycle


def pages_for(items: int) -> int:
    """Pages a list of `items` takes (an empty list still costs one request)."""
    return max(1, -(-items // PAGE))


def plan(settings: WatchPaceSettings, attention_pages: int, fleet_pages: int) -> WatchPlan:
    rate = settings.share * settings.budget_per_window / settings.window  # requests a second
    sweep_rate = min(fleet_pages / settings.sweep_period, settings.sweep_share * rate)
    attention_rate = rate - sweep_rate
    cycle = max(settings.min_cycle, attention_pages / attention_rate)
    return WatchPlan(cycle=cycle, sweep_pages=sweep_rate * cycle)
