"""The public-session poll scheduler, on a fake clock: pace, idle slow-down, 429, recovery."""

from __future__ import annotations

import itertools

from plugdesk.domain.poll_pacing import PaceSettings, PollPacer


def drive(pacer: PollPacer, until: float, status_of: dict[str, str]) -> list[tuple[float, str]]:
    """Run the pacer like the service does (instant answers); return (time, key) sent."""
    now = 0.0
    sent: list[tuple[float, str]] = []
    while True:
        upcoming = pacer.next_poll(now)
        if upcoming is None:
            return sent
        key, at = upcoming
        now = max(now, at)
        if now > until:
            return sent
        pacer.note_sent(key, now)
        sent.append((now, key))
        pacer.note_status(key, status_of[key], now)


def max_in_window(times: list[float], window: float) -> int:
    return max(
        (sum(1 for t in times if start <= t < start + window) for start in times), default=0
    )


def test_one_charging_session_is_polled_every_interval() -> None:
    pacer = PollPacer(PaceSettings())
    pacer.add("a", 0.0)
    sent = drive(pacer, 60.0, {"a": "charging"})
    times = [t for t, _ in sent]
    assert times[:4] == [0.0, 5.0, 10.0, 15.0]
    assert len(times) == 13  # 0, 5, ..., 60
    assert pacer.interval_for("a") == 5.0


def test_many_sessions_share_one_budget() -> None:
    pacer = PollPacer(PaceSettings())
    keys = [f"s{n}" for n in range(6)]
    for key in keys:
        pacer.add(key, 0.0)
    sent = drive(pacer, 600.0, dict.fromkeys(keys, "charging"))
    times = [t for t, _ in sent]
    assert max_in_window(times, 60.0) <= 24  # the API allows 30
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 2.5
    assert {key for _, key in sent} == set(keys)  # nobody starves


def test_repeated_idle_status_slows_down_and_a_change_resets() -> None:
    pacer = PollPacer(PaceSettings())
    pacer.add("a", 0.0)
    now = 0.0
    intervals = []
    for _ in range(8):
        pacer.note_sent("a", now)
        pacer.note_status("a", "created", now)
        interval = pacer.interval_for("a")
        assert interval is not None
        intervals.append(interval)
        now += interval
    assert intervals[0] == 5.0
    assert intervals[-1] == 30.0  # capped at idle_max
    assert intervals == sorted(intervals)
    pacer.note_status("a", "authorized", now)
    assert pacer.interval_for("a") == 5.0


def test_charging_never_slows_down() -> None:
    pacer = PollPacer(PaceSettings())
    pacer.add("a", 0.0)
    for n in range(10):
        pacer.note_status("a", "charging", float(n))
    assert pacer.interval_for("a") == 5.0


def test_429_pauses_for_retry_after_then_recovers() -> None:
    pacer = PollPacer(PaceSettings())
    pacer.add("a", 0.0)
    pacer.note_sent("a", 0.0)
    wait = pacer.note_rate_limited("a", 40.0, 0.0)
    assert wait == 40.0
    assert pacer.backoff == 2.0
    upcoming = pacer.next_poll(1.0)
    assert upcoming is not None and upcoming[1] == 40.0
    # Slower while backing off: interval doubled.
    assert pacer.interval_for("a") == 10.0
    now = 40.0
    for _ in range(3):
        pacer.note_sent("a", now)
        pacer.note_status("a", "charging", now)
        now += pacer.interval_for("a") or 0
    assert pacer.backoff == 1.0
    assert pacer.interval_for("a") == 5.0


def test_429_without_retry_after_waits_at_least_the_slowed_interval() -> None:
    pacer = PollPacer(PaceSettings())
    pacer.add("a", 0.0)
    assert pacer.note_rate_limited("a", None, 0.0) == 10.0
    assert pacer.note_rate_limited("a", None, 10.0) == 20.0
    assert pacer.backoff == 4.0


def test_failures_back_off_per_session() -> None:
    pacer = PollPacer(PaceSettings())
    pacer.add("a", 0.0)
    assert pacer.note_failure("a", 0.0) == 10.0
    assert pacer.note_failure("a", 10.0) == 20.0
    assert pacer.note_failure("a", 30.0) == 40.0
    assert pacer.note_failure("a", 70.0) == 60.0  # capped
    pacer.note_status("a", "charging", 130.0)
    assert pacer.due_at("a") == 135.0


def test_window_rule_holds_even_with_a_tiny_gap() -> None:
    pacer = PollPacer(PaceSettings(interval=0.1, window=60.0, max_per_window=5))
    pacer.add("a", 0.0)
    sent = drive(pacer, 300.0, {"a": "charging"})
    assert max_in_window([t for t, _ in sent], 60.0) <= 5


def test_poke_polls_soon_and_removed_sessions_are_not_polled() -> None:
    pacer = PollPacer(PaceSettings())
    pacer.add("a", 0.0)
    pacer.note_sent("a", 0.0)
    pacer.note_status("a", "created", 0.0)
    pacer.poke("a", 1.0)
    assert pacer.next_poll(1.0) == ("a", 2.5)  # the global gap still holds
    pacer.remove("a")
    assert pacer.next_poll(2.0) is None
    assert "a" not in pacer


def test_scaled_settings_keep_the_ratio() -> None:
    scaled = PaceSettings().scaled(1 / 30)
    assert abs(scaled.window - 2.0) < 1e-9
    assert abs(scaled.interval - 5 / 30) < 1e-9
    assert scaled.max_per_window == 24
    assert abs(scaled.min_gap - 2.0 / 24) < 1e-9


def test_a_quiet_window_also_recovers_the_pace() -> None:
    pacer = PollPacer(PaceSettings())
    pacer.add("a", 0.0)
    pacer.note_rate_limited("a", 5.0, 0.0)
    pacer.note_rate_limited("a", 5.0, 5.0)  # paused until 25 (4 x the 5 s interval)
    assert pacer.backoff == 4.0
    pacer.remove("a")  # the session ended: no good answers will come
    pacer.next_poll(84.0)
    assert pacer.backoff == 4.0  # the quiet window counts from the end of the pause
    pacer.next_poll(85.0)
    assert pacer.backoff == 2.0
    pacer.next_poll(145.0)
    assert pacer.backoff == 1.0
