"""ChargerService: one charger's detail, transactions and live power, for the views.

Views ask (`request_*`) and listen to signals; each kind of request is a named task, so
clicking through the list cancels the previous charger's loading instead of letting an old
answer arrive after a new one. The `load_*` coroutines are the same work without signals,
for callers that want to await the result (CLI-like flows, tests).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from plugdesk.api.errors import AuthError, PlugchoiceError
from plugdesk.api.models import Charger, PowerUsage, Transaction
from plugdesk.tasks import TaskRunner

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient  # the client loads httpx

log = logging.getLogger(__name__)

DETAIL_TASK = "charger-detail"
TRANSACTIONS_TASK = "charger-transactions"
POWER_TASK = "charger-power"

TRANSACTION_STATUSES = (None, "active", "finished")


@dataclass(frozen=True)
class TransactionFilters:
    """The server-side filters of `GET /chargers/{uuid}/transactions`."""

    status: str | None = None  # None (all), "active" or "finished"
    started_from: date | None = None
    stopped_until: date | None = None
    limit: int | None = None  # 1..10000; None = every transaction

    def __post_init__(self) -> None:
        if self.status not in TRANSACTION_STATUSES:
            raise ValueError(f"unknown transaction status {self.status!r}")
        if self.limit is not None and not 1 <= self.limit <= 10_000:
            raise ValueError("the limit must be from 1 to 10000")


class ChargerService(QObject):
    detail_loading = Signal(str)  # uuid
    detail_loaded = Signal(object)  # Charger (with connectors)
    detail_failed = Signal(str, str)  # uuid, message
    transactions_loading = Signal(str)  # uuid
    transactions_progress = Signal(str, int)  # uuid, rows so far (a page at a time)
    transactions_loaded = Signal(str, object)  # uuid, list[Transaction]
    transactions_failed = Signal(str, str)  # uuid, message
    power_loaded = Signal(str, int, object)  # uuid, connector_id, PowerUsage
    power_failed = Signal(str, int, str)  # uuid, connector_id, message
    auth_failed = Signal()

    def __init__(
        self, client: PlugchoiceClient, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner

    def set_client(self, client: PlugchoiceClient) -> None:
        self._client = client

    # -- awaitable work --------------------------------------------------------------------

    async def load_charger_detail(self, uuid: str) -> Charger:
        return await self._client.get_charger(uuid)

    async def load_transactions(
        self, uuid: str, filters: TransactionFilters | None = None
    ) -> list[Transaction]:
        return [tx async for page in self._transaction_pages(uuid, filters) for tx in page]

    def _transaction_pages(
        self, uuid: str, filters: TransactionFilters | None
    ) -> AsyncIterator[list[Transaction]]:
        filters = filters or TransactionFilters()
        return self._client.iter_transaction_pages(
            uuid,
            status=filters.status,
            started_from=filters.started_from,
            stopped_until=filters.stopped_until,
            limit=filters.limit,
        )

    async def load_power_usage(self, uuid: str, connector: int) -> PowerUsage:
        return await self._client.get_power_usage(uuid, connector)

    # -- fire-and-listen requests for the views --------------------------------------------

    def request_detail(self, uuid: str) -> None:
        self._runner.start(self._detail(uuid), DETAIL_TASK)

    def request_transactions(self, uuid: str, filters: TransactionFilters | None = None) -> None:
        self._runner.start(self._transactions(uuid, filters), TRANSACTIONS_TASK)

    def request_power(self, uuid: str, connectors: Sequence[int]) -> None:
        self._runner.start(self._power(uuid, list(connectors)), POWER_TASK)

    def cancel_power(self) -> None:
        self._runner.start(_nothing(), POWER_TASK)  # replacing the task cancels it

    async def _detail(self, uuid: str) -> None:
        self.detail_loading.emit(uuid)
        try:
            charger = await self.load_charger_detail(uuid)
        except PlugchoiceError as error:
            self._failed(error, lambda message: self.detail_failed.emit(uuid, message))
            return
        self.detail_loaded.emit(charger)

    async def _transactions(self, uuid: str, filters: TransactionFilters | None) -> None:
        self.transactions_loading.emit(uuid)
        rows: list[Transaction] = []
        try:
            # 25 rows a page: a 10,000-row charger is 400 requests, so say how far it got.
            async for page in self._transaction_pages(uuid, filters):
                rows.extend(page)
                self.transactions_progress.emit(uuid, len(rows))
        except PlugchoiceError as error:
            self._failed(error, lambda message: self.transactions_failed.emit(uuid, message))
            return
        self.transactions_loaded.emit(uuid, rows)

    async def _power(self, uuid: str, connectors: list[int]) -> None:
        for connector in connectors:
            try:
                usage = await self.load_power_usage(uuid, connector)
            except PlugchoiceError as error:
                self._failed(error, partial(self.power_failed.emit, uuid, connector))
                if isinstance(error, AuthError):
                    return
                continue
            self.power_loaded.emit(uuid, connector, usage)

    def _failed(self, error: PlugchoiceError, emit: Callable[[str], None]) -> None:
        message = str(error)
        log.info("charger request failed: %s", message)
        emit(message)
        if isinstance(error, AuthError):
            self.auth_failed.emit()


async def _nothing() -> None:
    return None
