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
from plugdesk.domain.errors import Message
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

# The same, lower case, inside a sentence ("CP-1: restart — Accepted").
NAMES_IN_TEXT: dict[ActionKind, str] = {
    ActionKind.RESTART: QT_TRANSLATE_NOOP("Actions", "restart"),
    ActionKind.LOCK: QT_TRANSLATE_NOOP("Actions", "make unavailable"),
    ActionKind.UNLOCK: QT_TRANSLATE_NOOP("Actions", "make available"),
    ActionKind.START: QT_TRANSLATE_NOOP("Actions", "start charging"),
    ActionKind.STOP: QT_TRANSLATE_NOOP("Actions", "stop charging"),
    ActionKind.LIMIT: QT_TRANSLATE_NOOP("Actions", "charge limit"),
    ActionKind.CLEAR_LIMIT: QT_TRANSLATE_NOOP("Actions", "clear charge limit"),
    ActionKind.PLUG_CHARGE: QT_TRANSLATE_NOOP("Actions", "plug & charge"),
    ActionKind.PUBLIC_CHARGING: QT_TRANSLATE_NOOP("Actions", "public charging settings"),
}


def _say(template: str, **values: object) -> Message:
    """A sentence about an action: English by `str()`, translated in the window
    (`plugdesk.services.wording.translated`, context "Actions")."""
    return Message("Actions", template, values)


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
    message: Message  # one sentence: English by `str()` (terminal, audit), translated in the window

    @property
    def words(self) -> str:
        """The English sentence (the command line and the audit trail keep it)."""
        return str(self.message)

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
    """One running session in English ("session 7 on connector 1, tag …, since 09:12")."""
    return str(session_words(tx, charger))


def session_words(tx: Transaction, charger: Charger | None) -> Message:
    number = _connector_number(charger, tx.charger_connector_id)
    where = (
        _say(QT_TRANSLATE_NOOP("Actions", "connector {number}"), number=number)
        if number is not None
        else _say(QT_TRANSLATE_NOOP("Actions", "a connector"))
    )
    since = tx.started_at.astimezone().strftime("%H:%M") if tx.started_at else "?"
    energy = f", {tx.total_kwh:.2f} kWh" if tx.total_kwh else ""
    tag = (
        _say(QT_TRANSLATE_NOOP("Actions", ", tag {tag}"), tag=sanitize(tx.id_tag))
        if tx.id_tag
        else ""
    )
    return _say(
        QT_TRANSLATE_NOOP("Actions", "session {id} on {where}{tag}, since {since}{energy}"),
        id=tx.id, where=where, tag=tag, since=since, energy=energy,
    )  # fmt: skip


def _lines(items: Sequence[Message], prefix: str = "") -> Message:
    """Messages one to a line: a template of placeholders only, so each is translated."""
    template = "\n".join(f"{prefix}{{line{i}}}" for i in range(len(items)))
    return Message("Actions", template, {f"line{i}": item for i, item in enumerate(items)})


def confirmation(
    request: ActionRequest,
    sessions: Sequence[Transaction] = (),
    charger: Charger | None = None,
) -> str:
    """The question put to the user, in English (the command line)."""
    return str(confirmation_words(request, sessions, charger))


