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
    QCoreApplication,
    QDateTime,
    QModelIndex,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from plugdesk.api.charger_models import LOG_STATUSES, OcppLog, OcppLogPage
from plugdesk.api.errors import PlugchoiceError
from plugdesk.domain.actions import sanitize
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.actions import ChargerActions
from plugdesk.tasks import TaskRunner
from plugdesk.ui import formatting as fmt
from plugdesk.ui.table_model import RowTableModel
from plugdesk.ui.tables import set_up_table

LOG_TASK = "ocpp-log"
LOAD_MORE_WITHIN = 5  # rows from the end: read the next page
SHOW_AFTER = timedelta(minutes=5)  # show_at: messages up to this long after the moment
DIRECTIONS = ((QT_TRANSLATE_NOOP("OcppLogTab", "Both directions"), None),
              (QT_TRANSLATE_NOOP("OcppLogTab", "To the charger"), "charger"),
              (QT_TRANSLATE_NOOP("OcppLogTab", "From the charger"), "centralsystem"))  # fmt: skip
STATUS_LABELS = {  # the API's log statuses, shown translated
    "pending": QT_TRANSLATE_NOOP("OcppLogTab", "Pending"),
    "done": QT_TRANSLATE_NOOP("OcppLogTab", "Done"),
    "failed": QT_TRANSLATE_NOOP("OcppLogTab", "Failed"),
}


class LogColumn(IntEnum):
    TIME = 0
    DIRECTION = 1
    METHOD = 2
    STATUS = 3
    PARAMS = 4
    RESULT = 5


HEADERS = (
    QT_TRANSLATE_NOOP("OcppLogModel", "Time"),
    QT_TRANSLATE_NOOP("OcppLogModel", "Direction"),
    QT_TRANSLATE_NOOP("OcppLogModel", "Method"),
    QT_TRANSLATE_NOOP("OcppLogModel", "Status"),
    QT_TRANSLATE_NOOP("OcppLogModel", "Params"),
    QT_TRANSLATE_NOOP("OcppLogModel", "Result"),
)
COLUMN_WIDTHS = {LogColumn.TIME: 150, LogColumn.DIRECTION: 80, LogColumn.METHOD: 160,
                 LogColumn.STATUS: 60, LogColumn.PARAMS: 240}  # fmt: skip


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
        return QCoreApplication.translate("OcppLogModel", "→ charger")
    if destination == "centralsystem":
        return QCoreApplication.translate("OcppLogModel", "← charger")
    return fmt.text(destination)


class OcppLogModel(RowTableModel[OcppLog]):
    columns = LogColumn
    headers = HEADERS

    def display(self, row: OcppLog, column: int) -> str:
        if column == LogColumn.TIME:
            return fmt.local_time_seconds(row.created_at)
        if column == LogColumn.DIRECTION:
            return direction_label(row.destination)
        if column == LogColumn.METHOD:
            return sanitize(row.method or fmt.DASH)
        if column == LogColumn.STATUS:
            return sanitize(row.status or fmt.DASH)
        return compact(row.params if column == LogColumn.PARAMS else row.result)

    def entry(self, row: int) -> OcppLog:
        return self.row_at(row)

    def entries(self) -> list[OcppLog]:
        return self.rows()

    def append(self, entries: list[OcppLog]) -> None:
        self.append_rows(entries)

    def clear(self) -> None:
        self.reset_rows([])


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
        self.method.setAccessibleName(self.tr("OCPP method"))
        self.method.addItem(self.tr("All methods"), None)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Message status"))
        self.status.addItem(self.tr("Any status"), None)
        for status in LOG_STATUSES:
            label = STATUS_LABELS.get(status)
            self.status.addItem(self.tr(label) if label else status.title(), status)
        self.direction = QComboBox()
        self.direction.setAccessibleName(self.tr("Direction"))
        for label, value in DIRECTIONS:
            self.direction.addItem(self.tr(label), value)
        self.hide_insignificant = QCheckBox(self.tr("Hide insignificant"))
        self.hide_insignificant.setToolTip(
            self.tr("Leave out heartbeats and other routine messages")
        )
        self.use_from = QCheckBox(self.tr("From"))
        self.date_from = self._date_edit(self.tr("Log from"))
        self.use_until = QCheckBox(self.tr("Until"))
        self.date_until = self._date_edit(self.tr("Log until"))
        for combo in (self.method, self.status, self.direction):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for box in (self.hide_insignificant, self.use_from, self.use_until):
            box.toggled.connect(lambda _on: self.reload())
        self.date_from.dateTimeChanged.connect(lambda _d: self._date_edited(self.use_from))
        self.date_until.dateTimeChanged.connect(lambda _d: self._date_edited(self.use_until))

        self.table = set_up_table(self.model, self.tr("OCPP log"), widths=COLUMN_WIDTHS)
        self.table.verticalScrollBar().valueChanged.connect(self._maybe_load_more)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)

        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("Message params and result"))
        self.detail.setPlaceholderText(self.tr("Select a message to see its params and result."))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(
            self.tr("Copy the selected message (params and result as JSON)")
        )
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
        self.footer.setText(self.tr("Loading…"))
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
                self.footer.setText(
                    self.tr("Could not read the log: {problem}").format(problem=sanitize(error))
                )
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
        if self.more_available:
            self.footer.setText(self.tr("%n messages, newest first — scroll for more", "", count))
        elif count:
            self.footer.setText(self.tr("All %n messages loaded, newest first", "", count))
        else:
            self.footer.setText(self.tr("No OCPP messages with these filters."))

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
        self.method.addItem(self.tr("All methods"), None)
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
        translate = QCoreApplication.translate
        params, result = translate("OcppLogTab", "Params:"), translate("OcppLogTab", "Result:")
        return f"{head}\n\n{params}\n{pretty(entry.params)}\n\n{result}\n{pretty(entry.result)}"

    def copy_selected(self) -> None:
        text = self.detail.toPlainText()
        if text:
            QGuiApplication.clipboard().setText(text)
