"""The charger list as a Qt table model, plus the proxy that searches and filters it.

Rows are typed (`FleetRow`: the charger and its health verdict) and keyed by UUID. A
refresh is proportional to what changed: each charger is compared with the one held
(decoded structs compare in C), only new and changed ones are judged again, changed rows
get dataChanged (one per run of rows), new ones one insert at the end, gone ones one
remove per run. Nothing resets, so the selection, the sort and the scroll position survive
every refresh.

The model keeps its rows in the chosen sort order itself, sorting precomputed keys in C
(50,000 rows in a few ms); the proxy only filters, over precomputed search texts, in one
pass of Python per change of filter (`FleetFilterProxy`). Sort keys are still readable
through `SORT_ROLE`.
"""

from __future__ import annotations

import asyncio
import re
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from functools import cache
from operator import attrgetter
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPalette

from plugdesk.api.models import Charger
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.judgement import LABELS as HEALTH_LABELS
from plugdesk.services.judgement import judge
from plugdesk.tasks import TaskRunner
from plugdesk.ui import formatting as fmt
from plugdesk.ui.badges import badge_icon, level_key

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

SLICE_FROM = 500  # rows: fewer are judged, keyed and sorted in one go
SLICE_SECONDS = 0.008  # work per turn of the event loop when slicing
SLICE_CHECK = 64  # items between looks at the clock
APPEND_SLICE = 4096  # new rows inserted in one turn (about 6 ms with the proxy and view)
# Rows (after an update) up to which a big update is inserted, sorted in and counted in one
# turn (5,000: about 8 ms). Each turn of a staged update also repaints the list; above
# this, the pieces cost more than a frame and go a turn each.
STAGE_FROM_ROWS = 10_000
INDEX_SLICE = 10_000  # rows indexed in one turn (about 3 ms)
SORT_RUN = 4096  # rows sorted in one piece of a sliced sort (about 2 ms)
MERGE_RUNS_OVER = 32  # more runs of changed rows than this: one dataChanged over them all
SORT_TASK = "fleet-sort-keys"

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


_LEVEL_RANKS = {key: rank for rank, key in enumerate(LEVEL_ORDER)}  # worst first


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
    """One charger and its verdict. What a filter or a sort reads is worked out when the
    row is made (in the sliced, judging half of an update): the site, the casefolded
    search text and the sort key of the model's sort column, so a search or a sort is one
    pass of attribute reads. Cell texts are worked out when first painted, then kept: of
    50,000 rows only the few dozen on screen are ever painted."""

    __slots__ = (
        "_keys", "_now", "_texts", "charger", "key", "key_column", "level_key", "search",
        "site", "uuid", "verdict",
    )

    def __init__(self, charger: Charger, verdict: Verdict, now: datetime) -> None:
        self.charger = charger
        self.uuid = charger.uuid
        self.verdict = verdict
        self.level_key = level_key(verdict.level)
        self.site = site_uuid(charger)
        self.search = _search_text(charger)
        self.key: Any = None  # the sort key of `key_column` (see `keyed`)
        self.key_column = -2
        self._now = now
        self._texts: list[str] | None = None
        self._keys: dict[int, Any] | None = None  # see _other_keys

    @property
    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = _cell_texts(self.charger, self.verdict, self._now)
        return self._texts

    @property
    def search_text(self) -> str:
        return self.search

    def keyed(self, column: int) -> None:
        """Hold the sort key of `column` in `key`, where a sort reads it in C."""
        if self.key_column == column:
            return
        if self.key_column >= 0:  # kept for a sort by that column again
            self._other_keys()[self.key_column] = self.key
        self.key = self.sort_key(column) if column >= 0 else None
        self.key_column = column

    def sort_key(self, column: int) -> Any:
        if column == self.key_column:
            return self.key
        keys = self._keys
        key = keys.get(column) if keys is not None else None
        if key is None:
            key = self._sort_key(column)
            if self.key_column >= 0:  # a row's first key lives in `key` alone
                self._other_keys()[column] = key
        return key

    def _other_keys(self) -> dict[int, Any]:
        """Keys of columns other than `key_column` (made at the first change of column:
        a dict per row of a 50,000-row load was 50,000 more objects to collect)."""
        if self._keys is None:
            self._keys = {}
        return self._keys

    def _sort_key(self, column: int) -> Any:
        charger = self.charger
        identity = fmt.natural_key(charger.identity or charger.uuid)
        if column == Column.IDENTITY:
            return identity
        if column == Column.HEALTH:
            return f"{_LEVEL_RANKS.get(self.level_key, len(LEVEL_ORDER)):02d} {identity}"
        if column == Column.HEARTBEAT:
            seen = charger.last_heartbeat_at
            return seen.timestamp() if seen is not None else 0.0
        shown = self.texts[column]
        return _LAST if shown == fmt.DASH else f"{fmt.natural_key(shown)} {identity}"

    def age_to(self, now: datetime) -> None:
        """The same reading judged again later with the same verdict: only the relative
        age moved on (its text is made again when next painted)."""
        self._now = now
        if self._texts is not None:
            self._texts[Column.HEARTBEAT] = fmt.relative_age(self.charger.last_heartbeat_at, now)


