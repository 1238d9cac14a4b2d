"""The charger list as a Qt table model, plus the proxy that searches and filters it.

Rows are typed (`FleetRow`: the charger and its health verdict) and keyed by UUID. A
refresh updates rows in place (dataChanged for changed rows, inserts for new ones, removes
for gone ones) instead of resetting, so the selection, the sort and the scroll position
survive every 30-second refresh.

The model keeps its rows in the chosen sort order itself (Python sorts 5,000 precomputed
keys in about 3 ms); the proxy only filters. A sorting QSortFilterProxyModel asks `data()`
from C++ for every comparison: half a second per 5,000-row sort, on every insert and change.
Sort keys are still readable through `SORT_ROLE`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from functools import cache
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPalette

from plugdesk.api.models import Charger
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.judgement import LABELS as HEALTH_LABELS
from plugdesk.services.judgement import judge
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
CONNECTION_LABELS = {
    "online": QT_TRANSLATE_NOOP("Health", "Online"),
    "offline": QT_TRANSLATE_NOOP("Health", "Offline"),
    "never_seen": QT_TRANSLATE_NOOP("Health", "Never seen"),
}
# The domain's words (domain/health.py never imports Qt), marked here for translation:
# the health levels, and the reasons that are fixed sentences or "words {value}".
_HEALTH_WORDS = (
    QT_TRANSLATE_NOOP("Health", "Fault"),
    QT_TRANSLATE_NOOP("Health", "Offline"),
    QT_TRANSLATE_NOOP("Health", "Warning"),
    QT_TRANSLATE_NOOP("Health", "Stale"),
    QT_TRANSLATE_NOOP("Health", "Unknown"),
    QT_TRANSLATE_NOOP("Health", "Maintenance"),
    QT_TRANSLATE_NOOP("Health", "OK"),
    QT_TRANSLATE_NOOP("Health", "Never connected to the server"),
    QT_TRANSLATE_NOOP("Health", "Blocked: taken out of service"),
    QT_TRANSLATE_NOOP("Health", "Unavailable (maintenance)"),
    QT_TRANSLATE_NOOP("Health", "Working normally"),
    QT_TRANSLATE_NOOP("Health", "Unavailable"),
)
_REASON_TEMPLATES = (  # (English prefix, its translatable template)
    ("Offline ", QT_TRANSLATE_NOOP("Health", "Offline {duration}")),
    ("No heartbeat for ", QT_TRANSLATE_NOOP("Health", "No heartbeat for {duration}")),
)
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
    SITE = 9


HEADERS = {  # English; shown through header_text()
    Column.IDENTITY: QT_TRANSLATE_NOOP("FleetTableModel", "Identity"),
    Column.REFERENCE: QT_TRANSLATE_NOOP("FleetTableModel", "Reference"),
    Column.HEALTH: QT_TRANSLATE_NOOP("FleetTableModel", "Health"),
    Column.CONNECTION: QT_TRANSLATE_NOOP("FleetTableModel", "Connection"),
    Column.STATUS: QT_TRANSLATE_NOOP("FleetTableModel", "OCPP status"),
    Column.ERROR: QT_TRANSLATE_NOOP("FleetTableModel", "Error"),
    Column.MODEL: QT_TRANSLATE_NOOP("FleetTableModel", "Model"),
    Column.FIRMWARE: QT_TRANSLATE_NOOP("FleetTableModel", "Firmware"),
    Column.HEARTBEAT: QT_TRANSLATE_NOOP("FleetTableModel", "Last heartbeat"),
    Column.SITE: QT_TRANSLATE_NOOP("FleetTableModel", "Site"),
}


def header_text(column: Column) -> str:
    return QCoreApplication.translate("FleetTableModel", HEADERS[column])


def level_label(level: object) -> str:
    key = level_key(level)
    return QCoreApplication.translate("Health", LEVEL_LABELS.get(key, key.title()))


def connection_label(status: str | None) -> str:
    label = CONNECTION_LABELS.get(status or "")
    return QCoreApplication.translate("Health", label) if label else fmt.text(status)


def reason_text(reason: str) -> str:
    """A verdict's reason in the window's language: the fixed sentences and the
    "Offline 3 h" kind are translated; a charger's own error text stays as it came."""
    shown = QCoreApplication.translate("Health", reason)
    if shown != reason:
        return shown
    for prefix, template in _REASON_TEMPLATES:
        if reason.startswith(prefix):
            duration = reason.removeprefix(prefix)
            return QCoreApplication.translate("Health", template).format(duration=duration)
    return _connector_reason(reason) or reason


