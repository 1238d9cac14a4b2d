"""Actions on a charger (restart, availability, remote start/stop, charge limit, settings):
what each one sends, how it is confirmed, the reply in words, and how its effect is judged.

No Qt here: the window's `ChargerActions` service and `plugdesk restart|lock|...` on the
command line share these steps. Every action is sent exactly once and never retried (the
client refuses to retry writes); a 504 means "it may still happen", so the effect is then
watched for rather than assumed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from plugdesk.api.charger_models import (
    ActionResult,
    OcppLog,
    PlugChargeSetting,
    PublicChargingSettings,
)
from plugdesk.api.errors import (
    AuthError,
    ChargerTimeoutError,
    ForbiddenError,
    NotFoundError,
    PlugchoiceError,
)
from plugdesk.api.models import Charger, Transaction
from plugdesk.domain.money import format_money, format_price_per_kwh
from plugdesk.marks import QT_TRANSLATE_NOOP


class ActionKind(StrEnum):
    RESTART = "restart"
    LOCK = "lock"  # make Unavailable (POST settings/lock {enabled: true})
    UNLOCK = "unlock"
    START = "start"
    STOP = "stop"
    LIMIT = "limit"
    CLEAR_LIMIT = "clear_limit"  # the limit lifted back to the charger's maximum
    PLUG_CHARGE = "plug_charge"
    PUBLIC_CHARGING = "public_charging"


LABELS: dict[ActionKind, str] = {  # English; the window shows them translated ("Actions")
    ActionKind.RESTART: QT_TRANSLATE_NOOP("Actions", "Restart"),
    ActionKind.LOCK: QT_TRANSLATE_NOOP("Actions", "Make unavailable"),
    ActionKind.UNLOCK: QT_TRANSLATE_NOOP("Actions", "Make available"),
    ActionKind.START: QT_TRANSLATE_NOOP("Actions", "Start charging"),
    ActionKind.STOP: QT_TRANSLATE_NOOP("Actions", "Stop charging"),
    ActionKind.LIMIT: QT_TRANSLATE_NOOP("Actions", "Charge limit"),
    ActionKind.CLEAR_LIMIT: QT_TRANSLATE_NOOP("Actions", "Clear charge limit"),
    ActionKind.PLUG_CHARGE: QT_TRANSLATE_NOOP("Actions", "Plug & Charge"),
    ActionKind.PUBLIC_CHARGING: QT_TRANSLATE_NOOP("Actions", "Public charging settings"),
}

# How long the effect is watched for after the reply (a reboot takes 20-60 s, more on
# a slow mobile link).
WATCH_TIMEOUT: dict[ActionKind, timedelta] = {ActionKind.RESTART: timedelta(minutes=3)}
DEFAULT_WATCH_TIMEOUT = timedelta(minutes=1)
# Charger timestamps and our clock may disagree by a little: an effect stamped this much
# before the send still counts as caused by it.
CLOCK_SLACK = timedelta(seconds=5)


class Reply(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNKNOWN = "unknown"  # sent, but the API did not say (`{}`)
    TIMEOUT = "timeout"  # 504: it may still happen
    FORBIDDEN = "forbidden"  # 403
    FAILED = "failed"  # could not be sent: auth, network, unknown charger, bad value


# The command line's exit codes (0 accepted, 1 rejected, 2 no answer in time, 3 not sent).
EXIT_CODES: dict[Reply, int] = {
    Reply.ACCEPTED: 0,
    Reply.UNKNOWN: 0,
    Reply.REJECTED: 1,
    Reply.TIMEOUT: 2,
    Reply.FORBIDDEN: 3,
    Reply.FAILED: 3,
}

# Control characters and the bidi overrides/isolates that can make charger-sent text
# print as something else on a terminal or in a label.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")


def sanitize(text: object, *, keep_newlines: bool = False) -> str:
    """Charger-sent text (error info, names, log params) made safe to print or show:
    control and bidi characters removed (newlines and tabs too unless `keep_newlines`)."""
    shown = _UNSAFE.sub("", str(text))
    shown = "".join(
        c for c in shown if unicodedata.category(c) != "Cf" or c in "\u200d"
    )  # other invisible format characters (keeps the emoji joiner)
    if not keep_newlines:
        shown = shown.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return shown


def charger_label(charger: Charger) -> str:
    """What the user knows the charger by: its identity (printed on it), else the UUID."""
    return sanitize(charger.identity or charger.reference or charger.uuid)


@dataclass(frozen=True)
class ActionRequest:
    """One action for one charger, with only the parameters it uses."""

    kind: ActionKind
    charger_uuid: str
    charger_name: str
    connector_id: int | None = None  # start, limit (0 = whole charger)
    id_tag: str | None = None  # start
    transaction_id: int | None = None  # stop
    amps: float | None = None  # limit
    enabled: bool | None = None  # plug & charge, public charging
    card_uid: str | None = None  # plug & charge
    price_per_kwh: int | None = None  # public charging, minor units
    start_fee: int | None = None
    billing_plan: str | None = None
    currency: str | None = None  # shown in the confirmation; the API knows it already

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    def params(self) -> dict[str, Any]:
        """What was sent, for the audit trail (no None values)."""
        skip = {"kind", "charger_uuid", "charger_name", "currency"}
        return {k: v for k, v in asdict(self).items() if k not in skip and v is not None}

    def params_json(self) -> str:
        return json.dumps(self.params(), sort_keys=True)

    def describe_params(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.params().items())


@dataclass(frozen=True)
class ActionReply:
    reply: Reply
    words: str  # one sentence for the window or the terminal

    @property
    def sent(self) -> bool:
        """It reached the API (so the charger may act on it)."""
        return self.reply not in (Reply.FORBIDDEN, Reply.FAILED)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.reply]


# -- permissions and confirmations ----------------------------------------------------------


NO_PERMISSION = QT_TRANSLATE_NOOP(  # the window shows it translated (context "Actions")
    "Actions",
    "Your access to {charger} does not include actions (it needs full permission). "
    "Ask the charger's owner for access.",
)


def permission_problem(charger: Charger) -> str | None:
    """Why this token may not act on the charger, or None. Absent permissions are
    unknown, not a no: the API then answers 403 if it must, and that is explained."""
    if charger.permissions is not None and charger.permissions.full is False:
        return NO_PERMISSION.format(charger=charger_label(charger))
    return None


def _connector_number(charger: Charger | None, connector_db_id: int | None) -> int | None:
    for connector in (charger.connectors if charger else None) or []:
        if connector.id is not None and connector.id == connector_db_id:
            return connector.connector_id
    return None


def describe_session(tx: Transaction, charger: Charger | None) -> str:
    number = _connector_number(charger, tx.charger_connector_id)
    where = f"connector {number}" if number is not None else "a connector"
    since = tx.started_at.astimezone().strftime("%H:%M") if tx.started_at else "?"
    energy = f", {tx.total_kwh:.2f} kWh" if tx.total_kwh else ""
    tag = f", tag {sanitize(tx.id_tag)}" if tx.id_tag else ""
    return f"session {tx.id} on {where}{tag}, since {since}{energy}"


def confirmation(
    request: ActionRequest,
    sessions: Sequence[Transaction] = (),
    charger: Charger | None = None,
) -> str:
    """The question put to the user: names the charger and the effect; a restart lists
    the charging sessions it will interrupt."""
    name, kind = request.charger_name, request.kind
    if kind is ActionKind.RESTART:
        text = f"Restart {name}? It goes offline for about a minute while it reboots."
        if sessions:
            lines = "\n".join(f"  • {describe_session(tx, charger)}" for tx in sessions)
            count = "session" if len(sessions) == 1 else f"{len(sessions)} sessions"
            return f"{text}\nThis will interrupt the charging {count}:\n{lines}"
        return f"{text}\nNo charging session is running on it."
    if kind is ActionKind.LOCK:
        return (
            f"Make {name} unavailable? No new charging session can start on it until it "
            "is made available again; a session already running goes on to its end."
        )
    if kind is ActionKind.UNLOCK:
        return f"Make {name} available again? Drivers can then start charging on it."
    if kind is ActionKind.START:
        where = f"connector {request.connector_id}" if request.connector_id else "a free connector"
        return f"Start charging on {name}, {where}, for id tag {sanitize(request.id_tag)}?"
    if kind is ActionKind.STOP:
        active = [tx for tx in sessions if tx.id == request.transaction_id] or list(sessions)
        what = describe_session(active[0], charger) if active else "its active session"
        return f"Stop charging on {name}: {what}?"
    if kind in (ActionKind.LIMIT, ActionKind.CLEAR_LIMIT):
        where = _limit_scope(request.connector_id)
        if kind is ActionKind.CLEAR_LIMIT:
            return f"Lift the charge limit of {name} ({where}) back to {request.amps:g} A?"
        return f"Limit {name} ({where}) to {request.amps:g} A?"
    if kind is ActionKind.PLUG_CHARGE:
        if request.enabled:
            return f"Turn Plug & Charge on for {name}, billed to card {request.card_uid}?"
        return f"Turn Plug & Charge off for {name}?"
    if request.enabled:
        price = format_price_per_kwh(request.price_per_kwh, request.currency)
        fee = format_money(request.start_fee, request.currency)
        return (
            f"Turn public charging on for {name} at {price} with a start fee of {fee}, "
            f"billing plan {request.billing_plan}?"
        )
    return f"Turn public charging off for {name}? Drivers can no longer pay by card there."


def _limit_scope(connector_id: int | None) -> str:
    return "whole charger" if not connector_id else f"connector {connector_id}"


# -- sending once ---------------------------------------------------------------------------


class ActionClient(Protocol):
    """The part of `PlugchoiceClient` the actions use."""

    async def restart_charger(self, uuid: str) -> ActionResult: ...
    async def start_charging(
        self, uuid: str, id_token: str, connector_id: int | None = None
    ) -> ActionResult: ...
    async def stop_charging(self, uuid: str, transaction_id: int | None = None) -> ActionResult: ...
    async def set_charge_limit(
        self, uuid: str, connector_id: int, limit: float, stack_level: int = 1
    ) -> ActionResult: ...
    async def set_lock(self, uuid: str, enabled: bool) -> None: ...
    async def set_plug_charge(
        self, uuid: str, enabled: bool, card_uid: str | None = None
    ) -> None: ...
    async def set_public_charging_settings(
        self, uuid: str, *, enabled: bool, price_per_kwh: int, start_fee: int, billing_plan: str
    ) -> None: ...


async def _call(client: ActionClient, request: ActionRequest) -> ActionResult | None:
    uuid, kind = request.charger_uuid, request.kind
    if kind is ActionKind.RESTART:
        return await client.restart_charger(uuid)
    if kind is ActionKind.START:
        return await client.start_charging(uuid, request.id_tag or "", request.connector_id)
    if kind is ActionKind.STOP:
        return await client.stop_charging(uuid, request.transaction_id)
    if kind in (ActionKind.LIMIT, ActionKind.CLEAR_LIMIT):
        return await client.set_charge_limit(uuid, request.connector_id or 0, request.amps or 0)
    if kind in (ActionKind.LOCK, ActionKind.UNLOCK):
        await client.set_lock(uuid, kind is ActionKind.LOCK)
    elif kind is ActionKind.PLUG_CHARGE:
        await client.set_plug_charge(uuid, bool(request.enabled), request.card_uid)
    else:
        await client.set_public_charging_settings(
            uuid,
            enabled=bool(request.enabled),
            price_per_kwh=request.price_per_kwh or 0,
            start_fee=request.start_fee or 0,
            billing_plan=request.billing_plan or "transaction",
        )
    return None  # settings writes answer 204: taken


async def send_action(client: ActionClient, request: ActionRequest) -> ActionReply:
    """Send the action once and put the answer in words. Never raises for an API failure."""
    head = f"{request.charger_name}: {request.label.lower()}"
    try:
        result = await _call(client, request)
    except ChargerTimeoutError:
        return ActionReply(
            Reply.TIMEOUT, f"{head} — the charger did not answer in time — it may still happen"
        )
    except ForbiddenError:
        return ActionReply(
            Reply.FORBIDDEN,
            f"{head} — not allowed (403): your access to this charger does not include "
            "actions. Ask the charger's owner for full permission.",
        )
    except AuthError:
        return ActionReply(
            Reply.FAILED, f"{head} — not sent: the API token was refused; sign in again."
        )
    except NotFoundError:
        return ActionReply(
            Reply.FAILED, f"{head} — not sent: the API does not know this charger (404)."
        )
    except PlugchoiceError as error:
        return ActionReply(Reply.FAILED, f"{head} — not sent: {sanitize(error)}")
    except ValueError as error:  # the client's checks, before anything was sent
        return ActionReply(Reply.FAILED, f"{head} — not sent: {sanitize(error)}")
    if result is None or result.accepted:
        return ActionReply(Reply.ACCEPTED, f"{head} — Accepted")
    if result.rejected:
        return ActionReply(Reply.REJECTED, f"{head} — Rejected by the charger")
    return ActionReply(
        Reply.UNKNOWN, f"{head} — sent; the API did not say whether the charger accepted"
    )


# -- watching for the effect ----------------------------------------------------------------


@dataclass
class Observation:
    """What one look at the charger found (only the parts the action's watch reads)."""

    at: datetime
    charger: Charger | None = None
    active: list[Transaction] | None = None
    lock: bool | None = None
    plug: PlugChargeSetting | None = None
    public: PublicChargingSettings | None = None
    log: list[OcppLog] = field(default_factory=list)


@dataclass
class WatchState:
    """Carried from one look to the next (a restart is seen offline, then back)."""

    seen_offline: bool = False
    last: Observation | None = None


def watch_needs(kind: ActionKind) -> set[str]:
    """Which reads a look at the charger makes for this action."""
    if kind is ActionKind.RESTART:
        return {"charger"}
    if kind in (ActionKind.LOCK, ActionKind.UNLOCK):
        return {"charger", "lock"}
    if kind in (ActionKind.START, ActionKind.STOP):
        return {"charger", "active"}
    if kind in (ActionKind.LIMIT, ActionKind.CLEAR_LIMIT):
        return {"log"}
    if kind is ActionKind.PLUG_CHARGE:
        return {"plug"}
    return {"public"}


def watch_timeout(kind: ActionKind) -> timedelta:
    return WATCH_TIMEOUT.get(kind, DEFAULT_WATCH_TIMEOUT)


def effect_seen(
    request: ActionRequest,
    before: Charger | None,
    sent_at: datetime,
    look: Observation,
    state: WatchState,
) -> tuple[str, bool] | None:
    """Once the look settles it: the outcome in words and whether the action happened
    (a charger can also say it never took it); None: look again."""
    state.last = look
    if request.kind in (ActionKind.LIMIT, ActionKind.CLEAR_LIMIT):
        return _limit_seen(request, sent_at, look.log)
    text = _effect_text(request, before, sent_at, look, state)
    return None if text is None else (text, True)


def _effect_text(
    request: ActionRequest,
    before: Charger | None,
    sent_at: datetime,
    look: Observation,
    state: WatchState,
) -> str | None:
    name, kind, charger = request.charger_name, request.kind, look.charger
    if kind is ActionKind.RESTART:
        return _restarted(name, before, sent_at, charger, state)
    if kind in (ActionKind.LOCK, ActionKind.UNLOCK):
        wanted = kind is ActionKind.LOCK
        if look.lock is not wanted:
            return None
        status = charger.status if charger is not None else None
        now = "unavailable" if wanted else "available again"
        shown = f" (OCPP status {sanitize(status)})" if status else ""
        return f"{name} is now {now}{shown}"
    if kind is ActionKind.START:
        started = [tx for tx in look.active or [] if _started_by(tx, request, sent_at)]
        if started:
            return f"{name}: charging started — {describe_session(started[0], charger)}"
        return None
    if kind is ActionKind.STOP:
        if look.active is None:
            return None
        tx_id = request.transaction_id
        still = [tx for tx in look.active if tx_id is None or tx.id == tx_id]
        if still:
            return None
        which = f"session {tx_id}" if tx_id is not None else "the session"
        return f"{name}: charging stopped ({which} has ended)"
    if kind is ActionKind.PLUG_CHARGE:
        plug = look.plug
        if plug is None or plug.enabled is not bool(request.enabled):
            return None
        if request.enabled and plug.current_card != request.card_uid:
            return None
        card = f", card {sanitize(plug.current_card)}" if plug.current_card else ""
        return f"{name}: Plug & Charge is now {'on' if plug.enabled else 'off'}{card}"
    public = look.public
    if public is None or public.enabled is not bool(request.enabled):
        return None
    if request.enabled:
        if (public.price_per_kwh, public.start_fee) != (request.price_per_kwh, request.start_fee):
            return None
        code = f", code {sanitize(public.public_code)}" if public.public_code else ""
        return f"{name}: public charging is on at the new prices{code}"
    return f"{name}: public charging is off"


def _restarted(
    name: str, before: Charger | None, sent_at: datetime, now: Charger | None, state: WatchState
) -> str | None:
    if now is None:
        return None
    if not now.is_online:
        state.seen_offline = True
        return None
    back = now.last_connection_at
    if back is None or back < sent_at - CLOCK_SLACK:
        return None  # not gone down yet
    if before is not None and before.last_connection_at == back and not state.seen_offline:
        return None
    seconds = max(0, round((back - sent_at).total_seconds()))
    text = f"{name} restarted: back online after {seconds} s"
    was_faulted = before is not None and (before.has_error or before.status == "Faulted")
    faulted = now.has_error or now.status == "Faulted"
    if faulted:
        code = sanitize(now.error) if now.error else "Faulted"
        return f"{text}, still faulted after the restart ({code})"
    return f"{text}, fault cleared" if was_faulted else text


def _started_by(tx: Transaction, request: ActionRequest, sent_at: datetime) -> bool:
    if tx.started_at is None or tx.started_at < sent_at - CLOCK_SLACK:
        return False
    return request.id_tag is None or tx.id_tag == request.id_tag


def _limit_seen(
    request: ActionRequest, sent_at: datetime, log: Sequence[OcppLog]
) -> tuple[str, bool] | None:
    for entry in log:
        if entry.method != "SetChargingProfile" or entry.created_at is None:
            continue
        if entry.created_at < sent_at - CLOCK_SLACK:
            continue
        where = _limit_scope(request.connector_id)
        if entry.status == "failed":
            return f"{request.charger_name}: the charger never got the limit ({where})", False
        answer = entry.result.get("status") if isinstance(entry.result, dict) else None
        if entry.status == "done" and answer == "Accepted":
            return f"{request.charger_name}: limit of {request.amps:g} A in effect ({where})", True
        if entry.status == "done":
            return f"{request.charger_name}: the charger refused the limit ({where})", False
    return None


def no_effect(request: ActionRequest, state: WatchState, waited: timedelta) -> str:
    """The outcome in words when the watch timed out without seeing the effect."""
    name, kind = request.charger_name, request.kind
    minutes = max(1, round(waited.total_seconds() / 60))
    within = f"within {minutes} min"
    charger = state.last.charger if state.last is not None else None
    if kind is ActionKind.RESTART:
        if state.seen_offline:
            return f"{name} went offline for the restart and was not back {within}"
        faulted = charger is not None and (charger.has_error or charger.status == "Faulted")
        still = ", still faulted" if faulted else ""
        return f"{name} did not restart {within}{still}"
    if kind in (ActionKind.LOCK, ActionKind.UNLOCK):
        status = sanitize(charger.status) if charger is not None and charger.status else "?"
        return f"{name} did not change {within} (OCPP status {status})"
    if kind is ActionKind.START:
        return f"{name}: no charging session started {within}"
    if kind is ActionKind.STOP:
        return f"{name}: the session was still running after {minutes} min"
    if kind in (ActionKind.LIMIT, ActionKind.CLEAR_LIMIT):
        return f"{name}: no sign that the charger received the limit {within}"
    return f"{name}: the setting did not change {within}"


def follow_up(reply: Reply, outcome: str, seen: bool) -> str:
    """After a 504 the follow-up says whether it happened after all."""
    if reply is Reply.TIMEOUT:
        return (f"It happened after all: {outcome}" if seen
                else f"It did not happen: {outcome}")  # fmt: skip
    return outcome
