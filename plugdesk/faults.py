"""Fault monitoring wired into a running PlugDesk: one call from the composition root.

    desk.faults = wire_fault_monitoring(desk)

connects, in this order of data flow:

    FleetMonitor.fleet_updated -> IncidentService (tracker + store)
        .alerts            -> Notifier (native -> tray balloon -> in-app toast)
        .incidents_changed -> Events pane
        .health_summary    -> tray icon and tooltip
        .last_known_fleet  -> the window's charger list, marked stale (offline start)
    Notifier.delivered     -> IncidentService.mark_delivered (never shown twice)
    Notifier.open_charger, Events pane double-click -> window up, charger selected
    Tray menu              -> open, refresh, pause 1 h, sign out, quit

It lives beside `app.py` (above `ui/` and `services/`) because it joins both.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtWidgets import QApplication

from plugdesk.api.models import Charger
from plugdesk.asyncutil import TaskRunner
from plugdesk.domain.incidents import IncidentTracker
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import Settings, load_settings
from plugdesk.domain.store import MEMORY, Store, StoreError
from plugdesk.services.incidents import IncidentService, utc_now
from plugdesk.services.monitor import FleetMonitor
from plugdesk.services.notifier import Channel, NativeChannel, Notifier
from plugdesk.ui import formatting as fmt
from plugdesk.ui import icons
from plugdesk.ui.fleet_view import ALL
from plugdesk.ui.lazy_pane import LazyPane, add_lazy_pane
from plugdesk.ui.main_window import MainWindow
from plugdesk.ui.toast import ToastArea
from plugdesk.ui.tray import FleetTray, bring_up, install_tray

if TYPE_CHECKING:
    from plugdesk.ui.events_pane import EventsPane

log = logging.getLogger(__name__)

NOTIFICATION_ICON = "plugdesk-notification.png"
STATUS_MS = 10_000


class _Client(Protocol):
    @property
    def base_url(self) -> str: ...


class DeskParts(Protocol):
    """What the wiring needs from `app.Desk`."""

    @property
    def window(self) -> MainWindow: ...
    @property
    def monitor(self) -> FleetMonitor: ...
    @property
    def runner(self) -> TaskRunner: ...
    @property
    def client(self) -> _Client: ...


@dataclass
class FaultMonitoring:
    """The wired parts, for the app (and tests) to reach."""

    store: Store
    tracker: IncidentTracker
    service: IncidentService
    notifier: Notifier
    native: NativeChannel | None
    tray: FleetTray | None
    toasts: ToastArea
    events_page: LazyPane  # the Events tab; its pane is built when first shown
    events_tab: int

    @property
    def events_pane(self) -> EventsPane:
        """The Events pane (built now if the tab was never opened)."""
        return cast("EventsPane", self.events_page.contents())

    def apply_settings(self, settings: Settings) -> None:
        """New grace periods, storm threshold and notification preferences (from the
        settings dialog); open incidents and pending timers are kept."""
        self.tracker.apply_settings(settings)

    def set_source(self, api_url: str) -> None:
        """Account switch (another API URL): keep each account's cached fleet apart."""
        self.service.set_source(api_url)

    def tray_state(self) -> dict[str, object] | None:
        return None if self.tray is None else self.tray.state()

    def close(self) -> None:
        """Stop listening, close the store and take the icon out of the tray (idempotent;
        the notifier's tasks belong to the desk's runner, which cancels them).

        Call it from `Desk.aclose`, not from `QApplication.aboutToQuit`: qasync ends every
        `run_until_complete` with `app.exit()`, which emits aboutToQuit each time."""
        self.service.close()
        if self.tray is not None:
            self.tray.hide()

    async def aclose(self) -> None:
        await self.notifier.aclose()
        self.close()


def wire_fault_monitoring(
    desk: DeskParts,
    *,
    app: QApplication | None = None,
    settings: Settings | None = None,
    store: Store | None = None,
    clock: Callable[[], datetime] = utc_now,
    sign_out: Callable[[], None] | None = None,
    native: bool = True,
) -> FaultMonitoring:
    """Build and connect everything; call it once, after the window exists and before
    `desk.start()` (so the cached fleet shows while the first refresh runs).

    `sign_out` is what the tray's "Sign out" runs (the app's, which also forgets the
    stored token); without one (demo mode) the entry is greyed out."""
    qapp = app or _application()
    window = desk.window
    settings = settings or _settings()
    store = store or _open_store(window)
    tracker = IncidentTracker.from_settings(store, settings)
    service = IncidentService(store, tracker, desk.runner, source=desk.client.base_url,
                              clock=clock)  # fmt: skip
    service.attach(desk.monitor)
    window.fleet_model.set_judge(service.verdict)  # the table reads the one judgement

    parts: FaultMonitoring  # assigned below, before the Events tab can first be shown

    def events_pane() -> EventsPane:
        from plugdesk.ui.events_pane import EventsPane  # lazy: built when first shown

        return _wire_events_pane(EventsPane(service), window, parts)

    events_page, events_tab = add_lazy_pane(window, "Events", events_pane)
    toasts = ToastArea(window)
    tray = install_tray(qapp, window)
    native_channel = NativeChannel(icon_path=_notification_icon()) if native else None
    channels: list[Channel] = [c for c in (native_channel, tray, toasts) if c is not None]
    notifier = Notifier(desk.runner, channels, quiet=toasts.show_quiet,
                        detail=service.identity_line, parent=window)  # fmt: skip
    parts = FaultMonitoring(store, tracker, service, notifier, native_channel, tray, toasts,
                            events_page, events_tab)  # fmt: skip

    service.alerts.connect(notifier.notify)
    notifier.delivered.connect(lambda alert, _channel: service.mark_delivered(alert))
    notifier.open_charger.connect(lambda uuid: open_charger(window, parts, uuid))
    service.store_problem.connect(lambda text: window.status_bar.showMessage(text, STATUS_MS))
    service.last_known_fleet.connect(lambda fleet, when: show_last_known(window, fleet, when))
    if tray is not None:
        _wire_tray(tray, window, service, sign_out)
    service.start_offline_view()
    return parts


