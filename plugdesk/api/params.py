"""Argument checks and query/body building for the site, team, meter value, log, action
and settings endpoints: cheap, local, before a request is spent (ValueError with a
sentence the UI can show). Rules from shared/API.md."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from plugdesk.api.charger_models import BILLING_PLANS, LOG_DESTINATIONS, LOG_STATUSES
from plugdesk.api.fleet_models import TEAM_CHARGER_SORTS
from plugdesk.api.models import CHARGER_STATUSES, CONNECTION_STATUSES, CONNECTOR_STATUSES

MAX_ID_TOKEN_LENGTH = 20  # start action's id_token and plug & charge card_uid
MAX_REFERENCE_LENGTH = 255
MAX_TEXT_FILTER_LENGTH = 255


# -- small checks ---------------------------------------------------------------------------


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_text(value: object, what: str, *, max_length: int = MAX_TEXT_FILTER_LENGTH) -> str:
    """Non-empty text (stripped) of at most `max_length` characters."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"The {what} must be non-empty text, not {value!r}.")
    text = value.strip()
    if len(text) > max_length:
        raise ValueError(
            f"The {what} has at most {max_length} characters; {text!r} has {len(text)}."
        )
    return text


def check_choice(value: object, what: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"The {what} must be one of {allowed}, not {value!r}.")
    return value


