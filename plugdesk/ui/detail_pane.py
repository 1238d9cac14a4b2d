"""Everything about one charger: grouped fields, its connectors and their last power reading.

The pane fills at once from the list row (the list already has most fields), then again
when `GET /chargers/{uuid}` brings the connectors. Every missing value reads "—".

The API's power-usage is the last stored sample, not a live value: hours after a session
it still returns that session's last figures. So the power column always says how old
the reading is ("7.40 kW, 3 min ago") and marks one older than `LIVE_WINDOW` as a past
reading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING, Any

import msgspec
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plugdesk.api.models import Charger, Connector, PowerUsage
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.ui import formatting as fmt
from plugdesk.ui.badges import badge_pixmap, level_key
from plugdesk.ui.fleet_model import (
    Verdict,
    connection_label,
    level_label,
    model_name,
    reason_text,
    site_name,
)
from plugdesk.ui.table_model import RowTableModel
from plugdesk.ui.tables import set_up_table

translate = QCoreApplication.translate

SELECT_PROMPT = QT_TRANSLATE_NOOP("DetailPane", "Select a charger in the list to see its details.")

# (group title, [(field key, label)]): the order the pane shows them in.
GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("DetailPane", "Status"),
        (
            ("health", QT_TRANSLATE_NOOP("DetailPane", "Health")),
            ("site", QT_TRANSLATE_NOOP("DetailPane", "Site")),
            ("status", QT_TRANSLATE_NOOP("DetailPane", "OCPP status")),
            ("error", QT_TRANSLATE_NOOP("DetailPane", "Error")),
            ("error_info", QT_TRANSLATE_NOOP("DetailPane", "Error info")),
            ("vendor_id", QT_TRANSLATE_NOOP("DetailPane", "Vendor ID")),
            ("vendor_error_code", QT_TRANSLATE_NOOP("DetailPane", "Vendor error")),
            ("blocked", QT_TRANSLATE_NOOP("DetailPane", "Blocked")),
            ("setup", QT_TRANSLATE_NOOP("DetailPane", "Setup")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("DetailPane", "Connectivity"),
        (
            ("connection_status", QT_TRANSLATE_NOOP("DetailPane", "Connection")),
            ("last_heartbeat_at", QT_TRANSLATE_NOOP("DetailPane", "Last heartbeat")),
            ("last_connection_at", QT_TRANSLATE_NOOP("DetailPane", "Connected")),
            ("last_disconnection_at", QT_TRANSLATE_NOOP("DetailPane", "Disconnected")),
            ("server", QT_TRANSLATE_NOOP("DetailPane", "Server")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("DetailPane", "Hardware"),
        (
            ("model", QT_TRANSLATE_NOOP("DetailPane", "Model")),
            ("is_dc", QT_TRANSLATE_NOOP("DetailPane", "DC")),
            ("max_current", QT_TRANSLATE_NOOP("DetailPane", "Max current")),
            ("model_id", QT_TRANSLATE_NOOP("DetailPane", "Model ID")),
            ("id", QT_TRANSLATE_NOOP("DetailPane", "Charger ID")),
            ("created_at", QT_TRANSLATE_NOOP("DetailPane", "Added")),
            ("updated_at", QT_TRANSLATE_NOOP("DetailPane", "Updated")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("DetailPane", "Firmware"),
        (
            ("firmware_version", QT_TRANSLATE_NOOP("DetailPane", "Version")),
            ("parsed_firmware_version", QT_TRANSLATE_NOOP("DetailPane", "Parsed")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("DetailPane", "Licenses"),
        (
            ("smart", QT_TRANSLATE_NOOP("DetailPane", "Smart")),
            ("pro", QT_TRANSLATE_NOOP("DetailPane", "Pro")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("DetailPane", "Permissions"),
        (
            ("basic", QT_TRANSLATE_NOOP("DetailPane", "Basic")),
            ("sensitive", QT_TRANSLATE_NOOP("DetailPane", "Sensitive")),
            ("full", QT_TRANSLATE_NOOP("DetailPane", "Full")),
            ("pincode", QT_TRANSLATE_NOOP("DetailPane", "PIN code")),
        ),
    ),
)


def field_values(charger: Charger, verdict: Verdict | None, now: datetime) -> dict[str, str]:
    """Every field as the text the pane shows."""
    licenses, permissions, model = charger.licenses, charger.permissions, charger.model
    setup = (
        translate("DetailPane", "Pending")
        if charger.setup_pending
        else translate("DetailPane", "Completed")
        if charger.setup_completed
        else fmt.DASH
        if charger.setup_completed is None and charger.setup_pending is None
        else translate("DetailPane", "Not completed")
    )
    status = charger.connection_status
    return {
        "health": fmt.DASH
        if verdict is None
        else f"{level_label(verdict.level)} — {reason_text(verdict.reason)}",
        "site": fmt.text(site_name(charger)),
        "status": fmt.text(charger.status),
        "error": fmt.text(charger.error),
        "error_info": fmt.text(charger.error_info),
        "vendor_id": fmt.text(charger.vendor_id),
        "vendor_error_code": fmt.text(charger.vendor_error_code),
        "blocked": fmt.yes_no(charger.blocked),
        "setup": setup,
        "connection_status": connection_label(status),
        "last_heartbeat_at": fmt.with_age(charger.last_heartbeat_at, now),
        "last_connection_at": fmt.with_age(charger.last_connection_at, now),
        "last_disconnection_at": fmt.with_age(charger.last_disconnection_at, now),
        "server": fmt.text(charger.server),
        "model": fmt.text(model_name(charger)),
        "is_dc": fmt.yes_no(model.is_dc if model else None),
        "max_current": fmt.number(charger.max_current, "A"),
        "model_id": fmt.text(charger.model_id),
        "id": fmt.text(charger.id),
        "created_at": fmt.local_time(charger.created_at),
        "updated_at": fmt.local_time(charger.updated_at),
        "firmware_version": fmt.text(charger.firmware_version),
        "parsed_firmware_version": fmt.text(charger.parsed_firmware_version),
        "smart": fmt.yes_no(licenses.smart if licenses else None),
        "pro": fmt.yes_no(licenses.pro if licenses else None),
        "basic": fmt.yes_no(permissions.basic if permissions else None),
        "sensitive": fmt.yes_no(permissions.sensitive if permissions else None),
        "full": fmt.yes_no(permissions.full if permissions else None),
        # The PIN opens the charger: never painted in clear (screenshots, screen sharing).
        "pincode": translate("DetailPane", "Set (hidden)") if charger.pincode else fmt.DASH,
    }


# -- connectors ----------------------------------------------------------------------------


class ConnectorColumn(IntEnum):
    CONNECTOR = 0
    STATUS = 1
    ERROR = 2
    POWER_TYPE = 3
    MAX_AMPS = 4
    MAX_VOLTS = 5
    STANDARD = 6
    POWER = 7


CONNECTOR_HEADERS = {  # English; shown translated (context "ConnectorsModel")
    ConnectorColumn.CONNECTOR: QT_TRANSLATE_NOOP("ConnectorsModel", "Connector"),
    ConnectorColumn.STATUS: QT_TRANSLATE_NOOP("ConnectorsModel", "Status"),
    ConnectorColumn.ERROR: QT_TRANSLATE_NOOP("ConnectorsModel", "Error"),
    ConnectorColumn.POWER_TYPE: QT_TRANSLATE_NOOP("ConnectorsModel", "Power type"),
    ConnectorColumn.MAX_AMPS: QT_TRANSLATE_NOOP("ConnectorsModel", "Max A"),
    ConnectorColumn.MAX_VOLTS: QT_TRANSLATE_NOOP("ConnectorsModel", "Max V"),
    ConnectorColumn.STANDARD: QT_TRANSLATE_NOOP("ConnectorsModel", "Standard"),
    ConnectorColumn.POWER: QT_TRANSLATE_NOOP("ConnectorsModel", "Power (last reading)"),
}
POWER_TYPE_LABELS = {
    "AC_1_PHASE": QT_TRANSLATE_NOOP("ConnectorsModel", "AC 1-phase"),
    "AC_3_PHASE": QT_TRANSLATE_NOOP("ConnectorsModel", "AC 3-phase"),
    "DC": "DC",
}


# A reading younger than this counts as current; older ones read as a past reading.
LIVE_WINDOW = timedelta(minutes=2)


def describe_power(usage: PowerUsage | None, now: datetime) -> str:
    """The reading with its age from `timestamp`: "7.40 kW · L1 10.0 A, 1 min ago" while
    fresh, "Last reading 7.40 kW · L1 10.0 A, 3 h ago" once older than LIVE_WINDOW,
    "— " when nothing is available."""
    if usage is None or not usage.available:
        return fmt.DASH
    phases = [
        f"{name} {value:.1f} A"
        for name, value in (("L1", usage.l1), ("L2", usage.l2), ("L3", usage.l3))
        if value is not None
    ]
    reading = " · ".join([fmt.kw(usage.kw), *phases] if usage.kw is not None else phases)
    taken = usage.timestamp
    if taken is None:
        return translate("DetailPane", "{reading}, time unknown").format(reading=reading)
    age = fmt.relative_age(taken, now)
    if now - taken > LIVE_WINDOW:
        return translate("DetailPane", "Last reading {reading}, {age}").format(
            reading=reading, age=age
        )
    return f"{reading}, {age}"


def power_tooltip(usage: PowerUsage | None) -> str | None:
    """When the reading was taken, in local time; the API keeps the last sample for hours."""
    if usage is None or usage.timestamp is None:
        return None
    return translate("DetailPane", "Reading taken {time} (the last sample stored)").format(
        time=fmt.local_time_seconds(usage.timestamp)
    )


class ConnectorsModel(RowTableModel[Connector]):
    columns = ConnectorColumn
    context = "ConnectorsModel"
    headers = CONNECTOR_HEADERS

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        # connector number -> its last reading, or the text of why there is none
        self._power: dict[int, PowerUsage | str] = {}

    def extra(self, row: Connector, column: int, role: int) -> Any:
        """The connector at fault stands out: a fault badge beside its number, bold."""
        faulted = row.status == "Faulted" or row.has_error
        if not faulted:
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == ConnectorColumn.CONNECTOR:
            return badge_pixmap("FAULT", 14)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def tooltip(self, row: Connector, column: int) -> str | None:
        if column == ConnectorColumn.ERROR:
            return row.error_info or None
        if column == ConnectorColumn.POWER:
            power = self._power.get(row.connector_id or 0)
            return power_tooltip(power) if isinstance(power, PowerUsage) else None
        return None

    def display(self, row: Connector, column: int) -> str:
        connector = row
        if column == ConnectorColumn.CONNECTOR:
            return fmt.text(connector.connector_id)
        if column == ConnectorColumn.STATUS:
            return fmt.text(connector.status)
        if column == ConnectorColumn.ERROR:
            return fmt.text(connector.error if connector.has_error else None)
        if column == ConnectorColumn.POWER_TYPE:
            kind = connector.power_type
            label = POWER_TYPE_LABELS.get(kind or "")
            return self.tr(label) if label else fmt.text(kind)
        if column == ConnectorColumn.MAX_AMPS:
            return fmt.number(connector.max_amperage, "A")
        if column == ConnectorColumn.MAX_VOLTS:
            return fmt.number(connector.max_voltage, "V")
        if column == ConnectorColumn.STANDARD:
            parts = [p for p in (connector.standard, connector.format) if p]
            return fmt.text(" / ".join(parts))
        power = self._power.get(connector.connector_id or 0) if connector.connector_id else None
        if isinstance(power, str):
            return power
        return describe_power(power, self._clock()) if power is not None else fmt.DASH

    def connector_ids(self) -> list[int]:
        return [c.connector_id for c in self._rows if c.connector_id is not None]

    def set_connectors(self, connectors: Sequence[Connector]) -> None:
        """In place (keyed by connector number), so a refresh keeps the selection."""
        self._power = {}
        self.sync_rows(sorted(connectors, key=_connector_number), key=_connector_number)
        self.columns_changed(ConnectorColumn.POWER)

    def set_power(self, connector_id: int, power: PowerUsage | str | None) -> None:
        """The connector's reading, or a text saying why there is none."""
        if power is None:
            self._power.pop(connector_id, None)
        else:
            self._power[connector_id] = power
        for row, connector in enumerate(self._rows):
            if connector.connector_id == connector_id:
                cell = self.index(row, ConnectorColumn.POWER)
                self.dataChanged.emit(cell, cell)

    def refresh_ages(self) -> None:
        """Re-read the power column: "1 min ago" becomes "Last reading …, 3 min ago"."""
        self.columns_changed(ConnectorColumn.POWER)


