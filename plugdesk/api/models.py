"""Typed models of the Plugchoice API v3 (msgspec Structs), decoded straight from bytes.

Tolerance rules (see shared/API.md):
- unknown fields are ignored; every field the API may omit or null is `... | None = None`;
- enum-like values (statuses, error codes) stay `str`, so a new status never breaks decoding;
  the known values are listed in the constants below for the UI and the health rules;
- timestamps are timezone-aware `datetime`s; a naive one is taken as UTC;
- `total_kwh` arrives as a number or a numeric string, power readings as padded strings with
  `"-"` for "not available": both become `float | None`.

Several fields accept a looser JSON type at runtime than their annotation shows to mypy
(`_LooseFloat`): msgspec decodes the loose type, and `__post_init__` normalises it, so
callers only ever see the declared type.

`Transaction` is the exception, because a charger can have 100,000 of them: it has no
`__post_init__` (a Python call per row) and is decoded in msgspec's lax mode, which turns
`"7.00"` into a float in C; its timestamps must carry an offset (API.md says they do).
The rare document that does not fit (a naive timestamp, a padded number) is decoded again
through `TolerantTransaction`, which normalises each row as the other models do; see
`TOLERANT_TWINS` and `plugdesk.api.decode`. Lax mode also means a Transaction accepts
numeric strings for its numbers, `0`/`1` for `is_valid` and Unix seconds for timestamps.
"""

from __future__ import annotations

import math
import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

import msgspec

from plugdesk.api.errors import mask

if TYPE_CHECKING:
    _LooseFloat = float
    _LooseDatetime = datetime
else:  # what msgspec accepts on the wire; normalised in __post_init__
    _LooseFloat = float | str
    _LooseDatetime = str

# Constraints msgspec checks in C while decoding, so the fast Transaction decode needs no
# Python per row: a naive timestamp or a non-finite number ("NaN" in lax mode) fails the
# fast decode and sends the document down the tolerant path instead.
_AwareDatetime = Annotated[datetime, msgspec.Meta(tz=True)]
_FiniteFloat = Annotated[
    float, msgspec.Meta(ge=-sys.float_info.max, le=sys.float_info.max)
]


# -- known values ---------------------------------------------------------------------------

CONNECTION_STATUSES: tuple[str, ...] = ("online", "offline", "never_seen")
CHARGER_STATUSES: tuple[str, ...] = ("Available", "Faulted", "Unavailable")
CONNECTOR_STATUSES: tuple[str, ...] = (
    "Available",
    "Preparing",
    "Charging",
    "SuspendedEVSE",
    "SuspendedEV",
    "Finishing",
    "Reserved",
    "Unavailable",
    "Faulted",
)
ERROR_CODES: tuple[str, ...] = (
    "ConnectorLockFailure",
    "EVCommunicationError",
    "GroundFailure",
    "HighTemperature",
    "InternalError",
    "LocalListConflict",
    "NoError",
    "OtherError",
    "OverCurrentFailure",
    "PowerMeterFailure",
    "PowerSwitchFailure",
    "ReaderFailure",
    "ResetFailure",
    "UnderVoltage",
    "OverVoltage",
    "WeakSignal",
)
# The API spells OCPP's `WeakSignal` as `WeakSignalLevel`: both mean the same, so
# decoding keeps one spelling (`normalise_error`).
ERROR_ALIASES: dict[str, str] = {"WeakSignalLevel": "WeakSignal"}
STOP_REASONS: tuple[str, ...] = (
    "EmergencyStop",
    "EVDisconnected",
    "HardReset",
    "Local",
    "Other",
    "PowerLoss",
    "Reboot",
    "Remote",
    "SoftReset",
    "UnlockCommand",
    "DeAuthorized",
)
POWER_TYPES: tuple[str, ...] = ("AC_1_PHASE", "AC_3_PHASE", "DC")
TRANSACTION_STATUSES: tuple[str, ...] = ("active", "finished")
SESSION_STATUSES: tuple[str, ...] = (
    "created",
    "authorized",
    "starting",
    "charging",
    "stopping",
    "settling",
    "captured",
    "no_charge",
    "expired",
    "failed",
    "abandoned",
    "capture_failed",
    "requires_review",
    "refunded",
    "written_off",
)
# Once here a session never charges again; only back-office work (review, refund) moves it.
TERMINAL_SESSION_STATUSES: frozenset[str] = frozenset(
    {
        "captured",
        "no_charge",
        "expired",
        "failed",
        "abandoned",
        "capture_failed",
        "requires_review",
        "refunded",
        "written_off",
    }
)
# The driver may still walk away without paying: cancel is meaningful.
CANCELLABLE_SESSION_STATUSES: frozenset[str] = frozenset({"created", "authorized"})
# Energy may be flowing (or about to): stop is meaningful.
STOPPABLE_SESSION_STATUSES: frozenset[str] = frozenset({"starting", "charging"})


