"""ChargerActions: sends actions to chargers for the window, one at a time per charger,
writes each to the audit trail, then watches the charger for the effect.

    request → audit row ("pending") → one request, never retried → reply committed to the
    audit row → `replied` (the window shows it) → watch until the effect shows or the
    time-out → outcome committed → `finished`

Several chargers at once (`submit_many`) run with bounded concurrency (inside the
request budget) and end with one summary. The OCPP log and the settings the actions
panel shows are read here too, so views never call the API themselves.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from plugdesk.api.charger_models import OcppLogPage, PlugChargeSetting, PublicChargingSettings
from plugdesk.api.errors import PlugchoiceError
from plugdesk.api.models import Charger, Transaction
from plugdesk.domain.actions import (
    LABELS,
    ActionKind,
    ActionReply,
    ActionRequest,
    Observation,
    Reply,
    WatchState,
    charger_label,
    effect_seen,
    follow_up,
    no_effect,
    permission_problem,
    send_action,
    watch_needs,
    watch_timeout,
)
from plugdesk.domain.errors import Message
from plugdesk.domain.store import ActionEntry, Incident, Store, StoreError
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.history import HistoryWriter, history_writer
from plugdesk.tasks import TaskRunner

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient  # the client loads httpx

log = logging.getLogger(__name__)

ACTION_KIND = "action"  # the Events pane's kind for audit rows
MAX_PARALLEL = 8  # chargers acted on at once in a batch, at most
BATCH_REQUEST_SHARE = 0.2  # at most this share of the remaining budget for a batch's sends
POLL_SECONDS = 5.0
AUDIT_LIMIT = 2000


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ActionOutcome:
    request: ActionRequest
    reply: ActionReply
    outcome: str | None  # None: nothing to watch (not sent, or rejected); English
    effect_seen: bool = False
    outcome_message: Message | None = None  # the same, for the window to translate


@dataclass(frozen=True)
class Preparation:
    """What a confirmation needs: the charger now and its running sessions."""

    charger: Charger | None
    sessions: list[Transaction]
    problem: str | None = None  # could not read them (the action can still be sent)


class ChargerActions(QObject):
    busy_changed = Signal(str, bool)  # charger uuid, an action in flight
    replied = Signal(object, object)  # ActionRequest, ActionReply (already in the audit)
    finished = Signal(object)  # ActionOutcome (outcome already in the audit)
    batch_finished = Signal(str)  # one summary of several chargers
    audit_changed = Signal()

    def __init__(
        self,
        client: PlugchoiceClient,
        store: Store,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        poll_seconds: float = POLL_SECONDS,
        user_name: str = "",
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        history: HistoryWriter | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self.store = store  # read here; written through `history`, off the UI thread
        self.history = history or history_writer(store)
        self._runner = runner
        self._clock = clock
        self.poll_seconds = poll_seconds
        self._sleep = sleep  # between looks at the charger (tests move simulated time)
        self.user_name = user_name
        self._in_flight: set[str] = set()
        self._watching: dict[str, ActionRequest] = {}

    def set_client(self, client: PlugchoiceClient) -> None:
        self._client = client

    # -- state --------------------------------------------------------------------------

    def in_flight(self, uuid: str) -> bool:
        return uuid in self._in_flight

    def watching(self, uuid: str) -> ActionRequest | None:
        return self._watching.get(uuid)

    # -- one charger --------------------------------------------------------------------

    async def prepare(self, uuid: str) -> Preparation:
        """The charger and its running sessions, for the confirmation."""
        try:
            charger = await self._client.get_charger(uuid)
            sessions = await self._client.list_transactions(uuid, status="active", limit=50)
        except PlugchoiceError as error:
            return Preparation(None, [], str(error))
        return Preparation(charger, [tx for tx in sessions if tx.is_active])

    def submit(self, request: ActionRequest, before: Charger | None = None) -> bool:
        """Send in the background; False (and nothing sent) while one is in flight."""
        if self.in_flight(request.charger_uuid):
            return False
        self._mark(request.charger_uuid, True)
        self._runner.start(
            self._perform_marked(request, before), f"action:{request.charger_uuid}", replace=False
        )
        return True

    async def perform(self, request: ActionRequest, before: Charger | None = None) -> ActionOutcome:
        """Send, show the reply, watch; the awaitable form of `submit` (refuses a second
        action on a charger while one is in flight, without sending it)."""
        if self.in_flight(request.charger_uuid):
            reply = ActionReply(Reply.FAILED, Message(
                "Actions",
                QT_TRANSLATE_NOOP("Actions", "{name}: an action is already in flight"),
                {"name": request.charger_name},
            ))  # fmt: skip
            return ActionOutcome(request, reply, None)
        self._mark(request.charger_uuid, True)
        return await self._perform_marked(request, before)

    async def _perform_marked(
        self, request: ActionRequest, before: Charger | None
    ) -> ActionOutcome:
        uuid = request.charger_uuid
        try:
            sent_at = self._clock()
            entry = await self._audit_start(request, before, sent_at)
            if entry is None:
                reply = ActionReply(Reply.FAILED, Message("Actions", QT_TRANSLATE_NOOP(
                    "Actions",
                    "{name}: not sent — the event history could not be "
                    "written, and every action must be recorded first.",
                ), {"name": request.charger_name}))  # fmt: skip
                self.replied.emit(request, reply)
                return ActionOutcome(request, reply, None)
            action_id = entry.id
            reply = await send_action(self._client, request)
            await self._audit(lambda store: store.set_action_reply(action_id, reply.reply,
                                                                   reply.words))  # fmt: skip
            self.replied.emit(request, reply)  # after the commit: the rule of the audit trail
        finally:
            self._mark(uuid, False)
        if reply.reply in (Reply.FORBIDDEN, Reply.FAILED, Reply.REJECTED):
            result = ActionOutcome(request, reply, None)
            ended = self._clock()
            await self._audit(lambda store: store.set_action_outcome(action_id, "—", ended))
        else:
            self._watching[uuid] = request
            try:
                outcome, seen = await self._watch(request, before, sent_at)
            finally:
                self._watching.pop(uuid, None)
            said = follow_up(reply.reply, outcome, seen)
            ended = self._clock()
            await self._audit(lambda store: store.set_action_outcome(action_id, str(said), ended))
            result = ActionOutcome(request, reply, str(said), seen, said)
        self.finished.emit(result)
        return result

    def _mark(self, uuid: str, busy: bool) -> None:
        if busy:
            self._in_flight.add(uuid)
        else:
            self._in_flight.discard(uuid)
        self.busy_changed.emit(uuid, busy)

    # -- the watch ----------------------------------------------------------------------

    async def _watch(
        self, request: ActionRequest, before: Charger | None, sent_at: datetime
    ) -> tuple[Message, bool]:
        deadline = sent_at + watch_timeout(request.kind)
        state = WatchState()
        needs = watch_needs(request.kind)
        while True:
            await self._sleep(self.poll_seconds)
            look = await self._look(request.charger_uuid, needs, sent_at)
            if look is not None:
                settled = effect_seen(request, before, sent_at, look, state)
                if settled is not None:
                    return settled
            now = self._clock()
            if now >= deadline:
                return no_effect(request, state, now - sent_at), False

    async def _look(self, uuid: str, needs: set[str], sent_at: datetime) -> Observation | None:
        client = self._client
        look = Observation(at=self._clock())
        try:
            if "charger" in needs:
                look.charger = await client.get_charger(uuid)
            if "active" in needs:
                active = await client.list_transactions(uuid, status="active", limit=50)
                look.active = [tx for tx in active if tx.is_active]
            if "lock" in needs:
                look.lock = (await client.get_lock(uuid)).enabled
            if "plug" in needs:
                look.plug = await client.get_plug_charge(uuid)
            if "public" in needs:
                look.public = await client.get_public_charging_settings(uuid)
            if "log" in needs:
                since = sent_at - timedelta(minutes=1)
                pages = client.iter_charger_log_pages(
                    uuid, method="SetChargingProfile", date_from=since, limit=25
                )
                async for page in pages:
                    look.log.extend(page.entries)
                    break
        except PlugchoiceError as error:  # a missed look is not an outcome: look again
            log.info("watching %s: %s", uuid, error)
            return None
        return look

    # -- several chargers ---------------------------------------------------------------

    def submit_many(self, kind: ActionKind, chargers: Sequence[Charger]) -> None:
        self._runner.start(self.perform_many(kind, chargers), f"batch:{kind}", replace=False)

    async def perform_many(self, kind: ActionKind, chargers: Sequence[Charger]) -> str:
        """Restart or lock several chargers with bounded concurrency; one summary."""
        limit = asyncio.Semaphore(self.batch_parallel())
        skipped: list[str] = []

        async def one(charger: Charger) -> ActionOutcome:
            request = ActionRequest(kind, charger.uuid, charger_label(charger))
            async with limit:
                return await self.perform(request, charger)

        allowed = []
        for charger in chargers:
            if permission_problem(charger):
                skipped.append(charger_label(charger))
            else:
                allowed.append(charger)
        results = await asyncio.gather(*(one(c) for c in allowed))
        summary = batch_summary(kind, results, skipped)
        self.batch_finished.emit(summary)
        return summary

    def batch_parallel(self) -> int:
        """How many chargers a batch acts on at once: each one in flight is watched with a
        look every `poll_seconds`, and together they may use only a share of the
        requests left this minute (the fleet refresh needs the rest)."""
        looks_per_minute = 60 / max(self.poll_seconds, 1.0)
        room = self._client.budget.remaining() * BATCH_REQUEST_SHARE / looks_per_minute
        return max(1, min(MAX_PARALLEL, int(room)))

    # -- the audit trail ----------------------------------------------------------------

    # Every audit write is committed by the HistoryWriter, off the UI thread, and awaited:
    # the row exists before the request goes out, the reply before it is shown.

    async def _audit_start(
        self, request: ActionRequest, before: Charger | None, sent_at: datetime
    ) -> ActionEntry | None:
        user_name = self.user_name

        def record(store: Store) -> ActionEntry:
            return store.record_action(
                sent_at=sent_at,
                user_name=user_name,
                charger_uuid=request.charger_uuid,
                charger_identity=before.identity if before else request.charger_name,
                charger_reference=before.reference if before else None,
                action=request.kind.value,
                params=request.params_json(),
            )

        try:
            entry = await self.history.run(record)
        except StoreError as error:
            log.error("could not record an action: %s", error)
            return None
        self.audit_changed.emit()
        return entry

    async def _audit(self, write: Callable[[Store], None]) -> None:
        try:
            await self.history.run(write)
        except StoreError as error:
            log.error("could not update the audit trail: %s", error)
        self.audit_changed.emit()

    def list_actions(self, limit: int = AUDIT_LIMIT) -> list[ActionEntry]:
        try:
            return self.store.list_actions(limit=limit)
        except StoreError as error:
            log.error("could not read the audit trail: %s", error)
            return []

    def audit_events(self) -> list[Incident]:
        """The audit rows as Events-pane rows of kind "action" (negative ids, so they
        never collide with incidents)."""
        return [action_event(entry) for entry in self.list_actions()]

    def action_entry(self, event: Incident) -> ActionEntry | None:
        if event.kind != ACTION_KIND:
            return None
        try:
            return self.store.get_action(-event.id)
        except StoreError:
            return None

    # -- reads for the panel and the Log tab ----------------------------------------------

    async def read_settings(
        self, uuid: str
    ) -> tuple[bool | None, PlugChargeSetting | None, PublicChargingSettings | None, list[str]]:
        """Lock, Plug & Charge and public charging as they are now, plus any problems."""
        problems: list[str] = []
        lock = plug = public = None
        try:
            lock = (await self._client.get_lock(uuid)).enabled
        except PlugchoiceError as error:
            problems.append(f"availability: {error}")
        try:
            plug = await self._client.get_plug_charge(uuid)
        except PlugchoiceError as error:
            problems.append(f"Plug & Charge: {error}")
        try:
            public = await self._client.get_public_charging_settings(uuid)
        except PlugchoiceError as error:
            problems.append(f"public charging: {error}")
        return lock, plug, public, problems

    async def recent_id_tags(self, uuid: str, count: int = 50) -> list[str]:
        """The id tags seen in the charger's recent transactions, most recent first."""
        try:
            rows = await self._client.list_transactions(uuid, limit=count)
        except PlugchoiceError:
            return []
        rows.sort(key=lambda tx: tx.started_at or datetime.min.replace(tzinfo=UTC), reverse=True)
        return list(dict.fromkeys(tx.id_tag for tx in rows if tx.id_tag))

    def log_pages(self, uuid: str, **filters: Any) -> AsyncIterator[OcppLogPage]:
        """The charger's OCPP log a page at a time, newest first."""
        return self._client.iter_charger_log_pages(uuid, **filters)


