"""The fleet-list pacer on a fake clock: budget share, fault latency, spreading, trouble."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from plugdesk.domain.fleet_pacing import REST_OF_SWEEP, FleetPacer, FleetPaceSettings, SweepMerge


@dataclass
class Reading:
    at: float
    page: int


def drive(pacer: FleetPacer, total: int, until: float, *, start: float = 0.0) -> list[Reading]:
    """Run the pacer as the monitor does, with instant answers, over a list of `total`
    pages; return every page read."""
    now, position = start, 0
    readings: list[Reading] = []
    while now <= until:
        due = pacer.pages_due(now)
        to_the_end = due >= REST_OF_SWEEP
        while due > 0:
            if position == total:  # the list ended
                pacer.note_sweep_done(now, total)
                position = 0
                if to_the_end:
                    break
            readings.append(Reading(now, position))
            pacer.note_page(now)
            position += 1
            due -= 1
        if position == total and not pacer.spreading:
            pacer.note_sweep_done(now, total)
            position = 0
        now = max(pacer.next_wake(now), now + 0.001)
    return readings


def per_window(readings: list[Reading], start: float, end: float, window: float = 60.0) -> int:
    """Most readings in any `window` seconds between start and end."""
    times = [r.at for r in readings if start <= r.at <= end]
    return max((bisect.bisect_left(times, t + window) - i for i, t in enumerate(times)), default=0)


def worst_gap(readings: list[Reading], after: float) -> float:
    """Longest time between two reads of the same page (reads after `after`)."""
    last: dict[int, float] = {}
    worst = 0.0
    for reading in readings:
        previous = last.get(reading.page)
        if previous is not None and reading.at > after:
            worst = max(worst, reading.at - previous)
        last[reading.page] = reading.at
    return worst


def test_5000_chargers_are_watched_within_a_minute_on_under_half_the_budget() -> None:
    pacer = FleetPacer(FleetPaceSettings())
    readings = drive(pacer, 200, 600.0)
    assert readings[:200] == [Reading(0.0, n) for n in range(200)]  # first load: one go
    assert pacer.spreading and pacer.pages == 200
    steady = per_window(readings, 120.0, 600.0)
    assert 200 <= steady <= 250  # 40 % is the floor for a 60 s latency; 50 % the target
    assert per_window(readings, 0.0, 600.0) < 500  # even with the first load in the window
    assert worst_gap(readings, after=120.0) <= 58.0
    assert pacer.meets_target()
    assert abs(pacer.requests_per_window() - 225.0) < 1e-6


def test_spread_reads_a_few_pages_every_tick() -> None:
    pacer = FleetPacer(FleetPaceSettings())
    readings = drive(pacer, 200, 300.0)
    batches = [
        len(list(group)) for _, group in itertools.groupby(r.at for r in readings if r.at > 60)
    ]
    assert max(batches) <= 2 * 225 / 60 * 3 + 1  # never more than two ticks' worth at once
    times = sorted({r.at for r in readings if r.at > 60})
    assert all(b - a <= 3.0 + 1e-6 for a, b in itertools.pairwise(times))


def test_small_fleet_is_read_in_one_go_every_interval() -> None:
    pacer = FleetPacer(FleetPaceSettings())
    readings = drive(pacer, 2, 125.0)
    assert not pacer.spreading
    assert sorted({r.at for r in readings}) == [0.0, 30.0, 60.0, 90.0, 120.0]
    assert len(readings) == 10
    assert pacer.expected_latency() == 30.0


def test_a_fleet_too_big_for_the_share_spends_more_to_keep_the_latency() -> None:
    pacer = FleetPacer(FleetPaceSettings())
    pages = 300  # 7,500 chargers
    assert pacer.requests_per_window(pages) > 225
    assert pacer.requests_per_window(pages) <= 0.8 * 500
    assert pacer.meets_target(pages)
    # ... but not beyond the hard share: 20,000 chargers cannot be watched within a minute.
    assert pacer.requests_per_window(800) == 0.8 * 500
    assert not pacer.meets_target(800)


def test_429_pauses_slows_down_and_recovers_after_a_clean_sweep() -> None:
    pacer = FleetPacer(FleetPaceSettings())
    drive(pacer, 200, 10.0)
    normal = pacer.cycle()
    wait = pacer.note_rate_limited(20.0, retry_after=30.0)
    assert wait == 30.0
    assert pacer.pages_due(25.0) == 0
    assert pacer.next_wake(25.0) == 50.0
    assert pacer.cycle() == 2 * normal
    assert pacer.pages_due(50.0) == 0  # no saved-up credit bursts out after the pause
    pacer.note_sweep_done(60.0, 200)  # the sweep that met the 429 ends: still slow
    assert pacer.cycle() == 2 * normal
    pacer.note_sweep_done(170.0, 200)  # a whole sweep without a 429
    assert pacer.cycle() == normal


def test_failures_back_off_and_the_sweep_starts_again() -> None:
    pacer = FleetPacer(FleetPaceSettings())
    drive(pacer, 2, 0.0)
    waits = [pacer.note_failure(float(n)) for n in range(10)]
    assert waits[:3] == [6.0, 12.0, 24.0]
    assert max(waits) == 300.0
    pacer.note_page(400.0)  # an answer: the next failure starts small again
    assert pacer.note_failure(401.0) == 6.0


def test_hurry_reads_the_rest_of_the_sweep_now() -> None:
    pacer = FleetPacer(FleetPaceSettings())
    drive(pacer, 200, 5.0)
    assert pacer.pages_due(5.5) < 10
    pacer.hurry(5.5)
    assert pacer.pages_due(5.5) == 200 - 11  # the 11 already read this sweep
    small = FleetPacer(FleetPaceSettings())
    drive(small, 2, 1.0)
    assert small.pages_due(2.0) == 0
    small.hurry(2.0)
    assert small.pages_due(2.0) == REST_OF_SWEEP


def test_a_stalled_loop_does_not_fire_a_burst() -> None:
    pacer = FleetPacer(FleetPaceSettings())
    drive(pacer, 200, 1.0)
    assert pacer.pages_due(500.0) <= 2 * 225 / 60 * 3


def test_scaled_settings_keep_the_ratios() -> None:
    scaled = FleetPacer(FleetPaceSettings().scaled(0.1))
    plain = FleetPacer(FleetPaceSettings())
    assert abs(scaled.cycle(200) - plain.cycle(200) * 0.1) < 1e-9
    assert abs(scaled.requests_per_window(200) - plain.requests_per_window(200)) < 1e-9
    assert scaled.meets_target(200)


@dataclass(frozen=True)
class Item:
    uuid: str
    status: str = "Available"
    heartbeat: int = 0


def test_merge_keeps_order_counts_changes_and_drops_after_two_missed_sweeps() -> None:
    merge = SweepMerge([Item("a"), Item("b"), Item("c")])
    assert merge.add_page([Item("a"), Item("b", "Faulted")]) == 1
    assert merge.add_page([Item("d")]) == 1  # new charger at the end of the list
    assert [i.uuid for i in merge.items()] == ["a", "b", "c", "d"]
    assert merge.end_sweep() == []  # "c" missed once: maybe a page boundary moved
    merge.add_page([Item("a"), Item("b", "Faulted"), Item("d")])
    assert merge.end_sweep() == ["c"]
    assert [i.uuid for i in merge.items()] == ["a", "b", "d"]
    assert merge.items()[1].status == "Faulted"
    merge.reset([Item("z")])
    assert len(merge) == 1


def test_merge_counts_only_notable_changes_but_keeps_the_latest_reading() -> None:
    merge = SweepMerge([Item("a"), Item("b")], notable=lambda item: item.status)
    assert merge.add_page([Item("a", heartbeat=1), Item("b", heartbeat=1)]) == 0
    assert [i.heartbeat for i in merge.items()] == [1, 1]
    assert merge.add_page([Item("a", "Faulted", heartbeat=2)]) == 1
