"""The tray icon: fleet health at a glance, a short menu, and the balloon fallback.

The icon is the app icon with a badge (icons.tray_icon): a green check when every charger
is fine, an amber triangle when something needs a look (offline, stale, warning), a red
disc with the number of faulted chargers. The tooltip says the same in words.

Whether there is a tray at all is the desktop's business: Qt uses the StatusNotifierItem
D-Bus protocol where a watcher runs (KDE, GNOME with the AppIndicator extension) and the
XEmbed tray otherwise (trayer, XFCE, ...). Stock GNOME has neither, and then
`install_tray()` returns None and leaves the window as it is: closing it quits, so the app
is never left running invisibly.
"""

from __future__ import annotations

import logging
from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon

from plugdesk.api.errors import clean_server_text
from plugdesk.services.notifier import Note
from plugdesk.ui import formatting as fmt
from plugdesk.ui import icons
from plugdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

BALLOON_MS = 15_000
LEVELS = ("ok", "warning", "fault")
_MESSAGE_ICONS = {
    "critical": QSystemTrayIcon.MessageIcon.Critical,
    "normal": QSystemTrayIcon.MessageIcon.Warning,
    "low": QSystemTrayIcon.MessageIcon.Information,
}


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class FleetTray(QObject):
    """The tray icon and its menu. It only shows and forwards; the wiring acts."""

    open_requested = Signal()
    refresh_requested = Signal()
    pause_requested = Signal(bool)  # True: pause pop-ups for an hour; False: resume
    sign_out_requested = Signal()
    quit_requested = Signal()

    name = "tray"  # the Notifier's name for this channel

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.level = "ok"
        self.faulted = 0
        self._paused = False
        self._shown: tuple[str, int] | None = None  # the state last reported, if any
        self._on_message_click: Note | None = None
        self.icon = QSystemTrayIcon(self)
        self.icon.setObjectName("plugdeskTray")
        self.menu = QMenu()
        self.open_action = self._action(self.tr("Open PlugDesk"), self.open_requested.emit)
        self.refresh_action = self._action(self.tr("Refresh now"), self.refresh_requested.emit)
        self.menu.addSeparator()
        self.pause_action = self._action(self.tr("Pause notifications for 1 h"), self._toggle_pause)
        self.menu.addSeparator()
        self.sign_out_action = self._action(self.tr("Sign out"), self.sign_out_requested.emit)
        self.quit_action = self._action(self.tr("Quit"), self.quit_requested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self._on_message_clicked)
        self._set_icon("ok", 0)
        self.icon.setToolTip(self.tr("PlugDesk — waiting for the first refresh"))

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    # -- showing -----------------------------------------------------------------------

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        if shiboken6.isValid(self.icon):  # gone with the window already: nothing to hide
            self.icon.hide()

    @property
    def is_visible(self) -> bool:
        return shiboken6.isValid(self.icon) and self.icon.isVisible()

    def set_health(self, level: str, counts: dict[str, int], tooltip: str) -> None:
        """Slot for `IncidentService.health_summary`."""
        level = level if level in LEVELS else "warning"
        faulted = int(counts.get("fault", 0))
        if (level, faulted) != self._shown:
            self._shown = (level, faulted)
            self._set_icon(level, faulted)
            # Logged so a support log (and the desktop test) can follow the icon's state.
            log.info("tray state: %s (%d faulted)", level, faulted)
        # Each line through the one neutraliser: a note in the tooltip may quote a
        # server or a charger, and none of their control or bidi characters may show.
        lines = (clean_server_text(line, limit=None) for line in tooltip.split("\n"))
        self.icon.setToolTip("\n".join(line for line in lines if line))

    def _set_icon(self, level: str, faulted: int) -> None:
        self.level, self.faulted = level, faulted
        icon = icons.tray_icon(level, faulted)
        if icon.isNull():  # no icon source at all: a plain theme icon beats an empty slot
            icon = QIcon.fromTheme("dialog-warning" if level != "ok" else "emblem-default")
        self.icon.setIcon(icon)

    def set_paused(self, until: datetime | None) -> None:
        """Slot for `IncidentService.pause_changed`: the menu offers the opposite."""
        self._paused = until is not None
        if until is None:
            self.pause_action.setText(self.tr("Pause notifications for 1 h"))
        else:
            self.pause_action.setText(
                self.tr("Resume notifications (paused until {time})").format(
                    time=fmt.local_clock(until)
                )
            )

    def set_signed_in(self, signed_in: bool) -> None:
        self.sign_out_action.setEnabled(signed_in)

    def state(self) -> dict[str, object]:
        """What the tray shows now (for the self-test and the desktop test)."""
        return {
            "visible": self.is_visible,
            "level": self.level,
            "faulted": self.faulted,
            "tooltip": self.icon.toolTip(),
            "paused": self._paused,
        }

    # -- the balloon: the notification fallback -----------------------------------------

    def available(self) -> bool:
        return self.is_visible and QSystemTrayIcon.supportsMessages()

    async def deliver(self, note: Note) -> bool:
        """The Notifier's "tray" channel: a balloon from the tray icon."""
        if not self.available():
            return False
        self._on_message_click = note
        icon = _MESSAGE_ICONS.get(note.urgency, QSystemTrayIcon.MessageIcon.Information)
        self.icon.showMessage(note.title, note.body, icon, BALLOON_MS)
        return True

    # -- user actions -------------------------------------------------------------------

    def _toggle_pause(self) -> None:
        self.pause_requested.emit(not self._paused)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click (or double click) opens the window; the context menu is Qt's job.
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def _on_message_clicked(self) -> None:
        note, self._on_message_click = self._on_message_click, None
        if note is not None:
            note.open()
        else:
            self.open_requested.emit()


def install_tray(app: QApplication, window: MainWindow) -> FleetTray | None:
    """A visible tray icon when the desktop has a tray, else None.

    With a tray, closing the window only hides it (`close_hides`) and the app keeps running
    without windows (`setQuitOnLastWindowClosed(False)`); without one, nothing changes, so
    closing the window quits and the app is never left running invisibly."""
    if not tray_available():
        log.info("no system tray on this desktop: closing the window quits PlugDesk")
        return None
    tray = FleetTray(window)
    tray.icon.setToolTip("PlugDesk")
    tray.show()
    window.close_hides = True
    app.setQuitOnLastWindowClosed(False)
    return tray


def bring_up(window: QMainWindow) -> None:
    """Show, un-minimise and raise the window (from the tray or a notification)."""
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()
