"""Alerts in the window's language (issue 18): the incident tracker hands over facts, the
window words them through Qt's translations, the command line and webhooks keep English.

Real parts throughout: the tracker over a SQLite file, the Notifier delivering to the
in-app toasts of a real window, the Events pane over the store, the shipped .qm files.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from plugdesk.domain.incidents import Alert, IncidentTracker, NotificationPrefs
from plugdesk.domain.store import MIGRATIONS, Incident, Store, StoreError, read_only_problem
from plugdesk.services.actions import action_event
from plugdesk.services.history import HistoryWriter
from plugdesk.services.incidents import IncidentService
from plugdesk.services.notifier import Notifier
from plugdesk.services.webhooks import payload
from plugdesk.services.wording import translated
from plugdesk.tasks import TaskRunner
from plugdesk.ui.alert_text import alert_words
from plugdesk.ui.events_pane import EventColumn, EventsPane
from plugdesk.ui.toast import ToastArea
from tests.support.health import T0, FakeConnector, charger, minutes

LOUD = NotificationPrefs(fault=True, offline=True, stale=True, resolved=True, tz=UTC)
HOT = [FakeConnector(1), FakeConnector(2, "Faulted", "HighTemperature", "82 C")]
DEPOT = charger(3, reference="Depot 3", connectors=HOT)  # its connector 2 faulted


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "plugdesk.sqlite3")
    yield opened
    opened.close()


def alerts_for(tracker: IncidentTracker, *fleets: list[Any]) -> list[Alert]:
    """Each fleet observed for 3 minutes (past the fault grace): the alerts, delivered."""
    heard: list[Alert] = []
    for start, chargers in enumerate(fleets):
        for step in range(7):
            alerts = tracker.observe(chargers, T0 + minutes(10 * start) + minutes(step / 2))
            tracker.mark_notified(alerts)
            heard += alerts
    return heard


def toasts_of(alerts: list[Alert], run: Any, qtbot: Any) -> list[tuple[str, str]]:
    """The alerts delivered to a real window's in-app toasts: (title, body) as shown."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(900, 700)
    toasts = ToastArea(window)
    notifier = Notifier(TaskRunner(), [toasts], quiet=toasts.show_quiet, phrase=alert_words)
    run(notifier.deliver_all(alerts))
    return [(t.title_label.text(), t.body_label.text()) for t in toasts.toasts()]


def test_a_connector_fault_reads_dutch_in_the_toast_and_english_for_webhooks(
    dutch: None, store: Store, run: Any, qtbot: Any
) -> None:
    tracker = IncidentTracker(store, prefs=LOUD)
    repaired = charger(3, reference="Depot 3", connectors=[FakeConnector(1), FakeConnector(2)])
    opened, resolved = alerts_for(tracker, [DEPOT], [repaired])
    shown = toasts_of([opened, resolved], run, qtbot)
    assert shown == [
        ("Depot 3: aansluiting 2 in storing", "HighTemperature (82 C)"),
        ("Depot 3: storing aansluiting 2 opgeheven", "HighTemperature opgeheven na 10 min."),
    ]
    # The command line, logs and webhooks read the same facts in English.
    assert (opened.title, opened.body) == (
        "Depot 3 connector 2 faulted", "Connector 2: HighTemperature (82 C)"
    )
    assert resolved.body == "HighTemperature cleared after 10 min."
    hook = payload(opened, store.list_incidents(), "slack")
    assert hook["text"].endswith(
        "*Depot 3 connector 2 faulted*\nConnector 2: HighTemperature (82 C)"
    )


def test_a_storm_summary_counts_with_dutch_plurals(
    dutch: None, store: Store, run: Any, qtbot: Any
) -> None:
    tracker = IncidentTracker(store, prefs=LOUD, storm_threshold=3)
    faulted = [charger(n).faulted("GroundFailure") for n in range(1, 8)]
    [summary] = alerts_for(tracker, faulted)
    title, body = alert_words(summary)
    assert title == "7 laadpalen in storing"
    assert body == "PC-001, PC-002, PC-003, PC-004, PC-005 en nog 2 laadpalen"
    assert (summary.title, summary.body) == (
        "7 chargers faulted", "PC-001, PC-002, PC-003, PC-004, PC-005 and 2 more"
    )
    mixed = [charger(1).faulted(), charger(2).offline(T0), charger(3).offline(T0)]
    tracker = IncidentTracker(Store(":memory:"), prefs=LOUD, storm_threshold=3,
                              grace_offline=60, grace_fault=60)  # fmt: skip
    [summary] = alerts_for(tracker, mixed)
    assert alert_words(summary) == (
        "3 laadpalen vragen aandacht", "Storing 1 · Offline 2: PC-001, PC-002, PC-003"
    )
    assert summary.body == "1 faulted, 2 offline: PC-001, PC-002, PC-003"


