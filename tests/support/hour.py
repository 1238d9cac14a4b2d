"""One simulated hour of PlugDesk under a chaos scenario, and what it left behind.

The real parts, built as `app.run_gui` builds them: `app.Desk` (PlugchoiceClient over
HTTP to the simulator, FleetMonitor, ChargerService, the main window with its banner and
status bar, sign-in, export and public charging, and its fault monitoring: IncidentService,
IncidentTracker with the default settings, the SQLite store in the app's data folder,
Notifier -> in-app toasts offscreen), the app's one exception route (`ErrorReporter`),
the main-thread garbage collector, and an `ExportJob` (what the export dialog runs). The
simulator runs in a process of its own (`remote_sim.py`), as a real API would.

Time. The simulator's clock stands still (`time_scale=0`) and the driver moves it 30 s (the
monitor's default interval) after each refresh, so every refresh sees the fleet at a known
simulated instant and the tracker's grace periods run on that clock. The chaos timeline
(when a mode is switched on and off) is scripted in simulated minutes, so each scenario
is repeatable: same seed, same fleet, same chaos draws for the same request sequence.

The client's own real-time constants are compressed 20x so an hour fits in seconds: the
timeout is 1 s (20 s in the app), retry back-off sleeps are 1/20 of the app's, and the
request budget is 500 requests per 3 s (500 per 60 s), with the simulator enforcing the
same limit. Retry-After values are the server's own (whole seconds) and not compressed:
the client must sit each one out in full.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import gc
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient
from plugdesk.app import desk as app_module
from plugdesk.app.alerts import FaultMonitoring
from plugdesk.app.desk import Desk
from plugdesk.app.reporting import ErrorReporter, Redactor
from plugdesk.app.startup import MainThreadGC
from plugdesk.domain.export_run import ExportFilters, ExportRequest, ExportScope, ExportSummary
from plugdesk.domain.incidents import Alert
from plugdesk.domain.store import Incident
from plugdesk.services.export_job import ExportJob
from plugdesk.services.qtasync import SignalWaiter
from tests.support.gaps import Gaps, run_queue_wait
from tests.support.remote_sim import RemoteSimulator

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
CADENCE = 30.0  # simulated seconds between refreshes (FleetMonitor's default interval)
HOUR_STEPS = 120  # 121 refreshes: t = 0 s ... 3600 s
COMPRESSION = 20.0  # the client's real-time constants run this much faster
TIMEOUT = 20.0 / COMPRESSION
BUDGET_LIMIT = 500
BUDGET_WINDOW = 60.0 / COMPRESSION
REFRESH_TIMEOUT = 60.0  # real seconds one refresh may take, retries and all
EXPORT_TIMEOUT = 120.0
EXPORT_REFRESH_GAP = 0.05  # real seconds between refreshes while the export runs
MAX_STALL = 0.100
DIAG_ENV = "PLUGDESK_CHAOS_DIAG"  # set to 1: sample the loop's stack in long gaps


# -- the scenarios --------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """One chaos mode switched on for a stretch of the simulated hour."""

    name: str
    injects: str  # what the user's API does, in words (README)
    knobs: dict[str, Any] = field(default_factory=dict)
    on: float = 10.0  # simulated minute the chaos starts
    off: float = 40.0  # ... and ends (token-revoked: the user signs in again then)
    export_at: float = 25.0  # simulated minute an export of every charger starts
    seed: int = 31  # the fleet's seed: each scenario gets its own fleet history (SCENARIOS)


_SCENARIOS = (
    Scenario(
        "flaky",
        "10 % of fleet requests answer 500 Server Error or 504 (charger did not respond)",
        {"error_rate": 0.1},
    ),
    Scenario(
        "throttled",
        "429 Too Many Attempts storms: every fleet request for 1 s out of every 1.5 s "
        "(real time), with Retry-After up to the storm's end",
        {"storm_seconds": 1.0, "period": 1.5},
    ),
    Scenario(
        "garbage",
        "20 % of fleet answers broken: malformed or truncated JSON, wrong field types, "
        "an HTML 502 page, an empty 200",
        {"rate": 0.2},
    ),
    Scenario(
        "slow",
        "10 % of fleet answers come 1.5 s late, beyond the client's 1 s timeout "
        "(30 s against 20 s in the app)",
        {"rate": 0.1, "latency": 1.5},
        on=20.0,
        off=30.0,
    ),
    Scenario(
        "drop",
        "30 % of fleet answers are cut off mid-body (connection closed)",
        {"rate": 0.3},
    ),
    Scenario(
        "outage",
        "the server resets every connection for 8 simulated minutes, then is back",
        {},
        on=21.0,
        off=29.0,
    ),
    Scenario(
        "token-revoked",
        "401 Unauthenticated from minute 20; the user signs in again at minute 35",
        {},
        on=20.0,
        off=35.0,
    ),
)


# Each scenario on a fleet of its own (seeds 31, 32, ...): more fault histories covered.
SCENARIOS = tuple(
    dataclasses.replace(scenario, seed=31 + index) for index, scenario in enumerate(_SCENARIOS)
)


# -- recording what crossed the wire (client side) ------------------------------------------


@dataclass(frozen=True)
class Exchange:
    sent: float  # time.monotonic() when the request went out
    received: float  # ... when the answer's head came back (or the request failed)
    url: str
    status: int  # 0: no answer (connection reset, timeout, ...)
    retry_after: str | None


class RecordingTransport(httpx.AsyncBaseTransport):
    """The client's real transport, noting when each request left and each answer came."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.exchanges: list[Exchange] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        sent = time.monotonic()
        try:
            response = await self._inner.handle_async_request(request)
        except BaseException:
            self.exchanges.append(Exchange(sent, time.monotonic(), str(request.url), 0, None))
            raise
        retry_after = response.headers.get("retry-after")
        exchange = Exchange(
            sent, time.monotonic(), str(request.url), response.status_code, retry_after
        )
        self.exchanges.append(exchange)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