# -- helpers used by __post_init__ ----------------------------------------------------------


# Timestamps outside these years are not real (a charger seen in year 1 or 9999): they
# become None, "unknown", because local-time conversion and date arithmetic near year 1
# or 9999 raise OverflowError, which would hide the whole charger or export.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2999


def _aware(value: datetime | None) -> datetime | None:
    """Naive timestamps from the API are UTC (API.md), so make that explicit; impossible
    ones (see EARLIEST_YEAR) become None."""
    if value is None or not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _make_aware(obj: Any, fields: tuple[str, ...]) -> None:
    for name in fields:
        value = getattr(obj, name)
        # Most are aware and possible already (and every one a record copied from another).
        if value is not None and (
            value.tzinfo is None or not EARLIEST_YEAR <= value.year <= LATEST_YEAR
        ):
            setattr(obj, name, _aware(value))


def forget_impossible_dates(rows: list[Transaction]) -> None:
    """`_aware`'s year check for transactions, which have no per-row hook (speed): one
    pass over a decoded page; rows with an impossible timestamp get None there."""
    for row in rows:
        started, stopped = row.started_at, row.stopped_at
        if started is not None and not EARLIEST_YEAR <= started.year <= LATEST_YEAR:
            row.started_at = None
        if stopped is not None and not EARLIEST_YEAR <= stopped.year <= LATEST_YEAR:
            row.stopped_at = None


def to_float(value: float | str | None, *, dash_is_none: bool = False) -> float | None:
    """A JSON number or numeric string as a finite float (ValueError otherwise)."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if dash_is_none and text in ("-", ""):
            return None
        number = float(text)
    else:
        number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {value!r}")
    return number


def normalise_error(code: str | None) -> str | None:
    """An error code in OCPP's spelling (`WeakSignalLevel` -> `WeakSignal`)."""
    if code is None:
        return None
    return ERROR_ALIASES.get(code, code)


def _parse_timestamp(value: str | datetime | None) -> datetime | None:
    """Lenient ISO 8601 (with `Z`), `"-"`/empty meaning not available."""
    if value is None or isinstance(value, datetime):
        return _aware(value)
    text = value.strip()
    if text in ("", "-"):
        return None
    return _aware(datetime.fromisoformat(text))


class _Struct(msgspec.Struct, kw_only=True, gc=False):
    """Base: keyword-only construction; unknown JSON fields are ignored (msgspec default).

    Not tracked by the cycle collector (`gc=False`): decoded records hold only other
    records, lists and plain values, never a reference back, so they can form no cycle;
    a 5,000-charger fleet is some 40,000 of them, which each collection walked."""


class _Model(_Struct):
    """A model whose naive timestamps (`_datetime_fields`) are made aware after decoding."""

    _datetime_fields: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        fields = self._datetime_fields
        if fields:  # most records have none: 25,000 calls of a 5,000-charger load
            _make_aware(self, fields)


# -- the signed-in user ---------------------------------------------------------------------


class User(_Model):
    uuid: str | None = None
    id: int | None = None
    name: str | None = None
    email: str | None = None
    avatar: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    _datetime_fields: ClassVar[tuple[str, ...]] = ("created_at", "updated_at")


# -- chargers -------------------------------------------------------------------------------


class ChargerModelInfo(_Model):
    vendor: str | None = None
    name: str | None = None
    is_dc: bool | None = None


class Licenses(_Model):
    smart: bool | None = None
    pro: bool | None = None


class Permissions(_Model):
    basic: bool | None = None
    sensitive: bool | None = None
    full: bool | None = None


