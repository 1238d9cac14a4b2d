"""The desktop app beside a running `plugdesk watch`: one account, one poller, one writer.

When `plugdesk watch` holds the lock in the data folder for the same API URL and token,
the window does not poll (the watch and the app would double the account's API load) and
does not judge (two trackers would write two histories into one file). It follows the
watch instead: every refresh interval it reads the fleet the watch cached in the shared
store and the incident history the watch keeps, and says so in the status bar. The watch
sends the alerts. When the watch stops, the app takes over (polling and alerts again);
when one starts later, the app hands over. F5 still reads the fleet once (asked for), and
judges nothing.

A watch for another account changes nothing here except a note: this window watches its
own account as usual.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from plugdesk.domain.paths import app_paths
from plugdesk.domain.watch_lock import WatchInfo, find_watch
from plugdesk.services.incidents import IncidentService
from plugdesk.services.monitor import FleetMonitor
from plugdesk.tasks import TaskRunner
from plugdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FOLLOW_TASK = "watch-follow"
NOTE_MS = 0  # the status line stays until replaced


def watched_text(info: WatchInfo) -> str:
    return QCoreApplication.translate(
        "MainWindow", "Watched by plugdesk watch (pid {pid}) — alerts come from it"
    ).format(pid=info.pid)


class WatchFollower(QObject):
    """Decides, at start and then every interval, whether this window polls or follows."""

    def __init__(
        self,
        window: MainWindow,
        monitor: FleetMonitor,
        service: IncidentService,
        runner: TaskRunner,
        account: Callable[[], tuple[str, str | None]],  # (API URL, token) in use
        *,
        find: Callable[[], WatchInfo | None] = lambda: find_watch(app_paths().data_dir),
    ) -> None:
        super().__init__(window)
        self._window = window
        self._monitor = monitor
        self._service = service
        self._runner = runner
        self._account = account
        self._find = find
        self.watch: WatchInfo | None = None  # the watch followed, if any
        self._told_other: int | None = None
        self._shown_at: datetime | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)

    @property
    def following(self) -> bool:
        return self.watch is not None

    def start(self, interval_s: float) -> bool:
        """Check now and every `interval_s`; True when a watch is followed (do not poll)."""
        self._timer.start(max(1, round(interval_s * 1000)))
        self.check()
        return self.following

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        """Follow a watch of this account, or watch the fleet ourselves."""
        url, token = self._account()
        info = self._find() if token else None
        mine = info is not None and info.same_account(url, token)
        if mine and info is not None:
            if self.watch is None or self.watch.pid != info.pid:
                self._follow(info)
            self._runner.start(self._pull(), FOLLOW_TASK)
            return
        if self.watch is not None:
            self._take_over()
        elif info is not None and self._told_other != info.pid:
            self._told_other = info.pid
            self._window.say(
                f"plugdesk watch (pid {info.pid}) watches another account; this window "
                "watches its own.", 30_000)  # fmt: skip

    def _follow(self, info: WatchInfo) -> None:
        log.info("following plugdesk watch pid %d instead of polling", info.pid)
        self.watch = info
        self._shown_at = None
        self._monitor.stop()
        self._service.detach()  # one writer: the watch
        self._window.say(watched_text(info), NOTE_MS)

    def _take_over(self) -> None:
        log.info("plugdesk watch stopped; polling again")
        self.watch = None
        self._service.tracker.reload()  # the watch's open incidents are ours to close now
        self._service.attach(self._monitor)
        self._monitor.start()
        self._window.say(
            QCoreApplication.translate(
                "MainWindow", "plugdesk watch stopped — PlugDesk watches the fleet again"
            ),
            30_000,
        )

    async def _pull(self) -> None:
        """The watch's latest fleet (when newer than the one shown) and its history."""
        last = await self._service.aload_last_known()
        if self.watch is None or last is None:
            return
        if self._shown_at is not None and last.fetched_at <= self._shown_at:
            return
        self._shown_at = last.fetched_at
        self._window.show_watched_fleet(last.chargers, last.fetched_at)
        self._service.incidents_changed.emit()  # the Events pane re-reads the history
