"""Run a transaction export: fetch every page of every charger in scope, write, publish.

This is the core shared by the window (`services/export_job.py` wraps it in a QObject) and
the command line (`cli/export.py`); it imports no Qt.

Guarantees:
- Complete: every page of every charger (the client follows `links.next`); a transaction
  seen twice while paging (offset pages shift when a new one arrives) is written once.
- Stable order: chargers by identity (then UUID), each charger's transactions by id, so
  two exports of the same data are byte-identical and diff cleanly.
- Streaming with bounded memory: at most `concurrency` chargers are fetched at once and at
  most `2 * concurrency` finished chargers wait for their turn to be written; rows go to
  the writer in a worker thread so a big export never stalls the Qt event loop.
- All requests go through the client, hence through its shared `RequestBudget`.
- All or nothing: if any charger fails, the writer is aborted (no file, an existing file
  untouched) and `ExportFailed` lists every failed charger and why. Cancel (the `cancel`
  event, or cancelling the task) aborts the same way until the last row is written; after
  that the complete file is being put in place and the export finishes. Only a fully
  written export is committed. (A stream such as stdout cannot be taken back.)
- Cost: one request per page of transactions, plus the connectors of each charger that has
  transactions in range (for its OCPP connector numbers), plus the charger list pages for
  "all chargers".

Two ways to read the transactions, chosen by `choose_source` for the fewest requests
(measured with the simulator, `bench/export_requests.py`, 1,000 chargers at 67 sites):
- per charger, `GET /chargers/{uuid}/transactions` with the server's filters: at least one
  page per charger, but only the rows in range. A month: 1,274 transaction pages.
- per site, `GET /sites/{site}/transactions`: 25 rows a page from every charger of the site,
  but no filters, so always the whole history (3,282 pages), filtered here; the site's
  charger list brings the connectors, so no `GET /chargers/{uuid}` either.
An export of all chargers takes the connectors from the site charger lists either way (75
requests for 1,000 chargers, not ~980 `GET /chargers/{uuid}`). Counted requests, 1,000
chargers: a month 1,389 per charger / 3,397 per site; the whole history 3,837 per charger /
3,397 per site. So a dated or status-filtered export reads per charger, an unfiltered one
per site. The site path keeps a whole-history export in memory until it is written in
charger order.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import errno
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO, TypeVar

from plugdesk.api.errors import AuthError, NotFoundError, PlugchoiceError
from plugdesk.api.models import Charger, Transaction
from plugdesk.domain.errors import DomainError
from plugdesk.domain.export import (
    ChargerInfo,
    CsvExportWriter,
    ExportError,
    XlsxExportWriter,
    open_export_writer,
)
from plugdesk.tasks import FILES, run_blocking, submit_blocking, wait_blocking

T = TypeVar("T")
ExportWriter = CsvExportWriter | XlsxExportWriter
ProgressCallback = Callable[[int, int, int], None]  # chargers done, chargers total, rows
ExportFormat = Literal["csv", "xlsx"]
ExportTz = Literal["utc", "local"]
ExportSource = Literal["auto", "chargers", "sites"]

DEFAULT_CONCURRENCY = 4
# After this many chargers fail in a row with no success between them the server is
# treated as down: stop spending the request budget on chargers that will fail too.
MAX_CONSECUTIVE_FAILURES = 5
TRANSACTION_STATUSES = ("active", "finished")
LISTED_EVERY = 25  # while listing all chargers, progress(listed, 0, 0) after each page


class TransactionSource(Protocol):
    """The part of `plugdesk.api.client.PlugchoiceClient` an export uses."""

    def iter_chargers(self) -> AsyncIterator[Charger]: ...

    async def get_charger(self, uuid: str) -> Charger: ...

    def iter_transactions(
        self,
        uuid: str,
        *,
        status: str | None = None,
        started_from: date | None = None,
        stopped_until: date | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Transaction]: ...


class SiteTransactionSource(TransactionSource, Protocol):
    """What the site path needs besides (`plugdesk.api.client.PlugchoiceClient` has it)."""

    def iter_sites(self) -> AsyncIterator[Any]: ...

    async def list_site_chargers(self, site: str) -> list[Charger]: ...

    def iter_site_transaction_rows(self, site: str) -> AsyncIterator[Any]: ...


# -- what to export --------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportScope:
    """Which chargers: given ones (a `Charger`, or a UUID to look up), or all (None)."""

    chargers: tuple[Charger | str, ...] | None = None

    @classmethod
    def all(cls) -> ExportScope:
        return cls(None)

    @classmethod
    def of(cls, chargers: Iterable[Charger | str]) -> ExportScope:
        seen: set[str] = set()
        unique: list[Charger | str] = []
        for item in chargers:  # `--charger X --charger X` exports X once
            uuid = item if isinstance(item, str) else item.uuid
            if uuid not in seen:
                seen.add(uuid)
                unique.append(item)
        return cls(tuple(unique))

    @property
    def is_all(self) -> bool:
        return self.chargers is None

    def describe(self) -> str:
        if self.chargers is None:
            return "all chargers"
        count = len(self.chargers)
        return "1 charger" if count == 1 else f"{count} chargers"


@dataclass(frozen=True)
class ExportFilters:
    """Server-side filters of `GET /chargers/{uuid}/transactions` (None = no filter)."""

    status: str | None = None  # "active" or "finished"
    started_from: date | None = None
    stopped_until: date | None = None

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in TRANSACTION_STATUSES:
            raise ValueError(f"status must be 'active' or 'finished', not {self.status!r}")
        if self.started_from and self.stopped_until and self.stopped_until < self.started_from:
            raise ValueError(
                f"the end date {self.stopped_until.isoformat()} is before the start date "
                f"{self.started_from.isoformat()}"
            )


def matches(tx: Transaction, filters: ExportFilters) -> bool:
    """The per-charger list's server-side filters, applied here to a site list's rows:
    `started_from` from the start of that day (UTC), `stopped_until` up to the end of that
    day, a transaction still running never "stopped until" anything."""
    if filters.status == "active" and tx.stopped_at is not None:
        return False
    if filters.status == "finished" and tx.stopped_at is None:
        return False
    if filters.started_from is not None and (
        tx.started_at is None or tx.started_at < _day_start(filters.started_from)
    ):
        return False
    if filters.stopped_until is not None:
        end = _day_start(filters.stopped_until) + timedelta(days=1)
        return tx.stopped_at is not None and tx.stopped_at < end
    return True


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def choose_source(scope: ExportScope, filters: ExportFilters) -> Literal["chargers", "sites"]:
    """Per site only for an unfiltered export of every charger (see the module notes)."""
    return "sites" if scope.is_all and filters == ExportFilters() else "chargers"


@dataclass(frozen=True)
class ExportRequest:
    """Everything one export needs, as the dialog or the command line chose it."""

    scope: ExportScope
    filters: ExportFilters
    target: Path | Literal["-"]  # "-" = CSV to stdout
    format: ExportFormat = "csv"
    tz: ExportTz = "utc"
    delimiter: str = ","

    def open_writer(self, stream: TextIO | None = None) -> ExportWriter:
        """Open the writer (creates the temporary file beside the target)."""
        target: Path | str | TextIO = self.target
        if self.target == "-" and stream is not None:
            target = stream
        return open_export_writer(
            target, format=self.format, tz=self.tz, delimiter=self.delimiter
        )


# -- outcomes --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportSummary:
    rows: int
    kwh: float
    minutes: float
    chargers: int
    path: Path | None  # None when written to a stream
    # Sentences about what was left out (impossible numbers from the API, per charger):
    # the export is still published; callers show these next to the summary.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChargerFailure:
    uuid: str
    name: str  # identity or reference, else the UUID
    message: str

    def __str__(self) -> str:
        return f"{self.name}: {self.message}"


class ExportCancelled(DomainError):
    """The export was cancelled; nothing was published."""

    def __init__(self) -> None:
        super().__init__("The export was cancelled; no file was written.")


class ExportFailed(DomainError):
    """The export could not be completed; nothing was published.

    `str()` is one line (for the command line and the dialog's headline); `failures` has
    one entry per charger that could not be read; `skipped` counts chargers not tried after
    the export gave up."""

    def __init__(
        self,
        message: str,
        *,
        failures: Sequence[ChargerFailure] = (),
        skipped: int = 0,
        total: int = 0,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.failures = tuple(failures)
        self.skipped = skipped
        self.total = total

    def __str__(self) -> str:
        return self.message

    def one_line(self, max_chargers: int = 5) -> str:
        """The headline plus the first failed chargers and their reasons, on one line."""
        if not self.failures:
            return self.message
        shown = "; ".join(str(f) for f in self.failures[:max_chargers])
        more = len(self.failures) - max_chargers
        tail = f"; and {more} more" if more > 0 else ""
        return f"{self.message} {shown}{tail}"

    def report(self) -> str:
        """Headline, then one line per failed charger (for a dialog or a log)."""
        lines = [self.message, *(f"• {failure}" for failure in self.failures)]
        return "\n".join(lines)


def charger_name(charger: Charger) -> str:
    return charger.identity or charger.reference or charger.uuid


def charger_sort_key(charger: Charger) -> tuple[str, str]:
    return (charger_name(charger).casefold(), charger.uuid)


def describe_os_error(error: OSError, path: Path | str | None = None) -> str:
    """A sentence for a file-system error: what went wrong and where."""
    where = str(path or error.filename or "the export file")
    reason = error.strerror or str(error)
    if isinstance(error, PermissionError):
        return f"Cannot write {where}: permission denied. Choose another folder."
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):  # quota: same
        return f"Cannot write {where}: the disk is full. Free some space or choose another disk."
    if isinstance(error, FileNotFoundError):
        return f"Cannot write {where}: the folder does not exist."
    return f"Cannot write {where}: {reason}."



# -- the run ---------------------------------------------------------------------------------


async def export_transactions(
    client: TransactionSource,
    scope: ExportScope,
    filters: ExportFilters,
    writer: ExportWriter,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    progress: ProgressCallback | None = None,
    cancel: asyncio.Event | None = None,
    resolve_connectors: bool = True,
    source: ExportSource = "chargers",
) -> ExportSummary:
    """Fetch, write and commit; `writer` is committed on success and aborted otherwise.

    Raises `ExportFailed` (some charger failed, the chargers could not be listed, or the
    file could not be written) or `ExportCancelled`. `progress(done, total, rows)` is
    called on the event loop; `total` is 0 while the chargers are still being listed (then
    `done` counts the chargers listed so far).
    `resolve_connectors` looks up a charger's connectors (one request, only for chargers
    with transactions) so `connector_id` is the OCPP number a driver sees (1, 2) rather
    than the API's internal connector id. `source`: read per charger or per site ("auto":
    `choose_source`, per charger for a client without site lists).
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")
    by_sites = source == "sites" or (source == "auto" and choose_source(scope, filters) == "sites")
    if by_sites and not scope.is_all:
        raise ValueError("the site lists serve an export of all chargers only")
    by_sites = by_sites and hasattr(client, "iter_site_transaction_rows")
    run = _ExportRun(client, filters, writer, concurrency, progress, resolve_connectors)
    run.by_sites = by_sites
    work = asyncio.ensure_future(run.run(scope))
    try:
        if cancel is not None:
            await _until_done_or_cancelled(work, cancel)
            if cancel.is_set() and not work.done() and not run.committing:
                work.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await work
                raise ExportCancelled()
        return await work
    except BaseException:
        if not work.done():
            if not run.committing:  # a commit under way is let finish: the file is whole
                work.cancel()
            with contextlib.suppress(BaseException):
                await asyncio.shield(work)
        raise


