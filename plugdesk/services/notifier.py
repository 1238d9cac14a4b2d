"""Notifier: shows each alert once, through the best channel this desktop has.

The chain, tried in order for every alert until one shows it:

1. **native** — the desktop's own notifications through `desktop-notifier` (freedesktop
   D-Bus on Linux, Notification Center on macOS, toasts on Windows). It is asyncio-native,
   so it runs on the qasync loop; its D-Bus traffic goes through dbus-fast, which marshals
   the uint32 `replaces_id` that `Notify` takes (PySide6's QtDBus cannot, so no hand-rolled
   call here). Faults go out with critical urgency and carry an "Open" button (and a click
   on the body does the same) that brings the window up on that charger.
2. **tray** — the tray icon's balloon, when there is a tray but no notification service.
3. **toast** — an in-app toast in the main window, when there is neither.

The library never raises when the service is missing (it logs a warning instead), so a
delivery counts only when its `on_dispatched` callback fired. After a failure the native
channel rests for `NATIVE_RETRY_AFTER` seconds, so a desktop without a notification service
does not pay for a D-Bus round trip (and a warning in the log) on every alert, yet one that
gains a service later (a daemon started after PlugDesk) is used again.

Silent alerts (quiet hours, muted charger, paused, type switched off) never pop up: they go
to the `quiet` sink (a quiet note in the window) and still count as delivered, since the
history has them and the window listed them.

After an alert is shown, `delivered(alert, channel)` is emitted; the wiring marks it in the
store then (`IncidentService.mark_delivered`), so a restart never shows it again.

At fleet scale faults arrive one by one, each too few for the tracker's storm summary, yet
many a minute. At most `MAX_POPUPS` alerts pop up in any `POPUP_WINDOW` seconds; the rest
are folded (listed in the Events pane, delivered as "folded") and, once the window has room
again, told in one pop-up, "N more chargers need attention", that opens the Events pane.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import time
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from plugdesk.api.errors import clean_server_text
from plugdesk.domain.incidents import Alert, Urgency
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.tasks import TaskRunner

log = logging.getLogger(__name__)

APP_NAME = "PlugDesk"
NATIVE_TIMEOUT = 8.0  # seconds for the notification service to take a notification
NATIVE_RETRY_AFTER = 60.0  # seconds the native channel rests after a failure
BUS_CLOSE_TIMEOUT = 5.0
OPEN_LABEL = QT_TRANSLATE_NOOP("Notifier", "Open")  # shown translated
HISTORY_KEPT = 500  # deliveries remembered (for logs and tests)
MAX_POPUPS = 4  # pop-ups in any POPUP_WINDOW seconds; the rest fold into one summary
POPUP_WINDOW = 60.0
FOLDED = "folded"  # the channel name of an alert told only in a later summary


@dataclass(frozen=True)
class Note:
    """One alert as a channel shows it, with the action its "Open" button runs."""

    alert: Alert
    open: Callable[[], None] = field(compare=False)
    detail: str | None = None  # e.g. "Charger KSAT-2207-64668" when the title shows a label
    # (title, body) in the window's language; None: the alert's own (English) words
    words: tuple[str, str] | None = None

    # Titles and bodies carry charger names and error texts, which a charger (or whoever
    # configured it) chooses: every channel shows them through the one neutraliser, so
    # no control or bidi character reaches a notification daemon, a balloon or a toast.
    @property
    def title(self) -> str:
        title = self.words[0] if self.words else self.alert.title
        return clean_server_text(title, limit=None)

    @property
    def body(self) -> str:
        """The alert's words, plus the detail line when there is one."""
        body = self.words[1] if self.words else self.alert.body
        body = clean_server_text(body, limit=None)
        detail = clean_server_text(self.detail, limit=None) if self.detail else ""
        return f"{body}\n{detail}" if detail else body

    @property
    def urgency(self) -> str:
        return self.alert.urgency

    @property
    def charger_uuid(self) -> str | None:
        return self.alert.charger_uuid


class Channel(Protocol):
    """A way to show a note. `deliver` answers True only when the note was shown."""

    name: str

    def available(self) -> bool: ...

    async def deliver(self, note: Note) -> bool: ...


QuietSink = Callable[[Note], None]
Detail = Callable[[Alert], str | None]
Phrase = Callable[[Alert], tuple[str, str]]  # an alert's (title, body) as the window says it