def confirmation_words(
    request: ActionRequest,
    sessions: Sequence[Transaction] = (),
    charger: Charger | None = None,
) -> Message:
    """The question put to the user: names the charger and the effect; a restart lists
    the charging sessions it will interrupt."""
    name, kind = request.charger_name, request.kind
    if kind is ActionKind.RESTART:
        return _restart_question(name, sessions, charger)
    if kind is ActionKind.LOCK:
        return _say(QT_TRANSLATE_NOOP(
            "Actions",
            "Make {name} unavailable? No new charging session can start on it until it "
            "is made available again; a session already running goes on to its end.",
        ), name=name)  # fmt: skip
    if kind is ActionKind.UNLOCK:
        return _say(QT_TRANSLATE_NOOP(
            "Actions", "Make {name} available again? Drivers can then start charging on it."
        ), name=name)  # fmt: skip
    if kind is ActionKind.START:
        where = (
            _say(QT_TRANSLATE_NOOP("Actions", "connector {number}"), number=request.connector_id)
            if request.connector_id
            else _say(QT_TRANSLATE_NOOP("Actions", "a free connector"))
        )
        return _say(
            QT_TRANSLATE_NOOP("Actions", "Start charging on {name}, {where}, for id tag {tag}?"),
            name=name, where=where, tag=sanitize(request.id_tag),
        )  # fmt: skip
    if kind is ActionKind.STOP:
        active = [tx for tx in sessions if tx.id == request.transaction_id] or list(sessions)
        what = (
            session_words(active[0], charger)
            if active
            else _say(QT_TRANSLATE_NOOP("Actions", "its active session"))
        )
        return _say(QT_TRANSLATE_NOOP("Actions", "Stop charging on {name}: {what}?"),
                    name=name, what=what)  # fmt: skip
    if kind in (ActionKind.LIMIT, ActionKind.CLEAR_LIMIT):
        where, amps = _limit_scope(request.connector_id), f"{request.amps:g}"
        if kind is ActionKind.CLEAR_LIMIT:
            return _say(QT_TRANSLATE_NOOP(
                "Actions", "Lift the charge limit of {name} ({where}) back to {amps} A?"
            ), name=name, where=where, amps=amps)  # fmt: skip
        return _say(QT_TRANSLATE_NOOP("Actions", "Limit {name} ({where}) to {amps} A?"),
                    name=name, where=where, amps=amps)  # fmt: skip
    if kind is ActionKind.PLUG_CHARGE:
        if request.enabled:
            return _say(QT_TRANSLATE_NOOP(
                "Actions", "Turn Plug & Charge on for {name}, billed to card {card}?"
            ), name=name, card=request.card_uid)  # fmt: skip
        return _say(QT_TRANSLATE_NOOP("Actions", "Turn Plug & Charge off for {name}?"),
                    name=name)  # fmt: skip
    if request.enabled:
        return _say(QT_TRANSLATE_NOOP(
            "Actions",
            "Turn public charging on for {name} at {price} with a start fee of {fee}, "
            "billing plan {plan}?",
        ), name=name, price=format_price_per_kwh(request.price_per_kwh, request.currency),
            fee=format_money(request.start_fee, request.currency),
            plan=request.billing_plan)  # fmt: skip
    return _say(QT_TRANSLATE_NOOP(
        "Actions", "Turn public charging off for {name}? Drivers can no longer pay by card there."
    ), name=name)  # fmt: skip


def _restart_question(
    name: str, sessions: Sequence[Transaction], charger: Charger | None
) -> Message:
    question = _say(QT_TRANSLATE_NOOP(
        "Actions", "Restart {name}? It goes offline for about a minute while it reboots."
    ), name=name)  # fmt: skip
    if not sessions:
        return _say(QT_TRANSLATE_NOOP(
            "Actions", "{question}\nNo charging session is running on it."
        ), question=question)  # fmt: skip
    lines = _lines([session_words(tx, charger) for tx in sessions], "  • ")
    # One or more: the two forms nl, de and fr have too (lupdate marks no plural in a
    # QT_TRANSLATE_NOOP, so the domain picks the form).
    if len(sessions) == 1:
        return _say(QT_TRANSLATE_NOOP(
            "Actions", "{question}\nThis will interrupt the charging session:\n{lines}"
        ), question=question, lines=lines)  # fmt: skip
    return _say(QT_TRANSLATE_NOOP(
        "Actions", "{question}\nThis will interrupt the charging {count} sessions:\n{lines}"
    ), question=question, count=len(sessions), lines=lines)  # fmt: skip


def _limit_scope(connector_id: int | None) -> Message:
    if not connector_id:
        return _say(QT_TRANSLATE_NOOP("Actions", "whole charger"))
    return _say(QT_TRANSLATE_NOOP("Actions", "connector {number}"), number=connector_id)


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
    try:
        result = await _call(client, request)
    except ChargerTimeoutError:
        return _reply(request, Reply.TIMEOUT, QT_TRANSLATE_NOOP(
            "Actions", "{head} — the charger did not answer in time — it may still happen"
        ))  # fmt: skip
    except ForbiddenError:
        return _reply(request, Reply.FORBIDDEN, QT_TRANSLATE_NOOP(
            "Actions",
            "{head} — not allowed (403): your access to this charger does not include "
            "actions. Ask the charger's owner for full permission.",
        ))  # fmt: skip
    except AuthError:
        return _reply(request, Reply.FAILED, QT_TRANSLATE_NOOP(
            "Actions", "{head} — not sent: the API token was refused; sign in again."
        ))  # fmt: skip
    except NotFoundError:
        return _reply(request, Reply.FAILED, QT_TRANSLATE_NOOP(
            "Actions", "{head} — not sent: the API does not know this charger (404)."
        ))  # fmt: skip
    except (PlugchoiceError, ValueError) as error:  # ValueError: the client's own checks
        return _reply(request, Reply.FAILED, QT_TRANSLATE_NOOP(
            "Actions", "{head} — not sent: {problem}"
        ), problem=sanitize(error))  # fmt: skip
    if result is None or result.accepted:
        return _reply(request, Reply.ACCEPTED, QT_TRANSLATE_NOOP("Actions", "{head} — Accepted"))
    if result.rejected:
        return _reply(request, Reply.REJECTED, QT_TRANSLATE_NOOP(
            "Actions", "{head} — Rejected by the charger"
        ))  # fmt: skip
    return _reply(request, Reply.UNKNOWN, QT_TRANSLATE_NOOP(
        "Actions", "{head} — sent; the API did not say whether the charger accepted"
    ))  # fmt: skip