def _wire_events_pane(events: EventsPane, window: MainWindow, parts: FaultMonitoring) -> EventsPane:
    events.charger_activated.connect(lambda uuid: open_charger(window, parts, uuid))
    events.mute_changed.connect(lambda _uuid, text: window.status_bar.showMessage(text, STATUS_MS))
    return events


def _wire_tray(
    tray: FleetTray,
    window: MainWindow,
    service: IncidentService,
    sign_out: Callable[[], None] | None,
) -> None:
    service.health_summary.connect(tray.set_health)
    service.pause_changed.connect(tray.set_paused)
    tray.set_paused(service.paused_until())
    tray.open_requested.connect(lambda: bring_up(window))
    tray.refresh_requested.connect(window.refresh)
    tray.pause_requested.connect(lambda pause: service.pause() if pause else service.resume())
    tray.quit_requested.connect(window.quit_app)
    if sign_out is None:
        tray.set_signed_in(False)
    else:
        tray.sign_out_requested.connect(sign_out)


# -- what the wiring does in the window ------------------------------------------------


def open_charger(window: MainWindow, parts: FaultMonitoring, uuid: str) -> None:
    """Bring the window up on a charger ("" = a summary: on the Events pane)."""
    bring_up(window)
    if not uuid:
        window.tabs.setCurrentIndex(parts.events_tab)
        return
    window.tabs.setCurrentIndex(0)  # the Chargers pane
    if window.select_charger(uuid):
        return
    # Hidden by the search or a quick filter: show everything rather than nothing.
    window.fleet_view.search.clear()
    window.fleet_view.set_level_filter(ALL)
    if not window.select_charger(uuid):
        window.status_bar.showMessage("That charger is not in the list any more.", STATUS_MS)


def show_last_known(window: MainWindow, chargers: list[Charger], fetched_at: datetime) -> None:
    """Offline start: the cached fleet at once, greyed and labelled as not current."""
    if window.fleet_model.rowCount() or window.monitor.last_success is not None:
        return  # live data got there first
    when = fmt.local_time(fetched_at)
    window.fleet_model.set_stale(True, f"Last known fleet from {when} — refreshing")
    window.show_fleet(chargers, complete=True)
    window.detail_pane.set_stale(True)
    window.status_bar.showMessage(
        f"Showing the last known fleet from {when}, marked stale, while the first refresh runs",
        30_000,
    )


# -- start-up helpers -----------------------------------------------------------------


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("wire_fault_monitoring needs a QApplication")
    return app


def _settings() -> Settings:
    settings, warning = load_settings(app_paths().settings_path())
    if warning:
        log.warning("%s", warning)
    return settings


def _open_store(window: MainWindow) -> Store:
    """The history file; if it cannot be opened (newer schema, locked, unwritable), a
    throwaway in-memory one, and the user is told the history is not being kept."""
    try:
        store = Store(app_paths().store_path())
    except StoreError as error:
        log.error("event history unavailable: %s", error)
        window.status_bar.showMessage(
            f"{error} Events are shown but not kept this session.", 60_000
        )
        return Store(MEMORY)
    if store.problem:
        window.status_bar.showMessage(store.problem, 60_000)
    return store


def _notification_icon() -> Path | None:
    """The app icon as a PNG for notification daemons (not all of them read SVG)."""
    path = app_paths().cache_dir / NOTIFICATION_ICON
    if path.is_file():
        return path
    pixmap = icons.render_icon(128)
    if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
        log.info("could not write the notification icon to %s", path)
        return None
    return path


def describe(parts: FaultMonitoring) -> dict[str, Any]:
    """A one-look summary of the wiring (for logs and the self-test)."""
    return {
        "channels": [c.name for c in parts.notifier.channels],
        "tray": parts.tray_state(),
        "store": str(parts.store.path or MEMORY),
        "open_incidents": len(parts.tracker.open_incidents()),
    }
