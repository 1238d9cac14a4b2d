"""Decoding facts of shared/API.md for the issue 13 models (sites, teams, meter values,
OCPP log, settings): absent keys, both spellings, both types."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec
import pytest

from plugdesk.api import decode
from plugdesk.api.charger_models import (
    DEFAULT_MEASURAND,
    ActionResult,
    LatestMeterValue,
    OcppLog,
    PublicChargingSettings,
)
from plugdesk.api.errors import BadResponseError
from plugdesk.api.fleet_models import Site, TeamCharger, TeamTransaction
from plugdesk.api.models import Charger, Connector, PowerUsage, SessionState
from tests.api import samples


def body(doc: object) -> bytes:
    return msgspec.json.encode(doc)


@pytest.mark.parametrize("spelling", ["WeakSignalLevel", "WeakSignal"])
def test_weak_signal_has_one_spelling_everywhere(spelling: str) -> None:
    charger = decode.decode_object(
        body(
            {
                "data": {
                    **samples.CHARGER,
                    "error": spelling,
                    "connectors": [{**samples.CONNECTOR, "error": spelling}],
                }
            }
        ),
        Charger,
    )
    assert charger.error == "WeakSignal" and charger.has_error
    assert charger.connectors is not None and charger.connectors[0].error == "WeakSignal"
    team = decode.decode_page(
        body(samples.flat_page([{**samples.TEAM_CHARGER, "error": spelling}], None)), TeamCharger
    )
    assert team.data[0].error == "WeakSignal"
    assert decode.decode_object(body({"error": spelling}), Connector).error == "WeakSignal"


@pytest.mark.parametrize(
    ("wire", "mode"),
    [
        (True, "enabled"),
        (False, "disabled"),
        ("day_ahead_pricing", "day_ahead_pricing"),
        (None, None),
    ],
)
def test_smart_charging_bool_or_string(wire: object, mode: str | None) -> None:
    site = decode.decode_object(body({"data": {**samples.SITE, "smart_charging": wire}}), Site)
    assert site.smart_charging == mode


def test_documented_keys_may_be_absent() -> None:
    assert decode.decode_object(body({"uuid": "s"}), Site).capabilities is None
    charger = decode.decode_page(body(samples.flat_page([{"uuid": "c"}], None)), TeamCharger)
    assert charger.data[0].connector_list == [] and charger.data[0].site is None
    row = decode.decode_page(body(samples.flat_page([{"id": 1}], None)), TeamTransaction).data[0]
    assert row.charger is None and row.total_kwh is None
    settings = decode.decode_object(body({"enabled": False}), PublicChargingSettings)
    assert settings.limits is None and settings.price_per_kwh is None


def test_site_without_uuid_is_a_bad_response() -> None:
    with pytest.raises(BadResponseError) as caught:
        decode.decode_page(body(samples.page([{"name": "x"}], None)), Site)
    assert caught.value.path.startswith("$.data[0]")


def test_team_transaction_tolerates_strings_and_naive_times() -> None:
    doc = {**samples.TEAM_TRANSACTION, "total_kwh": " 7.5 ", "started_at": "2026-01-10 01:14:32"}
    row = decode.decode_page(body(samples.flat_page([doc], None)), TeamTransaction).data[0]
    assert row.total_kwh == 7.5 and row.started_at is not None and row.started_at.tzinfo
    assert row.charger is not None and row.charger.site is not None
    assert row.charger.site.name == "Main"


def test_log_params_object_json_string_or_text() -> None:
    logs = decode.decode_page(body(samples.page(samples.ocpp_logs(), None)), OcppLog).data
    assert logs[0].params == {"chargePointVendor": "ABB"}
    assert logs[0].result == {"status": "Accepted", "interval": 300}
    assert logs[1].params == {} and logs[1].result == "not json"
    assert logs[1].created_at is not None and logs[1].created_at.tzinfo is not None
    scalar = decode.decode_object(body({"params": "42", "result": '"quoted"'}), OcppLog)
    assert scalar.params == "42" and scalar.result == '"quoted"'  # only objects/lists unwrap


def test_latest_meter_value_default_measurand() -> None:
    latest = decode.decode_object(body(samples.LATEST_METER_VALUE), LatestMeterValue)
    assert [v.measurand for _, v in latest.readings()] == [DEFAULT_MEASURAND, "Current.Import"]
    assert decode.decode_object(body({}), LatestMeterValue).readings() == []


@pytest.mark.parametrize(
    ("doc", "accepted", "rejected", "unknown"),
    [
        ({"status": "Accepted"}, True, False, False),
        ({"status": "Rejected"}, False, True, False),
        ({}, False, False, True),
        ({"status": "NotSupported"}, False, False, True),
    ],
)
def test_action_result(doc: object, accepted: bool, rejected: bool, unknown: bool) -> None:
    result = decode.decode_object(body(doc), ActionResult)
    assert (result.accepted, result.rejected, result.unknown) == (accepted, rejected, unknown)


def test_filter_options_never_cost_the_page() -> None:
    doc = samples.page([samples.SITE], None) | {"filter_options": {"methods": 5}}
    page = decode.decode_page(body(doc), Site)
    assert page.data[0].uuid == samples.SITE["uuid"]
    assert decode.filter_options_as(page, dict[str, list[str]]) is None


@pytest.mark.parametrize("payment", ["absent", None])
def test_session_payment_null_or_absent(payment: object) -> None:
    doc = samples.session_state("charging")
    doc.pop("payment", None)
    if payment != "absent":
        doc["payment"] = payment
    state = decode.decode_object(body(doc), SessionState)
    assert state.payment is None and state.data.status == "charging"


def test_power_usage_keeps_its_millisecond_timestamp() -> None:
    usage = decode.decode_object(
        body({"timestamp": "2025-10-28T16:26:14.628Z", "L1": " 0.0", "kW": "7.2"}), PowerUsage
    )
    assert usage.timestamp == datetime(2025, 10, 28, 16, 26, 14, 628000, tzinfo=UTC)
    assert usage.kw == 7.2 and usage.l1 == 0.0 and usage.l2 is None
