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