def _search_text(charger: Charger) -> str:
    fields = (
        charger.identity, charger.reference, model_name(charger), charger.firmware_version,
        charger.parsed_firmware_version, charger.error, charger.error_info, charger.uuid,
        site_name(charger),
    )
    return " ".join(filter(None, fields)).casefold()


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


class Prepared:
    """A charger list worked out for the table (`FleetTableModel.prepare`): every row by
    UUID, and the rows made anew (a charger that is new or whose record changed), the
    only ones `apply` has to look at: a refresh of 5,000 chargers in which 10 changed
    costs 10 rows of work, not 5,000."""

    __slots__ = ("fresh", "rows")

    def __init__(self) -> None:
        self.rows: dict[str, FleetRow] = {}
        self.fresh: list[FleetRow] = []

    def __getitem__(self, uuid: str) -> FleetRow:
        return self.rows[uuid]

    def __len__(self) -> int:
        return len(self.rows)

    def merge(self, other: Prepared) -> None:
        self.rows.update(other.rows)
        self.fresh.extend(other.fresh)


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
        # uuid -> position; None after a reorder until next needed (building it for 50,000
        # rows takes 10-30 ms, a turn of its own rather than the sort's).
        self._index: dict[str, int] | None = {}
        self._indexing: dict[str, int] | None = None  # the index being built in slices
        self._version = 0  # counts changes of the rows (which and where), for a sliced sort
        # Rows per health level and per site, kept as rows come, change and go: the
        # counts are read after every update, and a pass over 50,000 rows costs 20 ms.
        self._level_counts: Counter[str] = Counter()
        self._site_counts: Counter[str | None] = Counter()
        self._site_names: dict[str, str] = {}  # site uuid -> name, as the rows last said
        self._health = health
        self._clock = clock
        self._runner: TaskRunner | None = None
        self._stale = False
        self._stale_note = ""
        self._muted: dict[str, str] = {}  # uuid -> "Pop-ups muted until 15:30"
        self._sort_column = -1  # -1: the order the chargers came in, until a view sorts
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._keying = False  # a sort's keys are being worked out a slice at a time
        self._settle_pending = False  # rows_settled comes in the next turn (see _settled)
        self._waiting: list[FleetRow] = []  # new rows of a big update, inserted a slice a turn
        self._bold = QFont()
        self._bold.setBold(True)

    def set_runner(self, runner: TaskRunner | None) -> None:
        """Where a big sort works out its keys a slice at a time (None: all at once)."""
        self._runner = runner

    # -- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount() first: two calls into Python
        # for every index made.
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
        """The rows in model order, for the filter proxy (a method call per row is a third
        of a 5,000-row search). A sort puts a new list here: read it again after any
        change of the model; never change it."""
        return self._rows

    def row_of(self, uuid: str) -> int | None:
        return self._positions().get(uuid)

    def position_of(self, row: FleetRow) -> int | None:
        """Where this very row is now (persistent indexes across a layout change): a scan
        in C, rather than building the whole index in the turn of a sort."""
        if self._index is not None:
            at = self._index.get(row.uuid)
            return at if at is not None and self._rows[at] is row else None
        try:
            return self._rows.index(row)  # FleetRow has no __eq__: identity
        except ValueError:
            return None

    def _positions(self) -> dict[str, int]:
        if self._index is None:
            self._index = dict(zip(map(_ROW_UUID, self._rows), range(len(self._rows)), strict=True))
            self._indexing = None
        return self._index

    def _index_a_slice(self, build: dict[str, int], start: int) -> None:
        """Build the index a slice per turn (50,000 rows take 10-30 ms), unless it was
        needed, or the rows moved again, meanwhile (another build started)."""
        if self._indexing is not build:
            return
        rows = self._rows
        end = start + INDEX_SLICE
        build.update(zip(map(_ROW_UUID, rows[start:end]), range(start, end), strict=False))
        if end < len(rows):
            self._next_turn(lambda: self._index_a_slice(build, end))
        else:
            self._index, self._indexing = build, None

    def site_counts(self) -> dict[str, tuple[str, int]]:
        """Site uuid -> (name, chargers), for the site filter."""
        names = self._site_names
        return {
            uuid: (names.get(uuid, uuid), count)
            for uuid, count in self._site_counts.items()
            if uuid is not None and count > 0
        }

    def health_counts(self) -> Counter[str]:
        return +self._level_counts  # the levels with rows

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
        return self.row_data(self._rows[position], column, role)

    def row_data(self, row: FleetRow, column: int, role: int) -> Any:
        """What `data()` answers for one of the rows (the filter proxy asks directly)."""
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
    ) -> Prepared:
        """The costly half of an update, a slice at a time if need be: compare each
        charger with the one in `known` (`rows_by_uuid()`; decoded structs compare in C,
        about 1 µs) and judge and lay out only the new and the changed ones (about
        25 µs each). An unchanged row is kept, holding this reading of its charger (the
        object the watch's snapshot judged). Pure Python, no Qt signals."""
        known = known or {}
        prepared = Prepared()
        chargers = list(chargers)
        uuids = list(map(_CHARGER_UUID, chargers))
        olds = list(map(known.get, uuids))
        # The common case, in C: no charger of this slice changed (list equality checks
        # identity, then the structs' own ==); then only this reading is swapped in.
        held = [row for row in olds if row is not None]
        if len(held) == len(chargers) and list(map(_ROW_CHARGER, held)) == chargers:
            for old, charger in zip(held, chargers, strict=True):
                old.charger = charger
            prepared.rows.update(zip(uuids, held, strict=True))
            return prepared
        now = self._clock()
        column = self._sort_column
        rows, fresh = prepared.rows, prepared.fresh
        for uuid, known_row, charger in zip(uuids, olds, chargers, strict=True):
            if known_row is not None and (
                known_row.charger is charger or known_row.charger == charger
            ):
                known_row.charger = charger
                rows[uuid] = known_row
                continue
            row = FleetRow(charger, self._health(charger, now), now)
            row.keyed(column)
            rows[uuid] = row
            fresh.append(row)
        return prepared

    def set_judge(self, health: HealthFn) -> None:
        """Take verdicts from the watch's snapshot (one judgement for table, tray,
        incidents and `plugdesk status`) and judge the rows shown again."""
        self._health = health
        self.refresh_ages()

    def rows_by_uuid(self) -> dict[str, FleetRow]:
        return dict(zip(map(_ROW_UUID, self._rows), self._rows, strict=True))

    def apply(self, prepared: Prepared, *, complete: bool = True) -> None:
        """The cheap half, on the GUI thread: swap in the rows that changed (dataChanged
        for each run of them), add the new ones (one insert at the end), remove the gone
        ones when `complete` (one remove per run), keep the sort order."""
        flushed = self._insert_waiting_now()
        removed = self._remove_missing(prepared.rows) if complete else 0
        column = self._sort_column
        # Lookups by the map of C, Python only for what changed: a first load of 50,000
        # must not spend a loop turn on a Python call per row.
        latest = dict(zip(map(_ROW_UUID, prepared.fresh), prepared.fresh, strict=True))
        positions = list(map(self._positions().get, latest))
        new = [row for row, at in zip(latest.values(), positions, strict=True) if at is None]
        for row in [row for row in new if row.key_column != column]:
            row.keyed(column)  # the sort column changed since the row was made
        changed: list[int] = []
        moved = False  # a changed row's sort key changed
        for row, position in zip(latest.values(), positions, strict=True):
            if position is None:
                continue
            old = self._rows[position]
            if old is row or (
                old.charger == row.charger and _same_verdict(old.verdict, row.verdict)
            ):
                continue
            row.keyed(column)
            old.keyed(column)
            moved = moved or old.key != row.key
            self._replace(position, row)
            changed.append(position)
        self._note_sites(new)
        self._note_sites([self._rows[p] for p in changed])
        self._changed(changed)
        if len(new) > SLICE_FROM and self._staged(len(self._rows) + len(new)):
            # A slice per turn, then merged into the sort order in a turn of its own:
            # inserting 20,000 rows and merging them cost the loop 30-70 ms in one piece.
            # The rows are shown at the end of the list meanwhile.
            self._waiting += new
            self._next_turn(self._insert_waiting)
        else:
            if new:
                self._append(new)
            if moved or new or flushed:
                self._resort()
        if changed or new or removed:
            self._settled(len(changed) + len(new) + removed)

    def _insert_waiting(self) -> None:
        """The next slice of a big update's new rows (see `apply`); after the last, the
        merge into the sort order and then the settled signal, each in a later turn."""
        if not self._waiting:
            return
        chunk, self._waiting = self._waiting[:APPEND_SLICE], self._waiting[APPEND_SLICE:]
        column = self._sort_column
        if not self._keying:
            for row in [row for row in chunk if row.key_column != column]:
                row.keyed(column)  # the sort column changed since the update came
        self._append(chunk)
        if self._waiting:
            self._next_turn(self._insert_waiting)
        else:
            self._next_turn(self._resort)
            self._settled(APPEND_SLICE)

    def _insert_waiting_now(self) -> bool:
        """Insert the rows still waiting (before another update): whether there were."""
        waiting, self._waiting = self._waiting, []
        if waiting:
            self._append(waiting)
        return bool(waiting)

    def _settled(self, rows: int) -> None:
        """Say the rows settled: at once, or for a big apply on a running loop in the next
        turn (the counts and the site list read every row: 25 ms at 50,000, a turn of
        their own)."""
        if rows <= SLICE_FROM or not self._staged(len(self._rows)):
            self.rows_settled.emit()
        elif not self._settle_pending:
            self._settle_pending = True
            self._next_turn(self._settle_now)

    @staticmethod
    def _staged(rows: int) -> bool:
        """Whether a big update of a list of `rows` is spread over turns of the loop."""
        return rows > STAGE_FROM_ROWS and loop_running()

    def _next_turn(self, work: Callable[[], object]) -> None:
        """`work` in a later turn of the loop. A 1 ms timer, not 0: a 0 ms single shot is
        a posted event, run in the same pass as the work that posted it, so the pieces
        would add up to one long stall again; timers run in the order they fall due."""
        QTimer.singleShot(1, self, work)

    def _settle_now(self) -> None:
        self._settle_pending = False
        self.rows_settled.emit()

    def _append(self, new: list[FleetRow]) -> None:
        """New rows in one insert at the end, in sort order among themselves: the resort
        that follows then only merges two sorted runs."""
        if self._sort_column >= 0 and not self._keying:
            new.sort(key=_ROW_KEY, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend(new)
        self._version += 1
        self._count(new, 1)
        if self._index is not None:
            added = range(first, first + len(new))
            self._index.update(zip(map(_ROW_UUID, new), added, strict=True))
        self.endInsertRows()

    def _replace(self, position: int, row: FleetRow) -> None:
        old = self._rows[position]
        self._rows[position] = row
        self._version += 1
        if old.level_key != row.level_key or old.site != row.site:
            self._count([old], -1)
            self._count([row], 1)

    def _count(self, rows: Sequence[FleetRow], sign: int) -> None:
        """Add `rows` to the level and site counts (sign 1), or take them out (-1)."""
        levels, sites = Counter(map(_ROW_LEVEL, rows)), Counter(map(_ROW_SITE, rows))
        if sign > 0:
            self._level_counts.update(levels)
            self._site_counts.update(sites)
        else:
            self._level_counts.subtract(levels)
            self._site_counts.subtract(sites)

    def _note_sites(self, rows: list[FleetRow]) -> None:
        """The site names the filter shows, from one row of each site."""
        one_per_site = dict(zip(map(_ROW_SITE, rows), rows, strict=True))
        one_per_site.pop(None, None)
        for site, row in one_per_site.items():
            self._site_names[site] = site_name(row.charger) or site

    def _remove_missing(self, keep: dict[str, FleetRow]) -> int:
        """Remove rows not in `keep`, one begin/end pair per contiguous run of rows (from
        the bottom, so earlier positions stay valid): one call per row cost the proxy and
        the view a pass each, seconds when a saved fleet of thousands was replaced."""
        index = self._positions()
        missing = index.keys() - keep.keys()  # a set operation, in C
        if not missing:
            return 0
        gone = sorted(index[uuid] for uuid in missing)
        for first, last in reversed(_runs(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            self._count(self._rows[first : last + 1], -1)
            del self._rows[first : last + 1]
            self._version += 1
            self.endRemoveRows()
        self._reindex()
        return len(gone)

    def _reindex(self) -> None:
        """The positions moved: the index is built again when next needed, or in the next
        turn of a running loop (a turn of its own)."""
        self._index = None
        if loop_running():
            build = self._indexing = {}
            self._next_turn(lambda: self._index_a_slice(build, 0))

    # -- sorting ---------------------------------------------------------------------------

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column`. The keys of a column not sorted by before are worked out
        first: 50,000 of them take about a second, so a big table does that a slice at a
        time (the rows keep their order until it is done)."""
        if not -1 <= column < _COLUMNS:
            return
        self._sort_column, self._sort_order = column, order
        unkeyed = [row for row in self._rows if row.key_column != column]
        runner = self._runner
        if len(unkeyed) > SLICE_FROM and runner is not None and loop_running():
            self._keying = True
            runner.start(self._key_then_sort(unkeyed, column), SORT_TASK)
            return
        if runner is not None:
            runner.cancel(SORT_TASK)
        self._keying = False
        for row in unkeyed:
            row.keyed(column)
        self._resort()

    async def _key_then_sort(self, rows: list[FleetRow], column: int) -> None:
        def key(chunk: Sequence[FleetRow]) -> None:
            for row in chunk:
                row.keyed(column)

        await in_slices(rows, key)
        if column != self._sort_column:
            return
        for row in [row for row in self._rows if row.key_column != column]:
            row.keyed(column)  # came in meanwhile
        runs = await self._sorted_runs()
        if column != self._sort_column:
            return
        self._keying = False
        self._resort(runs)

    async def _sorted_runs(self) -> list[FleetRow] | None:
        """The rows in sort order, worked out a slice of time at a time: runs of SORT_RUN
        rows sorted, then merged in pairs (sorting 50,000 shuffled rows at once took the
        loop 25 ms and more, and so did merging many runs in one go). None when the rows
        changed meanwhile."""
        version = self._version
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        rows = self._rows
        runs = [rows[start : start + SORT_RUN] for start in range(0, len(rows), SORT_RUN)]
        started = time.perf_counter()

        async def sort_each(pieces: list[list[FleetRow]]) -> list[list[FleetRow]]:
            nonlocal started
            done = []
            for piece in pieces:
                done.append(sorted(piece, key=_ROW_KEY, reverse=descending))
                if time.perf_counter() - started > SLICE_SECONDS:
                    await asyncio.sleep(0)
                    started = time.perf_counter()
            return done

        runs = await sort_each(runs)
        while len(runs) > 1:
            # Two sorted runs sorted together: timsort finds them and merges, in C.
            pairs = [runs[i] + runs[i + 1] if i + 1 < len(runs) else runs[i]
                     for i in range(0, len(runs), 2)]  # fmt: skip
            runs = await sort_each(pairs)
        if version != self._version:
            return None
        return runs[0] if runs else []

    def _resort(self, runs: list[FleetRow] | None = None) -> None:
        """Put the rows in sort order (a sort of precomputed keys, in C; `runs`: the same
        rows already in sorted runs); persistent indexes (the selection, the current row)
        follow their rows."""
        if self._sort_column < 0 or self._keying:
            return
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        ordered = sorted(self._rows if runs is None else runs, key=_ROW_KEY, reverse=descending)
        if ordered == self._rows:  # FleetRow has no __eq__: identity, in C
            return
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._rows = ordered
        self._version += 1
        self._reindex()
        persistent = self.persistentIndexList()
        moved_to = {id(row): ordered.index(row) for row in {before[p.row()] for p in persistent}}
        moved = [self.createIndex(moved_to[id(before[p.row()])], p.column()) for p in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- time moving on --------------------------------------------------------------------

    def refresh_ages(self) -> None:
        """Time moved on: re-read relative ages and re-judge health (heartbeats go stale)."""
        self.apply_ages(self.judge_again(list(self._rows)))

    def judge_again(self, rows: Sequence[FleetRow]) -> dict[str, FleetRow]:
        """The costly half of `refresh_ages` (a slice at a time if need be): judge `rows`
        again now. A row whose verdict holds only has its age moved on, in place; the
        others come back as new rows, for `apply_ages`."""
        now = self._clock()
        column = self._sort_column
        changed: dict[str, FleetRow] = {}
        for old in rows:
            verdict = self._health(old.charger, now)
            if _same_verdict(old.verdict, verdict):
                old.age_to(now)
                continue
            row = changed[old.uuid] = FleetRow(old.charger, verdict, now)
            row.keyed(column)
        return changed

    def apply_ages(self, changed: dict[str, FleetRow]) -> None:
        """The GUI-thread half of `refresh_ages`: swap in the rows whose verdict moved on,
        then repaint the ages."""
        if not self._rows:
            return
        positions: list[int] = []
        moved = False
        for uuid, row in changed.items():
            position = self._positions().get(uuid)
            if position is None:
                continue
            old = self._rows[position]
            if row.charger is not old.charger:
                continue  # the list changed since: the next tick catches up
            old.keyed(self._sort_column)
            row.keyed(self._sort_column)
            moved = moved or old.key != row.key
            self._replace(position, row)
            positions.append(position)
        self._changed(positions)
        if positions:
            if moved:
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
        index = self._positions()
        for uuid in changed:
            position = index.get(uuid)
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
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(Column) - 1),
                [_FOREGROUND, _TOOLTIP],  # nothing a filter reads
            )

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._waiting = []
        self._version += 1
        self._index, self._indexing = {}, None
        self._level_counts.clear()
        self._site_counts.clear()
        self._site_names.clear()
        self.endResetModel()
        self.rows_settled.emit()

    def _changed(self, positions: Sequence[int]) -> None:
        """One dataChanged per run of changed rows, so unchanged rows are not signalled;
        past MERGE_RUNS_OVER runs, one from the first to the last (each emission makes the
        proxy and the views look again: hundreds at once cost more than one wide one)."""
        if not positions:
            return
        runs = _runs(sorted(positions))
        if len(runs) > MERGE_RUNS_OVER:
            runs = [(runs[0][0], runs[-1][1])]
        last_column = len(Column) - 1
        for first, last in runs:
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))


_CHARGER_UUID = attrgetter("uuid")
_ROW_CHARGER = attrgetter("charger")
_ROW_KEY = attrgetter("key")
_ROW_UUID = attrgetter("uuid")
_ROW_SITE = attrgetter("site")
_ROW_LEVEL = attrgetter("level_key")


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


def loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


async def in_slices(items: Sequence[T], work: Callable[[Sequence[T]], object]) -> None:
    """`work` on consecutive chunks of `items`, letting the event loop run whenever this
    turn has used SLICE_SECONDS: a 60 Hz frame is 16 ms, and the loop's own work (paints,
    network, timers) needs some of it. Slices by time, not by count: comparing an
    unchanged charger costs 1 µs, judging a changed one 25 µs."""
    started = time.perf_counter()
    for start in range(0, len(items), SLICE_CHECK):
        work(items[start : start + SLICE_CHECK])
        if time.perf_counter() - started > SLICE_SECONDS:
            await asyncio.sleep(0)
            started = time.perf_counter()


class FleetFilterProxy(QAbstractProxyModel):
    """Search (every word must match identity, reference, model, firmware, error, uuid or
    site), a health quick filter (a set of level names, or None for all) and a site
    filter, worked out here in Python in one pass over the rows' precomputed search texts:
    the visible rows are a sorted list of source positions, and a change of filter is one
    layout change. Qt never calls back into Python per row (a QSortFilterProxyModel calls
    `filterAcceptsRow` for each of 5,000 rows on every keystroke), and asks `data()` only
    for the cells it paints. Sorting is handed to the `FleetTableModel`, which keeps its
    rows in order: the proxy keeps the source order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._levels: frozenset[str] | None = None
        self._site: str | None = None
        self._fleet: FleetTableModel | None = None
        self._shown: list[int] = []  # source positions of the rows shown, ascending
        self._removing: tuple[int, int] | None = None  # proxy rows of a pending remove
        self._saved: list[tuple[int, int, FleetRow]] = []  # persistent (row, column, its row)

    # -- the filter ------------------------------------------------------------------------

    @property
    def search_text(self) -> str:
        return " ".join(self._words)

    @property
    def levels(self) -> frozenset[str] | None:
        return self._levels

    @property
    def site(self) -> str | None:
        return self._site

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        # Typing on narrows what is shown: only the rows shown need a look.
        narrowing = len(words) >= len(self._words) and all(
            old in new for old, new in zip(self._words, words, strict=False)
        )
        self._words = words
        self._refilter(self._shown if narrowing else None)

    def set_levels(self, levels: Iterable[str] | None) -> None:
        wanted = None if levels is None else frozenset(level_key(x) for x in levels)
        if wanted == self._levels:
            return
        self._levels = wanted
        self._refilter()

    def set_site(self, uuid: str | None) -> None:
        """Only the chargers of this site (a site UUID), or of every site (None)."""
        if uuid == self._site:
            return
        self._site = uuid
        self._refilter()

    def _filtering(self) -> bool:
        return bool(self._words) or self._levels is not None or self._site is not None

    def _accepted(self, positions: Sequence[int]) -> list[int]:
        """The positions of `positions` whose rows pass the filter, in order: a tight
        comprehension per condition (50,000 rows: a few ms a word)."""
        if self._fleet is None:
            return []
        rows = self._fleet.row_list
        picked = list(positions)
        if self._levels is not None:
            levels = self._levels
            picked = [p for p in picked if rows[p].level_key in levels]
        if self._site is not None:
            site = self._site
            picked = [p for p in picked if rows[p].site == site]
        for word in self._words:
            picked = [p for p in picked if word in rows[p].search]
        return picked

    def _all_accepted(self) -> list[int]:
        count = 0 if self._fleet is None else self._fleet.rowCount()
        everything = range(count)
        return self._accepted(everything) if self._filtering() else list(everything)

    def _refilter(self, among: Sequence[int] | None = None) -> None:
        """Show what the filter passes (of `among`, when the change can only narrow it):
        one layout change; the selection follows its rows, or is dropped if hidden."""
        shown = self._accepted(among) if among is not None else self._all_accepted()
        if shown == self._shown:
            return
        self.layoutAboutToBeChanged.emit()
        self._save_persistent()
        self._shown = shown
        self._restore_persistent()
        self.layoutChanged.emit()

    def _save_persistent(self) -> None:
        """Which charger each persistent index (the selection, the current row) is on."""
        rows = self._fleet.row_list if self._fleet is not None else []
        shown = self._shown
        self._saved = [
            (p.row(), p.column(), rows[shown[p.row()]])
            for p in self.persistentIndexList()
            if 0 <= p.row() < len(shown)
        ]

    def _restore_persistent(self) -> None:
        """Each persistent index to its charger's new row, or invalid if it is hidden."""
        old: list[QModelIndex] = []
        new: list[QModelIndex] = []
        fleet = self._fleet
        found: dict[int, int | None] = {}  # id(FleetRow) -> its position now
        for row, column, fleet_row in self._saved:
            key = id(fleet_row)
            if key not in found:
                found[key] = fleet.position_of(fleet_row) if fleet is not None else None
            position = found[key]
            moved = self._proxy_row(position) if position is not None else None
            old.append(self.createIndex(row, column))
            new.append(QModelIndex() if moved is None else self.createIndex(moved, column))
        self._saved = []
        if old:
            self.changePersistentIndexList(old, new)

    def _proxy_row(self, source_row: int) -> int | None:
        shown = self._shown
        at = bisect_left(shown, source_row)
        return at if at < len(shown) and shown[at] == source_row else None

    # -- the source's signals --------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._wiring(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._fleet = model if isinstance(model, FleetTableModel) else None
        if self._fleet is not None:
            for signal, slot in self._wiring(model):
                signal.connect(slot)
        self._shown = self._all_accepted()
        self.endResetModel()

    def _wiring(self, model: QAbstractItemModel) -> list[tuple[Any, Callable[..., None]]]:
        return [
            (model.dataChanged, self._on_data_changed),
            (model.rowsInserted, self._on_rows_inserted),
            (model.rowsAboutToBeRemoved, self._on_rows_about_to_be_removed),
            (model.rowsRemoved, self._on_rows_removed),
            (model.layoutAboutToBeChanged, self._on_layout_about_to_change),
            (model.layoutChanged, self._on_layout_changed),
            (model.modelAboutToBeReset, self.beginResetModel),
            (model.modelReset, self._on_reset),
        ]

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                         roles: Sequence[int] = ()) -> None:  # fmt: skip
        first, last = top_left.row(), bottom_right.row()
        ages_only = top_left.column() == bottom_right.column() == Column.HEARTBEAT
        if self._filtering() and not ages_only and (not roles or _DISPLAY in roles):
            lo = bisect_left(self._shown, first)
            hi = bisect_right(self._shown, last)
            if self._accepted(range(first, last + 1)) != self._shown[lo:hi]:
                self._refilter()  # a changed row now passes the filter, or no longer does
        lo = bisect_left(self._shown, first)
        hi = bisect_right(self._shown, last) - 1
        if lo <= hi:
            self.dataChanged.emit(
                self.createIndex(lo, top_left.column()),
                self.createIndex(hi, bottom_right.column()),
                list(roles),
            )

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        count = last - first + 1
        shown = self._shown
        at = bisect_left(shown, first)
        if at < len(shown):  # rows after the insert moved down in the source
            shown[at:] = [p + count for p in shown[at:]]
        accepted = self._accepted(range(first, last + 1))
        if accepted:
            self.beginInsertRows(QModelIndex(), at, at + len(accepted) - 1)
            shown[at:at] = accepted
            self.endInsertRows()

    def _on_rows_about_to_be_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        lo = bisect_left(self._shown, first)
        hi = bisect_right(self._shown, last) - 1
        self._removing = (lo, hi)
        if lo <= hi:
            self.beginRemoveRows(QModelIndex(), lo, hi)

    def _on_rows_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        lo, hi = self._removing or (0, -1)
        self._removing = None
        count = last - first + 1
        shown = self._shown
        del shown[lo : hi + 1]
        shown[lo:] = [p - count for p in shown[lo:]]
        if lo <= hi:
            self.endRemoveRows()

    def _on_layout_about_to_change(self, *_args: object) -> None:
        self.layoutAboutToBeChanged.emit()
        self._save_persistent()

    def _on_layout_changed(self, *_args: object) -> None:
        self._shown = self._all_accepted()
        self._restore_persistent()
        self.layoutChanged.emit()

    def _on_reset(self) -> None:
        self._shown = self._all_accepted()
        self.endResetModel()

    # -- the model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if 0 <= row < len(self._shown) and 0 <= column < _COLUMNS and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def parent(self, child: Index | None = None) -> Any:  # type: ignore[override]
        if child is None:
            return QObject.parent(self)  # the QObject's parent
        return QModelIndex()

    def sibling(self, row: int, column: int, _index: Index) -> QModelIndex:
        return self.index(row, column)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._shown)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED or self._fleet is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._shown) and 0 <= column < _COLUMNS):
            return None
        fleet = self._fleet
        return fleet.row_data(fleet.row_list[self._shown[row]], column, role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a delegate asks for a cell in one call into Python (Qt's default
        calls `data()` once per role: seven a painted cell)."""
        row, column = index.row(), index.column()
        fleet = self._fleet
        if fleet is None or not (0 <= row < len(self._shown) and 0 <= column < _COLUMNS):
            return
        fleet_row = fleet.row_list[self._shown[row]]
        for role_data in roleDataSpan:  # type: ignore[union-attr]  # iterable in PySide
            role = role_data.role()
            value = fleet.row_data(fleet_row, column, role) if role in _ANSWERED else None
            if value is None:
                # Views reuse their span from cell to cell: what the last cell had (its
                # icon) would show in this one.
                role_data.clearData()
            else:
                role_data.setData(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and self._fleet is not None:
            return self._fleet.headerData(section, orientation, role)
        return None

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        row = proxy_index.row()
        if self._fleet is None or not proxy_index.isValid() or not 0 <= row < len(self._shown):
            return QModelIndex()
        return self._fleet.index(self._shown[row], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_row(source_index.row())
        return QModelIndex() if row is None else self.createIndex(row, source_index.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._fleet is not None:
            self._fleet.sort(column, order)


_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
