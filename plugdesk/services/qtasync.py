"""Await a Qt signal from asyncio code on the qasync loop.

pytest-qt's `waitSignal` spins Qt events but does not advance asyncio tasks, and a plain
callback cannot be awaited; this resolves an asyncio future from the signal instead. Make
the waiter *before* triggering the action, so a fast emission is not missed.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

Predicate = Callable[..., bool]


class SignalWaiter:
    """Connects at once; `await waiter.wait(timeout)` returns the emission's arguments."""

    def __init__(self, signal: Any, predicate: Predicate | None = None) -> None:
        self._signal = signal
        self._predicate = predicate
        self._future: asyncio.Future[tuple[Any, ...]] = asyncio.get_event_loop().create_future()
        self._connected = True
        signal.connect(self._on_emit)

    def _on_emit(self, *args: Any) -> None:
        if self._future.done():
            return
        if self._predicate is not None and not self._predicate(*args):
            return
        self._future.set_result(args)
        self.disconnect()

    @property
    def emitted(self) -> bool:
        return self._future.done()

    async def wait(self, seconds: float | None = None) -> tuple[Any, ...]:
        """The emission's arguments; TimeoutError after `seconds` (None: no limit)."""
        try:
            return await asyncio.wait_for(self._future, seconds)
        finally:
            self.disconnect()

    def disconnect(self) -> None:
        if self._connected:
            self._connected = False
            # RuntimeError/TypeError: the sender is already gone.
            with contextlib.suppress(RuntimeError, TypeError):
                self._signal.disconnect(self._on_emit)


