"""SIGINT and SIGTERM end PlugDesk in order, the way Quit does.

A session manager sends SIGTERM at logout, `kill` sends it, Ctrl+C in a terminal sends
SIGINT. The first one asks for the orderly quit (`Desk.aclose`: window state saved, the
last fleet snapshot flushed, the store closed, exit 0). At that moment both signals are set
back to the system default, so a second one ends the process at once, whatever the main
thread is doing (a quit that hangs can always be forced).

Why this needs help: Python runs a signal handler only between bytecodes of the main
thread, and the main thread mostly sits in Qt's event loop, in C++ (so SIGINT used to be
ignored until some Python ran). On Unix the qasync loop is an asyncio selector loop:
`loop.add_signal_handler` makes the C-level handler write the signal number to the loop's
self-pipe (`signal.set_wakeup_fd`), which Qt watches with a QSocketNotifier, so the
callback runs on the next turn of the loop.

Windows differs: there is no `add_signal_handler` (qasync runs a proactor there) and no
SIGTERM from a session manager. Ctrl+C in a console is SIGINT (Ctrl+Break is SIGBREAK);
logging off reaches Qt as the end of the session, which quits the application the usual
way. So there the handler is set with `signal.signal` and a short timer makes the main
thread run Python often enough to call it.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QTimer

log = logging.getLogger(__name__)

# How often the main thread runs Python where the loop cannot wake it for a signal.
WAKE_INTERVAL_MS = 200


def quit_signals() -> tuple[signal.Signals, ...]:
    sigterm = getattr(signal, "SIGTERM", None)
    return (signal.SIGINT,) if sigterm is None else (signal.SIGINT, sigterm)


class ShutdownSignals:
    """While installed, the first SIGINT/SIGTERM calls `on_quit(name)`; a second one
    ends the process (the system default)."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        on_quit: Callable[[str], None],
        *,
        use_loop: bool = True,
    ) -> None:
        self._loop = loop
        self._on_quit = on_quit
        self._use_loop = use_loop
        self._previous: dict[signal.Signals, Any] = {}
        self._via_loop: set[signal.Signals] = set()
        self._wake: QTimer | None = None
        self.received: list[str] = []

    def install(self) -> None:
        for sig in quit_signals():
            previous = signal.getsignal(sig)
            if previous is signal.SIG_IGN:
                continue  # ignored by who started us (nohup, a background job): stays so
            self._previous[sig] = previous
            if self._use_loop and self._add_to_loop(sig):
                continue
            signal.signal(sig, self._from_python_handler)
            if self._wake is None:
                self._wake = QTimer()
                self._wake.setInterval(WAKE_INTERVAL_MS)
                self._wake.timeout.connect(lambda: None)  # any Python call runs handlers
                self._wake.start()

    def _add_to_loop(self, sig: signal.Signals) -> bool:
        try:
            self._loop.add_signal_handler(sig, self._received, sig)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows; not main thread
            return False
        self._via_loop.add(sig)
        return True

    def _from_python_handler(self, signum: int, _frame: FrameType | None) -> None:
        # Runs between two bytecodes of the main thread: leave the work to the loop.
        self._loop.call_soon_threadsafe(self._received, signal.Signals(signum))

    def _received(self, sig: signal.Signals) -> None:
        if self.received:  # only possible in the moment before the defaults took over
            return
        self.received.append(sig.name)
        self._defaults_from_now()
        log.info("%s received: quitting (a second signal ends PlugDesk at once)", sig.name)
        self._on_quit(sig.name)

    def _defaults_from_now(self) -> None:
        for sig in self._previous:
            self._remove_handler(sig)
            signal.signal(sig, signal.SIG_DFL)

    def _remove_handler(self, sig: signal.Signals) -> None:
        if sig in self._via_loop:
            self._via_loop.discard(sig)
            if not self._loop.is_closed():
                self._loop.remove_signal_handler(sig)

    def uninstall(self) -> None:
        """Put back what was there before `install` (idempotent)."""
        if self._wake is not None:
            self._wake.stop()
            self._wake = None
        for sig, previous in self._previous.items():
            self._remove_handler(sig)
            signal.signal(sig, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()
