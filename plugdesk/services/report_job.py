"""The Insights tab's service: fetch a period's transactions (the report's fetch, which is
the export's run), aggregate them off the UI thread, and fetch a transaction's meter
values for its power curve. Signals carry the results; the UI only listens.
"""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Signal

from plugdesk.api.errors import PlugchoiceError
from plugdesk.api.models import Transaction
from plugdesk.domain.export_run import ExportCancelled
from plugdesk.domain.insights import (
    ChargerFacts,
    Downtime,
    Insights,
    Period,
    Session,
    local_zone,
    power_curve,
)
from plugdesk.domain.report import ReportData, ReportError, ReportRequest, ReportScope
from plugdesk.domain.store import Incident
from plugdesk.services.insights_job import aggregate_off_thread
from plugdesk.tasks import TaskRunner

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient  # the client loads httpx

LOAD_TASK, POWER_TASK = "insights-load", "insights-power"
MAX_METER_VALUES = 10_000


def _number(value: int) -> str:
    """A count with the locale's grouping ("1.234" in Dutch)."""
    return QLocale().toString(value)


class PowerCurve:
    """A transaction's power over time, ready to draw."""

    def __init__(self, title: str, points: list[tuple[datetime, float]], source: str) -> None:
        self.title = title
        self.points = points
        self.source = source


class InsightsService(QObject):
    progress = Signal(str)  # what is happening, for the status line
    loaded = Signal(object)  # ReportData (its .insights has every chart's figures)
    failed = Signal(str)
    power_ready = Signal(object)  # PowerCurve
    power_failed = Signal(str)

    def __init__(
        self,
        client: PlugchoiceClient,
        runner: TaskRunner,
        incidents: Callable[[], Sequence[Incident]] = list,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._incidents = incidents
        self.tz = local_zone()
        self.last: ReportData | None = None

    def set_client(self, client: PlugchoiceClient) -> None:
        """Another client (the app connected, or switched accounts): the next load uses it."""
        self._client = client

    # -- the period's figures --------------------------------------------------------------

    def load(self, first: date, last: date, sites: Sequence[str] = ()) -> None:
        """Fetch and aggregate; a new load replaces one still running."""
        scope = ReportScope("sites", tuple(sites)) if sites else ReportScope("all")
        request = ReportRequest(scope, first, last, self.tz, _user())
        self._runner.start(self._load(request), LOAD_TASK)

    def is_loading(self) -> bool:
        return self._runner.is_running(LOAD_TASK)

    async def _load(self, request: ReportRequest) -> None:
        from plugdesk.domain.report import fetch_report

        self.progress.emit(self.tr("Listing chargers…"))
        try:
            incidents = list(self._incidents())
        except Exception as error:  # a damaged store: charts without availability
            incidents = []
            self.progress.emit(self.tr("Availability left out: {problem}").format(problem=error))
        try:
            data = await fetch_report(
                self._client,
                request,
                incidents=incidents,
                now=datetime.now().astimezone(),
                progress=self._fetch_progress,
                aggregator=self._aggregate,
            )
        except ReportError as error:
            self.failed.emit(str(error))
            return
        except ExportCancelled:
            return
        self.last = data
        self.loaded.emit(data)

    def _fetch_progress(self, done: int, total: int, rows: int) -> None:
        if total == 0:
            self.progress.emit(self.tr("Listing chargers…"))
        else:
            text = self.tr("Fetching transactions: {done} of {total} chargers, {rows} transactions")
            self.progress.emit(text.format(done=_number(done), total=_number(total),
                                           rows=_number(rows)))  # fmt: skip

    async def _aggregate(
        self,
        sessions: Sequence[Session],
        period: Period,
        chargers: list[ChargerFacts],
        downtimes: list[Downtime],
        now: datetime,
    ) -> Insights:
        def step(done: int, total: int) -> None:
            self.progress.emit(self.tr("Aggregating: {done} of {total} transactions").format(
                done=_number(done), total=_number(total)))  # fmt: skip

        return await aggregate_off_thread(
            sessions, period, chargers, downtimes, now=now, progress=step
        )

    # -- power curve -----------------------------------------------------------------------

    def request_power_curve(self, charger_uuid: str, transaction: Transaction) -> None:
        self._runner.start(self._power(charger_uuid, transaction), POWER_TASK)

    async def _power(self, charger_uuid: str, tx: Transaction) -> None:
        if tx.started_at is None:
            self.power_failed.emit(self.tr("Transaction {id} has no start time.").format(id=tx.id))
            return
        until = tx.stopped_at or datetime.now().astimezone()
        try:
            values = await self._client.list_meter_values(
                charger_uuid, date_from=tx.started_at, date_to=until, limit=MAX_METER_VALUES
            )
        except PlugchoiceError as error:
            self.power_failed.emit(
                self.tr("Could not read the meter values of transaction {id}: {problem}").format(
                    id=tx.id, problem=error
                )
            )
            return
        except asyncio.CancelledError:
            raise
        points, source = power_curve(values, tx.id)
        if not points:
            self.power_failed.emit(
                self.tr(
                    "The charger stored no power or energy readings for transaction {id}."
                ).format(id=tx.id)
            )
            return
        local = tx.started_at.astimezone(self.tz)
        title = self.tr("Transaction {id}, {time}").format(id=tx.id, time=f"{local:%Y-%m-%d %H:%M}")
        self.power_ready.emit(PowerCurve(title, points, source))


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
