"""The status bar (who, where, how fresh, how much of the request budget) and the banner
that says plainly when the data is stale, the API is unreachable or the token was rejected.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QToolButton,
    QWidget,
)

from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.ui import formatting as fmt
from plugdesk.ui.badges import badge_pixmap

if TYPE_CHECKING:  # the export is a feature loaded when first used
    from plugdesk.services.export_job import ExportJob

BudgetSource = Callable[[], tuple[int, int]]  # (used in the last window, limit per minute)

AUTH_TEXT = QT_TRANSLATE_NOOP("ConnectionBanner", "Token rejected — sign in again")
SIGNED_OUT_TEXT = QT_TRANSLATE_NOOP(
    "ConnectionBanner", "Not signed in — sign in to see your chargers"
)
EXPORT_DONE_MS = 60_000  # how long "Export complete" stays in the status bar


class AppStatusBar(QStatusBar):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_refresh: datetime | None = None
        self._failed: str | None = None  # the last refresh's error, until one succeeds
        self._refreshing = False
        self._budget: BudgetSource | None = None

        self.user_label = QLabel(self.tr("Not signed in"))
        self.user_label.setAccessibleName(self.tr("Signed-in user"))
        self.host_label = QLabel(fmt.DASH)
        self.host_label.setAccessibleName(self.tr("API host"))
        self.refresh_label = QLabel(self.tr("Not refreshed yet"))
        self.refresh_label.setAccessibleName(self.tr("Last refresh"))
        self.budget_label = QLabel()
        self.budget_label.setAccessibleName(self.tr("Request budget"))
        self.budget_label.setToolTip(self.tr("Requests sent in the last minute / the API's limit"))
        self.export_progress = ExportProgress()
        self.addPermanentWidget(self.export_progress)
        for label in (self.refresh_label, self.budget_label, self.host_label, self.user_label):
            self.addPermanentWidget(label)

        self._ticker = QTimer(self)
        self._ticker.setInterval(2000)
        self._ticker.timeout.connect(self.update_texts)
        self._ticker.start()

    def set_user(self, text: str) -> None:
        self.user_label.setText(text)

    def set_host(self, host: str) -> None:
        self.host_label.setText(host or fmt.DASH)

    def set_budget_source(self, source: BudgetSource | None) -> None:
        self._budget = source
        self.update_texts()

    def set_last_refresh(self, when: datetime | None) -> None:
        """A refresh succeeded at `when`."""
        self._last_refresh = when
        self._failed = None
        self.update_texts()

    def set_refresh_failed(self, message: str) -> None:
        """The last refresh failed: "Updated just now" would contradict the banner."""
        self._failed = message
        self.update_texts()

    def set_refreshing(self, refreshing: bool) -> None:
        self._refreshing = refreshing
        self.update_texts()

    def update_texts(self) -> None:
        if self._refreshing:
            self.refresh_label.setText(self.tr("Refreshing…"))
        elif self._failed is not None:
            age = (fmt.relative_age(self._last_refresh, self._clock())
                   if self._last_refresh is not None else None)  # fmt: skip
            failed = (self.tr("Refresh failed · data from {age}").format(age=age)
                      if age is not None else self.tr("Refresh failed"))  # fmt: skip
            self.refresh_label.setText(failed)
            self.refresh_label.setToolTip(self._failed)
        elif self._last_refresh is None:
            self.refresh_label.setText(self.tr("Not refreshed yet"))
        else:
            age = fmt.relative_age(self._last_refresh, self._clock())
            self.refresh_label.setText(self.tr("Updated {age}").format(age=age))
            self.refresh_label.setToolTip(fmt.local_time_seconds(self._last_refresh))
        if self._budget is not None:
            used, limit = self._budget()
            shown = self.tr("API {used}/{limit} per min").format(used=used, limit=limit)
            self.budget_label.setText(shown)
        self.budget_label.setVisible(self._budget is not None)


class ExportProgress(QWidget):
    """A running export in the status bar: how far, how long still, Cancel and Show (the
    export dialog can be hidden while a whole fleet is read, which takes minutes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job: ExportJob | None = None
        self._show_dialog: Callable[[], None] | None = None
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Export progress"))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Export progress"))
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.show_button = QToolButton()
        self.show_button.setText(self.tr("Show"))
        self.show_button.setToolTip(self.tr("Show the export dialog"))
        self.show_button.clicked.connect(self._show)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Cancel the export; no file is written"))
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.show_button, self.cancel_button):
            layout.addWidget(widget)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)
        self.hide()

    def track(self, job: ExportJob, show_dialog: Callable[[], None] | None = None) -> None:
        """Follow `job` until it ends; `show_dialog` brings its dialog back."""
        self._job = job
        self._show_dialog = show_dialog
        job.progress.connect(self._on_progress)
        job.finished.connect(lambda summary: self._ended(self._done_text(summary)))
        job.failed.connect(
            lambda _message: self._ended(self.tr("Export failed: nothing was written"))
        )
        job.cancelled.connect(lambda: self._ended(self.tr("Export cancelled")))
        self._hide_timer.stop()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.bar.show()
        self.bar.setRange(0, 0)
        self.label.setText(self.tr("Export: listing chargers…"))
        self.show_button.setVisible(show_dialog is not None)
        self.show()

    def _on_progress(self, done: int, total: int, rows: int) -> None:
        if total == 0:
            self.bar.setRange(0, 0)
            self.label.setText(
                self.tr("Export: listing chargers… {done} so far").format(done=fmt.integer(done))
                if done
                else self.tr("Export: listing chargers…")
            )
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        left = self._job.seconds_left if self._job is not None else None
        text = self.tr("Export: {done} of {total} chargers").format(
            done=fmt.integer(done), total=fmt.integer(total)
        )
        if left is not None:
            text = f"{text} · {fmt.time_left(left)}"
        self.label.setText(text)
        self.setToolTip(self.tr("%n transactions written so far", "", rows))

    def _ended(self, text: str) -> None:
        self._job = None
        self.label.setText(text)
        self.bar.hide()
        self.cancel_button.hide()
        self._hide_timer.start(EXPORT_DONE_MS)

    def _done_text(self, summary: object) -> str:
        rows = getattr(summary, "rows", 0)
        path = getattr(summary, "path", None)
        if path is None:
            return self.tr("Export complete: %n transactions saved", "", rows)
        saved = self.tr("Export complete: %n transactions saved to {file}", "", rows)
        return saved.format(file=path.name)

    def _cancel(self) -> None:
        if self._job is not None:
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Export: cancelling…"))
            self._job.cancel()

    def _show(self) -> None:
        if self._show_dialog is not None:
            try:
                self._show_dialog()
            except RuntimeError:  # the dialog was closed (and deleted) meanwhile
                self._show_dialog = None
                self.show_button.hide()


