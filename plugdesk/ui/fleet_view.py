"""The left pane: search box, health quick filters with counts, and the charger table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from plugdesk.ui import formatting as fmt
from plugdesk.ui.badges import badge_icon
from plugdesk.ui.fleet_model import (
    CONNECTION_LABELS,
    LEVEL_ORDER,
    UUID_ROLE,
    Column,
    FleetFilterProxy,
    FleetTableModel,
    connection_label,
    header_text,
    level_label,
)
from plugdesk.ui.flow_layout import FlowLayout
from plugdesk.ui.sites.site_filter import SiteFilter
from plugdesk.ui.steady_text import set_steady_text
from plugdesk.ui.tables import keyboard_friendly

COLUMN_WIDTHS = {
    Column.IDENTITY: 120, Column.REFERENCE: 135, Column.HEALTH: 110, Column.CONNECTION: 82,
    Column.STATUS: 92, Column.ERROR: 120, Column.MODEL: 135, Column.FIRMWARE: 80,
    Column.HEARTBEAT: 90, Column.SITE: 140,
}
# The short columns are fitted to their contents on the first load (within bounds); the
# free-text reference and error share whatever width is left (and give it up first), so
# the list fits beside the detail on a 1366-px laptop without scrolling sideways.
FITTED = (Column.IDENTITY, Column.HEALTH, Column.CONNECTION, Column.STATUS,
          Column.MODEL, Column.FIRMWARE, Column.HEARTBEAT, Column.SITE)  # fmt: skip
SPARE_WIDTH_TO = (Column.REFERENCE, Column.ERROR)
ALL = "ALL"
FIT_SAMPLE_ROWS = 40  # fitting a column reads this many rows (200 took ~30 ms of one turn)
MIN_WIDTH, MAX_WIDTH, MAX_IDENTITY_WIDTH = 60, 130, 160
HIDDEN_BY_DEFAULT = (Column.MODEL, Column.FIRMWARE)


class FleetView(QWidget):
    charger_selected = Signal(str)  # uuid of the newly selected charger
    selection_hidden = Signal()  # a search or filter hides every charger: none is selected

    def __init__(self, model: FleetTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = FleetFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search identity, reference, model, firmware, error")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search chargers"))
        self.search.installEventFilter(self)  # Escape clears; Enter and Down go to the list
        self.search.textChanged.connect(
            lambda text: self._refilter(lambda: self.proxy.set_search(text))
        )

        self.filter_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        filter_row = QWidget()
        filters = FlowLayout(filter_row, spacing=4)  # chips wrap on a narrow window
        for key in (ALL, *LEVEL_ORDER):
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if key != ALL:
                button.setIcon(badge_icon(key))
            button.setProperty("level", key)
            button.setAccessibleName(
                self.tr("Show {level}").format(level=level_label(key))
                if key != ALL
                else self.tr("Show all")
            )
            self._group.addButton(button)
            self.filter_buttons[key] = button
            filters.addWidget(button)
        self.site_filter = SiteFilter(model, self.proxy)
        self.site_filter.currentIndexChanged.connect(self._update_count)
        filters.addWidget(self.site_filter)
        self.count_label = QLabel()
        self.count_label.setEnabled(False)
        self.filter_buttons[ALL].setChecked(True)
        self._group.buttonToggled.connect(self._on_filter_toggled)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        keyboard_friendly(self.table)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.HEALTH, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Chargers"))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in SPARE_WIDTH_TO:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(MIN_WIDTH)
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        # Right-click the header to choose columns; model and firmware start hidden (the
        # detail pane shows them and the search matches them) so the list fits beside it.
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column in HIDDEN_BY_DEFAULT:
            header.setSectionHidden(column, True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, max(width, self._words_width(column)))
        self.columns_fitted = False  # set when saved widths are restored, or on first fill
        self._had_selection = False  # the user chose a charger once: filters keep one chosen
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        search_row = QHBoxLayout()  # the count beside the search: the chips' line stays short
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count_label)
        layout.addLayout(search_row)
        layout.addWidget(filter_row)
        layout.addWidget(self.table, 1)

        self._counted: tuple[object, int] | None = None  # what the buttons say
        model.rows_settled.connect(self.update_counts)
        model.modelReset.connect(self.update_counts)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):  # fmt: skip
            signal.connect(self._update_count)
        self.update_counts()

    def _words_width(self, column: Column) -> int:
        """What a column of known words needs in the window's language ("Nooit gezien",
        "il y a 10 min") and for its title, so a translation is never cut off."""
        now = datetime.now(UTC)
        words = {
            Column.HEALTH: [level_label(key) for key in LEVEL_ORDER],
            Column.CONNECTION: [connection_label(status) for status in CONNECTION_LABELS],
            Column.HEARTBEAT: [
                fmt.relative_age(now - timedelta(seconds=ago), now)
                for ago in (50 * 60, 40 * 3600, 30 * 86400)
            ],
        }.get(column, [])
        cell = self.table.fontMetrics()
        title = self.table.horizontalHeader().fontMetrics().horizontalAdvance(header_text(column))
        icon = 22 if column is Column.HEALTH else 0  # the badge beside the word
        widest = max((cell.horizontalAdvance(word) for word in words), default=0)
        return max(title + 24, widest + icon + 16)

    def _column_menu(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setTitle(self.tr("Columns"))
        for column in Column:
            action = menu.addAction(header_text(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column is not Column.IDENTITY)  # a row needs its name
            action.toggled.connect(
                lambda shown, c=column: header.setSectionHidden(c, not shown)
            )
        menu.exec(header.mapToGlobal(position))

    def set_site_filter(self, uuid: str | None) -> None:
        """Show only this site's chargers (None: every site)."""
        self.site_filter.choose(uuid)
        self._update_count()

    def fit_columns_once(self) -> None:
        """The first complete fleet decides the column widths (unless the user's own were
        restored): wide enough for the texts, within bounds, judged on a sample of rows."""
        if self.columns_fitted:
            return
        self.columns_fitted = True
        header = self.table.horizontalHeader()
        for column in FITTED:
            if header.isSectionHidden(column):
                continue
            self.table.resizeColumnToContents(column)
            width = header.sectionSize(column)
            cap = MAX_IDENTITY_WIDTH if column is Column.IDENTITY else MAX_WIDTH
            header.resizeSection(column, max(MIN_WIDTH, min(width, cap)))

    # -- selection -------------------------------------------------------------------------

    def selected_uuid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(UUID_ROLE)
        return str(value) if value is not None else None

    def select_uuid(self, uuid: str) -> bool:
        """Select (and scroll to) a charger; False if it is not in the filtered list."""
        source_row = self.model.row_of(uuid)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._had_selection = self._had_selection or bool(indexes)
        if indexes:
            uuid = indexes[0].data(UUID_ROLE)
            if uuid:
                self.charger_selected.emit(str(uuid))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Apply a search or filter. A selected charger still listed stays selected; one
        now hidden gives way to the first row (Qt would move to a neighbour of the hidden
        row, often the last one), so the detail pane, the export and the list agree; with
        no row left, say so (`selection_hidden`)."""
        before = self.selected_uuid()
        change()
        self._update_count()
        if before is not None and self.selected_uuid() == before:
            return
        if not self._had_selection:
            return
        if self.proxy.rowCount() == 0:
            self.table.clearSelection()
            self.table.selectionModel().clearCurrentIndex()
            self.selection_hidden.emit()
            return
        if before is None or self.model.row_of(before) is None or not self.select_uuid(before):
            self.table.selectRow(0)
            self.table.scrollToTop()

    # -- quick filters and counts ----------------------------------------------------------

    def set_level_filter(self, key: str) -> None:
        """"ALL" or a level name such as "FAULT"."""
        self.filter_buttons[key.upper()].setChecked(True)

    def _on_filter_toggled(self, button: QToolButton, checked: bool) -> None:
        if not checked:
            return
        key = str(button.property("level"))
        self._refilter(lambda: self.proxy.set_levels(None if key == ALL else {key}))

    def update_counts(self, *_args: object) -> None:
        counts = self.model.health_counts()
        total = self.model.rowCount()
        if (counts, total) == self._counted:
            self._update_count()
            return  # a refresh that moved no charger to another level
        self._counted = (counts, total)
        set_steady_text(
            self.filter_buttons[ALL], self.tr("All {count}").format(count=fmt.integer(total))
        )
        for key in LEVEL_ORDER:
            button = self.filter_buttons[key]
            count = counts.get(key, 0)
            set_steady_text(button, f"{level_label(key)} {fmt.integer(count)}")
            button.setAccessibleDescription(
                self.tr("%n chargers", "", count) if count else ""
            )
            # Levels nobody is at stay out of the way, unless it is the active filter.
            button.setVisible(count > 0 or button.isChecked())
        self._update_count()

    def summary(self) -> str:
        """"Fault 2 · Offline 1 · OK 37" (levels with chargers only, worst first)."""
        counts = self.model.health_counts()
        return " · ".join(f"{level_label(k)} {counts[k]:,}" for k in LEVEL_ORDER if counts.get(k))

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (
            self.tr("{shown} of {total} shown").format(
                shown=fmt.integer(shown), total=fmt.integer(total)
            )
            if shown != total
            else self.tr("%n chargers", "", total).replace(str(total), fmt.integer(total), 1)
        )
        set_steady_text(self.count_label, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self.focus_results()
                return True
        return super().eventFilter(watched, event)

    def focus_results(self) -> None:
        """Into the list, on the selected row (or the first one)."""
        if self.proxy.rowCount() == 0:
            return
        if self.selected_uuid() is None:
            self.table.selectRow(0)
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.setCurrentIndex(rows[0])
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- window state ----------------------------------------------------------------------

    def save_header(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header(self, state: QByteArray) -> None:
        header = self.table.horizontalHeader()
        if header.restoreState(state):
            self.columns_fitted = True  # the user's widths win
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

