"""The detail pane's "Log" tab: the charger's OCPP messages, newest first.

A page (25 messages) is read at a time and the next one when the list is scrolled near
its end. Filters (method, status, direction, "hide insignificant", a date range) go to
the server; a change starts the list again. The selected message's params and result are
shown as indented JSON and can be copied. `show_at(moment)` opens the log at a moment
(an incident's start): the newest message shown is a few minutes after it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plugdesk.api.charger_models import LOG_STATUSES, OcppLog, OcppLogPage
from plugdesk.api.errors import PlugchoiceError
from plugdesk.domain.actions import sanitize
from plugdesk.services.actions import ChargerActions
from plugdesk.tasks import TaskRunner
from plugdesk.ui import formatting as fmt

Index = QModelIndex | QPersistentModelIndex
LOG_TASK = "ocpp-log"
LOAD_MORE_WITHIN = 5  # rows from the end: read the next page
SHOW_AFTER = timedelta(minutes=5)  # show_at: messages up to this long after the moment
DIRECTIONS = (("Both directions", None), ("To the charger", "charger"),
              ("From the charger", "centralsystem"))  # fmt: skip


class LogColumn(IntEnum):
    TIME = 0
    DIRECTION = 1
    METHOD = 2
    STATUS = 3
    PARAMS = 4
    RESULT = 5


HEADERS = ("Time", "Direction", "Method", "Status", "Params", "Result")


def pretty(value: Any) -> str:
    """Params or result as indented JSON (text that is not JSON as it is), made safe."""
    if isinstance(value, str):
        return sanitize(value, keep_newlines=True)
    return sanitize(json.dumps(value, indent=2, ensure_ascii=False), keep_newlines=True)


def compact(value: Any) -> str:
    if value is None or value == {}:
        return fmt.DASH if value is None else "{}"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = sanitize(text)
    return text if len(text) <= 120 else text[:119] + "…"


def direction_label(destination: str | None) -> str:
    if destination == "charger":
        return "→ charger"
    if destination == "centralsystem":
        return "← charger"
    return fmt.text(destination)


class OcppLogModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OcppLog] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LogColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role != Qt.ItemDataRole.DisplayRole or not 0 <= index.column() < len(LogColumn):
            return None
        entry = self._rows[index.row()]
        column = LogColumn(index.column())
        if column is LogColumn.TIME:
            return fmt.local_time_seconds(entry.created_at)
        if column is LogColumn.DIRECTION:
            return direction_label(entry.destination)
        if column is LogColumn.METHOD:
            return sanitize(entry.method or fmt.DASH)
        if column is LogColumn.STATUS:
            return sanitize(entry.status or fmt.DASH)
        return compact(entry.params if column is LogColumn.PARAMS else entry.result)

    def entry(self, row: int) -> OcppLog:
        return self._rows[row]

    def entries(self) -> list[OcppLog]:
        return list(self._rows)

    def append(self, entries: list[OcppLog]) -> None:
        if not entries:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._rows.extend(entries)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()


class OcppLogTab(QWidget):
    def __init__(
        self, service: ChargerActions, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.active = True  # the tab is showing: read the log of a newly selected charger
        self.uuid: str | None = None
        self.loading = False
        self.more_available = False
        self._pages: AsyncIterator[OcppLogPage] | None = None
        self._loaded_for: str | None = None
        self._generation = 0

        self.model = OcppLogModel(self)
        self._build()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.method = QComboBox()
        self.method.setAccessibleName("OCPP method")
        self.method.addItem("All methods", None)
        self.status = QComboBox()
        self.status.setAccessibleName("Message status")
        self.status.addItem("Any status", None)
        for status in LOG_STATUSES:
            self.status.addItem(status.title(), status)
        self.direction = QComboBox()
        self.direction.setAccessibleName("Direction")
        for label, value in DIRECTIONS:
            self.direction.addItem(label, value)
        self.hide_insignificant = QCheckBox("Hide insignificant")
        self.hide_insignificant.setToolTip("Leave out heartbeats and other routine messages")
        self.use_from = QCheckBox("From")
        self.date_from = self._date_edit("Log from")
        self.use_until = QCheckBox("Until")
        self.date_until = self._date_edit("Log until")
        for combo in (self.method, self.status, self.direction):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for box in (self.hide_insignificant, self.use_from, self.use_until):
            box.toggled.connect(lambda _on: self.reload())
        self.date_from.dateTimeChanged.connect(lambda _d: self._date_edited(self.use_from))
        self.date_until.dateTimeChanged.connect(lambda _d: self._date_edited(self.use_until))

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName("OCPP log")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((0, 150), (1, 80), (2, 160), (3, 60), (4, 240)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalScrollBar().valueChanged.connect(self._maybe_load_more)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)

        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName("Message params and result")
        self.detail.setPlaceholderText("Select a message to see its params and result.")
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the selected message (params and result as JSON)")
        self.copy_button.clicked.connect(self.copy_selected)
        self.footer = QLabel()
        self.footer.setEnabled(False)

        filters = QHBoxLayout()
        for widget in (self.method, self.status, self.direction, self.hide_insignificant):
            filters.addWidget(widget)
        filters.addStretch(1)
        dates = QHBoxLayout()
        for part in (self.use_from, self.date_from, self.use_until, self.date_until):
            dates.addWidget(part)
        dates.addStretch(1)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.footer, 1)
        row.addWidget(self.copy_button)
        below_layout.addLayout(row)
        below_layout.addWidget(self.detail, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.detail.setMinimumHeight(self.fontMetrics().height() * 8)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(split, 1)

    def _date_edit(self, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(QDateTime.currentDateTime())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setAccessibleName(name)
        return edit

    def _date_edited(self, use: QCheckBox) -> None:
        if use.isChecked():
            self.reload()

    # -- what the wiring calls ----------------------------------------------------------

    def set_charger(self, uuid: str | None) -> None:
        if uuid == self.uuid:
            return
        self.uuid = uuid
        self._loaded_for = None
        self._fill_methods([])
        if self.active:
            self.reload()
        else:
            self._stop()
            self.model.clear()
            self.detail.clear()

    def ensure_loaded(self) -> None:
        """The tab came into view: read the log if this charger's is not shown."""
        if self.uuid is not None and self._loaded_for != self.uuid:
            self.reload()

    def show_at(self, uuid: str, moment: datetime) -> None:
        """Open the log at `moment`: newest first, from a few minutes after it."""
        self.uuid = uuid
        self._set_date(self.date_until, moment + SHOW_AFTER)
        self._set_date(self.date_from, moment - timedelta(days=1))
        for box, on in ((self.use_until, True), (self.use_from, False)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.reload()

    def _set_date(self, edit: QDateTimeEdit, moment: datetime) -> None:
        edit.blockSignals(True)
        when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())
        edit.setDateTime(when)
        edit.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        """The server-side filters the controls describe."""
        chosen: dict[str, Any] = {
            "method": self.method.currentData(),
            "status": self.status.currentData(),
            "destination": self.direction.currentData(),
            "hide_insignificant": True if self.hide_insignificant.isChecked() else None,
            "date_from": self._moment(self.date_from) if self.use_from.isChecked() else None,
            "date_to": self._moment(self.date_until) if self.use_until.isChecked() else None,
        }
        return {key: value for key, value in chosen.items() if value is not None}

    @staticmethod
    def _moment(edit: QDateTimeEdit) -> datetime:
        return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)

    # -- paging -------------------------------------------------------------------------

    def reload(self) -> None:
        """Start the list again with the current filters."""
        self._stop()
        self.model.clear()
        self.detail.clear()
        if self.uuid is None:
            self.footer.setText("")
            return
        self._loaded_for = self.uuid
        self._pages = self.service.log_pages(self.uuid, **self.filters())
        self.more_available = True
        self.load_more()

    def _stop(self) -> None:
        self._generation += 1  # a page still on its way is dropped
        self.loading = False
        self.more_available = False
        self._pages = None

    def load_more(self) -> None:
        if self.loading or not self.more_available or self._pages is None:
            return
        self.loading = True
        self.footer.setText("Loading…")
        self.runner.start(self._next_page(self._pages, self._generation), LOG_TASK)

    async def _next_page(self, pages: AsyncIterator[OcppLogPage], generation: int) -> None:
        try:
            page: OcppLogPage | None = await anext(pages)
        except StopAsyncIteration:
            page = None
        except PlugchoiceError as error:
            if generation == self._generation:
                self.loading = False
                self.more_available = False
                self.footer.setText(f"Could not read the log: {sanitize(error)}")
            return
        if generation != self._generation:
            return
        self.loading = False
        if page is None:
            self.more_available = False
        else:
            self.model.append(page.entries)
            self._fill_methods(page.methods)
            if not page.entries:
                self.more_available = False
        self._update_footer()
        if self.more_available and self.table.isVisible() and not self._view_filled():
            self.load_more()  # the page did not fill the view: no scrolling would ask

    def _view_filled(self) -> bool:
        """Do the rows reach below the view? (The scroll bar's range is updated later.)"""
        row_height = max(1, self.table.verticalHeader().defaultSectionSize())
        return self.model.rowCount() * row_height >= self.table.viewport().height()

    def _update_footer(self) -> None:
        count = self.model.rowCount()
        noun = "message" if count == 1 else "messages"
        if self.more_available:
            self.footer.setText(f"{count} {noun}, newest first — scroll for more")
        elif count:
            self.footer.setText(f"All {count} {noun} loaded, newest first")
        else:
            self.footer.setText("No OCPP messages with these filters.")

    def _maybe_load_more(self, value: int) -> None:
        bar = self.table.verticalScrollBar()
        row_height = max(1, self.table.verticalHeader().defaultSectionSize())
        if bar.maximum() - value <= LOAD_MORE_WITHIN * row_height:
            self.load_more()

    def _fill_methods(self, methods: list[str]) -> None:
        current = self.method.currentData()
        known = [self.method.itemData(i) for i in range(1, self.method.count())]
        wanted = sorted(set(methods) | ({current} if current else set()))
        if wanted == known:
            return
        self.method.blockSignals(True)
        self.method.clear()
        self.method.addItem("All methods", None)
        for method in wanted:
            self.method.addItem(sanitize(method), method)
        self.method.setCurrentIndex(max(0, self.method.findData(current)))
        self.method.blockSignals(False)

    # -- the selected message -----------------------------------------------------------

    def _show_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        self.detail.setPlainText(self.describe(self.model.entry(current.row())))

    @staticmethod
    def describe(entry: OcppLog) -> str:
        head = " · ".join([
            sanitize(entry.method or "?"),
            direction_label(entry.destination),
            sanitize(entry.status or "?"),
            fmt.local_time_seconds(entry.created_at),
        ])  # fmt: skip
        return f"{head}\n\nParams:\n{pretty(entry.params)}\n\nResult:\n{pretty(entry.result)}"

    def copy_selected(self) -> None:
        text = self.detail.toPlainText()
        if text:
            QGuiApplication.clipboard().setText(text)
