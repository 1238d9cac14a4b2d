"""Charger actions wired into a running PlugDesk: one call from the composition root,
after the fault monitoring (whose store keeps the audit trail).

    desk.actions = wire_actions(desk, desk.faults)

connects:

    selected charger (list row, then detail) -> Actions tab and Log tab of the detail pane
    charger list, several rows selected      -> "Restart" / "Make unavailable" for all
                                                (context menu and the Actions menu)
    ChargerActions.replied / finished / batch_finished -> the status bar
    ChargerActions.audit_changed             -> Events pane rows of kind "Action"
    Events pane "Show log"                   -> the charger's Log tab at the event's start

It lives beside `faults.py` (above `ui/` and `services/`) because it joins both.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from plugdesk.api.models import Charger
from plugdesk.domain.actions import LABELS, ActionKind, charger_label, permission_problem
from plugdesk.services.actions import POLL_SECONDS, ActionOutcome, ChargerActions, utc_now
from plugdesk.services.chargers import ChargerService
from plugdesk.tasks import TaskRunner
from plugdesk.ui.actions.confirm import ConfirmDialog
from plugdesk.ui.actions.log_tab import OcppLogTab
from plugdesk.ui.actions.panel import ActionsPanel
from plugdesk.ui.fleet_model import CHARGER_ROLE
from plugdesk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.app.alerts import FaultMonitoring
    from plugdesk.ui.events_pane import EventsPane

STATUS_MS = 15_000
BATCH_KINDS = (ActionKind.RESTART, ActionKind.LOCK)


class DeskParts(Protocol):
    @property
    def window(self) -> MainWindow: ...
    @property
    def runner(self) -> TaskRunner: ...
    @property
    def client(self) -> PlugchoiceClient: ...
    @property
    def chargers(self) -> ChargerService: ...


@dataclass
class ActionWiring:
    service: ChargerActions
    panel: ActionsPanel
    log_tab: OcppLogTab
    panel_index: int
    log_index: int
    window: MainWindow
    chargers: ChargerService
    batch_dialog: ConfirmDialog | None = None
    last_summary: str = ""

    def selected_chargers(self) -> list[Charger]:
        rows = self.window.fleet_view.table.selectionModel().selectedRows()
        chargers = [index.data(CHARGER_ROLE) for index in rows]
        return [c for c in chargers if isinstance(c, Charger)]

    def ask_batch(self, kind: ActionKind) -> None:
        """Confirm, then act on every selected charger (one summary at the end)."""
        chargers = self.selected_chargers()
        if not chargers or self.batch_dialog is not None:
            return
        allowed = [c for c in chargers if not permission_problem(c)]
        skipped = [charger_label(c) for c in chargers if permission_problem(c)]
        names = ", ".join(charger_label(c) for c in allowed) or "none"
        effect = (
            "Each goes offline for about a minute; running charging sessions are interrupted."
            if kind is ActionKind.RESTART
            else "No new charging session can start on them until they are made available."
        )
        text = f"{LABELS[kind]}: {len(allowed)} chargers ({names})?\n{effect}"
        if skipped:
            text += f"\nSkipped, no permission for actions: {', '.join(skipped)}."

        def answered(yes: bool) -> None:
            dialog, self.batch_dialog = self.batch_dialog, None
            if dialog is not None:
                dialog.deleteLater()
            if yes:
                self.window.status_bar.showMessage(
                    f"{LABELS[kind]}: sending to {len(allowed)} chargers…", STATUS_MS
                )
                self.service.submit_many(kind, chargers)

        title = f"{LABELS[kind]} — {len(chargers)} chargers"
        self.batch_dialog = ConfirmDialog(title, text, LABELS[kind], answered, self.window)
        self.batch_dialog.open()


def wire_actions(
    desk: DeskParts,
    faults: FaultMonitoring,
    *,
    clock: Callable[[], datetime] = utc_now,
    poll_seconds: float = POLL_SECONDS,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> ActionWiring:
    window = desk.window
    service = ChargerActions(desk.client, faults.store, desk.runner, parent=window,
                             clock=clock, poll_seconds=poll_seconds, sleep=sleep)  # fmt: skip
    panel = ActionsPanel(service, desk.runner)
    log_tab = OcppLogTab(service, desk.runner)
    pane = window.detail_pane
    wiring = ActionWiring(service, panel, log_tab, pane.add_tab(panel, "Actions"),
                          pane.add_tab(log_tab, "Log"), window, desk.chargers)  # fmt: skip

    def on_tab(index: int) -> None:
        panel.active = index == wiring.panel_index
        log_tab.active = index == wiring.log_index
        if panel.active:
            panel.set_charger(pane.charger)
        pane.connectors_box.setVisible(not log_tab.active)  # the log wants the height
        if log_tab.active:
            log_tab.ensure_loaded()

    roomy = _RoomForTheLog(window)
    pane.tabs.currentChanged.connect(lambda index: roomy.set(index == wiring.log_index))
    pane.tabs.currentChanged.connect(on_tab)
    on_tab(pane.tabs.currentIndex())

    def on_selected(uuid: str) -> None:
        panel.set_charger(pane.charger)
        log_tab.set_charger(uuid)

    def on_detail(charger: Charger) -> None:
        if pane.charger is not None and charger.uuid == pane.charger.uuid:
            panel.set_charger(pane.charger)

    window.charger_selected.connect(on_selected)
    desk.chargers.detail_loaded.connect(on_detail)
    _wire_batch(wiring)
    _wire_messages(wiring)
    _wire_events(wiring, faults)
    return wiring


class _RoomForTheLog:
    """The Log tab wants height: while it shows, the detail pane gets most of the right
    side; the user's own split comes back when another tab is chosen."""

    SHARE = 0.7

    def __init__(self, window: MainWindow) -> None:
        self.splitter = window.right_splitter
        self.saved: list[int] | None = None

    def set(self, roomy: bool) -> None:
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if roomy and self.saved is None and total and sizes[0] < total * self.SHARE:
            self.saved = sizes
            top = int(total * self.SHARE)
            self.splitter.setSizes([top, total - top])
        elif not roomy and self.saved is not None:
            self.splitter.setSizes(self.saved)
            self.saved = None


