"""The "Events" pane: the incident history from the store, newest first.

Each row is one incident (a fault, an outage or a silence of one charger): when it opened
and closed in local time with a relative age, how long it lasted, the error code and the
charger's own words. Filters: charger text (identity, reference or UUID), kind, open or
closed. A double-click selects the charger in the Chargers pane; the context menu mutes a
charger's pop-ups for 1 h, 24 h or until its incidents resolve (the tracker owns mutes).

The model keeps typed rows keyed by incident id and updates them in place when the history
changes, so the selection and scroll position survive every refresh.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from plugdesk.domain.incidents import MUTE_1H, MUTE_24H
from plugdesk.domain.store import Incident
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.incidents import IncidentService, PendingProblem
from plugdesk.ui import formatting as fmt
from plugdesk.ui.badges import badge_icon
from plugdesk.ui.table_model import FIRST_OWN_ROLE, SORT_ROLE, RowTableModel
from plugdesk.ui.tables import set_up_table

Index = QModelIndex | QPersistentModelIndex

UUID_ROLE = FIRST_OWN_ROLE
INCIDENT_ROLE = FIRST_OWN_ROLE + 1
AGE_TICK_MS = 30_000
_LAST = "\uffff"  # sorts missing text after every real value

KIND_LABELS = {  # English; shown through kind_label()
    "fault": QT_TRANSLATE_NOOP("Health", "Fault"),
    "offline": QT_TRANSLATE_NOOP("Health", "Offline"),
    "stale": QT_TRANSLATE_NOOP("Health", "Stale"),
    "action": QT_TRANSLATE_NOOP("Health", "Action"),
}
translate = QCoreApplication.translate
# The badge an open incident wears: the health level its kind stands for.
_KIND_LEVELS = {"fault": "FAULT", "offline": "OFFLINE", "stale": "STALE"}
ACTION_KIND = "action"  # rows of the action audit trail (see `set_action_source`)


class EventColumn(IntEnum):
    STATE = 0
    CHARGER = 1
    KIND = 2
    ERROR = 3
    INFO = 4
    OPENED = 5
    CLOSED = 6
    LASTED = 7


HEADERS = {
    EventColumn.STATE: QT_TRANSLATE_NOOP("EventsModel", "State"),
    EventColumn.CHARGER: QT_TRANSLATE_NOOP("EventsModel", "Charger"),
    EventColumn.KIND: QT_TRANSLATE_NOOP("EventsModel", "Kind"),
    EventColumn.ERROR: QT_TRANSLATE_NOOP("EventsModel", "Error code"),
    EventColumn.INFO: QT_TRANSLATE_NOOP("EventsModel", "Info"),
    # Began, Ended and Lasted agree: Lasted = Ended - Began, all from PlugDesk's sightings
    # (the alert time, after the grace period, is in the tooltip). Began and Ended are
    # shown with the local zone: "Began (CET)".
    EventColumn.OPENED: QT_TRANSLATE_NOOP("EventsModel", "Began"),
    EventColumn.CLOSED: QT_TRANSLATE_NOOP("EventsModel", "Ended"),
    EventColumn.LASTED: QT_TRANSLATE_NOOP("EventsModel", "Lasted"),
}
# Began and Ended are local times: "Began (CET)".
ZONED_HEADERS = {EventColumn.OPENED: fmt.local_zone, EventColumn.CLOSED: fmt.local_zone}
COLUMN_WIDTHS = {
    EventColumn.STATE: 90,
    EventColumn.CHARGER: 170,
    EventColumn.KIND: 80,
    EventColumn.ERROR: 170,
    EventColumn.INFO: 220,
    EventColumn.OPENED: 210,
    EventColumn.CLOSED: 210,
}
_TIME_COLUMNS = (EventColumn.OPENED, EventColumn.CLOSED, EventColumn.LASTED)


def kind_label(kind: str) -> str:
    label = KIND_LABELS.get(kind)
    return translate("Health", label) if label else kind.title() or fmt.DASH


def charger_label(incident: Incident) -> str:
    """The manager's label with the identity beside it ("Gate (PC-003)"): labels need not
    be unique, and the identity is what is printed on the charger."""
    name, identity = incident.charger_name, incident.charger_identity
    return f"{name} ({identity})" if identity and identity != name else name


def is_pending(incident: Incident) -> bool:
    """A row made by `pending_row`: a problem still inside its grace period."""
    return incident.id < 0


_PENDING_SEEN = {  # "{age}": "2 min ago", "just now"
    "fault": QT_TRANSLATE_NOOP("EventsModel", "Faulted {age}"),
    "offline": QT_TRANSLATE_NOOP("EventsModel", "Went offline {age}"),
    "stale": QT_TRANSLATE_NOOP("EventsModel", "Went quiet {age}"),
}
_SEEN = QT_TRANSLATE_NOOP("EventsModel", "Seen {age}")
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "EventsPane",
    "No problems so far. A problem shows here as soon as a refresh sees it, marked "
    "“Pending” while its grace period runs (2 min for faults, 5 min for offline by "
    "default; see Settings); only a problem that lasts becomes an incident and alerts.",
)


def pending_row(problem: PendingProblem) -> Incident:
    """A pending problem as an Events row: a negative id that stays the same from one
    refresh to the next (so the row updates in place), opened_at = when it will alert."""
    # One row per charger, kind and connector: two connectors' faults are two rows.
    key = zlib.crc32(f"{problem.charger_uuid}|{problem.kind}|{problem.connector_id}".encode())
    return Incident(
        id=-(key + 1),
        charger_uuid=problem.charger_uuid,
        charger_identity=problem.charger_identity,
        charger_reference=problem.charger_reference,
        kind=problem.kind,
        error_code=problem.error_code,
        error_info=problem.error_info,
        opened_at=problem.alert_at,
        closed_at=None,
        notified_open=False,
        notified_close=False,
        first_seen_at=problem.first_seen_at,
        connector_id=problem.connector_id,
    )


def pending_text(incident: Incident, now: datetime) -> str:
    """ "Faulted 1 min ago — alert in 1 min"."""
    seen = translate("EventsModel", _PENDING_SEEN.get(incident.kind, _SEEN))
    left = incident.opened_at - now
    when = (
        translate("EventsModel", "alert in {left}").format(left=fmt.duration(left))
        if left > timedelta(seconds=30)
        else translate("EventsModel", "alert due now")
    )
    return f"{seen.format(age=fmt.relative_age(incident.first_seen_at, now))} — {when}"


def lasted(incident: Incident, now: datetime) -> timedelta:
    """From the first sighting of the condition to its end (or to now while open)."""
    return (incident.closed_at or now) - incident.first_seen_at


class EventsModel(RowTableModel[Incident]):
    """Incidents as rows; `set_incidents` updates in place (keyed by incident id)."""

    columns = EventColumn
    context = "EventsModel"
    headers = HEADERS
    header_units = ZONED_HEADERS

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._index: dict[int, int] = {}
        self._clock = clock

    # -- reading ------------------------------------------------------------------------

    def incident(self, row: int) -> Incident:
        return self.row_at(row)

    def incidents(self) -> list[Incident]:
        return self.rows()

    def row_of(self, incident_id: int) -> int | None:
        return self._index.get(incident_id)

    def extra(self, row: Incident, column: int, role: int) -> Any:
        if role == UUID_ROLE:
            return row.charger_uuid
        if role == INCIDENT_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column == EventColumn.STATE:
            return badge_icon(_KIND_LEVELS.get(row.kind, "UNKNOWN") if row.is_open
                              else "OK")  # fmt: skip
        return None

    def display(self, row: Incident, column: int) -> str:
        incident, now = row, self._clock()
        if column == EventColumn.STATE:
            if incident.kind == ACTION_KIND:
                return self.tr("Sent")
            if is_pending(incident):
                return self.tr("Pending")
            return self.tr("Open") if incident.is_open else self.tr("Closed")
        if column == EventColumn.OPENED and is_pending(incident):
            return pending_text(incident, now)
        if column == EventColumn.CHARGER:
            return charger_label(incident)
        if column == EventColumn.KIND:
            return kind_label(incident.kind)
        if column == EventColumn.ERROR:
            if incident.kind == ACTION_KIND and incident.error_code:  # "Restart": marked
                return translate("Actions", incident.error_code)  # in domain/actions.py
            if incident.connector_id is not None:  # "Connector 2: HighTemperature"
                return self.tr("Connector {number}: {error}").format(
                    number=incident.connector_id, error=fmt.text(incident.error_code)
                )
            return fmt.text(incident.error_code)
        if column == EventColumn.INFO:
            return fmt.text(incident.error_info)
        if column == EventColumn.OPENED:
            return fmt.with_age(incident.first_seen_at, now)
        if column == EventColumn.CLOSED:
            return fmt.with_age(incident.closed_at, now)
        return fmt.duration(lasted(incident, now))

    def sort_key(self, row: Incident, column: int) -> str:
        # Text keys, so Qt compares them in C++; fixed-width numbers sort as text, and the
        # id breaks ties so equal keys keep a stable order.
        incident = row
        tie = f"{incident.id:012d}"
        if column == EventColumn.OPENED:
            return f"{incident.first_seen_at.timestamp():018.6f}|{tie}"
        if column == EventColumn.CLOSED:
            closed = incident.closed_at
            return f"{_LAST if closed is None else f'{closed.timestamp():018.6f}'}|{tie}"
        if column == EventColumn.LASTED:
            seconds = max(0.0, lasted(incident, self._clock()).total_seconds())
            return f"{seconds:018.3f}|{tie}"
        shown = self.display(incident, column)
        return f"{_LAST if shown == fmt.DASH else fmt.natural_key(shown)}\x1f{tie}"

    def tooltip(self, row: Incident, column: int) -> str | None:
        incident = row
        if column == EventColumn.CHARGER:
            parts = [incident.charger_reference, incident.charger_identity, incident.charger_uuid]
            return "\n".join(dict.fromkeys(p for p in parts if p))
        if column == EventColumn.OPENED and is_pending(incident):
            return self.tr(
                "First seen {seen}; if it lasts, it opens an incident and alerts at {alert}"
            ).format(
                seen=fmt.local_time_seconds(incident.first_seen_at),
                alert=fmt.local_time_seconds(incident.opened_at),
            )
        if column == EventColumn.OPENED:
            seen = fmt.local_time_seconds(incident.first_seen_at)
            return self.tr("First seen {seen}\nAlerted {alerted} (after the grace period)").format(
                seen=seen, alerted=fmt.local_time_seconds(incident.opened_at)
            )
        if column == EventColumn.CLOSED and incident.closed_at is not None:
            return self.tr("First seen cleared {time}").format(
                time=fmt.local_time_seconds(incident.closed_at)
            )
        if column == EventColumn.INFO and incident.error_info:
            return incident.error_info
        return None

    # -- updating in place --------------------------------------------------------------

    def set_incidents(self, incidents: Sequence[Incident]) -> None:
        """Make the rows match (the proxy sorts them; nothing resets, so selection and
        scroll survive)."""
        self.sync_rows(incidents, key=_incident_id)
        self._index = {r.id: p for p, r in enumerate(self._rows)}

    def refresh_ages(self) -> None:
        """Time moved on: relative ages and open incidents' durations change."""
        self.columns_changed(min(_TIME_COLUMNS), max(_TIME_COLUMNS))


