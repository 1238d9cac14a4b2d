"""HistoryWriter: every write to the history file, off the UI thread, one at a time, in order.

An incident commit fsyncs (`synchronous=FULL`, see plugdesk/domain/store.py): on a slow
disk moment that is hundreds of milliseconds, and on the UI thread it froze the window.
So every write the app makes (incidents, mutes, the pause, alert bookkeeping, the action
audit trail, the fleet cache) goes to the `HISTORY` lane: one worker thread with its own
connection to the store file, which runs the writes in the order they were queued. The
UI thread keeps its own connection for reads; WAL lets the two work side by side, and a
read sees every write that has completed.

Awaiting a write is the caller's choice: alerts wait for their incidents' commit, and an
action's reply waits for its audit row ("recorded before its reply is shown"); a mute or
the alert bookkeeping need not. A queued write always runs, even when whoever queued it
is cancelled (a write dropped at quit would lose an incident).

A store in memory (the fall-back when the file cannot be opened) has no file for a second
connection: its writes run at once on the caller's thread, as does an `inline` writer.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Callable
from typing import TypeVar
from weakref import WeakKeyDictionary

from plugdesk.domain.errors import Message
from plugdesk.domain.store import Store, StoreError
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.tasks import HISTORY, run_blocking_now, submit_blocking

log = logging.getLogger(__name__)

T = TypeVar("T")
Write = Callable[[Store], T]  # runs with the writer's own Store, in the writer's thread
CLOSE_TIMEOUT = 30.0  # seconds a quit waits for the writes still queued

_CLOSED = Message("Store", QT_TRANSLATE_NOOP("Store", "The event history is closed."), {})
_writers: WeakKeyDictionary[Store, HistoryWriter] = WeakKeyDictionary()


def history_writer(store: Store) -> HistoryWriter:
    """The one writer of `store`'s file (made on first use, shared by every service)."""
    writer = _writers.get(store)
    if writer is None or writer.closed:
        writer = _writers[store] = HistoryWriter(store)
    return writer


class HistoryWriter:
    """Queues writes to `store`'s file in the HISTORY lane (or runs them at once when
    `inline` or when the store lives in memory)."""

    def __init__(self, store: Store, *, inline: bool = False) -> None:
        self.inline = inline or store.path is None
        self._reader = store  # the UI thread's Store: the inline writer writes with it
        self._store: Store | None = None  # the lane's own, opened there on first use
        self._queued: set[concurrent.futures.Future[object]] = set()  # not done yet
        self.closed = False

    def submit(self, write: Write[T]) -> concurrent.futures.Future[T]:
        """Queue `write(store)`; the future holds its result or its StoreError."""
        if self.closed:
            return _failed(StoreError(_CLOSED))
        if self.inline:
            return _now(write, self._reader)
        future = submit_blocking(self._run, write, lane=HISTORY)
        self._queued.add(future)
        future.add_done_callback(self._queued.discard)
        return future

    async def run(self, write: Write[T]) -> T:
        """`submit` and await the commit. Cancelling the await does not cancel the write."""
        future = asyncio.wrap_future(self.submit(write))
        return await asyncio.shield(future)

    @property
    def pending(self) -> int:
        """Writes queued and not done yet."""
        return len(self._queued)

    async def flush(self) -> None:
        """Wait until every write queued so far is done (at once when none is)."""
        queued = [asyncio.wrap_future(future) for future in list(self._queued)]
        if queued:
            await asyncio.wait(queued)

    def close(self) -> None:
        """Run what is queued, then close the lane's connection (folds the WAL back).
        From a shutdown path: blocks at most CLOSE_TIMEOUT seconds. Safe to call twice."""
        if self.closed:
            return
        self.closed = True
        if not self.inline:
            run_blocking_now(self._close_store, lane=HISTORY, timeout=CLOSE_TIMEOUT)

    # -- in the lane's thread ---------------------------------------------------------------

    def _run(self, write: Write[T]) -> T:
        if self._store is None:
            self._store = Store(self._reader.path or "")
        return write(self._store)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _now(write: Write[T], store: Store) -> concurrent.futures.Future[T]:
    future: concurrent.futures.Future[T] = concurrent.futures.Future()
    try:
        future.set_result(write(store))
    except StoreError as error:
        future.set_exception(error)
    return future


def _failed(error: BaseException) -> concurrent.futures.Future[T]:
    future: concurrent.futures.Future[T] = concurrent.futures.Future()
    future.set_exception(error)
    return future
