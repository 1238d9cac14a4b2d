"""Contract test: the simulator answers with the envelopes and keys the API documents.

The simulator encodes the contract on its own (it never imports `plugdesk.api`), so if it
and the client shared a misunderstanding every client test would still pass. This test
pins the simulator to the outside sources instead:

- where the public docs show an example answer (tests/fixtures/recorded, see its
  manifest.json), every key of that example must be in the simulator's answer, at every
  depth (the docs' example may leave documented keys out, the simulator must not rename
  or drop one);
- for every endpoint, the key sets API.md lists (encoded below from API.md): envelope
  keys exactly (no invented top-level keys, none missing), item keys at least.

`test_the_contract_check_bites` shows the check fails when one simulator key is renamed.
Decoding the recorded examples through the client's models is
tests/api/test_recorded_fixtures.py.
"""

from __future__ import annotations

import json
import pkgutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from plugdesk.simulator import Simulator

RECORDED = Path(__file__).parents[1] / "fixtures" / "recorded"
MANIFEST = {
    entry["endpoint"]: entry
    for entry in json.loads((RECORDED / "manifest.json").read_text())["entries"]
}
START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)

# -- key sets from API.md ---------------------------------------------------------------
# A shape is a dict of key -> sub-shape (None: any value). A key ending in "?" may be
# absent. `EXACT` in a shape: the answer may carry no other keys (envelopes). A list of
# one shape: every element has that shape.
Shape = dict[str, Any]
EXACT = "="


def keys(names: str, **nested: Any) -> Shape:
    shape: Shape = {name: None for name in names.split()}
    shape.update(nested)
    return shape


def exact(names: str, **nested: Any) -> Shape:
    return {**keys(names, **nested), EXACT: True}


LINKS = exact("first last prev next")
META = exact("current_page current_page_url from path per_page to")


def simple(item: Shape, *extra: str) -> Shape:
    """Simple paginator (API.md, "Envelopes")."""
    return exact(" ".join(("data", *extra)), data=[item], links=LINKS, meta=META)


def length_aware(item: Shape) -> Shape:
    meta = exact(
        "current_page current_page_url from path per_page to last_page total",
        links=[exact("url label page active")],
    )
    return exact("data", data=[item], links=LINKS, meta=meta)


def flat(item: Shape) -> Shape:
    """Flat Laravel envelope of the team endpoints."""
    names = "data first_page_url from next_page_url path per_page prev_page_url to filter_options"
    return exact(names, data=[item])


def wrapped(item: Shape) -> Shape:
    return exact("data", data=item)


CONNECTOR = keys(
    "id charger_id connector_id status error error_info vendor_id vendor_error_code "
    "max_amperage max_voltage standard format power_type phase_rotation created_at updated_at"
)
LIST_CONNECTOR = keys(
    "id charger_id connector_id status max_amperage max_voltage standard format power_type "
    "phase_rotation"
)
CHARGER = keys(  # api/chargers-list.txt
    "uuid id identity reference connection_status status error error_info vendor_id "
    "vendor_error_code firmware_version server last_connection_at last_disconnection_at "
    "last_heartbeat_at setup_pending setup_completed blocked max_current created_at "
    "updated_at licenses model"
)
SITE = keys(
    "uuid id name address street postal_code house_number house_number_addition city country "
    "smart_charging chargers_count capabilities permissions created_at updated_at"
)
TRANSACTION = keys(  # api/charger-transactions-list.txt
    "id charger_id charger_connector_id id_tag meter_start meter_stop total_kwh started_at "
    "stopped_at stop_reason created_at updated_at"
)
METER_VALUE = keys(
    "id charger_id charger_connector_id charger_transaction_id timestamp value context format "
    "measurand phase location unit"
)
LOG = keys("id charger_id status version method destination params result created_at updated_at")
TEAM = keys("uuid name")

