"""wire_fault_monitoring on a real main window against the simulator: a fault reaches the
user (in-app toast: offscreen has neither tray nor notification service), the Events pane
lists it, "Open" selects the charger, and the next start shows the last known fleet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from tests.support.alerts import FAST, close, wired


def healthy(sim: Simulator) -> str:
    return next(
        c["uuid"]
        for c in sim.chargers()
        if c["connection_status"] == "online" and c["status"] == "Available" and not c["blocked"]
    )


def test_a_fault_reaches_the_window_and_open_selects_the_charger(
    frozen_sim: Simulator, qtbot: Any, run: Any
) -> None:
    desk, parts = wired(frozen_sim, qtbot)
    window = desk.window
    try:
        assert [c.name for c in parts.notifier.channels] == ["toast"]  # offscreen
        assert window.tabs.tabText(parts.events_tab) == "Events"
        run(desk.harness.refresh())
        run(parts.notifier.deliver_all([]))  # let start-up alerts settle
        for toast in parts.toasts.toasts():
            toast.dismiss()
        parts.notifier.start_new_minute()  # the start-up alerts used this minute's pop-ups
        uuid = healthy(frozen_sim)
        listed = frozen_sim.charger(uuid)
        name = listed["reference"] or listed["identity"]
        frozen_sim.force_fault(uuid, "OverVoltage", "Grid voltage above 253 V")

        async def scenario() -> None:
            shown = SignalWaiter(
                parts.notifier.delivered, lambda alert, _c: alert.charger_uuid == uuid
            )
            desk.harness.monitor.refresh_now()
            await shown.wait(20)

        run(scenario(), timeout=30)
        (toast,) = [t for t in parts.toasts.toasts() if t.note.charger_uuid == uuid]
        assert toast.isVisible() and name in toast.title_label.text()
        assert "OverVoltage" in toast.body_label.text()
        (incident,) = [i for i in parts.store.open_incidents() if i.charger_uuid == uuid]
        assert incident.notified_open  # shown, so never again after a restart
        events = parts.events_pane
        assert events.incident_at(0) is not None and events.incident_at(0).id == incident.id
        window.fleet_view.search.setText("no such charger")  # hides it from the list
        window.tabs.setCurrentIndex(parts.events_tab)
        toast.open_button.click()
        assert window.tabs.currentIndex() == 0
        assert window.selected_uuid() == uuid
        assert window.fleet_view.search.text() == ""
        assert not toast.isVisible()
    finally:
        run(close(desk, parts))


def test_events_double_click_and_summary_open_go_to_the_right_pane(
    frozen_sim: Simulator, qtbot: Any, run: Any
) -> None:
    desk, parts = wired(frozen_sim, qtbot)
    window = desk.window
    try:
        run(desk.harness.refresh())
        incident = parts.events_pane.incident_at(0)
        assert incident is not None  # the simulator starts with a few faulted chargers
        parts.events_pane.charger_activated.emit(incident.charger_uuid)
        assert window.tabs.currentIndex() == 0 and window.selected_uuid() == incident.charger_uuid
        parts.notifier.open_charger.emit("")  # "Open" on a storm summary
        assert window.tabs.currentIndex() == parts.events_tab
    finally:
        run(close(desk, parts))


def test_quiet_hours_keep_history_and_only_note_it(
    frozen_sim: Simulator, qtbot: Any, run: Any
) -> None:
    quiet = msgspec.structs.replace(
        FAST, quiet_hours_enabled=True, quiet_start="00:00", quiet_end="00:00"
    )
    desk, parts = wired(frozen_sim, qtbot, quiet)
    try:
        channels: list[str] = []
        parts.notifier.delivered.connect(lambda _a, channel: channels.append(channel))

        async def scenario() -> None:
            done = SignalWaiter(parts.notifier.delivered)
            desk.harness.monitor.refresh_now()
            await done.wait(20)
            await parts.notifier.deliver_all([])
            await parts.service.flush()  # the delivery marks are written off the UI thread

        run(scenario(), timeout=30)
        assert channels and set(channels) == {"quiet"}
        notes = parts.toasts.toasts()
        assert notes and all(t.quiet for t in notes)
        assert "Quiet hours, not shown as a pop-up" in notes[0].title_label.text()
        assert all(i.notified_open for i in parts.store.open_incidents())
    finally:
        run(close(desk, parts))


def test_next_start_shows_the_last_known_fleet_marked_stale(
    frozen_sim: Simulator, qtbot: Any, run: Any, tmp_path: Path
) -> None:
    desk, parts = wired(frozen_sim, qtbot)
    run(desk.harness.refresh())
    count = desk.window.fleet_model.rowCount()
    run(close(desk, parts))

    frozen_sim.set_chaos("outage")  # the first refresh will not come back soon
    desk, parts = wired(frozen_sim, qtbot)
    try:
        model = desk.window.fleet_model

        async def shown() -> None:
            if model.rowCount() == 0:
                await SignalWaiter(parts.service.last_known_fleet).wait(10)

        run(shown())
        assert model.rowCount() == count
        assert model.is_stale
        assert "Showing the last known fleet" in desk.window.status_bar.currentMessage()
        frozen_sim.set_chaos(None)
        run(desk.harness.refresh())
        assert not model.is_stale
    finally:
        run(close(desk, parts))


def test_mutes_survive_a_restart_of_the_wiring(frozen_sim: Simulator, qtbot: Any, run: Any) -> None:
    desk, parts = wired(frozen_sim, qtbot)
    uuid = healthy(frozen_sim)
    parts.service.mute(uuid, None)
    run(close(desk, parts))
    desk, parts = wired(frozen_sim, qtbot)
    try:
        mute = parts.service.mute_of(uuid)
        assert mute is not None and mute.until_resolved
    finally:
        run(close(desk, parts))


def test_closing_is_idempotent_and_stops_listening(
    frozen_sim: Simulator, qtbot: Any, run: Any
) -> None:
    desk, parts = wired(frozen_sim, qtbot)
    parts.close()
    parts.close()
    seen: list[object] = []
    parts.service.alerts.connect(seen.append)
    run(desk.harness.refresh())  # the monitor still works; fault monitoring is off
    assert seen == []
    run(desk.harness.aclose())


def test_settings_changes_reach_the_tracker(frozen_sim: Simulator, qtbot: Any, run: Any) -> None:
    desk, parts = wired(frozen_sim, qtbot)
    try:
        assert parts.tracker.grace_fault.total_seconds() == 0
        parts.apply_settings(msgspec.structs.replace(FAST, grace_fault_s=300, notify_fault=False))
        assert parts.tracker.grace_fault.total_seconds() == 300
        assert parts.tracker.prefs.fault is False
    finally:
        run(close(desk, parts))
