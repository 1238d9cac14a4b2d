"""Sites and teams: addresses in four countries, the envelopes of /sites and /teams, every
team-charger filter and sort, the GET /teams switch, connector-only faults in the lists."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from plugdesk.simulator import Simulator
from tests.simulator.conftest import START, Connect, MakeSim
from tests.simulator.pages import FLAT, SIMPLE, items, walk

SITE_FIELDS = {
    "uuid",
    "id",
    "name",
    "address",
    "street",
    "postal_code",
    "house_number",
    "house_number_addition",
    "city",
    "country",
    "smart_charging",
    "chargers_count",
    "capabilities",
    "permissions",
    "created_at",
    "updated_at",
}


@pytest.fixture(scope="module")
def big() -> Iterator[Simulator]:
    """1,200 chargers over about eighty sites (a frozen clock)."""
    simulator = Simulator(chargers=1200, seed=11, time_scale=0, start_time=START).start()
    yield simulator
    simulator.stop()
    assert simulator.server_errors == []


@pytest.fixture
def big_api(big: Simulator) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {big.token}", "Accept": "application/json"}
    with httpx.Client(base_url=big.base_url + "/", headers=headers) as client:
        yield client


def test_the_demo_has_six_sites_in_four_countries(fleet: Simulator, api: httpx.Client) -> None:
    pages = walk(api, "sites")
    sites = items(pages)
    assert set(pages[0]) == SIMPLE and len(sites) == 6
    assert {s["country"] for s in sites} == {"NL", "BE", "DE", "FR"}
    for site in sites:
        assert set(site) == SITE_FIELDS
        assert site["street"] in site["address"] and site["city"] in site["address"]
        assert site["postal_code"] in site["address"]
    kinds = {type(s["smart_charging"]) for s in sites}
    assert kinds == {bool, str}  # both occur, as API.md says
    assert sum(s["chargers_count"] for s in sites) == 40
    every = [u for s in sites for u in fleet.site_charger_uuids(s["uuid"])]
    assert sorted(every) == sorted(fleet.charger_uuids())  # each charger on exactly one site
    one = sites[2]
    assert api.get(f"sites/{one['uuid']}").json() == {"data": one}
    assert api.get(f"sites/{one['id']}").json() == {"data": one}
    assert api.get("sites/00000000-0000-4000-8000-000000000000").status_code == 404


def test_sites_search_and_team_filter(fleet: Simulator, api: httpx.Client) -> None:
    sites = fleet.sites()
    city = sites[3]["city"]
    found = items(walk(api, "sites", search=city.upper()))
    assert found and all(city in s["address"] for s in found)
    other = fleet.teams()[1]
    team_sites = items(walk(api, "sites", team=other["uuid"]))
    assert 0 < len(team_sites) < len(sites)
    assert {s["uuid"] for s in team_sites} == {
        s["uuid"] for s in items(walk(api, f"teams/{other['id']}/sites"))
    }


def test_site_chargers_connectors_and_teams(fleet: Simulator, api: httpx.Client) -> None:
    site = fleet.sites()[0]
    chargers = items(walk(api, f"sites/{site['uuid']}/chargers"))
    assert [c["uuid"] for c in chargers] == fleet.site_charger_uuids(site["uuid"])
    for charger in chargers:
        detail = fleet.charger(charger["uuid"])
        assert [c["status"] for c in charger["connectors"]] == [
            c["status"] for c in detail["connectors"]
        ]
        for connector in charger["connectors"]:
            assert {
                "id",
                "charger_id",
                "connector_id",
                "status",
                "max_amperage",
                "max_voltage",
                "standard",
                "format",
                "power_type",
                "phase_rotation",
            } <= set(connector)
    connectors = items(walk(api, f"sites/{site['uuid']}/connectors"))
    assert len(connectors) == sum(len(c["connectors"]) for c in chargers)
    assert set(connectors[0]["charger"]) == {
        "uuid",
        "id",
        "identity",
        "connection_status",
        "status",
    }
    teams = items(walk(api, f"sites/{site['uuid']}/teams"))
    assert teams[0]["name"] == "Sam's Team"
    assert all(
        site["uuid"] in {s["uuid"] for s in items(walk(api, f"teams/{t['uuid']}/sites"))}
        for t in teams
    )


def test_site_and_team_transactions_are_newest_first_over_three_pages(
    fleet: Simulator, api: httpx.Client
) -> None:
    site = fleet.sites()[1]
    pages = walk(api, f"sites/{site['uuid']}/transactions")
    rows = items(pages)
    assert len(pages) >= 3
    starts = [(t["started_at"], t["id"]) for t in rows]
    assert starts == sorted(starts, reverse=True)
    mine = set(fleet.site_charger_uuids(site["uuid"]))
    assert all(t["charger"]["uuid"] in mine for t in rows)
    expected = sum(len(fleet.transactions_for(u)) for u in mine)
    assert len(rows) == expected
    assert all(t["connector"]["connector_id"] >= 1 for t in rows)

    team = fleet.teams()[0]
    first = api.get(f"teams/{team['uuid']}/transactions").json()
    assert set(first) == FLAT
    assert set(first["data"][0]["charger"]) == {"uuid", "identity", "reference", "site"}
    team_pages = [first]
    for _ in range(3):
        team_pages.append(api.get(team_pages[-1]["next_page_url"]).json())
    team_rows = items(team_pages)
    keys = [(t["started_at"], t["id"]) for t in team_rows]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == 100


def test_get_teams_can_be_switched_off(fleet: Simulator, api: httpx.Client) -> None:
    pages = walk(api, "teams")
    assert set(pages[0]) == SIMPLE
    assert [t["uuid"] for t in items(pages)] == [t["uuid"] for t in fleet.teams()]
    fleet.set_teams_endpoint(False)
    gone = api.get("teams")
    assert gone.status_code == 404 and gone.json() == {"message": "Not Found."}
    # The way round it still works: teams through the sites.
    site = fleet.sites()[0]
    assert items(walk(api, f"sites/{site['uuid']}/teams"))
    fleet.set_teams_endpoint(True)
    assert api.get("teams").status_code == 200


def test_teams_endpoint_off_from_the_start(make_sim: MakeSim, connect: Connect) -> None:
    sim = make_sim(chargers=10, teams_endpoint=False)
    assert connect(sim).get("teams").status_code == 404


def test_team_chargers_flat_envelope_over_three_pages(
    big: Simulator, big_api: httpx.Client
) -> None:
    team = big.teams()[0]
    pages = walk(big_api, f"teams/{team['id']}/chargers")
    assert len(pages) >= 3 and set(pages[0]) == FLAT
    assert pages[0]["prev_page_url"] is None and pages[1]["prev_page_url"] is not None
    rows = items(pages)
    assert sorted(r["uuid"] for r in rows) == sorted(big.team_charger_uuids(team["uuid"]))
    identities = [r["identity"] for r in rows]
    assert identities == sorted(identities)  # default sort
    row = rows[0]
    assert set(row["site"]) == {"uuid", "name"}
    assert set(row["internal_model"]) >= {"vendor", "name"}
    assert isinstance(row["connectors"], dict) and isinstance(row["connectors"]["data"], list)
    options = pages[0]["filter_options"]
    assert set(options) == {  # as the docs' example names them
        "connection_statuses",
        "statuses",
        "connector_statuses",
        "vendors",
        "license_types",
    }
    # A smaller team sees only its sites' chargers.
    other = big.teams()[1]
    theirs = items(walk(big_api, f"teams/{other['uuid']}/chargers"))
    assert 0 < len(theirs) < len(rows)
    assert {r["uuid"] for r in theirs} == set(big.team_charger_uuids(other["uuid"]))


@pytest.mark.parametrize(
    ("name", "value", "check"),
    [
        ("connection_status", "offline", lambda c, d: c["connection_status"] == "offline"),
        ("status", "Faulted", lambda c, d: c["status"] == "Faulted"),
        (
            "connector_status",
            "Charging",
            lambda c, d: any(k["status"] == "Charging" for k in c["connectors"]["data"]),
        ),
        ("vendor", "alfen", lambda c, d: d["model"]["vendor"] == "Alfen"),
        ("license", "pro", lambda c, d: c["licenses"]["pro"]),
        ("identity", "ACE", lambda c, d: "ACE" in c["identity"]),
    ],
)
def test_each_team_charger_filter(
    big: Simulator, big_api: httpx.Client, name: str, value: str, check: object
) -> None:
    team = big.teams()[0]["uuid"]
    rows = items(walk(big_api, f"teams/{team}/chargers", **{f"filter[{name}]": value}))
    truth = {c["uuid"]: c for c in big.chargers()}
    assert rows, f"nothing matched filter[{name}]={value}"
    assert all(check(r, truth[r["uuid"]]) for r in rows)  # type: ignore[operator]
    everything = items(walk(big_api, f"teams/{team}/chargers"))
    wanted = [r["uuid"] for r in everything if check(r, truth[r["uuid"]])]  # type: ignore[operator]
    assert sorted(r["uuid"] for r in rows) == sorted(wanted)


def test_team_search_site_filter_sorts_and_bad_names(big: Simulator, big_api: httpx.Client) -> None:
    team = big.teams()[0]["uuid"]
    site = big.sites()[5]
    on_site = items(walk(big_api, f"teams/{team}/chargers", **{"filter[site_uuid]": site["uuid"]}))
    assert sorted(r["uuid"] for r in on_site) == sorted(big.site_charger_uuids(site["uuid"]))
    assert all(r["site"]["uuid"] == site["uuid"] for r in on_site)
    some = on_site[0]["identity"][-5:]
    searched = items(walk(big_api, f"teams/{team}/chargers", search=some.lower()))
    assert searched and all(some in r["identity"] for r in searched)
    for field in ("identity", "connection_status", "status", "created_at"):
        up = items(
            walk(
                big_api, f"teams/{team}/chargers", sort=field, **{"filter[site_uuid]": site["uuid"]}
            )
        )
        down = items(
            walk(
                big_api,
                f"teams/{team}/chargers",
                sort=f"-{field}",
                **{"filter[site_uuid]": site["uuid"]},
            )
        )
        keys = [r[field] or "" for r in up]
        assert keys == sorted(keys)
        assert [r[field] or "" for r in down] == sorted(keys, reverse=True)
    bad = big_api.get(f"teams/{team}/chargers", params={"filter[colour]": "red"})
    assert bad.status_code == 400 and "colour" in bad.json()["message"]
    assert big_api.get(f"teams/{team}/chargers", params={"sort": "price"}).status_code == 400
    assert big_api.get("teams/999999/chargers").status_code == 404


def test_a_connector_only_fault_shows_in_site_and_team_lists_not_in_get_chargers(
    fleet: Simulator, api: httpx.Client
) -> None:
    assert fleet.connector_fault_log, "the world starts with a faulted connector somewhere"
    uuid = next(
        u
        for u in fleet.charger_uuids()
        if fleet.charger(u)["status"] == "Available" and len(fleet.charger(u)["connectors"]) == 2
    )
    fleet.force_fault(uuid, "ConnectorLockFailure", connector_id=2)
    record = fleet.connector_fault_log[-1]
    assert (record.charger_uuid, record.connector_id, record.ended_at) == (uuid, 2, None)
    listed = next(c for c in items(walk(api, "chargers")) if c["uuid"] == uuid)
    assert listed["status"] == "Available" and "connectors" not in listed
    assert listed["error"] in (None, "NoError")
    detail = api.get(f"chargers/{uuid}").json()["data"]
    assert [c["status"] for c in detail["connectors"]] == [
        detail["connectors"][0]["status"],
        "Faulted",
    ]
    site = next(s for s in fleet.sites() if uuid in fleet.site_charger_uuids(s["uuid"]))
    on_site = next(
        c for c in items(walk(api, f"sites/{site['uuid']}/chargers")) if c["uuid"] == uuid
    )
    assert on_site["status"] == "Available"
    assert on_site["connectors"][1]["status"] == "Faulted"
    assert on_site["connectors"][1]["error"] == "ConnectorLockFailure"
    team = fleet.teams()[0]["uuid"]
    faulted = items(walk(api, f"teams/{team}/chargers", **{"filter[connector_status]": "Faulted"}))
    assert uuid in {r["uuid"] for r in faulted}
    assert uuid not in {
        r["uuid"]
        for r in items(walk(api, f"teams/{team}/chargers", **{"filter[status]": "Faulted"}))
    }
    fleet.clear_fault(uuid)
    assert fleet.connector_fault_log[-1].ended_at is not None


def test_describe_names_codes_sites_and_teams(fleet: Simulator) -> None:
    text = "\n".join(fleet.describe())
    codes = fleet.codes_to_try()
    assert len(codes) == 4 and f"Public codes to try: {', '.join(codes)}" in text
    for code in codes:  # each one can start a session now
        charger = fleet.public_charger(code)
        assert charger["online"]
        assert any(k["status"] == "Available" for k in charger["connectors"])
    for site in fleet.sites():
        assert site["name"] in text and site["city"] in text
    assert "Sam's Team" in text


def test_plugdesk_sim_prints_codes_sites_and_team() -> None:
    lines = []
    # The with-block closes both pipes; communicate() drains them so the child never blocks.
    with subprocess.Popen(
        [sys.executable, "-m", "plugdesk", "sim", "--port", "0", "--seed", "7"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            for line in process.stdout:
                lines.append(line.rstrip("\n"))
                if line.startswith("Press Ctrl+C"):
                    break
        finally:
            process.terminate()
            process.communicate(timeout=10)
    twin = Simulator(chargers=40, seed=7)
    output = "\n".join(lines)
    for line in twin.describe()[1:]:  # the codes depend on the moment: checked below
        assert line in output
    printed = next(line for line in lines if line.startswith("Public codes to try: "))
    codes = printed.removeprefix("Public codes to try: ").split(", ")
    assert len(codes) == 4 and set(codes) <= set(twin.public_codes())
    assert "Public codes to try:" in output and "Team: Sam's Team" in output


def test_same_seed_same_world(make_sim: MakeSim, connect: Connect) -> None:
    def snapshot(seed: int) -> list[object]:
        sim = make_sim(chargers=60, seed=seed)
        api = connect(sim)
        uuid = sim.charger_uuids()[7]
        paths = [
            "sites",
            f"teams/{sim.teams()[0]['uuid']}/chargers",
            f"chargers/{uuid}/logs",
            f"sites/{sim.sites()[1]['uuid']}/transactions",
        ]
        return [sim.sites(), sim.teams()] + [api.get(p).json()["data"] for p in paths]

    assert snapshot(21) == snapshot(21)
    assert snapshot(21)[0] != snapshot(22)[0]


def test_the_new_world_leaves_the_rest_of_the_fleet_as_it_was(make_sim: MakeSim) -> None:
    """Sites, teams and the connectors faulted at the start draw from streams of their own:
    every other charger lives exactly as it did without them (only live transaction ids,
    numbered across the fleet, may move)."""
    with_faults = make_sim(chargers=120, seed=9)
    without = make_sim(chargers=120, seed=9, connector_faults_at_start=False)
    chosen = {
        r.charger_uuid for r in with_faults.connector_fault_log if r.started_at < with_faults.now()
    }
    assert chosen
    for _ in range(4):
        one = {c["uuid"]: c for c in with_faults.chargers()}
        two = {c["uuid"]: c for c in without.chargers()}
        assert set(one) == set(two)
        assert [u for u in one if one[u] != two[u] and u not in chosen] == []
        with_faults.advance(1800)
        without.advance(1800)

    def charger_level(sim: Simulator) -> list[object]:
        return [
            (r.charger_uuid, r.kind, r.error, r.started_at, r.ended_at)
            for r in sim.fault_log
            if r.connector_id is None and r.charger_uuid not in chosen
        ]

    assert charger_level(with_faults) == charger_level(without)