def test_a_quiet_alert_says_why_in_dutch(dutch: None, store: Store, run: Any, qtbot: Any) -> None:
    quiet = NotificationPrefs(fault=False, tz=UTC)
    tracker = IncidentTracker(store, prefs=quiet)
    [alert] = alerts_for(tracker, [DEPOT])
    assert alert.silent and alert.suppressed_by == "Fault notifications are off"
    [(title, _body)] = toasts_of([alert], run, qtbot)
    assert title == (
        "Depot 3: aansluiting 2 in storing — Meldingen over storingen staan uit, "
        "niet als pop-up getoond"
    )


def test_english_window_words_match_the_command_line(store: Store, run: Any, qtbot: Any) -> None:
    tracker = IncidentTracker(store, prefs=LOUD, grace_offline=60)
    [offline] = alerts_for(tracker, [charger(1).offline(T0 - minutes(10))])
    assert toasts_of([offline], run, qtbot) == [("PC-001 is offline", "Offline for 11 min")]
    assert (offline.title, offline.body) == ("PC-001 is offline", "Offline for 11 min")


# -- the Events pane and the history ----------------------------------------------------------


def events_rows(store: Store, qtbot: Any) -> list[list[str]]:
    service = IncidentService(store, IncidentTracker(store), TaskRunner(), clock=lambda: NOW)
    pane = EventsPane(service, clock=lambda: NOW)
    qtbot.addWidget(pane)
    model = pane.model
    columns = (EventColumn.STATE, EventColumn.CHARGER, EventColumn.KIND, EventColumn.ERROR,
               EventColumn.INFO, EventColumn.LASTED)  # fmt: skip
    return [[model.display(row, c) for c in columns] for row in model.incidents()]


NOW = T0 + timedelta(hours=2)


def test_an_events_row_reads_dutch_with_connector_and_code(
    dutch: None, store: Store, qtbot: Any
) -> None:
    alerts_for(IncidentTracker(store, prefs=LOUD), [DEPOT])
    assert events_rows(store, qtbot) == [
        ["Open", "Depot 3 (PC-003)", "Storing", "Aansluiting 2: HighTemperature", "82 C",
         "2 u 00 min"],
    ]  # fmt: skip


