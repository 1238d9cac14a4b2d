"""Models of a charger's meter values, OCPP log, action replies and settings.

Same tolerance rules as `plugdesk.api.models` (see shared/API.md, "Chargers and
connectors" and "Charger actions and settings").
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any, ClassVar

import msgspec

from plugdesk.api.models import _Model

DEFAULT_MEASURAND = "Energy.Active.Import.Register"  # OCPP's default when none is named
LOG_STATUSES: tuple[str, ...] = ("pending", "done", "failed")
LOG_DESTINATIONS: tuple[str, ...] = ("centralsystem", "charger")
METER_VALUE_ORDERS: tuple[str, ...] = ("asc", "desc")
BILLING_PLANS: tuple[str, ...] = ("subscription", "transaction")


def _number(text: str | None) -> float | None:
    """A reading's value as a finite float, None when it is not a number."""
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


# -- meter values -----------------------------------------------------------------------------


class MeterValue(_Model):
    """One stored reading of GET /chargers/{uuid}/metervalues. `value` is a string."""

    id: int | None = None
    charger_id: int | None = None
    charger_connector_id: int | None = None
    charger_transaction_id: int | None = None
    timestamp: datetime | None = None
    value: str | None = None
    context: str | None = None
    format: str | None = None
    measurand: str | None = None
    phase: str | None = None
    location: str | None = None
    unit: str | None = None

    _datetime_fields: ClassVar[tuple[str, ...]] = ("timestamp",)

    @property
    def number(self) -> float | None:
        return _number(self.value)


class SampledValue(_Model):
    """One OCPP sampledValue; a missing measurand means OCPP's default (energy register)."""

    value: str | None = None
    context: str | None = None
    format: str | None = None
    measurand: str | None = None
    phase: str | None = None
    location: str | None = None
    unit: str | None = None

    def __post_init__(self) -> None:
        if self.measurand is None:
            self.measurand = DEFAULT_MEASURAND

    @property
    def number(self) -> float | None:
        return _number(self.value)


class MeterSample(_Model):
    timestamp: datetime | None = None
    sampled_value: list[SampledValue] | None = msgspec.field(default=None, name="sampledValue")

    _datetime_fields: ClassVar[tuple[str, ...]] = ("timestamp",)


class LatestMeterValue(_Model):
    """GET .../connectors/{n}/latest-metervalue: the raw OCPP MeterValues message."""

    connector_id: int | None = msgspec.field(default=None, name="connectorId")
    meter_value: list[MeterSample] | None = msgspec.field(default=None, name="meterValue")

    def readings(self) -> list[tuple[datetime | None, SampledValue]]:
        """Every sampled value with its sample's timestamp, in the message's order."""
        return [
            (sample.timestamp, value)
            for sample in self.meter_value or []
            for value in sample.sampled_value or []
        ]


# -- OCPP log -------------------------------------------------------------------------------


def _json_or_text(value: Any) -> Any:
    """`params`/`result` arrive as an object or as a JSON string of one: give the object.
    A string that is not a JSON object or list stays as it is."""
    if not isinstance(value, str):
        return value
    try:
        decoded = msgspec.json.decode(value)
    except (msgspec.MsgspecError, ValueError, RecursionError):
        return value
    return decoded if isinstance(decoded, dict | list) else value


class OcppLog(_Model):
    """One OCPP message of GET /chargers/{uuid}/logs."""

    id: int | None = None
    charger_id: int | None = None
    status: str | None = None
    version: str | None = None
    method: str | None = None
    destination: str | None = None
    params: Any = None
    result: Any = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    _datetime_fields: ClassVar[tuple[str, ...]] = ("created_at", "updated_at")

    def __post_init__(self) -> None:
        super().__post_init__()
        self.params = _json_or_text(self.params)
        self.result = _json_or_text(self.result)


class LogFilterOptions(_Model):
    """The logs list's top-level `filter_options`: OCPP methods to filter by."""

    methods: list[str] | None = None


class OcppLogPage(msgspec.Struct, kw_only=True):
    """One page of the OCPP log with the methods the API offers as filters."""

    entries: list[OcppLog]
    methods: list[str]


# -- actions and settings -------------------------------------------------------------------

ACCEPTED = "Accepted"
REJECTED = "Rejected"


class ActionResult(_Model):
    """The charger's answer to an action: Accepted, Rejected, or unknown (`{}`)."""

    status: str | None = None

    @property
    def accepted(self) -> bool:
        return self.status == ACCEPTED

    @property
    def rejected(self) -> bool:
        return self.status == REJECTED

    @property
    def unknown(self) -> bool:
        """The API did not say (`{}` or an empty body): check the charger."""
        return not self.accepted and not self.rejected


class LockSetting(_Model):
    """GET /settings/lock: `enabled` means the charger is made Unavailable."""

    enabled: bool | None = None


class SocketLockSetting(_Model):
    enabled: bool | None = None
    interactable: bool | None = None
    error: str | None = None


class PlugChargeSetting(_Model):
    enabled: bool | None = None
    current_card: str | None = None


class PublicChargingLimits(_Model):
    max_price_per_kwh: int | None = None
    max_start_fee: int | None = None


class PublicChargingSettings(_Model):
    """GET /settings/public-charging; money in minor units."""

    enabled: bool | None = None
    price_per_kwh: int | None = None
    start_fee: int | None = None
    currency: str | None = None
    public_code: str | None = None
    public_url: str | None = None
    preauth_amount: int | None = None
    limits: PublicChargingLimits | None = None
    connect: dict[str, Any] | None = None
    billing: dict[str, Any] | None = None
