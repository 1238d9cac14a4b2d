"""The incident tracker fed scripted fleet timelines over a real SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import msgspec
import pytest

from plugdesk.api.models import Charger
from plugdesk.domain.health import ChargerLike
from plugdesk.domain.incidents import (
    MUTE_1H,
    MUTE_24H,
    Alert,
    IncidentTracker,
    NotificationPrefs,
)
from plugdesk.domain.settings import Settings
from plugdesk.domain.store import Incident, Store, StoreError
from tests.support.health import T0, charger, fleet, minutes, seconds

LOUD = NotificationPrefs(fault=True, offline=True, stale=True, resolved=True, tz=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "plugdesk.sqlite3"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    opened = Store(db)
    yield opened
    opened.close()


def tracker_for(store: Store, **options: object) -> IncidentTracker:
    options.setdefault("prefs", LOUD)
    return IncidentTracker(store, **options)  # type: ignore[arg-type]


@pytest.fixture
def tracker(store: Store) -> IncidentTracker:
    return tracker_for(store)


def play(
    tracker: IncidentTracker, timeline: Sequence[tuple[timedelta, Sequence[ChargerLike]]]
) -> list[tuple[timedelta, Alert]]:
    """Observe each (offset from T0, fleet) in turn; every alert with its time, delivered."""
    heard = []
    for offset, chargers in timeline:
        alerts = tracker.observe(chargers, T0 + offset)
        tracker.mark_notified(alerts)
        heard += [(offset, alert) for alert in alerts]
    return heard


def every(
    step: timedelta,
    until: timedelta,
    chargers: Sequence[ChargerLike],
    start: timedelta = timedelta(0),
) -> list[tuple[timedelta, Sequence[ChargerLike]]]:
    """The same fleet observed every `step` from `start` up to and including `until`."""
    out = []
    offset = start
    while offset <= until:
        out.append((offset, chargers))
        offset += step
    return out


PC1 = charger(1)
FAULTY = PC1.faulted("GroundFailure", "ground fault detected")
S30 = seconds(30)


# -- grace periods --------------------------------------------------------------------------


def test_fault_shorter_than_grace_never_alerts(tracker: IncidentTracker, store: Store) -> None:
    heard = play(
        tracker,
        [*every(S30, seconds(90), [FAULTY]), *every(S30, minutes(10), [PC1], start=minutes(2))],
    )
    assert heard == []
    assert store.list_incidents() == []
    assert tracker.pending() == {}


def test_fault_past_grace_alerts_once(tracker: IncidentTracker, store: Store) -> None:
    heard = play(tracker, every(S30, minutes(30), [FAULTY]))
    assert len(heard) == 1
    at, alert = heard[0]
    assert at == minutes(2)  # the grace period, counted from the first sighting
    assert alert.kind == "opened" and alert.event == "opened"
    assert alert.title == "PC-001 faulted"
    assert alert.body == "GroundFailure (ground fault detected)"
    assert alert.urgency == "critical" and not alert.silent
    assert alert.charger_uuid == "uuid-001" and alert.incident_kind == "fault"
    [incident] = store.list_incidents()
    assert alert.incident_ids == (incident.id,)
    assert (incident.kind, incident.error_code, incident.error_info) == (
        "fault",
        "GroundFailure",
        "ground fault detected",
    )
    assert incident.first_seen_at == T0 and incident.opened_at == T0 + minutes(2)
    assert incident.charger_identity == "PC-001" and incident.notified_open
    assert incident.is_open


def test_recovery_resolves_once_after_the_clear_grace(
    tracker: IncidentTracker, store: Store
) -> None:
    heard = play(
        tracker,
        [
            *every(S30, minutes(5), [FAULTY]),
            *every(S30, minutes(30), [PC1], start=minutes(5) + S30),
        ],
    )
    assert [a.kind for _, a in heard] == ["opened", "resolved"]
    at, resolved = heard[1]
    assert at == minutes(6) + S30  # first clear at 5:30, plus the 60 s clear grace
    assert resolved.title == "PC-001: fault cleared"
    assert resolved.body == "GroundFailure cleared after 5 min."
    assert resolved.urgency == "low"
    [incident] = store.list_incidents()
    assert resolved.incident_ids == (incident.id,)
    assert incident.closed_at == T0 + minutes(5) + S30  # when it was first seen gone
    assert incident.notified_close


def test_flapping_inside_the_clear_grace_stays_one_incident(
    tracker: IncidentTracker, store: Store
) -> None:
    timeline = [
        *every(S30, minutes(3), [FAULTY]),
        (minutes(3) + S30, [PC1]),
        *every(S30, minutes(8), [FAULTY], start=minutes(4)),
    ]
    heard = play(tracker, timeline)
    assert [a.kind for _, a in heard] == ["opened"]
    assert len(store.list_incidents()) == 1


def test_no_clear_grace_closes_at_first_clear_sighting(store: Store) -> None:
    tracker = tracker_for(store, grace_clear=0)
    heard = play(
        tracker,
        [
            *every(S30, minutes(3), [FAULTY]),
            (minutes(3) + S30, [PC1]),
            *every(S30, minutes(6), [FAULTY], start=minutes(4)),
        ],
    )
    assert [(at, a.kind) for at, a in heard] == [
        (minutes(2), "opened"),
        (minutes(3) + S30, "resolved"),
        (minutes(6), "opened"),
    ]
    assert len(store.list_incidents()) == 2


def test_offline_has_its_own_longer_grace(tracker: IncidentTracker) -> None:
    down = PC1.offline(since=T0 - seconds(5))
    reconnect = play(tracker, [*every(S30, minutes(4), [down]), (minutes(4) + S30, [PC1])])
    assert reconnect == []  # a reboot or reconnect under 5 min is not news
    heard = play(tracker, every(S30, minutes(16), [down], start=minutes(10)))
    assert [(at, a.title) for at, a in heard] == [(minutes(15), "PC-001 is offline")]
    assert heard[0][1].urgency == "normal"


def test_grace_periods_are_settable_in_seconds(store: Store) -> None:
    tracker = tracker_for(store, grace_fault=0, grace_offline=60)
    assert [a.kind for _, a in play(tracker, [(minutes(0), [FAULTY])])] == ["opened"]
    pc2 = charger(2).offline()
    assert play(tracker, [(minutes(1), [pc2])]) == []
    assert len(play(tracker, [(minutes(2), [pc2])])) == 1


def test_stale_heartbeat_opens_a_warning_incident(store: Store) -> None:
    tracker = tracker_for(store)
    quiet = charger(1, last_heartbeat_at=T0 - minutes(16))
    heard = play(tracker, every(minutes(1), minutes(5), [quiet]))
    assert [(at, a.title, a.body) for at, a in heard] == [
        (minutes(2), "PC-001 stopped reporting", "No heartbeat for 18 min")
    ]
    assert store.list_incidents()[0].kind == "stale"
    fresh = charger(1, last_heartbeat_at=T0 + minutes(6))
    heard = play(tracker, every(minutes(1), minutes(8), [fresh], start=minutes(6)))
    assert [a.title for _, a in heard] == ["PC-001 is reporting again"]


def test_ev_communication_error_never_opens_an_incident(
    tracker: IncidentTracker, store: Store
) -> None:
    car = charger(1, error="EVCommunicationError")
    assert play(tracker, every(minutes(1), minutes(30), [car])) == []
    assert store.list_incidents() == []


# -- missing and unknowable data ------------------------------------------------------------


def test_a_charger_missing_from_a_partial_list_is_left_alone(
    tracker: IncidentTracker, store: Store
) -> None:
    others = fleet(4)[1:]
    opened = play(tracker, every(S30, minutes(3), [FAULTY, *others]))
    assert len(opened) == 1
    # PC-001 drops out of the list (a partial page) for an hour: nothing closes.
    assert play(tracker, every(minutes(1), minutes(60), others, start=minutes(4))) == []
    assert store.open_incidents()[0].charger_uuid == "uuid-001"
    # A pending fault is not opened while its charger is missing either.
    pc2_faulty = charger(2).faulted()
    assert play(tracker, [(minutes(61), [pc2_faulty])]) == []
    assert play(tracker, every(minutes(1), minutes(70), [others[1]], start=minutes(62))) == []
    assert len(store.list_incidents()) == 1
    # Back, and healthy: now it resolves.
    heard = play(tracker, every(S30, minutes(73), [PC1, *others], start=minutes(71)))
    assert [a.kind for _, a in heard] == ["resolved"]


def test_a_fault_is_neither_resolved_nor_opened_while_offline(
    tracker: IncidentTracker, store: Store
) -> None:
    play(tracker, every(S30, minutes(3), [FAULTY]))
    gone = FAULTY.offline(since=T0 + minutes(3))
    heard = play(tracker, every(S30, minutes(10), [gone], start=minutes(3) + S30))
    # The fault stays open (its repair is unknown); the outage becomes its own incident.
    assert [a.title for _, a in heard] == ["PC-001 is offline"]
    kinds = {i.kind: i.is_open for i in store.list_incidents()}
    assert kinds == {"fault": True, "offline": True}
    heard = play(tracker, every(S30, minutes(13), [PC1], start=minutes(10) + S30))
    assert sorted(a.title for _, a in heard) == ["PC-001 is back online", "PC-001: fault cleared"]
    assert store.open_incidents() == []


# -- maintenance ----------------------------------------------------------------------------


def test_maintenance_never_opens_incidents(tracker: IncidentTracker, store: Store) -> None:
    blocked = charger(1, blocked=True, status="Faulted", error="GroundFailure")
    unavailable_then_off = charger(2, status="Unavailable").offline()
    heard = play(tracker, every(minutes(1), minutes(30), [blocked, unavailable_then_off]))
    assert heard == [] and store.list_incidents() == []


def test_an_open_fault_stays_open_while_blocked_then_resolves(
    tracker: IncidentTracker, store: Store
) -> None:
    play(tracker, every(S30, minutes(3), [FAULTY]))
    blocked_faulty = replace(FAULTY, blocked=True)
    assert play(tracker, every(S30, minutes(20), [blocked_faulty], start=minutes(4))) == []
    assert store.open_incidents() != []
    blocked_fixed = replace(PC1, blocked=True)
    heard = play(tracker, every(S30, minutes(23), [blocked_fixed], start=minutes(21)))
    assert [a.kind for _, a in heard] == ["resolved"]


# -- restarts -------------------------------------------------------------------------------


def test_restart_mid_incident_does_not_alert_again(db: Path) -> None:
    with Store(db) as first_run:
        tracker = tracker_for(first_run)
        heard = play(tracker, every(S30, minutes(5), [FAULTY]))
        assert len(heard) == 1
    with Store(db) as second_run:  # the app restarts; the charger is still faulted
        tracker = tracker_for(second_run)
        assert [i.id for i in tracker.open_incidents()] == list(heard[0][1].incident_ids)
        assert play(tracker, every(S30, minutes(30), [FAULTY], start=minutes(10))) == []
        heard = play(tracker, every(S30, minutes(33), [PC1], start=minutes(31)))
        assert [a.kind for _, a in heard] == ["resolved"]
        assert len(second_run.list_incidents()) == 1
    with Store(db) as third_run:
        assert play(tracker_for(third_run), every(S30, minutes(40), [PC1], start=minutes(34))) == []


def test_alert_committed_but_never_shown_is_offered_once_after_restart(db: Path) -> None:
    with Store(db) as first_run:
        tracker = tracker_for(first_run)
        for offset in (minutes(0), minutes(1)):
            assert tracker.observe([FAULTY], T0 + offset) == []
        alerts = tracker.observe([FAULTY], T0 + minutes(2))
        assert len(alerts) == 1  # committed... and the app dies before showing it
        assert tracker.observe([FAULTY], T0 + minutes(3)) == []  # never twice in one run
    with Store(db) as second_run:
        tracker = tracker_for(second_run)
        heard = play(tracker, every(S30, minutes(20), [FAULTY], start=minutes(10)))
        assert [(at, a.incident_ids) for at, a in heard] == [(minutes(10), alerts[0].incident_ids)]
    with Store(db) as third_run:  # delivered and marked now: never again
        assert (
            play(tracker_for(third_run), every(S30, minutes(25), [FAULTY], start=minutes(21))) == []
        )


def test_never_shown_incident_that_cleared_meanwhile_closes_quietly(db: Path) -> None:
    with Store(db) as first_run:
        tracker = tracker_for(first_run)
        for offset in (0, 1, 2):
            alerts = tracker.observe([FAULTY], T0 + minutes(offset))
        assert len(alerts) == 1  # not marked notified
    with Store(db) as second_run:
        heard = play(tracker_for(second_run), every(S30, minutes(15), [PC1], start=minutes(10)))
        assert heard == []  # no "resolved" for something the user never heard of
        [incident] = second_run.list_incidents()
        assert incident.closed_at == T0 + minutes(10)


def test_alerts_are_committed_before_they_are_returned(db: Path, store: Store) -> None:
    tracker = tracker_for(store, grace_fault=0)
    [alert] = tracker.observe([FAULTY], T0)
    with sqlite3.connect(db) as reader:  # another connection: sees only committed data
        rows = reader.execute("SELECT id, closed_at FROM incidents").fetchall()
    assert rows == [(alert.incident_ids[0], None)]


class FailingStore(Store):
    fail_next = False

    def open_incident(self, **fields: object) -> Incident:  # type: ignore[override]
        if self.fail_next:
            self.fail_next = False
            raise StoreError("Could not save to the event history: disk full")
        return super().open_incident(**fields)  # type: ignore[arg-type]


def test_store_failure_changes_nothing_and_the_next_refresh_retries(db: Path) -> None:
    with FailingStore(db) as store:
        tracker = tracker_for(store)
        play(tracker, [(minutes(0), [FAULTY]), (minutes(1), [FAULTY])])
        store.fail_next = True
        with pytest.raises(StoreError, match="disk full"):
            tracker.observe([FAULTY], T0 + minutes(2))
        assert store.list_incidents() == []
        heard = play(tracker, [(minutes(2) + S30, [FAULTY]), (minutes(3), [FAULTY])])
        assert [(at, a.kind) for at, a in heard] == [(minutes(2) + S30, "opened")]
        assert store.list_incidents()[0].first_seen_at == T0  # the grace was not restarted


# -- storms ---------------------------------------------------------------------------------


def test_six_faults_at_once_make_one_summary(tracker: IncidentTracker, store: Store) -> None:
    chargers = fleet(40)
    broken = [c.faulted() for c in chargers[:6]]
    heard = play(tracker, every(S30, minutes(5), broken + chargers[6:]))
    assert len(heard) == 1
    summary = heard[0][1]
    assert summary.kind == "summary" and summary.summary_of == "opened"
    assert summary.title == "6 chargers faulted"
    assert summary.body == "PC-001, PC-002, PC-003, PC-004, PC-005 and 1 more"
    assert summary.urgency == "critical" and summary.charger_uuid is None
    incidents = store.list_incidents()
    assert len(incidents) == 6  # each one recorded on its own
    assert sorted(summary.incident_ids) == sorted(i.id for i in incidents)
    assert all(i.notified_open for i in incidents)  # mark_notified(summary) covers all six
    # They recover together: one summary again.
    heard = play(tracker, every(S30, minutes(8), chargers, start=minutes(6)))
    assert [(a.kind, a.summary_of, a.title) for _, a in heard] == [
        ("summary", "resolved", "6 chargers no longer faulted")
    ]


def test_below_the_storm_threshold_each_alerts_alone(tracker: IncidentTracker) -> None:
    broken = [c.faulted() for c in fleet(2)]
    heard = play(tracker, every(S30, minutes(3), broken))
    assert [a.title for _, a in heard] == ["PC-001 faulted", "PC-002 faulted"]


def test_mixed_storm_summary_says_what_happened(store: Store) -> None:
    tracker = tracker_for(store, grace_offline=120)
    chargers = [
        charger(1).faulted(),
        charger(2).faulted(),
        charger(3).offline(),
        charger(4, reference="Gate").offline(),
    ]
    heard = play(tracker, every(S30, minutes(3), chargers))
    [(_, summary)] = heard
    assert summary.title == "4 chargers need attention"
    assert summary.body == "2 faulted, 2 offline: Gate, PC-001, PC-002, PC-003"
    assert summary.urgency == "critical" and summary.incident_kind is None


# -- preferences ----------------------------------------------------------------------------


def test_quiet_hours_keep_history_but_no_pop_up(store: Store) -> None:
    prefs = NotificationPrefs(quiet_hours=(time(22, 0), time(7, 0)), tz=UTC)
    tracker = tracker_for(store, prefs=prefs, grace_fault=0)
    night = datetime(2024, 5, 1, 23, 30, tzinfo=UTC)
    [alert] = tracker.observe([FAULTY], night)
    assert alert.silent and alert.suppressed_by == "Quiet hours"
    assert alert.title == "PC-001 faulted"  # still complete, for the window's list
    assert len(store.list_incidents()) == 1
    [day] = tracker.observe([charger(2).faulted()], datetime(2024, 5, 2, 7, 0, tzinfo=UTC))
    assert not day.silent and day.suppressed_by is None


def test_quiet_storm_is_listed_in_the_window_one_by_one(store: Store) -> None:
    prefs = NotificationPrefs(quiet_hours=(time(0, 0), time(0, 0)), tz=UTC)  # all day
    tracker = tracker_for(store, prefs=prefs, grace_fault=0)
    alerts = tracker.observe([c.faulted() for c in fleet(5)], T0)
    assert [a.kind for a in alerts] == ["opened"] * 5 and all(a.silent for a in alerts)


@pytest.mark.parametrize(
    ("start", "end", "quiet", "loud"),
    [
        (
            time(22),
            time(7),
            [time(22), time(23, 59), time(0), time(6, 59)],
            [time(7), time(12), time(21, 59)],
        ),
        (time(1), time(5), [time(1), time(4, 59)], [time(0, 59), time(5), time(23)]),
        (time(8), time(8), [time(8), time(0), time(20)], []),
    ],
)
def test_quiet_hours_window(start: time, end: time, quiet: list[time], loud: list[time]) -> None:
    prefs = NotificationPrefs(quiet_hours=(start, end), tz=UTC)
    on = datetime(2024, 5, 1, tzinfo=UTC)
    assert all(prefs.is_quiet(datetime.combine(on, t, UTC)) for t in quiet)
    assert not any(prefs.is_quiet(datetime.combine(on, t, UTC)) for t in loud)
    assert not NotificationPrefs().is_quiet(on)


def test_quiet_hours_are_local_time() -> None:
    from zoneinfo import ZoneInfo

    prefs = NotificationPrefs(quiet_hours=(time(22), time(7)), tz=ZoneInfo("Europe/Amsterdam"))
    assert prefs.is_quiet(datetime(2024, 5, 1, 21, 30, tzinfo=UTC))  # 23:30 in Amsterdam
    assert not prefs.is_quiet(datetime(2024, 5, 1, 5, 30, tzinfo=UTC))  # 07:30 there


def test_mute_a_charger_for_an_hour(db: Path, store: Store) -> None:
    tracker = tracker_for(store, grace_fault=0)
    tracker.mute("uuid-001", T0, MUTE_1H)
    [(_, muted)] = play(tracker, [(minutes(0), [FAULTY])])
    assert muted.silent and muted.suppressed_by == "Charger muted until 13:00"
    [(_, other)] = play(tracker, [(minutes(1), [charger(2).faulted()])])
    assert not other.silent
    assert tracker.mute_of("uuid-001", T0 + minutes(59)) is not None
    # The mute survives a restart, and ends on time.
    restarted = tracker_for(Store(db), grace_fault=0)
    assert restarted.mute_of("uuid-001", T0 + minutes(30)) is not None
    assert restarted.mute_of("uuid-001", T0 + minutes(61)) is None
    [after] = restarted.observe([charger(3).faulted(), PC1], T0 + minutes(61))
    assert not after.silent
    [resolved] = restarted.observe([PC1], T0 + minutes(63))
    assert resolved.kind == "resolved" and not resolved.silent
    assert restarted.store.list_mutes() == []  # expired mutes are cleaned up
    restarted.store.close()


def test_mute_24_hours_and_unmute(tracker: IncidentTracker) -> None:
    tracker.mute("uuid-001", T0, MUTE_24H)
    assert tracker.mute_of("uuid-001", T0 + timedelta(hours=23)) is not None
    assert [m.charger_uuid for m in tracker.mutes(T0)] == ["uuid-001"]
    tracker.unmute("uuid-001")
    assert tracker.mute_of("uuid-001", T0) is None and tracker.mutes(T0) == []


def test_mute_until_resolved(store: Store) -> None:
    tracker = tracker_for(store, grace_fault=0, grace_clear=0)
    tracker.mute("uuid-001", T0, None)
    [opened] = tracker.observe([FAULTY], T0)
    assert opened.silent and opened.suppressed_by == "Charger muted until resolved"
    [resolved] = tracker.observe([PC1], T0 + minutes(30))
    assert resolved.kind == "resolved" and not resolved.silent  # the mute ends with it
    assert tracker.mute_of("uuid-001", T0 + minutes(31)) is None
    assert store.list_mutes() == []
    [again] = tracker.observe([FAULTY], T0 + minutes(40))
    assert not again.silent


def test_pause_all_notifications(db: Path, store: Store) -> None:
    tracker = tracker_for(store, grace_fault=0)
    tracker.pause(T0 + MUTE_1H)
    [paused] = tracker.observe([FAULTY], T0)
    assert paused.silent and paused.suppressed_by == "Notifications paused until 13:00"
    assert tracker.paused_until(T0) == T0 + MUTE_1H
    assert tracker_for(Store(db)).paused_until(T0 + minutes(5)) == T0 + MUTE_1H  # persisted
    [later] = tracker.observe([charger(2).faulted()], T0 + minutes(61))
    assert not later.silent and tracker.paused_until(T0 + minutes(61)) is None
    tracker.pause(T0 + timedelta(hours=5))
    tracker.resume()
    [resumed] = tracker.observe([charger(3).faulted()], T0 + minutes(62))
    assert not resumed.silent


def test_resolved_toggle_off(store: Store) -> None:
    prefs = NotificationPrefs(resolved=False, tz=UTC)
    tracker = tracker_for(store, prefs=prefs, grace_fault=0, grace_clear=0)
    [opened] = tracker.observe([FAULTY], T0)
    assert not opened.silent
    [resolved] = tracker.observe([PC1], T0 + minutes(5))
    assert resolved.kind == "resolved" and resolved.silent
    assert resolved.suppressed_by == "Resolved notifications are off"
    assert store.list_incidents()[0].closed_at == T0 + minutes(5)


def test_kind_toggles(store: Store) -> None:
    prefs = NotificationPrefs(offline=False, stale=False, tz=UTC)
    tracker = tracker_for(store, prefs=prefs, grace_offline=0, grace_fault=0)
    alerts = tracker.observe(
        [
            charger(1).offline(),
            charger(2, last_heartbeat_at=T0 - minutes(20)),
            charger(3).faulted(),
        ],
        T0,
    )
    by_title = {a.title: a.suppressed_by for a in alerts}
    assert by_title == {
        "PC-001 is offline": "Offline notifications are off",
        "PC-002 stopped reporting": "Stale notifications are off",
        "PC-003 faulted": None,
    }


def test_storm_counts_only_alerts_that_would_pop_up(store: Store) -> None:
    tracker = tracker_for(store, grace_fault=0)
    tracker.mute("uuid-001", T0, MUTE_1H)
    tracker.mute("uuid-002", T0, MUTE_1H)
    alerts = tracker.observe([c.faulted() for c in fleet(4)], T0)
    assert [(a.title, a.silent) for a in alerts] == [
        ("PC-001 faulted", True),
        ("PC-002 faulted", True),
        ("PC-003 faulted", False),
        ("PC-004 faulted", False),
    ]


def test_settings_feed_the_tracker(store: Store) -> None:
    settings = Settings(
        grace_fault_s=30,
        grace_offline_s=600,
        stale_after_min=5,
        storm_threshold=10,
        notify_stale=True,
        notify_resolved=False,
        quiet_hours_enabled=True,
        quiet_start="01:00",
        quiet_end="02:00",
    )
    tracker = IncidentTracker.from_settings(store, settings, tz=UTC)
    assert tracker.grace_fault == tracker.grace_stale == seconds(30)
    assert tracker.grace_offline == minutes(10) and tracker.stale_after == minutes(5)
    assert tracker.storm_threshold == 10
    assert tracker.prefs.stale and not tracker.prefs.resolved
    assert tracker.prefs.quiet_hours == (time(1), time(2))
    assert IncidentTracker.from_settings(store, Settings()).prefs.quiet_hours is None


def test_real_api_models_drive_the_tracker(tracker: IncidentTracker) -> None:
    raw = b"""[{"uuid": "c-9", "identity": "PC-009", "reference": "Depot 3",
                "connection_status": "online", "status": "Faulted", "error": "HighTemperature",
                "error_info": "82 C", "blocked": false, "new_field": {"x": 1}}]"""
    chargers = msgspec.json.decode(raw, type=list[Charger])
    heard = play(tracker, every(S30, minutes(3), chargers))
    assert [(a.title, a.body) for _, a in heard] == [("Depot 3 faulted", "HighTemperature (82 C)")]


def test_duplicate_rows_in_one_refresh_count_once(tracker: IncidentTracker, store: Store) -> None:
    heard = play(tracker, every(S30, minutes(3), [FAULTY, PC1, FAULTY]))
    assert len(heard) == 1 and len(store.list_incidents()) == 1


def test_summary_counts_chargers_not_labels(store: Store) -> None:
    """Two sites both have a "Bay 3": the headline still adds up with the kinds."""
    tracker = tracker_for(store, grace_offline=120)
    chargers = [
        charger(1, reference="Bay 3").faulted(),
        charger(2, reference="Bay 3").offline(),
        charger(3, reference="Bay 3").offline(),
        charger(4).offline(),
    ]
    heard = play(tracker, every(S30, minutes(3), chargers))
    [(_, summary)] = heard
    assert summary.title == "4 chargers need attention"
    assert summary.body.startswith("1 faulted, 3 offline: ")


def test_reload_takes_over_incidents_another_process_kept(tmp_path: Path) -> None:
    """The app after `plugdesk watch` stops: the watch's open incident is closed by the
    app's tracker instead of a second one opening beside it."""
    db = tmp_path / "shared.sqlite3"
    watch_store, app_store = Store(db), Store(db)
    try:
        app = IncidentTracker(app_store, grace_fault=0, grace_clear=0)
        watch = IncidentTracker(watch_store, grace_fault=0, grace_clear=0)
        faulted = charger(1, status="Faulted", error="GroundFailure")
        watch.mark_notified(watch.observe([faulted], T0))  # the watch announced it
        assert [i.charger_uuid for i in watch_store.open_incidents()] == ["uuid-001"]
        assert app.open_incidents() == []
        app.reload()
        assert [i.charger_uuid for i in app.open_incidents()] == ["uuid-001"]
        alerts = app.observe([charger(1)], T0 + timedelta(seconds=60))
        assert [a.kind for a in alerts] == ["resolved"]
        assert app_store.open_incidents() == []
        assert len(app_store.list_incidents()) == 1
    finally:
        watch_store.close()
        app_store.close()
