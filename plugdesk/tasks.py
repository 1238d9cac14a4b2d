"""Small asyncio helpers shared by services and the UI (no Qt here).

`TaskRunner` keeps strong references to the tasks it starts (asyncio only keeps weak
ones), cancels the previous task of the same name (refresh, search-as-you-type) and routes
every unexpected exception to one handler, so nothing fails silently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


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