def _reply(request: ActionRequest, reply: Reply, template: str, **values: object) -> ActionReply:
    """The reply in words, headed by the charger and the action ("CP-1: restart — …")."""
    action = Message("Actions", NAMES_IN_TEXT[request.kind])
    head = _say(QT_TRANSLATE_NOOP("Actions", "{name}: {action}"),
                name=request.charger_name, action=action)  # fmt: skip
    return ActionReply(reply, _say(template, head=head, **values))


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
) -> tuple[Message, bool] | None:
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
) -> Message | None:
    name, kind, charger = request.charger_name, request.kind, look.charger
    if kind is ActionKind.RESTART:
        return _restarted(name, before, sent_at, charger, state)
    if kind in (ActionKind.LOCK, ActionKind.UNLOCK):
        return _lock_seen(request, look)
    if kind is ActionKind.START:
        started = [tx for tx in look.active or [] if _started_by(tx, request, sent_at)]
        if started:
            return _say(QT_TRANSLATE_NOOP("Actions", "{name}: charging started — {session}"),
                        name=name, session=session_words(started[0], charger))  # fmt: skip
        return None
    if kind is ActionKind.STOP:
        return _stop_seen(request, look)
    if kind is ActionKind.PLUG_CHARGE:
        return _plug_seen(request, look)
    return _public_seen(request, look)


def _lock_seen(request: ActionRequest, look: Observation) -> Message | None:
    wanted = request.kind is ActionKind.LOCK
    if look.lock is not wanted:
        return None
    status = look.charger.status if look.charger is not None else None
    shown = (
        _say(QT_TRANSLATE_NOOP("Actions", " (OCPP status {status})"), status=sanitize(status))
        if status
        else ""
    )
    if wanted:
        template = QT_TRANSLATE_NOOP("Actions", "{name} is now unavailable{status}")
    else:
        template = QT_TRANSLATE_NOOP("Actions", "{name} is now available again{status}")
    return _say(template, name=request.charger_name, status=shown)


def _stop_seen(request: ActionRequest, look: Observation) -> Message | None:
    if look.active is None:
        return None
    tx_id = request.transaction_id
    if [tx for tx in look.active if tx_id is None or tx.id == tx_id]:
        return None  # still running
    if tx_id is None:
        return _say(QT_TRANSLATE_NOOP(
            "Actions", "{name}: charging stopped (the session has ended)"
        ), name=request.charger_name)  # fmt: skip
    return _say(QT_TRANSLATE_NOOP(
        "Actions", "{name}: charging stopped (session {id} has ended)"
    ), name=request.charger_name, id=tx_id)  # fmt: skip


def _plug_seen(request: ActionRequest, look: Observation) -> Message | None:
    plug = look.plug
    if plug is None or plug.enabled is not bool(request.enabled):
        return None
    if request.enabled and plug.current_card != request.card_uid:
        return None
    card = (
        _say(QT_TRANSLATE_NOOP("Actions", ", card {card}"), card=sanitize(plug.current_card))
        if plug.current_card
        else ""
    )
    if plug.enabled:
        template = QT_TRANSLATE_NOOP("Actions", "{name}: Plug & Charge is now on{card}")
    else:
        template = QT_TRANSLATE_NOOP("Actions", "{name}: Plug & Charge is now off{card}")
    return _say(template, name=request.charger_name, card=card)


def _public_seen(request: ActionRequest, look: Observation) -> Message | None:
    public, name = look.public, request.charger_name
    if public is None or public.enabled is not bool(request.enabled):
        return None
    if not request.enabled:
        return _say(QT_TRANSLATE_NOOP("Actions", "{name}: public charging is off"), name=name)
    if (public.price_per_kwh, public.start_fee) != (request.price_per_kwh, request.start_fee):
        return None
    code = (
        _say(QT_TRANSLATE_NOOP("Actions", ", code {code}"), code=sanitize(public.public_code))
        if public.public_code
        else ""
    )
    return _say(QT_TRANSLATE_NOOP(
        "Actions", "{name}: public charging is on at the new prices{code}"
    ), name=name, code=code)  # fmt: skip


