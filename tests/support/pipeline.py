"""Shared pieces for the fault-monitoring tests: the monitor -> incidents pipeline over
loopback HTTP to the simulator, with a real SQLite store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from plugdesk.api.budget import RequestBudget
from plugdesk.domain.incidents import Alert, IncidentTracker, NotificationPrefs
from plugdesk.domain.store import Store
from plugdesk.services.incidents import IncidentService
from tests.support.harness import Harness, make_harness

LOUD = NotificationPrefs(fault=True, offline=True, stale=True, resolved=True)


@dataclass
class Pipeline:
    harness: Harness
    store: Store
    tracker: IncidentTracker
    service: IncidentService
    alerts: list[Alert] = field(default_factory=list)
    changes: list[bool] = field(default_factory=list)
    summaries: list[tuple[str, dict[str, int], str]] = field(default_factory=list)
    observed_at: list[datetime] = field(default_factory=list)

    async def refresh(self, seconds: float = 20) -> None:
        await self.harness.refresh(seconds)

    async def aclose(self) -> None:
        await self.service.flush()
        self.service.close()
        await self.harness.aclose()


def make_pipeline(
    sim: Any,
    db: Path,
    *,
    clock: Any = None,
    unlimited: bool = False,
    **tracker_options: Any,
) -> Pipeline:
    """Monitor + IncidentService on a store file. `clock` defaults to the simulator's, so
    grace periods run on simulated time; `unlimited` lifts the client's request budget
    (the simulator's own limit is set where it is built)."""
    options: dict[str, Any] = {}
    if unlimited:
        options["budget"] = RequestBudget(per_minute=1_000_000)
    harness = make_harness(sim, **options)
    store = Store(db)
    tracker_options.setdefault("prefs", LOUD)
    tracker = IncidentTracker(store, **tracker_options)
    service = IncidentService(
        store, tracker, harness.runner, source=sim.base_url, clock=clock or sim.now
    )
    service.attach(harness.monitor)
    harness.settle.append(service.flush)  # alerts come once the history has them
    pipeline = Pipeline(harness, store, tracker, service)
    service.alerts.connect(pipeline.alerts.extend)
    service.incidents_changed.connect(lambda: pipeline.changes.append(True))
    service.health_summary.connect(
        lambda level, counts, tip: pipeline.summaries.append((level, counts, tip))
    )
    harness.monitor.fleet_updated.connect(lambda _fleet: pipeline.observed_at.append(sim.now()))
    return pipeline