async def _until_done_or_cancelled(work: asyncio.Future[Any], cancel: asyncio.Event) -> None:
    waiter = asyncio.ensure_future(cancel.wait())
    try:
        await asyncio.wait({work, waiter}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()


@dataclass
class _Fetched:
    """One charger's outcome: its rows' charger columns and transactions, or a failure."""

    charger: Charger
    info: ChargerInfo | None = None
    transactions: list[Transaction] = field(default_factory=list)
    failure: ChargerFailure | None = None


class _ExportRun:
    def __init__(
        self,
        client: TransactionSource,
        filters: ExportFilters,
        writer: ExportWriter,
        concurrency: int,
        progress: ProgressCallback | None,
        resolve_connectors: bool,
    ) -> None:
        self._client = client
        self._filters = filters
        self._writer = writer
        self._concurrency = concurrency
        self._progress = progress
        self._resolve_connectors = resolve_connectors
        self._slots = asyncio.Semaphore(concurrency)
        # The write running in the worker thread: on abort we wait for it, so the file is
        # never closed and deleted under a thread still writing to it.
        self._pending: concurrent.futures.Future[Any] | None = None
        self.committing = False
        self.by_sites = False
        self._by_sites: dict[str, _Fetched] = {}  # read from the site lists, by charger uuid
        self._done = 0  # chargers reported done: progress never goes back
        self._with_connectors: dict[str, Charger] = {}  # from the site charger lists
        self._connectors: asyncio.Future[None] | None = None  # reading them, for all chargers

    async def run(self, scope: ExportScope) -> ExportSummary:
        try:
            self._report(0, 0)
            chargers = await self._resolve(scope)
            if self.by_sites:
                await self._read_sites(chargers)
            elif scope.is_all and self._resolve_connectors:
                # Beside the transactions, not before them: progress starts at once.
                self._connectors = asyncio.ensure_future(self._connectors_from_sites(chargers))
            failures, skipped = await self._fetch_and_write(chargers)
            await self._stop_reading_connectors()
            if failures or skipped:
                raise _failed(failures, skipped, len(chargers))
            # Past this point a cancel is too late: the complete file is being put in place,
            # and reporting "cancelled" for a file that did appear would be a lie.
            self.committing = True
            path = await self._in_thread(self._writer.commit)
        except BaseException:
            await self._stop_reading_connectors()
            await self._abort()
            raise
        writer = self._writer
        return ExportSummary(
            writer.rows_written,
            writer.total_kwh,
            writer.total_minutes,
            len(chargers),
            path,
            tuple(writer.warnings),
        )

    # -- scope -----------------------------------------------------------------------------

    async def _resolve(self, scope: ExportScope) -> list[Charger]:
        if scope.chargers is None:
            try:
                chargers = []
                async for charger in self._client.iter_chargers():
                    chargers.append(charger)
                    if len(chargers) % LISTED_EVERY == 0:  # a page: say how far the list is
                        self._report(len(chargers), 0)
            except AuthError as error:
                raise _auth_failed(error) from None
            except PlugchoiceError as error:
                raise ExportFailed(
                    f"Could not list the chargers ({error}); nothing was exported."
                ) from None
        else:
            chargers = await self._look_up(scope.chargers)
        unique = {charger.uuid: charger for charger in chargers}
        return sorted(unique.values(), key=charger_sort_key)

    async def _look_up(self, items: Sequence[Charger | str]) -> list[Charger]:
        """Chargers given by UUID are fetched (which also brings their connectors)."""
        failures: list[ChargerFailure] = []
        found: list[Charger] = []

        async def one(uuid: str) -> None:
            async with self._slots:
                try:
                    found.append(await self._client.get_charger(uuid))
                except AuthError as error:
                    raise _auth_failed(error) from None
                except NotFoundError:
                    failures.append(ChargerFailure(uuid, uuid, "no such charger on this account"))
                except PlugchoiceError as error:
                    failures.append(ChargerFailure(uuid, uuid, str(error)))

        found.extend(item for item in items if not isinstance(item, str))
        await _gather_or_cancel([one(item) for item in items if isinstance(item, str)])
        if failures:
            raise _failed(failures, 0, len(items))
        return found

    # -- fetch in parallel, write in order -------------------------------------------------

    async def _fetch_and_write(
        self, chargers: list[Charger]
    ) -> tuple[list[ChargerFailure], int]:
        total = len(chargers)
        window = 2 * self._concurrency  # finished chargers allowed to wait for their turn
        tasks: dict[int, asyncio.Task[_Fetched]] = {}
        failures: list[ChargerFailure] = []
        in_a_row = 0
        started = 0
        self._report(0, total)
        try:
            for index in range(total):
                while started < total and started < index + window:
                    tasks[started] = asyncio.ensure_future(self._fetch(chargers[started]))
                    started += 1
                fetched = await tasks.pop(index)
                if fetched.failure is not None:
                    failures.append(fetched.failure)
                    in_a_row += 1
                    if in_a_row >= MAX_CONSECUTIVE_FAILURES and index + 1 < total:
                        return failures, total - index - 1
                else:
                    in_a_row = 0
                    if not failures:  # once anything failed nothing will be published
                        await self._write(fetched)
                self._report(index + 1, total)
        finally:
            for task in tasks.values():
                task.cancel()
            if tasks:
                await asyncio.gather(*tasks.values(), return_exceptions=True)
        return failures, 0

    async def _read_sites(self, chargers: list[Charger]) -> None:
        """Every site's chargers (with connectors) and whole transaction list, each row
        given to the charger it names; a site that cannot be read fails its chargers."""
        client: SiteTransactionSource = self._client  # type: ignore[assignment]
        fleet = {charger.uuid: charger for charger in chargers}
        try:
            sites = [site async for site in client.iter_sites()]
        except AuthError as error:
            raise _auth_failed(error) from None
        except PlugchoiceError as error:
            message = f"Could not list the sites ({error}); nothing was exported."
            raise ExportFailed(message) from None
        self._report(0, len(chargers))
        await _gather_or_cancel([self._read_site(client, site, fleet) for site in sites])

    async def _stop_reading_connectors(self) -> None:
        """Its work is only a saving: cancel it if it still runs, and drop its outcome."""
        task, self._connectors = self._connectors, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(BaseException):
                await task

    async def _connectors_from_sites(self, chargers: list[Charger]) -> None:
        """Every charger's connectors from the site charger lists (one page per 25 chargers
        of a site) instead of one `GET /chargers/{uuid}` per charger with transactions; a
        charger at no site, or a site that cannot be read, falls back to that lookup."""
        if not hasattr(self._client, "list_site_chargers"):
            return
        client: SiteTransactionSource = self._client  # type: ignore[assignment]
        fleet = {charger.uuid for charger in chargers}

        slots = asyncio.Semaphore(2)  # its own: the fetches holding theirs may wait for it

        async def one(site: Any) -> None:
            async with slots:
                with contextlib.suppress(PlugchoiceError):
                    for charger in await client.list_site_chargers(site.uuid):
                        if charger.uuid in fleet and charger.connectors:
                            self._with_connectors.setdefault(charger.uuid, charger)

        try:
            sites = [site async for site in client.iter_sites()]
        except AuthError as error:
            raise _auth_failed(error) from None
        except PlugchoiceError:
            return  # the per-charger lookups still work
        await _gather_or_cancel([one(site) for site in sites])

    async def _read_site(
        self, client: SiteTransactionSource, site: Any, fleet: dict[str, Charger]
    ) -> None:
        name = site.name or site.uuid
        async with self._slots:
            try:
                at_site = [c for c in await client.list_site_chargers(site.uuid) if c.uuid in fleet]
            except AuthError as error:
                raise _auth_failed(error) from None
            except PlugchoiceError as error:
                raise ExportFailed(
                    f"Could not list the chargers of site {name} ({error}); nothing was exported."
                ) from None
            try:
                rows = [tx async for tx in client.iter_site_transaction_rows(site.uuid)]
            except AuthError as error:
                raise _auth_failed(error) from None
            except PlugchoiceError as error:
                for charger in at_site:  # each of them is reported, as on the other path
                    failure = ChargerFailure(charger.uuid, charger_name(charger),
                                             f"the transactions of site {name}: {error}")
                    self._by_sites[charger.uuid] = _Fetched(charger, failure=failure)
                return
        for charger in at_site:  # the site's list brings the connectors: no lookup needed
            self._by_sites.setdefault(
                charger.uuid, _Fetched(charger, ChargerInfo.from_charger(charger))
            )
        # Read means done here: writing them in order afterwards is quick.
        self._report(min(len(self._by_sites), len(fleet) - 1), len(fleet))
        by_id = {c.id: c.uuid for c in at_site if c.id is not None}
        for tx in rows:
            fetched = self._by_sites.get(_charger_of(tx, by_id) or "")
            if fetched is not None and fetched.failure is None and matches(tx, self._filters):
                fetched.transactions.append(tx)

    async def _fetch(self, charger: Charger) -> _Fetched:
        read = self._by_sites.get(charger.uuid)
        if read is not None:  # read with its site (a charger at no site: its own list)
            return read
        async with self._slots:
            try:
                transactions = await self._transactions(charger.uuid)
                if self._resolve_connectors and transactions and not charger.connectors:
                    charger = await self._with_its_connectors(charger)
            except AuthError as error:
                raise _auth_failed(error) from None
            except PlugchoiceError as error:
                failure = ChargerFailure(charger.uuid, charger_name(charger), str(error))
                return _Fetched(charger, failure=failure)
        return _Fetched(charger, ChargerInfo.from_charger(charger), transactions)

    async def _with_its_connectors(self, charger: Charger) -> Charger:
        """From the site lists when they are read already; else its own lookup (waiting
        for every site list would hold the first charger, and the progress, a minute)."""
        found = self._with_connectors.get(charger.uuid)
        if found is not None:
            return found
        return await self._client.get_charger(charger.uuid)

    async def _transactions(self, uuid: str) -> list[Transaction]:
        filters = self._filters
        pages = self._client.iter_transactions(
            uuid,
            status=filters.status,
            started_from=filters.started_from,
            stopped_until=filters.stopped_until,
        )
        return [tx async for tx in pages]

    async def _write(self, fetched: _Fetched) -> None:
        assert fetched.info is not None
        await self._in_thread(_write_sorted, self._writer, fetched.transactions, fetched.info)

    # -- worker-thread calls and clean-up --------------------------------------------------

    async def _in_thread(self, function: Callable[..., Any], *args: Any) -> Any:
        future = submit_blocking(function, *args, lane=FILES)
        self._pending = future
        try:
            return await wait_blocking(future)
        except OSError as error:
            raise ExportFailed(
                describe_os_error(error, self._writer.path) + " Nothing was exported."
            ) from None
        except ExportError as error:
            raise ExportFailed(f"{error} Nothing was exported.") from None

    async def _abort(self) -> None:
        """Discard the temporary file, after any write still running in the worker (a
        thread cannot be cancelled: closing its file under it would be worse)."""
        pending = self._pending
        if pending is not None and not pending.done():
            try:
                await wait_blocking(pending)
            except asyncio.CancelledError:
                concurrent.futures.wait([pending])  # cancelled again: clean up all the same
                self._writer.abort()
                raise
            except BaseException:
                pass  # its error is already reported, or superseded by the one aborting us
        self._writer.abort()  # an unlink: quick, and it must not be skippable by a cancel

    def _report(self, done: int, total: int) -> None:
        if total:
            done = self._done = max(done, self._done)
        if self._progress is not None:
            self._progress(done, total, self._writer.rows_written)


def estimate_seconds_left(elapsed: float, done: int, total: int) -> float | None:
    """Seconds still to go at the pace so far (None before the first charger is done:
    listing the fleet says nothing about the pace of reading it)."""
    if total <= 0 or done <= 0 or elapsed <= 0:
        return None
    return max(0.0, elapsed / done * (total - done))


async def run_in_worker(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in the FILES lane (every export's file work, in order)."""
    return await run_blocking(function, *args, lane=FILES)


def _write_sorted(
    writer: ExportWriter, transactions: list[Transaction], info: ChargerInfo
) -> int:
    # Keyed by id: a transaction that shifted onto the next page while we paged is
    # written once, and the rows come out in id order.
    by_id = {tx.id: tx for tx in transactions}
    return writer.write_transactions((by_id[key] for key in sorted(by_id)), info)


async def _gather_or_cancel(coros: Sequence[Awaitable[None]]) -> None:
    tasks = [asyncio.ensure_future(coro) for coro in coros]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


def _charger_of(tx: Any, by_id: dict[int, str]) -> str | None:
    """The charger a site-list row ran on: its `charger.uuid`, else its `charger_id`."""
    about = getattr(tx, "charger", None)
    uuid = getattr(about, "uuid", None)
    return uuid if isinstance(uuid, str) and uuid else by_id.get(tx.charger_id)


def _auth_failed(error: AuthError) -> ExportFailed:
    # str(error) already says it: "The API rejected the token (401 ...). Sign in again."
    return ExportFailed(f"{error} Nothing was exported.")


def _failed(failures: Sequence[ChargerFailure], skipped: int, total: int) -> ExportFailed:
    count = len(failures)
    what = "1 charger" if count == 1 else f"{count} chargers"
    message = f"Nothing was exported: {what} of {total} could not be read."
    if skipped:
        message = (
            f"Nothing was exported: {what} in a row could not be read, so the export "
            f"stopped ({skipped} of {total} chargers not tried)."
        )
    return ExportFailed(message, failures=failures, skipped=skipped, total=total)


def default_file_name(
    started_from: date | None, stopped_until: date | None, format: ExportFormat = "csv"
) -> str:
    """`plugdesk-transactions-2026-10.csv` for a calendar month, `-2026` for a calendar
    year, `-2026-10-05_2026-11-12` for another range, `-all` without dates."""
    return f"plugdesk-transactions-{range_label(started_from, stopped_until)}.{format}"


def range_label(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "all"
    if start is not None and end is not None:
        if start.day == 1 and end == _month_end(start):
            return f"{start:%Y-%m}"
        if start.year == end.year and (start.month, start.day, end.month, end.day) == (
            1, 1, 12, 31
        ):
            return f"{start:%Y}"
        return f"{start.isoformat()}_{end.isoformat()}"
    if start is not None:
        return f"from-{start.isoformat()}"
    assert end is not None
    return f"until-{end.isoformat()}"


def _month_end(day: date) -> date:
    next_month = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(next_month.toordinal() - 1)


def month_range(year: int, month: int) -> tuple[date, date]:
    """First and last day of a calendar month."""
    first = date(year, month, 1)
    return first, _month_end(first)


def writable_folder_problem(path: Path) -> str | None:
    """Why an export cannot be saved at `path`, or None when it looks possible."""
    folder = path.parent
    if path.is_dir():
        return f"{path} is a folder; add a file name."
    if not folder.exists():
        return f"The folder {folder} does not exist."
    if not folder.is_dir():
        return f"{folder} is not a folder."
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"PlugDesk cannot write to {folder}: permission denied. Choose another folder."
    return None
