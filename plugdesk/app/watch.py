"""`plugdesk watch`: the app's watch without a window, for a server or a user service.

The same parts as the desktop app, wired by the same function (`watching.wire_incidents`):
FleetMonitor -> IncidentService (tracker, grace periods, SQLite history). What the window
and notifier do there is done here by:

    service.alerts  -> one stdout line per incident, the webhook outbox, then
                       service.mark_delivered (the alert is never sent again)
    monitor         -> the metrics collector (fleet, watch health)

Qt without widgets: a QCoreApplication and a qasync loop (QObjects, signals and QTimers
need an event loop; no QApplication, nothing on screen). SIGTERM and SIGINT stop it in
order: polling stops, running work ends, the webhook outbox gets a few seconds to empty
(what is left is sent by the next run), the store is closed, exit 0.

Holding `watch.lock` in the data folder, it is the one writer of the event history; a
desktop app on the same account finds it there and shows its results instead of polling.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TextIO

import httpx
import qasync
from PySide6.QtCore import QCoreApplication

from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.errors import PlugchoiceError
from plugdesk.api.models import Connector
from plugdesk.app.reporting import RedactingFilter, Redactor, configure_logging, remove_logging
from plugdesk.app.watching import wire_incidents
from plugdesk.domain.fleet_pacing import FleetPaceSettings
from plugdesk.domain.incidents import Alert
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import Settings, read_settings
from plugdesk.domain.store import Incident, Store, StoreError
from plugdesk.domain.watch_lock import WatchInfo, WatchLock, account_key
from plugdesk.domain.watch_pacing import WatchPaceSettings
from plugdesk.services.incidents import IncidentService
from plugdesk.services.monitor import FleetMonitor
from plugdesk.services.watch import TEAM, FleetWatch
from plugdesk.services.webhooks import RETRY_BASE, Webhook, WebhookSender
from plugdesk.tasks import TaskRunner

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_TOKEN_REJECTED = 78  # EX_CONFIG: restarting will not help (the unit says so)
WEBHOOK_DRAIN = 5.0  # seconds the outbox gets at shutdown; the rest goes out next run
PLACES_EVERY = 300.0  # seconds between reads of sites and connectors (metrics only)


class WatchFailed(Exception):
    """The watch cannot start; `str()` is one sentence for stderr."""


@dataclass
class WatchOptions:
    api_url: str
    token: str
    webhooks: Sequence[Webhook] = ()
    metrics: tuple[str, int] | None = None
    time_scale: float = 1.0  # tests and demos: simulated seconds per second
    places_every: float = PLACES_EVERY
    retry_base: float = RETRY_BASE
    out: TextIO = field(default_factory=lambda: sys.stdout)


def scaled_clock(scale: float) -> Callable[[], datetime]:
    """Wall time, or time running `scale` times faster from now (with `--time-scale`)."""
    if scale == 1.0:
        return lambda: datetime.now(UTC)
    start, began = datetime.now(UTC), time.monotonic()
    return lambda: start + timedelta(seconds=(time.monotonic() - began) * scale)


def run_watch(options: WatchOptions) -> int:
    """Run until SIGTERM/SIGINT (0) or a rejected token (78)."""
    redactor = Redactor([options.token])
    handler = configure_logging(app_paths().log_file(), redactor)
    console = _console_logging(redactor)
    info = WatchInfo(os.getpid(), options.api_url, account_key(options.api_url, options.token),
                     _address(options.metrics))  # fmt: skip
    try:
        lock = WatchLock.acquire(app_paths().data_dir, info)
    except Exception:
        remove_logging(handler)
        logging.getLogger().removeHandler(console)
        raise
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0], "watch"])
    try:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(Watch(options).run())
    finally:
        lock.release()
        logging.getLogger().removeHandler(console)
        remove_logging(handler)


class Watch:
    """One run of the watch: built, started and stopped inside the qasync loop."""

    def __init__(self, options: WatchOptions) -> None:
        self.options = options
        self.clock = scaled_clock(options.time_scale)
        self.stop_requested = asyncio.Event()
        self.exit_code = EXIT_OK
        self.tasks = TaskRunner(on_error=lambda error: log.error("watch task failed: %r", error))
        self._metrics: Any = None
        self._server: Any = None

    async def run(self) -> int:
        options = self.options
        # A command never sets the user's settings file aside (the window does, and says
        # so): an unusable file stops the watch with a sentence instead.
        settings = read_settings(app_paths().settings_path()) or Settings()
        client = PlugchoiceClient(options.api_url, options.token)
        try:
            store = Store(app_paths().store_path())
        except StoreError as error:
            await client.aclose()
            raise WatchFailed(f"The event history cannot be used: {error}") from None
        # The same watch as the window's: the team's attention lists, a slow sweep, one
        # judgement (the incident service's snapshot) for alerts, history and metrics.
        monitor = FleetWatch(client, self.tasks, clock=self.clock, **_pace(settings, options))
        _tracker, service = wire_incidents(monitor, self.tasks, store, settings,
                                           source=client.base_url, clock=self.clock)  # fmt: skip
        sender = WebhookSender(store, options.webhooks, retry_base=options.retry_base)
        service.alerts.connect(lambda alerts: self.on_alerts(service, sender, alerts))
        service.store_problem.connect(lambda text: log.error("%s", text))
        monitor.auth_failed.connect(self._token_rejected)
        try:
            self._install_signals()
            if options.metrics is not None:
                self._start_metrics(options.metrics, monitor, service, client, settings)
            sender.start()
            monitor.start()
            self._say(f"watching {client.base_url} (pid {os.getpid()})")
            await self.stop_requested.wait()
        finally:
            await self._stop(monitor, service, sender, client)
        return self.exit_code

    # -- alerts --------------------------------------------------------------------------

    def on_alerts(
        self, service: IncidentService, sender: WebhookSender, alerts: list[Alert]
    ) -> None:
        """Lines first (the operator's log), then the outbox; marked delivered only once
        the outbox holds them, so a crash in between offers them again (deduplicated)."""
        for alert in alerts:
            for line in incident_lines(alert, service.store, self.clock()):
                self._say(line)
        if sender.enqueue(alerts):
            for alert in alerts:
                service.mark_delivered(alert)

    def _say(self, line: str) -> None:
        print(line, file=self.options.out, flush=True)

    # -- metrics -------------------------------------------------------------------------

    def _start_metrics(
        self,
        address: tuple[str, int],
        monitor: FleetWatch,
        service: IncidentService,
        client: PlugchoiceClient,
        settings: Settings,
    ) -> None:
        from prometheus_client import CollectorRegistry, start_http_server

        from plugdesk.services.metrics import FleetCollector, WatchStats

        stats = WatchStats(
            requests_last_minute=client.budget.used_last_window,
            open_incidents=lambda: _open_by_kind(service),
        )
        stale_after = timedelta(minutes=settings.stale_after_min)
        collector = FleetCollector(stats, clock=self.clock, stale_after=stale_after,
                                   judge=service.verdict)  # fmt: skip
        registry = CollectorRegistry()
        registry.register(collector)
        client.on_response(lambda status: _count_429(stats, status))
        monitor.fleet_updated.connect(collector.set_fleet)
        monitor.refresh_finished.connect(lambda state: _note_refresh(stats, monitor, state))
        monitor.refresh_failed.connect(lambda _text: _note_failure(stats))
        host, port = address
        try:
            self._server, _thread = start_http_server(port, addr=host, registry=registry)
        except OSError as error:
            raise WatchFailed(f"Cannot serve metrics on {host}:{port}: {error.strerror}") from None
        self._metrics = collector
        self.tasks.start(self._read_places(client, collector, monitor), "watch-places")
        self._say(f"metrics on http://{_address(address)}/metrics")

    async def _read_places(
        self, client: PlugchoiceClient, collector: Any, monitor: FleetWatch
    ) -> None:
        """Sites and connectors for the metrics' labels and connector states, now and then
        (the charger list carries neither). Not while the watch reads the team lists:
        their chargers carry both, fresher than this read."""
        while True:
            if monitor.mode == TEAM:
                await asyncio.sleep(self.options.places_every / self.options.time_scale)
                continue
            try:
                sites: dict[str, str] = {}
                connectors: dict[str, list[Connector]] = {}
                for site in await client.list_sites():
                    for item in await client.list_site_connectors(site.uuid):
                        uuid = item.charger.uuid if item.charger is not None else None
                        if uuid:
                            sites[uuid] = site.name or ""
                            connectors.setdefault(uuid, []).append(item)
                collector.set_places(sites, connectors)
            except PlugchoiceError as error:
                log.info("could not read sites and connectors for the metrics: %s", error)
            await asyncio.sleep(self.options.places_every / self.options.time_scale)

    # -- stopping ------------------------------------------------------------------------

    def _install_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows
                loop.add_signal_handler(signum, self.stop_requested.set)

    def _token_rejected(self) -> None:
        log.error("the API rejected the token: run 'plugdesk login' or set a new token")
        self._say("stopping: the API rejected the token")
        self.exit_code = EXIT_TOKEN_REJECTED
        self.stop_requested.set()

    async def _stop(
        self,
        monitor: FleetMonitor,
        service: IncidentService,
        sender: WebhookSender,
        client: PlugchoiceClient,
    ) -> None:
        monitor.stop()
        await service.flush()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(WEBHOOK_DRAIN):
                await sender.flush()
        await sender.aclose()
        await self.tasks.cancel_all()
        if self._server is not None:
            await asyncio.to_thread(self._server.shutdown)
            self._server.server_close()
        service.close()  # closes the store
        await client.aclose()
        self._say("watch stopped")


def incident_lines(alert: Alert, store: Store, now: datetime) -> list[str]:
    """One line per incident: time, opened/resolved, charger, kind, reason."""
    stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    event = alert.event.upper()
    incidents: list[Incident] = []
    for incident_id in alert.incident_ids:
        with contextlib.suppress(StoreError):
            found = store.get_incident(incident_id)
            if found is not None:
                incidents.append(found)
    lines = []
    for incident in incidents:
        reason = alert.body.splitlines()[0] if len(incidents) == 1 else _reason(incident)
        charger = incident.charger_identity or incident.charger_uuid
        lines.append(f"{stamp} {event:<8} {incident.kind:<7} {charger}: {reason}")
    return lines


def _reason(incident: Incident) -> str:
    return incident.error_code or incident.kind


def _open_by_kind(service: IncidentService) -> dict[str, int]:
    counts: dict[str, int] = {}
    for incident in service.tracker.open_incidents():
        counts[incident.kind] = counts.get(incident.kind, 0) + 1
    return counts


def _note_refresh(stats: Any, monitor: FleetMonitor, state: str) -> None:
    stats.up = state == "ok"
    stats.last_success = monitor.last_success


def _note_failure(stats: Any) -> None:
    stats.errors += 1


def _count_429(stats: Any, status: int) -> None:
    if status == httpx.codes.TOO_MANY_REQUESTS:
        stats.rate_limited += 1


def _pace(settings: Settings, options: WatchOptions) -> dict[str, Any]:
    """The watch's pacing and grace periods (both scaled when the clock runs fast)."""
    interval = float(settings.refresh_interval_s)
    scale = options.time_scale
    grace = (settings.grace_fault_s / scale, settings.grace_offline_s / scale)
    if scale == 1.0:
        return {"interval": interval, "grace": grace}
    pacing = FleetPaceSettings(interval=interval).scaled(1 / scale)
    return {"pacing": pacing, "watch_pacing": WatchPaceSettings().scaled(1 / scale),
            "grace": grace}  # fmt: skip


def _address(address: tuple[str, int] | None) -> str:
    if address is None:
        return ""
    host, port = address
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _console_logging(redactor: Redactor) -> logging.Handler:
    """Warnings and errors on stderr too (journald keeps them), redacted like the file."""
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("plugdesk watch: %(levelname)s %(message)s"))
    console.addFilter(RedactingFilter(redactor))
    logging.getLogger().addHandler(console)
    return console
