"""The detail pane's "Actions" tab: restart, availability, remote start/stop, charge limit,
Plug & Charge and public charging for the selected charger.

Every button goes through a confirmation naming the charger and the effect; while an
action is being confirmed or is in flight the buttons are off (no second send on a double
click); where the charger's permissions do not allow actions they are off with the reason.
The line at the top says what is happening: the reply in words, then what came of it.
The panel asks the `ChargerActions` service for everything (no HTTP here).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from plugdesk.api.charger_models import BILLING_PLANS, PlugChargeSetting, PublicChargingSettings
from plugdesk.api.models import Charger, Transaction
from plugdesk.domain.actions import (
    NO_PERMISSION,
    ActionKind,
    ActionReply,
    ActionRequest,
    Reply,
    charger_label,
    confirmation_words,
    permission_problem,
    sanitize,
    session_words,
)
from plugdesk.domain.money import currency_exponent, minor_to_decimal, normalize_currency
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.actions import ActionOutcome, ChargerActions, Preparation
from plugdesk.services.wording import translated
from plugdesk.tasks import TaskRunner
from plugdesk.ui.actions.confirm import ConfirmDialog

READ_TASK = "actions-read"
# The confirmation's "yes" button says what it does.
YES_TEXT = {
    ActionKind.RESTART: QT_TRANSLATE_NOOP("ActionsPanel", "Restart"),
    ActionKind.LOCK: QT_TRANSLATE_NOOP("ActionsPanel", "Make unavailable"),
    ActionKind.UNLOCK: QT_TRANSLATE_NOOP("ActionsPanel", "Make available"),
    ActionKind.START: QT_TRANSLATE_NOOP("ActionsPanel", "Start charging"),
    ActionKind.STOP: QT_TRANSLATE_NOOP("ActionsPanel", "Stop charging"),
    ActionKind.LIMIT: QT_TRANSLATE_NOOP("ActionsPanel", "Set limit"),
    ActionKind.CLEAR_LIMIT: QT_TRANSLATE_NOOP("ActionsPanel", "Clear limit"),
    ActionKind.PLUG_CHARGE: QT_TRANSLATE_NOOP("ActionsPanel", "Apply"),
    ActionKind.PUBLIC_CHARGING: QT_TRANSLATE_NOOP("ActionsPanel", "Apply"),
}
CONFIRM_TASK = "actions-confirm"
PLAN_LABELS = {  # the API's billing plans (sent as they are), shown translated
    "subscription": QT_TRANSLATE_NOOP("ActionsPanel", "subscription"),
    "transaction": QT_TRANSLATE_NOOP("ActionsPanel", "per transaction"),
}
DEFAULT_MAX_AMPS = 32.0
_WATCHED = (Reply.ACCEPTED, Reply.UNKNOWN, Reply.TIMEOUT)


class ActionsPanel(QWidget):
    def __init__(
        self, service: ChargerActions, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.active = True  # the tab is showing: read the settings on a new charger
        self.confirm_dialog: ConfirmDialog | None = None
        self._charger: Charger | None = None
        self._sessions: list[Transaction] = []
        self._locked: bool | None = None  # made unavailable (settings/lock), None unknown
        self._read_for: str | None = None
        self._confirming = False
        self._said: dict[str, str] = {}  # uuid -> the last thing said about it

        self.status = QLabel(self.tr("Select a charger to act on it."))
        self.status.setWordWrap(True)
        self.status.setObjectName("actionStatus")
        self.status.setAccessibleName(self.tr("Action status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setFrameShape(QFrame.Shape.StyledPanel)
        self.status.setMargin(6)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(self._build_power_row())
        row = QHBoxLayout()
        row.addWidget(self._build_charging(), 1)
        row.addWidget(self._build_limit(), 1)
        body.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self._build_plug_charge(), 1)
        row.addWidget(self._build_public(), 1)
        body.addLayout(row)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

        service.busy_changed.connect(self._on_busy)
        service.replied.connect(self._on_replied)
        service.finished.connect(self._on_finished)
        self._update_enabled()

    # -- building ----------------------------------------------------------------------

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        return button

    def _build_power_row(self) -> QHBoxLayout:
        self.restart_button = self._button(
            self.tr("Restart…"), self.tr("Reboot the charger (it goes offline for about a minute)")
        )
        self.restart_button.clicked.connect(lambda: self._ask(ActionKind.RESTART))
        self.lock_button = self._button(
            self.tr("Make unavailable…"),
            self.tr("No new charging sessions until it is made available again"),
        )
        self.lock_button.clicked.connect(lambda: self._ask(ActionKind.LOCK))
        self.unlock_button = self._button(
            self.tr("Make available…"), self.tr("Let drivers charge again")
        )
        self.unlock_button.clicked.connect(lambda: self._ask(ActionKind.UNLOCK))
        self.availability = QLabel()
        self.availability.setEnabled(False)
        row = QHBoxLayout()
        for widget in (self.restart_button, self.lock_button, self.unlock_button):
            row.addWidget(widget)
        row.addWidget(self.availability, 1)
        return row

    def _build_charging(self) -> QGroupBox:
        box = QGroupBox(self.tr("Charging"))
        form = QFormLayout(box)
        self.connector_choice = QComboBox()
        self.connector_choice.setAccessibleName(self.tr("Connector to start on"))
        self.id_tag = QComboBox()
        self.id_tag.setEditable(True)
        self.id_tag.setAccessibleName(self.tr("Id tag"))
        self.id_tag.setToolTip(
            self.tr("The id tag (RFID card) to charge for; recent ones are offered")
        )
        line = self.id_tag.lineEdit()
        if line is not None:
            line.setMaxLength(20)
            line.setPlaceholderText(self.tr("id tag (up to 20 characters)"))
            line.textChanged.connect(lambda _t: self._update_enabled())
        self.start_button = self._button(
            self.tr("Start charging…"), self.tr("Remote start for this id tag")
        )
        self.start_button.clicked.connect(lambda: self._ask(ActionKind.START))
        self.session_label = QLabel("—")
        self.session_label.setWordWrap(True)
        self.stop_button = self._button(
            self.tr("Stop charging…"), self.tr("Remote stop of the session shown")
        )
        self.stop_button.clicked.connect(lambda: self._ask(ActionKind.STOP))
        form.addRow(self.tr("Connector:"), self.connector_choice)
        form.addRow(self.tr("Id tag:"), self.id_tag)
        form.addRow("", self.start_button)
        form.addRow(self.tr("Running:"), self.session_label)
        form.addRow("", self.stop_button)
        return box

    def _build_limit(self) -> QGroupBox:
        box = QGroupBox(self.tr("Charge limit"))
        form = QFormLayout(box)
        self.limit_scope = QComboBox()
        self.limit_scope.setAccessibleName(self.tr("Limit applies to"))
        self.limit_amps = QDoubleSpinBox()
        self.limit_amps.setRange(0, 1000)
        self.limit_amps.setDecimals(0)
        self.limit_amps.setSuffix(" A")
        self.limit_amps.setValue(16)
        self.limit_amps.setAccessibleName(self.tr("Limit in amperes"))
        self.limit_button = self._button(self.tr("Set limit…"), self.tr("Cap the charging current"))
        self.limit_button.clicked.connect(lambda: self._ask(ActionKind.LIMIT))
        self.clear_limit_button = self._button(
            self.tr("Clear limit…"), self.tr("Lift the limit back to the charger's maximum current")
        )
        self.clear_limit_button.clicked.connect(lambda: self._ask(ActionKind.CLEAR_LIMIT))
        buttons = QHBoxLayout()
        buttons.addWidget(self.limit_button)
        buttons.addWidget(self.clear_limit_button)
        form.addRow(self.tr("Applies to:"), self.limit_scope)
        form.addRow(self.tr("Current:"), self.limit_amps)
        form.addRow("", buttons)
        return box

    def _build_plug_charge(self) -> QGroupBox:
        box = QGroupBox(self.tr("Plug && Charge"))
        form = QFormLayout(box)
        self.plug_enabled = QCheckBox(self.tr("On"))
        self.plug_enabled.toggled.connect(lambda _on: self._update_enabled())
        self.plug_card = QLineEdit()
        self.plug_card.setMaxLength(20)
        self.plug_card.setPlaceholderText(self.tr("card UID it bills"))
        self.plug_card.setAccessibleName(self.tr("Plug and Charge card"))
        self.plug_card.textChanged.connect(lambda _t: self._update_enabled())
        self.plug_current = QLabel("—")
        self.plug_apply = self._button(self.tr("Apply…"), self.tr("Turn Plug & Charge on or off"))
        self.plug_apply.clicked.connect(lambda: self._ask(ActionKind.PLUG_CHARGE))
        form.addRow(self.tr("Plug && Charge:"), self.plug_enabled)
        form.addRow(self.tr("Card:"), self.plug_card)
        form.addRow(self.tr("Now:"), self.plug_current)
        form.addRow("", self.plug_apply)
        return box

    def _build_public(self) -> QGroupBox:
        box = QGroupBox(self.tr("Public charging"))
        form = QFormLayout(box)
        self.public_enabled = QCheckBox(self.tr("On"))
        self._currency = "EUR"
        self.public_price = QDoubleSpinBox()
        self.public_price.setAccessibleName(self.tr("Price per kWh"))
        self.public_fee = QDoubleSpinBox()
        self.public_fee.setAccessibleName(self.tr("Start fee"))
        self._set_money_limits(150, 500)
        self.public_plan = QComboBox()
        for plan in BILLING_PLANS:
            self.public_plan.addItem(self.tr(PLAN_LABELS.get(plan, plan)), plan)
        self.public_plan.setCurrentIndex(max(0, self.public_plan.findData("transaction")))
        self.public_code = QLabel("—")
        self.public_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_code = QPushButton(self.tr("Copy"))
        self.copy_code.setToolTip(self.tr("Copy the public code"))
        self.copy_code.clicked.connect(lambda: self._copy(self.public_code.text()))
        self.public_url = QLabel("—")
        self.public_url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.public_url.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.copy_url = QPushButton(self.tr("Copy"))
        self.copy_url.setToolTip(self.tr("Copy the public charging URL"))
        self.copy_url.clicked.connect(lambda: self._copy(self.public_url.text()))
        self.public_apply = self._button(
            self.tr("Apply…"), self.tr("Save the public charging settings")
        )
        self.public_apply.clicked.connect(lambda: self._ask(ActionKind.PUBLIC_CHARGING))
        code_row, url_row = QHBoxLayout(), QHBoxLayout()
        code_row.addWidget(self.public_code, 1)
        code_row.addWidget(self.copy_code)
        url_row.addWidget(self.public_url, 1)
        url_row.addWidget(self.copy_url)
        form.addRow(self.tr("Public charging:"), self.public_enabled)
        form.addRow(self.tr("Price per kWh:"), self.public_price)
        form.addRow(self.tr("Start fee:"), self.public_fee)
        form.addRow(self.tr("Billing plan:"), self.public_plan)
        form.addRow(self.tr("Public code:"), code_row)
        form.addRow(self.tr("URL:"), url_row)
        form.addRow("", self.public_apply)
        return box

    # -- the charger shown -------------------------------------------------------------

    @property
    def charger(self) -> Charger | None:
        return self._charger

    def set_charger(self, charger: Charger | None) -> None:
        """The detail pane shows this charger (the list row first, then the detail)."""
        same = (
            charger is not None
            and self._charger is not None
            and (charger.uuid == self._charger.uuid)
        )
        self._charger = charger
        if not same:
            self._sessions = []
            self._locked = None
            self._read_for = None
            self._fill_idle()
        self._fill_connectors()
        self._update_enabled()
        if charger is not None and self.active and self._read_for != charger.uuid:
            self.read_now()

    def read_now(self) -> None:
        """Read the charger's settings, running sessions and recent id tags."""
        if self._charger is None:
            return
        self._read_for = self._charger.uuid
        self.runner.start(self._read(self._charger.uuid), READ_TASK)

    async def _read(self, uuid: str) -> None:
        prepared = await self.service.prepare(uuid)
        lock, plug, public, problems = await self.service.read_settings(uuid)
        tags = await self.service.recent_id_tags(uuid)
        if self._charger is None or self._charger.uuid != uuid:
            return
        self._sessions = prepared.sessions
        self._show_sessions(prepared)
        self._show_settings(lock, plug, public)
        self._fill_tags(tags)
        if problems and uuid not in self._said:
            self._say(
                uuid,
                self.tr("Could not read {what}").format(
                    what="; ".join(sanitize(p) for p in problems)
                ),
            )
        self._update_enabled()

    def _fill_idle(self) -> None:
        charger = self._charger
        if charger is None:
            self.status.setText(self.tr("Select a charger to act on it."))
            return
        said = self._said.get(charger.uuid)
        problem = self._permission_problem(charger)
        self.status.setText(
            problem
            or said
            or self.tr("Actions on {charger}.").format(charger=charger_label(charger))
        )
        self.session_label.setText("—")
        self.plug_current.setText("—")
        self.public_code.setText("—")
        self.public_url.setText("—")
        self.availability.setText("")
        self.id_tag.clear()

    def _fill_connectors(self) -> None:
        numbers = [
            c.connector_id for c in (self._charger.connectors if self._charger else None) or []
            if c.connector_id is not None
        ]  # fmt: skip
        for combo, first in ((self.connector_choice, self.tr("Any free connector")),
                             (self.limit_scope, self.tr("Whole charger"))):  # fmt: skip
            kept = combo.currentData()
            if [combo.itemData(i) for i in range(1, combo.count())] == numbers and combo.count():
                continue
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None if combo is self.connector_choice else 0)
            for number in numbers:
                combo.addItem(self.tr("Connector {number}").format(number=number), number)
            found = combo.findData(kept)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def _show_sessions(self, prepared: Preparation) -> None:
        if prepared.problem:
            self.session_label.setText(
                self.tr("Could not read the sessions: {problem}").format(
                    problem=sanitize(prepared.problem)
                )
            )
        elif prepared.sessions:
            charger = prepared.charger or self._charger
            self.session_label.setText(
                "\n".join(translated(session_words(tx, charger)) for tx in prepared.sessions)
            )
        else:
            self.session_label.setText(self.tr("No charging session is running."))

    def _show_settings(
        self,
        lock: bool | None,
        plug: PlugChargeSetting | None,
        public: PublicChargingSettings | None,
    ) -> None:
        self._locked = lock
        if lock is not None:
            self.availability.setText(
                self.tr("Made unavailable") if lock else self.tr("Available to drivers")
            )
        if plug is not None:
            self.plug_enabled.setChecked(bool(plug.enabled))
            card = sanitize(plug.current_card) if plug.current_card else ""
            self.plug_card.setText(card)
            self.plug_current.setText(
                self.tr("on, card {card}").format(card=card) if plug.enabled else self.tr("off")
            )
        if public is not None:
            limits = public.limits
            self._currency = normalize_currency(public.currency or "EUR")
            self._set_money_limits(
                limits.max_price_per_kwh if limits and limits.max_price_per_kwh else 150,
                limits.max_start_fee if limits and limits.max_start_fee else 500,
            )
            self.public_enabled.setChecked(bool(public.enabled))
            self.public_price.setValue(self._major(public.price_per_kwh or 0))
            self.public_fee.setValue(self._major(public.start_fee or 0))
            self.public_code.setText(sanitize(public.public_code or "—"))
            self.public_url.setText(sanitize(public.public_url or "—"))

    def _set_money_limits(self, max_price: int, max_fee: int) -> None:
        """Prices shown in the currency's major unit (0.35 EUR), sent in minor units."""
        decimals = currency_exponent(self._currency)
        pairs = ((self.public_price, max_price, "/kWh"), (self.public_fee, max_fee, ""))
        for box, top, unit in pairs:
            box.setDecimals(decimals)
            box.setSingleStep(10**-decimals if decimals else 1)
            box.setRange(0, self._major(top))
            box.setSuffix(f" {sanitize(self._currency)}{unit}")

    def _major(self, minor: int) -> float:
        return float(minor_to_decimal(minor, self._currency))

    def _minor(self, major: float) -> int:
        return round(major * 10 ** currency_exponent(self._currency))

    def _fill_tags(self, tags: list[str]) -> None:
        typed = self.id_tag.currentText()
        self.id_tag.clear()
        self.id_tag.addItems([sanitize(tag) for tag in tags])
        self.id_tag.setEditText(typed or (sanitize(tags[0]) if tags else ""))

    # -- enabling ----------------------------------------------------------------------

    def _update_enabled(self) -> None:
        charger = self._charger
        problem = (
            self._permission_problem(charger) if charger else self.tr("Select a charger first.")
        )
        busy = charger is not None and (self._confirming or self.service.in_flight(charger.uuid))
        reason = problem or (
            self.tr("An action is in flight; wait for its reply.") if busy else None
        )
        checks = {
            self.restart_button: None,
            self.lock_button: self.tr("It is already unavailable.")
            if self._locked is True
            else None,
            self.unlock_button: self.tr("It is already available.")
            if self._locked is False
            else None,
            self.start_button: None
            if self.id_tag.currentText().strip()
            else self.tr("Enter an id tag."),
            self.stop_button: None
            if self._sessions
            else self.tr("No charging session is running."),
            self.limit_button: None,
            self.clear_limit_button: None,
            self.plug_apply: (
                self.tr("Enter the card UID it bills.")
                if self.plug_enabled.isChecked() and not self.plug_card.text().strip()
                else None
            ),
            self.public_apply: None,
        }
        for button, own in checks.items():
            why = reason or own
            button.setEnabled(why is None)
            tip = button.property("plain_tip") or button.toolTip()
            button.setProperty("plain_tip", tip)
            button.setToolTip(tip if why is None else f"{tip}\n{self._not_now()}{why}")

    def _permission_problem(self, charger: Charger) -> str | None:
        """`permission_problem` in the window's language."""
        if permission_problem(charger) is None:
            return None
        text = QCoreApplication.translate("Actions", NO_PERMISSION)
        return text.format(charger=charger_label(charger))

    def disabled_reason(self, button: QPushButton) -> str | None:
        """Why a button is off (the text its tooltip adds), None when it is on."""
        tip, marker = button.toolTip(), self._not_now()
        return tip.split(marker, 1)[1] if marker in tip else None

    def _not_now(self) -> str:
        """The tooltip line that says why a button is off ("Not now: …")."""
        return self.tr("Not now: ")

    # -- asking and sending ------------------------------------------------------------

    def request_for(self, kind: ActionKind) -> ActionRequest | None:
        charger = self._charger
        if charger is None:
            return None
        name = charger_label(charger)
        base = ActionRequest(kind, charger.uuid, name)
        if kind is ActionKind.START:
            return replace(base, connector_id=self.connector_choice.currentData(),
                           id_tag=self.id_tag.currentText().strip())  # fmt: skip
        if kind is ActionKind.STOP:
            tx = self._sessions[0].id if self._sessions else None
            return replace(base, transaction_id=tx)
        if kind is ActionKind.LIMIT:
            return replace(base, connector_id=self.limit_scope.currentData() or 0,
                           amps=self.limit_amps.value())  # fmt: skip
        if kind is ActionKind.CLEAR_LIMIT:
            return replace(base, connector_id=self.limit_scope.currentData() or 0,
                           amps=self._max_amps(self.limit_scope.currentData()))  # fmt: skip
        if kind is ActionKind.PLUG_CHARGE:
            on = self.plug_enabled.isChecked()
            card = self.plug_card.text().strip() if on else None
            return replace(base, enabled=on, card_uid=card)
        if kind is ActionKind.PUBLIC_CHARGING:
            return replace(base, enabled=self.public_enabled.isChecked(),
                           price_per_kwh=self._minor(self.public_price.value()),
                           start_fee=self._minor(self.public_fee.value()),
                           billing_plan=self.public_plan.currentData(),
                           currency=self._currency)  # fmt: skip
        return base

    def _max_amps(self, connector_id: int | None) -> float:
        charger = self._charger
        for connector in (charger.connectors if charger else None) or []:
            if connector_id and connector.connector_id == connector_id and connector.max_amperage:
                return float(connector.max_amperage)
        if charger is not None and charger.max_current:
            return float(charger.max_current)
        return DEFAULT_MAX_AMPS

    def _ask(self, kind: ActionKind) -> None:
        request = self.request_for(kind)
        if request is None or self._charger is None:
            return
        if self._confirming or self.service.in_flight(request.charger_uuid):
            return  # a double click: the first click is being handled
        if permission_problem(self._charger):
            return
        self._confirming = True
        self._update_enabled()
        self.runner.start(self._confirm(request, self._charger), CONFIRM_TASK, replace=False)

    async def _confirm(self, request: ActionRequest, before: Charger) -> None:
        if request.kind in (ActionKind.RESTART, ActionKind.STOP):
            self.status.setText(
                self.tr("Checking the charging sessions of {charger}…").format(
                    charger=request.charger_name
                )
            )
            prepared = await self.service.prepare(request.charger_uuid)
        else:
            prepared = Preparation(before, self._sessions)
        if request.kind is ActionKind.STOP and prepared.sessions:
            request = replace(request, transaction_id=prepared.sessions[0].id)
        charger = prepared.charger or before
        text = translated(confirmation_words(request, prepared.sessions, charger))
        title = f"{request.label} — {request.charger_name}"
        self.confirm_dialog = ConfirmDialog(
            title,
            text,
            self.tr(YES_TEXT[request.kind]),
            lambda yes: self._answered(request, charger, yes),
            self,
        )
        self.confirm_dialog.open()

    def _answered(self, request: ActionRequest, before: Charger, yes: bool) -> None:
        self._confirming = False
        dialog, self.confirm_dialog = self.confirm_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if not yes:
            self._say(request.charger_uuid, self.tr("{action} of {charger}: not sent (cancelled).")
                      .format(action=request.label, charger=request.charger_name))  # fmt: skip
        elif not self.service.submit(request, before):
            self._say(
                request.charger_uuid, self.tr("An action is already in flight for this charger.")
            )
        self._update_enabled()

    # -- what the service says ---------------------------------------------------------

    def _say(self, uuid: str, text: str) -> None:
        self._said[uuid] = text
        if self._charger is not None and self._charger.uuid == uuid:
            self.status.setText(text)

    def _on_busy(self, uuid: str, busy: bool) -> None:
        if busy:
            name = self._charger.identity if self._charger else uuid
            self._say(
                uuid,
                self.tr("Sending to {charger}… waiting for the charger's reply.").format(
                    charger=sanitize(name)
                ),
            )
        self._update_enabled()

    def _on_replied(self, request: ActionRequest, reply: ActionReply) -> None:
        text = translated(reply.message)
        if reply.reply in _WATCHED:
            text += "\n" + self.tr("Watching the charger for the effect…")
        self._say(request.charger_uuid, text)

    def _on_finished(self, result: ActionOutcome) -> None:
        request = result.request
        if result.outcome_message is not None:
            said = f"{translated(result.reply.message)}\n{translated(result.outcome_message)}"
            self._say(request.charger_uuid, said)
        if self._charger is not None and self._charger.uuid == request.charger_uuid:
            self.read_now()

    def _copy(self, text: str) -> None:
        if text and text != "—":
            QGuiApplication.clipboard().setText(text)
