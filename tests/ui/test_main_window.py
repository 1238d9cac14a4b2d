"""The main window against the simulator: list, filters, detail, transactions, banners.

Scenarios run on the qasync loop (`run`), and wait for signals through asyncio futures
(`SignalWaiter`): pytest-qt's own waits would not advance the asyncio tasks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import (
    QItemSelectionModel,
    QPersistentModelIndex,
    QSettings,
    QSignalBlocker,
    Qt,
)
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from plugdesk.ui.detail_pane import ConnectorColumn
from plugdesk.ui.fleet_model import SLICE_CHECK, UUID_ROLE, Column
from plugdesk.ui.main_window import MainWindow
from plugdesk.ui.transactions_model import TxColumn
from tests.support.harness import Harness, ModelChecks, make_window_harness
from tests.support.rows import charger


@pytest.fixture
def big_fleet() -> Iterator[Simulator]:
    simulator = Simulator(chargers=60, seed=11)
    simulator.start()
    try:
        yield simulator
    finally:
        simulator.stop()


@pytest.fixture
def harness(sim: Any, qtbot: Any, run: Any) -> Iterator[Harness]:
    h = make_window_harness(sim, qtbot)
    window = h.window
    assert window is not None
    # Every model is checked again on every change the scenarios below make.
    checks = ModelChecks()
    checks.check(window.fleet_model)
    checks.check(window.fleet_view.proxy)
    checks.check(window.detail_pane.connectors_model)
    checks.check(window.transactions_view.model)
    yield h
    checks.close()
    run(h.aclose())


def win(h: Harness) -> MainWindow:
    assert h.window is not None
    return h.window


async def load_fleet(h: Harness) -> None:
    updated = SignalWaiter(h.monitor.fleet_updated)
    h.monitor.start()
    await updated.wait(10)


async def select(h: Harness, uuid: str, qtbot: Any) -> None:
    """Click the charger's row like a user, and wait for its detail and transactions."""
    window = win(h)
    detail = SignalWaiter(h.chargers.detail_loaded, lambda c: c.uuid == uuid)
    transactions = SignalWaiter(h.chargers.transactions_loaded, lambda u, _rows: u == uuid)
    view = window.fleet_view
    row = view.proxy.mapFromSource(window.fleet_model.index(window.fleet_model.row_of(uuid), 0))
    view.table.scrollTo(row)
    rect = view.table.visualRect(row)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    await detail.wait(10)
    await transactions.wait(10)


def shown_uuids(window: MainWindow) -> list[str]:
    proxy = window.fleet_view.proxy
    return [proxy.index(r, 0).data(UUID_ROLE) for r in range(proxy.rowCount())]


def test_list_fills_across_pages(big_fleet: Simulator, qtbot: Any, run: Any) -> None:
    h = make_window_harness(big_fleet, qtbot)
    window = win(h)
    sizes: list[int] = []
    h.monitor.fleet_progress.connect(lambda _f: sizes.append(window.fleet_model.rowCount()))
    try:
        run(load_fleet(h))
    finally:
        run(h.aclose())
    assert sizes == [25, 50, 60]
    assert sorted(shown_uuids(window)) == sorted(big_fleet.charger_uuids())
    counts = window.fleet_model.health_counts()
    assert window.fleet_view.filter_buttons["ALL"].text() == "All 60"
    for level, count in counts.items():
        assert window.fleet_view.filter_buttons[level].text().endswith(f" {count}")
    assert window.status_bar.refresh_label.text() == "Updated just now"
    assert window.status_bar.host_label.text() == "127.0.0.1"


