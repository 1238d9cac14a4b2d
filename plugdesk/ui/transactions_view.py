"""Transactions of the selected charger: filter bar, sortable table, totals line.

Status, dates and limit are server-side filters (a change asks the service again, after a
short pause so typing a limit does not fire a request per digit); the id-tag box filters
the loaded rows locally and instantly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QByteArray, QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from plugdesk.api.models import Transaction
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.chargers import TransactionFilters
from plugdesk.ui import formatting as fmt
from plugdesk.ui.flow_layout import FlowLayout
from plugdesk.ui.tables import set_up_table
from plugdesk.ui.transactions_model import TransactionsModel, TxColumn

STATUS_CHOICES = (
    (QT_TRANSLATE_NOOP("TransactionFilterBar", "All"), None),
    (QT_TRANSLATE_NOOP("TransactionFilterBar", "Active"), "active"),
    (QT_TRANSLATE_NOOP("TransactionFilterBar", "Finished"), "finished"),
)
# The API serves 25 transactions a page, so the newest 1,000 cost 40 requests of the 500 a
# minute; "No limit" on a 10,000-transaction charger costs 400.
DEFAULT_LIMIT = 1000
DEBOUNCE_MS = 350
FROM_DAYS_BACK = 30
COLUMN_WIDTHS = {
    TxColumn.ID: 70, TxColumn.CONNECTOR: 80, TxColumn.ID_TAG: 130, TxColumn.STARTED: 130,
    TxColumn.STOPPED: 130, TxColumn.DURATION: 90, TxColumn.KWH: 75, TxColumn.METER_START: 95,
    TxColumn.METER_STOP: 95, TxColumn.STOP_REASON: 115, TxColumn.VALID: 50,
}


class _OptionalDate(QWidget):
    """A date that may be left unset: a checkbox enables the date picker."""

    changed = Signal()

    def __init__(
        self, label: str, parent: QWidget | None = None, *, days_back: int = 0
    ) -> None:
        """`days_back`: the date offered when first ticked ("From" a month ago, so ticking
        it narrows the list instead of emptying it)."""
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit(QDate.currentDate().addDays(-days_back))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self._date_changed)

    def _date_changed(self) -> None:
        if self.check.isChecked():
            self.changed.emit()

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        picked = self.edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))
        self.check.setChecked(value is not None)


def _labelled(text: str, field: QWidget) -> QWidget:
    """A label and its field, kept on one line together."""
    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    label = QLabel(text)
    label.setBuddy(field)
    layout.addWidget(label)
    layout.addWidget(field)
    return pair


class TransactionFilterBar(QWidget):
    filters_changed = Signal(object)  # TransactionFilters (server side)
    id_tag_changed = Signal(str)  # local filter
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox()
        for label, value in STATUS_CHOICES:
            self.status.addItem(self.tr(label), value)
        self.status.setAccessibleName(self.tr("Transaction status"))
        self.started_from = _OptionalDate(self.tr("From"), days_back=FROM_DAYS_BACK)
        self.stopped_until = _OptionalDate(self.tr("Until"))
        self.limit = QSpinBox()
        self.limit.setRange(0, 10_000)
        self.limit.setSingleStep(100)
        self.limit.setSpecialValueText(self.tr("No limit"))
        self.limit.setValue(DEFAULT_LIMIT)
        self.limit.setAccessibleName(self.tr("Limit"))
        self.limit.setToolTip(
            self.tr(
                "At most this many transactions, newest first (the API allows 1 to 10,000; "
                "each 25 cost one request)"
            )
        )
        self.id_tag = QLineEdit()
        self.id_tag.setPlaceholderText(self.tr("Filter by ID tag"))
        self.id_tag.setClearButtonEnabled(True)
        self.id_tag.setAccessibleName(self.tr("ID tag filter"))

        # The filters wrap onto a second line in a narrow pane rather than widen the window;
        # the ID tag box keeps room for a tag and takes the rest of its line.
        self.id_tag.setMinimumWidth(self.id_tag.fontMetrics().horizontalAdvance("0") * 18)
        self.id_tag.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = FlowLayout(self, spacing=8)
        layout.addWidget(_labelled(self.tr("&Status"), self.status))
        layout.addWidget(self.started_from)
        layout.addWidget(self.stopped_until)
        layout.addWidget(_labelled(self.tr("&Limit"), self.limit))
        layout.addWidget(self.id_tag)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit_filters)
        self.status.currentIndexChanged.connect(self._emit_filters)
        self.started_from.changed.connect(self._debounce.start)
        self.stopped_until.changed.connect(self._debounce.start)
        self.limit.valueChanged.connect(self._debounce.start)
        self.id_tag.textChanged.connect(self.id_tag_changed)

    def filters(self) -> TransactionFilters:
        limit = self.limit.value()
        return TransactionFilters(
            status=self.status.currentData(),
            started_from=self.started_from.value(),
            stopped_until=self.stopped_until.value(),
            limit=limit or None,
        )

    def problem(self) -> str | None:
        start, stop = self.started_from.value(), self.stopped_until.value()
        if start is not None and stop is not None and stop < start:
            return self.tr("“Until” must be on or after “From”.")
        return None

    def _emit_filters(self) -> None:
        self._debounce.stop()
        problem = self.problem()
        if problem:
            self.invalid.emit(problem)
            return
        self.filters_changed.emit(self.filters())


class TransactionsView(QWidget):
    """Filter bar + table + totals. It only shows; the main window asks the service."""

    filters_changed = Signal(object)  # TransactionFilters
    power_curve_requested = Signal(object)  # Transaction (context menu "Show power curve")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_bar = TransactionFilterBar()
        self.model = TransactionsModel(self)
        self.table = set_up_table(
            self.model, self.tr("Transactions"), widths=COLUMN_WIDTHS, select_many=True,
            sort=(TxColumn.STARTED, Qt.SortOrder.DescendingOrder),
        )  # fmt: skip
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 4)  # small screens
        self._columns_fitted = False  # the first rows (or the user's saved widths) decide
        self.status_label = QLabel()
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setWordWrap(True)  # an error message must not widen the window
        self.totals_label = QLabel()
        self.totals_label.setAccessibleName(self.tr("Transaction totals"))

        title = QLabel("<b>{}</b>".format(self.tr("Transactions")))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.totals_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.filter_bar.filters_changed.connect(self.filters_changed)
        self.filter_bar.id_tag_changed.connect(self._on_id_tag)
        self.filter_bar.invalid.connect(self.show_invalid)
        self.model.arranged.connect(self._update_totals)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.show_placeholder()

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu_at(pos)
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))

    def context_menu_at(self, pos: QPoint) -> QMenu | None:
        """The menu for the row at `pos` (viewport coordinates), or None off the rows."""
        index = self.table.indexAt(pos)
        if not index.isValid():
            return None
        transaction = self.model.transaction(index.row())
        menu = QMenu(self.table)
        menu.addAction(self.tr("Show power curve")).triggered.connect(
            lambda: self.power_curve_requested.emit(transaction)
        )
        return menu

    def filters(self) -> TransactionFilters:
        return self.filter_bar.filters()

    def show_placeholder(self, text: str | None = None) -> None:
        self.model.clear()
        self.status_label.setText(text or self.tr("Select a charger to see its transactions."))
        self.totals_label.clear()

    def show_invalid(self, problem: str) -> None:
        """A filter the API cannot take: the rows below belong to the old filters, so they
        go, and the message says what to fix."""
        self.model.clear()
        self.totals_label.clear()
        self.status_label.setText(problem)

    def show_loading(self) -> None:
        self.model.clear()
        self.status_label.setText(self.tr("Loading transactions…"))
        self.totals_label.clear()

    def show_progress(self, count: int) -> None:
        self.status_label.setText(
            self.tr("Loading transactions… {count} so far").format(count=fmt.integer(count))
        )

    def show_error(self, message: str) -> None:
        self.model.clear()
        self.status_label.setText(
            self.tr("Could not load transactions: {message}").format(message=message)
        )
        self.totals_label.clear()

    def set_transactions(self, transactions: Sequence[Transaction]) -> None:
        self.model.set_transactions(transactions)
        if not transactions:
            self.status_label.setText(self.tr("No transactions match these filters."))

    def _on_id_tag(self, text: str) -> None:
        self.model.set_id_tag_filter(text)

    def _fit_columns_once(self) -> None:
        """The first rows shown decide the widths (sampled: 40 rows, not 10,000)."""
        if self._columns_fitted or self.model.rowCount() == 0:
            return
        self._columns_fitted = True
        self.table.horizontalHeader().setResizeContentsPrecision(40)
        self.table.resizeColumnsToContents()

    def _update_totals(self) -> None:
        self._fit_columns_once()
        if self.model.total_count == 0:
            self.totals_label.clear()
            return
        shown = self.model.totals()
        self.totals_label.setText(shown.describe())
        notes = []
        limit = self.filter_bar.limit.value()
        if limit and self.model.total_count >= limit:
            notes.append(
                self.tr("Showing the newest {count}: raise the limit to see more").format(
                    count=fmt.integer(limit)
                )
            )
        hidden = self.model.total_count - shown.count
        if hidden:
            notes.append(
                self.tr("{count} hidden by the ID tag filter").format(count=fmt.integer(hidden))
            )
        self.status_label.setText(" · ".join(notes))

    # -- window state ----------------------------------------------------------------------

    def save_header(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header(self, state: QByteArray) -> None:
        header = self.table.horizontalHeader()
        if header.restoreState(state):
            self._columns_fitted = True  # the user's widths win
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
