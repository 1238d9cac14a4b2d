"""The fleet's state index (chargers by status, connection status and connector status),
which the team list's filters start from: it must stay exactly what a scan of the fleet
finds while the fleet lives (faults, outages, charging sessions, API actions), and the
filtered lists must be the same, in the same order, as filtering the whole list."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from plugdesk.simulator import Simulator
from plugdesk.simulator.fleet import Fleet, StateIndex
from tests.simulator.conftest import START
from tests.simulator.pages import items, walk


@pytest.fixture(scope="module")
def lively() -> Iterator[Simulator]:
    """1,000 chargers with the demo's lively trouble, six simulated hours on."""
    simulator = Simulator(chargers=1000, seed=5, time_scale=0, start_time=START).start()
    simulator.advance(6 * 3600)
    yield simulator
    simulator.stop()
    assert simulator.server_errors == []


@pytest.fixture
def api(lively: Simulator) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {lively.token}", "Accept": "application/json"}
    with httpx.Client(base_url=lively.base_url + "/", headers=headers) as client:
        yield client


def _fleet(simulator: Simulator) -> Fleet:
    return simulator._fleet  # the index is the fleet's own bookkeeping


def _as_scanned(index: StateIndex) -> tuple[object, object, object]:
    """The index's sets, without the empty ones a scan would not make."""
    return (
        {k: v for k, v in index.status.items() if v},
        {k: v for k, v in index.connection.items() if v},
        {k: v for k, v in index.sockets.items() if v},
    )


def test_the_index_is_what_a_scan_finds_after_hours_of_life(lively: Simulator) -> None:
    fleet = _fleet(lively)
    faulted = fleet.states.chargers_with("status", ["Faulted"])
    assert faulted, "six lively hours fault some chargers"
    assert fleet.states.chargers_with("connection_status", ["offline"])
    assert _as_scanned(fleet.states) == _as_scanned(StateIndex(fleet.chargers))
    uuid = next(c.uuid for c in fleet.chargers if c.index not in faulted and c.connectors)
    lively.force_fault(uuid, "GroundFailure")
    lively.force_offline(uuid)
    assert _as_scanned(fleet.states) == _as_scanned(StateIndex(fleet.chargers))
    index = fleet.by_uuid[uuid].index
    assert index in fleet.states.chargers_with("status", ["Faulted"])  # type: ignore[operator]
    assert index in fleet.states.chargers_with("connector_status", ["Faulted"])  # type: ignore[operator]
    lively.clear_fault(uuid)
    lively.force_online(uuid)
    lively.advance(1800)
    assert _as_scanned(fleet.states) == _as_scanned(StateIndex(fleet.chargers))
    assert fleet.states.chargers_with("vendor", ["Alfen"]) is None  # not indexed


@pytest.mark.parametrize(
    "filters",
    [
        {"filter[status]": "Faulted"},
        {"filter[connector_status]": "Faulted"},
        {"filter[connection_status]": "offline"},
        {"filter[status]": "Available"},  # most of the fleet: read by a scan
        {"filter[connector_status]": "Charging,SuspendedEV"},
        {"filter[status]": "Faulted,Unavailable", "filter[connection_status]": "online"},
        {"filter[connector_status]": "Faulted", "filter[license]": "smart"},
    ],
)
def test_filtered_team_lists_are_the_whole_list_filtered(
    lively: Simulator, api: httpx.Client, filters: dict[str, str]
) -> None:
    team = lively.teams()[0]["uuid"]
    everything = items(walk(api, f"teams/{team}/chargers"))
    wanted = [r["uuid"] for r in everything if _passes(r, filters)]
    assert wanted, f"the lively fleet has chargers for {filters}"
    got = [r["uuid"] for r in items(walk(api, f"teams/{team}/chargers", **filters))]
    assert got == wanted  # same chargers, same (identity) order


def _passes(row: dict[str, object], filters: dict[str, str]) -> bool:
    for key, value in filters.items():
        wanted = set(value.split(","))
        if key == "filter[status]" and row["status"] not in wanted:
            return False
        if key == "filter[connection_status]" and row["connection_status"] not in wanted:
            return False
        if key == "filter[connector_status]":
            connectors = row["connectors"]["data"]  # type: ignore[index]
            if not any(c["status"] in wanted for c in connectors):  # type: ignore[union-attr]
                return False
        if key == "filter[license]" and not row["licenses"][value]:  # type: ignore[index]
            return False
    return True
