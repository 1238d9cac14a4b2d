"""What every PlugDesk table model shares: typed rows, columns named by an IntEnum with
their header texts, a sort-key role, and in-place updates.

A subclass says what a cell shows (`display`) and, where it wants, its tooltip, its
sort key, extra roles (`extra`) and which columns are right-aligned numbers. Header texts
and tips are English, marked `QT_TRANSLATE_NOOP(context, text)` with the model's
`context`, and translated when shown (so a language chosen later applies too). Updates go
through `sync_rows` (keyed: removes, `dataChanged` and inserts in ranges) or
`reorder_rows` (same rows, new order): neither resets the model, so the selection, the
current row and the scroll position survive a refresh. Only `reset_rows` resets.

Models with a hot `data()` (tens of thousands of rows) may override `data` and still use
the rest (the transactions model does). The fleet model can move over the same way: its
`Column` and headers as `columns`/`headers`, its own fast `data()` and `sort()` kept,
`reorder_rows` for its re-sort, and its keyed refresh as `sync_rows(rows, key=uuid)` (a
partial page, which must not remove rows, keeps its own append path).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

# Every table reads its sort keys through this role (a proxy's `setSortRole`, or tests).
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
# The first role a subclass may define for itself (a row's object, its key...).
FIRST_OWN_ROLE = int(Qt.ItemDataRole.UserRole) + 2

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A flat table of `Row` objects, one per line, in `self._rows`."""

    columns: ClassVar[type[IntEnum]]
    # The translation context the header texts and tips are marked with (lupdate's
    # QT_TRANSLATE_NOOP context); "" means the class's name, as `self.tr` would use.
    context: ClassVar[str] = ""
    headers: ClassVar[Mapping[Any, str] | Sequence[str]]  # column -> header text (English)
    header_tips: ClassVar[Mapping[Any, str]] = {}  # column -> header tooltip (English)
    # column -> a language-neutral unit after the header text: "Started (CET)"
    header_units: ClassVar[Mapping[Any, Callable[[], str]]] = {}
    numeric: ClassVar[frozenset[int]] = frozenset()  # right-aligned columns

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    # -- hooks for subclasses ----------------------------------------------------------

    def display(self, row: Row, column: int) -> Any:
        raise NotImplementedError

    def tooltip(self, row: Row, column: int) -> str | None:
        return None

    def sort_key(self, row: Row, column: int) -> Any:
        """What SORT_ROLE returns; by default the displayed text."""
        return self.display(row, column)

    def alignment(self, row: Row, column: int) -> int | None:
        return RIGHT if column in self.numeric else None

    def extra(self, row: Row, column: int, role: int) -> Any:
        """Any other role (decorations, fonts, a row's object)."""
        return None

    def header_text(self, column: int) -> str:
        """The column's title in the window's language, with its unit if it has one."""
        title = QCoreApplication.translate(self._context(), self.headers[column])
        unit = self.header_units.get(column)
        return f"{title} ({unit()})" if unit else title

    def header_tip(self, column: int) -> str | None:
        tip = self.header_tips.get(column)
        return QCoreApplication.translate(self._context(), tip) if tip else None

    def _context(self) -> str:
        return self.context or type(self).__name__

    # -- reading -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == _DISPLAY:
            return self.header_text(section)
        if role == _TOOLTIP:
            return self.header_tip(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position, column = index.row(), index.column()
        if not (0 <= position < len(self._rows) and 0 <= column < len(self.columns)):
            return None
        row = self._rows[position]
        role = int(role)
        if role == _DISPLAY:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        if role == _TOOLTIP:
            return self.tooltip(row, column)
        if role == _ALIGNMENT:
            return self.alignment(row, column)
        return self.extra(row, column, role)

    def row_at(self, position: int) -> Row:
        return self._rows[position]

    def rows(self) -> list[Row]:
        return list(self._rows)

    # -- changing ----------------------------------------------------------------------

    def reset_rows(self, rows: Iterable[Row]) -> None:
        """Replace everything: a model reset (selection and scroll start over)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[Row]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def remove_row_at(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()

    def replace_row_at(self, position: int, row: Row) -> None:
        self._rows[position] = row
        self.row_changed(position)

    def row_changed(self, position: int) -> None:
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))

    def columns_changed(self, first: int, last: int | None = None) -> None:
        """Every row's cells in columns first..last read anew (ages, a clock, a lookup)."""
        if self._rows:
            bottom = self.index(len(self._rows) - 1, first if last is None else last)
            self.dataChanged.emit(self.index(0, first), bottom)

    def sync_rows(self, rows: Sequence[Row], key: Callable[[Row], Hashable]) -> None:
        """Make the rows equal `rows` without a reset: rows whose key is gone are removed
        (in ranges, from the bottom), changed rows emit `dataChanged`, new ones are
        inserted where `rows` puts them, and a different order of the kept rows is a
        layout change that keeps persistent indexes (selection, current row) on them.
        Keys that are not unique (bad data) fall back to a reset: no row is lost."""
        fresh = {key(row): row for row in rows}
        if len(fresh) != len(rows) or len({key(row) for row in self._rows}) != len(self._rows):
            self.reset_rows(rows)
            return
        gone = [p for p, row in enumerate(self._rows) if key(row) not in fresh]
        for first, last in reversed(_ranges(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        for position, row in enumerate(self._rows):
            new = fresh[key(row)]
            if new != row:
                self._rows[position] = new
                self.row_changed(position)
        kept = {key(row) for row in self._rows}
        wanted_kept = [fresh[k] for k in (key(row) for row in rows) if k in kept]
        if [key(r) for r in wanted_kept] != [key(r) for r in self._rows]:
            self.reorder_rows(wanted_kept, key)
        # Insert each run of new rows where it belongs (the kept rows are now in order).
        position = 0
        pending: list[Row] = []
        for row in rows:
            if key(row) in kept:
                self._insert(position, pending)
                position += len(pending) + 1
                pending = []
            else:
                pending.append(row)
        self._insert(position, pending)

    def reorder_rows(self, rows: list[Row], key: Callable[[Row], Hashable] = id) -> None:
        """The same rows in a new order: selections and the current cell stay on their
        rows (a layout change, not a reset)."""
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._rows = rows
        position = {key(row): i for i, row in enumerate(rows)}
        for old in self.persistentIndexList():
            new_row = position.get(key(old_rows[old.row()]))
            new = QModelIndex() if new_row is None else self.index(new_row, old.column())
            self.changePersistentIndex(old, new)
        self.layoutChanged.emit()

    def _insert(self, position: int, rows: list[Row]) -> None:
        if rows:
            self.beginInsertRows(QModelIndex(), position, position + len(rows) - 1)
            self._rows[position:position] = rows
            self.endInsertRows()


def _ranges(positions: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> [(1, 3), (7, 8)] (positions in ascending order)."""
    ranges: list[tuple[int, int]] = []
    for position in positions:
        if ranges and ranges[-1][1] == position - 1:
            ranges[-1] = (ranges[-1][0], position)
        else:
            ranges.append((position, position))
    return ranges