class Connector(_Model):
    id: int | None = None
    charger_id: int | None = None
    connector_id: int | None = None
    status: str | None = None
    error: str | None = None
    error_info: str | None = None
    vendor_id: str | None = None
    vendor_error_code: str | None = None
    max_amperage: int | float | None = None
    max_voltage: int | float | None = None
    standard: str | None = None
    format: str | None = None
    power_type: str | None = None
    phase_rotation: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    _datetime_fields: ClassVar[tuple[str, ...]] = ("created_at", "updated_at")

    def __post_init__(self) -> None:
        super().__post_init__()
        self.error = normalise_error(self.error)

    @property
    def has_error(self) -> bool:
        """An error code other than OCPP's `NoError`."""
        return self.error is not None and self.error not in ("", "NoError")


class SiteRef(_Model):
    """The short site reference lists embed: `{uuid, name}`."""

    uuid: str | None = None
    name: str | None = None


class Charger(_Model):
    uuid: str
    id: int | None = None
    identity: str | None = None
    reference: str | None = None
    connection_status: str | None = None
    status: str | None = None
    error: str | None = None
    error_info: str | None = None
    vendor_id: str | None = None
    vendor_error_code: str | None = None
    firmware_version: str | None = None
    parsed_firmware_version: str | None = None
    server: str | None = None
    last_connection_at: datetime | None = None
    last_disconnection_at: datetime | None = None
    last_heartbeat_at: datetime | None = None
    setup_pending: bool | None = None
    setup_completed: bool | None = None
    blocked: bool | None = None
    max_current: int | float | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    licenses: Licenses | None = None
    model_id: int | None = None
    model: ChargerModelInfo | None = None
    permissions: Permissions | None = None
    pincode: str | None = None
    connectors: list[Connector] | None = None
    # Not in GET /chargers: the watch fills it in from the site and team lists.
    site: SiteRef | None = None

    _datetime_fields: ClassVar[tuple[str, ...]] = (
        "last_connection_at",
        "last_disconnection_at",
        "last_heartbeat_at",
        "created_at",
        "updated_at",
    )

    def __post_init__(self) -> None:
        super().__post_init__()
        self.error = normalise_error(self.error)

    @property
    def display_name(self) -> str:
        """The manager's own label if set, else the identity, else the UUID."""
        return self.reference or self.identity or self.uuid

    @property
    def is_online(self) -> bool:
        return self.connection_status == "online"

    @property
    def has_error(self) -> bool:
        """An error code other than OCPP's `NoError`."""
        return self.error is not None and self.error not in ("", "NoError")


# -- transactions and power -----------------------------------------------------------------


class Transaction(_Struct, gc=False):
    """One charging session. Built for bulk: no `__post_init__`, and not tracked by the
    cyclic GC (`gc=False`: its fields are scalars, so it can never be part of a cycle).

    `created_at`/`updated_at` are not decoded: nothing shows or exports them, and for
    100,000 rows they would cost about 11 MB. Add them back here if a view needs them."""

    id: int
    charger_id: int | None = None
    charger_connector_id: int | None = None
    reservation_id: int | None = None
    id_tag: str | None = None
    meter_start: int | float | None = None  # Wh; integers in practice, fractions tolerated
    meter_stop: int | float | None = None
    total_kwh: _FiniteFloat | None = None  # "7.00" is a float already (lax decoding)
    started_at: _AwareDatetime | None = None
    stopped_at: _AwareDatetime | None = None
    stop_reason: str | None = None
    is_valid: bool | None = None

    @property
    def is_active(self) -> bool:
        """Still running: the API leaves `stopped_at` null until it ends."""
        return self.stopped_at is None

    @property
    def duration(self) -> timedelta | None:
        """stopped_at - started_at; None while active or when a timestamp is missing."""
        if self.started_at is None or self.stopped_at is None:
            return None
        return self.stopped_at - self.started_at

    def duration_until(self, now: datetime) -> timedelta | None:
        """Like `duration`, but an active transaction counts up to `now`."""
        if self.started_at is None:
            return None
        return (self.stopped_at or now) - self.started_at


class TolerantTransaction(Transaction):
    """What `Transaction` accepts when the fast decode refuses a document: naive timestamps
    (taken as UTC) and `total_kwh` as any numeric string (" 1.5 "), normalised per row.
    The decoder converts these rows to plain `Transaction`s; nothing else should hold one."""

    total_kwh: _LooseFloat | None = None
    started_at: datetime | None = None
    stopped_at: datetime | None = None

    def __post_init__(self) -> None:
        self.total_kwh = to_float(self.total_kwh)
        self.started_at = _aware(self.started_at)
        self.stopped_at = _aware(self.stopped_at)