def _wire_batch(wiring: ActionWiring) -> None:
    window = wiring.window
    table = window.fleet_view.table
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    menu = window.menuBar().addMenu("&Actions")
    for kind in BATCH_KINDS:
        action = QAction(f"{LABELS[kind]} selected chargers…", window)
        action.triggered.connect(lambda _c=False, k=kind: wiring.ask_batch(k))
        menu.addAction(action)

    def context_menu(position: QPoint) -> None:
        count = len(wiring.selected_chargers())
        if not count:
            return
        popup = batch_menu(wiring, count, table)
        popup.exec(table.viewport().mapToGlobal(position))
        popup.deleteLater()

    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(context_menu)


def batch_menu(wiring: ActionWiring, count: int, parent: QWidget) -> QMenu:
    menu = QMenu(parent)
    noun = "charger" if count == 1 else f"{count} chargers"
    for kind in BATCH_KINDS:
        action = QAction(f"{LABELS[kind]}: {noun}…", menu)
        action.triggered.connect(lambda _c=False, k=kind: wiring.ask_batch(k))
        menu.addAction(action)
    return menu


def _wire_messages(wiring: ActionWiring) -> None:
    bar = wiring.window.status_bar

    def finished(result: ActionOutcome) -> None:
        if result.outcome is not None:
            bar.showMessage(result.outcome, STATUS_MS)
        if wiring.window.selected_uuid() == result.request.charger_uuid:
            wiring.chargers.request_detail(result.request.charger_uuid)  # show the effect

    def summary(text: str) -> None:
        wiring.last_summary = text
        bar.showMessage(text, 60_000)

    wiring.service.replied.connect(lambda _request, reply: bar.showMessage(reply.words, STATUS_MS))
    wiring.service.finished.connect(finished)
    wiring.service.batch_finished.connect(summary)


def _wire_events(wiring: ActionWiring, faults: FaultMonitoring) -> None:
    from plugdesk.app.alerts import open_charger

    window = wiring.window

    def show_log(uuid: str, moment: datetime) -> None:
        open_charger(window, faults, uuid)
        window.detail_pane.tabs.setCurrentIndex(wiring.log_index)
        wiring.log_tab.show_at(uuid, moment)

    def wire(events: QWidget) -> None:
        pane: EventsPane = events  # type: ignore[assignment]
        pane.set_action_source(wiring.service)
        pane.show_log_requested.connect(show_log)
        pane.exported.connect(lambda text: window.status_bar.showMessage(text, STATUS_MS))

    page = faults.events_page
    if page.is_built:
        wire(page.contents())
    else:
        page.built.connect(wire)
