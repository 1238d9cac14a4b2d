"""What every table in PlugDesk shares: it is one stop in the Tab chain, and the row that
has the keyboard's attention carries a visible frame. `set_up_table` makes a table the one
way every pane wants it (rows selected whole, read-only, no row numbers, one line a row,
header sizing); `keyboard_friendly` is its keyboard part.

Qt's defaults make a table a keyboard trap (Tab walks cell by cell and never leaves) and
mark only the current cell of a row-selecting table, which most styles draw faintly or not
at all. Arrow keys, Home/End and PgUp/PgDn still move inside the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

Index = QModelIndex | QPersistentModelIndex


class CurrentRowFrame(QStyledItemDelegate):
    """The delegate of the current row only (other rows keep Qt's own, in C++: a Python
    delegate on every cell made each repaint of a table half as costly again). Paints
    each cell as usual, then a 2 px frame around the row while the table has focus: the
    top and bottom edges on every cell, the sides on the end cells."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self.row = -1  # the view's row this delegate is set for

    def follow_current(self) -> None:
        """Be the delegate of the current row (rows move with sorts, filters, inserts)."""
        row = self._view.currentIndex().row()
        if row == self.row:
            return
        if self.row >= 0:
            self._view.setItemDelegateForRow(self.row, None)  # type: ignore[arg-type]
        if row >= 0:
            self._view.setItemDelegateForRow(row, self)
        self.row = row

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        option.state &= ~QStyle.StateFlag.State_HasFocus  # no dotted single-cell rectangle
        super().paint(painter, option, index)
        view = self._view
        current = view.currentIndex()
        if not view.hasFocus() or not current.isValid() or current.row() != index.row():
            return
        rect: QRect = option.rect  # type: ignore[attr-defined]
        columns = [c for c in range(view.model().columnCount()) if not view.isColumnHidden(c)]
        first = view.horizontalHeader().visualIndex(index.column()) == min(
            view.horizontalHeader().visualIndex(c) for c in columns
        )
        last = view.horizontalHeader().visualIndex(index.column()) == max(
            view.horizontalHeader().visualIndex(c) for c in columns
        )
        painter.save()
        pen = QPen(view.palette().color(QPalette.ColorRole.Text))
        pen.setWidth(2)
        painter.setPen(pen)
        inner = rect.adjusted(1, 1, -1, -1)
        painter.drawLine(inner.topLeft(), inner.topRight())
        painter.drawLine(inner.bottomLeft(), inner.bottomRight())
        if first:
            painter.drawLine(inner.topLeft(), inner.bottomLeft())
        if last:
            painter.drawLine(inner.topRight(), inner.bottomRight())
        painter.restore()


def current_row_frame(table: QTableView) -> CurrentRowFrame | None:
    """The frame delegate `keyboard_friendly` gave this table."""
    return table.findChild(CurrentRowFrame)


def keyboard_friendly(table: QTableView) -> QTableView:
    """Tab leaves the table; the current row shows a frame; a click or arrow key makes
    the row current so the frame and the selection agree."""
    table.setTabKeyNavigation(False)
    frame = CurrentRowFrame(table)

    def current_row_changed() -> None:
        frame.follow_current()
        # Qt repaints only the old and new current cell; the frame spans the row.
        table.viewport().update()

    # (Call this after setModel: a new model brings a new selection model.)
    table.selectionModel().currentRowChanged.connect(current_row_changed)
    model = table.model()
    for moved in (model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                  model.rowsMoved, model.modelReset):  # fmt: skip
        moved.connect(frame.follow_current)
    if table.selectionBehavior() != QAbstractItemView.SelectionBehavior.SelectRows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return table


def set_up_table(
    model: QAbstractItemModel,
    name: str,
    *,
    widths: Mapping[Any, int] | None = None,
    resize: QHeaderView.ResizeMode = QHeaderView.ResizeMode.Interactive,
    sort: tuple[int, Qt.SortOrder] | None = None,
    select_many: bool = False,
    alternate: bool = True,
    row_padding: int | None = 8,
) -> QTableView:
    """A read-only table of whole rows over `model`, named `name` for screen readers.

    `widths` are the columns' starting widths (the last column takes the spare width);
    `resize` is how the header sizes the columns; `sort` turns sorting on with that column
    and order first; `row_padding` is the space around a line of text in a row (None:
    the style's row height)."""
    table = QTableView()
    table.setModel(model)
    keyboard_friendly(table)
    many = QAbstractItemView.SelectionMode.ExtendedSelection
    table.setSelectionMode(many if select_many else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternate)
    table.setWordWrap(False)  # one line a row; tooltips hold the rest
    table.setAccessibleName(name)
    rows = table.verticalHeader()
    rows.setVisible(False)
    if row_padding is not None:
        rows.setDefaultSectionSize(table.fontMetrics().height() + row_padding)
    header = table.horizontalHeader()
    header.setSectionResizeMode(resize)
    header.setStretchLastSection(True)
    for column, width in (widths or {}).items():
        header.resizeSection(column, width)
    if sort is not None:
        table.setSortingEnabled(True)
        table.sortByColumn(*sort)
    return table
