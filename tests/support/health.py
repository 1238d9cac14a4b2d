"""Small stand-ins for API chargers: the health rules and the tracker read only attributes,
so plain dataclasses let the tests script a fleet's life in a few lines."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class FakeConnector:
    connector_id: int | None = 1
    status: str | None = "Available"
    error: str | None = "NoError"
    error_info: str | None = None


@dataclass(frozen=True)
class FakeCharger:
    uuid: str = "uuid-001"
    identity: str | None = "PC-001"
    reference: str | None = None
    connection_status: str | None = "online"
    status: str | None = "Available"
    error: str | None = "NoError"
    error_info: str | None = None
    blocked: bool | None = False
    last_heartbeat_at: datetime | None = None
    last_disconnection_at: datetime | None = None
    connectors: list[FakeConnector] | None = field(default=None)

    # Scripting helpers: each returns a changed copy.

    def faulted(self, error: str = "GroundFailure", info: str | None = None) -> FakeCharger:
        return replace(self, status="Faulted", error=error, error_info=info)

    def healthy(self) -> FakeCharger:
        return replace(self, connection_status="online", status="Available", error="NoError",
                       error_info=None, blocked=False)  # fmt: skip

    def offline(self, since: datetime | None = None) -> FakeCharger:
        return replace(self, connection_status="offline", last_disconnection_at=since)

    def online(self) -> FakeCharger:
        return replace(self, connection_status="online")


def charger(n: int = 1, **fields: object) -> FakeCharger:
    """Charger number n: uuid "uuid-00n", identity "PC-00n", healthy and online."""
    base = FakeCharger(uuid=f"uuid-{n:03d}", identity=f"PC-{n:03d}")
    return replace(base, **fields)  # type: ignore[arg-type]


def fleet(count: int) -> list[FakeCharger]:
    return [charger(n) for n in range(1, count + 1)]


def minutes(m: float) -> timedelta:
    return timedelta(minutes=m)


def seconds(s: float) -> timedelta:
    return timedelta(seconds=s)
