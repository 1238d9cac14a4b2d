"""Documents shaped like the API's answers (API.md and the reference pages), for unit tests."""

from __future__ import annotations

import copy
from typing import Any

CHARGER: dict[str, Any] = {
    "uuid": "9b1d2f4e-0000-4000-8000-000000000001",
    "id": 101,
    "identity": "PC-0001",
    "reference": "Car park, bay 1",
    "connection_status": "online",
    "status": "Available",
    "error": "NoError",
    "error_info": None,
    "vendor_id": None,
    "vendor_error_code": None,
    "firmware_version": "v1.2.3-rc1",
    "parsed_firmware_version": "1.2.3",
    "server": "ocpp-eu-1",
    "last_connection_at": "2024-05-01T08:00:00Z",
    "last_disconnection_at": None,
    "last_heartbeat_at": "2024-05-01T09:59:30+00:00",
    "setup_pending": False,
    "setup_completed": True,
    "blocked": False,
    "max_current": 32,
    "created_at": "2023-01-01 00:00:00",
    "updated_at": "2024-05-01T10:00:00.123456Z",
    "licenses": {"smart": True, "pro": False},
    "model_id": 7,
    "model": {"vendor": "Alfen", "name": "Eve Single", "is_dc": False},
    "permissions": {"basic": True, "sensitive": False, "full": False},
}

CONNECTOR: dict[str, Any] = {
    "id": 501,
    "charger_id": 101,
    "connector_id": 1,
    "status": "Charging",
    "error": "NoError",
    "error_info": None,
    "vendor_id": None,
    "vendor_error_code": None,
    "max_amperage": 32,
    "max_voltage": 230,
    "standard": "IEC_62196_T2",
    "format": "SOCKET",
    "power_type": "AC_3_PHASE",
    "phase_rotation": "RST",
    "created_at": "2023-01-01T00:00:00Z",
    "updated_at": "2024-05-01T10:00:00Z",
}

TRANSACTION: dict[str, Any] = {
    "id": 9001,
    "charger_id": 101,
    "charger_connector_id": 501,
    "reservation_id": None,
    "id_tag": "04A1B2C3",
    "meter_start": 1000,
    "meter_stop": 8000,
    "total_kwh": "7.00",
    "started_at": "2024-05-01T08:00:00Z",
    "stopped_at": "2024-05-01T10:30:00Z",
    "stop_reason": "EVDisconnected",
    "is_valid": True,
    "created_at": "2024-05-01T08:00:00Z",
    "updated_at": "2024-05-01T10:30:00Z",
}

USER: dict[str, Any] = {
    "uuid": "u-1",
    "id": 1,
    "name": "Sam Site",
    "email": "sam@example.org",
    "avatar": None,
    "created_at": "2022-02-02T02:02:02Z",
    "updated_at": "2024-02-02T02:02:02Z",
}

POWER_USAGE: dict[str, Any] = {
    "timestamp": "2024-05-01T10:00:00Z",
    "L1": " 15.9",
    "L2": "16.1 ",
    "L3": "-",
    "kW": " 7.4",
}

PRICING: dict[str, Any] = {"currency": "EUR", "price_per_kwh": 39, "start_fee": 50}

PUBLIC_CHARGER: dict[str, Any] = {
    "public_code": "AB12CD",
    "name": "Town hall",
    "online": True,
    "connectors": [{"connector_id": 1, "status": "Available"}],
    "pricing": PRICING,
}

SESSION: dict[str, Any] = {
    "status": "charging",
    "failure_reason": None,
    "connector_id": 1,
    "connector_status": "Charging",
    "charger": {"public_code": "AB12CD", "name": "Town hall", "online": True},
    "pricing": PRICING,
    "amount_authorized": 5000,
    "energy_kwh": "3.215",
    "cost_amount": 175,
    "amount_captured": None,
    "tax_amount": None,
    "driver_email": "driver@example.org",
    "created_at": "2024-05-01T10:00:00Z",
    "authorized_at": "2024-05-01T10:00:30Z",
    "charging_started_at": "2024-05-01T10:01:00Z",
    "completed_at": None,
    "captured_at": None,
}

PAYMENT: dict[str, Any] = {
    "client_secret": "pi_123_secret_456",
    "publishable_key": "pk_test_abc",
    "stripe_account_id": "acct_1",
}


def charger(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(CHARGER), **changes}


def charger_with_connectors() -> dict[str, Any]:
    return charger(pincode="1234", connectors=[copy.deepcopy(CONNECTOR)])


def transaction(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(TRANSACTION), **changes}


def session_state(status: str = "charging", payment: bool = False) -> dict[str, Any]:
    data = {**copy.deepcopy(SESSION), "status": status}
    return {"data": data, "payment": copy.deepcopy(PAYMENT) if payment else None}


def started_session(token: str) -> dict[str, Any]:
    return {"session_token": token, **session_state("created", payment=True)}


def page(items: list[Any], next_url: str | None, current: int = 1) -> dict[str, Any]:
    return {
        "data": items,
        "links": {"first": None, "last": None, "prev": None, "next": next_url},
        "meta": {"current_page": current, "from": 1, "path": "", "per_page": 25, "to": 25},
    }