class ConnectionBanner(QFrame):
    """A strip above the panes; hidden while everything is fine."""

    retry_requested = Signal()
    sign_in_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)  # follows light/dark themes
        self.state = "ok"
        self.icon = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setAccessibleName(self.tr("Connection problem"))
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.retry_button.clicked.connect(self.retry_requested)
        self.sign_in_button = QPushButton(self.tr("Sign in…"))
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        self.sign_in_button.setEnabled(False)  # until the app attaches a sign-in handler
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.sign_in_button)
        self.hide()

    @property
    def text(self) -> str:
        return self.message.text()

    def show_state(
        self, state: str, detail: str | None = None, since: datetime | None = None
    ) -> None:
        """state: "ok" hides the banner; "stale", "offline", "auth", "signed-out" explain."""
        self.state = state
        if state == "ok":
            self.hide()
            return
        auth_text = self.tr(AUTH_TEXT)
        shown_detail = detail and detail not in (AUTH_TEXT, auth_text)
        detail_html = f" ({html.escape(detail)})" if shown_detail and detail else ""
        if state == "auth":
            headline, level = auth_text, "FAULT"
        elif state == "signed-out":
            headline, level, detail_html = self.tr(SIGNED_OUT_TEXT), "UNKNOWN", ""
        elif state == "offline":
            headline = (
                self.tr("Cannot reach the Plugchoice API — showing data from {time}, marked stale")
                if since is not None
                else self.tr("Cannot reach the Plugchoice API — showing data marked stale")
            ).format(time=fmt.local_clock(since))
            level = "OFFLINE"
        else:
            headline = (
                self.tr("The last refresh failed — showing data from {time}, marked stale")
                if since is not None
                else self.tr("The last refresh failed — showing data marked stale")
            ).format(time=fmt.local_clock(since))
            level = "STALE"
        self.message.setText(f"<b>{html.escape(headline)}</b>{detail_html}")
        self.icon.setPixmap(badge_pixmap(level, 20, self.devicePixelRatioF()))
        sign_in = state in ("auth", "signed-out")
        self.sign_in_button.setVisible(sign_in)
        self.retry_button.setVisible(not sign_in)
        self.show()


class HistoryBanner(QFrame):
    """A strip above the panes for a problem with the event history (read-only file,
    failed writes): alerts still go out, but what happens is not being kept, and a
    status-bar line that fades after a minute is too quiet for that. Stays until the
    user dismisses it; a newer problem replaces the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.icon = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a path or error, never markup
        self.message.setAccessibleName(self.tr("Event history problem"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.dismiss_button)
        self.hide()

    @property
    def text(self) -> str:
        return self.message.text()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.icon.setPixmap(badge_pixmap("WARNING", 20, self.devicePixelRatioF()))
        self.show()
