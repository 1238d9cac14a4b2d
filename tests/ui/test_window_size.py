"""The window fits a small laptop screen and never grows by itself (issue 22 points 2-3)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.support.harness import Harness, make_window_harness
from tests.ui.test_main_window import load_fleet, select, win


@pytest.fixture
def harness(sim: Any, qtbot: Any, run: Any) -> Iterator[Harness]:
    h = make_window_harness(sim, qtbot)
    win(h).add_pane("Events", QLabel("events"))
    yield h
    run(h.aclose())


def test_resizes_down_to_1024_by_600_and_never_grows(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    window = win(harness)
    window.resize(1024, 600)
    run(load_fleet(harness))
    faulted = next(c for c in sim.chargers() if c["connection_status"] == "online")
    run(select(harness, faulted["uuid"], qtbot))
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600, hint
    assert window.size().width() == 1024 and window.size().height() == 600
    splitter_sizes = window.main_splitter.sizes()
    view = window.fleet_view

    async def type_and_click() -> None:  # on the running loop: a new selection loads
        qtbot.keyClicks(view.search, "a very long search text that matches no charger at all")
        qtbot.mouseClick(view.filter_buttons["FAULT"], Qt.MouseButton.LeftButton)
        view.search.clear()
        qtbot.mouseClick(view.filter_buttons["ALL"], Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.transactions_view.filter_bar.id_tag, "x" * 80)
        await asyncio.sleep(0.2)

    run(type_and_click())
    assert window.width() == 1024 and window.height() == 600
    assert window.minimumSizeHint().width() <= 1024
    assert window.main_splitter.sizes() == splitter_sizes


def test_a_saved_geometry_from_a_bigger_screen_is_fitted_to_this_one(
    sim: Any, qtbot: Any, run: Any, tmp_path: Any
) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    h = make_window_harness(sim, qtbot, settings)
    window = win(h)
    try:
        window.setGeometry(3000, 2000, 2600, 1500)  # as on a big external monitor
        window.save_state()
        window.close()
    finally:
        run(h.aclose())
    again = make_window_harness(sim, qtbot, settings)
    try:
        screen = win(again).screen().availableGeometry()
        assert screen.contains(win(again).frameGeometry().topLeft())
        assert win(again).width() <= screen.width() and win(again).height() <= screen.height()
    finally:
        run(again.aclose())


def test_small_screen_layout_wraps_the_detail_and_shows_whole_connector_rows(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    from PySide6.QtWidgets import QHeaderView

    from plugdesk.ui.fleet_model import Column

    window = win(harness)
    window.resize(1024, 600)
    run(load_fleet(harness))
    charger = next(c for c in sim.chargers() if c["connection_status"] == "online")
    run(select(harness, charger["uuid"], qtbot))
    pane = window.detail_pane
    assert pane.groups.columns < 3  # narrow: fewer columns, values wrap instead of clipping
    table = pane.connectors_table
    rows = pane.connectors_model.rowCount()
    assert rows > 0
    needed = table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= needed - table.horizontalHeader().height()
    window.resize(2400, 1000)
    qtbot.waitUntil(lambda: pane.groups.columns == 3)
    # The free-text columns take the spare width; the short ones keep their fitted widths.
    header = window.fleet_view.table.horizontalHeader()
    for column in (Column.REFERENCE, Column.ERROR):
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
    assert window.fleet_view.table.horizontalScrollBar().maximum() == 0


def test_a_tall_side_pane_scrolls_instead_of_growing_the_window(
    harness: Harness, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QWidget

    from plugdesk.ui.lazy_pane import add_lazy_pane

    window = win(harness)
    window.resize(1024, 600)

    def tall() -> QWidget:
        pane = QWidget()
        pane.setMinimumSize(400, 1500)  # like the public charging forms on a small screen
        return pane

    _page, index = add_lazy_pane(window, "Tall", tall)
    window.tabs.setCurrentIndex(index)
    qtbot.wait(10)
    assert window.minimumSizeHint().height() <= 600
    assert window.height() == 600
