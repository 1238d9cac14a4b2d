"""The charger list as a Qt table model, plus the proxy that searches and filters it.

Rows are typed (`FleetRow`: the charger and its health verdict) and keyed by UUID. A
refresh updates rows in place (dataChanged for changed rows, inserts for new ones, removes
for gone ones) instead of resetting, so the selection, the sort and the scroll position
survive every 30-second refresh. Sort keys live in `SORT_ROLE` so the proxy sorts by time
and severity, not by the display text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from plugdesk.api.models import Charger
from plugdesk.domain.health import LABELS as HEALTH_LABELS
from plugdesk.domain.health import charger_health
from plugdesk.ui import formatting as fmt
from plugdesk.ui.badges import badge_icon, level_key

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
UUID_ROLE = Qt.ItemDataRole.UserRole + 2
CHARGER_ROLE = Qt.ItemDataRole.UserRole + 3
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 4

# Worst first (the domain's display order), so an ascending sort by health puts the
# chargers that need a visit on top.
LEVEL_ORDER: tuple[str, ...] = tuple(level.name for level in HEALTH_LABELS)
LEVEL_LABELS: dict[str, str] = {level.name: label for level, label in HEALTH_LABELS.items()}
CONNECTION_LABELS = {"online": "Online", "offline": "Offline", "never_seen": "Never seen"}
_LAST = "\uffff"  # sorts missing text after every real value


class Verdict(Protocol):
    """What the UI needs from `domain.health.HealthVerdict`."""

    @property
    def level(self) -> Any: ...

    @property
    def reason(self) -> str: ...


HealthFn = Callable[[Charger, datetime], Verdict]


class Column(IntEnum):
    IDENTITY = 0
    REFERENCE = 1
    HEALTH = 2
    CONNECTION = 3
    STATUS = 4
    ERROR = 5
    MODEL = 6
    FIRMWARE = 7
    HEARTBEAT = 8


HEADERS = {
    Column.IDENTITY: "Identity",
    Column.REFERENCE: "Reference",
    Column.HEALTH: "Health",
    Column.CONNECTION: "Connection",
    Column.STATUS: "OCPP status",
    Column.ERROR: "Error",
    Column.MODEL: "Model",
    Column.FIRMWARE: "Firmware",
    Column.HEARTBEAT: "Last heartbeat",
}


def level_label(level: object) -> str:
    key = level_key(level)
    return LEVEL_LABELS.get(key, key.title())


def level_rank(level: object) -> int:
    key = level_key(level)
    return LEVEL_ORDER.index(key) if key in LEVEL_ORDER else len(LEVEL_ORDER)


def model_name(charger: Charger) -> str | None:
    model = charger.model
    if model is None:
        return None
    parts = [p for p in (model.vendor, model.name) if p]
    return " ".join(parts) or None


def error_code(charger: Charger) -> str | None:
    """The charger's error code; "NoError" is OCPP for "none"."""
    return None if charger.error in (None, "", "NoError") else charger.error


class FleetRow:
    """One charger, its verdict, and every cell text and sort key worked out once: a
    view asks `data()` about ten times per visible cell on every paint, so those calls
    must be lookups."""

    __slots__ = ("charger", "search_text", "sort_keys", "texts", "verdict")

    def __init__(self, charger: Charger, verdict: Verdict, now: datetime) -> None:
        self.charger = charger
        self.verdict = verdict
        fields = (
            charger.identity, charger.reference, model_name(charger), charger.firmware_version,
            charger.parsed_firmware_version, charger.error, charger.error_info, charger.uuid,
        )
        self.search_text = " ".join(f for f in fields if f).casefold()
        status = charger.connection_status
        self.texts: list[str] = [
            fmt.text(charger.identity or charger.uuid),
            fmt.text(charger.reference),
            level_label(verdict.level),
            CONNECTION_LABELS.get(status or "", fmt.text(status)),
            fmt.text(charger.status),
            fmt.text(error_code(charger)),
            fmt.text(model_name(charger)),
            fmt.text(charger.firmware_version),
            fmt.relative_age(charger.last_heartbeat_at, now),
        ]
        identity = (charger.identity or charger.uuid).casefold()
        keys: list[Any] = [
            _LAST if shown == fmt.DASH else f"{shown.casefold()} {identity}"
            for shown in self.texts
        ]
        keys[Column.IDENTITY] = identity
        keys[Column.HEALTH] = f"{level_rank(verdict.level):02d} {identity}"
        seen = charger.last_heartbeat_at
        keys[Column.HEARTBEAT] = seen.timestamp() if seen is not None else 0.0
        self.sort_keys = keys

    @property
    def uuid(self) -> str:
        return self.charger.uuid

    @property
    def level_key(self) -> str:
        return level_key(self.verdict.level)

    def update_age(self, now: datetime) -> None:
        self.texts[Column.HEARTBEAT] = fmt.relative_age(self.charger.last_heartbeat_at, now)


def make_row(charger: Charger, verdict: Verdict, now: datetime) -> FleetRow:
    return FleetRow(charger, verdict, now)


_COLUMNS = len(Column)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_SORT, _UUID, _CHARGER, _LEVEL = int(SORT_ROLE), int(UUID_ROLE), int(CHARGER_ROLE), int(LEVEL_ROLE)