API_MD: dict[str, Shape] = {
    "GET /user": exact("uuid id name email avatar created_at updated_at intercom?"),
    "GET /chargers": simple(CHARGER),
    "GET /chargers/{uuid}": wrapped(keys(" ".join(CHARGER), connectors=[CONNECTOR])),
    "PUT /chargers/{uuid}": wrapped(CHARGER),
    "GET /chargers/{uuid}/transactions": simple(TRANSACTION),
    "GET /chargers/{uuid}/connectors/{n}/power-usage": exact("timestamp L1 L2 L3 kW"),
    "GET /chargers/{uuid}/connectors/{n}/latest-metervalue": exact(
        "connectorId",
        meterValue=[exact("timestamp", sampledValue=[keys("value context format unit")])],
    ),
    "GET /chargers/{uuid}/metervalues": length_aware(METER_VALUE),
    "GET /chargers/{uuid}/logs": simple(LOG, "filter_options")
    | {"filter_options": keys("methods")},
    "POST /chargers/{uuid}/actions/restart": exact("status"),
    "POST /chargers/{uuid}/actions/charge-limit": exact("status"),
    "GET /chargers/{uuid}/settings/lock": exact("enabled"),
    "GET /chargers/{uuid}/settings/socket-lock": exact("enabled interactable error?"),
    "GET /chargers/{uuid}/settings/plug-charge": exact("enabled current_card"),
    "GET /chargers/{uuid}/settings/public-charging": exact(
        "enabled price_per_kwh start_fee currency public_code public_url preauth_amount "
        "connect billing",
        limits=exact("max_price_per_kwh max_start_fee"),
    ),
    "GET /sites": simple(SITE),
    "GET /sites/{site}": wrapped(SITE),
    "GET /sites/{site}/chargers": simple(keys(" ".join(CHARGER), connectors=[LIST_CONNECTOR])),
    "GET /sites/{site}/connectors": simple(
        keys(" ".join(LIST_CONNECTOR), charger=keys("uuid id identity connection_status status"))
    ),
    "GET /sites/{site}/transactions": simple(TRANSACTION),
    "GET /sites/{site}/teams": simple(TEAM),
    "GET /teams": simple(TEAM),
    "GET /teams/{team}/chargers": flat(
        keys(
            "uuid identity connection_status status internal_model",
            site=keys("uuid name"),
            connectors=exact("data", data=[keys("id connector_id status")]),
        )
    ),
    "GET /teams/{team}/sites": flat(SITE),
    "GET /teams/{team}/transactions": flat(
        keys(
            " ".join(TRANSACTION),
            charger=keys("uuid identity reference", site=keys("uuid name")),
        )
    ),
}


# -- the check ---------------------------------------------------------------------------


def problems(shape: Any, value: Any, where: str = "$") -> list[str]:
    """Where `value` breaks `shape`: missing keys, or extra keys where the shape is exact."""
    if shape is None or value is None:
        return []
    if isinstance(shape, list):
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {type(value).__name__}"]
        return [
            p for k, item in enumerate(value) for p in problems(shape[0], item, f"{where}[{k}]")
        ]
    if not isinstance(value, dict):
        return [f"{where}: expected an object, got {type(value).__name__}"]
    found: list[str] = []
    named = {key.rstrip("?"): sub for key, sub in shape.items() if key != EXACT}
    for key, sub in shape.items():
        if key == EXACT:
            continue
        name = key.rstrip("?")
        if name not in value:
            if not key.endswith("?"):
                found.append(f"{where}: missing {name!r}")
            continue
        found += problems(sub, value[name], f"{where}.{name}")
    if shape.get(EXACT):
        found += [f"{where}: undocumented key {k!r}" for k in sorted(set(value) - set(named))]
    return found


def shape_of(example: Any) -> Any:
    """The shape an example answer shows: all its keys required, at every depth (for
    a list, the union of its elements' keys)."""
    if isinstance(example, list):
        merged: dict[str, Any] = {}
        for item in example:
            sub = shape_of(item)
            if isinstance(sub, dict):
                for key, value in sub.items():
                    merged[key] = merged.get(key) or value
        return [merged] if merged else None
    if isinstance(example, dict):
        return {key: shape_of(value) for key, value in example.items()}
    return None


def recorded_shape(endpoint: str) -> Any:
    entry = MANIFEST.get(endpoint)
    if entry is None or not entry["file"]:
        return None
    return shape_of(json.loads((RECORDED / entry["file"]).read_text()))


def contract_problems(endpoint: str, answer: Any) -> list[str]:
    """Everything in `answer` that breaks API.md's key sets or the recorded example."""
    found = problems(API_MD[endpoint], answer)
    example = recorded_shape(endpoint)
    if example is not None:
        found += [f"recorded example: {p}" for p in problems(example, answer)]
    return found


# -- the simulator's answers ---------------------------------------------------------------


@pytest.fixture(scope="module")
def world() -> Iterator[tuple[Simulator, httpx.Client]]:
    sim = Simulator(chargers=40, seed=7, time_scale=0, start_time=START).start()
    headers = {"Accept": "application/json", "Authorization": f"Bearer {sim.token}"}
    client = httpx.Client(base_url=sim.base_url + "/", headers=headers)
    try:
        yield sim, client
    finally:
        client.close()
        sim.stop()
        assert sim.server_errors == []


