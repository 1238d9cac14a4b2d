"""FleetWatch against the simulator over loopback HTTP, with the real incident service and
a real SQLite file: the attention lists, confirmation before recovery, the fallback."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from plugdesk.api.client import PlugchoiceClient
from plugdesk.domain.incidents import IncidentTracker, NotificationPrefs
from plugdesk.domain.store import Store
from plugdesk.domain.watch_pacing import WatchPaceSettings
from plugdesk.services.incidents import IncidentService
from plugdesk.services.monitor import REFRESH_TASK
from plugdesk.services.watch import LIST, TEAM, FleetWatch
from plugdesk.simulator import Simulator
from plugdesk.tasks import TaskRunner

LOUD = NotificationPrefs(fault=True, offline=True, stale=True, resolved=True)


@pytest.fixture
def frozen_sim() -> Iterator[Simulator]:
    """Simulated time moves only when the test says so; no connector starts faulted."""
    simulator = Simulator(chargers=40, seed=7, time_scale=0, connector_faults_at_start=False)
    simulator.start()
    try:
        yield simulator
    finally:
        simulator.stop()


class Watched:
    def __init__(
        self, sim: Simulator, db: Path, pacing: WatchPaceSettings | None = None
    ) -> None:
        self.errors: list[BaseException] = []
        self.client = PlugchoiceClient(sim.base_url, sim.token)
        self.runner = TaskRunner(on_error=self.errors.append)
        # Grace ends are re-read after an hour of real time: never within a test.
        self.watch = FleetWatch(
            self.client, self.runner, grace=(3600.0, 3600.0), watch_pacing=pacing
        )
        self.store = Store(db)
        self.tracker = IncidentTracker(
            self.store, grace_fault=120, grace_offline=300, grace_clear=0,
            storm_threshold=1000, prefs=LOUD,
        )  # fmt: skip
        self.service = IncidentService(self.store, self.tracker, self.runner, clock=sim.now)
        self.service.attach(self.watch)
        self.alerts: list[Any] = []
        self.service.alerts.connect(self.alerts.extend)

    async def cycle(self) -> None:
        await self.watch.check_now()
        await self.service.flush()

    async def aclose(self) -> None:
        self.watch.stop()
        await self.runner.cancel_all()
        await self.service.flush()
        self.service.close()
        await self.client.aclose()


@pytest.fixture
def watched(frozen_sim: Simulator, tmp_path: Path, run: Any) -> Iterator[Watched]:
    w = Watched(frozen_sim, tmp_path / "plugdesk.sqlite3")
    yield w
    run(w.aclose())


def _healthy(sim: Simulator) -> str:
    return next(
        c["uuid"] for c in sim.chargers()
        if c["connection_status"] == "online" and c["status"] == "Available"
        and not c["blocked"] and len(sim.charger(c["uuid"]).get("connectors") or [1, 2]) >= 1
    )  # fmt: skip


def _requests(sim: Simulator, since: int) -> list[str]:
    return [f"{r.method} {r.path}" for r in sim.request_log[since:]]


def test_a_connector_fault_is_one_incident_that_names_it_and_resolves_once(
    watched: Watched, frozen_sim: Simulator, run: Any
) -> None:
    uuid = _healthy(frozen_sim)
    run(watched.cycle())
    assert watched.watch.mode == TEAM
    frozen_sim.force_fault(uuid, "HighTemperature", "too hot", connector_id=2)
    run(watched.cycle())  # seen within one cycle: pending
    assert (uuid, "fault", 2) in watched.tracker.pending()
    frozen_sim.advance(121)
    run(watched.cycle())
    opened = [a for a in watched.alerts if a.charger_uuid == uuid]
    assert [a.kind for a in opened] == ["opened"]
    assert "connector 2" in opened[0].title
    assert opened[0].body.startswith("Connector 2: HighTemperature")
    (incident,) = [i for i in watched.store.list_incidents() if i.charger_uuid == uuid]
    assert incident.connector_id == 2 and incident.error_code == "HighTemperature"

    frozen_sim.clear_fault(uuid)
    before = len(frozen_sim.request_log)
    run(watched.cycle())  # gone from the lists: read on its own before it resolves
    assert any(r.endswith(f"/chargers/{uuid}") for r in _requests(frozen_sim, before))
    for _ in range(3):
        frozen_sim.advance(30)
        run(watched.cycle())
    mine = [a for a in watched.alerts if a.charger_uuid == uuid]
    assert [a.kind for a in mine] == ["opened", "resolved"]
    (incident,) = [i for i in watched.store.list_incidents() if i.charger_uuid == uuid]
    assert not incident.is_open


def test_a_charger_that_leaves_the_lists_stays_open_until_its_own_read_agrees(
    watched: Watched, frozen_sim: Simulator, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = _healthy(frozen_sim)
    run(watched.cycle())
    frozen_sim.force_fault(uuid, "GroundFailure")
    run(watched.cycle())
    frozen_sim.advance(121)
    run(watched.cycle())
    assert [i.charger_uuid for i in watched.tracker.open_incidents()].count(uuid) == 1

    # The lists lose the charger (a page shifting under a change) while it is still
    # faulted: its own read says so, and the incident stays open.
    read_list = watched.watch._read_list

    async def losing(name: str, value: str) -> list[Any]:
        return [item for item in await read_list(name, value) if item.uuid != uuid]

    monkeypatch.setattr(watched.watch, "_read_list", losing)
    before = len(frozen_sim.request_log)
    for _ in range(2):
        frozen_sim.advance(30)
        run(watched.cycle())
    assert any(r.endswith(f"/chargers/{uuid}") for r in _requests(frozen_sim, before))
    assert uuid in [i.charger_uuid for i in watched.tracker.open_incidents()]
    assert {c.uuid: c for c in watched.watch.chargers}[uuid].status == "Faulted"
    assert not any(a.kind == "resolved" and a.charger_uuid == uuid for a in watched.alerts)

    # Repaired: gone from the lists, and its own read agrees: resolved, once.
    monkeypatch.setattr(watched.watch, "_read_list", read_list)
    run(watched.cycle())  # back in the lists (still faulted)
    frozen_sim.clear_fault(uuid)
    run(watched.cycle())
    run(watched.cycle())
    mine = [a.kind for a in watched.alerts if a.charger_uuid == uuid]
    assert mine == ["opened", "resolved"]


def test_a_new_fault_and_an_offline_charger_are_seen_within_one_cycle(
    watched: Watched, frozen_sim: Simulator, run: Any
) -> None:
    run(watched.cycle())
    faulty, dropped = [
        c["uuid"] for c in frozen_sim.chargers()
        if c["connection_status"] == "online" and c["status"] == "Available" and not c["blocked"]
    ][:2]  # fmt: skip
    frozen_sim.force_fault(faulty, "OverVoltage")
    frozen_sim.force_offline(dropped)
    before = len(frozen_sim.request_log)
    run(watched.cycle())
    asked = _requests(frozen_sim, before)
    assert not any(r.endswith("/api/v3/chargers") for r in asked)  # not the whole list
    pending = watched.tracker.pending()
    assert (faulty, "fault") in pending and (dropped, "offline") in pending
    fleet = {c.uuid: c for c in watched.watch.chargers}
    assert fleet[faulty].status == "Faulted" and fleet[dropped].connection_status == "offline"
    assert fleet[faulty].site is not None and fleet[faulty].connectors


@pytest.mark.parametrize("refusal", ["403", "404"])
def test_without_team_access_it_falls_back_to_the_list_and_detail_reads(
    refusal: str, watched: Watched, frozen_sim: Simulator, run: Any
) -> None:
    frozen_sim.set_teams_endpoint(False)  # GET /teams 404: teams come from the sites
    frozen_sim.set_team_lists_refusal(int(refusal))
    uuid = _healthy(frozen_sim)
    frozen_sim.force_fault(uuid, "HighTemperature", connector_id=1)
    for _ in range(8):  # detail reads in rotation reach every charger in a few cycles
        run(watched.cycle())
    assert watched.watch.mode == LIST
    fleet = {c.uuid: c for c in watched.watch.chargers}
    assert len(fleet) == 40
    assert (uuid, "fault", 1) in watched.tracker.pending()
    asked = _requests(frozen_sim, 0)
    assert any(r.endswith("/api/v3/chargers") for r in asked)
    assert any(r.endswith(f"/chargers/{uuid}") for r in asked)


def test_a_tick_during_a_slow_cycle_runs_the_next_cycle_when_it_ends(
    watched: Watched, frozen_sim: Simulator, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(watched.cycle())  # the first load: team mode from here
    watch = watched.watch
    watch._timer.start()  # polling (its own ticks are a cycle away: the test ticks itself)
    gate = asyncio.Event()
    read_list = watch._read_list

    async def slow(name: str, value: str) -> list[Any]:
        await gate.wait()
        return await read_list(name, value)

    monkeypatch.setattr(watch, "_read_list", slow)

    async def two_ticks_one_slow_cycle() -> int:
        before = watch.cycles
        watch._tick()  # a cycle starts and waits on its lists
        await asyncio.sleep(0.05)
        watch._tick()  # the next slot comes while it still runs
        gate.set()
        await watched.runner._tasks[REFRESH_TASK]  # the cycles' task
        return watch.cycles - before

    # Dropped, that tick cost a whole cycle of latency; now it runs once the slow one ends.
    assert run(two_ticks_one_slow_cycle()) == 2
    assert watch.is_polling


def test_the_first_load_reads_the_complete_list_once_and_knows_what_needs_attention(
    watched: Watched, frozen_sim: Simulator, run: Any
) -> None:
    """The complete team list carries connectors: the attention lists read right after
    it would only repeat it. The next cycle reads them, and finds nothing new."""
    faulted = _healthy(frozen_sim)
    frozen_sim.force_fault(faulted, "HighTemperature", "too hot", connector_id=2)

    def filtered_reads(since: int) -> list[dict[str, Any]]:
        return [
            r.query for r in frozen_sim.request_log[since:]
            if r.route == "teams.chargers" and any(k.startswith("filter") for k in r.query)
        ]  # fmt: skip

    before = len(frozen_sim.request_log)
    run(watched.cycle())  # the first load
    assert watched.watch.mode == TEAM
    assert len(filtered_reads(before)) == 1  # the one page that proves team access
    troubled = {
        c["uuid"] for c in frozen_sim.chargers()
        if c["connection_status"] == "offline" or c["status"] == "Faulted"
        or any(k["status"] == "Faulted" for k in frozen_sim.charger(c["uuid"])["connectors"])
    }  # fmt: skip
    assert faulted in troubled
    assert watched.watch._attention == troubled

    before = len(frozen_sim.request_log)
    run(watched.cycle())
    assert any("filter[connector_status]" in q for q in filtered_reads(before))
    assert not any(r.route == "chargers.show" for r in frozen_sim.request_log[before:])
    assert watched.watch._attention == troubled


def _status_pages(sim: Simulator, since: int) -> list[str]:
    """The pages of the Faulted (charger status) list asked for since `since`."""
    return [
        str(r.query.get("page", "1")) for r in sim.request_log[since:]
        if r.query.get("filter[status]") == "Faulted"
    ]  # fmt: skip


def test_a_covered_faulted_list_is_read_in_slices_and_whole_once_it_shows_more(
    frozen_sim: Simulator, tmp_path: Path, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two pages of Faulted chargers, each with every connector Faulted too: the connector
    # list covers the Faulted list, so it is read a page a cycle (a round in 2 cycles).
    online = [c["uuid"] for c in frozen_sim.chargers() if c["connection_status"] == "online"]
    for uuid in online[:30]:
        frozen_sim.force_fault(uuid, "GroundFailure")
    w = Watched(frozen_sim, tmp_path / "plugdesk.sqlite3", WatchPaceSettings(overlap_every=2))
    try:
        before = len(frozen_sim.request_log)
        # The first load reads only the page that finds the team: the complete list
        # tells what the Faulted list holds.
        run(w.cycle())
        assert _status_pages(frozen_sim, before) == ["1"]
        slices = []
        for _ in range(4):
            before = len(frozen_sim.request_log)
            run(w.cycle())
            slices.append(_status_pages(frozen_sim, before))
        assert slices == [["1"], ["2"], ["1"], ["2"]]

        # The connector list loses one of them: the Faulted list shows more than the
        # others, so from the next cycle on it is read whole, every cycle.
        hidden = online[29]
        read_list = w.watch._read_list

        async def losing(name: str, value: str) -> list[Any]:
            items = await read_list(name, value)
            return [i for i in items if name != "connector_status" or i.uuid != hidden]

        monkeypatch.setattr(w.watch, "_read_list", losing)
        for _ in range(2):  # its slice comes round
            run(w.cycle())
        for _ in range(2):
            before = len(frozen_sim.request_log)
            run(w.cycle())
            assert _status_pages(frozen_sim, before) == ["1", "2"]
        assert {c.uuid: c for c in w.watch.chargers}[hidden].status == "Faulted"
        assert hidden in {key[0] for key in w.tracker.pending()}
        assert not w.errors
    finally:
        run(w.aclose())
