"""In-app toasts: the last link of the notification chain, and quiet notes.

When the desktop has neither a notification service nor a tray, an alert still reaches the
user as a toast in the bottom-right corner of the main window (and the taskbar entry asks
for attention). Alerts kept silent by quiet hours, a mute or a pause show here as a quiet
note: no pop-up, no attention request, but the user sees what happened when they look.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from plugdesk.services.notifier import Note

MAX_TOASTS = 4
MARGIN = 16
WIDTH = 360
SHOW_MS = {"critical": 30_000, "normal": 15_000, "low": 8_000}
QUIET_MS = 8_000
# Same colours as the health badges: the stripe says how serious it is at a glance.
_STRIPES = {"critical": "#c62828", "normal": "#f2a900", "low": "#2e7d32"}
_QUIET_STRIPE = "#8a8a8a"


class Toast(QFrame):
    closed = Signal()

    def __init__(self, note: Note, *, quiet: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.quiet = quiet
        self.setObjectName("toast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.setForegroundRole(self.palette().ColorRole.ToolTipText)
        stripe = _QUIET_STRIPE if quiet else _STRIPES.get(note.urgency, _STRIPES["normal"])
        self.setStyleSheet(f"#toast {{ border-left: 5px solid {stripe}; }}")
        self.setFixedWidth(WIDTH)

        title = note.title
        if quiet and note.alert.suppressed_by:
            title = self.tr("{title} — {reason}, not shown as a pop-up").format(
                title=title, reason=note.alert.suppressed_by
            )
        self.title_label = QLabel(title)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.body_label = QLabel(note.body)
        self.body_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open: {title}").format(title=note.title))
        self.open_button.clicked.connect(self._open)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)

        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addLayout(head)
        layout.addWidget(self.body_label)
        layout.addLayout(foot)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS if quiet else SHOW_MS.get(note.urgency, 15_000))
        self._timer.timeout.connect(self.dismiss)
        self._timer.start()

    def _open(self) -> None:
        self.note.open()
        self.dismiss()

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()
        self.closed.emit()
        self.deleteLater()

    def enterEvent(self, event: QEnterEvent) -> None:
        self._timer.stop()  # the user is reading it
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._timer.start()
        super().leaveEvent(event)


class ToastArea(QWidget):
    """Toasts stacked in the bottom-right corner of `window`, newest at the bottom."""

    name = "toast"  # the Notifier's name for this channel

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("toastArea")
        self._window = window
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self._toasts: list[Toast] = []
        window.installEventFilter(self)
        self.hide()

    # -- the Notifier's channel ---------------------------------------------------------

    def available(self) -> bool:
        return True  # the window exists: the last resort always works

    async def deliver(self, note: Note) -> bool:
        self.add(note, quiet=False)
        # The window may be behind others or minimised: ask the taskbar for attention.
        QApplication.alert(self._window)
        return True

    def show_quiet(self, note: Note) -> None:
        """The Notifier's quiet sink: a note in the window, no pop-up."""
        self.add(note, quiet=True)

    # -- the stack ----------------------------------------------------------------------

    def toasts(self) -> list[Toast]:
        return list(self._toasts)

    def add(self, note: Note, *, quiet: bool) -> Toast:
        while len(self._toasts) >= MAX_TOASTS:
            self._toasts[0].dismiss()
        toast = Toast(note, quiet=quiet, parent=self)
        toast.closed.connect(lambda: self._forget(toast))
        self._toasts.append(toast)
        self._layout.addWidget(toast)
        self._place()
        self.show()
        self.raise_()
        return toast

    def _forget(self, toast: Toast) -> None:
        if toast in self._toasts:
            self._toasts.remove(toast)
            self._layout.removeWidget(toast)
        if self._toasts:
            self._place()
        else:
            self.hide()

    def _place(self) -> None:
        self.adjustSize()
        size = self.sizeHint()
        x = max(0, self._window.width() - size.width() - MARGIN)
        # Above the status bar, so it never hides the refresh time.
        y = max(0, self._window.height() - size.height() - MARGIN - 24)
        self.setGeometry(x, y, size.width(), size.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self._toasts:
            self._place()
        return False
