"""Property tests: whatever bytes arrive, a decoder returns a model or raises
BadResponseError, never anything else (no TypeError, KeyError, RecursionError...)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugdesk.api import decode
from plugdesk.api.charger_models import (
    ActionResult,
    LatestMeterValue,
    LockSetting,
    MeterValue,
    OcppLog,
    PlugChargeSetting,
    PublicChargingSettings,
    SocketLockSetting,
)
from plugdesk.api.errors import BadResponseError
from plugdesk.api.fleet_models import (
    Site,
    SiteConnector,
    Team,
    TeamCharger,
    TeamChargerFilterOptions,
    TeamTransaction,
)
from plugdesk.api.models import (
    Charger,
    PowerUsage,
    PublicCharger,
    SessionState,
    StartedSession,
    Transaction,
    User,
)
from tests.api import samples
from tests.api.test_recorded_fixtures import RECORDED, RECORDED_FILES, decoded

Decoder = Callable[[bytes], Any]

# (name, decoder, a valid document for it)
TARGETS: list[tuple[str, Decoder, dict[str, Any]]] = [
    ("user", lambda b: decode.decode_object(b, User), samples.USER),
    (
        "charger",
        lambda b: decode.decode_object(b, Charger),
        {"data": samples.charger_with_connectors()},
    ),
    (
        "charger page",
        lambda b: decode.decode_page(b, Charger),
        samples.page([samples.charger(), samples.charger_with_connectors()], "https://x/?page=2"),
    ),
    (
        "transaction page",
        lambda b: decode.decode_page(b, Transaction),
        samples.page(
            [samples.transaction(), samples.transaction(total_kwh=3.5, stopped_at=None)], None
        ),
    ),
    ("power usage", lambda b: decode.decode_object(b, PowerUsage), samples.POWER_USAGE),
    (
        "public charger",
        lambda b: decode.decode_object(b, PublicCharger),
        {"data": samples.PUBLIC_CHARGER},
    ),
    ("session", lambda b: decode.decode_object(b, SessionState), samples.session_state()),
    (
        "started session",
        lambda b: decode.decode_object(b, StartedSession),
        samples.started_session("sess_0123456789"),
    ),
]
# Issue 13's decoders: sites, teams, meter values, OCPP log, actions and settings.
TARGETS += [
    (
        "site page",
        lambda b: decode.decode_page(b, Site),
        samples.page([samples.SITE, {**samples.SITE, "smart_charging": True}], "https://x/?page=2"),
    ),
    ("site", lambda b: decode.decode_object(b, Site), {"data": samples.SITE}),
    ("team page", lambda b: decode.decode_page(b, Team), samples.page([{"uuid": "t1"}], None)),
    (
        "team charger page (flat)",
        lambda b: decode.decode_page(b, TeamCharger),
        samples.flat_page([samples.TEAM_CHARGER], "https://x/?page=2"),
    ),
    (
        "site connector page",
        lambda b: decode.decode_page(b, SiteConnector),
        samples.page([{**samples.CONNECTOR, "charger": {"uuid": "c1", "status": "Faulted"}}], None),
    ),
    (
        "team transaction page (flat)",
        lambda b: decode.decode_page(b, TeamTransaction),
        samples.flat_page([samples.TEAM_TRANSACTION], None),
    ),
    (
        "meter value page (length-aware)",
        lambda b: decode.decode_page(b, MeterValue),
        samples.length_aware_page([samples.METER_VALUE], "https://x/?page=2"),
    ),
    (
        "OCPP log page",
        lambda b: decode.decode_page(b, OcppLog),
        samples.page(samples.ocpp_logs(), None) | {"filter_options": {"methods": ["Heartbeat"]}},
    ),
    (
        "latest meter value",
        lambda b: decode.decode_object(b, LatestMeterValue),
        samples.LATEST_METER_VALUE,
    ),
    ("action result", lambda b: decode.decode_object(b, ActionResult), {"status": "Accepted"}),
    (
        "socket lock",
        lambda b: decode.decode_object(b, SocketLockSetting),
        {"enabled": True, "interactable": False, "error": "stuck"},
    ),
    (
        "public charging settings",
        lambda b: decode.decode_object(b, PublicChargingSettings),
        samples.PUBLIC_CHARGING_SETTINGS,
    ),
]
TARGETS += [
    ("lock", lambda b: decode.decode_object(b, LockSetting), {"enabled": True}),
    (
        "plug charge",
        lambda b: decode.decode_object(b, PlugChargeSetting),
        {"enabled": True, "current_card": "04A2B3C4D5"},
    ),
    (
        "team charger filter options",
        lambda b: decode.decode_object(b, TeamChargerFilterOptions),
        msgspec.json.decode((RECORDED / "team_chargers.json").read_bytes())["filter_options"],
    ),
]
# The docs' own example answers, mutated like the samples above.
TARGETS += [
    (
        f"recorded {entry['file']}",
        lambda b, entry=entry: decoded(entry, b),
        msgspec.json.decode((RECORDED / entry["file"]).read_bytes()),
    )
    for entry in RECORDED_FILES
    if entry["file"] != "charge_limit.json"  # `{}`: nothing to mutate
]
MODEL_TYPES = (
    User,
    Charger,
    PowerUsage,
    PublicCharger,
    SessionState,
    StartedSession,
    Site,
    ActionResult,
    LatestMeterValue,
    SocketLockSetting,
    PublicChargingSettings,
    LockSetting,
    PlugChargeSetting,
    TeamChargerFilterOptions,
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["-", " 1.5", "7.00", "NaN", "2024-05-01T10:00:00Z", "2024-13-45", ""]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
targets = st.sampled_from(TARGETS)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(decoder: Decoder, body: bytes) -> Any:
    """The property: a model, or BadResponseError with a JSON path and a sentence."""
    try:
        result = decoder(body)
    except BadResponseError as error:
        assert error.path.startswith("$")
        assert str(error).endswith(".")
        return None
    assert isinstance(result, (*MODEL_TYPES, decode.Page))
    return result


def paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    found = [prefix] if prefix else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found += paths(value, (*prefix, index))
    return found


def parent_of(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        doc = doc[step]
    return doc


@FAST
@given(target=targets, value=json_values)
def test_random_json_values(target: tuple[str, Decoder, Any], value: Any) -> None:
    check(target[1], msgspec.json.encode(value))


@FAST
@given(target=targets, data=st.binary(max_size=200))
def test_random_bytes(target: tuple[str, Decoder, Any], data: bytes) -> None:
    check(target[1], data)


@FAST
@given(target=targets, data=st.data())
def test_valid_documents_with_fields_deleted_or_replaced(
    target: tuple[str, Decoder, Any], data: st.DataObject
) -> None:
    _, decoder, valid = target
    doc = copy.deepcopy(valid)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="mutations")):
        where = paths(doc)
        if not where:
            break
        path = data.draw(st.sampled_from(where), label="path")
        parent = parent_of(doc, path)
        if isinstance(parent, dict) and data.draw(st.booleans(), label="delete"):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(json_values, label="replacement")
    check(decoder, msgspec.json.encode(doc))


@FAST
@given(target=targets, data=st.data())
def test_truncated_documents_always_fail_cleanly(
    target: tuple[str, Decoder, Any], data: st.DataObject
) -> None:
    _, decoder, valid = target
    body = msgspec.json.encode(valid)
    cut = data.draw(st.integers(min_value=0, max_value=len(body) - 1), label="cut")
    assert check(decoder, body[:cut]) is None  # a cut object is never valid JSON


@FAST
@given(target=targets, data=st.data())
def test_byte_flips_fail_cleanly_or_decode(
    target: tuple[str, Decoder, Any], data: st.DataObject
) -> None:
    _, decoder, valid = target
    body = bytearray(msgspec.json.encode(valid))
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="flips")):
        index = data.draw(st.integers(min_value=0, max_value=len(body) - 1), label="index")
        body[index] = data.draw(st.integers(min_value=0, max_value=255), label="byte")
    check(decoder, bytes(body))


def test_valid_documents_decode() -> None:
    for name, decoder, valid in TARGETS:
        assert check(decoder, msgspec.json.encode(valid)) is not None, name


def test_deeply_nested_garbage_is_a_bad_response() -> None:
    for _, decoder, _ in TARGETS:
        assert check(decoder, b'{"data":' + b"[" * 100_000 + b"]" * 100_000 + b"}") is None


@FAST
@given(value=json_values)
def test_filter_options_are_a_model_or_none_never_an_error(value: Any) -> None:
    """A team list's `filter_options` of any shape never costs the page."""
    body = msgspec.json.encode({"data": [], "filter_options": value})
    page = decode.decode_page(body, TeamCharger)
    options = decode.filter_options_as(page, TeamChargerFilterOptions)
    assert options is None or isinstance(options, TeamChargerFilterOptions)