def _incident_id(incident: Incident) -> int:
    return incident.id


class EventsFilterProxy(QSortFilterProxyModel):
    """Charger text (every word must match name, identity, reference or UUID), kind and
    state filters; sorts by `SORT_ROLE`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._kind: str | None = None
        self._state: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            self._refilter(lambda: setattr(self, "_words", words))

    def set_kind(self, kind: str | None) -> None:
        if kind != self._kind:
            self._refilter(lambda: setattr(self, "_kind", kind))

    def set_state(self, state: str | None) -> None:
        """ "open", "closed" or None for both."""
        if state != self._state:
            self._refilter(lambda: setattr(self, "_state", state))

    def _refilter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        if not isinstance(source, EventsModel) or source_parent.isValid():
            return True
        incident = source.incident(source_row)
        if self._kind is not None and incident.kind != self._kind:
            return False
        if self._state == "open" and not incident.is_open:
            return False
        if self._state == "closed" and incident.is_open:
            return False
        if not self._words:
            return True
        names = (incident.charger_identity, incident.charger_reference, incident.charger_uuid)
        haystack = " ".join(p for p in names if p).casefold()
        return all(word in haystack for word in self._words)


class EventsPane(QWidget):
    """The Events tab. Reads the history through the IncidentService (no SQL here)."""

    charger_activated = Signal(str)  # double-click: select this charger in the window
    mute_changed = Signal(str, str)  # uuid, a sentence for the status bar
    show_log_requested = Signal(str, object)  # uuid, datetime: the OCPP log from then
    exported = Signal(str)  # a sentence for the status bar

    def __init__(
        self,
        service: IncidentService | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.action_source: Any = None  # ChargerActions: adds the audit trail's rows
        self.model = EventsModel(self, clock=clock)
        self.proxy = EventsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by charger: identity, reference or UUID"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter events by charger"))
        self.search.textChanged.connect(self.proxy.set_text)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Kind of event"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in KIND_LABELS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_filter.currentData())
        )
        self.state_filter = QComboBox()
        self.state_filter.setAccessibleName(self.tr("Open or closed"))
        for label, state in (
            (self.tr("Open and closed"), None),
            (self.tr("Open"), "open"),
            (self.tr("Closed"), "closed"),
        ):
            self.state_filter.addItem(label, state)
        self.state_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_state(self.state_filter.currentData())
        )
        self.count_label = QLabel()
        self.count_label.setEnabled(False)
        self.empty_label = QLabel(self.tr(EMPTY_TEXT))
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # the palette's dimmed text
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the events shown (with the filters) as CSV"))
        self.export_button.clicked.connect(self._ask_export)

        self.table = set_up_table(
            self.proxy, self.tr("Events"), widths=COLUMN_WIDTHS, row_padding=10,
            sort=(EventColumn.OPENED, Qt.SortOrder.DescendingOrder),  # newest first
        )  # fmt: skip
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        # The Menu key (and Shift+F10) act on the current row. Qt's keyboard context menu
        # event carries a position in the table's coordinates, not the viewport's, so
        # looking up the row under it picked the row below the selected one.
        self.table.installEventFilter(self)
        self.open_menu: QMenu | None = None

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.state_filter)
        filters.addWidget(self.count_label)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)

        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):  # fmt: skip
            signal.connect(self._update_count)
        self._ages = QTimer(self)
        self._ages.setInterval(AGE_TICK_MS)
        self._ages.timeout.connect(self.model.refresh_ages)
        self._ages.start()
        if service is not None:
            service.incidents_changed.connect(self.reload)
            service.pending_changed.connect(self.reload)
            self.reload()
        self._update_count()

    # -- data ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the history again (slot for `IncidentService.incidents_changed`), with the
        problems still inside their grace period on top."""
        rows: list[Any] = []
        if self.service is not None:
            pending = [pending_row(p) for p in self.service.pending_problems()]
            rows = pending + self.service.list_incidents()
        if self.action_source is not None:
            rows = [*rows, *self.action_source.audit_events()]
        if self.service is not None or self.action_source is not None:
            self.model.set_incidents(rows)

    def set_action_source(self, source: Any) -> None:
        """Show the charger actions of `source` (a ChargerActions) as kind "Action"."""
        self.action_source = source
        source.audit_changed.connect(self.reload)
        self.reload()

    def visible_events(self) -> list[Incident]:
        """The rows as shown: filtered and in the table's order."""
        rows = (self.incident_at(row) for row in range(self.proxy.rowCount()))
        return [row for row in rows if row is not None]

    def export_csv(self, path: Path) -> int:
        """Write the rows shown to `path`; how many."""
        from plugdesk.domain.events_csv import events_csv, write_events_csv

        events = self.visible_events()
        source = self.action_source
        entries = {}
        if source is not None:
            for event in events:
                entry = source.action_entry(event)
                if entry is not None:
                    entries[event.id] = entry
        write_events_csv(path, events_csv(events, entries, KIND_LABELS))
        return len(events)

    def _ask_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export events"), str(Path.home() / "plugdesk-events.csv"), "CSV (*.csv)"
        )
        if not name:
            return
        try:
            count = self.export_csv(Path(name))
        except OSError as error:
            self.exported.emit(
                self.tr("Could not export the events: {problem}").format(
                    problem=error.strerror or error
                )
            )
            return
        self.exported.emit(self.tr("Exported %n events to {path}", "", count).format(path=name))

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.empty_label.setVisible(total == 0)
        self.count_label.setText(
            self.tr("%n events", "", total).replace(str(total), fmt.integer(total), 1)
            if shown == total
            else self.tr("{shown} of {total}").format(
                shown=fmt.integer(shown), total=fmt.integer(total)
            )
        )

    def incident_at(self, proxy_row: int) -> Incident | None:
        value = self.proxy.index(proxy_row, 0).data(INCIDENT_ROLE)
        return value if isinstance(value, Incident) else None

    # -- user actions -------------------------------------------------------------------

    def _on_double_click(self, index: QModelIndex) -> None:
        uuid = index.data(UUID_ROLE)
        if uuid:
            self.charger_activated.emit(str(uuid))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and _is_keyboard_menu(event):
            self._menu_for_current_row()
            return True
        return super().eventFilter(watched, event)

    def _on_context_menu(self, position: QPoint) -> None:
        """A right-click: the row under the mouse."""
        self._popup_menu(self.table.indexAt(position), position)

    def _menu_for_current_row(self) -> None:
        index = self.table.currentIndex()
        selected = self.table.selectionModel().selectedRows()
        if selected:
            index = selected[0]
        self._popup_menu(index, self.table.visualRect(index).center())

    def _popup_menu(self, index: QModelIndex, position: QPoint) -> None:
        incident = index.data(INCIDENT_ROLE) if index.isValid() else None
        if not isinstance(incident, Incident):
            return
        menu = self.context_menu(incident)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(position))

    def context_menu(self, incident: Incident) -> QMenu:
        """Show the charger, and mute or unmute its pop-ups."""
        menu = QMenu(self)
        uuid, name = incident.charger_uuid, charger_label(incident)
        show = QAction(self.tr("Show {name} in Chargers").format(name=name), menu)
        show.triggered.connect(lambda: self.charger_activated.emit(uuid))
        menu.addAction(show)
        log = QAction(self.tr("Show log"), menu)
        log.setToolTip(self.tr("The charger's OCPP log at the start of this event"))
        log.triggered.connect(lambda: self.show_log_requested.emit(uuid, incident.first_seen_at))
        menu.addAction(log)
        menu.addSeparator()
        for action in mute_actions(menu, self.service, uuid, name, self.mute_changed.emit):
            menu.addAction(action)
        return menu