class FleetTableModel(QAbstractTableModel):
    def __init__(
        self,
        parent: QObject | None = None,
        *,
        health: HealthFn = charger_health,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._rows: list[FleetRow] = []
        self._index: dict[str, int] = {}
        self._health = health
        self._clock = clock
        self._stale = False
        self._stale_note = ""
        self._bold = QFont()
        self._bold.setBold(True)

    # -- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < _COLUMNS:
            return HEADERS[Column(section)]
        return None

    def row(self, row: int) -> FleetRow:
        return self._rows[row]

    def rows(self) -> list[FleetRow]:
        return list(self._rows)

    def row_of(self, uuid: str) -> int | None:
        return self._index.get(uuid)

    def health_counts(self) -> Counter[str]:
        return Counter(r.level_key for r in self._rows)

    @property
    def is_stale(self) -> bool:
        return self._stale

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        position, column = index.row(), index.column()
        if position >= len(self._rows) or column >= _COLUMNS:
            return None
        row = self._rows[position]
        if role == _DISPLAY:
            return row.texts[column]
        if role == _SORT:
            return row.sort_keys[column]
        if role == _FOREGROUND:
            # Stale data must not look current: the palette's disabled text colour.
            return self._stale_brush() if self._stale else None
        if role == _FONT:
            return self._bold if column == Column.IDENTITY else None
        if role == _DECORATION:
            return badge_icon(row.verdict.level) if column == Column.HEALTH else None
        if role == _UUID:
            return row.uuid
        if role == _LEVEL:
            return row.verdict.level
        if role == _CHARGER:
            return row.charger
        if role == _TOOLTIP:
            return self._tooltip(row, Column(column))
        return None

    @staticmethod
    def _stale_brush() -> Any:
        palette = QGuiApplication.palette()
        return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def _tooltip(self, row: FleetRow, column: Column) -> str | None:
        charger = row.charger
        note = f"\n{self._stale_note}" if self._stale and self._stale_note else ""
        if column is Column.HEALTH:
            return f"{level_label(row.verdict.level)}: {row.verdict.reason}{note}"
        if column is Column.HEARTBEAT:
            return fmt.local_time_seconds(charger.last_heartbeat_at) + note
        if column is Column.ERROR and charger.error_info:
            return charger.error_info
        if column is Column.FIRMWARE and charger.parsed_firmware_version:
            return f"Parsed: {charger.parsed_firmware_version}"
        if column in (Column.IDENTITY, Column.REFERENCE, Column.MODEL):
            return row.texts[column] + note  # the column may be too narrow for it
        return note.strip() or None

    # -- updating in place -----------------------------------------------------------------

    def set_chargers(self, chargers: Sequence[Charger]) -> None:
        """Make the rows match `chargers`: remove gone ones, update changed ones in place,
        append new ones. Unchanged rows emit nothing."""
        now = self._clock()
        fresh = {c.uuid: c for c in chargers}
        self._remove_missing(fresh.keys())
        changed: list[int] = []
        for uuid, position in self._index.items():
            charger = fresh[uuid]
            old = self._rows[position]
            verdict = self._health(charger, now)
            if old.charger == charger and _same_verdict(old.verdict, verdict):
                continue
            self._rows[position] = make_row(charger, verdict, now)
            changed.append(position)
        self._changed(changed)
        new = [c for uuid, c in fresh.items() if uuid not in self._index]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for offset, charger in enumerate(new):
                self._rows.append(make_row(charger, self._health(charger, now), now))
                self._index[charger.uuid] = first + offset
            self.endInsertRows()

    def _remove_missing(self, keep: Iterable[str]) -> None:
        wanted = set(keep)
        gone = sorted((p for u, p in self._index.items() if u not in wanted), reverse=True)
        if not gone:
            return
        for position in gone:  # from the bottom, so earlier positions stay valid
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()
        self._index = {r.uuid: i for i, r in enumerate(self._rows)}

    def refresh_ages(self) -> None:
        """Time moved on: re-read relative ages and re-judge health (heartbeats go stale)."""
        if not self._rows:
            return
        now = self._clock()
        changed: list[int] = []
        for position, old in enumerate(self._rows):
            verdict = self._health(old.charger, now)
            if not _same_verdict(old.verdict, verdict):
                self._rows[position] = make_row(old.charger, verdict, now)
                changed.append(position)
            else:
                old.update_age(now)
        self._changed(changed)
        self.dataChanged.emit(
            self.index(0, Column.HEARTBEAT), self.index(len(self._rows) - 1, Column.HEARTBEAT)
        )

    def set_stale(self, stale: bool, note: str = "") -> None:
        """Grey the rows out (and say why in tooltips) while the data is not current."""
        if stale == self._stale and note == self._stale_note:
            return
        self._stale, self._stale_note = stale, note
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._index.clear()
        self.endResetModel()

    def _changed(self, positions: Sequence[int]) -> None:
        """One dataChanged from the first to the last changed row, not one per row: each
        emission makes the proxy, the views and the health counters look at the fleet
        again, which for hundreds of rows changing at once (heartbeats, ages in the health
        reasons) was quadratic: 70 ms a refresh at 1,000 chargers, seconds at 5,000."""
        if positions:
            self.dataChanged.emit(
                self.index(min(positions), 0), self.index(max(positions), len(Column) - 1)
            )


def _same_verdict(a: Verdict, b: Verdict) -> bool:
    return bool(a.level == b.level and a.reason == b.reason)


class FleetFilterProxy(QSortFilterProxyModel):
    """Search (every word must match identity, reference, model, firmware or error) and a
    health quick filter (a set of level names, or None for all)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._levels: frozenset[str] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def search_text(self) -> str:
        return " ".join(self._words)

    @property
    def levels(self) -> frozenset[str] | None:
        return self._levels

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_levels(self, levels: Iterable[str] | None) -> None:
        wanted = None if levels is None else frozenset(level_key(x) for x in levels)
        if wanted == self._levels:
            return
        self.beginFilterChange()
        self._levels = wanted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        if not isinstance(source, FleetTableModel) or source_parent.isValid():
            return True
        row = source.row(source_row)
        if self._levels is not None and row.level_key not in self._levels:
            return False
        return all(word in row.search_text for word in self._words)