def action_event(entry: ActionEntry) -> Incident:
    """An audit row in the Events pane's shape: code = the action, info = what came of it."""
    words = entry.outcome if entry.outcome and entry.outcome != "—" else entry.reply_text
    words = words or QCoreApplication.translate("Actions", "sending…")
    if entry.user_name:  # the outcome itself is stored in the words of its day (English)
        words = QCoreApplication.translate("Actions", "by {user}: {words}").format(
            user=entry.user_name, words=words
        )
    return Incident(
        id=-entry.id,
        charger_uuid=entry.charger_uuid,
        charger_identity=entry.charger_identity,
        charger_reference=entry.charger_reference,
        kind=ACTION_KIND,
        error_code=LABELS.get(ActionKind(entry.action), entry.action)
        if entry.action in ActionKind.__members__.values()
        else entry.action,
        error_info=words,
        opened_at=entry.sent_at,
        closed_at=entry.finished_at or entry.sent_at,
        notified_open=True,
        notified_close=True,
        first_seen_at=entry.sent_at,
    )


def batch_summary(
    kind: ActionKind, results: Sequence[ActionOutcome], skipped: Sequence[str]
) -> str:
    """One sentence for a batch: counts by reply, who failed, how many took effect."""
    total = len(results) + len(skipped)
    counts: dict[Reply, list[str]] = {}
    for result in results:
        counts.setdefault(result.reply.reply, []).append(result.request.charger_name)
    accepted = len(counts.get(Reply.ACCEPTED, [])) + len(counts.get(Reply.UNKNOWN, []))
    parts = [f"{accepted} accepted"]
    for reply, words in (
        (Reply.REJECTED, "rejected"),
        (Reply.TIMEOUT, "did not answer in time"),
        (Reply.FORBIDDEN, "not allowed (403)"),
        (Reply.FAILED, "not sent"),
    ):
        names = counts.get(reply)
        if names:
            parts.append(f"{len(names)} {words}: {', '.join(names)}")
    if skipped:
        parts.append(f"{len(skipped)} skipped (no permission): {', '.join(skipped)}")
    seen = sum(1 for r in results if r.effect_seen)
    noun = "charger" if total == 1 else "chargers"
    return f"{LABELS[kind]} of {total} {noun}: {'; '.join(parts)}. Took effect on {seen}."
