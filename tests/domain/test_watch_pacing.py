"""The team watch's plan: a whole number of cycles in the busiest minute, within its share."""

from __future__ import annotations

import bisect
import math

import pytest

from plugdesk.domain.watch_pacing import WatchPaceSettings, plan


def busiest_minute(
    cycle: float, per_cycle: float, sweep: float, spread: float = 0.0, minutes: int = 30
) -> int:
    """Requests in the busiest sliding minute when each cycle sends `per_cycle + sweep`
    requests evenly over `spread` seconds from its start: what the API's limit counts."""
    each = math.ceil(per_cycle + sweep)
    times = sorted(
        k * cycle + spread * j / max(1, each - 1)
        for k in range(math.ceil(minutes * 60 / cycle))
        for j in range(each)
    )
    return max(bisect.bisect_left(times, t + 60.0) - i for i, t in enumerate(times))


@pytest.mark.parametrize(
    ("attention", "rereads", "fleet_pages", "spread"),
    [
        (33.75, 2.0, 2000, 0.0),
        (33.75, 2.0, 2000, 3.0),
        (33.75, 2.0, 2000, 8.0),
        (4.0, 0.5, 200, 1.0),
        (36.0, 3.0, 2000, 4.0),
        (60.0, 2.0, 2000, 4.0),
        (110.0, 2.0, 9, 0.0),
    ],
)
def test_the_busiest_minute_stays_within_the_share(
    attention: float, rereads: float, fleet_pages: int, spread: float
) -> None:
    settings = WatchPaceSettings()
    chosen = plan(settings, attention, fleet_pages, rereads, spread)
    used = busiest_minute(chosen.cycle, attention + rereads, chosen.sweep_pages, spread)
    assert used <= settings.share * settings.budget_per_window
    assert chosen.cycle >= settings.min_cycle


def test_50000_chargers_are_checked_three_times_a_minute() -> None:
    # ~1.5 % of 50,000 in trouble: 21 connector pages, 11 offline ones, the covered Faulted
    # list's slice (14 pages / 8) and ~2 detail re-reads a cycle.
    # Their requests take ~3 s from first to last.
    chosen = plan(WatchPaceSettings(), 21 + 11 + 14 / 8, 2000, 2.0, 3.0)
    # Three cycles a minute, a little apart: 22 s (the average share's cycle) would cost
    # the busiest minute the same three cycles, and be a second slower to see a fault.
    assert 21.0 < chosen.cycle <= 21.5
    # The sweep keeps its ~6 pages a minute (the sweep share of the watch's window).
    assert chosen.sweep_pages * 60 / chosen.cycle == pytest.approx(0.05 * 0.24 * 500)


def test_a_small_fleet_waits_the_shortest_cycle() -> None:
    chosen = plan(WatchPaceSettings(), 4.0, 200, 0.5)
    assert chosen.cycle == WatchPaceSettings().min_cycle


def test_more_trouble_than_a_minute_affords_takes_longer_cycles_not_more_budget() -> None:
    # (One cycle's reads then fill more than the share of the minute they come in: the
    # average keeps to it.)
    settings = WatchPaceSettings()
    room = settings.share * settings.budget_per_window - chosen_sweep(settings)
    chosen = plan(settings, 2 * room, 2000)
    assert chosen.cycle == pytest.approx(2 * settings.window)


def test_scaled_settings_scale_the_cycle() -> None:
    plain = plan(WatchPaceSettings(), 34.0, 2000, 2.0, 3.0)
    fast = plan(WatchPaceSettings().scaled(0.2), 34.0, 2000, 2.0, 0.6)
    assert fast.cycle == pytest.approx(plain.cycle * 0.2)
    assert fast.sweep_pages == pytest.approx(plain.sweep_pages)


def chosen_sweep(settings: WatchPaceSettings) -> float:
    """The sweep's requests a window for a 2,000-page fleet (capped by its share)."""
    return min(
        2000 * settings.window / settings.sweep_period,
        settings.sweep_share * settings.share * settings.budget_per_window,
    )
