"""Alerts at fleet scale stay readable (issue 22 point 8): the pop-up rate is bounded (the
rest fold into one "N more chargers need attention" pop-up that opens the Events pane), and
stacked toasts never overlap nor squash their text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from plugdesk.domain.incidents import Alert
from plugdesk.services.notifier import FOLDED, Note, Notifier
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.tasks import TaskRunner
from plugdesk.ui.toast import MAX_TOASTS, Toast, ToastArea, full_height

LONG = ("ConnectorLockFailure (the connector lock could not be engaged; the cable may be "
        "damaged or blocked) on connector 2 — the charger reports it again every minute")


def fault(n: int) -> Alert:
    return Alert(kind="opened", incident_ids=(n,), title=f"Car park west — bay {n} faulted",
                 body=LONG, urgency="critical", charger_uuid=f"uuid-{n}",
                 incident_kind="fault")  # fmt: skip


def main_window(qtbot: Any, width: int = 1366, height: int = 768) -> QMainWindow:
    window = QMainWindow()
    window.menuBar().addMenu("&File")
    window.statusBar().showMessage("Updated just now")
    window.resize(width, height)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def on_window(toast: Toast, window: QMainWindow) -> QRect:
    return QRect(toast.mapTo(window, toast.rect().topLeft()), toast.size())


def assert_readable_stack(area: ToastArea, window: QMainWindow) -> None:
    QApplication.processEvents()  # let each toast's layout place its labels
    toasts = area.toasts()
    rects = [on_window(t, window) for t in toasts]
    free = QRect(0, window.menuBar().height(), window.width(),
                 window.height() - window.menuBar().height() - window.statusBar().height())
    for toast, rect in zip(toasts, rects, strict=True):
        assert toast.isVisible()
        assert toast.height() == full_height(toast)  # its full size, never squashed
        assert free.contains(rect), (rect, free)  # not under the menu or status bar
        for label in toast.findChildren(QLabel):
            assert label.height() >= label.heightForWidth(label.width())  # no cut text
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b), (a, b)


def test_stacked_toasts_keep_their_size_and_never_overlap(qtbot: Any) -> None:
    window = main_window(qtbot)
    area = ToastArea(window)
    for n in range(1, 8):
        area.add(Note(fault(n), lambda: None), quiet=n % 2 == 0)
        assert len(area.toasts()) <= MAX_TOASTS
        assert_readable_stack(area, window)
    assert [t.note.alert.incident_ids[0] for t in area.toasts()] == [5, 6, 7]  # newest kept
    # A short window holds fewer, still whole and apart; growing it keeps them placed.
    window.resize(1024, 420)
    qtbot.waitUntil(lambda: window.height() == 420)
    area.add(Note(fault(8), lambda: None), quiet=False)
    assert 1 <= len(area.toasts()) < MAX_TOASTS
    assert area.toasts()[-1].note.alert.incident_ids == (8,)
    assert_readable_stack(area, window)


def test_a_burst_pops_up_a_few_and_folds_the_rest_into_one_that_opens_events(
    qtbot: Any, run: Any
) -> None:
    window = main_window(qtbot)
    area = ToastArea(window)
    errors: list[BaseException] = []
    notifier = Notifier(TaskRunner(on_error=errors.append), [area], max_popups=3,
                        popup_window=0.3)  # fmt: skip
    opened: list[str] = []
    notifier.open_charger.connect(opened.append)
    delivered: list[tuple[Alert, str]] = []
    notifier.delivered.connect(lambda alert, channel: delivered.append((alert, channel)))

    async def scenario() -> Alert:
        summary = SignalWaiter(notifier.delivered, lambda alert, _c: alert.kind == "summary")
        channels = await notifier.deliver_all([fault(n) for n in range(1, 13)])
        assert channels == ["toast"] * 3 + [FOLDED] * 9
        assert notifier.folded == 9
        assert len(area.toasts()) == 3
        (alert, channel) = await summary.wait(5)
        assert channel == "toast"
        return alert

    summary = run(scenario(), timeout=10)
    assert not errors
    assert summary.title == "9 more chargers need attention"
    assert summary.urgency == "critical" and summary.charger_uuid is None
    assert notifier.folded == 0
    # Every alert was accounted for (marked shown or folded), the summary once.
    assert len(delivered) == 13
    assert len(area.toasts()) == MAX_TOASTS
    last = area.toasts()[-1]
    assert last.note.alert is summary
    assert_readable_stack(area, window)
    qtbot.mouseClick(last.open_button, Qt.MouseButton.LeftButton)
    assert opened == [""]  # "" = open the Events pane
