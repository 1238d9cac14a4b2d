"""Public charging: lookup by public code and pay-as-you-go sessions.

Lifecycle on the simulated clock (seconds are simulated):

    created --confirm--> authorized --2 s--> starting --4 s--> charging
    charging --after charge_seconds, or stop--> stopping --3 s--> settling --3 s--> captured
    stopped before any energy                            ... settling --> no_charge
    created, never confirmed within expire_seconds       --> expired
    cancel while created/authorized                      --> abandoned
    a fault or drop before charging began                --> failed

`payment` (the Stripe context) is only present while `created`. Money is in minor units;
`cost_amount` = start fee + energy x price, capped at `amount_authorized`.
"""

from __future__ import annotations

import math
import re
import secrets
import string
from collections import deque
from collections.abc import Callable
from typing import Any

from plugdesk.simulator.catalog import CURRENCY_HOLD, CURRENCY_TAX
from plugdesk.simulator.fleet import EV_SESSION, Charger, Connector, Fleet
from plugdesk.simulator.replies import TOO_MANY, Reply, error, validation
from plugdesk.simulator.transactions import Tx
from plugdesk.simulator.util import iso_offset_or_none

AUTHORIZE_TO_START = 2.0
START_TO_CHARGE = 4.0
STOP_TO_SETTLE = 3.0
SETTLE_TO_DONE = 3.0
TERMINAL = frozenset(
    {"captured", "no_charge", "expired", "failed", "abandoned", "capture_failed",
     "requires_review", "refunded", "written_off"}
)  # fmt: skip
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z0-9-]{2,}$")
_ALNUM = string.ascii_letters + string.digits


def _random_text(n: int) -> str:
    return "".join(secrets.choice(_ALNUM) for _ in range(n))


class Session:
    def __init__(
        self, no: int, token: str, charger: Charger, connector: Connector, ts: float
    ) -> None:
        assert charger.public is not None
        self.no = no
        self.token = token
        self.charger = charger
        self.connector = connector
        self.pricing = charger.public
        self.status = "created"
        self.failure_reason: str | None = None
        self.email: str | None = None
        self.created_ts = ts
        self.authorized_ts: float | None = None
        self.charging_started_ts: float | None = None
        self.completed_ts: float | None = None
        self.captured_ts: float | None = None
        self.amount_authorized = CURRENCY_HOLD.get(self.pricing.currency, 5000)
        self.tx: Tx | None = None
        self.energy_wh: int | None = None  # frozen when charging ends
        self.amount_captured: int | None = None
        self.tax_amount: int | None = None
        self.gen = 0
        self.client_secret = f"pi_3{_random_text(21)}_secret_{_random_text(25)}"

    def wh_at(self, now: float) -> int | None:
        if self.energy_wh is not None:
            return self.energy_wh
        if self.tx is None:
            return None
        return self.tx.wh_at(now)

    def cost_at(self, now: float) -> int | None:
        wh = self.wh_at(now)
        if wh is None:
            return None
        cost = self.pricing.start_fee + round(wh / 1000 * self.pricing.price_per_kwh)
        return min(cost, self.amount_authorized)


