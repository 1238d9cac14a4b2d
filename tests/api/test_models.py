"""Decoding API documents into models: tolerant where the API is loose, strict where it lies."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import msgspec
import pytest

from plugdesk.api import decode
from plugdesk.api.errors import BadResponseError
from plugdesk.api.models import (
    TERMINAL_SESSION_STATUSES,
    Charger,
    PaymentContext,
    PowerUsage,
    PublicCharger,
    PublicSession,
    SessionState,
    StartedSession,
    Transaction,
    User,
)
from tests.api import samples


def enc(doc: object) -> bytes:
    return msgspec.json.encode(doc)


def test_charger_with_connectors_decodes_every_documented_field() -> None:
    charger = decode.decode_object(enc({"data": samples.charger_with_connectors()}), Charger)
    assert charger.uuid == samples.CHARGER["uuid"]
    assert charger.identity == "PC-0001"
    assert charger.max_current == 32.0
    assert charger.licenses is not None and charger.licenses.smart is True
    assert charger.model is not None and charger.model.vendor == "Alfen"
    assert charger.permissions is not None and charger.permissions.sensitive is False
    assert charger.pincode == "1234"
    assert charger.connectors is not None
    (connector,) = charger.connectors
    assert connector.connector_id == 1
    assert connector.power_type == "AC_3_PHASE"
    assert not connector.has_error
    assert charger.display_name == "Car park, bay 1"


def test_timestamps_are_aware_and_naive_means_utc() -> None:
    charger = decode.decode_object(enc(samples.charger()), Charger)
    # "2023-01-01 00:00:00" (Laravel style, naive) is taken as UTC.
    assert charger.created_at == datetime(2023, 1, 1, tzinfo=UTC)
    assert charger.updated_at is not None and charger.updated_at.tzinfo is not None
    assert charger.updated_at.microsecond == 123456
    assert charger.last_disconnection_at is None


def test_unknown_fields_nulls_and_omissions_are_tolerated() -> None:
    doc = {
        "uuid": "x",
        "brand_new_field": {"nested": [1, 2]},
        "status": None,
        "model": None,
        "licenses": {"smart": True, "unheard_of": 1},
    }
    charger = decode.decode_object(enc(doc), Charger)
    assert charger.status is None
    assert charger.model is None
    assert charger.connection_status is None
    assert charger.licenses is not None and charger.licenses.pro is None


def test_unknown_statuses_do_not_break_decoding() -> None:
    doc = samples.charger(status="Rebooting", connection_status="hibernating", error="Meltdown")
    charger = decode.decode_object(enc(doc), Charger)
    assert (charger.status, charger.connection_status) == ("Rebooting", "hibernating")
    assert charger.has_error


@pytest.mark.parametrize(
    ("raw", "expected"), [("7.00", 7.0), (7, 7.0), (7.25, 7.25), (" 1.5 ", 1.5), (None, None)]
)
def test_total_kwh_accepts_numbers_and_numeric_strings(raw: object, expected: float | None) -> None:
    transaction = decode.decode_object(enc(samples.transaction(total_kwh=raw)), Transaction)
    assert transaction.total_kwh == expected


@pytest.mark.parametrize("raw", ["seven", "", "NaN", "inf", True])
def test_total_kwh_rejects_non_numbers_naming_the_path(raw: object) -> None:
    body = enc({"data": [samples.transaction(), samples.transaction(total_kwh=raw)]})
    with pytest.raises(BadResponseError) as caught:
        decode.decode_page(body, Transaction)
    assert caught.value.path == "$.data[1].total_kwh" or caught.value.path == "$.data[1]"
    assert "$.data[1]" in str(caught.value)


def test_transaction_active_and_duration() -> None:
    done = decode.decode_object(enc(samples.transaction()), Transaction)
    assert not done.is_active
    assert done.duration == timedelta(hours=2, minutes=30)
    active = decode.decode_object(
        enc(samples.transaction(stopped_at=None, meter_stop=None, stop_reason=None)), Transaction
    )
    assert active.is_active
    assert active.duration is None
    now = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    assert active.duration_until(now) == timedelta(hours=1)


def test_documented_transaction_pages_take_the_fast_decode() -> None:
    """Offsets and "7.00"/7/null energies (the API's shape) decode in msgspec's lax mode
    alone, so a normal page never pays for the tolerant per-row path."""
    items = [
        samples.transaction(id=1, total_kwh="7.00"),
        samples.transaction(id=2, total_kwh=7, started_at="2024-05-01T10:00:00+02:00"),
        samples.transaction(id=3, total_kwh=None, stopped_at=None),
    ]
    body = enc(samples.page(items, None))
    fast = msgspec.json.decode(body, type=decode.Page[Transaction], strict=False)
    assert [tx.total_kwh for tx in fast.data] == [7.0, 7.0, None]
    page = decode.decode_page(body, Transaction)
    assert page.data == fast.data
    assert all(type(tx.total_kwh) is float for tx in page.data[:2])
    assert page.data[1].started_at == datetime(2024, 5, 1, 8, tzinfo=UTC)


def test_naive_transaction_timestamps_fall_back_to_utc_for_the_whole_page() -> None:
    items = [
        samples.transaction(id=1),
        samples.transaction(id=2, started_at="2024-05-01 08:00:00", stopped_at=None),
        samples.transaction(id=3, stopped_at="2024-05-01T10:30:00", total_kwh=" 1.5 "),
    ]
    page = decode.decode_page(enc(samples.page(items, "https://x/?page=2")), Transaction)
    assert page.next_url == "https://x/?page=2"
    assert [type(tx) for tx in page.data] == [Transaction] * 3  # not the tolerant twin
    for tx in page.data:
        assert tx.started_at == datetime(2024, 5, 1, 8, tzinfo=UTC)
        assert tx.started_at.tzinfo is not None
    assert page.data[1].is_active
    assert page.data[2].stopped_at == datetime(2024, 5, 1, 10, 30, tzinfo=UTC)
    assert page.data[2].total_kwh == 1.5
    # The same row as the fast path makes it from an aware document: equal, field by field.
    assert page.data[0] == decode.decode_object(enc(samples.transaction(id=1)), Transaction)


def test_naive_single_transaction_is_utc_wrapped_or_bare() -> None:
    doc = samples.transaction(started_at="2024-05-01T08:00:00", total_kwh="2.5")
    for body in (enc(doc), enc({"data": doc})):
        tx = decode.decode_object(body, Transaction)
        assert type(tx) is Transaction
        assert tx.started_at == datetime(2024, 5, 1, 8, tzinfo=UTC)
        assert tx.total_kwh == 2.5


def test_bad_transaction_on_a_naive_page_still_names_its_path() -> None:
    items = [
        samples.transaction(started_at="2024-05-01 08:00:00"),
        samples.transaction(id="nine thousand"),
    ]
    with pytest.raises(BadResponseError) as caught:
        decode.decode_page(enc(samples.page(items, None)), Transaction)
    assert caught.value.path == "$.data[1].id"
    assert "$.data[1].id" in str(caught.value)


def test_transactions_ignore_unused_fields_and_are_not_gc_tracked() -> None:
    tx = decode.decode_object(
        enc(samples.transaction(brand_new_field=[1, {"x": 2}], reservation_id=None)),
        Transaction,
    )
    assert not hasattr(tx, "created_at")  # not shown or exported: not decoded (memory)
    assert tx.reservation_id is None
    # 100,000 rows: no GC header each, and the collector never walks them.
    assert not gc.is_tracked(tx)


def test_power_usage_strings_dashes_and_spaces() -> None:
    usage = decode.decode_object(enc(samples.POWER_USAGE), PowerUsage)
    assert (usage.l1, usage.l2, usage.l3, usage.kw) == (15.9, 16.1, None, 7.4)
    assert usage.timestamp == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert usage.available
    nothing = decode.decode_object(
        enc({"data": {"timestamp": "-", "L1": "-", "L2": "-", "L3": "-", "kW": "-"}}), PowerUsage
    )
    assert nothing.timestamp is None and not nothing.available


def test_power_usage_garbage_reading_names_the_field() -> None:
    with pytest.raises(BadResponseError) as caught:
        decode.decode_object(enc({"data": {**samples.POWER_USAGE, "kW": "lots"}}), PowerUsage)
    assert caught.value.path.startswith("$.data")


def test_user_bare_or_wrapped() -> None:
    bare = decode.decode_object(enc(samples.USER), User)
    wrapped = decode.decode_object(enc({"data": samples.USER}), User)
    assert bare == wrapped
    assert bare.name == "Sam Site"


def test_public_charger_tolerates_missing_parts() -> None:
    full = decode.decode_object(enc({"data": samples.PUBLIC_CHARGER}), PublicCharger)
    assert full.pricing is not None and full.pricing.price_per_kwh == 39
    assert full.connectors is not None and full.connectors[0].status == "Available"
    sparse = decode.decode_object(enc({"data": {"public_code": "Q1"}}), PublicCharger)
    assert sparse.connectors is None and sparse.pricing is None and sparse.online is None


def test_session_state_energy_decimal_and_terminal_helpers() -> None:
    state = decode.decode_object(enc(samples.session_state("charging")), SessionState)
    assert state.data.energy_kwh == Decimal("3.215")
    assert state.payment is None
    assert not state.data.is_terminal and state.data.can_stop and not state.data.can_cancel
    for status in TERMINAL_SESSION_STATUSES:
        assert PublicSession(status=status).is_terminal
    # A status the API adds later is not terminal: keep polling rather than give up.
    assert not PublicSession(status="teleporting").is_terminal
    assert PublicSession(status="created").needs_payment


def test_started_session_and_payment_hide_secrets_in_repr() -> None:
    token = "sess_ABCDEFGHIJKLMNOP"
    started = decode.decode_object(enc(samples.started_session(token)), StartedSession)
    assert started.session_token == token
    assert started.payment is not None
    assert started.payment.client_secret == samples.PAYMENT["client_secret"]
    for text in (repr(started), str(started), repr(started.payment), str(started.payment)):
        assert token not in text
        assert samples.PAYMENT["client_secret"] not in text
    assert "sess…" in repr(started)
    assert "client_secret='…'" in repr(PaymentContext(client_secret="x"))  # the one mask


def test_models_round_trip_through_msgspec_for_the_fleet_cache() -> None:
    charger = decode.decode_object(enc({"data": samples.charger_with_connectors()}), Charger)
    assert decode.decode_object(msgspec.json.encode(charger), Charger) == charger
    usage = decode.decode_object(enc(samples.POWER_USAGE), PowerUsage)
    assert decode.decode_object(msgspec.json.encode(usage), PowerUsage) == usage


def test_wrong_type_names_the_json_path() -> None:
    items = [samples.charger(uuid=f"c{i}") for i in range(5)]
    items[3]["id"] = "not-a-number"
    with pytest.raises(BadResponseError) as caught:
        decode.decode_page(enc({"data": items, "links": {"next": None}}), Charger)
    assert caught.value.path == "$.data[3].id"
    assert "$.data[3].id" in str(caught.value)


def test_missing_required_field_names_the_path() -> None:
    with pytest.raises(BadResponseError) as caught:
        decode.decode_object(enc({"data": {"id": 5}}), Charger)
    assert caught.value.path == "$.data"
    assert "uuid" in str(caught.value)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"<!DOCTYPE html><html><body>Login</body></html>", "web page"),
        (b'{"data": [{"uuid": "a"}, {"uu', "truncated"),
        (b"not json at all", "malformed"),
        (b"[1, 2, 3]", "Expected `object`"),
        (b'"just a string"', "Expected `object`"),
    ],
)
def test_non_json_bodies_are_bad_responses(body: bytes, words: str) -> None:
    with pytest.raises(BadResponseError) as caught:
        decode.decode_page(body, Charger)
    assert words in str(caught.value)
    assert caught.value.path == "$"


def test_page_reads_both_envelopes() -> None:
    nested = decode.decode_page(
        enc(samples.page([samples.charger()], "https://x/?page=2")), Charger
    )
    assert nested.next_url == "https://x/?page=2"
    flat = decode.decode_page(
        enc({"current_page": 1, "data": [samples.charger()], "next_page_url": "https://x/?page=2"}),
        Charger,
    )
    assert flat.next_url == "https://x/?page=2"
    last = decode.decode_page(enc({"data": [], "links": {"next": None}}), Charger)
    assert last.next_url is None and last.data == []
