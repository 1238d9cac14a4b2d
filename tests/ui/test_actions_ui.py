"""The Actions and Log tabs, several chargers from the list, and the Events pane's Action
rows, on a real window wired as the app wires it, against the simulator.

- Actions: the confirmation names the charger and the effect; a double click sends once;
  the buttons are off with the reason where permissions do not allow; a 403 is explained;
  the reply, then what came of it (a 504 that still happened says so).
- Several chargers: one confirmation, one summary, one failure named.
- Audit: rows of kind "Action" in the Events pane, filtered, exported as CSV, and still
  there after the app is started again on the same history file.
- Log tab: newest first, the next page when scrolled to the end, every filter, indented
  JSON and copy; "Show log" on an incident opens the log at the incident's start.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from plugdesk.api.models import Charger
from plugdesk.app.action_wiring import wire_actions
from plugdesk.app.alerts import FaultMonitoring
from plugdesk.domain.actions import ActionKind
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.ui.events_pane import INCIDENT_ROLE, EventsPane
from plugdesk.ui.fleet_model import UUID_ROLE
from tests.support.actions import pick, settle, sim_sleep
from tests.support.alerts import DeskStandIn, close, wired


class Rig:
    def __init__(self, sim: Any, qtbot: Any) -> None:
        self.sim = sim
        self.desk, self.faults = wired(sim, qtbot)
        self.window = self.desk.window
        self.window.resize(1500, 1000)
        self.wiring = wire_actions(_Desk(self.desk), self.faults, clock=sim.now,
                                   poll_seconds=0, sleep=sim_sleep(sim))  # fmt: skip
        self.panel = self.wiring.panel
        self.log = self.wiring.log_tab

    async def start(self) -> None:
        await self.desk.harness.refresh()


class _Desk:
    """DeskStandIn plus the ChargerService that wire_actions also reads."""

    def __init__(self, desk: DeskStandIn) -> None:
        self._desk = desk
        self.window = desk.window
        self.runner = desk.runner
        self.client = desk.client
        self.chargers = desk.harness.chargers


@pytest.fixture
def rig(sim: Any, qtbot: Any, qloop: Any) -> Iterator[Rig]:
    sim.force_action_outcome("reply")
    made = Rig(sim, qtbot)
    qloop.run_until_complete(made.start())
    yield made
    qloop.run_until_complete(close(made.desk, made.faults))


async def panel_ready(rig: Rig, charger: Charger) -> None:
    """Select the charger on the Actions tab and wait until its settings were read."""
    rig.window.detail_pane.tabs.setCurrentIndex(rig.wiring.panel_index)
    assert rig.window.select_charger(charger.uuid)
    for _ in range(500):
        if rig.panel.availability.text():
            return
        await _turn()
    raise AssertionError("the Actions tab never showed the charger's availability")


async def _turn() -> None:
    import asyncio

    await asyncio.sleep(0.01)


async def wait_for(predicate: Any, what: str, turns: int = 1000) -> None:
    for _ in range(turns):
        if predicate():
            return
        await _turn()
    raise AssertionError(f"timed out waiting for {what}")


# -- one charger -----------------------------------------------------------------------------


def test_restart_is_confirmed_sent_once_on_a_double_click_and_its_outcome_said(
    rig: Rig, run: Any, qtbot: Any
) -> None:
    charger = pick(rig.sim)
    rig.sim.force_fault(charger.uuid, "OtherError", hard=False)
    run(panel_ready(rig, charger))
    button = rig.panel.restart_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the double click
    run(wait_for(lambda: rig.panel.confirm_dialog is not None, "the confirmation"))
    dialog = rig.panel.confirm_dialog
    assert dialog is not None
    assert dialog.text().startswith(f"Restart {charger.identity}? It goes offline")
    assert "No charging session is running on it." in dialog.text()
    assert not button.isEnabled()  # while it is being confirmed
    finished = SignalWaiter(rig.wiring.service.finished)
    qtbot.mouseClick(dialog.yes_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.yes_button, Qt.MouseButton.LeftButton)  # a second "Yes"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # and the button once more
    run(settle(rig.sim, finished.wait(20)))
    assert [r.action for r in rig.sim.action_log] == ["restart"]
    status = rig.panel.status.text()
    assert f"{charger.identity}: restart — Accepted" in status
    assert f"{charger.identity} restarted: back online after" in status
    assert status.endswith("s, fault cleared")
    assert rig.window.status_bar.currentMessage().endswith("fault cleared")


def test_the_restart_confirmation_lists_the_sessions_it_interrupts(
    rig: Rig, run: Any, qtbot: Any
) -> None:
    charger = pick(rig.sim)
    run(panel_ready(rig, charger))
    rig.panel.id_tag.setEditText("TAG-UI-1")
    qtbot.mouseClick(rig.panel.start_button, Qt.MouseButton.LeftButton)
    run(wait_for(lambda: rig.panel.confirm_dialog is not None, "the start confirmation"))
    dialog = rig.panel.confirm_dialog
    assert dialog is not None
    wanted = f"Start charging on {charger.identity}, a free connector, for id tag TAG-UI-1?"
    assert dialog.text() == wanted
    finished = SignalWaiter(rig.wiring.service.finished)
    dialog.yes_button.click()
    run(settle(rig.sim, finished.wait(20)))
    assert "charging started" in rig.panel.status.text()
    run(wait_for(lambda: rig.panel.stop_button.isEnabled(), "the running session"))
    assert "tag TAG-UI-1" in rig.panel.session_label.text()
    qtbot.mouseClick(rig.panel.restart_button, Qt.MouseButton.LeftButton)
    run(wait_for(lambda: rig.panel.confirm_dialog is not None, "the restart confirmation"))
    dialog = rig.panel.confirm_dialog
    assert dialog is not None
    assert "This will interrupt the charging session:" in dialog.text()
    assert "on connector 1, tag TAG-UI-1, since" in dialog.text()
    dialog.cancel_button.click()
    assert rig.panel.status.text().endswith("not sent (cancelled).")
    assert [r.action for r in rig.sim.action_log] == ["start"]


def test_actions_are_off_with_the_reason_without_permission(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim, full=False)
    run(panel_ready(rig, charger))
    panel = rig.panel
    for button in (panel.restart_button, panel.lock_button, panel.start_button,
                   panel.limit_button, panel.plug_apply, panel.public_apply):  # fmt: skip
        assert not button.isEnabled()
        assert "needs full permission" in (panel.disabled_reason(button) or "")
    assert "does not include actions" in panel.status.text()


def test_a_403_is_explained(rig: Rig, run: Any, qtbot: Any) -> None:
    charger = pick(rig.sim, full=False)
    run(panel_ready(rig, charger))
    unknown = Charger(**{**_fields(charger), "permissions": None})  # the list did not say
    rig.panel.set_charger(unknown)
    assert rig.panel.lock_button.isEnabled()
    qtbot.mouseClick(rig.panel.lock_button, Qt.MouseButton.LeftButton)
    run(wait_for(lambda: rig.panel.confirm_dialog is not None, "the confirmation"))
    dialog = rig.panel.confirm_dialog
    assert dialog is not None and dialog.text().startswith(f"Make {charger.identity} unavailable?")
    replied = SignalWaiter(rig.wiring.service.replied)
    dialog.yes_button.click()
    run(replied.wait(10))
    assert "not allowed (403)" in rig.panel.status.text()
    assert "Ask the charger's owner for full permission." in rig.panel.status.text()


def test_a_timeout_that_still_happened_is_said(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim)
    run(panel_ready(rig, charger))
    rig.sim.force_action_outcome("timeout_done")
    rig.panel.lock_button.click()
    run(wait_for(lambda: rig.panel.confirm_dialog is not None, "the confirmation"))
    replied = SignalWaiter(rig.wiring.service.replied)
    finished = SignalWaiter(rig.wiring.service.finished)
    assert rig.panel.confirm_dialog is not None
    rig.panel.confirm_dialog.yes_button.click()
    run(replied.wait(10))
    assert "did not answer in time — it may still happen" in rig.panel.status.text()
    assert "Watching the charger for the effect…" in rig.panel.status.text()
    run(settle(rig.sim, finished.wait(20)))
    assert f"It happened after all: {charger.identity} is now unavailable" in (
        rig.panel.status.text()
    )


def _fields(charger: Charger) -> dict[str, Any]:
    return {name: getattr(charger, name) for name in charger.__struct_fields__}


# -- several chargers ------------------------------------------------------------------------


def select_rows(rig: Rig, uuids: list[str]) -> None:
    table = rig.window.fleet_view.table
    selection = table.selectionModel()
    selection.clearSelection()
    proxy = table.model()
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(UUID_ROLE) in uuids:
            selection.select(index, QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip


def test_several_chargers_one_confirmation_one_summary_with_one_failure(
    rig: Rig, run: Any
) -> None:
    good = [pick(rig.sim, skip=n) for n in range(2)]
    dropped = pick(rig.sim, skip=2)
    rig.sim.force_offline(dropped.uuid)  # stays offline however far time moves
    offline = {"uuid": dropped.uuid, "identity": dropped.identity}
    denied = pick(rig.sim, full=False)
    select_rows(rig, [good[0].uuid, good[1].uuid, offline["uuid"], denied.uuid])
    assert len(rig.wiring.selected_chargers()) == 4
    menu = rig.wiring.window.menuBar().findChildren(type(rig.window.file_menu))
    assert any(m.title() == "&Actions" for m in menu)
    rig.wiring.ask_batch(ActionKind.RESTART)
    dialog = rig.wiring.batch_dialog
    assert dialog is not None
    assert dialog.text().startswith("Restart: 3 chargers (")
    assert "running charging sessions are interrupted" in dialog.text()
    assert f"Skipped, no permission for actions: {denied.identity}." in dialog.text()
    done = SignalWaiter(rig.wiring.service.batch_finished)
    dialog.yes_button.click()
    (summary,) = run(settle(rig.sim, done.wait(60)), 70)
    assert summary.startswith("Restart of 4 chargers: 2 accepted")
    assert f"1 did not answer in time: {offline['identity']}" in summary
    assert f"1 skipped (no permission): {denied.identity}" in summary
    assert summary.endswith("Took effect on 2.")
    assert rig.window.status_bar.currentMessage() == summary
    assert sorted(r.charger_uuid for r in rig.sim.action_log) == sorted(
        [good[0].uuid, good[1].uuid, offline["uuid"]]
    )


# -- audit rows in the Events pane -----------------------------------------------------------


def events_pane(faults: FaultMonitoring) -> EventsPane:
    return faults.events_pane


def test_audit_rows_show_as_actions_export_and_survive_a_restart(
    sim: Any, qtbot: Any, qloop: Any, run: Any, tmp_path: Path
) -> None:
    sim.force_action_outcome("reply")
    first = Rig(sim, qtbot)
    run(first.start())
    charger = pick(sim)
    run(panel_ready(first, charger))
    first.panel.limit_amps.setValue(11)
    first.panel.limit_button.click()
    run(wait_for(lambda: first.panel.confirm_dialog is not None, "the confirmation"))
    finished = SignalWaiter(first.wiring.service.finished)
    assert first.panel.confirm_dialog is not None
    first.panel.confirm_dialog.yes_button.click()
    run(settle(sim, finished.wait(20)))
    pane = events_pane(first.faults)
    rows = [pane.incident_at(r) for r in range(pane.proxy.rowCount())]
    actions = [r for r in rows if r is not None and r.kind == "action"]
    assert len(actions) == 1
    run(close(first.desk, first.faults))

    again = Rig(sim, qtbot)  # the app started again on the same history file
    try:
        pane = events_pane(again.faults)
        pane.kind_filter.setCurrentIndex(pane.kind_filter.findData("action"))
        assert pane.proxy.rowCount() == 1
        index = pane.proxy.index(0, 0)
        event = index.data(INCIDENT_ROLE)
        assert event.charger_uuid == charger.uuid
        assert pane.proxy.index(0, 2).data() == "Action"
        assert pane.proxy.index(0, 3).data() == "Charge limit"
        assert "limit of 11 A in effect (whole charger)" in pane.proxy.index(0, 4).data()
        target = tmp_path / "events.csv"
        assert pane.export_csv(target) == 1
        with target.open(encoding="utf-8-sig", newline="") as handle:
            (row,) = list(csv.DictReader(handle))
        assert row["kind"] == "Action" and row["uuid"] == charger.uuid
        assert json.loads(row["parameters"]) == {"amps": 11.0, "connector_id": 0}
        assert row["reply"].endswith("charge limit — Accepted")
        assert "limit of 11 A in effect" in row["outcome"]
        assert row["opened_or_sent"].endswith("+00:00")
    finally:
        run(close(again.desk, again.faults))


# -- the Log tab -----------------------------------------------------------------------------


async def log_ready(rig: Rig, charger: Charger) -> None:
    rig.window.detail_pane.tabs.setCurrentIndex(rig.wiring.log_index)
    if not rig.window.select_charger(charger.uuid):
        rig.log.set_charger(charger.uuid)
    await wait_for(lambda: not rig.log.loading and rig.log.model.rowCount(), "the first page")


def log_queries(sim: Any) -> list[dict[str, Any]]:
    return [r.query for r in sim.request_log if r.path.endswith("/logs")]


def test_log_pages_as_you_scroll_newest_first_with_json_and_copy(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim)
    run(log_ready(rig, charger))
    log = rig.log
    assert log.model.rowCount() == 25 and log.more_available
    times = [e.created_at for e in log.model.entries()]
    assert times == sorted(times, reverse=True)
    bar = log.table.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())  # scrolled to the end: the next page
    run(wait_for(lambda: log.model.rowCount() == 50, "the second page"))
    assert [q.get("page") for q in log_queries(rig.sim)][-2:] == [None, "2"]
    assert log.footer.text() == "50 messages, newest first — scroll for more"
    log.table.selectRow(0)
    entry = log.model.entry(0)
    text = log.detail.toPlainText()
    assert text.startswith(f"{entry.method} · ")
    assert json.dumps(entry.params, indent=2, ensure_ascii=False) in text
    log.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    methods = [log.method.itemData(i) for i in range(1, log.method.count())]
    assert "Heartbeat" in methods and methods == sorted(methods)


@pytest.mark.parametrize(
    ("control", "value", "query", "check"),
    [
        ("method", "Heartbeat", ("filter[method]", "Heartbeat"), lambda e: e.method == "Heartbeat"),
        ("status", "done", ("filter[status]", "done"), lambda e: e.status == "done"),
        ("direction", "charger", ("filter[destination]", "charger"),
         lambda e: e.destination == "charger"),
        ("hide_insignificant", True, ("filter[hide_insignificant]", "1"),
         lambda e: e.method not in ("Heartbeat", "MeterValues")),
    ],
)  # fmt: skip
def test_every_log_filter_goes_to_the_server(
    rig: Rig, run: Any, control: str, value: Any, query: tuple[str, str], check: Any
) -> None:
    charger = pick(rig.sim)
    if control in ("direction", "hide_insignificant"):  # messages beyond heartbeats
        rig.sim.force_action_outcome("reply")
        run(rig.wiring.service.perform(_lock(charger)))
    run(log_ready(rig, charger))
    widget = getattr(rig.log, control)
    before = len(log_queries(rig.sim))
    if isinstance(value, bool):
        widget.setChecked(value)
    else:
        widget.setCurrentIndex(widget.findData(value))
    run(wait_for(lambda: len(log_queries(rig.sim)) > before and not rig.log.loading, "a reload"))
    assert log_queries(rig.sim)[-1][query[0]] == query[1]
    entries = rig.log.model.entries()
    assert entries and all(check(e) for e in entries)


def _lock(charger: Charger) -> Any:
    from plugdesk.domain.actions import ActionRequest

    return ActionRequest(ActionKind.LOCK, charger.uuid, charger.identity or "")


def test_the_log_date_range(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim)
    run(log_ready(rig, charger))
    now = rig.sim.now()
    log = rig.log
    log._set_date(log.date_from, now - timedelta(hours=3))
    log._set_date(log.date_until, now - timedelta(hours=1))
    log.use_from.setChecked(True)
    log.use_until.setChecked(True)
    run(wait_for(lambda: not log.loading, "the reload"))
    query = log_queries(rig.sim)[-1]
    assert "filter[date_from]" in query and "filter[date_to]" in query
    entries = log.model.entries()
    assert entries
    assert all(now - timedelta(hours=3, minutes=1) <= e.created_at <= now - timedelta(hours=1)
               for e in entries if e.created_at)  # fmt: skip


def test_show_log_from_an_incident_opens_the_log_at_its_start(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim)
    rig.sim.force_fault(charger.uuid, "GroundFailure")
    rig.sim.advance(60)
    run(rig.start())  # the refresh that opens the incident (no grace: FAST settings)
    pane = events_pane(rig.faults)
    pane.reload()
    incident = next(
        pane.incident_at(r) for r in range(pane.proxy.rowCount())
        if pane.incident_at(r) is not None and pane.incident_at(r).charger_uuid == charger.uuid  # type: ignore[union-attr]
    )
    assert incident is not None and incident.kind == "fault"
    rig.window.tabs.setCurrentIndex(rig.faults.events_tab)
    menu = pane.context_menu(incident)
    show = next(a for a in menu.actions() if a.text() == "Show log")
    show.trigger()
    assert rig.window.tabs.currentIndex() == 0
    assert rig.window.selected_uuid() == charger.uuid
    assert rig.window.detail_pane.tabs.currentIndex() == rig.wiring.log_index
    run(wait_for(lambda: not rig.log.loading and rig.log.model.rowCount(), "the log"))
    assert rig.log.use_until.isChecked() and not rig.log.use_from.isChecked()
    until = incident.first_seen_at + timedelta(minutes=5)
    entries = rig.log.model.entries()
    assert all(e.created_at <= until for e in entries if e.created_at)
    faulted = [
        e for e in entries
        if e.method == "StatusNotification"
        and isinstance(e.params, dict)
        and e.params.get("errorCode") == "GroundFailure"
    ]  # fmt: skip
    assert faulted, "the fault's own StatusNotification is in view"
    assert "filter[date_to]" in log_queries(rig.sim)[-1]




def confirm_and_finish(rig: Rig, run: Any, button: Any) -> str:
    """Click, accept the confirmation, wait for the outcome; the confirmation's text."""
    button.click()
    run(wait_for(lambda: rig.panel.confirm_dialog is not None, "the confirmation"))
    dialog = rig.panel.confirm_dialog
    assert dialog is not None
    text = dialog.text()
    finished = SignalWaiter(rig.wiring.service.finished)
    dialog.yes_button.click()
    run(settle(rig.sim, finished.wait(20)))
    return text


