"""Charger actions and settings (`POST /chargers/{uuid}/actions/*`, `/settings/*`), with
their effects on the simulated clock, and the OCPP messages they cause.

Every action reaches the charger over OCPP, so a share of them answers 504 "The charger
did not respond in time." (`timeout_done`: it happened anyway; `timeout_lost`: it did
not). The share is drawn from a stream of its own (same seed, same sequence of outcomes);
`force` pins the outcome for tests.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from plugdesk.simulator import catalog
from plugdesk.simulator.fleet import EV_TX, Charger, Connector, Fleet, PublicInfo, limit_kw
from plugdesk.simulator.replies import Reply, error, validation
from plugdesk.simulator.util import derive, iso_z, to_datetime

TIMEOUT = "The charger did not respond in time."
FORBIDDEN = "This action is unauthorized."
OUTCOMES = ("reply", "timeout_done", "timeout_lost")
ACTIONS = ("restart", "start", "stop", "charge-limit", "charging-profile")
SETTINGS = ("lock", "socket-lock", "plug-charge", "public-charging")
_ACTIONS_STREAM = 0xAC7


@dataclass(frozen=True)
class ActionRecord:
    """One action or settings write as the simulator handled it."""

    charger_uuid: str
    action: str  # "restart", ..., "settings/lock", "update"
    body: Any
    status: int  # the HTTP status answered
    outcome: str  # accepted | rejected | timeout_done | timeout_lost | forbidden | invalid
    sim_time: datetime


Entry = tuple[float, str, str, str, Any, Any]  # (ts, method, destination, status, params, result)


class Actions:
    def __init__(
        self, fleet: Fleet, seed: int, timeout_done_rate: float, timeout_lost_rate: float
    ) -> None:
        self.fleet = fleet
        self.rng = random.Random(derive(seed, _ACTIONS_STREAM))
        self.timeout_done_rate = timeout_done_rate
        self.timeout_lost_rate = timeout_lost_rate
        self.forced: str | None = None
        self.log: list[ActionRecord] = []
        self.ocpp: dict[int, list[Entry]] = {}  # charger index -> messages actions caused
        self.plug_charge: dict[int, tuple[bool, str | None]] = {}
        self.saved_public: dict[int, PublicInfo] = {}
        self.first_boot: dict[int, float] = {}  # never-seen chargers brought online

    # -- the shared steps ----------------------------------------------------------------

    def message(
        self,
        charger: Charger,
        ts: float,
        method: str,
        params: Any,
        result: Any = None,
        *,
        to_charger: bool = True,
        status: str = "done",
    ) -> None:
        destination = "charger" if to_charger else "centralsystem"
        self.ocpp.setdefault(charger.index, []).append(
            (ts, method, destination, status, params, result)
        )

    def _outcome(self) -> str:
        draw = self.rng.random()  # drawn every time, so forcing does not shift later ones
        if self.forced is not None:
            return self.forced
        if draw < self.timeout_lost_rate:
            return "timeout_lost"
        if draw < self.timeout_lost_rate + self.timeout_done_rate:
            return "timeout_done"
        return "reply"

    def _record(
        self, charger: Charger, action: str, body: Any, reply: Reply, outcome: str, now: float
    ) -> Reply:
        self.log.append(
            ActionRecord(charger.uuid, action, body, reply.status, outcome, to_datetime(now))
        )
        return reply

    def run(self, charger: Charger, action: str, body: Any, now: float) -> Reply:
        """An action or settings write: permission, validation, then the charger's answer."""
        if not charger.permissions[2]:
            return self._record(charger, action, body, error(403, FORBIDDEN), "forbidden", now)
        checks: dict[str, Callable[[Any], dict[str, list[str]]]] = {
            "start": _check_start,
            "charge-limit": _check_limit,
            "charging-profile": _check_profile,
            "settings/lock": _check_enabled,
            "settings/plug-charge": _check_plug_charge,
            "settings/public-charging": _check_public,
        }
        body = body if isinstance(body, dict) else {}
        problems = checks[action](body) if action in checks else {}
        if problems:
            return self._record(charger, action, body, validation(problems), "invalid", now)
        outcome = self._outcome()
        if charger.connection != "online":
            outcome = "timeout_lost"  # nothing reaches a charger that is not connected
        if outcome == "timeout_lost":
            method = _METHODS.get(action, action)
            self.message(charger, now, method, _ocpp_params(action, body), None, status="failed")
            return self._record(charger, action, body, error(504, TIMEOUT), outcome, now)
        answer = self._apply(charger, action, body, now)
        if outcome == "timeout_done":
            return self._record(charger, action, body, error(504, TIMEOUT), outcome, now)
        verdict = (
            "accepted"
            if answer.status == 204 or answer.body.get("status") in ("Accepted", None)
            else "rejected"
        )
        return self._record(charger, action, body, answer, verdict, now)

    def _apply(self, charger: Charger, action: str, body: dict[str, Any], now: float) -> Reply:
        if action == "restart":
            return self._restart(charger, now)
        if action == "start":
            return self._start(charger, body, now)
        if action == "stop":
            return self._stop(charger, body, now)
        if action == "charge-limit":
            connector = int(body["connector_id"])
            return self._limit(
                charger,
                connector,
                float(body["limit"]),
                now,
                int(body.get("stack_level") or 1),
                "A",
            )
        if action == "charging-profile":
            return self._profile(charger, body, now)
        if action == "settings/lock":
            return self._lock(charger, _truthy(body["enabled"]), now)
        if action == "settings/plug-charge":
            enabled = _truthy(body["enabled"])
            self.plug_charge[charger.index] = (enabled, body.get("card_uid") if enabled else None)
            return Reply(204, None)
        return self._public(charger, body)

    # -- restart -------------------------------------------------------------------------

    def _restart(self, charger: Charger, now: float) -> Reply:
        self.message(charger, now, "Reset", {"type": "Soft"}, {"status": "Accepted"})
        charger.reboot_gen += 1
        gen = charger.reboot_gen
        down_at = now + 2
        up_at = down_at + self.rng.uniform(20, 60)
        self.fleet.call_at(down_at, lambda ts: self._reboot_down(charger, ts, gen))
        held = charger.offline_gen  # force_offline meanwhile keeps it down (tests)
        self.fleet.call_at(up_at, lambda ts: self._boot(charger, ts, gen, held))
        return Reply(200, {"status": "Accepted"})

    def _reboot_down(self, charger: Charger, ts: float, gen: int) -> None:
        if gen != charger.reboot_gen or charger.connection != "online":
            return
        fleet = self.fleet
        for connector in charger.connectors:
            had_tx = connector.tx is not None and connector.tx.stop_ts is None
            if had_tx:
                tx = connector.tx
                assert tx is not None
                self._stop_message(charger, connector, ts, "SoftReset")
            fleet._interrupt(charger, connector, ts, "SoftReset")
            connector.gen += 1  # the charging cycle stops with the charger
            if connector.status != "Faulted":
                connector.phase = "down"
        fleet.go_offline(charger, ts, forced=False)

    def _boot(self, charger: Charger, ts: float, gen: int, held: int) -> None:
        stale = gen != charger.reboot_gen or held != charger.offline_gen
        if stale or charger.connection != "offline":
            return
        fleet = self.fleet
        hard = list(charger.hard_faults)
        fleet.go_online(charger, ts)
        self.boot_message(charger, ts)
        fleet.clear_fault_at(charger, ts)  # a transient fault is gone after the reboot
        idle = "Unavailable" if charger.blocked or charger.locked else "Available"
        for connector in charger.connectors:
            connector.gen += 1
            connector.status = idle
            connector.phase = "idle" if idle == "Available" else "down"
            connector.updated_ts = max(connector.updated_ts, ts)
            if connector.phase == "idle":
                fleet._schedule_plug(charger, connector, ts)
        for error_code, info, vendor, index, forced in hard:
            fleet._apply_fault(charger, ts, error_code, info, vendor, index, forced=forced)
        for connector in charger.connectors:
            self._status_message(charger, connector, ts)

    def boot_message(self, charger: Charger, ts: float) -> None:
        """The BootNotification a charger sends when it (re)starts."""
        model = charger.model
        self.message(
            charger,
            ts,
            "BootNotification",
            {
                "chargePointVendor": model.vendor_id,
                "chargePointModel": model.name,
                "chargePointSerialNumber": charger.identity,
                "firmwareVersion": charger.firmware,
            },
            {"status": "Accepted", "currentTime": iso_z(ts), "interval": int(charger.hb_interval)},
            to_charger=False,
        )

    # -- transactions --------------------------------------------------------------------

    def _start(self, charger: Charger, body: dict[str, Any], now: float) -> Reply:
        wanted = body.get("connector_id")
        tag = str(body["id_token"])
        connector = None
        if wanted is None:
            connector = next((c for c in charger.connectors if _free(c)), None)
        elif 1 <= int(wanted) <= len(charger.connectors):
            connector = charger.connectors[int(wanted) - 1]
        number = connector.connector_id if connector else wanted
        usable = (
            connector is not None
            and _free(connector)
            and not charger.locked
            and not charger.blocked
            and charger.status == "Available"
        )
        status = "Accepted" if usable else "Rejected"
        params = {"connectorId": number, "idTag": tag} if number else {"idTag": tag}
        self.message(charger, now, "RemoteStartTransaction", params, {"status": status})
        if usable and connector is not None:
            gen = connector.gen + 1
            connector.gen = gen
            self.fleet.call_at(now + 2, lambda ts: self._begin(charger, connector, tag, ts, gen))
        return Reply(200, {"status": status})

    def _begin(self, charger: Charger, connector: Connector, tag: str, ts: float, gen: int) -> None:
        fleet = self.fleet
        if gen != connector.gen or not _free(connector) or charger.connection != "online":
            return
        tx = fleet._open_tx(charger, connector, ts, self.rng.random())
        tx.id_tag = tag
        low, high = charger.model.session_minutes
        connector.plug_end = ts + self.rng.uniform(low, high) * 60
        connector.phase = "charging"
        fleet._set_status(charger, connector, "Charging", ts)
        self.message(
            charger,
            ts,
            "StartTransaction",
            {
                "connectorId": connector.connector_id,
                "idTag": tag,
                "meterStart": tx.meter_start,
                "timestamp": iso_z(ts),
            },
            {"transactionId": tx.id, "idTagInfo": {"status": "Accepted"}},
            to_charger=False,
        )
        self._status_message(charger, connector, ts)
        when = fleet._charging_next(charger, connector, tx, self.rng.random())
        fleet.schedule(when, EV_TX, charger.index, connector.index, connector.gen)

    def _stop(self, charger: Charger, body: dict[str, Any], now: float) -> Reply:
        wanted = body.get("transaction_id")
        active = [c for c in charger.connectors if c.tx is not None and c.tx.stop_ts is None]
        if wanted is not None:
            active = [c for c in active if c.tx is not None and str(c.tx.id) == str(wanted)]
        connector = active[0] if active else None
        tx_id = connector.tx.id if connector and connector.tx else wanted
        status = "Accepted" if connector is not None else "Rejected"
        self.message(
            charger, now, "RemoteStopTransaction", {"transactionId": tx_id}, {"status": status}
        )
        if connector is not None:
            self.fleet.call_at(now + 2, lambda ts: self._end(charger, connector, ts))
        return Reply(200, {"status": status})

    def _end(self, charger: Charger, connector: Connector, ts: float) -> None:
        if connector.tx is None or connector.tx.stop_ts is not None:
            return
        self._stop_message(charger, connector, ts, "Remote")
        self.fleet._interrupt(charger, connector, ts, "Remote")
        connector.gen += 1
        connector.phase = "finishing"
        self.fleet._set_status(charger, connector, "Finishing", ts)
        self._status_message(charger, connector, ts)
        self.fleet.schedule(ts + 30, EV_TX, charger.index, connector.index, connector.gen)

    def _stop_message(self, charger: Charger, connector: Connector, ts: float, reason: str) -> None:
        tx = connector.tx
        assert tx is not None
        self.message(
            charger,
            ts,
            "StopTransaction",
            {
                "transactionId": tx.id,
                "idTag": tx.id_tag,
                "meterStop": tx.meter_start + tx.wh_at(ts),
                "timestamp": iso_z(ts),
                "reason": reason,
            },
            {"idTagInfo": {"status": "Accepted"}},
            to_charger=False,
        )

    def _status_message(self, charger: Charger, connector: Connector, ts: float) -> None:
        self.message(
            charger,
            ts,
            "StatusNotification",
            {
                "connectorId": connector.connector_id,
                "status": connector.status,
                "errorCode": connector.error,
                "timestamp": iso_z(ts),
            },
            {},
            to_charger=False,
        )

    # -- limits --------------------------------------------------------------------------

    def _limit(
        self, charger: Charger, number: int, amps: float, now: float, stack: int, unit: str
    ) -> Reply:
        if number > len(charger.connectors):
            status = "Rejected"
        else:
            status = "Accepted"
            targets = charger.connectors if number == 0 else [charger.connectors[number - 1]]
            for connector in targets:
                connector.limit_a = amps
                tx = connector.tx
                if tx is not None and tx.stop_ts is None:
                    car = tx.kw_changes[0][1] if tx.kw_changes else tx.kw  # what the car takes
                    allowed = min(car, limit_kw(connector, amps))
                    if allowed != tx.kw:
                        tx.set_kw(now, allowed)
        params = {
            "connectorId": number,
            "csChargingProfiles": {
                "chargingProfileId": 1,
                "stackLevel": stack,
                "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Absolute",
                "chargingSchedule": {
                    "chargingRateUnit": unit,
                    "chargingSchedulePeriod": [{"startPeriod": 0, "limit": amps}],
                },
            },
        }
        self.message(charger, now, "SetChargingProfile", params, {"status": status})
        return Reply(200, {"status": status})

    def _profile(self, charger: Charger, body: dict[str, Any], now: float) -> Reply:
        profile = body["cs_charging_profiles"]
        schedule = profile["charging_schedule"]
        limit = float(schedule["charging_schedule_period"][0]["limit"])
        unit = schedule["charging_rate_unit"]
        amps = limit if unit == "A" else limit / (230 * 3)
        return self._limit(
            charger,
            int(body["connector_id"]),
            amps,
            now,
            int(profile.get("stack_level") or 0),
            unit,
        )

    # -- settings ------------------------------------------------------------------------

    def _lock(self, charger: Charger, enabled: bool, now: float) -> Reply:
        fleet = self.fleet
        busy = any(c.tx is not None and c.tx.stop_ts is None for c in charger.connectors)
        answer = "Scheduled" if enabled and busy else "Accepted"
        kind = "Inoperative" if enabled else "Operative"
        self.message(
            charger, now, "ChangeAvailability", {"connectorId": 0, "type": kind}, {"status": answer}
        )
        charger.locked = enabled
        if charger.status != "Faulted" and not charger.blocked:
            charger.status = "Unavailable" if enabled else "Available"
            charger.updated_ts = max(charger.updated_ts, now)
        for connector in charger.connectors:
            if connector.status == "Faulted" or connector.tx is not None:
                continue  # a charging socket goes Unavailable when its session ends
            if enabled and connector.status != "Unavailable":
                connector.gen += 1
                connector.phase = "down"
                fleet._set_status(charger, connector, "Unavailable", now)
                self._status_message(charger, connector, now)
            elif not enabled and connector.status == "Unavailable" and not charger.blocked:
                connector.gen += 1
                connector.phase = "idle"
                fleet._set_status(charger, connector, "Available", now)
                self._status_message(charger, connector, now)
                fleet._schedule_plug(charger, connector, now)
        return Reply(204, None)

    def _public(self, charger: Charger, body: dict[str, Any]) -> Reply:
        fleet = self.fleet
        if not _truthy(body["enabled"]):
            if charger.public is not None:
                self.saved_public[charger.index] = charger.public
            charger.public = None
            return Reply(204, None)
        info = charger.public or self.saved_public.pop(charger.index, None)
        if info is None:
            code = catalog.public_code(self.rng)
            while code in fleet.by_code:
                code = catalog.public_code(self.rng)
            info = PublicInfo(code, "EUR", 0, 0, charger.reference or charger.identity)
        info = PublicInfo(
            info.code, info.currency, int(body["price_per_kwh"]), int(body["start_fee"]), info.name
        )
        charger.public = info
        fleet.by_code[info.code] = charger
        return Reply(204, None)

    def settings(self, charger: Charger, name: str) -> Reply:
        """GET /chargers/{uuid}/settings/{name}."""
        if name == "lock":
            return Reply(200, {"enabled": charger.locked})
        if name == "socket-lock":
            socket = charger.model.connectors[0].format == "SOCKET"
            body: dict[str, Any] = {"enabled": socket, "interactable": socket}
            if not socket:
                body["error"] = "This charger has a fixed cable."
            return Reply(200, body)
        if name == "plug-charge":
            enabled, card = self.plug_charge.get(charger.index, (False, None))
            return Reply(200, {"enabled": enabled, "current_card": card})
        info = charger.public
        shown = info or self.saved_public.get(charger.index)
        return Reply(
            200,
            {
                "enabled": info is not None,
                "price_per_kwh": shown.price_per_kwh if shown else 0,
                "start_fee": shown.start_fee if shown else 0,
                "currency": shown.currency if shown else "EUR",
                "public_code": info.code if info else None,
                "public_url": f"https://app.plugchoice.com/p/{info.code}" if info else None,
                "preauth_amount": catalog.CURRENCY_HOLD.get(shown.currency if shown else "EUR"),
                "limits": {"max_price_per_kwh": 150, "max_start_fee": 500},
                "connect": {
                    "account_id": "acct_1" + charger.uuid[:15].replace("-", "X"),
                    "charges_enabled": True,
                    "payouts_enabled": True,
                },
                "billing": {"plan": "transaction", "fee_percentage": 5},
            },
        )