async def compressed_sleep(seconds: float) -> None:
    """The client's back-off, COMPRESSION times faster."""
    await asyncio.sleep(seconds / COMPRESSION)


# -- the event-loop ticker -------------------------------------------------------------------


class StallMeter(Gaps):
    """tests/ui/test_event_loop.py's ticker (an asyncio task and a QTimer), also noting
    what the driver was doing when the longest gap happened, and pausable while the
    harness (not the app) does slow work such as reading the simulator's truth."""

    def __init__(self) -> None:
        super().__init__()
        self.phase = "start"
        self.worst_phase = ""
        self.worst_cpu = 0.0  # CPU time the loop thread spent in the worst asyncio gap
        self.worst_stacks: list[str] = []  # with PLUGDESK_CHAOS_DIAG=1: what the loop ran
        self._task: asyncio.Task[None] | None = None
        self._last_tick = time.perf_counter()
        self._samples: list[str] = []
        self._sampler: _Sampler | None = None
        if os.environ.get(DIAG_ENV):
            self._sampler = _Sampler(self, threading.get_ident())
        # Raw wall-clock gaps, and the same less the time the OS kept the loop thread
        # waiting for a CPU (run-queue wait, from /proc/thread-self/schedstat): a busy
        # machine delays every process, but only time the loop was *blocked* (running
        # our code, or sleeping on I/O, a lock or the GIL) is the app's stall.
        self.raw_asyncio_max = 0.0
        self.raw_qt_max = 0.0
        self.gc_max = 0.0  # the longest garbage collection, in seconds
        self._gc_started = 0.0
        self._qt_last_wait = run_queue_wait()

    def start(self) -> None:
        self._running = True
        self._qt_last = time.perf_counter()
        self._qt_last_wait = run_queue_wait()
        if self._gc_callback not in gc.callbacks:
            gc.callbacks.append(self._gc_callback)
        self._task = asyncio.get_running_loop().create_task(self.run())

    async def pause(self) -> None:
        self.stop()
        if self._task is not None:
            await self._task
            self._task = None
        if self._gc_callback in gc.callbacks:
            gc.callbacks.remove(self._gc_callback)

    def _gc_callback(self, phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self.gc_max = max(self.gc_max, time.perf_counter() - self._gc_started)

    def _qt_tick(self) -> None:
        now, wait = time.perf_counter(), run_queue_wait()
        gap = now - self._qt_last
        self.raw_qt_max = max(self.raw_qt_max, gap)
        blocked = gap - (wait - self._qt_last_wait)
        if blocked > self.qt_max:
            self.qt_max = blocked
            if blocked >= max(self.asyncio_max, 0.05):
                self.worst_phase = f"Qt during {self.phase}"
        self._qt_last, self._qt_last_wait = now, wait

    async def run(self) -> None:
        self.timer.start()
        last, last_cpu, last_wait = time.perf_counter(), time.thread_time(), run_queue_wait()
        while self._running:
            await asyncio.sleep(0.005)
            now, cpu, wait = time.perf_counter(), time.thread_time(), run_queue_wait()
            gap = now - last
            self.raw_asyncio_max = max(self.raw_asyncio_max, gap)
            blocked = gap - (wait - last_wait)
            if blocked > self.asyncio_max:
                self.asyncio_max = blocked
                self.worst_cpu = cpu - last_cpu
                self.worst_stacks = list(self._samples)
                if blocked >= max(self.qt_max, 0.05):
                    self.worst_phase = f"asyncio during {self.phase}"
            self._samples = []
            self.ticks += 1
            last, last_cpu, last_wait = now, cpu, wait
            self._last_tick = now
        self.timer.stop()

    @property
    def worst(self) -> float:
        """The longest time the loop was blocked (asyncio or Qt side)."""
        return max(self.asyncio_max, self.qt_max)

    @property
    def worst_raw(self) -> float:
        """The longest wall-clock gap, run-queue waits included."""
        return max(self.raw_asyncio_max, self.raw_qt_max)


class _Sampler(threading.Thread):
    """Diagnostics: while the loop has not ticked for 20 ms, sample the loop thread's
    Python stack every 5 ms (the samples of the worst gap are kept)."""

    def __init__(self, meter: StallMeter, thread_id: int) -> None:
        super().__init__(name="stall-sampler", daemon=True)
        self._meter = meter
        self._thread_id = thread_id
        self.start()

    def run(self) -> None:
        while True:
            time.sleep(0.005)
            if time.perf_counter() - self._meter._last_tick < 0.02:
                continue
            frame = sys._current_frames().get(self._thread_id)
            if frame is not None:
                stack = traceback.extract_stack(frame)[-6:]
                self._meter._samples.append(
                    " <- ".join(f"{f.name}@{Path(f.filename).name}:{f.lineno}" for f in stack[::-1])
                )


# -- what each refresh showed -----------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """The window and the history right after one refresh."""

    minute: float
    outcome: str  # "ok", "stale", "offline", "auth", or "paused" (no refresh: signed out)
    banner_shown: bool
    banner_state: str
    banner_text: str
    sign_in_shown: bool
    table_stale: bool
    detail_stale: bool
    status_message: str  # the status bar's passing message
    refreshed_label: str  # the status bar's "Updated … ago"
    incidents: tuple[tuple[int, bool], ...]  # (id, open) of every incident


@dataclass
class ExportOutcome:
    started_minute: float
    summary: ExportSummary | None = None
    failure: str | None = None
    cancelled: bool = False
    truth_ids: list[int] = field(default_factory=list)
    target: Path | None = None
    seconds: float = 0.0


class SimulatedClock:
    """The simulator's time, kept here: its clock stands still unless the driver moves
    it, so START plus what was advanced *is* its time, read without a round trip to the
    simulator's process (the app reads it on every refresh, on its event loop)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def now(self) -> datetime:
        return START + timedelta(seconds=self.seconds)


@dataclass
class HourRun:
    """Everything a chaos test asserts on."""

    scenario: Scenario
    sim: RemoteSimulator
    desk: Desk
    parts: FaultMonitoring
    errors: ErrorReporter
    transport: RecordingTransport
    meter: StallMeter
    export_dir: Path
    start: datetime = START
    snapshots: list[Snapshot] = field(default_factory=list)
    observed: list[datetime] = field(default_factory=list)  # sim time of good refreshes
    alerts: list[Alert] = field(default_factory=list)
    export: ExportOutcome | None = None
    incidents: list[Incident] = field(default_factory=list)
    real_seconds: float = 0.0
    collector: MainThreadGC | None = None
    clock: SimulatedClock = field(default_factory=SimulatedClock)

    @property
    def client(self) -> PlugchoiceClient:
        return self.desk.client

    def minute(self) -> float:
        return (self.clock.now() - self.start).total_seconds() / 60


def desk_on_simulated_time(
    client: PlugchoiceClient, errors: ErrorReporter, clock: Callable[[], datetime]
) -> Desk:
    """`app.Desk` exactly as the app builds it, except that its fault monitoring keeps
    simulated time (grace periods, incident times) and, offscreen, skips the desktop's
    notification service (the in-app toasts show the alerts)."""
    build_faults = app_module.wire_fault_monitoring
    app_module.wire_fault_monitoring = functools.partial(  # type: ignore[assignment]
        build_faults, clock=clock, native=False
    )
    try:
        return Desk(client, errors=errors)
    finally:
        app_module.wire_fault_monitoring = build_faults


def build(sim: RemoteSimulator, scenario: Scenario, export_dir: Path) -> HourRun:
    """The desk as `app.run_gui` builds it, on the test's qasync loop (call inside it)."""
    errors = ErrorReporter(Redactor([sim.token]))
    errors.install()
    asyncio.get_event_loop().set_exception_handler(errors.loop_exception_handler)
    collector = MainThreadGC()  # as run_gui: cycles are collected on this thread only
    collector.install()
    transport = RecordingTransport()
    client = PlugchoiceClient(
        sim.base_url,
        sim.token,
        timeout=TIMEOUT,
        budget=RequestBudget(per_minute=BUDGET_LIMIT, window=BUDGET_WINDOW),
        sleep=compressed_sleep,
        transport=transport,
    )
    clock = SimulatedClock()
    desk = desk_on_simulated_time(client, errors, clock.now)
    desk.monitor.set_interval(3600)  # the driver refreshes every simulated 30 s itself
    parts = desk.faults
    run = HourRun(scenario, sim, desk, parts, errors, transport, StallMeter(), export_dir)
    run.collector = collector
    run.clock = clock
    desk.monitor.fleet_updated.connect(lambda _fleet: run.observed.append(clock.now()))
    parts.notifier.delivered.connect(lambda alert, _channel: run.alerts.append(alert))
    return run


# -- driving the hour ---------------------------------------------------------------------------


async def drive(run: HourRun) -> None:
    """Refresh every 30 simulated seconds for an hour, chaos on and off on schedule, an
    export in the middle; the ticker runs throughout."""
    began = time.monotonic()
    scenario, sim = run.scenario, run.sim
    run.meter.start()
    try:
        run.meter.phase = "start-up"
        run.desk.start()  # shows the window and starts the first refresh
        for step in range(HOUR_STEPS + 1):
            minute = step * CADENCE / 60
            if minute == scenario.on:
                await harness(sim.set_chaos, scenario.name, **scenario.knobs)
            if minute == scenario.off:
                await _chaos_over(run)
            run.meter.phase = f"refresh at minute {minute:g}"
            outcome = await refresh(run)
            run.snapshots.append(snapshot(run, minute, outcome))
            if minute == scenario.export_at:
                run.export = await export_while_refreshing(run)
            run.meter.phase = f"advancing past minute {minute:g}"
            if step < HOUR_STEPS:
                await harness(sim.advance, CADENCE)
                run.clock.seconds += CADENCE
        run.meter.phase = "settling"
        await run.parts.notifier.deliver_all([])  # the last alerts out
        await run.parts.service.flush()
    finally:
        await run.meter.pause()
        run.real_seconds = time.monotonic() - began
    run.incidents = run.parts.store.list_incidents()


async def harness(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """A call to the simulator process, made from a worker thread: waiting for the
    harness must not count as the app's event loop standing still."""
    return await asyncio.to_thread(call, *args, **kwargs)


async def _chaos_over(run: HourRun) -> None:
    await harness(run.sim.set_chaos, None)
    if run.scenario.name == "token-revoked":
        # The user follows the banner: signs in again with a working token (what the
        # sign-in dialog hands the sign-in service), and waits for the check.
        signed_in = SignalWaiter(run.desk.signin.signed_in)
        run.desk.signin.sign_in(run.sim.base_url, run.sim.token)
        await signed_in.wait(REFRESH_TIMEOUT)


async def refresh(run: HourRun) -> str:
    """One refresh to its end (F5's path); "paused" when polling waits for a sign-in."""
    monitor = run.desk.monitor
    finished = SignalWaiter(monitor.refresh_finished)
    if not monitor.refresh_now() and not monitor.is_refreshing:
        finished.disconnect()
        return "paused"
    (state,) = await finished.wait(REFRESH_TIMEOUT)
    return str(state)


def snapshot(run: HourRun, minute: float, outcome: str) -> Snapshot:
    window = run.desk.window
    banner = window.banner
    return Snapshot(
        minute=minute,
        outcome=outcome,
        banner_shown=banner.isVisible(),
        banner_state=banner.state,
        banner_text=banner.text,
        sign_in_shown=banner.sign_in_button.isVisible(),
        table_stale=window.fleet_model.is_stale,
        detail_stale=bool(window.detail_pane.stale_label.text()),
        status_message=window.status_bar.currentMessage(),
        refreshed_label=window.status_bar.refresh_label.text(),
        incidents=tuple((i.id, i.is_open) for i in run.parts.store.list_incidents()),
    )


async def export_while_refreshing(run: HourRun) -> ExportOutcome:
    """Export every charger's transactions (the export dialog's job) while the monitor
    keeps refreshing, both on one request budget. The simulated clock stands still
    meanwhile, so the file can be compared with the server's truth at that instant."""
    outcome = ExportOutcome(run.minute(), target=run.export_dir / "chaos-export.csv")
    assert outcome.target is not None
    job = ExportJob(run.desk.client, run.desk.runner)
    request = ExportRequest(ExportScope.all(), ExportFilters(), outcome.target)
    job.failed.connect(lambda message: setattr(outcome, "failure", message))
    job.cancelled.connect(lambda: setattr(outcome, "cancelled", True))
    began = time.monotonic()
    task = asyncio.ensure_future(job.run(request))
    run.meter.phase = f"export at minute {outcome.started_minute:g}"
    while not task.done():
        if await refresh(run) == "paused":
            break
        await asyncio.wait({task}, timeout=EXPORT_REFRESH_GAP)
    outcome.summary = await asyncio.wait_for(task, EXPORT_TIMEOUT)
    outcome.seconds = time.monotonic() - began
    outcome.truth_ids = await harness(run.sim.all_transaction_ids)
    return outcome


async def close(run: HourRun) -> None:
    await run.parts.service.flush()
    await run.desk.aclose()  # closes the fault monitoring (store, notifier) too
    run.errors.uninstall()
    if run.collector is not None:
        run.collector.uninstall()


def run_hour(
    sim: RemoteSimulator, scenario: Scenario, export_dir: Path, runner: Callable[..., Any]
) -> HourRun:
    """Build, drive and close one scenario on the test's loop (`run` fixture)."""

    async def built() -> HourRun:
        return build(sim, scenario, export_dir)

    hour = runner(built())
    try:
        runner(drive(hour), timeout=300)
    finally:
        runner(close(hour), timeout=60)
    return hour

