"""ExportJob: one transaction export, run on the qasync loop, reported through signals.

The work itself is `plugdesk.domain.export_run.export_transactions` (no Qt; the command
line runs the same code). This object only opens the writer off the UI thread, turns the
outcome into signals, and owns the cancel switch. Make a new job per export (the dialog
takes a factory): a job's signals then belong to one export only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Signal

from plugdesk.api.budget import EXPORT_SHARE
from plugdesk.domain.export_run import (
    DEFAULT_CONCURRENCY,
    ExportCancelled,
    ExportFailed,
    ExportRequest,
    ExportSource,
    ExportSummary,
    TransactionSource,
    describe_os_error,
    estimate_seconds_left,
    export_transactions,
    run_in_worker,
)
from plugdesk.tasks import TaskRunner

log = logging.getLogger(__name__)

EXPORT_TASK = "transaction-export"
PROGRESS_INTERVAL_S = 0.1


class ExportJob(QObject):
    """Signals: exactly one of finished / failed / cancelled ends every started export."""

    started = Signal()
    progress = Signal(int, int, int)  # chargers done, chargers total (0 = still listing), rows
    finished = Signal(object)  # ExportSummary
    failed = Signal(str)  # headline, then one "• charger: reason" line per failed charger
    cancelled = Signal()

    def __init__(
        self,
        client: TransactionSource,
        runner: TaskRunner | None = None,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        budget_share: float | None = EXPORT_SHARE,
        source: ExportSource = "auto",
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        """`budget_share`: the fraction of the client's request budget the export may
        use (None: all of it); the rest stays with the fault watch. `source`: how to read
        the transactions ("auto": the way with fewer requests, see `choose_source`)."""
        super().__init__(parent)
        self._client = client
        self._runner = runner or TaskRunner(self._unexpected)
        self._concurrency = concurrency
        self._budget_share = budget_share
        self._source: ExportSource = source
        self._monotonic = monotonic
        self._started_at = 0.0
        self._seconds_left: float | None = None
        self._cancel: asyncio.Event | None = None
        self._running = False
        self._last_progress = 0.0
        self.error: ExportFailed | None = None  # the last failure, with per-charger detail
        self.summary: ExportSummary | None = None

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def seconds_left(self) -> float | None:
        """Estimated seconds until the export is done (None until there is a basis)."""
        return self._seconds_left

    def start(self, request: ExportRequest) -> None:
        """Run `request` in the background; ignored while an export is running."""
        if self._running:
            return
        # Set now, not when the task first runs: a double click cannot start a second run,
        # and a cancel() straight after start() is not lost.
        self._running = True
        self._cancel = asyncio.Event()
        # A name per job: with the app's shared runner, a second dialog's export must run
        # beside this one, not be dropped as a duplicate.
        name = f"{EXPORT_TASK}:{id(self):x}"
        self._runner.start(self._run_started(request, self._cancel), name, replace=False)

    def cancel(self) -> None:
        """Stop the running export; `cancelled` follows once the temporary file is gone."""
        if self._cancel is not None:
            self._cancel.set()

    async def run(self, request: ExportRequest) -> ExportSummary | None:
        """The same work as `start`, awaitable: the summary, or None after failed/cancelled."""
        if self._running:
            raise RuntimeError("this export job is already running")
        self._running = True
        self._cancel = asyncio.Event()
        return await self._run_started(request, self._cancel)

    async def _run_started(
        self, request: ExportRequest, cancel: asyncio.Event
    ) -> ExportSummary | None:
        self.error = None
        self.summary = None
        self._started_at = self._monotonic()
        self._seconds_left = None
        self.started.emit()
        try:
            return await self._export(request, cancel)
        except asyncio.CancelledError:
            self.cancelled.emit()  # the task itself was cancelled (window closing)
            raise
        except Exception as error:  # a bug: still end with a signal, never leave a dialog
            log.error("export crashed", exc_info=error)  # waiting on a job that is gone
            self.failed.emit(
                f"The export stopped on an unexpected error ({type(error).__name__}: {error}). "
                "No file was written."
            )
            return None
        finally:
            self._running = False
            self._cancel = None

    async def _export(self, request: ExportRequest, cancel: asyncio.Event) -> ExportSummary | None:
        if cancel.is_set():  # cancelled before it began: not even a temporary file
            self.cancelled.emit()
            return None
        try:
            # Creating the temporary file touches the disk: not on the UI thread.
            writer = await run_in_worker(request.open_writer)
        except OSError as error:
            self._fail(ExportFailed(describe_os_error(error, request.target)))
            return None
        except ValueError as error:
            self._fail(ExportFailed(str(error)))
            return None
        try:
            with self._budget():
                summary = await export_transactions(
                    self._client,
                    request.scope,
                    request.filters,
                    writer,
                    concurrency=self._concurrency,
                    progress=self._progress,
                    cancel=cancel,
                    source=self._source,
                )
        except ExportCancelled:
            self.cancelled.emit()
            return None
        except ExportFailed as error:
            self._fail(error)
            return None
        self.summary = summary
        self.finished.emit(summary)
        return summary

    @contextlib.contextmanager
    def _budget(self) -> Iterator[None]:
        """Route the export's requests through the capped share of the client's budget
        (a client without budgets, such as a test's fake, is used as it is)."""
        budget = getattr(self._client, "budget", None)
        using = getattr(self._client, "using_budget", None)
        if self._budget_share is None or budget is None or using is None:
            yield
            return
        with using(budget.share(self._budget_share)):
            yield

    def _progress(self, done: int, total: int, rows: int) -> None:
        self._seconds_left = estimate_seconds_left(
            self._monotonic() - self._started_at, done, total
        )
        # At most ~10 updates a second: a big fleet of small chargers would otherwise flood
        # the event loop with repaints. The first and the last always go out.
        now = time.monotonic()
        if 0 < done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self.progress.emit(done, total, rows)

    def _fail(self, error: ExportFailed) -> None:
        log.info("export failed: %s", error.one_line())
        self.error = error
        self.failed.emit(error.report())

    def _unexpected(self, error: BaseException) -> None:
        # Only reached for errors outside the export itself (those end in `failed`).
        log.error("export task failed", exc_info=error)
