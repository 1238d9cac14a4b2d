"""The first hour with PlugDesk (issue 22): the whole window from the keyboard, a window
that fits a laptop and never grows by itself, and the list, detail and export agreeing on
which charger is selected. Real widgets against the simulator over loopback."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from plugdesk.services.qtasync import SignalWaiter
from plugdesk.ui.fleet_model import UUID_ROLE
from plugdesk.ui.main_window import MainWindow
from tests.support.harness import Harness, make_window_harness
from tests.ui.test_main_window import load_fleet, select, shown_uuids, win


@pytest.fixture
def harness(sim: Any, qtbot: Any, run: Any) -> Iterator[Harness]:
    h = make_window_harness(sim, qtbot)
    window = win(h)
    window.add_pane("Events", QLabel("events"))
    window.activateWindow()
    qtbot.waitExposed(window)
    yield h
    run(h.aclose())


def loaded_with_selection(h: Harness, sim: Any, qtbot: Any, run: Any) -> MainWindow:
    window = win(h)
    run(load_fleet(h))
    online = next(c for c in sim.chargers() if c["connection_status"] == "online")
    run(select(h, online["uuid"], qtbot))
    return window


def tab_through(window: MainWindow, qtbot: Any, start: QWidget, presses: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    visited: list[QWidget] = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        visited.append(now)
    return visited


def test_tab_leaves_every_table_and_reaches_filters_and_copy_buttons(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    window = loaded_with_selection(harness, sim, qtbot, run)
    view, detail, tx = window.fleet_view, window.detail_pane, window.transactions_view
    visited = tab_through(window, qtbot, view.search, 40)
    for table in (view.table, detail.connectors_table, tx.table):
        assert table in visited, table.accessibleName()
        # One Tab press inside a table moves on to another widget.
        position = visited.index(table)
        assert visited[position + 1] is not table
    for wanted in (detail.copy_identity, detail.copy_uuid, tx.filter_bar.status,
                   tx.filter_bar.started_from.check, tx.filter_bar.limit,
                   tx.filter_bar.id_tag):  # fmt: skip
        assert wanted in visited, wanted.accessibleName() or wanted.objectName()
    # And the chain goes round: back to the search box.
    assert view.search in visited


@pytest.mark.parametrize(
    ("key", "modifiers", "step"),
    [
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier, 1),
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier, 1),
        (Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier, -1),
        (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier
         | Qt.KeyboardModifier.ShiftModifier, -1),
    ],
)
def test_ctrl_tab_and_ctrl_page_keys_switch_tabs_from_a_table(
    harness: Harness, sim: Any, qtbot: Any, run: Any, key: Any, modifiers: Any, step: int
) -> None:
    window = win(harness)
    run(load_fleet(harness))
    table = window.fleet_view.table
    table.setFocus()
    table.selectRow(0)
    before_row = table.currentIndex().row()
    qtbot.keyClick(table, key, modifiers)
    assert window.tabs.currentIndex() == step % 2
    assert table.currentIndex().row() == before_row  # no PageDown inside the table
    window.tabs.setCurrentIndex(0)


def test_current_row_frame_is_the_tables_delegate(harness: Harness) -> None:
    from plugdesk.ui.tables import CurrentRowFrame, current_row_frame

    window = win(harness)
    for table in (window.fleet_view.table, window.transactions_view.table,
                  window.detail_pane.connectors_table):  # fmt: skip
        assert isinstance(current_row_frame(table), CurrentRowFrame)
        assert not table.tabKeyNavigation()


def test_list_detail_and_export_agree_on_the_selection_after_searches(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    window = loaded_with_selection(harness, sim, qtbot, run)
    first = window.selected_uuid()
    other = next(c for c in sim.chargers() if c["uuid"] != first and c["identity"])
    view = window.fleet_view

    async def search(text: str) -> None:
        view.search.clear()
        qtbot.keyClicks(view.search, text)
        await asyncio.sleep(0.2)

    run(search("no charger is called this"))
    assert view.proxy.rowCount() == 0
    assert window.selected_uuid() is None  # what Export → "Selected charger" reads
    assert window.detail_pane.charger is None
    assert "No charger matches" in window.detail_pane.placeholder.text()
    run(search(other["identity"]))
    assert shown_uuids(window) == [other["uuid"]]
    assert view.selected_uuid() == other["uuid"] == window.selected_uuid()
    detail = window.detail_pane.charger
    assert detail is not None and detail.uuid == other["uuid"]


def test_a_filter_hiding_the_selected_charger_selects_the_first_row(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    faulted = sim.charger_uuids()[3]
    sim.force_fault(faulted, error="GroundFailure")
    window = win(harness)
    run(load_fleet(harness))
    model = window.fleet_model
    healthy = next(r.uuid for r in model.rows() if r.level_key == "OK")
    run(select(harness, healthy, qtbot))
    view = window.fleet_view

    async def click_fault_chip() -> None:
        qtbot.mouseClick(view.filter_buttons["FAULT"], Qt.MouseButton.LeftButton)
        await asyncio.sleep(0.2)

    run(click_fault_chip())
    assert view.proxy.rowCount() > 0
    first_row = view.proxy.index(0, 0).data(UUID_ROLE)
    assert window.selected_uuid() == first_row == view.selected_uuid()
    detail = window.detail_pane.charger
    assert detail is not None and detail.uuid == first_row


def test_ctrl_e_exports_from_a_text_box(harness: Harness, qtbot: Any) -> None:
    window = win(harness)
    asked: list[bool] = []
    window.attach_export(lambda: asked.append(True))
    for box in (window.fleet_view.search, window.transactions_view.filter_bar.id_tag,
                window.transactions_view.filter_bar.limit):  # fmt: skip
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True, True, True]


def test_escape_clears_the_search_and_enter_or_down_go_to_the_results(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    window = win(harness)
    run(load_fleet(harness))
    view = window.fleet_view

    async def keys() -> None:
        view.search.setFocus()
        qtbot.keyClicks(view.search, "ACE")
        qtbot.keyClick(view.search, Qt.Key.Key_Escape)
        assert view.search.text() == "" and view.search.hasFocus()
        qtbot.keyClicks(view.search, "ACE")
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
        assert view.table.hasFocus()
        assert view.selected_uuid() == view.proxy.index(0, 0).data(UUID_ROLE)
        assert view.table.currentIndex().row() == 0
        view.search.setFocus()
        qtbot.keyClick(view.search, Qt.Key.Key_Down)
        assert view.table.hasFocus()
        await asyncio.sleep(0.1)

    run(keys())


def test_demo_title_names_the_app_once(harness: Harness) -> None:
    window = win(harness)
    window.setWindowTitle("PlugDesk — Demo")  # what the app sets in demo mode
    assert window.windowTitle() == "Demo — PlugDesk"  # Qt adds nothing to this one
    window.setWindowTitle("PlugDesk")
    assert window.windowTitle() == "PlugDesk"


@pytest.mark.log_warnings("the refresh fails on purpose; the monitor warns")
def test_a_failed_refresh_is_not_called_updated(
    harness: Harness, sim: Any, run: Any
) -> None:
    window = win(harness)
    run(load_fleet(harness))
    label = window.status_bar.refresh_label
    assert label.text() == "Updated just now"
    sim.set_chaos("flaky", error_rate=1.0)
    run(harness.refresh())
    assert label.text() == "Refresh failed · data from just now"
    assert "Updated" not in label.text()
    sim.set_chaos(None)
    run(harness.refresh())
    assert label.text() == "Updated just now"


def test_the_signed_out_banner_goes_once_polling_starts(
    harness: Harness, run: Any
) -> None:
    window = win(harness)
    window.show_signed_out()
    assert not window.banner.isHidden() and "Not signed in" in window.banner.text
    assert window.status_bar.user_label.text() == "Not signed in"
    started = SignalWaiter(harness.monitor.refresh_started)
    harness.monitor.start()  # what a successful sign-in does (apply_token -> resume)
    run(started.wait(10))
    assert window.banner.isHidden()
    assert window.status_bar.user_label.text() != "Not signed in"
    run(load_fleet_done(harness))


async def load_fleet_done(h: Harness) -> None:
    await asyncio.sleep(0.3)  # let the first refresh finish before the harness closes


def test_transaction_texts_carry_units_zone_and_one_duration_format(qtbot: Any) -> None:
    from datetime import timedelta

    from plugdesk.ui import formatting as fmt
    from plugdesk.ui.transactions_model import Totals, TxColumn
    from plugdesk.ui.transactions_view import TransactionsView

    view = TransactionsView()
    qtbot.addWidget(view)
    header = view.model.headerData
    zone = fmt.local_zone()
    assert header(TxColumn.STARTED, Qt.Orientation.Horizontal) == f"Started ({zone})"
    assert header(TxColumn.METER_START, Qt.Orientation.Horizontal) == "Meter start (Wh)"
    long = Totals(3, 0, 12.5, timedelta(days=12, hours=16, minutes=5))
    short = Totals(1, 0, 1.0, timedelta(hours=1, minutes=11))
    assert long.describe().endswith("· 304 h 05 min")
    assert short.describe().endswith("· 1 h 11 min")


def test_ticking_from_narrows_and_a_bad_range_clears_old_rows(qtbot: Any) -> None:
    from datetime import date, timedelta

    from plugdesk.ui.transactions_view import FROM_DAYS_BACK, TransactionsView
    from tests.support.rows import transaction

    view = TransactionsView()
    qtbot.addWidget(view)
    bar = view.filter_bar
    bar.started_from.check.setChecked(True)
    assert bar.started_from.value() == date.today() - timedelta(days=FROM_DAYS_BACK)
    view.set_transactions([transaction(1), transaction(2)])
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    bar.stopped_until.check.setChecked(True)
    bar.stopped_until.edit.setDate(bar.started_from.edit.date().addDays(-1))
    bar._emit_filters()  # what the debounce timer runs
    assert view.model.rowCount() == 0
    assert "“Until” must be on or after “From”" in view.status_label.text()


def test_help_has_a_guide_to_health_grace_periods_and_shortcuts(harness: Harness) -> None:
    window = win(harness)
    texts = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    assert texts == ["&Quick guide", "&About PlugDesk"]
    box = window.show_guide()
    text = box.text()
    for words in ("grace period", "Pending", "Ctrl+Tab", "Ctrl+E", "Shift+F10", "Stale"):
        assert words in text
    box.close()