def _is_keyboard_menu(event: QEvent) -> bool:
    """The Menu key or Shift+F10, as a key press or as Qt's keyboard context menu event."""
    if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
        return event.reason() == QContextMenuEvent.Reason.Keyboard
    if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
        shift_f10 = (event.key() == Qt.Key.Key_F10
                     and event.modifiers() == Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
        return event.key() == Qt.Key.Key_Menu or shift_f10
    return False


def mute_actions(
    parent: QObject,
    service: IncidentService | None,
    uuid: str,
    name: str,
    report: Callable[[str, str], None] | None = None,
) -> list[QAction]:
    """ "Mute for 1 h / 24 h / until resolved" (and "Unmute" when muted) for one charger:
    for the Events pane and any other charger list that wants the same menu."""

    def mute(duration: timedelta | None, said: str) -> None:
        if service is not None and service.mute(uuid, duration) is not None and report:
            report(uuid, said)

    def unmute() -> None:
        if service is not None:
            service.unmute(uuid)
            if report:
                report(uuid, translate("EventsPane", "{name} unmuted").format(name=name))

    current = service.mute_of(uuid) if service is not None else None
    actions = []
    for text, duration, words in (
        (
            translate("EventsPane", "Mute for 1 hour"),
            MUTE_1H,
            translate("EventsPane", "{name} muted for 1 hour"),
        ),
        (
            translate("EventsPane", "Mute for 24 hours"),
            MUTE_24H,
            translate("EventsPane", "{name} muted for 24 hours"),
        ),
        (
            translate("EventsPane", "Mute until resolved"),
            None,
            translate("EventsPane", "{name} muted until its incidents resolve"),
        ),
    ):
        words = words.format(name=name)
        action = QAction(text, parent)
        action.triggered.connect(lambda _c=False, d=duration, w=words: mute(d, w))
        action.setEnabled(service is not None)
        actions.append(action)
    if current is not None:
        until = (
            translate("EventsPane", "Unmute (muted until resolved)")
            if current.until_resolved or current.until is None
            else translate("EventsPane", "Unmute (muted until {time})").format(
                time=fmt.local_clock(current.until)
            )
        )
        action = QAction(until, parent)
        action.triggered.connect(unmute)
        actions.append(action)
    return actions
