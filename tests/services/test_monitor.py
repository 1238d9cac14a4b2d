"""FleetMonitor and ChargerService against the simulator over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from plugdesk.services.chargers import TransactionFilters
from plugdesk.services.monitor import FleetMonitor
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from tests.support.harness import Harness, make_harness


@pytest.fixture
def big_fleet() -> Iterator[Simulator]:
    simulator = Simulator(chargers=60, seed=11)
    simulator.start()
    try:
        yield simulator
    finally:
        simulator.stop()


@pytest.fixture
def harness(sim: Any, run: Any) -> Iterator[Harness]:
    h = make_harness(sim)
    yield h
    run(h.aclose())


def chargers_requests(sim: Any) -> list[Any]:
    return [r for r in sim.request_log if r.method == "GET" and r.path.endswith("/chargers")]


def test_fleet_fills_across_pages(big_fleet: Simulator, run: Any) -> None:
    h = make_harness(big_fleet)
    progress: list[int] = []
    h.monitor.fleet_progress.connect(lambda fleet: progress.append(len(fleet)))

    async def scenario() -> list[Any]:
        updated = SignalWaiter(h.monitor.fleet_updated)
        h.monitor.refresh_now()
        (fleet,) = await updated.wait(10)
        return fleet

    try:
        fleet = run(scenario())
    finally:
        run(h.aclose())
    assert len(fleet) == 60
    assert {c.uuid for c in fleet} == set(big_fleet.charger_uuids())
    assert progress == [25, 50, 60]  # the first load shows page by page
    assert len(chargers_requests(big_fleet)) == 3
    assert h.monitor.state == "ok" and h.monitor.last_success is not None


def test_never_two_refreshes_at_once(harness: Harness, sim: Any, run: Any) -> None:
    async def scenario() -> None:
        done = SignalWaiter(harness.monitor.refresh_finished)
        assert harness.monitor.refresh_now() is True
        assert harness.monitor.refresh_now() is False  # dropped: one is running
        assert harness.monitor.is_refreshing
        await done.wait(10)
        assert harness.monitor.refresh_now() is True  # free again
        await SignalWaiter(harness.monitor.refresh_finished).wait(10)

    run(scenario())
    assert len(chargers_requests(sim)) == 4  # two complete refreshes of two pages each


def test_later_refreshes_replace_the_list_in_one_go(harness: Harness, run: Any) -> None:
    progress: list[int] = []
    run(harness.refresh())
    harness.monitor.fleet_progress.connect(lambda fleet: progress.append(len(fleet)))
    run(harness.refresh())
    assert progress == []


@pytest.mark.log_warnings("the refresh fails on purpose; the monitor warns")
def test_server_error_keeps_last_data_and_marks_it_stale(
    harness: Harness, sim: Any, run: Any
) -> None:
    states: list[str] = []
    failures: list[str] = []
    harness.monitor.connection_state_changed.connect(states.append)
    harness.monitor.refresh_failed.connect(failures.append)
    run(harness.refresh())
    good = harness.monitor.chargers
    sim.set_chaos("flaky", error_rate=1.0)
    run(harness.refresh())
    assert harness.monitor.chargers == good
    assert harness.monitor.is_stale and states == ["stale"]
    assert failures and harness.monitor.last_error == failures[-1]
    sim.set_chaos(None)
    run(harness.refresh())
    assert states == ["stale", "ok"]
    assert not harness.monitor.is_stale


@pytest.mark.log_warnings("the refresh fails on purpose; the monitor warns")
def test_unreachable_server_is_offline(harness: Harness, sim: Any, run: Any) -> None:
    run(harness.refresh())
    sim.stop()
    run(harness.refresh())
    assert harness.monitor.state == "offline"
    assert len(harness.monitor.chargers) == 40


@pytest.mark.log_warnings("the refresh fails on purpose; the monitor warns")
def test_401_stops_polling_until_resume(harness: Harness, sim: Any, run: Any) -> None:
    auth: list[bool] = []
    harness.monitor.auth_failed.connect(lambda: auth.append(True))
    harness.monitor.set_interval(60)
    harness.monitor.start()
    run(SignalWaiter(harness.monitor.refresh_finished).wait(10))
    assert harness.monitor.is_polling
    sim.revoke_token()
    run(harness.refresh())
    assert auth == [True]
    assert harness.monitor.state == "auth"
    assert not harness.monitor.is_polling
    before = len(sim.request_log)
    assert harness.monitor.refresh_now() is False  # paused: no request burnt
    assert len(sim.request_log) == before
    assert len(harness.monitor.chargers) == 40  # last good data kept
    sim.restore_token()  # signed in again
    resumed = SignalWaiter(harness.monitor.fleet_updated)
    harness.monitor.resume()
    assert harness.monitor.is_polling
    assert harness.monitor.is_refreshing
    run(resumed.wait(10))
    assert harness.monitor.state == "ok"


def test_interval_is_settable_and_timer_polls(harness: Harness, run: Any) -> None:
    monitor: FleetMonitor = harness.monitor
    assert monitor.interval == 30.0
    monitor.set_interval(1)
    assert monitor.interval == 5.0  # floor protects the request budget
    monitor.set_interval(120)
    assert monitor.interval == 120.0
    monitor.start()
    run(SignalWaiter(monitor.fleet_updated).wait(10))
    monitor._timer.setInterval(50)  # speed the clock up for the test only
    run(SignalWaiter(monitor.refresh_finished).wait(5))  # the timer fired by itself
    monitor.stop()
    assert not monitor.is_polling


def test_charger_detail_transactions_and_power(harness: Harness, sim: Any, run: Any) -> None:
    online = next(c for c in sim.chargers() if c["connection_status"] == "online")
    uuid = online["uuid"]

    async def scenario() -> tuple[Any, Any, Any, Any]:
        detail = await harness.chargers.load_charger_detail(uuid)
        every = await harness.chargers.load_transactions(uuid)
        finished = await harness.chargers.load_transactions(
            uuid, TransactionFilters(status="finished", limit=3)
        )
        power = await harness.chargers.load_power_usage(uuid, detail.connectors[0].connector_id)
        return detail, every, finished, power

    detail, every, finished, power = run(scenario())
    assert detail.uuid == uuid and detail.connectors
    assert [t.id for t in every] == [t["id"] for t in sim.transactions_for(uuid)]
    assert len(finished) <= 3 and all(not t.is_active for t in finished)
    assert power is not None


def test_requests_cancel_the_previous_charger(harness: Harness, sim: Any, run: Any) -> None:
    first, second = sim.charger_uuids()[:2]
    loaded: list[str] = []
    harness.chargers.transactions_loaded.connect(lambda uuid, _rows: loaded.append(uuid))

    async def scenario() -> None:
        done = SignalWaiter(harness.chargers.transactions_loaded)
        harness.chargers.request_transactions(first)
        harness.chargers.request_transactions(second)  # the user clicked on
        await done.wait(10)

    run(scenario())
    assert loaded == [second]


def test_service_401_is_reported(harness: Harness, sim: Any, run: Any) -> None:
    uuid = sim.charger_uuids()[0]
    sim.revoke_token()

    async def scenario() -> tuple[Any, ...]:
        auth = SignalWaiter(harness.chargers.auth_failed)
        failed = SignalWaiter(harness.chargers.detail_failed)
        harness.chargers.request_detail(uuid)
        await auth.wait(10)
        return await failed.wait(10)

    failed_uuid, message = run(scenario())
    assert failed_uuid == uuid and message


def test_no_signal_carries_a_python_bool() -> None:
    """PySide6 6.12 on Python 3.11 loses a reference to True/False each time a Python bool
    is emitted through a signal (the interpreter aborts after a few thousand emissions):
    the services' signals must not take bools."""
    from plugdesk.app.reporting import ErrorReporter
    from plugdesk.services.chargers import ChargerService

    for cls in (FleetMonitor, ChargerService, ErrorReporter):
        meta = cls.staticMetaObject
        for i in range(meta.methodOffset(), meta.methodCount()):
            method = meta.method(i)
            if method.methodType() == method.MethodType.Signal:
                types = [bytes(t).decode() for t in method.parameterTypes()]
                assert "bool" not in types, f"{cls.__name__}.{bytes(method.name()).decode()}"
