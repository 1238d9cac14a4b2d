"""The client's site and team methods against the simulator over loopback.

Every answer is checked against the simulator's own state (its `sites()`, `teams()`,
`chargers()`, `charger(uuid)`), and the request log proves how many pages were walked.
The simple paginator (sites, site connectors, site transactions) and the flat team
envelope (team chargers, sites, transactions) each run over three pages or more."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from plugdesk.api import decode
from plugdesk.api.errors import NotFoundError
from plugdesk.api.fleet_models import TeamCharger, TeamChargerFilterOptions
from plugdesk.simulator import Simulator
from tests.api.helpers import FakeClock
from tests.api.test_client_sim import call, client_for, requests_to

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def big() -> Iterator[Simulator]:
    """1,000 chargers over 67 sites and three teams, frozen clock (read-only tests)."""
    sim = Simulator(
        chargers=1000, seed=3, time_scale=0, start_time=START, rate_limit_per_minute=100_000
    )
    with sim:
        yield sim
        assert sim.server_errors == []


def fetch(sim: Simulator, method: Any) -> Any:
    return call(client_for(sim, FakeClock()), method)


def pages_of(sim: Simulator, route: str, before: int) -> int:
    return len(requests_to(sim, route)) - before


def counted(sim: Simulator, route: str, method: Any) -> tuple[Any, int]:
    """The call's result and how many requests it sent to `route`."""
    before = len(requests_to(sim, route))
    result = fetch(sim, method)
    return result, pages_of(sim, route, before)


# -- sites -------------------------------------------------------------------------------


def test_sites_walk_every_page_with_their_addresses(big: Simulator) -> None:
    sites, pages = counted(big, "sites.index", lambda c: c.list_sites())
    expected = big.sites()
    assert pages == 3 and len(sites) == len(expected) == 67
    assert [s.uuid for s in sites] == [s["uuid"] for s in expected]
    assert {s.country for s in sites} == {"NL", "BE", "DE", "FR"}
    for site, raw in zip(sites, expected, strict=True):
        assert (site.name, site.city, site.postal_code) == (
            raw["name"],
            raw["city"],
            raw["postal_code"],
        )
        assert site.chargers_count == len(big.site_charger_uuids(site.uuid))
        # A boolean on some pages, a mode string on others: always a mode string here.
        assert site.smart_charging in ("enabled", "disabled", "day_ahead_pricing", "off_peak")


def test_site_search_and_team_filter_narrow_the_list(big: Simulator) -> None:
    found = fetch(big, lambda c: c.list_sites(search="paris"))
    expected = [s["uuid"] for s in big.sites() if "paris" in f"{s['name']} {s['address']}".lower()]
    assert expected and [s.uuid for s in found] == expected
    team = big.teams()[2]
    of_team = fetch(big, lambda c: c.list_sites(team=team["uuid"]))
    assert 0 < len(of_team) < 67
    assert {s.uuid for s in of_team} == {
        s["uuid"]
        for s in big.sites()
        if set(big.site_charger_uuids(s["uuid"])) <= set(big.team_charger_uuids(team["uuid"]))
    }
    assert fetch(big, lambda c: c.list_sites(search="no such place anywhere")) == []


def test_get_site_and_unknown_site(big: Simulator) -> None:
    raw = big.sites()[5]
    site = fetch(big, lambda c: c.get_site(raw["uuid"]))
    assert (site.uuid, site.address, site.country) == (raw["uuid"], raw["address"], raw["country"])
    with pytest.raises(NotFoundError):
        fetch(big, lambda c: c.get_site("00000000-0000-4000-8000-000000000000"))


def _biggest_site(sim: Simulator) -> dict[str, Any]:
    return max(sim.sites(), key=lambda s: len(sim.site_charger_uuids(s["uuid"])))


