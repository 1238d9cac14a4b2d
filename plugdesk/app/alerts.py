"""Fault monitoring wired into a running PlugDesk: one call from the composition root.

    desk.faults = wire_fault_monitoring(desk)

connects, in this order of data flow:

    FleetMonitor.fleet_updated -> IncidentService (tracker + store)
        .alerts            -> Notifier (native -> tray balloon -> in-app toast)
        .incidents_changed -> Events pane
        .health_summary    -> tray icon and tooltip
        .last_known_fleet  -> the window's charger list, marked stale (offline start)
    Notifier.delivered     -> IncidentService.mark_delivered (never shown twice)
    IncidentService.store_problem, a history that cannot be written -> a banner that
                           stays (and the status bar): alerts go on from memory
    Notifier.open_charger, Events pane double-click -> window up, charger selected
    Tray menu              -> open, refresh, pause 1 h, sign out, quit
    Window's Alerts menu   -> pause 1 h / resume (the same pause as the tray's)
    Charger list menu      -> mute 1 h / 24 h / until resolved / unmute (the Events mutes)
    Mutes                  -> "Muted ·" in the charger list's health cell

It lives in `app/` (above `ui/` and `services/`) because it joins both; it talks to the
window only through `MainWindow` methods (open_charger, show_last_known_fleet, say, ...).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMenu

from plugdesk.app.watching import load_app_settings, wire_incidents
from plugdesk.domain.incidents import IncidentTracker
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import Settings
from plugdesk.domain.store import MEMORY, Store, StoreError
from plugdesk.services.incidents import IncidentService, utc_now
from plugdesk.services.monitor import FleetMonitor
from plugdesk.services.notifier import Channel, NativeChannel, Notifier
from plugdesk.services.wording import translated
from plugdesk.tasks import TaskRunner
from plugdesk.ui import icons
from plugdesk.ui.alert_text import alert_words
from plugdesk.ui.formatting import local_clock
from plugdesk.ui.lazy_pane import LazyPane, add_lazy_pane
from plugdesk.ui.main_window import MainWindow
from plugdesk.ui.status_bar import HistoryBanner
from plugdesk.ui.toast import ToastArea
from plugdesk.ui.tray import FleetTray, bring_up, install_tray

if TYPE_CHECKING:
    from plugdesk.ui.events_pane import EventsPane

log = logging.getLogger(__name__)

NOTIFICATION_ICON = "plugdesk-notification.png"


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
    history_banner: HistoryBanner

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
        """The orderly end: the refresh being judged and the fleet snapshot being written
        (a big fleet's, in a worker thread) are finished first, so the next start shows
        the last fleet; then the store is closed."""
        await self.service.flush()
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
    source: str | None = None,
    offline_view: bool = True,
) -> FaultMonitoring:
    """Build and connect everything; call it once, after the window exists and before
    `desk.start()` (so the cached fleet shows while the first refresh runs).

    `sign_out` is what the tray's "Sign out" runs (the app's, which also forgets the
    stored token); without one (demo mode) the entry is greyed out. `source` names whose
    fleet the cache holds (default: the client's API URL); `offline_view=False` leaves
    showing the cached fleet to the caller (`publish_last_known`)."""
    qapp = app or _application()
    window = desk.window
    settings = settings or _settings()
    history_banner = _add_history_banner(window)
    store = store or _open_store(window, history_banner)
    if store.problem:
        problem = translated(store.problem_message or store.problem)
        _say_history_problem(window, history_banner, problem)
    tracker, service = wire_incidents(desk.monitor, desk.runner, store, settings,
                                      source=source or desk.client.base_url,
                                      clock=clock)  # fmt: skip
    window.set_health_judge(service.verdict)  # the table reads the one judgement

    parts: FaultMonitoring  # assigned below, before the Events tab can first be shown

    def events_pane() -> EventsPane:
        from plugdesk.ui.events_pane import EventsPane  # lazy: built when first shown

        return _wire_events_pane(EventsPane(service), window, parts)

    events_page, events_tab = add_lazy_pane(
        window, QCoreApplication.translate("MainWindow", "Events"), events_pane
    )
    toasts = ToastArea(window)
    tray = install_tray(qapp, window)
    native_channel = NativeChannel(icon_path=_notification_icon()) if native else None
    channels: list[Channel] = [c for c in (native_channel, tray, toasts) if c is not None]
    notifier = Notifier(desk.runner, channels, quiet=toasts.show_quiet,
                        detail=service.identity_line, phrase=alert_words,
                        parent=window)  # fmt: skip
    parts = FaultMonitoring(store, tracker, service, notifier, native_channel, tray, toasts,
                            events_page, events_tab, history_banner)  # fmt: skip

    service.alerts.connect(notifier.notify)
    notifier.delivered.connect(lambda alert, _channel: service.mark_delivered(alert))
    notifier.open_charger.connect(lambda uuid: open_charger(window, parts, uuid))
    service.store_problem.connect(
        lambda text: _say_history_problem(window, history_banner, text)
    )
    service.last_known_fleet.connect(window.show_last_known_fleet)
    _wire_window_menus(window, service, desk.monitor)
    if tray is not None:
        _wire_tray(tray, window, service, sign_out)
    if offline_view:
        service.start_offline_view()
    return parts


def _wire_events_pane(events: EventsPane, window: MainWindow, parts: FaultMonitoring) -> EventsPane:
    events.charger_activated.connect(lambda uuid: open_charger(window, parts, uuid))
    events.mute_changed.connect(lambda _uuid, text: window.say(text))
    return events


def _wire_window_menus(window: MainWindow, service: IncidentService, monitor: FleetMonitor) -> None:
    """Pause and mute from the main window, through the one pause and the one set of
    mutes the incident tracker keeps (the tray and the Events pane use them too)."""
    window.pause_alerts_requested.connect(
        lambda pause: service.pause() if pause else service.resume()
    )
    service.pause_changed.connect(window.set_alerts_paused)
    window.set_alerts_paused(service.paused_until())

    def fill_menu(menu: QMenu, uuid: str, name: str) -> None:
        from plugdesk.ui.events_pane import mute_actions  # lazy: the Events feature

        for action in mute_actions(menu, service, uuid, name, lambda _u, text: window.say(text)):
            menu.addAction(action)

    def show_muted() -> None:
        now = service.now()
        window.show_muted({mute.charger_uuid: describe_mute(mute.until, mute.until_resolved)
                           for mute in service.tracker.mutes(now)})  # fmt: skip

    window.set_charger_menu(fill_menu)
    service.incidents_changed.connect(show_muted)  # a mute or unmute, or an incident closed
    monitor.fleet_updated.connect(lambda _fleet: show_muted())  # mutes that ran out
    show_muted()


def describe_mute(until: datetime | None, until_resolved: bool) -> str:
    if until_resolved or until is None:
        return QCoreApplication.translate("Alerts", "Pop-ups muted until its incidents resolve")
    return QCoreApplication.translate("Alerts", "Pop-ups muted until {time}").format(
        time=local_clock(until)
    )


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
    if uuid:
        window.open_charger(uuid)
    else:
        window.open_pane(parts.events_tab)


# -- start-up helpers -----------------------------------------------------------------


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("wire_fault_monitoring needs a QApplication")
    return app


def _settings() -> Settings:
    return load_app_settings()


def _open_store(window: MainWindow, banner: HistoryBanner) -> Store:
    """The history file; if it cannot be opened (newer schema, locked, unwritable), a
    throwaway in-memory one, and the user is told the history is not being kept."""
    try:
        return Store(app_paths().store_path())
    except StoreError as error:
        log.error("event history unavailable: %s", error)
        text = QCoreApplication.translate(
            "MainWindow", "{error} Events are shown but not kept this session."
        ).format(error=translated(error))
        _say_history_problem(window, banner, text)
        return Store(MEMORY)


def _add_history_banner(window: MainWindow) -> HistoryBanner:
    """The history banner, right under the window's connection banner."""
    banner = HistoryBanner()
    window.add_banner(banner)
    return banner


def _say_history_problem(window: MainWindow, banner: HistoryBanner, text: str) -> None:
    banner.show_problem(text)
    window.say(text, 60_000)


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