def test_public_charging_and_plug_and_charge_from_the_panel(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim)
    run(panel_ready(rig, charger))
    panel = rig.panel
    panel.public_enabled.setChecked(True)
    panel.public_price.setValue(0.39)
    panel.public_fee.setValue(0.5)
    text = confirm_and_finish(rig, run, panel.public_apply)
    assert text == (
        f"Turn public charging on for {charger.identity} at €0.39/kWh with a start fee of "
        "€0.50, billing plan transaction?"
    )
    assert rig.sim.action_log[-1].body == {
        "enabled": True, "price_per_kwh": 39, "start_fee": 50, "billing_plan": "transaction",
    }  # fmt: skip
    assert "public charging is on at the new prices, code" in panel.status.text()
    run(wait_for(lambda: panel.public_code.text() != "—", "the public code"))
    assert panel.public_url.text().endswith(panel.public_code.text())

    panel.plug_enabled.setChecked(True)
    panel.plug_card.setText("")
    assert not panel.plug_apply.isEnabled()
    assert panel.disabled_reason(panel.plug_apply) == "Enter the card UID it bills."
    panel.plug_card.setText("CARD-77")
    text = confirm_and_finish(rig, run, panel.plug_apply)
    assert text == f"Turn Plug & Charge on for {charger.identity}, billed to card CARD-77?"
    assert rig.sim.action_log[-1].body == {"enabled": True, "card_uid": "CARD-77"}
    assert "Plug & Charge is now on, card CARD-77" in panel.status.text()


def test_the_log_tab_gets_room_and_gives_it_back(rig: Rig, run: Any) -> None:
    splitter = rig.window.right_splitter
    before = splitter.sizes()
    run(log_ready(rig, pick(rig.sim)))
    sizes = splitter.sizes()
    assert sizes[0] >= sum(sizes) * 0.65
    assert not rig.window.detail_pane.connectors_box.isVisible()
    rig.window.detail_pane.tabs.setCurrentIndex(0)
    assert splitter.sizes() == before