# -- issue 13: sites, teams, meter values, OCPP log, settings ---------------------------------

SITE: dict[str, Any] = {
    "uuid": "a4855dc5-0acb-33c3-b921-f4291f719ca0",
    "id": 1,
    "name": "Car park",
    "address": None,
    "street": "Main Street",
    "postal_code": "1234AB",
    "house_number": 12,
    "house_number_addition": "A",
    "city": "Utrecht",
    "country": "NL",
    "smart_charging": "off_peak",
    "chargers_count": 4,
    "capabilities": {
        "smart_charging": False,
        "load_management": {"dynamic": True, "peak_shaving": False, "solar": False},
    },
    "permissions": {"basic": True, "sensitive": False, "full": False},
    "created_at": "2026-01-10T01:14:32.000000Z",
    "updated_at": "2026-01-10T01:14:32.000000Z",
}

TEAM_CHARGER: dict[str, Any] = {
    "uuid": "550e8400-e29b-41d4-a716-446655440000",
    "identity": "CHARGER-001",
    "connection_status": "online",
    "status": "Faulted",
    "error": "WeakSignalLevel",
    "licenses": {"smart": False, "pro": True},
    "model": {"vendor": "ABB", "name": "Terra AC"},
    "internal_model": {"name": "Terra AC W22", "sku": "TAC-W22"},
    "site": {"uuid": "660e8400-e29b-41d4-a716-446655440001", "name": "Main Office"},
    "connectors": {"data": [{"id": 1, "connector_id": 1, "status": "Faulted"}]},
}

TEAM_TRANSACTION: dict[str, Any] = {
    "id": 77,
    "status": "finished",
    "charger": {
        "uuid": "c1",
        "identity": "PC-1",
        "reference": None,
        "site": {"uuid": "s1", "name": "Main"},
        "is_mid": True,
    },
    "connector_id": 1,
    "id_tag": "CARD",
    "started_at": "2026-01-10T01:14:32.000000Z",
    "stopped_at": "2026-01-10T03:14:32.000000Z",
    "meter_start": 1000,
    "meter_stop": 8000,
    "total_kwh": "7.00",
    "stop_reason": "EVDisconnected",
}

METER_VALUE: dict[str, Any] = {
    "id": 3,
    "charger_id": 2,
    "charger_connector_id": None,
    "charger_transaction_id": None,
    "timestamp": "2026-01-25T10:46:59.000000Z",
    "value": "28003",
    "context": "Sample.Clock",
    "format": "Raw",
    "measurand": "Energy.Active.Import.Register",
    "phase": None,
    "location": "Outlet",
    "unit": "Wh",
}

LATEST_METER_VALUE: dict[str, Any] = {
    "connectorId": 1,
    "meterValue": [
        {
            "timestamp": "2026-01-10T01:14:32.628Z",
            "sampledValue": [
                {"value": "1234", "unit": "Wh"},
                {"value": "16.0", "measurand": "Current.Import", "phase": "L1", "unit": "A"},
            ],
        }
    ],
}

PUBLIC_CHARGING_SETTINGS: dict[str, Any] = {
    "enabled": True,
    "price_per_kwh": 35,
    "start_fee": 50,
    "currency": "EUR",
    "public_code": "AB12CD",
    "public_url": "https://example.org/c/AB12CD",
    "preauth_amount": 2500,
    "limits": {"max_price_per_kwh": 100, "max_start_fee": 500},
    "connect": {"onboarded": True},
    "billing": {"plan": "transaction"},
}


def ocpp_logs() -> list[dict[str, Any]]:
    """Log entries whose params/result come as objects, JSON strings and plain text."""
    base = {"charger_id": 2, "status": "done", "version": "1.6", "destination": "centralsystem"}
    return [
        {
            **base,
            "id": 1,
            "method": "BootNotification",
            "params": {"chargePointVendor": "ABB"},
            "result": '{"status": "Accepted", "interval": 300}',
            "created_at": "2026-01-10T01:14:32.000000Z",
        },
        {
            **base,
            "id": 2,
            "method": "Heartbeat",
            "params": "{}",
            "result": "not json",
            "created_at": "2026-01-10 01:15:32",
        },
    ]


def flat_page(items: list[Any], next_url: str | None) -> dict[str, Any]:
    """The flat Laravel envelope of the team endpoints."""
    return {
        "data": items,
        "first_page_url": "https://x/?page=1",
        "from": 1,
        "next_page_url": next_url,
        "path": "https://x/",
        "per_page": 25,
        "prev_page_url": None,
        "to": len(items),
        "filter_options": {"statuses": ["Available"]},
    }


def length_aware_page(items: list[Any], next_url: str | None) -> dict[str, Any]:
    """The length-aware paginator of metervalues: links.last, meta.total, meta.links."""
    doc = page(items, next_url)
    doc["links"]["last"] = "https://x/?page=2"
    doc["meta"].update(
        last_page=2,
        total=len(items) * 2,
        links=[{"url": "https://x/?page=1", "label": "1", "page": 1, "active": True}],
    )
    return doc
