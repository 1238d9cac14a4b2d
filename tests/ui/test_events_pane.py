"""The Events pane: its model (pytest-qt's model tester), filters, newest-first order, double-click
and the mute menu, over a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from plugdesk.domain.incidents import IncidentTracker
from plugdesk.domain.store import Incident, Store
from plugdesk.services.history import HistoryWriter
from plugdesk.services.incidents import IncidentService
from plugdesk.tasks import TaskRunner
from plugdesk.ui.events_pane import (
    INCIDENT_ROLE,
    UUID_ROLE,
    EventColumn,
    EventsModel,
    EventsPane,
)
from tests.support.harness import ModelChecks

NOW = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)


def clock() -> datetime:
    return NOW


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "plugdesk.sqlite3")
    yield opened
    opened.close()


def seed(store: Store) -> list[Incident]:
    """Four incidents: two closed, two open, oldest first."""
    made = []
    rows = [
        ("uuid-a", "PC-001", "Lobby", "fault", "GroundFailure", "ground fault", 180, 120),
        ("uuid-b", "PC-002", None, "offline", None, None, 120, 60),
        ("uuid-c", "PC-003", "Gate", "fault", "HighTemperature", "too hot", 50, None),
        ("uuid-d", "PC-004", None, "stale", None, None, 10, None),
    ]
    for uuid, identity, reference, kind, code, info, opened_ago, closed_ago in rows:
        opened_at = NOW - timedelta(minutes=opened_ago)
        incident = store.open_incident(
            charger_uuid=uuid,
            kind=kind,
            opened_at=opened_at,
            first_seen_at=opened_at - timedelta(minutes=2),
            charger_identity=identity,
            charger_reference=reference,
            error_code=code,
            error_info=info,
        )
        if closed_ago is not None:
            store.close_incident(incident.id, NOW - timedelta(minutes=closed_ago))
        made.append(incident)
    return made


@pytest.fixture
def service(store: Store) -> Iterator[IncidentService]:
    seed(store)
    service = IncidentService(store, IncidentTracker(store), TaskRunner(), clock=clock)
    yield service
    service.close()


@pytest.fixture
def pane(service: IncidentService, qtbot: Any) -> EventsPane:
    widget = EventsPane(service, clock=clock)
    qtbot.addWidget(widget)
    widget.resize(1400, 500)
    widget.show()
    return widget


def shown_column(pane: EventsPane, column: EventColumn) -> list[str]:
    return [pane.proxy.index(r, column).data() for r in range(pane.proxy.rowCount())]


def test_model_passes_the_model_tester(store: Store, model_checks: ModelChecks, qapp: Any) -> None:
    model = EventsModel(clock=clock)
    model_checks.check(model)  # re-checked on every change below
    seed(store)
    model.set_incidents(store.list_incidents())  # inserts
    first = store.open_incidents()[0]
    store.close_incident(first.id, NOW)
    model.set_incidents(store.list_incidents())  # one row changes
    store.prune_closed_before(NOW + timedelta(seconds=1))
    model.set_incidents(store.list_incidents())  # removals
    assert model.rowCount() == 1
    model.refresh_ages()


def test_proxy_passes_the_model_tester(pane: EventsPane, model_checks: ModelChecks) -> None:
    model_checks.check(pane.proxy)
    pane.search.setText("pc-00")
    pane.kind_filter.setCurrentIndex(pane.kind_filter.findData("fault"))
    pane.state_filter.setCurrentIndex(pane.state_filter.findData("open"))
    pane.table.sortByColumn(EventColumn.CHARGER, Qt.SortOrder.AscendingOrder)
    assert pane.proxy.rowCount() == 1


def test_newest_first_with_local_times_and_ages(pane: EventsPane) -> None:
    assert shown_column(pane, EventColumn.CHARGER) == [
        "PC-004", "Gate (PC-003)", "PC-002", "Lobby (PC-001)"
    ]
    assert shown_column(pane, EventColumn.STATE) == ["Open", "Open", "Closed", "Closed"]
    assert shown_column(pane, EventColumn.KIND) == ["Stale", "Fault", "Offline", "Fault"]
    assert shown_column(pane, EventColumn.ERROR) == ["—", "HighTemperature", "—", "GroundFailure"]
    # "Began" is the first sighting (2 min before the incident opened): Lasted = Ended - Began.
    local = (NOW - timedelta(minutes=52)).astimezone().strftime("%Y-%m-%d %H:%M")
    assert shown_column(pane, EventColumn.OPENED)[1] == f"{local} (52 min ago)"
    assert shown_column(pane, EventColumn.CLOSED)[:2] == ["—", "—"]
    assert shown_column(pane, EventColumn.CLOSED)[3].endswith("(2 h ago)")
    # Lasted: from the first sighting (2 min before opening) to closing, or to now.
    assert shown_column(pane, EventColumn.LASTED) == ["12 min", "52 min", "1 h 02 min",
                                                      "1 h 02 min"]  # fmt: skip
    assert pane.count_label.text() == "4 events"
    tip = pane.proxy.index(1, EventColumn.CHARGER).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Gate\nPC-003\nuuid-c"


def test_filters_by_charger_kind_and_state(pane: EventsPane) -> None:
    pane.search.setText("gate")
    assert shown_column(pane, EventColumn.CHARGER) == ["Gate (PC-003)"]
    pane.search.setText("pc-00")
    assert len(shown_column(pane, EventColumn.CHARGER)) == 4
    pane.search.setText("uuid-b")
    assert shown_column(pane, EventColumn.CHARGER) == ["PC-002"]
    pane.search.clear()
    pane.kind_filter.setCurrentIndex(pane.kind_filter.findData("fault"))
    assert shown_column(pane, EventColumn.CHARGER) == ["Gate (PC-003)", "Lobby (PC-001)"]
    assert pane.count_label.text() == "2 of 4"
    pane.state_filter.setCurrentIndex(pane.state_filter.findData("closed"))
    assert shown_column(pane, EventColumn.CHARGER) == ["Lobby (PC-001)"]
    pane.kind_filter.setCurrentIndex(0)
    pane.state_filter.setCurrentIndex(pane.state_filter.findData("open"))
    assert shown_column(pane, EventColumn.CHARGER) == ["PC-004", "Gate (PC-003)"]


def test_history_changes_update_rows_in_place(
    pane: EventsPane, store: Store, service: IncidentService, qtbot: Any
) -> None:
    pane.table.selectRow(1)  # Gate
    selected = pane.table.selectionModel().selectedRows()[0].data(UUID_ROLE)
    assert selected == "uuid-c"
    resets: list[bool] = []
    pane.model.modelReset.connect(lambda: resets.append(True))
    gate = next(i for i in store.open_incidents() if i.charger_uuid == "uuid-c")
    store.close_incident(gate.id, NOW)
    newest = store.open_incident(charger_uuid="uuid-e", kind="fault", opened_at=NOW,
                                 charger_identity="PC-005", error_code="OverVoltage")  # fmt: skip
    service.incidents_changed.emit()  # what a refresh that changed the history emits
    assert resets == []
    assert shown_column(pane, EventColumn.CHARGER)[0] == "PC-005"
    assert pane.table.selectionModel().selectedRows()[0].data(UUID_ROLE) == "uuid-c"
    row = pane.table.selectionModel().selectedRows()[0].row()
    assert pane.proxy.index(row, EventColumn.STATE).data() == "Closed"
    assert pane.incident_at(0) == newest
    store.prune_closed_before(NOW + timedelta(seconds=1))
    service.incidents_changed.emit()
    assert shown_column(pane, EventColumn.CHARGER) == ["PC-005", "PC-004"]


def test_double_click_asks_for_the_charger(pane: EventsPane, qtbot: Any) -> None:
    index = pane.proxy.index(1, EventColumn.ERROR)
    rect = pane.table.visualRect(index)
    viewport = pane.table.viewport()
    with qtbot.waitSignal(pane.charger_activated, timeout=2000) as signal:
        # QTest's lone double-click event lacks the press before it; a view wants both.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["uuid-c"]


def test_context_menu_mutes_and_unmutes(
    pane: EventsPane, service: IncidentService, qtbot: Any
) -> None:
    messages: list[str] = []
    pane.mute_changed.connect(lambda _uuid, text: messages.append(text))
    incident = pane.proxy.index(1, 0).data(INCIDENT_ROLE)
    menu = pane.context_menu(incident)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Show Gate (PC-003) in Chargers", "Show log", "Mute for 1 hour",
                     "Mute for 24 hours", "Mute until resolved"]  # fmt: skip
    with qtbot.waitSignal(pane.charger_activated) as shown:
        menu.actions()[0].trigger()
    assert shown.args == ["uuid-c"]
    next(a for a in menu.actions() if a.text() == "Mute for 1 hour").trigger()
    mute = service.mute_of("uuid-c")
    assert mute is not None and mute.until == NOW + timedelta(hours=1)
    assert messages == ["Gate (PC-003) muted for 1 hour"]
    menu = pane.context_menu(incident)
    unmute = [a for a in menu.actions() if a.text().startswith("Unmute")]
    assert len(unmute) == 1 and "until" in unmute[0].text()
    unmute[0].trigger()
    assert service.mute_of("uuid-c") is None
    next(a for a in pane.context_menu(incident).actions()
         if a.text() == "Mute until resolved").trigger()  # fmt: skip
    mute = service.mute_of("uuid-c")
    assert mute is not None and mute.until_resolved
    assert messages[-1] == "Gate (PC-003) muted until its incidents resolve"


def test_an_empty_history_reads_plainly(store: Store, qtbot: Any) -> None:
    service = IncidentService(store, IncidentTracker(store), TaskRunner(), clock=clock)
    try:
        pane = EventsPane(service, clock=clock)
        qtbot.addWidget(pane)
        assert pane.model.rowCount() == 0 and pane.count_label.text() == "0 events"
        assert pane.model.data(QModelIndex()) is None
    finally:
        service.close()


@pytest.mark.parametrize("row", [1, 3])  # one in the middle, and the last row
def test_menu_key_acts_on_the_selected_row(pane: EventsPane, qtbot: Any, row: int) -> None:
    pane.table.setFocus()
    pane.table.selectRow(row)
    expected = pane.proxy.index(row, EventColumn.CHARGER).data()
    qtbot.keyClick(pane.table, Qt.Key.Key_Menu)
    menu = pane.open_menu
    assert menu is not None and menu.isVisible()
    assert menu.actions()[0].text() == f"Show {expected} in Chargers"
    menu.close()
    qtbot.keyClick(pane.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert pane.open_menu is not menu and pane.open_menu is not None
    assert pane.open_menu.actions()[0].text() == f"Show {expected} in Chargers"
    pane.open_menu.close()


def test_first_start_explains_grace_periods_then_shows_pending_problems(
    store: Store, qtbot: Any
) -> None:
    from tests.support.rows import NOW as FLEET_NOW
    from tests.support.rows import charger, faulted

    moments = [FLEET_NOW]
    service = IncidentService(store, IncidentTracker(store), TaskRunner(),
                              clock=lambda: moments[-1],
                              history=HistoryWriter(store, inline=True))  # no loop runs here
    try:
        pane = EventsPane(service, clock=lambda: moments[-1])
        qtbot.addWidget(pane)
        pane.show()
        assert pane.empty_label.isVisible() and "grace period" in pane.empty_label.text()
        fleet = [charger(1), faulted(2)]
        service.observe_fleet(fleet)  # the first refresh sees the fault
        moments.append(FLEET_NOW + timedelta(minutes=1))
        service.observe_fleet(fleet)
        assert not pane.empty_label.isVisible()
        assert shown_column(pane, EventColumn.STATE) == ["Pending"]
        assert shown_column(pane, EventColumn.ERROR) == ["GroundFailure"]
        assert shown_column(pane, EventColumn.OPENED) == ["Faulted 1 min ago — alert in 1 min"]
        assert store.list_incidents() == []  # still no incident, no alert
        moments.append(FLEET_NOW + timedelta(minutes=2))
        service.observe_fleet(fleet)  # grace over: the pending row becomes the incident
        assert shown_column(pane, EventColumn.STATE) == ["Open"]
    finally:
        service.close()
