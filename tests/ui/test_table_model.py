"""The table model base: keyed in-place sync (removes, changes, inserts, reorders) keeps the
selection and passes pytest-qt's model tester; the models built on it pass it too. And the
one table set-up every pane uses."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView

import plugdesk.ui
from plugdesk.api.charger_models import OcppLog
from plugdesk.ui import formatting as fmt
from plugdesk.ui import i18n
from plugdesk.ui.actions.log_tab import OcppLogModel
from plugdesk.ui.detail_pane import ConnectorColumn, ConnectorsModel
from plugdesk.ui.table_model import SORT_ROLE, RowTableModel
from plugdesk.ui.tables import CurrentRowFrame, current_row_frame, set_up_table
from plugdesk.ui.transactions_model import TransactionsModel, TxColumn
from tests.support.harness import ModelChecks
from tests.support.rows import NOW, connector


@dataclass(frozen=True)
class Item:
    key: int
    name: str


class ItemColumn(IntEnum):
    KEY = 0
    NAME = 1


HEADERS = MappingProxyType({ItemColumn.KEY: "Key", ItemColumn.NAME: "Name"})
TIPS = MappingProxyType({ItemColumn.NAME: "What it is called"})


class Items(RowTableModel[Item]):
    columns = ItemColumn
    headers = HEADERS
    header_tips = TIPS
    numeric = frozenset({ItemColumn.KEY})

    def display(self, row: Item, column: int) -> str:
        return str(row.key) if column == ItemColumn.KEY else row.name

    def sort_key(self, row: Item, column: int) -> Any:
        return row.key if column == ItemColumn.KEY else row.name.casefold()

    def sync(self, items: list[Item]) -> None:
        self.sync_rows(items, key=lambda item: item.key)


def names(model: Items) -> list[str]:
    return [model.index(r, ItemColumn.NAME).data() for r in range(model.rowCount())]


def test_headers_roles_and_alignment(model_checks: ModelChecks, qapp: Any) -> None:
    model = Items()
    model_checks.check(model)
    model.sync([Item(2, "Bee"), Item(1, "ant")])
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(1, horizontal) == "Name"
    assert model.headerData(1, horizontal, Qt.ItemDataRole.ToolTipRole) == "What it is called"
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(2, horizontal) is None
    assert model.index(1, ItemColumn.NAME).data(SORT_ROLE) == "ant"
    assert model.index(0, ItemColumn.KEY).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.index(0, ItemColumn.NAME).data(Qt.ItemDataRole.TextAlignmentRole) is None


def test_sync_updates_in_place_and_the_selection_stays_on_its_row(
    model_checks: ModelChecks, qapp: Any
) -> None:
    model = Items()
    model_checks.check(model)
    model.sync([Item(k, f"n{k}") for k in range(6)])
    selection = QItemSelectionModel(model)
    selection.select(model.index(3, 0), QItemSelectionModel.SelectionFlag.Rows
                     | QItemSelectionModel.SelectionFlag.ClearAndSelect)  # fmt: skip
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    # Remove 0, 1 and 4; rename 3; insert 9 first and 7 between; reverse what is kept.
    model.sync([Item(9, "n9"), Item(5, "n5"), Item(7, "n7"), Item(3, "three"), Item(2, "n2")])

    assert names(model) == ["n9", "n5", "n7", "three", "n2"]
    assert [i.data() for i in selection.selectedRows(ItemColumn.NAME)] == ["three"]
    assert resets == []


def test_random_syncs_always_end_in_the_given_rows(model_checks: ModelChecks, qapp: Any) -> None:
    model = Items()
    model_checks.check(model)
    chance = random.Random(16)
    for _ in range(60):
        keys = chance.sample(range(12), chance.randint(0, 12))
        wanted = [Item(k, f"n{k}.{chance.randint(0, 2)}") for k in keys]
        model.sync(wanted)
        assert model.rows() == wanted


def test_duplicate_keys_lose_no_row(model_checks: ModelChecks, qapp: Any) -> None:
    model = Items()
    model_checks.check(model)
    model.sync([Item(1, "a")])
    model.sync([Item(1, "a"), Item(1, "b"), Item(2, "c")])  # bad data: keys repeat
    assert names(model) == ["a", "b", "c"]
    model.sync([Item(2, "c")])
    assert names(model) == ["c"]


def test_connectors_refresh_keeps_the_selected_connector(
    model_checks: ModelChecks, qapp: Any
) -> None:
    model = ConnectorsModel(clock=lambda: NOW)
    model_checks.check(model)
    model.set_connectors([connector(2), connector(1)])
    assert model.connector_ids() == [1, 2]
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(1, 0), QItemSelectionModel.SelectionFlag.Select)
    model.set_power(2, "No reading")
    model.set_connectors([connector(3), connector(2, status="Charging"), connector(1)])
    assert model.connector_ids() == [1, 2, 3]
    assert selection.currentIndex().row() == 1
    assert model.index(1, ConnectorColumn.STATUS).data() == "Charging"
    assert model.index(1, ConnectorColumn.POWER).data() == fmt.DASH  # readings start over


def test_headers_and_their_tips_show_in_the_chosen_language(qapp: Any) -> None:
    """The base translates each model's marked headers in that model's context, with a
    unit kept after the words, and follows a language chosen after the model was made."""
    horizontal = Qt.Orientation.Horizontal
    connectors, transactions = ConnectorsModel(), TransactionsModel()
    try:
        i18n.install_translators("nl")
        assert connectors.headerData(ConnectorColumn.ERROR, horizontal) == "Fout"
        assert transactions.headerData(TxColumn.METER_START, horizontal) == (
            "Meterstand start (Wh)"
        )
        tip = transactions.headerData(TxColumn.KWH, horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip == "Geleverde energie, in kWh"
    finally:
        i18n.install_translators("en")
    assert connectors.headerData(ConnectorColumn.ERROR, horizontal) == "Error"
    assert transactions.headerData(TxColumn.STARTED, horizontal) == (
        f"Started ({fmt.local_zone()})"
    )


def test_log_model_pages_pass_the_model_tester(model_checks: ModelChecks, qapp: Any) -> None:
    model = OcppLogModel()
    model_checks.check(model)
    at = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
    model.append([OcppLog(id=n, method="Heartbeat", destination="centralsystem",
                          params={}, created_at=at) for n in range(3)])  # fmt: skip
    model.append([])
    assert model.rowCount() == 3
    assert model.index(0, 1).data() == "← charger"
    assert model.index(0, 4).data() == "{}"
    model.clear()
    assert model.rowCount() == 0


def test_set_up_table_makes_a_keyboard_friendly_read_only_table(qapp: Any) -> None:
    model = Items()
    model.sync([Item(1, "a"), Item(2, "b")])
    table = set_up_table(model, "Items", widths={ItemColumn.KEY: 77},
                         sort=(ItemColumn.NAME, Qt.SortOrder.DescendingOrder))  # fmt: skip
    assert isinstance(current_row_frame(table), CurrentRowFrame)
    assert not table.tabKeyNavigation()
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.accessibleName() == "Items"
    assert not table.verticalHeader().isVisible()
    assert table.horizontalHeader().sectionSize(ItemColumn.KEY) == 77
    assert table.isSortingEnabled()
    assert table.horizontalHeader().sortIndicatorSection() == ItemColumn.NAME


def _frame_rows(table: Any) -> list[int]:
    """The rows of the table's viewport whose top edge is drawn in the frame's colour."""
    table.viewport().repaint()
    image = table.viewport().grab().toImage()
    ink = table.palette().color(QPalette.ColorRole.Text)
    x = table.columnViewportPosition(0) + table.columnWidth(0) // 2
    return [
        row
        for row in range(table.model().rowCount())
        if image.pixelColor(x, table.rowViewportPosition(row) + 1) == ink
    ]


def test_the_current_row_alone_has_the_frame_delegate_and_it_follows_the_row(
    qapp: Any, qtbot: Any
) -> None:
    """Other rows paint with Qt's own delegate (no Python call per cell); the frame's
    delegate moves with the current row through a sort and a change of the rows."""
    model = Items()
    model.sync([Item(k, name) for k, name in enumerate("dbeac")])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = set_up_table(proxy, "Items", sort=(ItemColumn.NAME, Qt.SortOrder.AscendingOrder))
    qtbot.addWidget(table)
    table.resize(300, 300)
    table.show()
    qtbot.waitExposed(table)
    frame = current_row_frame(table)
    assert frame is not None
    assert [table.itemDelegateForRow(r) for r in range(5)] == [None] * 5

    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectRow(1)  # "b"
    assert [table.itemDelegateForRow(r) is frame for r in range(5)] == [
        False, True, False, False, False
    ]  # fmt: skip
    assert _frame_rows(table) == [1]

    table.sortByColumn(ItemColumn.NAME, Qt.SortOrder.DescendingOrder)  # e d c b a
    assert table.currentIndex().row() == 3
    assert frame.row == 3 and table.itemDelegateForRow(3) is frame
    assert table.itemDelegateForRow(1) is None
    assert _frame_rows(table) == [3]

    model.sync([Item(k, name) for k, name in enumerate("dbeac") if name != "d"])  # e c b a
    assert table.model().index(table.currentIndex().row(), 1).data() == "b"
    assert frame.row == table.currentIndex().row() == 2
    assert _frame_rows(table) == [2]

    table.clearFocus()
    qtbot.waitUntil(lambda: not table.hasFocus())
    assert _frame_rows(table) == []  # the frame shows where the keyboard is


def test_every_table_view_is_made_by_set_up_table() -> None:
    """No pane sets a QTableView up by hand (the fleet view moves over with its rewrite)."""
    ui = Path(plugdesk.ui.__file__).parent
    allowed = {ui / "tables.py", ui / "fleet_view.py"}
    by_hand = [
        str(path.relative_to(ui))
        for path in sorted(ui.rglob("*.py"))
        if path not in allowed and "QTableView(" in path.read_text(encoding="utf-8")
    ]
    assert by_hand == []
