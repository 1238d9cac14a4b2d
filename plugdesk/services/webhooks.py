"""Webhooks: one JSON POST per alert (an incident opening or resolving), for chat channels
and incident tools, from `plugdesk watch`.

Once-only, like the desktop notification: the alert is already committed to the history
when it arrives; `enqueue` writes one outbox row per webhook (same transaction for all)
before anything is sent, and the alert is marked as delivered only after that. A restart
sends what the outbox still holds; an alert offered again after a restart (committed, then
the watch died before queueing it) finds its rows already there (`UNIQUE (target, key)`).
A crash between a receiver's 2xx and the row being marked could send that one POST again:
every body carries `id`, the same for every attempt, for receivers that deduplicate.

Retries are for the webhook's own failures (no answer, 5xx, 429, other non-2xx): back-off
doubling from `retry_base` up to `retry_max` per webhook, in order, one POST at a time; a
webhook that keeps failing does not hold up the others. Nothing here talks to the API.

Formats: `json` (the generic body below), `slack` (`{"text": ...}`, which Slack, Mattermost
and Rocket.Chat incoming webhooks take) and `teams` (a MessageCard). Bodies hold only what
the history holds (names, kinds, times, words of the alert): never the API token.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from plugdesk.api.client import check_webhook_url
from plugdesk.api.errors import InsecureURLError
from plugdesk.domain.incidents import Alert
from plugdesk.domain.store import Incident, Store, StoreError

log = logging.getLogger(__name__)

FORMATS = ("json", "slack", "teams")
TIMEOUT = 10.0
RETRY_BASE = 5.0
RETRY_MAX = 600.0
KEEP_DELIVERED = timedelta(days=30)  # delivered rows kept (enough to dedupe a re-offer)
SOURCE = "plugdesk watch"
_COLOURS = {"critical": "C0392B", "normal": "E67E22", "low": "27AE60"}


class WebhookError(ValueError):
    """A --webhook value that cannot be used (one sentence)."""


@dataclass(frozen=True)
class Webhook:
    url: str
    format: str = "json"

    @property
    def target(self) -> str:
        """What the outbox stores instead of the URL (chat URLs are secrets themselves)."""
        return hashlib.sha256(self.url.encode()).hexdigest()[:24]

    @property
    def host(self) -> str:
        """For logs: the host only, never the path or query that may hold a key."""
        return httpx.URL(self.url).host


def parse_webhook(value: str, default_format: str = "json") -> Webhook:
    """`URL` or `FORMAT+URL` (slack+https://...), checked like the API URL."""
    fmt, url = default_format, value.strip()
    prefix, plus, rest = url.partition("+")
    if plus and prefix.lower() in FORMATS:
        fmt, url = prefix.lower(), rest
    if fmt not in FORMATS:
        raise WebhookError(f"unknown webhook format {fmt!r} (use {', '.join(FORMATS)})")
    try:
        return Webhook(check_webhook_url(url), fmt)
    except InsecureURLError as error:
        raise WebhookError(str(error)) from None


def alert_key(alert: Alert) -> str:
    """The same alert gets the same key whenever it is offered (the outbox's dedup key)."""
    ids = ",".join(str(i) for i in alert.incident_ids)
    return f"{alert.event}:{ids}"


def payload(alert: Alert, incidents: Sequence[Incident], fmt: str) -> dict[str, Any]:
    """The body for one alert in one format."""
    if fmt == "slack":
        mark = ":rotating_light:" if alert.event == "opened" else ":white_check_mark:"
        return {"text": f"{mark} *{alert.title}*\n{alert.body}"}
    if fmt == "teams":
        return {
            "@type": "MessageCard",
            "@context": "https://schema.org/extensions",
            "summary": alert.title,
            "themeColor": _COLOURS[alert.urgency if alert.event == "opened" else "low"],
            "title": alert.title,
            "text": alert.body.replace("\n", "  \n"),
        }
    return {
        "id": f"plugdesk:{alert_key(alert)}",
        "event": alert.event,
        "kind": alert.incident_kind,
        "summary": alert.kind == "summary",
        "title": alert.title,
        "body": alert.body,
        "urgency": alert.urgency,
        "silent": alert.silent,
        "suppressed_by": alert.suppressed_by,
        "source": SOURCE,
        "incidents": [_incident(i) for i in incidents],
    }


def _incident(incident: Incident) -> dict[str, Any]:
    return {
        "id": incident.id,
        "charger_uuid": incident.charger_uuid,
        "charger_identity": incident.charger_identity,
        "charger_reference": incident.charger_reference,
        "kind": incident.kind,
        "error_code": incident.error_code,
        "error_info": incident.error_info,
        "opened_at": _iso(incident.opened_at),
        "closed_at": _iso(incident.closed_at),
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def wanted(alert: Alert, fmt: str) -> bool:
    """Chat formats follow the user's notification choices (muted, paused, quiet hours,
    kind switched off: no message); the generic JSON gets every alert, marked `silent`."""
    return fmt == "json" or not alert.silent


class WebhookSender:
    """Queues alerts in the store's outbox and POSTs them, retrying with back-off."""

    def __init__(
        self,
        store: Store,
        webhooks: Sequence[Webhook],
        *,
        client: httpx.AsyncClient | None = None,
        retry_base: float = RETRY_BASE,
        retry_max: float = RETRY_MAX,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._store = store
        self._webhooks = list(webhooks)
        self._client = client or httpx.AsyncClient(timeout=TIMEOUT)
        self._retry_base = retry_base
        self._retry_max = retry_max
        self._clock = clock
        self._wake = {hook.target: asyncio.Event() for hook in self._webhooks}
        self._idle = {hook.target: asyncio.Event() for hook in self._webhooks}
        self._tasks: list[asyncio.Task[None]] = []
        self.sent = 0
        self.failures = 0

    @property
    def webhooks(self) -> list[Webhook]:
        return list(self._webhooks)

    def start(self) -> None:
        """One delivery loop per webhook; each starts with what a past run left queued."""
        try:
            self._store.prune_webhooks_before(self._clock() - KEEP_DELIVERED)
        except StoreError as error:
            log.info("could not prune the webhook outbox: %s", error)
        for hook in self._webhooks:
            self._tasks.append(asyncio.ensure_future(self._deliver_loop(hook)))

    def enqueue(self, alerts: Sequence[Alert]) -> bool:
        """Commit the alerts' POSTs to the outbox; False when the store refused (the alert
        is then not marked delivered, and is offered again after a restart)."""
        rows: list[tuple[str, str, bytes]] = []
        for alert in alerts:
            incidents = self._incidents(alert)
            for hook in self._webhooks:
                if wanted(alert, hook.format):
                    body = json.dumps(payload(alert, incidents, hook.format)).encode()
                    rows.append((hook.target, alert_key(alert), body))
        if not rows:
            return True
        try:
            self._store.enqueue_webhooks(rows, self._clock())
        except StoreError as error:
            log.error("could not queue webhooks: %s", error)
            return False
        for target, event in self._wake.items():
            self._idle[target].clear()
            event.set()
        return True

    def _incidents(self, alert: Alert) -> list[Incident]:
        found = []
        for incident_id in alert.incident_ids:
            try:
                incident = self._store.get_incident(incident_id)
            except StoreError:
                incident = None
            if incident is not None:
                found.append(incident)
        return found

    async def _deliver_loop(self, hook: Webhook) -> None:
        wake = self._wake[hook.target]
        delay = 0.0
        while True:
            wake.clear()
            failed = await self._deliver_pending(hook)
            if failed:
                delay = min(self._retry_max, max(self._retry_base, delay * 2))
                log.info("webhook to %s failed; next try in %.0f s", hook.host, delay)
                await asyncio.sleep(delay)
                continue
            delay = 0.0
            if not wake.is_set():
                self._idle[hook.target].set()
            await wake.wait()

    async def _deliver_pending(self, hook: Webhook) -> bool:
        """POST every queued row in order; True when one failed (the rest wait)."""
        try:
            pending = self._store.pending_webhooks(hook.target)
        except StoreError as error:
            log.warning("could not read the webhook outbox: %s", error)
            return True
        for item in pending:
            problem = await self._post(hook, item.body)
            try:
                if problem is None:
                    self._store.webhook_delivered(item.id, self._clock())
                else:
                    self._store.webhook_failed(item.id, problem)
            except StoreError as error:
                log.warning("could not record a webhook delivery: %s", error)
                return True
            if problem is not None:
                self.failures += 1
                log.warning("webhook to %s: %s", hook.host, problem)
                return True
            self.sent += 1
        return False

    async def _post(self, hook: Webhook, body: bytes) -> str | None:
        """None when delivered, else what went wrong (no URL: it may hold a key)."""
        try:
            response = await self._client.post(
                hook.url, content=body, headers={"Content-Type": "application/json"}
            )
        except httpx.HTTPError as error:
            return f"not delivered ({type(error).__name__})"
        if 200 <= response.status_code < 300:
            return None
        return f"the receiver answered HTTP {response.status_code}"

    async def flush(self) -> None:
        """Wait until every webhook has sent what is queued (wrap it in
        `asyncio.timeout`: a receiver that keeps failing never lets it end)."""
        await asyncio.gather(*(event.wait() for event in self._idle.values()))

    def pending(self) -> int:
        try:
            return sum(len(self._store.pending_webhooks(h.target)) for h in self._webhooks)
        except StoreError:
            return -1

    async def aclose(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        await self._client.aclose()
