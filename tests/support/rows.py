"""Hand-made chargers and transactions for model tests that need no server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from plugdesk.api.models import Charger, Connector, Transaction

NOW = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


def charger(n: int, **fields: Any) -> Charger:
    values: dict[str, Any] = {
        "uuid": f"00000000-0000-4000-8000-{n:012d}",
        "id": n,
        "identity": f"PC-{n:04d}",
        "reference": f"Bay {n}",
        "connection_status": "online",
        "status": "Available",
        "error": "NoError",
        "firmware_version": "1.4.2",
        "last_heartbeat_at": NOW - timedelta(seconds=30 + n),
        "model": {"vendor": "Alfen", "name": "Eve Single", "is_dc": False},
    }
    values.update(fields)
    return msgspec.convert(values, Charger)


def faulted(n: int) -> Charger:
    return charger(n, status="Faulted", error="GroundFailure", error_info="ground fault")


def offline(n: int) -> Charger:
    return charger(n, connection_status="offline", last_disconnection_at=NOW - timedelta(hours=1))


def connector(n: int, **fields: Any) -> Connector:
    values: dict[str, Any] = {
        "id": 500 + n, "connector_id": n, "status": "Available", "error": "NoError",
        "power_type": "AC_3_PHASE", "max_amperage": 32, "max_voltage": 400,
        "standard": "IEC_62196_T2", "format": "SOCKET",
    }
    values.update(fields)
    return msgspec.convert(values, Connector)


def transaction(n: int, **fields: Any) -> Transaction:
    started = NOW - timedelta(hours=n + 1)
    values: dict[str, Any] = {
        "id": n,
        "charger_connector_id": 1 + n % 2,
        "id_tag": f"TAG-{n % 5}",
        "meter_start": 1000 * n,
        "meter_stop": 1000 * n + 7000,
        "total_kwh": "7.00",
        "started_at": started,
        "stopped_at": started + timedelta(minutes=45),
        "stop_reason": "EVDisconnected",
        "is_valid": True,
    }
    values.update(fields)
    return msgspec.convert(values, Transaction, strict=False)