_CONNECTOR_REASON = re.compile(r"Connector (\d+): (.*?)(?: \(\+(\d+) more\))?$", re.S)


def _connector_reason(reason: str) -> str | None:
    """"Connector 2: HighTemperature (+1 more)" in the window's language (the error code
    and its text stay as the charger sent them)."""
    found = _CONNECTOR_REASON.match(reason)
    if found is None:
        return None
    number, error, more = found.groups()
    text = QCoreApplication.translate("Health", "Connector {number}: {error}").format(
        number=number, error=error
    )
    if more:
        text += QCoreApplication.translate("Health", " (+{count} more)").format(count=more)
    return text


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
    """One charger and its verdict. Cell texts, sort keys and the search text are worked
    out when first asked for, then kept: a view asks `data()` about ten times per visible
    cell on every paint, so those calls must be lookups, but of 5,000 rows only the few
    dozen on screen are ever painted, and only one column is sorted by."""

    __slots__ = ("_keys", "_now", "_search", "_texts", "charger", "level_key", "verdict")

    def __init__(self, charger: Charger, verdict: Verdict, now: datetime) -> None:
        self.charger = charger
        self.verdict = verdict
        self.level_key = level_key(verdict.level)
        self._now = now
        self._texts: list[str] | None = None
        self._search: str | None = None
        self._keys: dict[int, Any] = {}

    @property
    def uuid(self) -> str:
        return self.charger.uuid

    @property
    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = _cell_texts(self.charger, self.verdict, self._now)
        return self._texts

    @property
    def search_text(self) -> str:
        if self._search is None:
            charger = self.charger
            fields = (
                charger.identity, charger.reference, model_name(charger),
                charger.firmware_version, charger.parsed_firmware_version, charger.error,
                charger.error_info, charger.uuid, site_name(charger),
            )
            self._search = " ".join(f for f in fields if f).casefold()
        return self._search

    def sort_key(self, column: int) -> Any:
        key = self._keys.get(column)
        if key is None:
            key = self._keys[column] = self._sort_key(column)
        return key

    def _sort_key(self, column: int) -> Any:
        charger = self.charger
        identity = fmt.natural_key(charger.identity or charger.uuid)
        if column == Column.IDENTITY:
            return identity
        if column == Column.HEALTH:
            return f"{level_rank(self.verdict.level):02d} {identity}"
        if column == Column.HEARTBEAT:
            seen = charger.last_heartbeat_at
            return seen.timestamp() if seen is not None else 0.0
        shown = self.texts[column]
        return _LAST if shown == fmt.DASH else f"{fmt.natural_key(shown)} {identity}"

    def take_age_from(self, newer: FleetRow) -> None:
        """The same reading judged again later: only the relative age moved on."""
        self._now = newer._now
        if self._texts is not None:
            self._texts[Column.HEARTBEAT] = newer.texts[Column.HEARTBEAT]


def _cell_texts(charger: Charger, verdict: Verdict, now: datetime) -> list[str]:
    status = charger.connection_status
    return [
        fmt.text(charger.identity or charger.uuid),
        fmt.text(charger.reference),
        level_label(verdict.level),
        connection_label(status),
        fmt.text(charger.status),
        fmt.text(error_code(charger)),
        fmt.text(model_name(charger)),
        fmt.text(charger.firmware_version),
        fmt.relative_age(charger.last_heartbeat_at, now),
        fmt.text(site_name(charger)),
    ]


def site_name(charger: Charger) -> str | None:
    site = charger.site
    return None if site is None else site.name or site.uuid


