"""`plugdesk watch`, a real subprocess, against the simulator: the same history as the app.

One scripted timeline (faults, an outage, a second fault on the same charger, recoveries)
is played twice on two identical frozen simulators (same seed, same start):

1. against `plugdesk watch --time-scale 60` in a subprocess (its clock and pace run 60x:
   two minutes of grace are two seconds), each step waiting for the watch's line that
   says the step's incident opened or resolved, then SIGTERM;
2. against the app's own wiring (`app.watching.wire_incidents`, which `alerts.py` uses
   for the window) in this process, on a stepped clock: refresh every 10 simulated
   seconds until the same event appears.

Both histories must hold the same incidents (charger, kind, error, open or closed), the
watch's lines must match its history one for one, and SIGTERM must end it with exit 0
with every alert marked as delivered (nothing lost).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from plugdesk.app.watching import wire_incidents
from plugdesk.domain.incidents import Alert
from plugdesk.domain.store import Incident, Store
from plugdesk.simulator import Simulator
from tests.support.harness import make_harness
from tests.support.watch_proc import FAST, WatchProcess, write_settings

# Now (to the second): the watch's clock starts at the wall clock, and the simulator's
# frozen heartbeats must be as fresh for it as for the in-process run's clock.
START = datetime.now(UTC).replace(microsecond=0)
SEED = 5
CHARGERS = 12
STEP = timedelta(seconds=10)  # the in-process run's refresh cadence (= FAST's interval)


def frozen_sim() -> Simulator:
    sim = Simulator(chargers=CHARGERS, seed=SEED, time_scale=0, start_time=START,
                    rate_limit_per_minute=1_000_000)  # fmt: skip
    sim.start()
    return sim


@pytest.fixture
def sims() -> Iterator[tuple[Simulator, Simulator]]:
    first, second = frozen_sim(), frozen_sim()
    try:
        yield first, second
    finally:
        first.stop()
        second.stop()


@dataclass(frozen=True)
class Step:
    act: Callable[[Simulator], None]
    event: str  # "opened" / "resolved"
    kind: str
    uuid: str


def script(sim: Simulator) -> list[Step]:
    """Two healthy chargers (online, Available) get the timeline."""
    healthy = [c["uuid"] for c in sim.chargers()
               if c["connection_status"] == "online" and c["status"] == "Available"]  # fmt: skip
    a, b = healthy[0], healthy[1]
    return [
        Step(lambda s: s.force_fault(a, "GroundFailure"), "opened", "fault", a),
        Step(lambda s: s.force_offline(b), "opened", "offline", b),
        Step(lambda s: s.clear_fault(a), "resolved", "fault", a),
        Step(lambda s: s.force_fault(a, "OverVoltage"), "opened", "fault", a),
        Step(lambda s: s.force_online(b), "resolved", "offline", b),
        Step(lambda s: s.clear_fault(a), "resolved", "fault", a),
    ]


def history(incidents: list[Incident]) -> list[tuple[str, str, str | None, bool]]:
    return sorted((i.charger_uuid, i.kind, i.error_code, i.is_open) for i in incidents)


def identity_of(sim: Simulator, uuid: str) -> str:
    return str(sim.charger(uuid)["identity"])


def test_watch_keeps_the_same_history_as_the_app(
    sims: tuple[Simulator, Simulator], tmp_path: Path, run: Any
) -> None:
    watch_sim, app_sim = sims
    home = tmp_path / "watch-home"
    write_settings(home)
    steps = script(watch_sim)
    with WatchProcess(watch_sim, home) as watch:
        for number, step in enumerate(steps):
            step.act(watch_sim)
            seen = sum(1 for s in steps[: number + 1] if (s.event, s.kind, s.uuid) ==
                       (step.event, step.kind, step.uuid))  # fmt: skip
            name = identity_of(watch_sim, step.uuid)
            watch.wait_for(rf" {step.event.upper()}\s+{step.kind}\s+{name}:", count=seen)
        code = watch.terminate()
    assert code == 0, "\n".join(watch.errors)
    assert watch.lines[-1] == "watch stopped"
    assert not [line for line in watch.errors if "Traceback" in line]

    with Store(home / "data" / "plugdesk.sqlite3") as store:
        watched = store.list_incidents()
    app_incidents = run(play_in_app(app_sim, script(app_sim), tmp_path / "app.sqlite3"), 120)

    assert history(watched) == history(app_incidents), (watch.lines, history(app_incidents))
    assert {i.charger_uuid for i in watched} >= {s.uuid for s in steps}
    # Nothing lost: one line per incident opened and per incident resolved, each alert
    # marked as delivered in the history before the watch exited.
    lines = watch.incident_lines()
    assert len([line for line in lines if " OPENED " in line]) == len(watched)
    assert len([line for line in lines if " RESOLVED " in line]) == len(
        [i for i in watched if not i.is_open]
    )
    assert all(i.notified_open for i in watched)
    assert all(i.notified_close for i in watched if not i.is_open)


async def play_in_app(sim: Simulator, steps: list[Step], db: Path) -> list[Incident]:
    """The same timeline through the app's wiring, on a clock stepped 10 s a refresh."""
    now = [START]
    harness = make_harness(sim, watch=True)  # the window's watch, as `plugdesk watch`'s
    store = Store(db)
    _tracker, service = wire_incidents(harness.monitor, harness.runner, store, FAST,
                                       source=sim.base_url, clock=lambda: now[0])  # fmt: skip
    alerts: list[Alert] = []
    service.alerts.connect(alerts.extend)
    service.alerts.connect(lambda batch: [service.mark_delivered(a) for a in batch])
    try:
        await harness.refresh()
        for step in steps:
            step.act(sim)
            for _ in range(100):
                now[0] += STEP
                await harness.refresh()
                if _announced(alerts, step, store):
                    break
            else:
                raise AssertionError(f"the app never saw {step}")
        return store.list_incidents()
    finally:
        await service.flush()
        service.close()
        await harness.aclose()


def _announced(alerts: list[Alert], step: Step, store: Store) -> bool:
    """The step's event came (and for the second fault: its own incident)."""
    for alert in alerts:
        if alert.event != step.event:
            continue
        for incident_id in alert.incident_ids:
            incident = store.get_incident(incident_id)
            if incident is None or (incident.charger_uuid, incident.kind) != (step.uuid, step.kind):
                continue
            if step.event == "resolved" or incident.is_open:
                alerts.remove(alert)
                return True
    return False


def test_sigint_stops_the_watch_in_order_too(
    sims: tuple[Simulator, Simulator], tmp_path: Path
) -> None:
    import signal

    home = tmp_path / "home"
    write_settings(home)
    with WatchProcess(sims[0], home) as watch:
        watch.proc.send_signal(signal.SIGINT)
        assert watch.terminate() == 0
    assert watch.lines[-1] == "watch stopped"
    assert not (home / "data" / "watch.lock").read_text()  # no watch recorded any more


def test_a_busy_metrics_port_is_one_line_and_exit_1(
    sims: tuple[Simulator, Simulator], tmp_path: Path
) -> None:
    import socket
    import subprocess

    home = tmp_path / "home"
    write_settings(home)
    with socket.socket() as busy:  # something else serves on the port
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "plugdesk", "watch", "--api-url", sims[0].base_url,
             "--metrics", f"127.0.0.1:{port}"],
            env={**os.environ, "PLUGDESK_HOME": str(home), "PLUGDESK_TOKEN": sims[0].token},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"plugdesk: Cannot serve metrics on 127.0.0.1:{port}")
    assert "Traceback" not in done.stderr and sims[0].token not in done.stderr
