"""The public charging pane: look a charger up by its public code, start a session, follow
several sessions live, confirm the card hold, stop or cancel.

Everything goes through `PublicSessionService`; this module only shows and forwards.
Session tokens never reach a widget except the "track existing" field (a password field,
cleared at once); everywhere else a session is its masked token ("abcd…"). The Stripe
payment context is shown only as present or not: its secrets never reach the screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from plugdesk.api.models import PublicCharger, PublicSession, SessionState
from plugdesk.domain.public_input import MAX_CODE_LENGTH, MAX_CONNECTOR, MIN_CONNECTOR
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.public_sessions import PublicSessionService, TrackedSession
from plugdesk.ui import formatting as fmt
from plugdesk.ui.table_model import FIRST_OWN_ROLE, RowTableModel
from plugdesk.ui.tables import set_up_table

translate = QCoreApplication.translate

STATUS_LABELS: Final[dict[str, str]] = {
    "created": QT_TRANSLATE_NOOP("PublicPane", "Waiting for card hold"),
    "authorized": QT_TRANSLATE_NOOP("PublicPane", "Card hold authorised"),
    "starting": QT_TRANSLATE_NOOP("PublicPane", "Starting"),
    "charging": QT_TRANSLATE_NOOP("PublicPane", "Charging"),
    "stopping": QT_TRANSLATE_NOOP("PublicPane", "Stopping"),
    "settling": QT_TRANSLATE_NOOP("PublicPane", "Settling payment"),
    "captured": QT_TRANSLATE_NOOP("PublicPane", "Captured (paid)"),
    "no_charge": QT_TRANSLATE_NOOP("PublicPane", "Ended without charge"),
    "expired": QT_TRANSLATE_NOOP("PublicPane", "Expired"),
    "failed": QT_TRANSLATE_NOOP("PublicPane", "Failed"),
    "abandoned": QT_TRANSLATE_NOOP("PublicPane", "Abandoned"),
    "capture_failed": QT_TRANSLATE_NOOP("PublicPane", "Payment capture failed"),
    "requires_review": QT_TRANSLATE_NOOP("PublicPane", "Needs review"),
    "refunded": QT_TRANSLATE_NOOP("PublicPane", "Refunded"),
    "written_off": QT_TRANSLATE_NOOP("PublicPane", "Written off"),
}
# (PublicSession field, label): the steps of a session, in order.
TIMELINE: Final[tuple[tuple[str, str], ...]] = (
    ("created_at", QT_TRANSLATE_NOOP("PublicPane", "Created")),
    ("authorized_at", QT_TRANSLATE_NOOP("PublicPane", "Card hold authorised")),
    ("charging_started_at", QT_TRANSLATE_NOOP("PublicPane", "Charging started")),
    ("completed_at", QT_TRANSLATE_NOOP("PublicPane", "Charging completed")),
    ("captured_at", QT_TRANSLATE_NOOP("PublicPane", "Payment captured")),
)
ESTIMATE_STATUSES: Final = frozenset({"charging", "stopping"})
DONE_MARK: Final = "●"
PENDING_MARK: Final = "○"
WARNING: Final = "⚠ "


def status_label(status: str | None) -> str:
    if not status:
        return translate("PublicPane", "Loading…")
    label = STATUS_LABELS.get(status)
    return translate("PublicPane", label) if label else status.replace("_", " ").capitalize()


def session_currency(data: PublicSession) -> str | None:
    return data.pricing.currency if data.pricing is not None else None


def tariff_text(pricing: Any) -> str:
    """ "€0.35/kWh + €1.00 start fee" from a Pricing (or None)."""
    if pricing is None:
        return fmt.DASH
    per_kwh = fmt.DASH if pricing.price_per_kwh is None else (
        f"{fmt.money(pricing.price_per_kwh, pricing.currency)}/kWh"
    )
    if not pricing.start_fee:
        return translate("PublicPane", "{tariff}, no start fee").format(tariff=per_kwh)
    return translate("PublicPane", "{tariff} + {fee} start fee").format(
        tariff=per_kwh, fee=fmt.money(pricing.start_fee, pricing.currency)
    )


def session_label(session: TrackedSession) -> str:
    """ "#3 · abcd…": the number tells sessions apart when their tokens share a prefix."""
    number = session.key.rsplit(":", 1)[-1]
    return f"#{number} · {session.masked_token}" if number.isdigit() else session.masked_token


def charger_text(data: PublicSession | None) -> str:
    if data is None or data.charger is None:
        return fmt.DASH
    name = data.charger.name or fmt.DASH
    code = f" ({data.charger.public_code})" if data.charger.public_code else ""
    return f"{name}{code}"


# -- the list of followed sessions -------------------------------------------------------------


class SessionColumn(IntEnum):
    SESSION = 0
    CHARGER = 1
    STATUS = 2
    ENERGY = 3
    COST = 4


class PublicSessionsModel(RowTableModel[TrackedSession]):
    """One row per followed session, in the order they were added; updated in place."""

    columns = SessionColumn
    context = "PublicSessionsModel"
    headers = (  # English; shown translated
        QT_TRANSLATE_NOOP("PublicSessionsModel", "Session"),
        QT_TRANSLATE_NOOP("PublicSessionsModel", "Charger"),
        QT_TRANSLATE_NOOP("PublicSessionsModel", "Status"),
        QT_TRANSLATE_NOOP("PublicSessionsModel", "Energy"),
        QT_TRANSLATE_NOOP("PublicSessionsModel", "Cost"),
    )
    KEY_ROLE: Final = FIRST_OWN_ROLE

    def extra(self, row: TrackedSession, column: int, role: int) -> Any:
        return row.key if role == self.KEY_ROLE else None

    def tooltip(self, row: TrackedSession, column: int) -> str | None:
        if row.error:
            return row.error
        if column in (SessionColumn.CHARGER, SessionColumn.ENERGY):  # long texts, elided
            return self.display(row, column)
        return None

    def display(self, row: TrackedSession, column: int) -> str:
        data = row.state.data if row.state is not None else None
        if column == SessionColumn.SESSION:
            return session_label(row)
        if column == SessionColumn.CHARGER:
            return charger_text(data)
        if column == SessionColumn.STATUS:
            text = status_label(row.status)
            return f"{WARNING}{text}" if row.error else text
        if data is None:
            return fmt.DASH
        if column == SessionColumn.ENERGY:
            return fmt.energy(data.energy_kwh, estimate=data.status in ESTIMATE_STATUSES)
        amount = data.amount_captured if data.amount_captured is not None else data.cost_amount
        return fmt.money(amount, session_currency(data))

    # -- updates -------------------------------------------------------------------------------

    def key_at(self, row: int) -> str | None:
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        for number, row in enumerate(self._rows):
            if row.key == key:
                return number
        return -1

    def upsert(self, session: TrackedSession) -> int:
        number = self.row_of(session.key)
        if number >= 0:
            self.replace_row_at(number, session)
            return number
        self.append_rows([session])
        return len(self._rows) - 1

    def remove(self, key: str) -> None:
        number = self.row_of(key)
        if number >= 0:
            self.remove_row_at(number)


# -- the pane ----------------------------------------------------------------------------------


_DEMO_CODE = re.compile(r"[A-Z0-9]{1,10}")


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)  # server text must never become markup
    label.hide()
    return label


def _value_label() -> QLabel:
    label = QLabel(fmt.DASH)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _seconds_text(value: float) -> str:
    """ "5 s", "0.2 s" (scaled test runs), "2 min"."""
    if value >= 120:
        return fmt.word("{minutes} min").format(minutes=round(value / 60))
    shown = fmt.decimal(value, 0 if value >= 1 else 1)
    return fmt.word("{seconds} s").format(seconds=shown)


def _show(label: QLabel, text: str | None, *, warning: bool = False) -> None:
    if not text:
        label.clear()
        label.hide()
        return
    text = _DOUBLE_STOP.sub(".", text.strip())  # server text that ends in "." plus ours
    label.setText(f"{WARNING}{text}" if warning else text)
    label.show()


_DOUBLE_STOP = re.compile(r"(?<!\.)\.\s*\.(?!\.)")


class PublicPane(QWidget):
    """Public charging: find, start, follow. Give it the service; the app adds it as a tab."""

    def __init__(
        self,
        service: PublicSessionService,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        demo_codes: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PublicPane")
        self.service = service
        self._clock = clock
        # Demo mode: codes of the built-in simulator a newcomer can try (none otherwise).
        self._demo_codes = [c for c in demo_codes if _DEMO_CODE.fullmatch(c)]
        self._selected: str | None = None
        self._select_next_added = False
        self._lookup_busy = False
        self._looked_up: str | None = None  # public code of the charger shown by the look-up
        self._lookup_failed_for: str | None = None  # the code the last look-up could not find
        self.model = PublicSessionsModel(self)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 780])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)  # "next check in N s" counts down
        self._ticker.timeout.connect(self._refresh_poll_label)
        self._ticker.start()

        self._connect_service()
        for session in service.sessions():  # sessions followed before the pane existed
            self.model.upsert(session)
        if self.model.rowCount():
            self.select(self.model.key_at(0))
        self._update_start_enabled()
        self._show_detail()

    # -- building ------------------------------------------------------------------------------

    def _build_left(self) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._build_lookup())
        column.addWidget(self._build_start())
        column.addWidget(self._build_track())
        column.addWidget(self._build_sessions(), 1)
        return left

    def _build_lookup(self) -> QGroupBox:
        box = QGroupBox(self.tr("Find a public charger"))
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(MAX_CODE_LENGTH)
        self.code_edit.setPlaceholderText(self.tr("Public code, e.g. AB12CD"))
        self.code_edit.setAccessibleName(self.tr("Public code"))
        self.code_edit.setClearButtonEnabled(True)
        self.lookup_button = QPushButton(self.tr("Look up"))
        self.lookup_button.setDefault(False)
        self.lookup_message = _message_label()
        self.charger_name = _value_label()
        self.charger_online = _value_label()
        self.charger_pricing = _value_label()
        self.connectors_list = QListWidget()
        self.connectors_list.setAccessibleName(self.tr("Connectors"))
        self.connectors_list.setMaximumHeight(88)

        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.lookup_button)
        form = QFormLayout()
        form.addRow(self.tr("Charger"), self.charger_name)
        form.addRow(self.tr("Online"), self.charger_online)
        form.addRow(self.tr("Pricing"), self.charger_pricing)
        form.addRow(self.tr("Connectors"), self.connectors_list)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        self.demo_hint = self._build_demo_hint()
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.lookup_message)
        layout.addLayout(form)

        self.code_edit.textChanged.connect(self._update_start_enabled)
        self.code_edit.returnPressed.connect(self.lookup)
        self.lookup_button.clicked.connect(self.lookup)
        self.connectors_list.currentItemChanged.connect(self._on_connector_picked)
        return box

    def _build_demo_hint(self) -> QLabel:
        """ "Try one of the demo codes: …", each code a link that looks it up."""
        hint = QLabel()
        hint.setObjectName("DemoCodes")
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.RichText)  # codes are checked: [A-Z0-9] only
        links = ", ".join(f'<a href="{c}">{c}</a>' for c in self._demo_codes)
        hint.setText(
            "<small>{}</small>".format(
                self.tr("Try one of the demo codes: {codes}").format(codes=links)
            )
        )
        hint.setToolTip(
            self.tr("Codes of the demo's simulated public chargers; click one to look it up.")
        )
        hint.linkActivated.connect(self.try_code)
        hint.setVisible(bool(self._demo_codes))
        return hint

    def try_code(self, code: str) -> None:
        """Put `code` in the field and look it up (the demo hint's links)."""
        self.code_edit.setText(code)
        self.lookup()

    def _build_start(self) -> QGroupBox:
        box = QGroupBox(self.tr("Start a session"))
        self.connector_spin = QSpinBox()
        self.connector_spin.setRange(MIN_CONNECTOR, MAX_CONNECTOR)
        self.connector_spin.setAccessibleName(self.tr("Connector"))
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("Optional: receipt e-mail"))
        self.email_edit.setMaxLength(255)
        self.email_edit.setAccessibleName(self.tr("Receipt e-mail"))
        self.start_button = QPushButton(self.tr("Start session"))
        self.start_message = _message_label()
        form = QFormLayout()
        form.addRow(self.tr("Connector"), self.connector_spin)
        form.addRow(self.tr("Receipt e-mail"), self.email_edit)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        layout.addWidget(self.start_message)
        self.start_button.clicked.connect(self.start)
        return box

    def _build_track(self) -> QGroupBox:
        box = QGroupBox(self.tr("Track an existing session"))
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)  # a token is a credential
        self.token_edit.setPlaceholderText(self.tr("Paste the session token"))
        self.token_edit.setAccessibleName(self.tr("Session token"))
        self.track_button = QPushButton(self.tr("Track"))
        self.track_message = _message_label()
        row = QHBoxLayout()
        row.addWidget(self.token_edit, 1)
        row.addWidget(self.track_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.track_message)
        self.track_button.clicked.connect(self.track_existing)
        self.token_edit.returnPressed.connect(self.track_existing)
        return box

    def _build_sessions(self) -> QGroupBox:
        box = QGroupBox(self.tr("Followed sessions"))
        self.sessions_view = set_up_table(
            self.model, self.tr("Followed sessions"), row_padding=None,
            resize=QHeaderView.ResizeMode.ResizeToContents,
        )  # fmt: skip
        self.sessions_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.sessions_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SessionColumn.CHARGER, QHeaderView.ResizeMode.Stretch)
        # The masked token never grows, so its column is sized once, with room to spare.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        widest = self.sessions_view.fontMetrics().horizontalAdvance("#000 · WWWW…")
        header.resizeSection(0, widest + 16)
        self.sessions_view.selectionModel().selectionChanged.connect(self._on_selection)
        layout = QVBoxLayout(box)
        layout.addWidget(self.sessions_view)
        return box

    def _build_detail(self) -> QWidget:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.detail_title = QLabel(self.tr("No session selected"))
        title_font = QFont(self.detail_title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.detail_title.setFont(title_font)
        self.detail_title.setWordWrap(True)
        self.status_label = QLabel()
        status_font = QFont(self.status_label.font())
        status_font.setPointSizeF(status_font.pointSizeF() * 1.15)
        status_font.setBold(True)
        self.status_label.setFont(status_font)
        self.poll_label = QLabel()
        self.poll_label.setWordWrap(True)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.status_label)
        layout.addWidget(self.poll_label)
        layout.addWidget(self._build_payment())
        grid = QGridLayout()
        grid.addWidget(self._build_timeline(), 0, 0)
        grid.addWidget(self._build_figures(), 0, 1)
        layout.addLayout(grid)
        layout.addWidget(self._build_connector_box())
        layout.addLayout(self._build_actions())
        self.action_message = _message_label()
        layout.addWidget(self.action_message)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _build_payment(self) -> QGroupBox:
        self.payment_box = QGroupBox(self.tr("Payment step"))
        self.payment_text = QLabel()
        self.payment_text.setWordWrap(True)
        self.payment_context = QLabel()
        self.confirm_button = QPushButton(self.tr("Confirm card hold"))
        self.payment_cancel_button = QPushButton(self.tr("Cancel session"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.payment_cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.payment_box)
        layout.addWidget(self.payment_text)
        layout.addWidget(self.payment_context)
        layout.addLayout(buttons)
        self.confirm_button.clicked.connect(self._confirm)
        self.payment_cancel_button.clicked.connect(self._cancel)
        self.payment_box.hide()
        return self.payment_box

    def _build_timeline(self) -> QGroupBox:
        box = QGroupBox(self.tr("Timeline"))
        form = QFormLayout(box)
        self.timeline_labels: dict[str, QLabel] = {}
        for name, label in TIMELINE:
            value = _value_label()
            self.timeline_labels[name] = value
            form.addRow(self.tr(label), value)
        return box

    def _build_figures(self) -> QGroupBox:
        box = QGroupBox(self.tr("Energy and cost"))
        form = QFormLayout(box)
        self.energy_label = _value_label()
        self.cost_label = _value_label()
        self.authorized_label = _value_label()
        self.captured_label = _value_label()
        self.tax_label = _value_label()
        self.tariff_label = _value_label()
        form.addRow(self.tr("Energy"), self.energy_label)
        form.addRow(self.tr("Running cost"), self.cost_label)
        form.addRow(self.tr("Authorised (hold)"), self.authorized_label)
        form.addRow(self.tr("Captured"), self.captured_label)
        form.addRow(self.tr("Tax"), self.tax_label)
        form.addRow(self.tr("Tariff"), self.tariff_label)
        return box

    def _build_connector_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Charger and connector"))
        form = QFormLayout(box)
        self.connector_label = _value_label()
        self.session_online_label = _value_label()
        self.failure_label = _value_label()
        self.email_label = _value_label()
        form.addRow(self.tr("Connector (OCPP status)"), self.connector_label)
        form.addRow(self.tr("Charger online"), self.session_online_label)
        form.addRow(self.tr("Failure reason"), self.failure_label)
        form.addRow(self.tr("Receipt e-mail"), self.email_label)
        return box

    def _build_actions(self) -> QHBoxLayout:
        self.stop_button = QPushButton(self.tr("Stop charging"))
        self.cancel_button = QPushButton(self.tr("Cancel session"))
        self.forget_button = QPushButton(self.tr("Remove from list"))
        self.stop_button.setToolTip(self.tr("Possible while the session is starting or charging."))
        self.cancel_button.setToolTip(
            self.tr("Possible before charging starts (created or authorised).")
        )
        self.forget_button.setToolTip(self.tr("Only for sessions that have ended."))
        row = QHBoxLayout()
        row.addWidget(self.stop_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.forget_button)
        self.stop_button.clicked.connect(self._stop)
        self.cancel_button.clicked.connect(self._cancel)
        self.forget_button.clicked.connect(self._forget)
        return row

    def _connect_service(self) -> None:
        s = self.service
        s.lookup_done.connect(self._on_lookup_done)
        s.lookup_failed.connect(self._on_lookup_failed)
        s.lookup_busy_changed.connect(self._on_lookup_busy)
        s.start_busy_changed.connect(self._on_start_busy)
        s.start_failed.connect(lambda text: _show(self.start_message, text, warning=True))
        s.track_failed.connect(lambda text: _show(self.track_message, text, warning=True))
        s.session_added.connect(self._on_session_added)
        s.session_updated.connect(self._on_session_changed)
        s.session_ended.connect(self._on_session_ended)
        s.session_error.connect(self._on_session_error)
        s.session_removed.connect(self._on_session_removed)
        s.action_busy_changed.connect(self._on_session_changed)
        s.pace_changed.connect(self._refresh_poll_label)

    # -- user actions --------------------------------------------------------------------------

    def lookup(self) -> None:
        _show(self.lookup_message, None)
        _show(self.start_message, None)  # a warning about the previous charger is old news
        if self.service.lookup(self.code_edit.text()):
            _show(self.lookup_message, self.tr("Looking up…"))

    def start(self) -> None:
        if self.service.start_in_flight:
            return
        _show(self.start_message, None)
        self._select_next_added = True
        if not self.service.start(
            self.code_edit.text(), self.connector_spin.value(), self.email_edit.text()
        ):
            self._select_next_added = False

    def track_existing(self) -> None:
        token = self.token_edit.text()
        self.token_edit.clear()  # do not keep a credential on screen
        _show(self.track_message, None)
        self._select_next_added = True
        key = self.service.track_existing(token)
        self._select_next_added = False
        if key is not None:
            self.select(key)

    def select(self, key: str | None) -> None:
        number = self.model.row_of(key) if key else -1
        if number < 0:
            self.sessions_view.clearSelection()
            return
        self.sessions_view.selectRow(number)

    @property
    def selected_key(self) -> str | None:
        return self._selected

    def _confirm(self) -> None:
        if self._selected:
            _show(self.action_message, None)
            self.service.confirm(self._selected)

    def _stop(self) -> None:
        if self._selected:
            _show(self.action_message, None)
            self.service.stop(self._selected)

    def _cancel(self) -> None:
        if self._selected:
            _show(self.action_message, None)
            self.service.cancel(self._selected)

    def _forget(self) -> None:
        if self._selected:
            self.service.forget(self._selected)

    # -- look-up results -----------------------------------------------------------------------

    def _on_lookup_busy(self, busy: bool) -> None:
        # The button stays usable: a newer look-up simply replaces the one in flight.
        self._lookup_busy = busy

    def _on_lookup_done(self, charger: PublicCharger) -> None:
        _show(self.lookup_message, None)
        self._looked_up = charger.public_code
        self._lookup_failed_for = None
        numbers = [c.connector_id for c in charger.connectors or [] if c.connector_id is not None]
        # Only the connectors this charger has can be chosen.
        self.connector_spin.setRange(min(numbers, default=MIN_CONNECTOR),
                                     max(numbers, default=MAX_CONNECTOR))  # fmt: skip
        self._update_start_enabled()
        self.charger_name.setText(
            f"{charger.name or fmt.DASH} ({charger.public_code})"
            if charger.public_code
            else charger.name or fmt.DASH
        )
        online = charger.online
        self.charger_online.setText(
            fmt.DASH
            if online is None
            else self.tr("Online")
            if online
            else self.tr("Offline — cannot start now")
        )
        self.charger_pricing.setText(tariff_text(charger.pricing))
        self.connectors_list.clear()
        first_free: QListWidgetItem | None = None
        for connector in charger.connectors or []:
            if connector.connector_id is None:
                continue
            item = QListWidgetItem(
                self.tr("Connector {number} — {status}").format(
                    number=connector.connector_id, status=fmt.text(connector.status)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, connector.connector_id)
            self.connectors_list.addItem(item)
            if first_free is None and connector.status == "Available":
                first_free = item
        if first_free is None and self.connectors_list.count():
            first_free = self.connectors_list.item(0)
        if first_free is not None:
            self.connectors_list.setCurrentItem(first_free)

    def _on_lookup_failed(self, message: str) -> None:
        self._looked_up = None
        self._lookup_failed_for = self.code_edit.text().strip()
        self.connector_spin.setRange(MIN_CONNECTOR, MAX_CONNECTOR)
        self._update_start_enabled()
        _show(self.lookup_message, message, warning=True)
        for label in (self.charger_name, self.charger_online, self.charger_pricing):
            label.setText(fmt.DASH)
        self.connectors_list.clear()

    def _on_connector_picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.connector_spin.setValue(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_start_busy(self, busy: bool) -> None:
        if busy:
            _show(self.start_message, self.tr("Starting… (never sent twice)"))
        elif self.start_message.text() == self.tr("Starting… (never sent twice)"):
            _show(self.start_message, None)
        self._update_start_enabled()

    def _update_start_enabled(self) -> None:
        code = self.code_edit.text().strip()
        has_code = bool(code)
        not_found = code == self._lookup_failed_for  # the look-up said this code is wrong
        self.start_button.setEnabled(
            has_code and not not_found and not self.service.start_in_flight
        )
        self.lookup_button.setEnabled(has_code)

    # -- sessions ------------------------------------------------------------------------------

    def _on_session_added(self, key: str) -> None:
        session = self.service.session(key)
        if session is None:
            return
        self.model.upsert(session)
        if self._select_next_added or self._selected is None:
            started_here = self._select_next_added
            self._select_next_added = False
            self.select(key)
            if started_here:
                # The connector just taken should not still read "Available" here.
                self._refresh_lookup_of(session)

    def _on_session_ended(self, key: str) -> None:
        self._on_session_changed(key)
        session = self.service.session(key)
        if session is not None:
            # Nor read "Preparing" (as of the start) once the session is over.
            self._refresh_lookup_of(session)

    def _refresh_lookup_of(self, session: TrackedSession) -> None:
        """Look the charger up again if it is the one the look-up box shows."""
        data = session.state.data if session.state is not None else None
        code = data.charger.public_code if data and data.charger else None
        if code and code == self._looked_up and not self._lookup_busy:
            self.service.lookup(code)

    def _on_session_changed(self, key: str, *_: object) -> None:
        session = self.service.session(key)
        if session is None:
            return
        self.model.upsert(session)
        if key == self._selected:
            self._show_detail()

    def _on_session_error(self, key: str, message: str) -> None:
        self._on_session_changed(key)
        if key == self._selected:
            _show(self.action_message, message, warning=True)

    def _on_session_removed(self, key: str) -> None:
        self.model.remove(key)
        if key == self._selected:
            self._selected = None
            self._show_detail()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.sessions_view.selectionModel().selectedRows()
        key = self.model.key_at(rows[0].row()) if rows else None
        if key != self._selected:
            self._selected = key
            _show(self.action_message, None)
            session = self.service.session(key) if key else None
            if session is not None and session.error:
                _show(self.action_message, session.error, warning=True)
            self._show_detail()

    # -- the selected session ------------------------------------------------------------------

    def _show_detail(self) -> None:
        session = self.service.session(self._selected) if self._selected else None
        if session is None:
            self._clear_detail()
            return
        state = session.state
        data = state.data if state is not None else None
        title = (
            self.tr("Session {session} — {charger}, connector {number}")
            if data and data.connector_id
            else self.tr("Session {session} — {charger}")
        ).format(
            session=session_label(session),
            charger=charger_text(data),
            number=data.connector_id if data else "",
        )
        self.detail_title.setText(title)
        self.status_label.setText(status_label(session.status))
        self.status_label.setToolTip(
            self.tr("API status: {status}").format(status=session.status) if session.status else ""
        )
        self._show_payment(session, state)
        self._show_timeline(data)
        self._show_figures(data)
        self._show_connector(data)
        self._update_actions(session)
        self._refresh_poll_label()

    def _clear_detail(self) -> None:
        self.detail_title.setText(self.tr("No session selected"))
        self.status_label.setText(self.tr("Start a session, or track one by its token."))
        self.poll_label.clear()
        self.payment_box.hide()
        self._show_timeline(None)
        self._show_figures(None)
        self._show_connector(None)
        for button in (self.stop_button, self.cancel_button, self.forget_button):
            button.setEnabled(False)
        self.cancel_button.show()

    def _show_payment(self, session: TrackedSession, state: SessionState | None) -> None:
        waiting = state is not None and state.data.needs_payment and not session.ended
        self.payment_box.setVisible(waiting)
        self.cancel_button.setVisible(not waiting)  # the payment step has its own Cancel
        if not waiting or state is None:
            return
        data = state.data
        hold = fmt.money(data.amount_authorized, session_currency(data))
        waiting_for = (
            self.tr("This session is waiting for the card hold of {amount}.").format(amount=hold)
            if data.amount_authorized is not None
            else self.tr("This session is waiting for the card hold.")
        )
        self.payment_text.setText(
            waiting_for
            + " "
            + self.tr(
                "Charging cannot start until the driver's card is pre-authorised. Confirm once "
                "the hold is in place, or cancel the session."
            )
        )
        # Presence only: the client secret and keys are credentials and stay off screen.
        self.payment_context.setText(
            self.tr("Payment context present (Stripe).")
            if state.payment is not None
            else self.tr("No payment context received yet.")
        )

    def _show_timeline(self, data: PublicSession | None) -> None:
        for name, label in self.timeline_labels.items():
            when: datetime | None = getattr(data, name) if data is not None else None
            if when is None:
                label.setText(f"{PENDING_MARK} {fmt.DASH}")
            else:
                label.setText(f"{DONE_MARK} {fmt.local_time_seconds(when)}")

    def _show_figures(self, data: PublicSession | None) -> None:
        if data is None:
            for label in (
                self.energy_label,
                self.cost_label,
                self.authorized_label,
                self.captured_label,
                self.tax_label,
                self.tariff_label,
            ):
                label.setText(fmt.DASH)
            return
        currency = session_currency(data)
        self.energy_label.setText(
            fmt.energy(data.energy_kwh, estimate=data.status in ESTIMATE_STATUSES)
        )
        self.cost_label.setText(fmt.money(data.cost_amount, currency))
        self.authorized_label.setText(fmt.money(data.amount_authorized, currency))
        self.captured_label.setText(fmt.money(data.amount_captured, currency))
        self.tax_label.setText(fmt.money(data.tax_amount, currency))
        self.tariff_label.setText(tariff_text(data.pricing))

    def _show_connector(self, data: PublicSession | None) -> None:
        if data is None:
            for label in (
                self.connector_label,
                self.session_online_label,
                self.failure_label,
                self.email_label,
            ):
                label.setText(fmt.DASH)
            return
        number = fmt.text(data.connector_id)
        self.connector_label.setText(f"{number} — {fmt.text(data.connector_status)}")
        online = data.charger.online if data.charger is not None else None
        self.session_online_label.setText(fmt.yes_no(online))
        self.failure_label.setText(fmt.text(data.failure_reason))
        self.email_label.setText(fmt.text(data.driver_email))

    def _update_actions(self, session: TrackedSession) -> None:
        data = session.state.data if session.state is not None else None
        idle = not session.ended and session.action is None and data is not None
        self.confirm_button.setEnabled(idle and data is not None and data.needs_payment)
        can_cancel = idle and data is not None and data.can_cancel
        self.cancel_button.setEnabled(can_cancel)
        self.payment_cancel_button.setEnabled(can_cancel)
        self.stop_button.setEnabled(idle and data is not None and data.can_stop)
        self.forget_button.setEnabled(session.ended)
        busy_texts = {
            "confirm": self.tr("Confirming…"),
            "stop": self.tr("Stopping…"),
            "cancel": self.tr("Cancelling…"),
        }
        working = self.tr("Working…")
        if session.action is not None:
            _show(self.action_message, busy_texts.get(session.action, working))
        elif self.action_message.text() in (*busy_texts.values(), working):
            _show(self.action_message, None)

    def _refresh_poll_label(self) -> None:
        key = self._selected
        session = self.service.session(key) if key else None
        if session is None or key is None:
            self.poll_label.clear()
            return
        if session.ended:
            self.poll_label.setText(
                self.tr("Ended — no longer checked. The token has been forgotten.")
            )
            return
        interval = self.service.poll_interval(key)
        due = self.service.seconds_until_poll(key)
        parts = []
        if interval is not None:
            every = _seconds_text(interval)
            parts.append(self.tr("Checked every {interval}").format(interval=every))
        if self.service.backoff > 1:
            parts.append(self.tr("slowed down after the API asked (429)"))
        if due is not None:
            parts.append(self.tr("next check in {time}").format(time=_seconds_text(due)))
        if session.updated_at is not None:
            answered = fmt.local_clock(session.updated_at)
            parts.append(self.tr("last answer {time}").format(time=answered))
        self.poll_label.setText(" · ".join(parts) if parts else self.tr("Checking…"))
