"""The watch's incident wiring without widgets: shared by the desktop app (`alerts.py`)
and the headless `plugdesk watch` (`app/watch.py`), so both judge, wait out grace periods
and keep the history the same way, and follow any change to the watch at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from plugdesk.domain.incidents import IncidentTracker
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import Settings, load_settings
from plugdesk.domain.store import Store
from plugdesk.services.incidents import IncidentService, utc_now
from plugdesk.services.monitor import FleetMonitor
from plugdesk.tasks import TaskRunner

log = logging.getLogger(__name__)


def wire_incidents(
    monitor: FleetMonitor,
    runner: TaskRunner,
    store: Store,
    settings: Settings,
    *,
    source: str,
    clock: Callable[[], datetime] = utc_now,
) -> tuple[IncidentTracker, IncidentService]:
    """FleetMonitor -> IncidentService (tracker + store): good refreshes become incidents
    and alerts (`service.alerts`), committed before they are emitted."""
    tracker = IncidentTracker.from_settings(store, settings)
    service = IncidentService(store, tracker, runner, source=source, clock=clock)
    service.attach(monitor)
    return tracker, service


def load_app_settings() -> Settings:
    """The user's settings (grace periods, notification choices); defaults if unreadable."""
    settings, warning = load_settings(app_paths().settings_path())
    if warning:
        log.warning("%s", warning)
    return settings