def _connector_number(connector: Connector) -> int:
    return connector.connector_id or 0


# -- the pane ------------------------------------------------------------------------------


class ReflowingGrid(QWidget):
    """The field groups in as many columns as fit (three on a wide pane, one on a narrow
    one), in reading order, so values wrap at word boundaries instead of being cut."""

    COLUMN_WIDTH = 250  # px a group needs to show "Last heartbeat: 2026-12-03 09:56 (…)"

    def __init__(self, widgets: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widgets = list(widgets)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self.columns = 0
        self._place(3)

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for column in range(max(columns, self.columns)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for number, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, number // columns, number % columns)
        self.columns = columns

    def follow(self, viewport: QWidget) -> None:
        """Reflow when `viewport` (the scroll area's) changes width: the grid itself
        cannot get narrower than its current columns need."""
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            self._place(max(1, min(3, event.size().width() // self.COLUMN_WIDTH)))
        return super().eventFilter(watched, event)


# The charger page's parts, made with it (`DetailPane._content_page`).
_PAGE_PARTS = frozenset({
    "groups", "tabs", "connectors_label", "connectors_model", "connectors_table",
    "connectors_status", "connectors_box", "badge", "title", "subtitle", "stale_label",
    "copy_identity", "copy_uuid", "rename_button",
})  # fmt: skip


class DetailPane(QWidget):
    """Shows one charger. Emits `copied(text)` after a copy so the window can say so.

    Until a charger is shown it shows a prompt: the charger page (some 60 widgets, 20 ms)
    is made when first needed, a charger shown or one of its parts used (`tabs`,
    `connectors_model`, ...), not before the window's first paint."""

    copied = Signal(str)
    rename_requested = Signal(str, str)  # uuid, the current reference ("" when none)
    tab_changed = Signal(int)  # the current tab of the charger page

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._charger: Charger | None = None
        self._verdict: Verdict | None = None
        self._stale = False
        self._page: QWidget | None = None  # the charger page, once made
        self.values: dict[str, QLabel] = {}

        self._stack = QStackedWidget()
        self.placeholder = QLabel(self.tr(SELECT_PROMPT))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)  # the palette's dimmed text
        self._stack.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    if not TYPE_CHECKING:  # (for the type checker the parts are plain attributes)

        def __getattr__(self, name: str) -> Any:
            """A part of the charger page asked for before the page was made: make it."""
            if name in _PAGE_PARTS and self.__dict__.get("_page", self) is None:
                self._content_page()
                return getattr(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def prepare(self) -> None:
        """Make the charger page now (the window does, once it has painted)."""
        self._content_page()

    def _content_page(self) -> QWidget:
        """The charger page, made now if it was not yet."""
        if self._page is None:
            self._page = self._build_content()
            self._stack.addWidget(self._page)
            self.tabs.currentChanged.connect(self.tab_changed)
            self.set_stale(self._stale)
        return self._page

    def _build_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_header())

        groups = ReflowingGrid([self._group(title, fields) for title, fields in GROUPS])
        self.groups = groups
        scroll = QScrollArea()
        scroll.setWidget(groups)
        groups.follow(scroll.viewport())
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(self.fontMetrics().height() * 3)  # fits 1024x600 screens
        # Details first; features add theirs (actions, OCPP log) with `add_tab`.
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scroll, self.tr("Details"))
        layout.addWidget(self.tabs, 1)

        self.connectors_label = QLabel(self.tr("Connectors"))
        bold = self.connectors_label.font()
        bold.setBold(True)  # by its font: no rich text (see the stale mark)
        self.connectors_label.setFont(bold)
        self.connectors_model = ConnectorsModel(self, clock=self._clock)
        self.connectors_table = set_up_table(
            self.connectors_model, self.tr("Connectors"), alternate=False, row_padding=None,
            resize=QHeaderView.ResizeMode.ResizeToContents,  # a handful of rows: cheap
        )  # fmt: skip
        self.connectors_status = QLabel()
        self.connectors_status.setEnabled(False)
        self.connectors_status.setWordWrap(True)  # an error message must not widen the pane
        row = QHBoxLayout()
        row.addWidget(self.connectors_label)
        row.addWidget(self.connectors_status, 1)
        self.connectors_box = QWidget()  # hidden where a tab needs the height (the log)
        box = QVBoxLayout(self.connectors_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.connectors_table, 0)
        layout.addWidget(self.connectors_box, 0)
        self._fit_connectors_height(2)
        return content

    def _fit_connectors_height(self, rows: int) -> None:
        """As tall as its rows (a charger has one to four connectors): the space left
        goes to the fields above."""
        table = self.connectors_table
        height = (
            table.horizontalHeader().sizeHint().height()
            + table.verticalHeader().defaultSectionSize() * max(1, rows)
            + table.horizontalScrollBar().sizeHint().height()  # else it hides half a row
            + 2 * table.frameWidth()
        )
        # As tall as its rows, but a small screen may squeeze it to one row (it scrolls,
        # to the connector at fault: see _show_connectors).
        table.setMaximumHeight(height)
        row = table.verticalHeader().defaultSectionSize()
        table.setMinimumHeight(height - row * (max(1, rows) - 1))

    def _build_header(self) -> QHBoxLayout:
        self.badge = QLabel()
        self.title = QLabel()
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Long names and UUIDs must not widen the pane (and squeeze the charger list):
        # they may be clipped, and the tooltip and copy buttons have the whole text.
        for label in (self.title, self.subtitle):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(120)
        # Italic by its font, not by rich text: the first rich-text label of a run costs
        # ~20 ms, and the window marks a cached fleet stale before its first paint.
        self.stale_label = QLabel()
        self.stale_label.setTextFormat(Qt.TextFormat.PlainText)
        stale_font = self.stale_label.font()
        stale_font.setItalic(True)
        self.stale_label.setFont(stale_font)
        self.copy_identity = QPushButton(self.tr("Copy identity"))
        self.copy_identity.setToolTip(self.tr("Copy the charger's identity to the clipboard"))
        self.copy_identity.clicked.connect(lambda: self._copy(self.identity_text()))
        self.copy_uuid = QPushButton(self.tr("Copy UUID"))
        self.copy_uuid.setToolTip(self.tr("Copy the charger's UUID to the clipboard"))
        self.copy_uuid.clicked.connect(
            lambda: self._copy(self._charger.uuid if self._charger else "")
        )
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setToolTip(
            self.tr("Change the charger's reference (its name in PlugDesk)")
        )
        self.rename_button.clicked.connect(self._ask_rename)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(names, 1)
        header.addWidget(self.stale_label)
        header.addWidget(self.copy_identity, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.copy_uuid, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.rename_button, 0, Qt.AlignmentFlag.AlignTop)
        return header

    def _ask_rename(self) -> None:
        if self._charger is not None:
            self.rename_requested.emit(self._charger.uuid, self._charger.reference or "")

    def _group(self, title: str, fields: tuple[tuple[str, str], ...]) -> QGroupBox:
        box = QGroupBox(self.tr(title))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(3)
        for key, label in fields:
            value = QLabel(fmt.DASH)
            value.setObjectName(f"field_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            shown = self.tr(label)
            value.setAccessibleName(shown)
            form.addRow(self.tr("{label}:").format(label=shown), value)
            self.values[key] = value
        return box

    # -- what the window calls -------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        """A page of its own beside "Details" (the charger's actions, its OCPP log), in a
        scroll area: on a small screen it scrolls instead of making the window taller."""
        scroll = QScrollArea()
        scroll.setWidget(widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        return self.tabs.addTab(scroll, title)

    @property
    def charger(self) -> Charger | None:
        return self._charger

    def identity_text(self) -> str:
        if self._charger is None:
            return ""
        return self._charger.identity or self._charger.uuid

    def show_placeholder(self, text: str | None = None) -> None:
        self.placeholder.setText(text if text is not None else self.tr(SELECT_PROMPT))
        self._charger = None
        self._verdict = None
        if self._page is not None:
            self.connectors_model.set_connectors([])
        self._stack.setCurrentWidget(self.placeholder)

    def show_charger(
        self, charger: Charger, verdict: Verdict | None, *, stale: bool = False
    ) -> None:
        """Fill from the list row; connectors come later with `show_detail`."""
        same = self._charger is not None and self._charger.uuid == charger.uuid
        self._charger, self._verdict = charger, verdict
        self._fill(charger, verdict)
        self.set_stale(stale)
        if charger.connectors is not None:
            self._show_connectors(charger.connectors)
        elif not same:
            self.connectors_model.set_connectors([])
            self.connectors_status.setText(self.tr("Loading connectors…"))
        self._stack.setCurrentWidget(self._content_page())

    def show_detail(self, charger: Charger) -> None:
        """`GET /chargers/{uuid}` answered: same fields, plus connectors and PIN."""
        if self._charger is None or self._charger.uuid != charger.uuid:
            return
        if charger.site is None and self._charger.site is not None:
            # The detail endpoint does not say the site; the watch's lists did.
            charger = msgspec.structs.replace(charger, site=self._charger.site)
        self._charger = charger
        self._fill(charger, self._verdict)
        self._show_connectors(charger.connectors or [])

    def show_detail_error(self, message: str) -> None:
        said = self.tr("Could not load connectors: {message}").format(message=message)
        self.connectors_status.setText(said)

    def set_verdict(self, verdict: Verdict) -> None:
        if self._charger is not None:
            self._verdict = verdict
            self._fill(self._charger, verdict)

    def set_power(
        self, connector_id: int, usage: PowerUsage | None, error: str | None = None
    ) -> None:
        power = self.tr("unavailable ({error})").format(error=error) if error else usage
        self.connectors_model.set_power(connector_id, power)

    def set_stale(self, stale: bool) -> None:
        self._stale = stale
        if self._page is not None:  # else the page is made with it
            self.stale_label.setText(self.tr("not current — last refresh failed") if stale else "")

    def refresh_ages(self) -> None:
        if self._charger is not None:
            self._fill(self._charger, self._verdict)
            self.connectors_model.refresh_ages()

    def _fill(self, charger: Charger, verdict: Verdict | None) -> None:
        self.title.setText(charger.identity or charger.uuid)
        self.title.setToolTip(self.title.text())
        reference = f"{charger.reference} · " if charger.reference else ""
        self.subtitle.setText(f"{reference}UUID {charger.uuid}")  # UUID: the same word everywhere
        self.subtitle.setToolTip(self.subtitle.text())
        level = verdict.level if verdict is not None else "UNKNOWN"
        ratio = self.devicePixelRatioF()
        self.badge.setPixmap(badge_pixmap(level_key(level), 28, ratio))
        self.badge.setToolTip(level_label(level))
        self.badge.setAccessibleName(self.tr("Health: {level}").format(level=level_label(level)))
        for key, text in field_values(charger, verdict, self._clock()).items():
            label = self.values[key]
            label.setText(text)
            label.setToolTip(text)  # a narrow pane may clip a long value

    def _show_connectors(self, connectors: Sequence[Connector]) -> None:
        self.connectors_model.set_connectors(connectors)
        self._fit_connectors_height(min(len(connectors), 6))
        faulted = [n for n, c in enumerate(connectors) if c.status == "Faulted" or c.has_error]
        if faulted:  # the connector the health line names is in sight, however squeezed
            self.connectors_table.scrollTo(self.connectors_model.index(faulted[0], 0))
        if not connectors:
            self.connectors_status.setText(self.tr("This charger reports no connectors."))
        elif self._charger is not None and not self._charger.is_online:
            self.connectors_status.setText(
                self.tr("Power readings are fetched while the charger is online.")
            )
        else:
            self.connectors_status.setText("")

    def _copy(self, text: str) -> None:
        if not text:
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        self.copied.emit(text)
