"""How the team watch spends the request budget (see `plugdesk.services.watch`).

Two kinds of reading share one budget:

- the attention check, each cycle: the team list filtered to what needs attention
  (Faulted chargers, chargers with a Faulted connector, offline ones). Its cost is the
  pages those lists take, so it grows with the trouble in the fleet, not with its size;
- the sweep: the unfiltered team list, a few pages a cycle, going round. It keeps names,
  new and removed chargers and heartbeats current.

The budget is counted per minute, so the plan is made for the busiest minute, not the
average one: a minute holds as many cycles as start in it (and the end of one more when
cycles take a while), and a 22 s cycle costs a minute three cycles just like a 21 s
one. So the plan fits a whole number of cycles in `share` of a window (the rest stays
free for the user's own requests): the sweep gets enough to go round once per
`sweep_period`, but never more than `sweep_share` of the watch's window; the attention
check, with the detail re-reads it brings, gets the rest, as many cycles of it as fit,
never closer than `min_cycle`. 5,000 chargers, 1.5 % in trouble: 3-5 attention pages
every 12 s and 6 sweep pages a minute (~8 % of the budget with the re-reads). 50,000:
~34 attention pages three times a minute (every ~21 s) and 6 sweep pages (~22-23 % in
the busiest minute): the share grows with the trouble in the fleet, not with its size.

Pure: no clock, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

PAGE = 25  # items a page (API.md)


@dataclass(frozen=True)
class WatchPaceSettings:
    budget_per_window: int = 500  # the account's request limit (API.md: 500 a minute)
    window: float = 60.0
    # The watch's part of the budget in its busiest window (the rest is the user's
    # reserve). 50,000 chargers with 1.5 % in trouble take ~22 % (three cycles a minute);
    # the cap is a little above, or that fleet's cycle would jump from 20 s to 30 s
    # whenever the trouble grew by a page.
    share: float = 0.24
    # Of the watch's requests, at most this for the sweep: the attention lists first
    # (50,000 chargers: a sweep round takes ~5.5 h instead of ~2 h).
    sweep_share: float = 0.05
    sweep_period: float = 1800.0  # go round the whole list this often when affordable
    min_cycle: float = 12.0  # never check for attention more often
    # A list the others cover is read in slices, a round every this many cycles (its
    # pages spread out: read whole, a 14-page list pushed one minute over the others).
    overlap_every: int = 8

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


def pages_for(items: int) -> int:
    """Pages a list of `items` takes (an empty list still costs one request)."""
    return max(1, -(-items // PAGE))


# Cycles start a little further apart than that: a tick that came late, then one on
# time, must not let one more cycle into a window.
SLACK = 0.01


def plan(
    settings: WatchPaceSettings,
    attention_pages: float,
    fleet_pages: int,
    rereads: float = 0.0,
    spread: float = 0.0,
) -> WatchPlan:
    """`attention_pages` and `rereads` (charger detail reads): what a cycle costs;
    `spread`: how long a cycle's requests take, first to last."""
    budget = settings.share * settings.budget_per_window  # requests in the busiest window
    sweep = min(
        fleet_pages * settings.window / settings.sweep_period, settings.sweep_share * budget
    )
    room = budget - sweep
    per_cycle = max(1.0, attention_pages + rereads)
    fits = int(room // per_cycle)
    if fits >= 1:
        # A window holds the requests of `fits` cycles at most if that many cycles take
        # the window and one cycle's spread: else the end of a slow cycle and the start
        # of the one after the `fits`-th could both fall into it.
        cycle = (settings.window + min(spread, settings.window)) / fits * (1 + SLACK)
    else:  # more trouble than a window affords: a cycle takes longer than a window
        cycle = per_cycle * settings.window / room
    cycle = max(settings.min_cycle, cycle)
    return WatchPlan(cycle=cycle, sweep_pages=sweep * cycle / settings.window)