def old_history(path: Path) -> None:
    """A history file as the PlugDesk before connector incidents wrote it (schema 5),
    with the charger's own English words in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:5]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    conn.execute(
        "INSERT INTO incidents (charger_uuid, charger_identity, charger_reference, kind, "
        "error_code, error_info, opened_at, closed_at, first_seen_at, notified_open, "
        "notified_close) VALUES ('uuid-9', 'PC-009', 'Gate', 'fault', 'GroundFailure', "
        "'ground fault detected', ?, ?, ?, 1, 1)",
        ((T0 + minutes(2)).isoformat(), (T0 + minutes(30)).isoformat(), T0.isoformat()),
    )
    conn.close()


def test_history_rows_written_in_english_before_still_show(
    dutch: None, tmp_path: Path, qtbot: Any
) -> None:
    old_history(tmp_path / "old.sqlite3")
    store = Store(tmp_path / "old.sqlite3")  # upgraded to today's schema on opening
    try:
        assert events_rows(store, qtbot) == [
            ["Gesloten", "Gate (PC-009)", "Storing", "GroundFailure", "ground fault detected",
             "30 min"],
        ]  # fmt: skip
    finally:
        store.close()


# -- the tray and the history's problems ----------------------------------------------------


def test_the_tray_tooltip_and_a_store_problem_read_dutch(
    dutch: None, store: Store, tmp_path: Path
) -> None:
    # Inline writes: no loop runs here, and closing the store must fail the next write.
    service = IncidentService(store, IncidentTracker(store), TaskRunner(), clock=lambda: NOW,
                              history=HistoryWriter(store, inline=True))  # fmt: skip
    said: list[str] = []
    tips: list[str] = []
    service.store_problem.connect(said.append)
    service.health_summary.connect(lambda _level, _counts, tip: tips.append(tip))
    service.observe_fleet([charger(1).faulted(), charger(2), charger(3)])  # type: ignore[list-item]
    assert tips[-1].splitlines()[:2] == ["PlugDesk — 3 laadpalen", "Storing 1 · OK 2"]
    store.close()  # every write now fails
    assert service.mute("uuid-001", None) is None
    assert said[-1].startswith("Kon de laadpaal niet dempen: Kon niet opslaan in de "
                               "gebeurtenisgeschiedenis: ")  # fmt: skip
    problem = read_only_problem(tmp_path / "history.sqlite3")
    assert "alleen-lezen" in translated(problem)
    assert str(problem).startswith(f"The event history file {tmp_path}")  # the CLI's words
    error = StoreError(problem)
    assert translated(error) == translated(problem) and str(error) == str(problem)


@pytest.mark.log_warnings("no usable keyring on purpose; the fall-back to memory is warned")
def test_a_missing_password_store_reads_dutch_with_its_reason_as_it_came(dutch: None) -> None:
    from keyring.backends import fail

    from plugdesk.domain.credentials import CredentialStore

    credentials = CredentialStore(backend=fail.Keyring())
    assert credentials.session_only
    problem = credentials.problem_message
    assert problem is not None and str(problem) == credentials.problem  # the CLI's words
    shown = translated(problem)
    assert shown.startswith("Uw systeem heeft geen wachtwoordopslag; het token wordt vergeten")
    reason = credentials.problem.rsplit(" (", 1)[1]  # the backend's own words
    assert shown.endswith(f" ({reason}")


class AuditTrail(QObject):
    """The Events pane's action source, reading the real store's audit rows."""

    audit_changed = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def audit_events(self) -> list[Incident]:
        return [action_event(entry) for entry in self.store.list_actions()]


def test_an_action_row_reads_dutch_and_its_stored_outcome_as_written(
    dutch: None, store: Store, qtbot: Any
) -> None:
    sent = store.record_action(sent_at=T0, user_name="Anna", charger_uuid="uuid-001",
                               action="restart", charger_identity="PC-001")  # fmt: skip
    store.set_action_reply(sent.id, "accepted", "Accepted")
    store.set_action_outcome(sent.id, "back online after 48 s", T0 + minutes(1))
    store.record_action(sent_at=T0 + minutes(5), user_name="", charger_uuid="uuid-002",
                        action="unlock", charger_identity="PC-002")  # fmt: skip
    pane = EventsPane(None, clock=lambda: NOW)
    qtbot.addWidget(pane)
    pane.set_action_source(AuditTrail(store))
    columns = (EventColumn.STATE, EventColumn.ERROR, EventColumn.INFO)
    rows = [[pane.model.display(row, c) for c in columns] for row in pane.model.incidents()]
    assert sorted(rows) == [
        ["Verzonden", "Beschikbaar maken", "bezig met verzenden…"],
        ["Verzonden", "Herstarten", "door Anna: back online after 48 s"],
    ]


def test_pending_connector_faults_are_a_row_each_with_their_own_code(
    dutch: None, store: Store, qtbot: Any
) -> None:
    both = [FakeConnector(1, "Faulted", "GroundFailure", "ground fault"), HOT[1]]
    fleet = [charger(3, reference="Depot 3", connectors=both)]  # the charger says NoError
    service = IncidentService(store, IncidentTracker(store), TaskRunner(), clock=lambda: T0)
    service.observe_fleet(fleet)  # type: ignore[arg-type]  # seen once: inside the grace
    pane = EventsPane(service, clock=lambda: T0)
    qtbot.addWidget(pane)
    columns = (EventColumn.STATE, EventColumn.ERROR, EventColumn.INFO)
    rows = [[pane.model.display(row, c) for c in columns] for row in pane.model.incidents()]
    assert sorted(rows) == [
        ["In afwachting", "Aansluiting 1: GroundFailure", "ground fault"],
        ["In afwachting", "Aansluiting 2: HighTemperature", "82 C"],
    ]
    service.close()