def test_site_chargers_carry_connectors_and_site_connectors_their_charger(big: Simulator) -> None:
    site = _biggest_site(big)
    uuids = big.site_charger_uuids(site["uuid"])
    chargers, pages = counted(big, "sites.chargers", lambda c: c.list_site_chargers(site["uuid"]))
    assert pages == 2 and [c.uuid for c in chargers] == uuids
    for charger in chargers:
        detail = big.charger(charger.uuid)
        assert [(k.connector_id, k.status) for k in charger.connectors or []] == [
            (k["connector_id"], k["status"]) for k in detail["connectors"]
        ]
    connectors, pages = counted(
        big, "sites.connectors", lambda c: c.list_site_connectors(site["uuid"])
    )
    expected = [
        (uuid, k["connector_id"], k["status"])
        for uuid in uuids
        for k in big.charger(uuid)["connectors"]
    ]
    assert pages == -(-len(expected) // 25) >= 2
    assert [(k.charger.uuid, k.connector_id, k.status) for k in connectors] == expected


def test_site_transactions_newest_first_and_limited(big: Simulator) -> None:
    site = big.sites()[0]
    rows, pages = counted(
        big, "sites.transactions", lambda c: c.list_site_transactions(site["uuid"], limit=70)
    )
    assert len(rows) == 70 and pages == 3
    starts = [r.started_at for r in rows]
    assert starts == sorted(starts, reverse=True)
    mine = set(big.site_charger_uuids(site["uuid"]))
    by_id = {c["id"]: c["uuid"] for c in big.chargers()}
    assert {by_id[r.charger_id] for r in rows} <= mine


def test_site_teams(big: Simulator) -> None:
    site = big.sites()[0]
    teams = fetch(big, lambda c: c.list_site_teams(site["uuid"]))
    expected = [t["uuid"] for t in big.teams() if site["uuid"] in {s for s in _team_sites(big, t)}]
    assert [t.uuid for t in teams] == expected and teams[0].name == big.teams()[0]["name"]


def _team_sites(sim: Simulator, team: dict[str, Any]) -> set[str]:
    chargers = set(sim.team_charger_uuids(team["uuid"]))
    return {s["uuid"] for s in sim.sites() if set(sim.site_charger_uuids(s["uuid"])) <= chargers}


# -- teams ---------------------------------------------------------------------------------


def test_teams_from_get_teams_or_from_the_sites_when_it_is_404() -> None:
    with Simulator(chargers=200, seed=3, time_scale=0, start_time=START) as sim:
        expected = sorted(t["uuid"] for t in sim.teams())
        teams, asked = counted(sim, "teams.index", lambda c: c.list_teams())
        assert sorted(t.uuid for t in teams) == expected and asked == 1
        assert not requests_to(sim, "sites.teams")

        sim.set_teams_endpoint(False)
        before = len(requests_to(sim, "teams.index"))
        teams = fetch(sim, lambda c: c.list_teams())
        assert sorted(t.uuid for t in teams) == expected  # no duplicates either
        assert [r.status for r in requests_to(sim, "teams.index")[before:]] == [404]
        assert len(requests_to(sim, "sites.teams")) == len(sim.sites())


def test_team_chargers_every_page_in_identity_order(big: Simulator) -> None:
    team = big.teams()[0]
    rows, pages = counted(big, "teams.chargers", lambda c: c.list_team_chargers(team["uuid"]))
    assert pages == 40 and len(rows) == 1000
    assert sorted(r.uuid for r in rows) == sorted(big.team_charger_uuids(team["uuid"]))
    identities = [r.identity for r in rows]
    assert identities == sorted(identities)
    row = rows[0]
    assert row.site is not None and row.site.uuid in {s["uuid"] for s in big.sites()}
    assert [k.connector_id for k in row.connector_list] == [
        k["connector_id"] for k in big.charger(row.uuid)["connectors"]
    ]


def _state(sim: Simulator, team: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {uuid: sim.charger(uuid) for uuid in sim.team_charger_uuids(team["uuid"])}


TEAM_FILTERS: list[tuple[dict[str, str], Any]] = [
    ({"connection_status": "offline"}, lambda d, s: d["connection_status"] == "offline"),
    ({"connection_status": "never_seen"}, lambda d, s: d["connection_status"] == "never_seen"),
    ({"status": "Faulted"}, lambda d, s: d["status"] == "Faulted"),
    ({"status": "Unavailable"}, lambda d, s: d["status"] == "Unavailable"),
    (
        {"connector_status": "Faulted"},
        lambda d, s: any(k["status"] == "Faulted" for k in d["connectors"]),
    ),
    (
        {"connector_status": "Charging"},
        lambda d, s: any(k["status"] == "Charging" for k in d["connectors"]),
    ),
    ({"vendor": "ABB"}, lambda d, s: d["model"]["vendor"] == "ABB"),
    ({"license": "pro"}, lambda d, s: d["licenses"]["pro"]),
    ({"license": "smart"}, lambda d, s: d["licenses"]["smart"]),
    ({"search": "-1"}, lambda d, s: "-1" in d["identity"].lower()),
    ({"site_uuid": "SITE"}, lambda d, s: d["uuid"] in s),
    (
        {"connection_status": "online", "connector_status": "Available", "vendor": "Alfen"},
        lambda d, s: (
            d["connection_status"] == "online"
            and d["model"]["vendor"] == "Alfen"
            and any(k["status"] == "Available" for k in d["connectors"])
        ),
    ),
]


@pytest.mark.parametrize(("filters", "keep"), TEAM_FILTERS, ids=lambda v: str(v)[:40])
def test_team_charger_filters_match_the_simulators_state(
    big: Simulator, filters: dict[str, str], keep: Any
) -> None:
    team = big.teams()[1]
    state = _state(big, team)
    site = max(_team_sites(big, team), key=lambda s: len(big.site_charger_uuids(s)))
    in_site = set(big.site_charger_uuids(site))
    filters = {k: (site if v == "SITE" else v) for k, v in filters.items()}
    rows = fetch(big, lambda c: c.list_team_chargers(team["uuid"], **filters))
    expected = {u for u, d in state.items() if keep(d, in_site)}
    assert expected, f"the world has no charger for {filters}: the test would prove nothing"
    assert expected != set(state), f"{filters} keeps every charger: it narrows nothing"
    assert {r.uuid for r in rows} == expected
    for request in requests_to(big, "teams.chargers")[-max(1, -(-len(rows) // 25)) :]:
        for name, value in filters.items():  # every page kept every filter
            key = "search" if name == "search" else f"filter[{name}]"
            assert request.query[key] == value


def test_connector_status_filter_walks_several_pages(big: Simulator) -> None:
    team = big.teams()[0]
    rows, pages = counted(
        big,
        "teams.chargers",
        lambda c: c.list_team_chargers(team["uuid"], connector_status="Available"),
    )
    assert pages >= 3 and all(any(k.status == "Available" for k in r.connector_list) for r in rows)


@pytest.mark.parametrize("sort", ["identity", "-identity", "connection_status", "-status",
                                  "created_at", "-created_at"])  # fmt: skip
def test_team_charger_sorts(big: Simulator, sort: str) -> None:
    team = big.teams()[2]
    rows = fetch(big, lambda c: c.list_team_chargers(team["uuid"], sort=sort))
    assert sorted(r.uuid for r in rows) == sorted(big.team_charger_uuids(team["uuid"]))
    field = sort.lstrip("-")
    values = [(getattr(r, field) or "") if field != "created_at" else r.created_at for r in rows]
    assert values == sorted(values, reverse=sort.startswith("-"))
    assert len(set(values)) > 1


def test_team_charger_filter_options_decode(big: Simulator) -> None:
    team = big.teams()[0]
    body = httpx.get(
        f"{big.base_url}/teams/{team['uuid']}/chargers",
        headers={"Authorization": f"Bearer {big.token}", "Accept": "application/json"},
    ).content
    options = decode.filter_options_as(
        decode.decode_page(body, TeamCharger), TeamChargerFilterOptions
    )
    vendors = {c["model"]["vendor"] for c in big.chargers()}
    assert options.vendors == sorted(vendors)
    assert "Faulted" in options.connector_statuses and "never_seen" in options.connection_statuses
    assert options.license_types == ["basic", "smart", "pro"]


def test_bad_filter_values_are_refused_before_a_request(big: Simulator) -> None:
    before = len(big.request_log)
    for bad in ({"status": "Broken"}, {"connector_status": "Faulty"}, {"sort": "vendor"},
                {"connection_status": "ONLINE"}, {"search": "   "}):  # fmt: skip
        with pytest.raises(ValueError):
            fetch(big, lambda c, bad=bad: c.list_team_chargers(big.teams()[0]["uuid"], **bad))
    assert len(big.request_log) == before


def test_team_sites_and_transactions_flat_pages(big: Simulator) -> None:
    team = big.teams()[0]
    sites, pages = counted(big, "teams.sites", lambda c: c.list_team_sites(team["uuid"]))
    assert pages == 3 and [s.uuid for s in sites] == [s["uuid"] for s in big.sites()]
    rows, pages = counted(
        big, "teams.transactions", lambda c: c.list_team_transactions(team["uuid"], limit=60)
    )
    assert len(rows) == 60 and pages == 3
    names = {s["uuid"]: s["name"] for s in big.sites()}
    for row in rows:
        assert row.charger is not None and row.charger.site is not None
        assert names[row.charger.site.uuid] == row.charger.site.name
        assert row.charger.uuid in set(big.team_charger_uuids(team["uuid"]))
    starts = [r.started_at for r in rows]
    assert starts == sorted(starts, reverse=True)


def test_unknown_team_is_not_found(big: Simulator) -> None:
    with pytest.raises(NotFoundError):
        fetch(big, lambda c: c.list_team_chargers("00000000-0000-4000-8000-000000000000"))


# -- a fault on one connector ------------------------------------------------------------------


def test_connector_only_fault_is_seen_in_site_and_team_lists_not_in_get_chargers() -> None:
    with Simulator(
        chargers=40, seed=7, time_scale=0, start_time=START, connector_faults_at_start=False
    ) as sim:
        uuid = next(
            c["uuid"]
            for c in sim.chargers()
            if c["connection_status"] == "online"
            and c["status"] == "Available"
            and len(sim.charger(c["uuid"])["connectors"]) == 2
        )
        sim.force_fault(uuid, "GroundFailure", connector_id=2)
        assert [r.connector_id for r in sim.connector_fault_log if r.charger_uuid == uuid] == [2]
        site = next(s["uuid"] for s in sim.sites() if uuid in sim.site_charger_uuids(s["uuid"]))
        team = sim.teams()[0]["uuid"]

        async def everything(c: Any) -> dict[str, Any]:
            return {
                "list": await c.list_chargers(),
                "detail": await c.get_charger(uuid),
                "site_chargers": await c.list_site_chargers(site),
                "site_connectors": await c.list_site_connectors(site),
                "team": await c.list_team_chargers(team),
                "team_faulted": await c.list_team_chargers(team, connector_status="Faulted"),
                "team_charger_faulted": await c.list_team_chargers(team, status="Faulted"),
            }

        seen = fetch(sim, everything)

    listed = next(c for c in seen["list"] if c.uuid == uuid)
    assert listed.status == "Available" and listed.error in (None, "NoError")
    assert not listed.connectors  # GET /chargers items carry no connectors

    def faulted(connectors: Any) -> list[tuple[int | None, str | None]]:
        return [(k.connector_id, k.error) for k in connectors if k.status == "Faulted"]

    assert seen["detail"].status == "Available"
    assert faulted(seen["detail"].connectors) == [(2, "GroundFailure")]
    in_site = next(c for c in seen["site_chargers"] if c.uuid == uuid)
    assert faulted(in_site.connectors) == [(2, "GroundFailure")]
    assert faulted(k for k in seen["site_connectors"] if k.charger.uuid == uuid) == [
        (2, "GroundFailure")
    ]
    in_team = next(c for c in seen["team"] if c.uuid == uuid)
    assert in_team.status == "Available"
    assert [k.connector_id for k in in_team.connector_list if k.status == "Faulted"] == [2]
    assert uuid in {c.uuid for c in seen["team_faulted"]}
    assert uuid not in {c.uuid for c in seen["team_charger_faulted"]}