def _truthy(value: Any) -> bool:
    return value in (True, 1, "1")


def _free(connector: Connector) -> bool:
    return (
        connector.status in ("Available", "Preparing")
        and connector.claimed_by is None
        and (connector.tx is None or connector.tx.stop_ts is not None)
    )


_METHODS = {
    "restart": "Reset",
    "start": "RemoteStartTransaction",
    "stop": "RemoteStopTransaction",
    "charge-limit": "SetChargingProfile",
    "charging-profile": "SetChargingProfile",
    "settings/lock": "ChangeAvailability",
    "settings/plug-charge": "ChangeConfiguration",
    "settings/public-charging": "ChangeConfiguration",
}


def _ocpp_params(action: str, body: dict[str, Any]) -> dict[str, Any]:
    if action == "restart":
        return {"type": "Soft"}
    return dict(body)


# -- validation (Laravel's messages) ------------------------------------------------------


def _is_int(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.strip().lstrip("-").isdigit()
    )


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    try:
        float(str(value))
    except ValueError:
        return False
    return True


def _check_start(body: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    tag = body.get("id_token")
    if tag is None or tag == "":
        errors["id_token"] = ["The id token field is required."]
    elif not isinstance(tag, str):
        errors["id_token"] = ["The id token field must be a string."]
    elif len(tag) > 20:
        errors["id_token"] = ["The id token field must not be greater than 20 characters."]
    connector = body.get("connector_id")
    if connector is not None:
        if not _is_int(connector):
            errors["connector_id"] = ["The connector id field must be an integer."]
        elif int(connector) < 1:
            errors["connector_id"] = ["The connector id field must be greater than 0."]
    return errors


def _check_limit(body: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    connector = body.get("connector_id")
    if connector is None:
        errors["connector_id"] = ["The connector id field is required."]
    elif not _is_int(connector):
        errors["connector_id"] = ["The connector id field must be an integer."]
    elif int(connector) < 0:
        errors["connector_id"] = ["The connector id field must be at least 0."]
    limit = body.get("limit")
    if limit is None:
        errors["limit"] = ["The limit field is required."]
    elif not _is_number(limit):
        errors["limit"] = ["The limit field must be a number."]
    elif float(limit) < 0:
        errors["limit"] = ["The limit field must be at least 0."]
    stack = body.get("stack_level")
    if stack is not None and not _is_int(stack):
        errors["stack_level"] = ["The stack level field must be an integer."]
    return errors


def _check_profile(body: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not _is_int(body.get("connector_id")):
        errors["connector_id"] = ["The connector id field is required."]
    profile = body.get("cs_charging_profiles")
    if not isinstance(profile, dict):
        errors["cs_charging_profiles"] = ["The cs charging profiles field is required."]
        return errors
    for key in ("charging_profile_id", "stack_level"):
        if not _is_int(profile.get(key)):
            errors[f"cs_charging_profiles.{key}"] = [
                f"The cs charging profiles.{key} field must be an integer."
            ]
    if profile.get("charging_profile_purpose") not in (
        "ChargePointMaxProfile",
        "TxDefaultProfile",
        "TxProfile",
    ):
        errors["cs_charging_profiles.charging_profile_purpose"] = [
            "The selected cs charging profiles.charging profile purpose is invalid."
        ]
    if profile.get("charging_profile_kind") not in ("Absolute", "Recurring", "Relative"):
        errors["cs_charging_profiles.charging_profile_kind"] = [
            "The selected cs charging profiles.charging profile kind is invalid."
        ]
    schedule = profile.get("charging_schedule")
    periods = schedule.get("charging_schedule_period") if isinstance(schedule, dict) else None
    if not isinstance(schedule, dict) or schedule.get("charging_rate_unit") not in ("A", "W"):
        errors["cs_charging_profiles.charging_schedule.charging_rate_unit"] = [
            "The selected charging rate unit is invalid."
        ]
    if (
        not isinstance(periods, list)
        or not periods
        or not isinstance(periods[0], dict)
        or not _is_number(periods[0].get("limit"))
        or not _is_int(periods[0].get("start_period"))
    ):
        errors["cs_charging_profiles.charging_schedule.charging_schedule_period"] = [
            "The charging schedule period field must have at least 1 item."
        ]
    return errors


def _check_enabled(body: dict[str, Any]) -> dict[str, list[str]]:
    if "enabled" not in body:
        return {"enabled": ["The enabled field is required."]}
    if not isinstance(body["enabled"], bool) and body["enabled"] not in (0, 1, "0", "1"):
        return {"enabled": ["The enabled field must be true or false."]}
    return {}


def _check_plug_charge(body: dict[str, Any]) -> dict[str, list[str]]:
    errors = _check_enabled(body)
    card = body.get("card_uid")
    if not errors and body["enabled"] in (True, 1, "1") and not card:
        errors["card_uid"] = ["The card uid field is required when enabled is true."]
    elif card is not None and (not isinstance(card, str) or len(card) > 20):
        errors["card_uid"] = ["The card uid field must not be greater than 20 characters."]
    return errors


def _check_public(body: dict[str, Any]) -> dict[str, list[str]]:
    errors = _check_enabled(body)
    if errors or body["enabled"] in (False, 0, "0"):
        return errors
    for key, top in (("price_per_kwh", 150), ("start_fee", 500)):
        value = body.get(key)
        label = key.replace("_", " ")
        if value is None:
            errors[key] = [f"The {label} field is required when enabled is true."]
        elif not _is_int(value):
            errors[key] = [f"The {label} field must be an integer."]
        elif not 0 <= int(value) <= top:
            errors[key] = [f"The {label} field must be between 0 and {top}."]
    if body.get("billing_plan") not in ("subscription", "transaction"):
        errors["billing_plan"] = ["The selected billing plan is invalid."]
    return errors
