"""The left pane: search box, health quick filters with counts, and the charger table."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, QPoint, Qt, Signal
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

from plugdesk.ui.badges import badge_icon
from plugdesk.ui.fleet_model import (
    HEADERS,
    LEVEL_ORDER,
    UUID_ROLE,
    Column,
    FleetFilterProxy,
    FleetTableModel,
    level_label,
)
from plugdesk.ui.sites.site_filter import SiteFilter

COLUMN_WIDTHS = {
    Column.IDENTITY: 120, Column.REFERENCE: 135, Column.HEALTH: 110, Column.CONNECTION: 82,
    Column.STATUS: 92, Column.ERROR: 120, Column.MODEL: 135, Column.FIRMWARE: 80,
    Column.HEARTBEAT: 90, Column.SITE: 140,
}
# Free-text columns are fitted to their contents on the first load; the others keep the
# widths above (their words are known and short).
FITTED = (Column.IDENTITY, Column.REFERENCE, Column.ERROR, Column.MODEL, Column.FIRMWARE,
          Column.SITE)  # fmt: skip
ALL = "ALL"
FIT_SAMPLE_ROWS = 200  # resizing to contents looks at this many rows, not 5,000
MIN_WIDTH, MAX_WIDTH, MAX_IDENTITY_WIDTH = 60, 130, 160
HIDDEN_BY_DEFAULT = (Column.MODEL, Column.FIRMWARE)


class FleetView(QWidget):
    charger_selected = Signal(str)  # uuid of the newly selected charger

    def __init__(self, model: FleetTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = FleetFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search identity, reference, model, firmware, error")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search chargers")
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(self._update_count)

        self.filter_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        filters = QHBoxLayout()
        filters.setSpacing(4)
        for key in (ALL, *LEVEL_ORDER):
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if key != ALL:
                button.setIcon(badge_icon(key))
            button.setProperty("level", key)
            button.setAccessibleName(f"Show {level_label(key) if key != ALL else 'all'}")
            self._group.addButton(button)
            self.filter_buttons[key] = button
            filters.addWidget(button)
        self.site_filter = SiteFilter(model, self.proxy)
        self.site_filter.currentIndexChanged.connect(self._update_count)
        filters.addWidget(self.site_filter)
        filters.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setEnabled(False)
        filters.addWidget(self.count_label)
        self.filter_buttons[ALL].setChecked(True)
        self._group.buttonToggled.connect(self._on_filter_toggled)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.HEALTH, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setAccessibleName("Chargers")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        # Right-click the header to choose columns; model and firmware start hidden (the
        # detail pane shows them and the search matches them) so the list fits beside it.
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column in HIDDEN_BY_DEFAULT:
            header.setSectionHidden(column, True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        self.columns_fitted = False  # set when saved widths are restored, or on first fill
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        model.rows_settled.connect(self.update_counts)
        model.modelReset.connect(self.update_counts)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_count)
        self.update_counts()

    def _column_menu(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setTitle("Columns")
        for column in Column:
            action = menu.addAction(HEADERS[column])
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

    def set_column_visible(self, column: Column, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)

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
        if indexes:
            uuid = indexes[0].data(UUID_ROLE)
            if uuid:
                self.charger_selected.emit(str(uuid))

    # -- quick filters and counts ----------------------------------------------------------

    def set_level_filter(self, key: str) -> None:
        """"ALL" or a level name such as "FAULT"."""
        self.filter_buttons[key.upper()].setChecked(True)

    def _on_filter_toggled(self, button: QToolButton, checked: bool) -> None:
        if not checked:
            return
        key = str(button.property("level"))
        self.proxy.set_levels(None if key == ALL else {key})
        self._update_count()

    def update_counts(self, *_args: object) -> None:
        counts = self.model.health_counts()
        total = self.model.rowCount()
        self.filter_buttons[ALL].setText(f"All {total}")
        for key in LEVEL_ORDER:
            button = self.filter_buttons[key]
            count = counts.get(key, 0)
            button.setText(f"{level_label(key)} {count}")
            # Levels nobody is at stay out of the way, unless it is the active filter.
            button.setVisible(count > 0 or button.isChecked())
        self._update_count()

    def summary(self) -> str:
        """"Fault 2 · Offline 1 · OK 37" (levels with chargers only, worst first)."""
        counts = self.model.health_counts()
        return " · ".join(f"{level_label(k)} {counts[k]}" for k in LEVEL_ORDER if counts.get(k))

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = f"{shown} of {total} shown" if shown != total else f"{total} chargers"
        self.count_label.setText(text)

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

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