def test_a_big_fleet_is_judged_in_slices_and_replaces_the_saved_one(
    qtbot: Any, run: Any
) -> None:
    simulator = Simulator(chargers=600, seed=5, time_scale=0, rate_limit_per_minute=100_000)
    simulator.start()
    h = make_window_harness(simulator, qtbot)
    window = win(h)
    model = window.fleet_model
    prepared: list[int] = []
    prepare = model.prepare

    def spying_prepare(chargers: Any, known: Any = None) -> Any:
        prepared.append(len(chargers))
        return prepare(chargers, known)

    model.prepare = spying_prepare  # type: ignore[method-assign]
    # A fleet saved last time (chargers since removed from the account) is shown first.
    model.set_chargers([charger(n) for n in range(1, 301)])
    assert model.rowCount() == 300
    try:

        async def load() -> None:
            shown = SignalWaiter(window.fleet_shown, lambda: model.rowCount() == 600
                                 and model.row_of(charger(1).uuid) is None)
            h.monitor.start()
            await shown.wait(30)

        run(load(), timeout=40)
    finally:
        run(h.aclose())
        simulator.stop()
    assert sorted(shown_uuids(window)) == sorted(simulator.charger_uuids())
    # Lists of a few hundred are judged in one go; the complete 600 a chunk at a time
    # (the loop runs whenever a turn's slice of time is used up).
    chunks = [SLICE_CHECK] * (600 // SLICE_CHECK) + [600 % SLICE_CHECK]
    assert prepared[-len(chunks):] == chunks


def test_search_and_health_filters_narrow_the_list(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    window = win(harness)
    faulted = sim.charger_uuids()[3]
    sim.force_fault(faulted, error="GroundFailure")
    run(load_fleet(harness))
    everything = window.fleet_view.proxy.rowCount()
    assert everything == 40

    target = next(c for c in sim.chargers() if c["uuid"] == faulted)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.fleet_view.search.hasFocus()
    qtbot.keyClicks(window.fleet_view.search, target["identity"])
    assert shown_uuids(window) == [faulted]
    window.fleet_view.search.clear()

    qtbot.mouseClick(window.fleet_view.filter_buttons["FAULT"], Qt.MouseButton.LeftButton)
    shown = shown_uuids(window)
    assert faulted in shown and 0 < len(shown) < everything
    health = window.fleet_view.proxy
    assert {health.index(r, Column.HEALTH).data() for r in range(len(shown))} == {"Fault"}
    assert window.fleet_view.count_label.text() == f"{len(shown)} of 40 shown"
    qtbot.mouseClick(window.fleet_view.filter_buttons["ALL"], Qt.MouseButton.LeftButton)
    assert window.fleet_view.proxy.rowCount() == everything


def test_selecting_a_charger_fills_detail_and_transactions(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    window = win(harness)
    run(load_fleet(harness))
    truth = next(c for c in sim.chargers() if c["connection_status"] == "online")
    power = SignalWaiter(harness.chargers.power_loaded, lambda uuid, *_: uuid == truth["uuid"])
    run(select(harness, truth["uuid"], qtbot))

    pane = window.detail_pane
    assert window.selected_uuid() == truth["uuid"]
    assert pane.title.text() == truth["identity"]
    assert pane.values["status"].text() == (truth["status"] or "—")
    assert pane.connectors_model.rowCount() > 0
    assert all("None" not in v.text() for v in pane.values.values())

    model = window.transactions_view.model
    expected = sim.transactions_for(truth["uuid"])
    assert model.rowCount() == len(expected)
    ids = {model.index(r, TxColumn.ID).data() for r in range(model.rowCount())}
    assert ids == {str(t["id"]) for t in expected}
    if expected:
        assert window.transactions_view.totals_label.text().startswith(f"{len(expected):,} ")

    # The last power reading arrives for an online charger's connectors, with its age.
    _uuid, connector, _usage = run(power.wait(10))
    live = pane.connectors_model.index(
        pane.connectors_model.connector_ids().index(connector), ConnectorColumn.POWER
    ).data()
    assert live and "None" not in live


def test_transaction_filters_reload_and_id_tag_filters_locally(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    window = win(harness)
    run(load_fleet(harness))
    uuid = max(sim.charger_uuids(), key=lambda u: len(sim.transactions_for(u)))
    run(select(harness, uuid, qtbot))
    view = window.transactions_view
    total = view.model.rowCount()
    assert total > 2

    async def set_status(label: str) -> None:
        loaded = SignalWaiter(harness.chargers.transactions_loaded)
        view.filter_bar.status.setCurrentText(label)
        await loaded.wait(10)

    run(set_status("Finished"))
    finished = [t for t in sim.transactions_for(uuid) if t["stopped_at"] is not None]
    assert view.model.rowCount() == len(finished)
    run(set_status("All"))
    tag = view.model.index(0, TxColumn.ID_TAG).data()
    before = len(sim.request_log)
    qtbot.keyClicks(view.filter_bar.id_tag, tag)
    assert 0 < view.model.rowCount() <= total
    assert {view.model.index(r, TxColumn.ID_TAG).data() for r in range(view.model.rowCount())} \
        == {tag}
    assert len(sim.request_log) == before  # local: no request


def test_a_late_filter_change_already_applied_by_a_selection_does_not_reload(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    """The limit's debounce may land seconds late on a busy machine, after the user
    picked a charger: that load already used the limit, so no second load starts and
    empties the table the user is looking at."""
    window = win(harness)
    run(load_fleet(harness))
    uuid = max(sim.charger_uuids(), key=lambda u: len(sim.transactions_for(u)))
    loads: list[str] = []
    harness.chargers.transactions_loading.connect(loads.append)
    bar = window.transactions_view.filter_bar
    with QSignalBlocker(bar.limit):  # its debounce has not fired yet
        bar.limit.setValue(3)
    run(select(harness, uuid, qtbot))
    assert window.transactions_view.model.rowCount() == 3
    bar.filters_changed.emit(bar.filters())  # the late debounce
    assert loads == [uuid]
    assert window.transactions_view.model.rowCount() == 3

    async def reload() -> None:
        loaded = SignalWaiter(harness.chargers.transactions_loaded)
        bar.limit.setValue(2)  # a real change still reloads
        await loaded.wait(10)

    run(reload())
    assert loads == [uuid, uuid]
    assert window.transactions_view.model.rowCount() == 2


def test_refresh_updates_the_row_in_place_and_keeps_selection(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    window = win(harness)
    run(load_fleet(harness))
    healthy = [c for c in sim.chargers()
               if c["connection_status"] == "online" and c["status"] == "Available"]
    uuid = healthy[len(healthy) // 2]["uuid"]
    run(select(harness, uuid, qtbot))
    # A click makes Qt scroll to the pressed row once more, doubleClickInterval + 100 ms
    # later (QAbstractItemView's delayed auto-scroll). The pressed index is persistent, so
    # if the refresh re-sorts before then, that scroll follows the row to its new place.
    # A user's refresh comes later than that: let the click's scroll happen first.
    qtbot.wait(QApplication.doubleClickInterval() + 150)
    table = window.fleet_view.table
    scroll = table.verticalScrollBar().value()
    persistent = QPersistentModelIndex(window.fleet_model.index(window.fleet_model.row_of(uuid), 0))
    resets: list[bool] = []
    window.fleet_model.modelReset.connect(lambda: resets.append(True))

    sim.force_fault(uuid, error="GroundFailure", info="ground fault detected")

    async def refresh() -> None:
        detail = SignalWaiter(harness.chargers.detail_loaded, lambda c: c.uuid == uuid)
        updated = SignalWaiter(harness.monitor.fleet_updated)
        qtbot.keyClick(window, Qt.Key.Key_F5)
        await updated.wait(10)
        await detail.wait(10)  # the selected charger's connectors are fetched again

    run(refresh())
    assert not resets
    assert persistent.isValid()
    model = window.fleet_model
    assert model.index(persistent.row(), Column.HEALTH).data() == "Fault"
    assert model.index(persistent.row(), Column.ERROR).data() == "GroundFailure"
    assert window.fleet_view.selected_uuid() == uuid
    assert window.selected_uuid() == uuid
    assert table.verticalScrollBar().value() == scroll
    assert window.detail_pane.values["error"].text() == "GroundFailure"


@pytest.mark.log_warnings("the refresh fails on purpose; the monitor warns")
def test_server_error_keeps_rows_and_shows_stale_banner(
    harness: Harness, sim: Any, qtbot: Any, run: Any
) -> None:
    window = win(harness)
    run(load_fleet(harness))
    before = shown_uuids(window)
    assert window.banner.isHidden()
    sim.set_chaos("flaky", error_rate=1.0)
    run(harness.refresh())
    assert shown_uuids(window) == before
    assert not window.banner.isHidden()
    assert "marked stale" in window.banner.text
    assert window.fleet_model.is_stale
    # Back to normal: the banner goes away and the rows are current again.
    sim.set_chaos(None)
    run(harness.refresh())
    assert window.banner.isHidden() and not window.fleet_model.is_stale


@pytest.mark.log_warnings("the refresh fails on purpose; the monitor warns")
def test_stopped_server_shows_offline_banner(harness: Harness, sim: Any, run: Any) -> None:
    window = win(harness)
    run(load_fleet(harness))
    sim.stop()
    run(harness.refresh())
    assert window.fleet_model.rowCount() == 40
    assert "Cannot reach the Plugchoice API" in window.banner.text


@pytest.mark.log_warnings("the refresh fails on purpose; the monitor warns")
def test_401_shows_the_sign_in_banner(harness: Harness, sim: Any, qtbot: Any, run: Any) -> None:
    window = win(harness)
    run(load_fleet(harness))
    sim.revoke_token()
    auth = SignalWaiter(harness.monitor.auth_failed)
    window.refresh()
    run(auth.wait(10))
    assert "Token rejected — sign in again" in window.banner.text
    assert window.banner.sign_in_button.isVisibleTo(window.banner)
    assert not window.banner.sign_in_button.isEnabled()  # nobody attached a sign-in yet
    opened: list[bool] = []
    window.attach_sign_in(lambda: opened.append(True))
    qtbot.mouseClick(window.banner.sign_in_button, Qt.MouseButton.LeftButton)
    assert opened == [True]
    assert window.fleet_model.rowCount() == 40  # the old rows stay, marked stale


def test_shortcuts_and_seams(harness: Harness, qtbot: Any) -> None:
    window = win(harness)
    assert window.refresh_action.shortcut() == QKeySequence(Qt.Key.Key_F5)
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.export_action.shortcut() == QKeySequence("Ctrl+E")
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert not window.export_action.isEnabled()
    exported: list[bool] = []
    window.attach_export(lambda: exported.append(True))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported == [True]
    assert not window.tabs.tabBar().isVisible()
    from PySide6.QtWidgets import QLabel

    index = window.add_pane("Events", QLabel("events"))
    assert index == 1 and window.tabs.tabBar().isVisible()
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Alerts", "&Help"]


def test_a_window_shortcut_beats_the_focused_text_box(harness: Harness, qtbot: Any) -> None:
    """A text box takes some of the window's keys for itself (Ctrl+E is end of line on
    X11): the focused one hands them on, also after focus moved between text boxes.
    Ctrl+A (select all, in every text box on every platform) stands in for it here."""
    from PySide6.QtGui import QAction

    window = win(harness)
    window.show()
    qtbot.waitExposed(window)
    fired: list[bool] = []
    select_all_elsewhere = QAction("Everything", window)
    select_all_elsewhere.setShortcut(QKeySequence("Ctrl+A"))
    select_all_elsewhere.triggered.connect(lambda: fired.append(True))
    window.addAction(select_all_elsewhere)
    window._window_keys.add(select_all_elsewhere.shortcut())
    search, id_tag = window.fleet_view.search, window.transactions_view.filter_bar.id_tag
    for box in (search, id_tag, search):
        window.activateWindow()
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert fired == [True, True, True]


def test_file_menu_and_detail_tab_seams(harness: Harness) -> None:
    from PySide6.QtWidgets import QLabel

    window = win(harness)
    window.add_file_action("Settings…")
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts[-3:] == ["Settings…", "", "&Quit"]  # Quit stays last, after a separator
    shown: list[int] = []
    window.detail_tab_changed.connect(shown.append)
    index = window.add_detail_tab(QLabel("log"), "Log")
    window.show_detail_tab(index)
    assert shown == [index] and window.detail_tab() == index
    window.resize(1200, 900)
    window.right_splitter.setSizes([300, 500])
    users_split = window.right_splitter.sizes()
    window.give_detail_room(True)
    top, bottom = window.right_splitter.sizes()
    assert top > bottom and window.detail_pane.connectors_box.isHidden()
    window.give_detail_room(False)
    assert window.right_splitter.sizes() == users_split  # the user's own split comes back
    assert not window.detail_pane.connectors_box.isHidden()


def test_the_charger_menu_carries_the_offered_menu_for_the_selection(
    harness: Harness, run: Any
) -> None:
    """Both features wire the list's right-click: the mute menu (set_charger_menu) takes
    it, so the batch menu (offer_fleet_menu) must show inside it, not be lost."""
    window = win(harness)
    run(load_fleet(harness))
    window.set_charger_menu(lambda menu, _uuid, name: menu.addAction(f"Mute {name}"))

    def batch(parent: QWidget) -> QMenu | None:
        count = len(window.selected_chargers())
        menu = QMenu(parent)
        menu.addAction(f"Restart: {count} chargers…")
        return menu if count else None

    window.offer_fleet_menu(batch)
    table = window.fleet_view.table
    table.selectRow(0)
    table.selectionModel().select(
        table.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    center = table.visualRect(table.model().index(1, 0)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, center, table.mapToGlobal(center))
    QApplication.sendEvent(table.viewport(), event)
    menu = window.charger_menu
    assert menu is not None
    texts = [action.text() for action in menu.actions()]
    assert texts[1].startswith("Mute ") and texts[-2:] == ["", "Restart: 2 chargers…"]
    menu.close()


def ini(path: str) -> QSettings:
    return QSettings(path, QSettings.Format.IniFormat)


def test_window_state_is_remembered(harness: Harness, sim: Any, qtbot: Any, tmp_path: Any) -> None:
    path = str(tmp_path / "window.ini")
    first = MainWindow(harness.monitor, harness.chargers, settings=ini(path))
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 650)  # the offscreen screen is 800 x 800
    first.main_splitter.setSizes([250, 450])
    first.fleet_view.table.sortByColumn(Column.IDENTITY, Qt.SortOrder.DescendingOrder)
    first.fleet_view.table.horizontalHeader().resizeSection(Column.REFERENCE, 222)
    size, splitter = first.size(), first.main_splitter.sizes()
    assert size.width() < 780 and splitter[0] < 300  # not just the defaults
    first.close()  # saves

    second = MainWindow(harness.monitor, harness.chargers, settings=ini(path))
    qtbot.addWidget(second)
    second.show()
    header = second.fleet_view.table.horizontalHeader()
    assert second.size() == size
    assert second.main_splitter.sizes() == splitter
    assert header.sectionSize(Column.REFERENCE) == 222
    assert header.sortIndicatorSection() == Column.IDENTITY
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert second.fleet_model.sort_column == Column.IDENTITY
    assert second.fleet_model.sort_order == Qt.SortOrder.DescendingOrder
