"""The one way to run async work from Qt, and the one rule for work off the UI thread.

Tasks: `TaskRunner` keeps strong references to the tasks it starts (asyncio only keeps
weak ones), cancels the previous task of the same name (refresh, search-as-you-type) and
routes every unexpected exception to one handler, so nothing fails silently.

Work off the UI thread — the rule. The UI thread runs Qt and the asyncio loop (qasync);
nothing on it may block or hold it for more than ~16 ms (one frame).

1. Blocking I/O — keyring calls (D-Bus, an unlock prompt), file writes, SQLite commits,
   starting or stopping a server thread — goes through `run_blocking(function, *args,
   lane=...)`. Always, in every layer above `domain/` (the GUI never calls the keyring on
   its own thread). A lane is one worker thread, shared by the whole process, made on
   first use: calls in one lane run one at a time and in order (an export's writes stay in
   order; keyring calls never overlap; a SQLite connection stays in the thread that opened
   it). Pick the lane of the resource: `KEYRING`, `FILES` (export files), `HISTORY`
   (the history file's one writing connection: plugdesk/services/history.py), or `IO`
   for anything else.
2. Pure-Python CPU work (health judgements, sorting thousands of rows with a Python key)
   may also go through `run_blocking(..., lane=COMPUTE)`: Python hands the GIL back every
   switch interval (0.2 ms in the app: `favour_the_ui_thread`), so the loop keeps its turns.
3. C code that holds the GIL for long — msgspec decoding a big body, `json` on megabytes,
   sorting without a key function — gains nothing from a thread: the loop cannot run until
   the call returns. Cut such work into slices on the loop instead (decode page by page,
   `await asyncio.sleep(0)` between slices), each under a few milliseconds.

Never `asyncio.to_thread` or `loop.run_in_executor(None, ...)`: on the qasync loop the
default executor is made of QThreads, which must not outlive the QApplication, and a
thread per call gives no order. Nor a private `ThreadPoolExecutor`: a lane says the same
with a name. The result comes back through `loop.call_soon_threadsafe`, safe with the
pinned PySide6 (< 6.12; 6.12.0 leaked a reference to True on each such wake-up, see
pyproject.toml).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import logging
import os
import sys
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]
T = TypeVar("T")

# The lanes (see the module docstring): one worker thread each.
IO = "io"
KEYRING = "keyring"
FILES = "files"
HISTORY = "history"
COMPUTE = "compute"
LANE_NICENESS = 5  # a lane thread's CPU share is a third of the UI thread's when both run


class TaskRunner:
    """Start named coroutines; a new task with a name cancels the old one."""

    def __init__(self, on_error: ErrorHandler | None = None) -> None:
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._anonymous: set[asyncio.Task[Any]] = set()
        self._on_error = on_error

    def start(
        self, coro: Coroutine[Any, Any, Any], name: str | None = None, *, replace: bool = True
    ) -> asyncio.Task[Any]:
        """Schedule `coro`. With a name and `replace`, a running task of that name is
        cancelled first; without `replace` the new coroutine is dropped while one runs."""
        if name is not None:
            running = self._tasks.get(name)
            if running is not None and not running.done():
                if not replace:
                    coro.close()
                    return running
                running.cancel()
        task = asyncio.get_event_loop().create_task(coro, name=name)
        if name is None:
            self._anonymous.add(task)
        else:
            self._tasks[name] = task
        task.add_done_callback(self._finished)
        return task

    def cancel(self, name: str) -> None:
        """Cancel the running task of that name, if any."""
        task = self._tasks.get(name)
        if task is not None and not task.done():
            task.cancel()

    def is_running(self, name: str) -> bool:
        task = self._tasks.get(name)
        return task is not None and not task.done()

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._anonymous.discard(task)
        name = task.get_name()
        if self._tasks.get(name) is task:
            del self._tasks[name]
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        if self._on_error is not None:
            self._on_error(error)
        else:
            log.error("background task %s failed", name, exc_info=error)

    def active_count(self) -> int:
        return len(self._anonymous) + sum(1 for t in self._tasks.values() if not t.done())

    async def cancel_all(self) -> None:
        tasks = [t for t in (*self._tasks.values(), *self._anonymous) if not t.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()
        self._anonymous.clear()


# -- work off the UI thread (rule in the module docstring) ---------------------------------

_lanes: dict[str, concurrent.futures.ThreadPoolExecutor] = {}
_lanes_lock = threading.Lock()


def lane_executor(lane: str) -> concurrent.futures.ThreadPoolExecutor:
    """The worker thread of `lane`, made on first use and shared by the whole process."""
    with _lanes_lock:
        executor = _lanes.get(lane)
        if executor is None:
            executor = concurrent.futures.ThreadPoolExecutor(
                max_workers=1, thread_name_prefix=f"plugdesk-{lane}", initializer=_below_the_ui
            )
            _lanes[lane] = executor
        return executor


def _below_the_ui() -> None:
    """A lane's thread yields the CPU to the UI thread (Linux: each thread has its own
    nice value). On a busy two-core machine a 40 MB fleet cache write or the judgement
    of 50,000 chargers otherwise took the UI thread's core for 50-100 ms at a time."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LANE_NICENESS)


def submit_blocking(
    function: Callable[..., T], *args: Any, lane: str = IO
) -> concurrent.futures.Future[T]:
    """`function(*args)` queued in `lane`'s thread; await it with `wait_blocking`."""
    return lane_executor(lane).submit(function, *args)


async def wait_blocking(future: concurrent.futures.Future[T]) -> T:
    """Await a lane's result without blocking the loop. Cancelling the await cancels the
    call only if it has not started (a thread cannot be stopped halfway)."""
    return await asyncio.wrap_future(future)


async def run_blocking(function: Callable[..., T], *args: Any, lane: str = IO) -> T:
    """Run blocking `function(*args)` in `lane`'s thread and await its result."""
    return await wait_blocking(submit_blocking(functools.partial(function, *args), lane=lane))


def run_blocking_now(function: Callable[..., T], *args: Any, lane: str, timeout: float) -> T:
    """From a non-async shutdown path: run in `lane` (keeping its order and thread) and
    wait for the result here, at most `timeout` seconds."""
    return submit_blocking(function, *args, lane=lane).result(timeout=timeout)
