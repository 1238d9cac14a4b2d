"""In-app toasts: the last link of the notification chain, and quiet notes.

When the desktop has neither a notification service nor a tray, an alert still reaches the
user as a toast in the bottom-right corner of the main window (and the taskbar entry asks
for attention). Alerts kept silent by quiet hours, a mute or a pause show here as a quiet
note: no pop-up, no attention request, but the user sees what happened when they look.

Toasts stack upwards from above the status bar, each at the full height its wrapped text
needs (placed by hand, not by a layout that would squash them to fit), never overlapping;
when the window has no room for another, the oldest goes (the Events pane keeps them all).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from plugdesk.services.notifier import Note
from plugdesk.ui.alert_text import silence_words

MAX_TOASTS = 3
MARGIN = 16
SPACING = 8
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
        # A border-left alone is ignored by Qt's style sheets (checked: no stripe drawn);
        # with the whole border declared it shows, and the background must be named too
        # (style sheets know no tool-tip palette role: its colour, from the palette).
        background = self.palette().color(self.palette().ColorRole.ToolTipBase).name()
        self.setStyleSheet(
            f"#toast {{ background-color: {background}; border: 1px solid palette(mid); "
            f"border-left: 5px solid {stripe}; }}"
        )
        self.setFixedWidth(WIDTH)

        title = note.title
        reason = silence_words(note.alert) if quiet else None
        if reason:
            title = self.tr("{title} — {reason}, not shown as a pop-up").format(
                title=title, reason=reason
            )
        # Titles and bodies carry charger names and error texts: plain text, so a name
        # that looks like HTML shows as typed instead of being rendered as markup.
        self.title_label = QLabel(title)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.body_label = QLabel(note.body)
        self.body_label.setTextFormat(Qt.TextFormat.PlainText)
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
        toast.show()
        self._place()
        self.show()
        self.raise_()
        return toast

    def _forget(self, toast: Toast) -> None:
        if toast in self._toasts:
            self._toasts.remove(toast)
        if self._toasts:
            self._place()
        else:
            self.hide()

    def _place(self) -> None:
        """Stack the toasts bottom-up, each at its full height; drop the oldest while the
        stack would be taller than the window's free height."""
        room = self._window.height() - 2 * MARGIN - _reserved_height(self._window)
        heights = [full_height(toast) for toast in self._toasts]
        total = sum(heights) + SPACING * (len(heights) - 1)
        if len(self._toasts) > 1 and total > room:
            self._toasts[0].dismiss()  # calls _forget, which places the rest again
            return
        y = 0
        for toast, height in zip(self._toasts, heights, strict=True):  # oldest on top
            toast.setGeometry(0, y, WIDTH, height)
            y += height + SPACING
        x = max(0, self._window.width() - WIDTH - MARGIN)
        bottom = self._window.height() - MARGIN - _status_height(self._window)
        self.setGeometry(x, max(0, bottom - total), WIDTH, total)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self._toasts:
            self._place()
        return False


def full_height(toast: Toast) -> int:
    """The height at which none of the toast's wrapped text is cut off."""
    return max(toast.sizeHint().height(), toast.minimumSizeHint().height(),
               toast.heightForWidth(WIDTH))  # fmt: skip


def _status_height(window: QWidget) -> int:
    bar = window.statusBar() if isinstance(window, QMainWindow) else None
    return bar.height() if bar is not None and bar.isVisible() else 0


def _reserved_height(window: QWidget) -> int:
    """Status bar below and menu bar above: toasts never cover either."""
    menu = window.menuBar() if isinstance(window, QMainWindow) else None
    above = menu.height() if menu is not None and menu.isVisible() else 0
    return above + _status_height(window)