class PublicCharging:
    def __init__(
        self,
        fleet: Fleet,
        *,
        charge_seconds: float = 40.0,
        expire_seconds: float = 900.0,
        starts_per_hour: int = 6,
        payment_keys: tuple[str, str] = ("pk_test_sim", "acct_sim"),
        to_real: Callable[[float], float] = lambda seconds: seconds,
    ) -> None:
        self.fleet = fleet
        self.to_real = to_real  # simulated seconds -> real seconds, for Retry-After
        self.charge_seconds = charge_seconds
        self.expire_seconds = expire_seconds
        self.starts_per_hour = starts_per_hour
        self.publishable_key, self.stripe_account = payment_keys
        self.sessions: dict[str, Session] = {}
        self._by_no: list[Session] = []
        self._starts: dict[int, deque[float]] = {}  # charger index -> start times (sim)
        fleet.hooks = self

    # -- fleet hooks ---------------------------------------------------------------------

    def on_session_event(self, ts: float, session_no: int, gen: int) -> None:
        session = self._by_no[session_no]
        if gen != session.gen:
            return
        status = session.status
        if status == "created":
            self._finish_early(session, ts, "expired", "The payment was not confirmed in time.")
        elif status == "authorized":
            self._move(session, "starting", ts + START_TO_CHARGE)
        elif status == "starting":
            self._begin_charging(session, ts)
        elif status == "charging":
            self._begin_stop(session, ts, "EVDisconnected")  # the car is done
        elif status == "stopping":
            self._move(session, "settling", ts + SETTLE_TO_DONE)
        elif status == "settling":
            self._settle(session, ts)

    def on_connector_interrupted(self, ts: float, token: str, reason: str) -> None:
        """A fault took the connector away from a session."""
        session = self.sessions.get(token)
        if session is None or session.status in TERMINAL:
            return
        if session.status == "charging" and session.tx is not None:
            session.energy_wh = session.tx.wh_at(ts)  # the fleet already stopped it
            session.completed_ts = ts
            self._move(session, "stopping", ts + STOP_TO_SETTLE)
        elif session.status not in ("stopping", "settling"):
            reason_text = "The charger reported a fault before charging started."
            self._terminal(session, ts, "failed", reason_text)

    # -- transitions ---------------------------------------------------------------------

    def _move(self, session: Session, status: str, next_ts: float | None) -> None:
        session.status = status
        session.gen += 1
        if next_ts is not None:
            self.fleet.schedule(next_ts, EV_SESSION, session.no, gen=session.gen)

    def _terminal(self, session: Session, ts: float, status: str, reason: str | None) -> None:
        session.failure_reason = reason
        self._move(session, status, None)

    def _finish_early(self, session: Session, ts: float, status: str, reason: str) -> None:
        self.fleet.release(session.charger, session.connector, ts, None)
        self._terminal(session, ts, status, reason)

    def _begin_charging(self, session: Session, ts: float) -> None:
        charger, connector = session.charger, session.connector
        if charger.connection != "online" or connector.claimed_by != session.token:
            self._finish_early(session, ts, "failed", "The charger did not start charging.")
            return
        tag = f"PUB-{secrets.token_hex(4).upper()}"  # never derived from the token
        session.tx = self.fleet.start_session_tx(charger, connector, ts, tag)
        session.charging_started_ts = ts
        self._move(session, "charging", ts + self.charge_seconds)

    def _begin_stop(self, session: Session, ts: float, reason: str) -> None:
        session.energy_wh = session.wh_at(ts) or 0
        session.completed_ts = ts
        self.fleet.release(session.charger, session.connector, ts, reason)
        self._move(session, "stopping", ts + STOP_TO_SETTLE)

    def _settle(self, session: Session, ts: float) -> None:
        wh = session.energy_wh or 0
        if wh <= 0:
            session.amount_captured = session.tax_amount = 0
            self._terminal(session, ts, "no_charge", "No energy was delivered.")
            return
        captured = session.cost_at(ts) or 0
        rate = CURRENCY_TAX.get(session.pricing.currency, 0.21)
        session.amount_captured = captured
        session.tax_amount = round(captured * rate / (1 + rate))
        session.captured_ts = ts
        self._terminal(session, ts, "captured", None)

    # -- requests ------------------------------------------------------------------------

    def lookup(self, code: str) -> Reply:
        if len(code) > 10:
            return validation({"code": ["The code field must not be greater than 10 characters."]})
        charger = self.fleet.by_code.get(code.upper())
        if charger is None or charger.public is None:
            return error(404, "This charger is not available for public charging.")
        return Reply(200, {"data": self.public_charger_api(charger)})

    def public_charger_api(self, charger: Charger) -> dict[str, Any]:
        info = charger.public
        assert info is not None
        return {
            "public_code": info.code,
            "name": info.name,
            "online": charger.connection == "online",
            "connectors": [
                {"connector_id": c.connector_id, "status": c.status} for c in charger.connectors
            ],
            "pricing": {
                "currency": info.currency,
                "price_per_kwh": info.price_per_kwh,
                "start_fee": info.start_fee,
            },
        }

    def start(self, body: Any, now: float) -> Reply:
        if not isinstance(body, dict):
            body = {}
        problems = _validate_start(body)
        if problems:
            return validation(problems)
        code = str(body["code"]).upper()
        charger = self.fleet.by_code.get(code)
        if charger is None or charger.public is None:
            return error(404, "This charger is not available for public charging.")
        if charger.connection != "online":
            return error(400, "The charger is offline.")
        connector_id = int(body["connector_id"])
        if not 1 <= connector_id <= len(charger.connectors):
            message = "The selected connector id is invalid."
            return validation({"connector_id": [message]})
        connector = charger.connectors[connector_id - 1]
        if connector.status != "Available" or connector.claimed_by is not None:
            return error(409, "The connector is not available.")
        if charger.status != "Available":
            return error(409, "The connector is not available.")
        starts = self._starts.setdefault(charger.index, deque())
        while starts and starts[0] <= now - 3600:
            starts.popleft()
        if len(starts) >= self.starts_per_hour:
            wait = starts[0] + 3600 - now
            reply = error(429, TOO_MANY)
            reply.headers["Retry-After"] = str(max(1, math.ceil(self.to_real(wait))))
            return reply
        starts.append(now)
        token = f"pcs_{_random_text(40)}"
        session = Session(len(self._by_no), token, charger, connector, now)
        email = body.get("email")
        session.email = email if isinstance(email, str) and email else None
        self._by_no.append(session)
        self.sessions[token] = session
        self.fleet.claim(charger, connector, token, now)
        self.fleet.schedule(now + self.expire_seconds, EV_SESSION, session.no, gen=session.gen)
        payload = {"session_token": token, **self.state_api(session, now)}
        return Reply(201, payload)

    def get(self, token: str, now: float) -> Reply:
        session = self.sessions.get(token)
        if session is None:
            return error(404, "Session not found.")
        return Reply(200, self.state_api(session, now))

    def confirm(self, token: str, now: float) -> Reply:
        session = self.sessions.get(token)
        if session is None:
            return error(404, "Session not found.")
        if session.status != "created":
            return error(409, "The session cannot be confirmed in its current state.")
        session.authorized_ts = now
        self._move(session, "authorized", now + AUTHORIZE_TO_START)
        return Reply(200, self.state_api(session, now))

    def stop(self, token: str, now: float) -> Reply:
        session = self.sessions.get(token)
        if session is None:
            return error(404, "Session not found.")
        if session.status not in ("starting", "charging"):
            return error(409, f"The session cannot be stopped while it is {session.status}.")
        if session.charger.connection != "online":
            return error(400, "The charger is offline and cannot be stopped remotely.")
        self._begin_stop(session, now, "Remote")
        return Reply(200, self.state_api(session, now))

    def cancel(self, token: str, now: float) -> Reply:
        session = self.sessions.get(token)
        if session is None:
            return error(404, "Session not found.")
        if session.status not in ("created", "authorized"):
            return error(409, "The session can no longer be cancelled.")
        self._finish_early(session, now, "abandoned", "Cancelled by the driver.")
        return Reply(200, self.state_api(session, now))

    # -- views ---------------------------------------------------------------------------

    def state_api(self, session: Session, now: float) -> dict[str, Any]:
        payment = None
        if session.status == "created":
            payment = {
                "client_secret": session.client_secret,
                "publishable_key": self.publishable_key,
                "stripe_account_id": self.stripe_account,
            }
        return {"data": self.session_api(session, now), "payment": payment}

    def session_api(self, session: Session, now: float) -> dict[str, Any]:
        info, charger = session.pricing, session.charger
        wh = session.wh_at(now)
        return {
            "status": session.status,
            "failure_reason": session.failure_reason,
            "connector_id": session.connector.connector_id,
            "connector_status": session.connector.status,
            "charger": {
                "public_code": info.code,
                "name": info.name,
                "online": charger.connection == "online",
            },
            "pricing": {
                "currency": info.currency,
                "price_per_kwh": info.price_per_kwh,
                "start_fee": info.start_fee,
            },
            "amount_authorized": session.amount_authorized,
            "energy_kwh": None if wh is None else f"{wh / 1000:.3f}",
            "cost_amount": 0 if session.status == "no_charge" else session.cost_at(now),
            "amount_captured": session.amount_captured,
            "tax_amount": session.tax_amount,
            "driver_email": session.email,
            "created_at": iso_offset_or_none(session.created_ts),
            "authorized_at": iso_offset_or_none(session.authorized_ts),
            "charging_started_at": iso_offset_or_none(session.charging_started_ts),
            "completed_at": iso_offset_or_none(session.completed_ts),
            "captured_at": iso_offset_or_none(session.captured_ts),
        }


def _validate_start(body: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    code = body.get("code")
    if code is None or code == "":
        errors["code"] = ["The code field is required."]
    elif not isinstance(code, str):
        errors["code"] = ["The code field must be a string."]
    elif len(code) > 10:
        errors["code"] = ["The code field must not be greater than 10 characters."]
    connector = body.get("connector_id")
    if connector is None or connector == "":
        errors["connector_id"] = ["The connector id field is required."]
    elif isinstance(connector, bool) or not (
        isinstance(connector, int) or (isinstance(connector, str) and connector.isdigit())
    ):
        errors["connector_id"] = ["The connector id field must be an integer."]
    elif not 1 <= int(connector) <= 100:
        errors["connector_id"] = ["The connector id field must be between 1 and 100."]
    email = body.get("email")
    if email is not None and email != "":
        if not isinstance(email, str):
            errors["email"] = ["The email field must be a string."]
        elif len(email) > 255:
            errors["email"] = ["The email field must not be greater than 255 characters."]
        elif not _EMAIL.match(email):
            errors["email"] = ["The email field must be a valid email address."]
    return errors
