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

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from plugdesk.api.models import Charger
from plugdesk.domain.actions import LABELS, ActionKind, charger_label, permission_problem
from plugdesk.services.actions import POLL_SECONDS, ActionOutcome, ChargerActions, utc_now
from plugdesk.services.chargers import ChargerService
from plugdesk.services.wording import translated
from plugdesk.tasks import TaskRunner
from plugdesk.ui import formatting as fmt
from plugdesk.ui.actions.confirm import ConfirmDialog
from plugdesk.ui.actions.log_tab import OcppLogTab
from plugdesk.ui.actions.panel import ActionsPanel
from plugdesk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.app.alerts import FaultMonitoring
    from plugdesk.ui.events_pane import EventsPane

STATUS_MS = 15_000
BATCH_KINDS = (ActionKind.RESTART, ActionKind.LOCK)


translate = QCoreApplication.translate


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
        return self.window.selected_chargers()

    def ask_batch(self, kind: ActionKind) -> None:
        """Confirm, then act on every selected charger (one summary at the end)."""
        chargers = self.selected_chargers()
        if not chargers or self.batch_dialog is not None:
            return
        allowed = [c for c in chargers if not permission_problem(c)]
        skipped = [charger_label(c) for c in chargers if permission_problem(c)]
        names = ", ".join(charger_label(c) for c in allowed) or translate("ActionWiring", "none")
        effect = (
            translate("ActionWiring", "Each goes offline for about a minute; running charging "
                      "sessions are interrupted.")
            if kind is ActionKind.RESTART
            else translate("ActionWiring", "No new charging session can start on them until "
                           "they are made available.")
        )  # fmt: skip
        text = translate("ActionWiring", "{action}: {chargers} ({names})?").format(
            action=label(kind), chargers=count_chargers(len(allowed)), names=names
        )
        text += f"\n{effect}"
        if skipped:
            text += "\n" + translate(
                "ActionWiring", "Skipped, no permission for actions: {names}."
            ).format(names=", ".join(skipped))

        def answered(yes: bool) -> None:
            dialog, self.batch_dialog = self.batch_dialog, None
            if dialog is not None:
                dialog.deleteLater()
            if yes:
                self.window.say(
                    translate("ActionWiring", "{action}: sending to {chargers}…").format(
                        action=label(kind), chargers=count_chargers(len(allowed))
                    ),
                    STATUS_MS,
                )
                self.service.submit_many(kind, chargers)

        title = translate("ActionWiring", "{action} — {chargers}").format(
            action=label(kind), chargers=count_chargers(len(chargers))
        )
        self.batch_dialog = ConfirmDialog(title, text, label(kind), answered, self.window)
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
    wiring = ActionWiring(
        service,
        panel,
        log_tab,
        window.add_detail_tab(panel, translate("ActionWiring", "Actions")),
        window.add_detail_tab(log_tab, translate("ActionWiring", "Log")),
        window,
        desk.chargers,
    )

    def on_tab(index: int) -> None:
        panel.active = index == wiring.panel_index
        log_tab.active = index == wiring.log_index
        if panel.active:
            panel.set_charger(window.shown_charger())
        window.give_detail_room(log_tab.active)  # the log wants the height
        if log_tab.active:
            log_tab.ensure_loaded()

    window.detail_tab_changed.connect(on_tab)
    on_tab(window.detail_tab())

    def on_selected(uuid: str) -> None:
        panel.set_charger(window.shown_charger())
        log_tab.set_charger(uuid)

    def on_detail(charger: Charger) -> None:
        shown = window.shown_charger()
        if shown is not None and charger.uuid == shown.uuid:
            panel.set_charger(shown)

    window.charger_selected.connect(on_selected)
    desk.chargers.detail_loaded.connect(on_detail)
    _wire_batch(wiring)
    _wire_messages(wiring)
    _wire_events(wiring, faults)
    return wiring


def _wire_batch(wiring: ActionWiring) -> None:
    window = wiring.window
    menu = window.add_menu(translate("ActionWiring", "&Actions"))
    for kind in BATCH_KINDS:
        text = translate("ActionWiring", "{action} selected chargers…").format(action=label(kind))
        action = QAction(text, window)
        action.triggered.connect(lambda _c=False, k=kind: wiring.ask_batch(k))
        menu.addAction(action)

    def context_menu(parent: QWidget) -> QMenu | None:
        count = len(wiring.selected_chargers())
        return batch_menu(wiring, count, parent) if count else None

    window.offer_fleet_menu(context_menu)


def label(kind: ActionKind) -> str:
    """An action's name in the window's language ("Restart", "Herstarten")."""
    return translate("Actions", LABELS[kind])


def count_chargers(count: int) -> str:
    """ "1 charger", "3 chargers", "1.234 laadpalen"."""
    return fmt.plurals().chargers(count).replace(str(count), fmt.integer(count), 1)


def batch_menu(wiring: ActionWiring, count: int, parent: QWidget) -> QMenu:
    menu = QMenu(parent)
    for kind in BATCH_KINDS:
        text = translate("ActionWiring", "{action}: {chargers}…").format(
            action=label(kind), chargers=count_chargers(count)
        )
        action = QAction(text, menu)
        action.triggered.connect(lambda _c=False, k=kind: wiring.ask_batch(k))
        menu.addAction(action)
    return menu


def _wire_messages(wiring: ActionWiring) -> None:
    say = wiring.window.say

    def finished(result: ActionOutcome) -> None:
        if result.outcome_message is not None:
            say(translated(result.outcome_message), STATUS_MS)
        if wiring.window.selected_uuid() == result.request.charger_uuid:
            wiring.chargers.request_detail(result.request.charger_uuid)  # show the effect

    def summary(text: str) -> None:
        wiring.last_summary = text
        say(text, 60_000)

    wiring.service.replied.connect(
        lambda _request, reply: say(translated(reply.message), STATUS_MS)
    )
    wiring.service.finished.connect(finished)
    wiring.service.batch_finished.connect(summary)


def _wire_events(wiring: ActionWiring, faults: FaultMonitoring) -> None:
    from plugdesk.app.alerts import open_charger

    window = wiring.window

    def show_log(uuid: str, moment: datetime) -> None:
        open_charger(window, faults, uuid)
        window.show_detail_tab(wiring.log_index)
        wiring.log_tab.show_at(uuid, moment)

    def wire(events: QWidget) -> None:
        pane: EventsPane = events  # type: ignore[assignment]
        pane.set_action_source(wiring.service)
        pane.show_log_requested.connect(show_log)
        pane.exported.connect(lambda text: window.say(text, STATUS_MS))

    page = faults.events_page
    if page.is_built:
        wire(page.contents())
    else:
        page.built.connect(wire)