def paths(sim: Simulator) -> dict[str, tuple[str, str, dict[str, Any] | None]]:
    """Endpoint -> (method, path with a real charger/site/team, JSON body)."""
    chargers = sim.chargers()
    busy = next(  # online, full permission, has transactions: every endpoint has rows
        c
        for c in chargers
        if c["connection_status"] == "online"
        and c["permissions"]["full"]
        and len(sim.transactions_for(c["uuid"])) >= 2
    )
    uuid, site, team = busy["uuid"], sim.sites()[0]["uuid"], sim.teams()[0]["uuid"]
    day = sim.transactions_for(uuid)[-1]["started_at"][:10]
    metervalues = f"chargers/{uuid}/metervalues?date_from={day} 00:00:00&date_to={day} 23:59:59"
    return {
        "GET /user": ("GET", "user", None),
        "GET /chargers": ("GET", "chargers", None),
        "GET /chargers/{uuid}": ("GET", f"chargers/{uuid}", None),
        "PUT /chargers/{uuid}": ("PUT", f"chargers/{uuid}", {"reference": "Bay 4"}),
        "GET /chargers/{uuid}/transactions": ("GET", f"chargers/{uuid}/transactions", None),
        "GET /chargers/{uuid}/connectors/{n}/power-usage": (
            "GET",
            f"chargers/{uuid}/connectors/1/power-usage",
            None,
        ),
        "GET /chargers/{uuid}/connectors/{n}/latest-metervalue": (
            "GET",
            f"chargers/{uuid}/connectors/1/latest-metervalue",
            None,
        ),
        "GET /chargers/{uuid}/metervalues": ("GET", metervalues, None),
        "GET /chargers/{uuid}/logs": ("GET", f"chargers/{uuid}/logs", None),
        "POST /chargers/{uuid}/actions/restart": ("POST", f"chargers/{uuid}/actions/restart", None),
        "POST /chargers/{uuid}/actions/charge-limit": (
            "POST",
            f"chargers/{uuid}/actions/charge-limit",
            {"connector_id": 0, "limit": 16},
        ),
        **{
            f"GET /chargers/{{uuid}}/settings/{s}": ("GET", f"chargers/{uuid}/settings/{s}", None)
            for s in ("lock", "socket-lock", "plug-charge", "public-charging")
        },
        "GET /sites": ("GET", "sites", None),
        "GET /sites/{site}": ("GET", f"sites/{site}", None),
        **{
            f"GET /sites/{{site}}/{p}": ("GET", f"sites/{site}/{p}", None)
            for p in ("chargers", "connectors", "transactions", "teams")
        },
        "GET /teams": ("GET", "teams", None),
        **{
            f"GET /teams/{{team}}/{p}": ("GET", f"teams/{team}/{p}", None)
            for p in ("chargers", "sites", "transactions")
        },
    }


def answer(sim: Simulator, client: httpx.Client, endpoint: str) -> Any:
    sim.force_action_outcome("reply")
    method, path, body = paths(sim)[endpoint]
    response = client.request(method, path, json=body)
    assert response.status_code == 200, (endpoint, response.status_code, response.text[:200])
    document = response.json()
    items = document.get("data") if isinstance(document, dict) else None
    if isinstance(items, list):
        assert items, f"{endpoint}: an empty list checks no item keys"
    return document


def test_every_endpoint_of_api_md_and_every_recording_is_checked() -> None:
    recorded = {e for e, entry in MANIFEST.items() if entry["file"]}
    assert recorded <= set(API_MD), recorded - set(API_MD)


@pytest.mark.parametrize("endpoint", sorted(API_MD))
def test_simulator_answers_as_documented(
    world: tuple[Simulator, httpx.Client], endpoint: str
) -> None:
    sim, client = world
    assert contract_problems(endpoint, answer(sim, client, endpoint)) == []


# -- it bites ----------------------------------------------------------------------------


def _renaming(original: Callable[..., Any], old: str, new: str) -> Callable[..., Any]:
    def renamed(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        if isinstance(result, dict) and old in result:
            result[new] = result.pop(old)
        return result

    return renamed


@pytest.mark.parametrize(
    ("target", "old", "new", "endpoint"),
    [
        (
            "plugdesk.simulator.paging.flat",
            "next_page_url",
            "next_url",
            "GET /teams/{team}/chargers",
        ),
        ("plugdesk.simulator.paging.simple", "links", "pagination", "GET /sites"),
        (
            "plugdesk.simulator.fleet.Fleet.connector_api",
            "connector_id",
            "connectorId",
            "GET /chargers/{uuid}",
        ),
        (
            "plugdesk.simulator.places.Places.team_charger",
            "site",
            "place",
            "GET /teams/{team}/chargers",
        ),
        (
            "plugdesk.simulator.world.Site.to_api",
            "house_number",
            "number",
            "GET /teams/{team}/sites",
        ),
    ],
)
def test_the_contract_check_bites(
    world: tuple[Simulator, httpx.Client],
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    old: str,
    new: str,
    endpoint: str,
) -> None:
    sim, client = world
    monkeypatch.setattr(target, _renaming(pkgutil.resolve_name(target), old, new))
    found = contract_problems(endpoint, answer(sim, client, endpoint))
    assert any(f"missing {old!r}" in p for p in found), found