def _restarted(
    name: str, before: Charger | None, sent_at: datetime, now: Charger | None, state: WatchState
) -> Message | None:
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
    was_faulted = before is not None and (before.has_error or before.status == "Faulted")
    if now.has_error or now.status == "Faulted":
        return _say(QT_TRANSLATE_NOOP(
            "Actions",
            "{name} restarted: back online after {seconds} s, "
            "still faulted after the restart ({code})",
        ), name=name, seconds=seconds,
            code=sanitize(now.error) if now.error else "Faulted")  # fmt: skip
    if was_faulted:
        return _say(QT_TRANSLATE_NOOP(
            "Actions", "{name} restarted: back online after {seconds} s, fault cleared"
        ), name=name, seconds=seconds)  # fmt: skip
    return _say(QT_TRANSLATE_NOOP("Actions", "{name} restarted: back online after {seconds} s"),
                name=name, seconds=seconds)  # fmt: skip


def _started_by(tx: Transaction, request: ActionRequest, sent_at: datetime) -> bool:
    if tx.started_at is None or tx.started_at < sent_at - CLOCK_SLACK:
        return False
    return request.id_tag is None or tx.id_tag == request.id_tag


def _limit_seen(
    request: ActionRequest, sent_at: datetime, log: Sequence[OcppLog]
) -> tuple[Message, bool] | None:
    name, where = request.charger_name, _limit_scope(request.connector_id)
    for entry in log:
        if entry.method != "SetChargingProfile" or entry.created_at is None:
            continue
        if entry.created_at < sent_at - CLOCK_SLACK:
            continue
        if entry.status == "failed":
            return _say(QT_TRANSLATE_NOOP(
                "Actions", "{name}: the charger never got the limit ({where})"
            ), name=name, where=where), False  # fmt: skip
        answer = entry.result.get("status") if isinstance(entry.result, dict) else None
        if entry.status == "done" and answer == "Accepted":
            return _say(QT_TRANSLATE_NOOP(
                "Actions", "{name}: limit of {amps} A in effect ({where})"
            ), name=name, amps=f"{request.amps:g}", where=where), True  # fmt: skip
        if entry.status == "done":
            return _say(QT_TRANSLATE_NOOP(
                "Actions", "{name}: the charger refused the limit ({where})"
            ), name=name, where=where), False  # fmt: skip
    return None


def no_effect(request: ActionRequest, state: WatchState, waited: timedelta) -> Message:
    """The outcome in words when the watch timed out without seeing the effect."""
    name, kind = request.charger_name, request.kind
    minutes = max(1, round(waited.total_seconds() / 60))
    charger = state.last.charger if state.last is not None else None
    if kind is ActionKind.RESTART:
        if state.seen_offline:
            return _say(QT_TRANSLATE_NOOP(
                "Actions",
                "{name} went offline for the restart and was not back within {minutes} min",
            ), name=name, minutes=minutes)  # fmt: skip
        if charger is not None and (charger.has_error or charger.status == "Faulted"):
            return _say(QT_TRANSLATE_NOOP(
                "Actions", "{name} did not restart within {minutes} min, still faulted"
            ), name=name, minutes=minutes)  # fmt: skip
        return _say(QT_TRANSLATE_NOOP("Actions", "{name} did not restart within {minutes} min"),
                    name=name, minutes=minutes)  # fmt: skip
    if kind in (ActionKind.LOCK, ActionKind.UNLOCK):
        status = sanitize(charger.status) if charger is not None and charger.status else "?"
        return _say(QT_TRANSLATE_NOOP(
            "Actions", "{name} did not change within {minutes} min (OCPP status {status})"
        ), name=name, minutes=minutes, status=status)  # fmt: skip
    if kind is ActionKind.START:
        template = QT_TRANSLATE_NOOP(
            "Actions", "{name}: no charging session started within {minutes} min"
        )
    elif kind is ActionKind.STOP:
        template = QT_TRANSLATE_NOOP(
            "Actions", "{name}: the session was still running after {minutes} min"
        )
    elif kind in (ActionKind.LIMIT, ActionKind.CLEAR_LIMIT):
        template = QT_TRANSLATE_NOOP(
            "Actions", "{name}: no sign that the charger received the limit within {minutes} min"
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Actions", "{name}: the setting did not change within {minutes} min"
        )
    return _say(template, name=name, minutes=minutes)


def follow_up(reply: Reply, outcome: Message, seen: bool) -> Message:
    """After a 504 the follow-up says whether it happened after all."""
    if reply is not Reply.TIMEOUT:
        return outcome
    if seen:
        return _say(
            QT_TRANSLATE_NOOP("Actions", "It happened after all: {outcome}"), outcome=outcome
        )
    return _say(QT_TRANSLATE_NOOP("Actions", "It did not happen: {outcome}"), outcome=outcome)