class NativeChannel:
    """Desktop notifications through `desktop-notifier`."""

    name = "native"

    def __init__(
        self,
        *,
        app_name: str = APP_NAME,
        icon_path: Path | None = None,
        timeout: float = NATIVE_TIMEOUT,
        retry_after: float = NATIVE_RETRY_AFTER,
        factory: Callable[[], Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._app_name = app_name
        self._icon_path = icon_path
        self._timeout = timeout
        self._retry_after = retry_after
        self._factory = factory or self._make_notifier
        self._clock = clock
        self._notifier: Any = None
        self._resting_until = 0.0
        self.last_error: str | None = None

    def available(self) -> bool:
        return self._clock() >= self._resting_until

    def _make_notifier(self) -> Any:
        from desktop_notifier import DesktopNotifier, Icon

        icon = Icon(path=self._icon_path) if self._icon_path is not None else None
        return DesktopNotifier(app_name=self._app_name, app_icon=icon)

    async def deliver(self, note: Note) -> bool:
        from desktop_notifier import Button, Notification, Urgency

        if self._notifier is None:
            self._notifier = self._factory()
        dispatched = asyncio.Event()
        notification = Notification(
            title=note.title,
            # Freedesktop daemons may render a body's markup (a title is plain text):
            # escape it, so a charger name that looks like HTML shows as typed.
            message=html.escape(note.body, quote=False),
            urgency={"critical": Urgency.Critical, "low": Urgency.Low}.get(
                note.urgency, Urgency.Normal
            ),
            buttons=(
                Button(
                    title=QCoreApplication.translate("Notifier", OPEN_LABEL), on_pressed=note.open
                ),
            ),
            on_clicked=note.open,
            on_dispatched=dispatched.set,
        )
        try:
            await asyncio.wait_for(
                self._notifier.send_notification(notification), self._timeout
            )
        except Exception as error:  # any failure of the service means "try the next"
            self._fail(f"{type(error).__name__}: {error}")
            return False
        if not dispatched.is_set():
            self._fail("no notification service answered")
            return False
        self.last_error = None
        return True

    def _fail(self, reason: str) -> None:
        log.info("desktop notifications unavailable (%s); using the fallback", reason)
        self.last_error = reason
        self._resting_until = self._clock() + self._retry_after
        notifier, self._notifier = self._notifier, None
        _drop_bus(notifier)  # the running loop sees the socket close and tidies up

    async def aclose(self) -> None:
        """Close the D-Bus connection and wait until the loop has let go of its socket
        (a socket watcher left on a closed loop can crash Qt later)."""
        notifier, self._notifier = self._notifier, None
        bus = _drop_bus(notifier)
        if bus is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(bus.wait_for_disconnect(), BUS_CLOSE_TIMEOUT)


def _drop_bus(notifier: Any) -> Any:
    """Disconnect the D-Bus connection a failed or finished notifier opened; returns the
    bus (or None) so the caller can wait for it to finish.

    desktop-notifier keeps it on its backend (`bus`) and never closes it; after a failed
    introspection (no notification service) a new notifier would otherwise leave one open
    socket behind per attempt."""
    backend = getattr(notifier, "_backend", None)
    bus = getattr(backend, "bus", None)
    if bus is None:
        return None
    with contextlib.suppress(Exception):
        bus.disconnect()
    return bus


class Notifier(QObject):
    """Delivers alerts in order, one at a time, through the first channel that works."""

    open_charger = Signal(str)  # a charger's uuid; "" for a summary (open the Events pane)
    delivered = Signal(object, str)  # Alert, channel name ("native", "tray", "toast", "quiet")
    undelivered = Signal(object)  # Alert no channel could show (kept for the next start)

    def __init__(
        self,
        runner: TaskRunner,
        channels: list[Channel] | None = None,
        *,
        quiet: QuietSink | None = None,
        detail: Detail | None = None,
        phrase: Phrase | None = None,
        max_popups: int = MAX_POPUPS,
        popup_window: float = POPUP_WINDOW,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        """`detail(alert)` may add a line to what is shown (the charger's identity when
        the title names it by the manager's own label, which need not be unique).
        `phrase(alert)` words it in the window's language (the tracker's facts through
        Qt's translations); without it, the alert's English words show.
        `max_popups` in any `popup_window` seconds: the rate bound (tests shorten it)."""
        super().__init__(parent)
        self._runner = runner
        self._max_popups = max(1, max_popups)
        self._popup_window = popup_window
        self._clock = clock
        self._popped: deque[float] = deque()  # when the latest pop-ups went out
        self._folded: list[Alert] = []  # alerts waiting for the next "N more" summary
        self._fold_timer = QTimer(self)
        self._fold_timer.setSingleShot(True)
        self._fold_timer.timeout.connect(self._tell_folded)
        self._channels: list[Channel] = list(channels or [])
        self._quiet = quiet
        self._detail = detail
        self._phrase = phrase
        self._lock: asyncio.Lock | None = None
        # (alert, channel) of the latest deliveries; bounded, since PlugDesk runs for weeks
        self.history: deque[tuple[Alert, str]] = deque(maxlen=HISTORY_KEPT)

    @property
    def channels(self) -> list[Channel]:
        return list(self._channels)

    def set_channels(self, channels: list[Channel]) -> None:
        self._channels = list(channels)

    def notify(self, alerts: list[Alert]) -> None:
        """Slot for `IncidentService.alerts`: deliver in the background, in order."""
        if alerts:
            self._runner.start(self.deliver_all(list(alerts)))

    async def deliver_all(self, alerts: list[Alert]) -> list[str]:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # one at a time: the user reads them in the order they came
            return [await self.deliver(alert) for alert in alerts]

    async def deliver(self, alert: Alert) -> str:
        """Show one alert; returns the channel that showed it ("" if none could)."""
        note = Note(alert, self._opener(alert), self._detail_for(alert), self._words(alert))
        if alert.silent:
            if self._quiet is not None:
                self._quiet(note)
            return self._done(alert, "quiet")
        if not self._room_for_popup():
            return self._fold(alert)
        return await self._pop_up(alert, note)

    async def _pop_up(self, alert: Alert, note: Note) -> str:
        self._popped.append(self._clock())
        for channel in self._channels:
            if not channel.available():
                continue
            try:
                shown = await channel.deliver(note)
            except Exception:
                log.exception("the %s notification channel failed", channel.name)
                shown = False
            if shown:
                return self._done(alert, channel.name)
        log.warning("no channel could show the alert %r", alert.title)
        self.undelivered.emit(alert)
        return ""

    # -- the rate bound -----------------------------------------------------------------

    def _room_for_popup(self) -> bool:
        horizon = self._clock() - self._popup_window
        while self._popped and self._popped[0] <= horizon:
            self._popped.popleft()
        return len(self._popped) < self._max_popups

    def _fold(self, alert: Alert) -> str:
        """Keep it for the next summary; it is in the Events pane already."""
        self._folded.append(alert)
        if not self._fold_timer.isActive():
            wait = self._popped[0] + self._popup_window - self._clock() if self._popped else 0
            self._fold_timer.start(max(0, int(wait * 1000)) + 50)
        return self._done(alert, FOLDED)

    def start_new_minute(self) -> None:
        """Forget the pop-ups counted so far (tests; a user's "show me everything")."""
        self._popped.clear()

    @property
    def folded(self) -> int:
        """Alerts waiting for the next "N more" summary."""
        return len(self._folded)

    def _tell_folded(self) -> None:
        if self._folded:
            self._runner.start(self._deliver_folded(), "notifier-folded")

    async def _deliver_folded(self) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if not self._room_for_popup():  # a burst took the room meanwhile: later
                if not self._fold_timer.isActive():
                    self._fold_timer.start(int(self._popup_window * 1000))
                return
            folded, self._folded = self._folded, []
            if folded:
                summary = self._folded_summary(folded)
                await self._pop_up(summary, Note(summary, self._opener(summary)))

    def _detail_for(self, alert: Alert) -> str | None:
        if self._detail is None:
            return None
        try:
            return self._detail(alert)
        except Exception:  # a missing detail must never cost the alert itself
            log.exception("could not describe the alert %r", alert.title)
            return None

    def _words(self, alert: Alert) -> tuple[str, str] | None:
        if self._phrase is None:
            return None
        try:
            return self._phrase(alert)
        except Exception:  # a wording slip must never cost the alert: English then
            log.exception("could not word the alert %r", alert.title)
            return None

    def _done(self, alert: Alert, channel: str) -> str:
        log.info("alert shown via %s: %s", channel, alert.title)
        self.history.append((alert, channel))
        self.delivered.emit(alert, channel)
        return channel

    def _opener(self, alert: Alert) -> Callable[[], None]:
        # A weak reference: notes live on in channels (a balloon, a toast, the D-Bus
        # callbacks), and a note -> notifier -> channel -> note cycle would leave this
        # QObject to the cyclic garbage collector, which may run on any thread.
        uuid = alert.charger_uuid or ""
        notifier = weakref.ref(self)

        def open_charger() -> None:
            alive = notifier()
            if alive is not None:
                alive.open_charger.emit(uuid)

        return open_charger

    def _folded_summary(self, alerts: list[Alert]) -> Alert:
        """One pop-up for the alerts the rate bound held back: "7 more chargers need
        attention" (opens the Events pane). Its incidents are marked already: it carries none."""
        opened = _chargers_in([a for a in alerts if a.event == "opened"])
        resolved = _chargers_in([a for a in alerts if a.event == "resolved"])
        if opened:
            title = self.tr("%n more chargers need attention", "", opened)
            body = ""
            if resolved:
                body = self.tr("%n more chargers recovered.", "", resolved)
        else:
            title, body = self.tr("%n more chargers recovered", "", resolved), ""
        read_on = self.tr(
            "Not shown one by one, so pop-ups stay readable: open Events for the list."
        )
        body = f"{body} {read_on}" if body else read_on
        urgency: Urgency = "low"
        if any(a.urgency == "critical" for a in alerts):
            urgency = "critical"
        elif opened:
            urgency = "normal"
        return Alert(kind="summary", incident_ids=(), title=title, body=body,
                     urgency=urgency, charger_uuid=None,
                     summary_of="opened" if opened else "resolved")  # fmt: skip

    async def aclose(self) -> None:
        self._fold_timer.stop()
        for channel in self._channels:
            closer = getattr(channel, "aclose", None)
            if closer is not None:
                await closer()


def _chargers_in(alerts: list[Alert]) -> int:
    """Chargers these alerts tell of: one each, or a summary's incidents."""
    uuids = {a.charger_uuid for a in alerts if a.charger_uuid}
    return len(uuids) + sum(len(a.incident_ids) for a in alerts if not a.charger_uuid)