def check_bool(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{what} must be True or False, not {value!r}.")
    return value


def check_minor_units(value: object, what: str) -> int:
    """Money in minor units (cents): a whole number, zero or more."""
    if not _is_int(value) or value < 0:  # type: ignore[operator]
        raise ValueError(f"The {what} must be a whole number of cents, 0 or more, not {value!r}.")
    return int(value)  # type: ignore[call-overload]


def _utc(value: datetime) -> datetime:
    """An aware datetime in UTC; a naive one is taken as UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def query_datetime(value: object, what: str) -> str:
    """`Y-m-d H:i:s` in UTC, the only format metervalues take (a date is its midnight)."""
    if isinstance(value, datetime):
        return _utc(value).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return f"{value.isoformat()} 00:00:00"
    raise ValueError(f"{what} must be a date or datetime, not {type(value).__name__}.")


def query_day_or_datetime(value: object, what: str) -> str:
    """`Y-m-d` for a date, `Y-m-d H:i:s` (UTC) for a datetime: what the log filters take."""
    if isinstance(value, datetime):
        return query_datetime(value, what)
    if isinstance(value, date):
        return value.isoformat()
    raise ValueError(f"{what} must be a date or datetime, not {type(value).__name__}.")


def _as_utc(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return _utc(value)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def _check_order(date_from: date | datetime, date_to: date | datetime, words: str) -> None:
    if _as_utc(date_to) < _as_utc(date_from):
        raise ValueError(words)


# -- lists ----------------------------------------------------------------------------------


def site_params(*, search: str | None = None, team: str | None = None) -> dict[str, str]:
    """Query of GET /sites."""
    params: dict[str, str] = {}
    if search is not None:
        params["search"] = check_text(search, "site search")
    if team is not None:
        params["team"] = check_text(team, "team")
    return params


def check_sort(sort: object, fields: tuple[str, ...]) -> str:
    """A sort field, optionally prefixed with '-' for descending."""
    name = sort[1:] if isinstance(sort, str) and sort.startswith("-") else sort
    if not isinstance(name, str) or name not in fields:
        allowed = ", ".join(fields)
        raise ValueError(f"Sort by one of {allowed} (prefix '-' for descending), not {sort!r}.")
    return str(sort)


def team_charger_params(
    *,
    search: str | None = None,
    connection_status: str | None = None,
    status: str | None = None,
    connector_status: str | None = None,
    vendor: str | None = None,
    license: str | None = None,
    site_uuid: str | None = None,
    sort: str | None = None,
) -> dict[str, str]:
    """Query of GET /teams/{team}/chargers."""
    params: dict[str, str] = {}
    if search is not None:
        # Wire name: API.md says only "search by identity". We send a plain `search`, as
        # GET /sites takes it; the simulator (plugdesk.simulator.places) reads the same.
        params["search"] = check_text(search, "charger search")
    if connection_status is not None:
        params["filter[connection_status]"] = check_choice(
            connection_status, "connection status filter", CONNECTION_STATUSES
        )
    if status is not None:
        params["filter[status]"] = check_choice(status, "charger status filter", CHARGER_STATUSES)
    if connector_status is not None:
        params["filter[connector_status]"] = check_choice(
            connector_status, "connector status filter", CONNECTOR_STATUSES
        )
    if vendor is not None:
        params["filter[vendor]"] = check_text(vendor, "vendor filter")
    if license is not None:
        params["filter[license]"] = check_text(license, "license filter")
    if site_uuid is not None:
        params["filter[site_uuid]"] = check_text(site_uuid, "site UUID filter")
    if sort is not None:
        params["sort"] = check_sort(sort, TEAM_CHARGER_SORTS)
    return params


def meter_value_params(
    *,
    date_from: date | datetime,
    date_to: date | datetime,
    context: str | None = None,
    measurand: str | None = None,
    phase: str | None = None,
    location: str | None = None,
    unit: str | None = None,
    limit: int | None = None,
    order: str | None = None,
) -> dict[str, str]:
    """Query of GET /chargers/{uuid}/metervalues: both dates required, sent as UTC."""
    params = {
        "date_from": query_datetime(date_from, "date_from"),
        "date_to": query_datetime(date_to, "date_to"),
    }
    _check_order(date_from, date_to, "The meter values' 'to' must not be earlier than 'from'.")
    for name, value in (
        ("context", context),
        ("measurand", measurand),
        ("phase", phase),
        ("location", location),
        ("unit", unit),
    ):
        if value is not None:
            params[name] = check_text(value, f"{name} filter", max_length=64)
    if limit is not None:  # checked (1..10000) by the client's `_check_limit`
        params["limit"] = str(limit)
    if order is not None:
        # The docs' examples name it `order_by` (asc|desc).
        params["order_by"] = check_choice(order, "order", ("asc", "desc"))
    return params


def log_params(
    *,
    method: str | None = None,
    status: str | None = None,
    destination: str | None = None,
    hide_insignificant: bool | None = None,
    date_from: date | datetime | None = None,
    date_to: date | datetime | None = None,
    sort: str | None = None,
) -> dict[str, str]:
    """Query of GET /chargers/{uuid}/logs."""
    params: dict[str, str] = {}
    if method is not None:
        params["filter[method]"] = check_text(method, "OCPP method filter", max_length=64)
    if status is not None:
        params["filter[status]"] = check_choice(status, "log status filter", LOG_STATUSES)
    if destination is not None:
        params["filter[destination]"] = check_choice(
            destination, "destination filter", LOG_DESTINATIONS
        )
    if hide_insignificant is not None:
        hide = check_bool(hide_insignificant, "hide_insignificant")
        params["filter[hide_insignificant]"] = "1" if hide else "0"
    if date_from is not None:
        params["filter[date_from]"] = query_day_or_datetime(date_from, "date_from")
    if date_to is not None:
        params["filter[date_to]"] = query_day_or_datetime(date_to, "date_to")
    if date_from is not None and date_to is not None:
        _check_order(date_from, date_to, "The log's 'to' date must not be earlier than 'from'.")
    if sort is not None:
        params["sort"] = check_sort(sort, ("created_at",))
    return params


# -- actions and settings -------------------------------------------------------------------


def reference_body(reference: object) -> dict[str, Any]:
    return {"reference": check_text(reference, "charger name", max_length=MAX_REFERENCE_LENGTH)}


def start_body(id_token: object, connector_id: object = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id_token": check_text(id_token, "ID token", max_length=MAX_ID_TOKEN_LENGTH)
    }
    if connector_id is not None:
        if not _is_int(connector_id) or connector_id <= 0:  # type: ignore[operator]
            raise ValueError(
                f"The connector number must be 1 or more (or left out), not {connector_id!r}."
            )
        body["connector_id"] = connector_id
    return body


def stop_body(transaction_id: object = None) -> dict[str, Any]:
    if transaction_id is None:
        return {}
    if not _is_int(transaction_id) or transaction_id <= 0:  # type: ignore[operator]
        raise ValueError(
            f"The transaction id must be a positive whole number, not {transaction_id!r}."
        )
    return {"transaction_id": transaction_id}


def _check_connector_or_zero(connector_id: object) -> int:
    if not _is_int(connector_id) or connector_id < 0:  # type: ignore[operator]
        raise ValueError(
            f"The connector number must be 0 (the whole charger) or more, not {connector_id!r}."
        )
    return int(connector_id)  # type: ignore[call-overload]


def charge_limit_body(
    connector_id: object, limit: object, stack_level: object = 1
) -> dict[str, Any]:
    """Body of POST /actions/charge-limit: amperes on a connector (0 = whole charger)."""
    connector = _check_connector_or_zero(connector_id)
    if (
        isinstance(limit, bool)
        or not isinstance(limit, int | float)
        or not math.isfinite(limit)
        or limit < 0
    ):
        raise ValueError(f"The charge limit must be 0 A or more, not {limit!r}.")
    if not _is_int(stack_level) or stack_level < 0:  # type: ignore[operator]
        raise ValueError(f"The stack level must be 0 or more, not {stack_level!r}.")
    return {"connector_id": connector, "limit": limit, "stack_level": stack_level}


def charging_profile_body(connector_id: object, profile: object) -> dict[str, Any]:
    """Body of POST /actions/charging-profile: OCPP 1.6 SetChargingProfile, snake_case."""
    connector = _check_connector_or_zero(connector_id)
    if not isinstance(profile, Mapping) or not profile:
        raise ValueError("The charging profile must be a non-empty mapping of OCPP fields.")
    if "charging_schedule" not in profile:
        raise ValueError("The charging profile needs a 'charging_schedule'.")
    # OCPP 1.6 SetChargingProfile.req is {connectorId, csChargingProfiles}: in snake_case
    # (API.md) that is `cs_charging_profiles`, which the simulator requires too.
    return {"connector_id": connector, "cs_charging_profiles": dict(profile)}


def plug_charge_body(enabled: object, card_uid: object = None) -> dict[str, Any]:
    body: dict[str, Any] = {"enabled": check_bool(enabled, "enabled")}
    if enabled or card_uid is not None:
        body["card_uid"] = check_text(card_uid, "card UID", max_length=MAX_ID_TOKEN_LENGTH)
    return body


def public_charging_body(
    enabled: object, price_per_kwh: object, start_fee: object, billing_plan: object
) -> dict[str, Any]:
    return {
        "enabled": check_bool(enabled, "enabled"),
        "price_per_kwh": check_minor_units(price_per_kwh, "price per kWh"),
        "start_fee": check_minor_units(start_fee, "start fee"),
        "billing_plan": check_choice(billing_plan, "billing plan", BILLING_PLANS),
    }
