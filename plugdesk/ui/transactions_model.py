"""The transactions of one charger as a table model that sorts and filters itself.

A charger can have 10,000 transactions. A QSortFilterProxyModel would call back into
Python twice per comparison to sort them (hundreds of thousands of calls), so this model
sorts its own list with a Python key and filters by id tag with one list comprehension,
in a worker thread for large lists. Cell texts are made on demand for the visible rows
only, and a new list arrives with one model reset.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from plugdesk.api.models import Transaction
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.tasks import COMPUTE, TaskRunner, run_blocking
from plugdesk.ui import formatting as fmt
from plugdesk.ui.table_model import FIRST_OWN_ROLE, SORT_ROLE, RowTableModel

Index = QModelIndex | QPersistentModelIndex

OFF_THREAD_ROWS = 2_000
ARRANGE_TASK = "transactions-arrange"
TRANSACTION_ROLE = FIRST_OWN_ROLE
ACTIVE_ROLE = FIRST_OWN_ROLE + 1


class TxColumn(IntEnum):
    ID = 0
    CONNECTOR = 1
    ID_TAG = 2
    STARTED = 3
    STOPPED = 4
    DURATION = 5
    KWH = 6
    METER_START = 7
    METER_STOP = 8
    STOP_REASON = 9
    VALID = 10


TX_HEADERS = {  # English; shown translated (context "TransactionsModel")
    TxColumn.ID: "ID",
    TxColumn.CONNECTOR: QT_TRANSLATE_NOOP("TransactionsModel", "Connector"),
    TxColumn.ID_TAG: QT_TRANSLATE_NOOP("TransactionsModel", "ID tag"),
    TxColumn.STARTED: QT_TRANSLATE_NOOP("TransactionsModel", "Started"),
    TxColumn.STOPPED: QT_TRANSLATE_NOOP("TransactionsModel", "Stopped"),
    TxColumn.DURATION: QT_TRANSLATE_NOOP("TransactionsModel", "Duration"),
    TxColumn.KWH: "kWh",
    TxColumn.METER_START: QT_TRANSLATE_NOOP("TransactionsModel", "Meter start"),
    TxColumn.METER_STOP: QT_TRANSLATE_NOOP("TransactionsModel", "Meter stop"),
    TxColumn.STOP_REASON: QT_TRANSLATE_NOOP("TransactionsModel", "Stop reason"),
    TxColumn.VALID: QT_TRANSLATE_NOOP("TransactionsModel", "Valid"),
}
# The unit after a header, language-neutral: "Started (CET)", "Meter start (Wh)".
TX_HEADER_UNITS = {
    TxColumn.STARTED: fmt.local_zone,
    TxColumn.STOPPED: fmt.local_zone,
    TxColumn.METER_START: lambda: "Wh",
    TxColumn.METER_STOP: lambda: "Wh",
}
TX_HEADER_TIPS = {
    TxColumn.CONNECTOR: QT_TRANSLATE_NOOP(
        "TransactionsModel", "The connector's number on the charger"
    ),
    TxColumn.METER_START: QT_TRANSLATE_NOOP(
        "TransactionsModel", "Meter reading at the start, in Wh"
    ),
    TxColumn.METER_STOP: QT_TRANSLATE_NOOP("TransactionsModel", "Meter reading at the stop, in Wh"),
    TxColumn.KWH: QT_TRANSLATE_NOOP("TransactionsModel", "Energy delivered, in kWh"),
}
_NUMERIC = frozenset(int(c) for c in (
    TxColumn.ID, TxColumn.CONNECTOR, TxColumn.KWH, TxColumn.METER_START, TxColumn.METER_STOP,
    TxColumn.DURATION,
))
_TX_COLUMNS = len(TxColumn)
# Plain ints: data() runs about ten times per visible cell on every paint.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SORT, _TRANSACTION, _ACTIVE = int(SORT_ROLE), int(TRANSACTION_ROLE), int(ACTIVE_ROLE)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FAR_FUTURE = math.inf


@dataclass(frozen=True)
class Totals:
    count: int
    active: int
    kwh: float
    duration: timedelta

    def describe(self) -> str:
        """"1,234 transactions (2 active) · 5,678.901 kWh · 812 h 05 min"."""
        translate, count = QCoreApplication.translate, self.count
        counted = fmt.plurals().transactions(count)
        counted = counted.replace(str(count), fmt.integer(count), 1)  # "1.234 transacties"
        if self.active:
            counted += " " + translate("Totals", "({active} active)").format(active=self.active)
        return (
            f"{counted} · {fmt.kwh(self.kwh)} kWh · "
            f"{fmt.hours_minutes(self.duration) if self.count else fmt.DASH}"
        )


class TransactionsModel(RowTableModel[Transaction]):
    """Overrides `data` (it runs about ten times per visible cell on every paint, so it
    skips the base's hooks) and keeps the rest of the base."""

    arranged = Signal()  # rows and totals are up to date (after a load, filter or sort)
    columns = TxColumn
    context = "TransactionsModel"
    headers = TX_HEADERS
    header_tips = TX_HEADER_TIPS
    header_units = TX_HEADER_UNITS
    numeric = _NUMERIC

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._all: list[Transaction] = []
        self._id_tag_filter = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._clock = clock
        self._runner = runner
        self._generation = 0
        self._pending: bool | None = None  # None: nothing pending; else "is a reset"
        self._totals = Totals(0, 0, 0.0, timedelta(0))
        self._cells: dict[int, list[str]] = {}  # id(transaction) -> texts, filled lazily
        self._connector_numbers: dict[int, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._active_tint = _active_tint()

    # -- reading ---------------------------------------------------------------------------

    def transaction(self, row: int) -> Transaction:
        return self.row_at(row)

    def visible(self) -> list[Transaction]:
        return self.rows()

    @property
    def total_count(self) -> int:
        """All loaded transactions, before the local id-tag filter."""
        return len(self._all)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        position, column = index.row(), index.column()
        if position >= len(self._rows) or column >= _TX_COLUMNS:
            return None
        tx = self._rows[position]
        if role == _DISPLAY:
            if column == TxColumn.DURATION and tx.stopped_at is None:
                return fmt.duration(tx.duration_until(self._clock()))  # still counting
            cells = self._cells.get(id(tx))
            if cells is None:
                cells = self._cells[id(tx)] = _texts(tx, self._connector_numbers)
            return cells[column]
        if role == _ALIGNMENT:
            return _RIGHT if column in _NUMERIC else None
        if role == _BACKGROUND:
            return self._active_tint if tx.stopped_at is None else None
        if role == _FONT:
            return self._bold if tx.stopped_at is None else None
        if role == _SORT:
            return _sort_key(TxColumn(column), self._clock())(tx)[1]
        if role == _TRANSACTION:
            return tx
        if role == _ACTIVE:
            return tx.is_active
        if role == _TOOLTIP and column == TxColumn.CONNECTOR:
            return self.tr("Connector record {id}").format(id=fmt.text(tx.charger_connector_id))
        if role == _TOOLTIP and column in (TxColumn.STARTED, TxColumn.STOPPED):
            return fmt.local_time_seconds(
                tx.started_at if column == TxColumn.STARTED else tx.stopped_at
            )
        return None

    # -- changing --------------------------------------------------------------------------
    # Filtering, sorting and totalling 10,000 rows takes tens of milliseconds of Python:
    # above OFF_THREAD_ROWS that work runs in a worker thread (when a TaskRunner is given
    # and a loop runs) and only the quick swap happens on the UI thread. A generation
    # number drops the result of an arrangement that a newer one overtook.

    def set_runner(self, runner: TaskRunner | None) -> None:
        self._runner = runner

    def set_connector_numbers(self, numbers: dict[int, int]) -> None:
        """Transactions name a connector by its record id (`charger_connector_id`, e.g.
        5009); the charger's detail maps those to the numbers on the charger (1, 2)."""
        if numbers == self._connector_numbers:
            return
        self._connector_numbers = dict(numbers)
        self._cells = {}
        self.columns_changed(TxColumn.CONNECTOR)

    def set_transactions(self, transactions: Sequence[Transaction]) -> None:
        """Replace everything (one model reset once the rows are arranged)."""
        self._all = list(transactions)
        self._cells = {}
        self._active_tint = _active_tint()  # the palette may have changed (dark mode)
        self._arrange(reset=True)

    def clear(self) -> None:
        self.set_transactions([])

    def set_id_tag_filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        if wanted == self._id_tag_filter:
            return
        self._id_tag_filter = wanted
        self._arrange(reset=True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(TxColumn):
            return
        self._sort = (column, order)
        self._arrange(reset=False)

    def totals(self) -> Totals:
        """Totals over the rows shown (after the id-tag filter)."""
        return self._totals

    def _arrange(self, *, reset: bool) -> None:
        self._generation += 1
        plan = _Plan(self._all, self._id_tag_filter, self._sort, self._clock())
        runner = self._runner
        if runner is None or len(self._all) <= OFF_THREAD_ROWS or not _loop_running():
            self._pending = None
            self._apply(plan.run(), reset=reset)
            return
        # A reset still pending must stay a reset even if a sort overtakes it.
        reset = reset or bool(self._pending)
        self._pending = reset
        runner.start(self._arrange_off_thread(plan, self._generation, reset), ARRANGE_TASK)

    async def _arrange_off_thread(self, plan: _Plan, generation: int, reset: bool) -> None:
        arranged = await run_blocking(plan.run, lane=COMPUTE)
        if generation == self._generation:
            self._pending = None
            self._apply(arranged, reset=reset)

    def _apply(self, arranged: tuple[list[Transaction], Totals], *, reset: bool) -> None:
        rows, totals = arranged
        self._totals = totals
        if reset:
            self.reset_rows(rows)
        else:
            self.reorder_rows(rows)  # same rows, new order: selection stays on its rows
        self.arranged.emit()


@dataclass(frozen=True)
class _Plan:
    """What to show, computed from a snapshot so a worker thread can run it."""

    rows: list[Transaction]
    id_tag: str
    sort: tuple[int, Qt.SortOrder] | None
    now: datetime

    def run(self) -> tuple[list[Transaction], Totals]:
        rows = self.rows
        if self.id_tag:
            rows = [tx for tx in rows if tx.id_tag and self.id_tag in tx.id_tag.casefold()]
        else:
            rows = list(rows)
        if self.sort is not None:
            column, order = self.sort
            rows.sort(key=_sort_key(TxColumn(column), self.now),
                      reverse=order == Qt.SortOrder.DescendingOrder)
        return rows, _totals(rows, self.now)


def _totals(rows: Sequence[Transaction], now: datetime) -> Totals:
    kwh = 0.0
    seconds = 0.0
    active = 0
    for tx in rows:
        if tx.total_kwh is not None:
            kwh += tx.total_kwh
        if tx.stopped_at is None:
            active += 1
        spent = tx.duration_until(now)
        if spent is not None:
            seconds += max(0.0, spent.total_seconds())
    return Totals(len(rows), active, kwh, timedelta(seconds=seconds))


def _active_tint() -> QColor:
    """Active sessions stand out with a tint of the palette's highlight colour (and bold
    text), so the highlight follows light and dark themes."""
    colour = QColor(QGuiApplication.palette().color(QPalette.ColorRole.Highlight))
    colour.setAlpha(48)
    return colour


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _texts(tx: Transaction, connector_numbers: dict[int, int]) -> list[str]:
    """The cell texts of a transaction, in column order (made once, when first shown)."""
    record = tx.charger_connector_id
    number = connector_numbers.get(record) if record is not None else None
    return [
        str(tx.id),
        fmt.text(number if number is not None else record),
        fmt.text(tx.id_tag),
        fmt.local_time(tx.started_at),
        QCoreApplication.translate("TransactionsModel", "Active")
        if tx.is_active
        else fmt.local_time(tx.stopped_at),
        fmt.duration(tx.duration),
        fmt.kwh(tx.total_kwh),
        fmt.number(_whole(tx.meter_start)),
        fmt.number(_whole(tx.meter_stop)),
        fmt.text(tx.stop_reason),
        fmt.yes_no(tx.is_valid),
    ]


def _whole(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def _sort_key(column: TxColumn, now: datetime) -> Callable[[Transaction], tuple[int, Any]]:
    """A key that puts missing values last (flag first) and compares like with like."""

    def timestamp(value: datetime | None) -> tuple[int, Any]:
        return (1, 0.0) if value is None else (0, value.timestamp())

    def plain(value: Any) -> tuple[int, Any]:
        return (1, 0) if value is None else (0, value)

    def casefolded(value: str | None) -> tuple[int, Any]:
        return (1, "") if not value else (0, value.casefold())

    def stopped(tx: Transaction) -> tuple[int, Any]:
        # Active sessions are "stopped in the future": newest when sorted by stop time.
        return (0, _FAR_FUTURE) if tx.is_active else timestamp(tx.stopped_at)

    def spent(tx: Transaction) -> tuple[int, Any]:
        value = tx.duration_until(now)
        return plain(None if value is None else value.total_seconds())

    keys: dict[TxColumn, Callable[[Transaction], tuple[int, Any]]] = {
        TxColumn.ID: lambda tx: (0, tx.id),
        TxColumn.CONNECTOR: lambda tx: plain(tx.charger_connector_id),
        TxColumn.ID_TAG: lambda tx: casefolded(tx.id_tag),
        TxColumn.STARTED: lambda tx: timestamp(tx.started_at),
        TxColumn.STOPPED: stopped,
        TxColumn.DURATION: spent,
        TxColumn.KWH: lambda tx: plain(tx.total_kwh),
        TxColumn.METER_START: lambda tx: plain(tx.meter_start),
        TxColumn.METER_STOP: lambda tx: plain(tx.meter_stop),
        TxColumn.STOP_REASON: lambda tx: casefolded(tx.stop_reason),
        TxColumn.VALID: lambda tx: plain(tx.is_valid),
    }
    return keys[column]
