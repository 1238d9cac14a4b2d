"""Request budget: requests a minute spent keeping a 5,000-charger fleet watched, and the
fault latency that buys, with the real FleetMonitor and its pacer
(`plugdesk.domain.fleet_pacing`) against a time-scaled simulator in its own process.

Everything runs `scale` times faster than life: the simulator's clock and rate-limit
window, the client's request budget window and the pacer's durations. Requests are
counted per simulated minute from the simulator's own request log; fault latency is the
simulated time from the start of a fault or offline period (the simulator's fault log)
to the first `fleet_updated` that shows it."""

from __future__ import annotations

import argparse
import asyncio
import bisect
import statistics
import time
from pathlib import Path
from typing import Any

from bench.common import Result, child_env, emit, run_worker
from bench.simproc import SimProcess

FLEET = 5000
LIMIT = 500  # API.md: 500 requests a minute per user
TARGET_SHARE = 0.5
LATENCY_TARGET = 60.0


# -- the worker: the monitor, watching -------------------------------------------------------


def _fault_state(charger: Any) -> tuple[bool, bool]:
    """(faulted, offline) as the fleet list shows it."""
    faulted = charger.status == "Faulted" or charger.error not in (None, "", "NoError")
    return faulted, charger.connection_status == "offline"


def worker(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--scale", type=float, required=True)
    parser.add_argument("--minutes", type=float, required=True)
    options = parser.parse_args(argv)

    from bench.qtharness import finish, qt_loop
    from plugdesk.api.budget import RequestBudget
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.domain.fleet_pacing import FleetPaceSettings
    from plugdesk.services.monitor import FleetMonitor
    from plugdesk.services.qtasync import SignalWaiter
    from plugdesk.tasks import TaskRunner

    _app, loop = qt_loop()
    scale = options.scale
    errors: list[str] = []
    emissions: list[float] = []
    transitions: list[tuple[str, str, bool, float]] = []  # uuid, kind, shown, when
    shown: dict[str, tuple[bool, bool]] = {}

    def observe(fleet: list[Any]) -> None:
        now = time.monotonic()
        emissions.append(now)
        for charger in fleet:
            state = _fault_state(charger)
            before = shown.get(charger.uuid, (False, False))
            if state != before:
                for kind, was, is_now in zip(("fault", "offline"), before, state, strict=True):
                    if was != is_now:
                        transitions.append((charger.uuid, kind, is_now, now))
                shown[charger.uuid] = state

    async def scenario() -> dict[str, Any]:
        budget = RequestBudget(LIMIT, window=60.0 / scale)
        client = PlugchoiceClient(options.base_url, options.token, budget=budget)
        runner = TaskRunner(on_error=lambda error: errors.append(repr(error)))
        monitor = FleetMonitor(client, runner, pacing=FleetPaceSettings().scaled(1 / scale))
        monitor.fleet_updated.connect(observe)
        monitor.refresh_failed.connect(errors.append)
        first = SignalWaiter(monitor.fleet_updated)
        started = time.monotonic()
        monitor.start()
        await first.wait(120)
        loaded = time.monotonic()
        await asyncio.sleep(options.minutes * 60 / scale)
        ended = time.monotonic()
        monitor.stop()
        await runner.cancel_all()
        await client.aclose()
        pacer = monitor.pacer
        return {
            "started": started,
            "loaded": loaded,
            "ended": ended,
            "pages": pacer.pages,
            "cycle_s": pacer.cycle() * scale,
            "planned_per_minute": pacer.requests_per_window(),
            "expected_latency_s": pacer.expected_latency() * scale,
            "emissions": emissions,
            "transitions": transitions,
            "errors": errors[:20],
            "error_count": len(errors),
        }

    result = loop.run_until_complete(scenario())
    finish(loop)
    emit(result)


# -- the analysis, in the parent -------------------------------------------------------------


def _sim_clock(requests: list[dict[str, Any]], scale: float) -> float:
    """Offset so that sim_time = offset + scale x monotonic (the simulator's clock)."""
    return statistics.median(r["sim_time"] - scale * r["real_time"] for r in requests)


def _latencies(
    faults: list[dict[str, Any]],
    transitions: list[list[Any]],
    emissions: list[float],
    window: tuple[float, float],
    to_real: Any,
    scale: float,
) -> dict[str, Any]:
    """Sim seconds from each fault's start to the first fleet update showing it."""
    shown_on: dict[tuple[str, str], list[float]] = {}
    shown_off: dict[tuple[str, str], list[float]] = {}
    for uuid, kind, state, when in transitions:
        (shown_on if state else shown_off).setdefault((uuid, kind), []).append(when)
    latencies: list[float] = []
    missed_short: list[float] = []
    missed_long: list[dict[str, Any]] = []
    first, last = window
    for fault in faults:
        if fault["kind"] == "fault" and fault["connector_id"] is not None:
            continue  # a connector's fault: not in the list (GET /chargers/{uuid} has it)
        start = to_real(fault["started_at"])
        if not first <= start <= last:
            continue
        end = to_real(fault["ended_at"]) if fault["ended_at"] else float("inf")
        key = (fault["uuid"], fault["kind"])
        ons = shown_on.get(key, [])
        offs = shown_off.get(key, [])
        # Shown already (an earlier period whose end was never read): the next update.
        last_on = max((t for t in ons if t <= start), default=None)
        last_off = max((t for t in offs if t <= start), default=None)
        if last_on is not None and (last_off is None or last_off < last_on):
            index = bisect.bisect_left(emissions, start)
            seen = emissions[index] if index < len(emissions) else None
        else:
            seen = next((t for t in sorted(ons) if t >= start), None)
        if seen is not None and seen <= end + 1e-6:
            latencies.append((seen - start) * scale)
            continue
        duration = (end - start) * scale
        if duration < LATENCY_TARGET:
            missed_short.append(duration)  # over before any sweep could see it
        else:
            missed_long.append({**fault, "duration_s": duration})
    return {"latencies": latencies, "missed_short": missed_short, "missed_long": missed_long}


def _per_minute(times: list[float], start: float, end: float, minute: float) -> list[int]:
    counts: list[int] = []
    t = start
    while t + minute <= end:
        counts.append(bisect.bisect_left(times, t + minute) - bisect.bisect_left(times, t))
        t += minute
    return counts


def _peak(times: list[float], minute: float) -> int:
    return max((bisect.bisect_left(times, t + minute) - i for i, t in enumerate(times)),
               default=0)


def run(quick: bool, home: Path) -> list[Result]:
    scale = 10.0 if quick else 5.0
    minutes = 8.0 if quick else 30.0
    env = child_env(home)
    with SimProcess(
        env, chargers=FLEET, time_scale=scale, rate_window=60 / scale, rate_limit=LIMIT
    ) as sim:
        watched = run_worker(
            "budget",
            ["--base-url", sim.base_url, "--token", sim.token, "--scale", str(scale),
             "--minutes", str(minutes)],
            home,
            timeout=minutes * 60 / scale + 300,
        )[0]
        logs = sim.dump(home / "simlog.json")
    requests = [r for r in logs["requests"] if r["status"]]
    offset = _sim_clock(requests, scale)

    def to_real(sim_ts: float) -> float:
        return (sim_ts - offset) / scale

    minute = 60 / scale
    times = sorted(r["real_time"] for r in requests)
    steady_from = watched["loaded"] + minute  # the first load's burst is behind us
    counts = _per_minute(times, steady_from, watched["ended"], minute)
    found = _latencies(
        logs["faults"],
        watched["transitions"],
        sorted(watched["emissions"]),
        (watched["loaded"], watched["ended"] - minute),
        to_real,
        scale,
    )
    latencies = sorted(found["latencies"])
    worst = latencies[-1] if latencies else float("inf")
    median = statistics.median(counts)
    limited = sum(1 for r in requests if r["status"] == 429)
    passed = (
        max(counts) <= TARGET_SHARE * LIMIT
        and worst <= LATENCY_TARGET
        and not found["missed_long"]
        and limited == 0
    )
    return [
        Result(
            name="request budget",
            median=median,
            min=min(counts),
            max=max(counts),
            unit="req/min",
            floor=LIMIT,
            ratio=median / LIMIT,
            target="≤ 50 % of 500/min, fault latency ≤ 60 s",
            passed=passed,
            samples=[float(c) for c in counts],
            details={
                "time_scale": scale,
                "simulated_minutes": minutes,
                "pages": watched["pages"],
                "cycle_s": round(watched["cycle_s"], 1),
                "planned_per_minute": round(watched["planned_per_minute"], 1),
                "peak_any_minute_incl_first_load": _peak(times, minute),
                "responses_429": limited,
                "faults_seen": len(latencies),
                "latency_median_s": round(statistics.median(latencies), 1) if latencies else None,
                "latency_p95_s": round(latencies[int(0.95 * (len(latencies) - 1))], 1)
                if latencies else None,
                "latency_max_s": round(worst, 1),
                "missed_blips": len(found["missed_short"]),
                "missed_blips_longest_s": round(max(found["missed_short"], default=0.0), 1),
                "missed_long": found["missed_long"][:5],
                "monitor_errors": watched["error_count"],
                "fleet_updates": len(watched["emissions"]),
            },
        )
    ]