def site_uuid(charger: Charger) -> str | None:
    return None if charger.site is None else charger.site.uuid


def make_row(charger: Charger, verdict: Verdict, now: datetime) -> FleetRow:
    return FleetRow(charger, verdict, now)


_COLUMNS = len(Column)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_SORT, _UUID, _CHARGER, _LEVEL = int(SORT_ROLE), int(UUID_ROLE), int(CHARGER_ROLE), int(LEVEL_ROLE)
_ANSWERED = frozenset(
    (_DISPLAY, _TOOLTIP, _DECORATION, _FOREGROUND, _FONT, _SORT, _UUID, _CHARGER, _LEVEL)
)


class FleetTableModel(QAbstractTableModel):
    # Once per update that changed rows (not once per inserted or removed range): the
    # health counts are read again from here.
    rows_settled = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        health: HealthFn = judge,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._rows: list[FleetRow] = []
        self._index: dict[str, int] = {}
        self._health = health
        self._clock = clock
        self._stale = False
        self._stale_note = ""
        self._muted: dict[str, str] = {}  # uuid -> "Pop-ups muted until 15:30"
        self._sort_column = -1  # -1: the order the chargers came in, until a view sorts
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._bold = QFont()
        self._bold.setBold(True)

    # -- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount() first: two calls into Python
        # for every index the proxy makes (thousands per keystroke of a search).
        if 0 <= row < len(self._rows) and 0 <= column < _COLUMNS and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < _COLUMNS:
            return header_text(Column(section))
        return None

    def row(self, row: int) -> FleetRow:
        return self._rows[row]

    def rows(self) -> list[FleetRow]:
        return list(self._rows)

    @property
    def row_list(self) -> list[FleetRow]:
        """The live list of rows, in model order, for the proxy's per-row filter (a
        method call per row is a third of a 5,000-row search). Read it, never change it."""
        return self._rows

    def row_of(self, uuid: str) -> int | None:
        return self._index.get(uuid)

    def site_counts(self) -> dict[str, tuple[str, int]]:
        """Site uuid -> (name, chargers), for the site filter."""
        counts: dict[str, tuple[str, int]] = {}
        for row in self._rows:
            uuid = site_uuid(row.charger)
            if uuid is not None:
                name, count = counts.get(uuid, (site_name(row.charger) or uuid, 0))
                counts[uuid] = (name, count + 1)
        return counts

    def health_counts(self) -> Counter[str]:
        return Counter(r.level_key for r in self._rows)

    @property
    def is_stale(self) -> bool:
        return self._stale

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # A paint asks about ten roles per cell; most of them get None, at once.
        if role not in _ANSWERED:
            return None
        position, column = index.row(), index.column()
        if not (0 <= position < len(self._rows) and 0 <= column < _COLUMNS):
            return None  # an invalid index has row -1
        row = self._rows[position]
        if role == _DISPLAY:
            if column == Column.HEALTH and row.uuid in self._muted:
                # "Muted" first: a narrow column cuts the end
                muted = QCoreApplication.translate("FleetTableModel", "Muted · {health}")
                return muted.format(health=row.texts[column])
            return row.texts[column]
        if role == _SORT:
            return row.sort_key(column)
        if role == _FOREGROUND:
            # Stale data must not look current: the palette's disabled text colour.
            return self._stale_brush() if self._stale else None
        if role == _FONT:
            return self._bold if column == Column.IDENTITY else None
        if role == _DECORATION:
            return _icon(row.level_key) if column == Column.HEALTH else None
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
            muted = f"\n{self._muted[row.uuid]}" if row.uuid in self._muted else ""
            reason = reason_text(row.verdict.reason)
            return f"{level_label(row.verdict.level)}: {reason}{muted}{note}"
        if column is Column.HEARTBEAT:
            return fmt.local_time_seconds(charger.last_heartbeat_at) + note
        if column is Column.ERROR and charger.error_info:
            return charger.error_info
        if column is Column.FIRMWARE and charger.parsed_firmware_version:
            return self.tr("Parsed: {version}").format(version=charger.parsed_firmware_version)
        if column in (Column.IDENTITY, Column.REFERENCE, Column.MODEL):
            return row.texts[column] + note  # the column may be too narrow for it
        return note.strip() or None

    # -- updating in place -----------------------------------------------------------------

    def set_chargers(self, chargers: Sequence[Charger], *, complete: bool = True) -> None:
        """Make the rows match `chargers`: update changed ones in place, add new ones and,
        when the list is `complete`, remove the ones not in it (a first load's progress
        pages are not complete: rows shown from the saved fleet stay until the end).
        Unchanged rows emit nothing."""
        self.apply(self.prepare(chargers, self.rows_by_uuid()), complete=complete)

    def prepare(
        self, chargers: Sequence[Charger], known: dict[str, FleetRow] | None = None
    ) -> dict[str, FleetRow]:
        """Judge every charger and work out its row: the costly half of an update (about
        25 µs a charger). Pure Python, no Qt: it may run in a worker thread. A row in
        `known` (`rows_by_uuid()`) made from the very same Charger object is reused: a
        first load's growing lists repeat the chargers already shown."""
        now = self._clock()
        known = known or {}
        prepared: dict[str, FleetRow] = {}
        for charger in chargers:
            old = known.get(charger.uuid)
            if old is not None and old.charger is charger:
                prepared[charger.uuid] = old
            else:
                prepared[charger.uuid] = make_row(charger, self._health(charger, now), now)
        return prepared

    def set_judge(self, health: HealthFn) -> None:
        """Take verdicts from the watch's snapshot (one judgement for table, tray,
        incidents and `plugdesk status`) and judge the rows shown again."""
        self._health = health
        self.refresh_ages()

    def rows_by_uuid(self) -> dict[str, FleetRow]:
        return {r.uuid: r for r in self._rows}

    def apply(self, prepared: dict[str, FleetRow], *, complete: bool = True) -> None:
        """The cheap half, on the GUI thread: swap in the rows that changed, add the new
        ones, remove the gone ones when `complete`, keep the sort order."""
        removed = self._remove_missing(prepared.keys()) if complete else 0
        changed: list[int] = []
        new: list[FleetRow] = []
        for uuid, row in prepared.items():
            position = self._index.get(uuid)
            if position is None:
                new.append(row)
                continue
            old = self._rows[position]
            if old is row or (
                old.charger == row.charger and _same_verdict(old.verdict, row.verdict)
            ):
                continue
            self._rows[position] = row
            changed.append(position)
        self._changed(changed)
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for offset, row in enumerate(new):
                self._rows.append(row)
                self._index[row.uuid] = first + offset
            self.endInsertRows()
        if changed or new:
            self._resort()
        if changed or new or removed:
            self.rows_settled.emit()

    def _remove_missing(self, keep: Iterable[str]) -> int:
        """Remove rows not in `keep`, one begin/end pair per contiguous run of rows (from
        the bottom, so earlier positions stay valid): one call per row cost the proxy and
        the view a pass each, seconds when a saved fleet of thousands was replaced."""
        wanted = set(keep)
        gone = sorted(p for u, p in self._index.items() if u not in wanted)
        if not gone:
            return 0
        for first, last in reversed(_runs(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        self._reindex()
        return len(gone)

    def _reindex(self) -> None:
        self._index = {r.uuid: i for i, r in enumerate(self._rows)}

    # -- sorting ---------------------------------------------------------------------------

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not -1 <= column < _COLUMNS:
            return
        self._sort_column, self._sort_order = column, order
        self._resort()

    def _resort(self) -> None:
        """Put the rows in sort order; persistent indexes (the selection, the current
        row) follow their rows."""
        column = self._sort_column
        if column < 0:
            return
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        ordered = sorted(self._rows, key=lambda r: r.sort_key(column), reverse=descending)
        if all(a is b for a, b in zip(ordered, self._rows, strict=True)):
            return
        self.layoutAboutToBeChanged.emit()
        old_uuids = [r.uuid for r in self._rows]
        self._rows[:] = ordered  # in place: the proxy holds this list (see row_list)
        self._reindex()
        persistent = self.persistentIndexList()
        moved = [
            self.index(self._index[old_uuids[p.row()]], p.column()) for p in persistent
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def refresh_ages(self) -> None:
        """Time moved on: re-read relative ages and re-judge health (heartbeats go stale)."""
        self.apply_ages(self.prepare([r.charger for r in self._rows]))

    def apply_ages(self, prepared: dict[str, FleetRow]) -> None:
        """The GUI-thread half of `refresh_ages`: the same chargers judged again now."""
        if not self._rows:
            return
        changed: list[int] = []
        for position, old in enumerate(self._rows):
            row = prepared.get(old.uuid)
            if row is None or row.charger is not old.charger:
                continue  # the list changed since: the next tick catches up
            if not _same_verdict(old.verdict, row.verdict):
                self._rows[position] = row
                changed.append(position)
            else:
                old.take_age_from(row)
        self._changed(changed)
        if changed:
            self._resort()
            self.rows_settled.emit()
        self.dataChanged.emit(
            self.index(0, Column.HEARTBEAT), self.index(len(self._rows) - 1, Column.HEARTBEAT)
        )

    def set_muted(self, muted: dict[str, str]) -> None:
        """Chargers whose pop-ups are muted (uuid -> a sentence for the tooltip): their
        health cell starts "Muted ·" and its tooltip says until when."""
        if muted == self._muted:
            return
        changed = set(muted) ^ set(self._muted) | {
            u for u in muted if self._muted.get(u) != muted[u]}  # fmt: skip
        self._muted = dict(muted)
        for uuid in changed:
            position = self._index.get(uuid)
            if position is not None:
                cell = self.index(position, Column.HEALTH)
                self.dataChanged.emit(cell, cell)

    def muted(self) -> dict[str, str]:
        return dict(self._muted)

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
        self.rows_settled.emit()

    def _changed(self, positions: Sequence[int]) -> None:
        """One dataChanged from the first to the last changed row, not one per row: each
        emission makes the proxy, the views and the health counters look at the fleet
        again, which for hundreds of rows changing at once (heartbeats, ages in the health
        reasons) was quadratic: 70 ms a refresh at 1,000 chargers, seconds at 5,000."""
        if positions:
            self.dataChanged.emit(
                self.index(min(positions), 0), self.index(max(positions), len(Column) - 1)
            )


@cache
def _icon(level: str) -> QIcon:
    return badge_icon(level)


def _same_verdict(a: Verdict, b: Verdict) -> bool:
    return bool(a.level == b.level and a.reason == b.reason)


def _runs(positions: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted positions as (first, last) runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and runs[-1][1] == position - 1:
            runs[-1] = (runs[-1][0], position)
        else:
            runs.append((position, position))
    return runs


class FleetFilterProxy(QSortFilterProxyModel):
    """Search (every word must match identity, reference, model, firmware or error) and a
    health quick filter (a set of level names, or None for all). Sorting is handed to the
    `FleetTableModel`, which keeps its rows in order: the proxy keeps the source order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._levels: frozenset[str] | None = None
        self._site: str | None = None
        self._rows: list[FleetRow] | None = None
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, FleetTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

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

    @property
    def site(self) -> str | None:
        return self._site

    def set_site(self, uuid: str | None) -> None:
        """Only the chargers of this site (a site UUID), or of every site (None)."""
        if uuid == self._site:
            return
        self.beginFilterChange()
        self._site = uuid
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self._rows = model.row_list if isinstance(model, FleetTableModel) else None
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        # Called for every row on every keystroke: plain lookups only.
        rows = self._rows
        if rows is None:
            return True
        row = rows[source_row]
        if self._levels is not None and row.level_key not in self._levels:
            return False
        if self._site is not None and site_uuid(row.charger) != self._site:
            return False
        text = row.search_text
        for word in self._words:  # noqa: SIM110 - all() and a generator: 2x slower
            if word not in text:
                return False
        return True