# Models decoded fast (lax mode, no per-row hook) with a tolerant twin for the documents
# that the fast decode refuses; `plugdesk.api.decode` reads this.
TOLERANT_TWINS: dict[type[msgspec.Struct], type[msgspec.Struct]] = {
    Transaction: TolerantTransaction,
}


class PowerUsage(_Model):
    """Live readings of one connector. The API sends strings, `"-"` when not available."""

    timestamp: _LooseDatetime | None = None  # a lenient ISO string or "-" on the wire
    l1: _LooseFloat | None = msgspec.field(default=None, name="L1")
    l2: _LooseFloat | None = msgspec.field(default=None, name="L2")
    l3: _LooseFloat | None = msgspec.field(default=None, name="L3")
    kw: _LooseFloat | None = msgspec.field(default=None, name="kW")

    def __post_init__(self) -> None:
        self.l1 = to_float(self.l1, dash_is_none=True)
        self.l2 = to_float(self.l2, dash_is_none=True)
        self.l3 = to_float(self.l3, dash_is_none=True)
        self.kw = to_float(self.kw, dash_is_none=True)
        self.timestamp = _parse_timestamp(self.timestamp)

    @property
    def available(self) -> bool:
        """At least one reading is present."""
        return any(v is not None for v in (self.l1, self.l2, self.l3, self.kw))


# -- public charging ------------------------------------------------------------------------


class Pricing(_Model):
    """Prices in the currency's minor units (cents; JPY has none)."""

    currency: str
    price_per_kwh: int
    start_fee: int


class PublicConnector(_Model):
    connector_id: int | None = None
    status: str | None = None


class PublicCharger(_Model):
    public_code: str | None = None
    name: str | None = None
    online: bool | None = None
    connectors: list[PublicConnector] | None = None
    pricing: Pricing | None = None


class SessionCharger(_Model):
    public_code: str | None = None
    name: str | None = None
    online: bool | None = None


class PublicSession(_Model):
    status: str
    failure_reason: str | None = None
    connector_id: int | None = None
    connector_status: str | None = None
    charger: SessionCharger | None = None
    pricing: Pricing | None = None
    amount_authorized: int | None = None
    energy_kwh: Decimal | None = None
    cost_amount: int | None = None
    amount_captured: int | None = None
    tax_amount: int | None = None
    driver_email: str | None = None
    created_at: datetime | None = None
    authorized_at: datetime | None = None
    charging_started_at: datetime | None = None
    completed_at: datetime | None = None
    captured_at: datetime | None = None

    _datetime_fields: ClassVar[tuple[str, ...]] = (
        "created_at",
        "authorized_at",
        "charging_started_at",
        "completed_at",
        "captured_at",
    )

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.energy_kwh is not None and not self.energy_kwh.is_finite():
            raise ValueError(f"energy_kwh is not a finite number: {self.energy_kwh}")

    @property
    def is_terminal(self) -> bool:
        """The session is over: stop polling it."""
        return self.status in TERMINAL_SESSION_STATUSES

    @property
    def needs_payment(self) -> bool:
        """Waiting for the driver to confirm the card pre-authorization."""
        return self.status == "created"

    @property
    def can_cancel(self) -> bool:
        return self.status in CANCELLABLE_SESSION_STATUSES

    @property
    def can_stop(self) -> bool:
        return self.status in STOPPABLE_SESSION_STATUSES


class PaymentContext(_Model):
    """Stripe context for confirming the pre-authorization; the secret stays out of repr."""

    client_secret: str | None = None
    publishable_key: str | None = None
    stripe_account_id: str | None = None

    def __repr__(self) -> str:
        secret = "None" if self.client_secret is None else repr(mask(self.client_secret))
        return (
            f"PaymentContext(client_secret={secret}, "
            f"publishable_key={self.publishable_key!r}, "
            f"stripe_account_id={self.stripe_account_id!r})"
        )

    __str__ = __repr__


class SessionState(_Model):
    """GET/confirm/stop/cancel answer: the session and, while `created`, the payment."""

    data: PublicSession
    payment: PaymentContext | None = None


class StartedSession(_Model):
    """POST /public-charging/sessions answer. `session_token` is a credential: repr masks it."""

    session_token: str
    data: PublicSession
    payment: PaymentContext | None = None

    def __repr__(self) -> str:
        return (
            f"StartedSession(session_token={mask(self.session_token)!r}, "
            f"data={self.data!r}, payment={self.payment!r})"
        )

    __str__ = __repr__
