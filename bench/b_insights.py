"""`aggregate 100,000`: 100,000 transactions over 5,000 chargers (a year in
Europe/Amsterdam, so both DST changes are inside) aggregated into every Insights chart —
energy per day, week and month by site, sessions per day, utilisation per connector, the
7×24 heat map, uptime per charger and site from 5,000 incidents, worst chargers, faults by
code, model and firmware — the way the Insights tab does it: in the worker thread, in
chunks, on the app's qasync loop, while a 5 ms QTimer and a 5 ms asyncio ticker measure how
late the loop turns (`StallMeter`, as the responsiveness row)."""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bench.b_gui import StallMeter
from bench.common import Result, emit
from bench.qtharness import finish, qt_loop
from plugdesk.domain.insights import ChargerFacts, Downtime, Period, Session
from plugdesk.services.insights_job import aggregate_off_thread

TRANSACTIONS, CHARGERS, INCIDENTS = 100_000, 5_000, 5_000
TARGET_S, STALL_MS = 1.0, 50.0
ZONE = ZoneInfo("Europe/Amsterdam")


def workload(seed: int = 17) -> tuple[Period, list[ChargerFacts], list[Session], list[Downtime]]:
    rnd = random.Random(seed)
    period = Period(date(2026, 1, 1), date(2026, 12, 31), ZONE)
    facts = [
        ChargerFacts(f"c{i:04d}", f"PC-{i:04d}", f"Site {i % 40:02d}", f"Model {i % 7}",
                     f"1.{i % 5}.0", (1, 2))
        for i in range(CHARGERS)
    ]
    start, end = period.start, period.end
    sessions = []
    for _ in range(TRANSACTIONS):
        begin = rnd.uniform(start - 43_200, end)  # some start the day before the period
        sessions.append(Session(f"c{rnd.randrange(CHARGERS):04d}", rnd.choice((1, 2)), begin,
                                begin + rnd.uniform(600, 14 * 3600), round(rnd.uniform(1, 40), 2)))
    downtimes = []
    for _ in range(INCIDENTS):
        begin = rnd.uniform(start, end)
        downtimes.append(Downtime(
            f"c{rnd.randrange(CHARGERS):04d}", rnd.choice(("fault", "offline", "stale")),
            datetime.fromtimestamp(begin, ZONE),
            datetime.fromtimestamp(begin + rnd.uniform(60, 86_400), ZONE),
            rnd.choice(("GroundFailure", "OverVoltage", None)),
        ))
    return period, facts, sessions, downtimes


def worker(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    _app, loop = qt_loop()
    period, facts, sessions, downtimes = workload()
    now = datetime(2027, 1, 2, tzinfo=ZONE)
    walls: list[float] = []
    stalls: list[float] = []
    raw: list[float] = []
    cpu: list[float] = []
    checks: dict[str, Any] = {}

    async def one_run() -> None:
        meter = StallMeter()
        meter.start()
        await asyncio.sleep(0.05)
        started, cpu_before = time.perf_counter(), time.process_time()
        insights = await aggregate_off_thread(sessions, period, facts, downtimes, now=now)
        for granularity in ("week", "month"):  # the other two energy charts
            insights.energy_by(granularity)  # type: ignore[arg-type]
        walls.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_before)
        await asyncio.sleep(0.05)
        await meter.stop()
        stalls.append(meter.worst()[0] * 1000)
        raw.append(meter.raw_worst * 1000)
        checks.update(sessions=insights.sessions, kwh=round(insights.energy_kwh, 3),
                      connectors=len(insights.utilisation), sites=len(insights.sites))

    loop.run_until_complete(one_run())  # warm-up: imports, first allocations
    walls.clear(), stalls.clear(), raw.clear(), cpu.clear()
    for _ in range(options.runs):
        loop.run_until_complete(one_run())
    finish(loop)
    median = statistics.median(walls)
    stall = statistics.median(stalls)
    emit(Result(
        name="aggregate 100,000",
        median=median,
        min=min(walls),
        max=max(walls),
        unit="s",
        floor=None,
        ratio=None,
        target=f"≤ {TARGET_S:g} s, longest stall ≤ {STALL_MS:g} ms",
        passed=median <= TARGET_S and stall <= STALL_MS,
        samples=walls,
        details={
            "stall_ms": stalls,
            "stall_ms_median": stall,
            "wall_clock_worst_ms": raw,
            "process_cpu_s": cpu,
            "figures": checks,
        },
    ).to_json())
