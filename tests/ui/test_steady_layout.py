"""Counts that tick and layouts that settle without repainting the window: a chip or a
label keeps its size while its number keeps its digits, and the tab widget stops a layout
request from inside a page that moves nothing it lays out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QToolButton, QVBoxLayout, QWidget

from plugdesk.ui.steady_tabs import SteadyTabWidget
from plugdesk.ui.steady_text import set_steady_text


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_count_keeps_its_size_until_it_needs_another_digit(qtbot: Any) -> None:
    button = QToolButton()
    label = QLabel()
    qtbot.addWidget(button)
    qtbot.addWidget(label)
    for widget in (button, label):
        set_steady_text(widget, "Fault 10")
        size = widget.size()
        assert widget.minimumSize() == widget.maximumSize() == size  # stops layout requests
        set_steady_text(widget, "Fault 57")
        assert widget.text() == "Fault 57"
        assert widget.size() == size
        set_steady_text(widget, "Fault 1,000")
        assert widget.text() == "Fault 1,000"
        assert widget.width() > size.width()
        assert widget.width() >= widget.sizeHint().width()  # the text fits


def _window(tabs: QTabWidget) -> tuple[QWidget, QLabel, QLabel]:
    """A tab page with a label that grows (beside a stretch) and a still label below."""
    page = QWidget()
    column = QVBoxLayout(page)
    row = QHBoxLayout()
    growing = QLabel("12")
    row.addWidget(growing)
    row.addStretch(1)
    column.addLayout(row)
    still = QLabel("still")
    column.addWidget(still)
    tabs.addTab(page, "Chargers")
    tabs.resize(400, 300)
    return page, growing, still


def _paints_of_still_after_growing(tabs: QTabWidget, qtbot: Any) -> int:
    qtbot.addWidget(tabs)
    _page, growing, still = _window(tabs)
    tabs.show()
    qtbot.waitExposed(tabs)
    qtbot.wait(50)
    paints = Paints()
    still.installEventFilter(paints)
    growing.setText("12,345 chargers")  # a new size: a layout request climbs to the tabs
    qtbot.wait(100)
    assert growing.isVisible() and growing.width() >= growing.sizeHint().width()
    return paints.count


def test_the_tab_widget_stops_a_layout_request_that_moves_nothing_it_lays_out(
    qtbot: Any,
) -> None:
    assert _paints_of_still_after_growing(QTabWidget(), qtbot) > 0  # Qt's own repaints all
    assert _paints_of_still_after_growing(SteadyTabWidget(), qtbot) == 0


def test_a_page_that_needs_more_room_still_tells_the_window(qtbot: Any) -> None:
    tabs = SteadyTabWidget()
    qtbot.addWidget(tabs)
    page, growing, _still = _window(tabs)
    tabs.show()
    qtbot.waitExposed(tabs)
    before = tabs.minimumSizeHint()
    growing.setMinimumWidth(before.width() + 200)
    qtbot.waitUntil(lambda: tabs.minimumSizeHint().width() > before.width() + 150)
    assert page.width() >= growing.minimumWidth()
