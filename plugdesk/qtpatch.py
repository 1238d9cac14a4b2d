"""A process-wide fix for PySide6 6.12's lost reference to `True` (Python 3.11).

`SignalInstance.emit()` and `SignalInstance.disconnect()` return `True` without taking a
reference for the caller. On Python 3.11, where `True` is an ordinary reference-counted
object, every call leaves its count one lower than it should be: for *every* signal,
whatever its argument types, with or without a connected slot (a bare `Signal()` does it
too; checked on 6.12.0). After as many calls as `True` had references, typically a few
thousand, the interpreter aborts with "Fatal Python error: bool_dealloc". A PlugDesk that
refreshes every 30 s emits several signals per refresh, so it would die within hours.
Python 3.12 made `True` immortal, so there the bug is harmless.

`install()` replaces the two methods on the `SignalInstance` type with thin wrappers that
give the reference back, once, for the whole process, and only when a probe shows that
this PySide6 really drops it (a fixed PySide6 is left alone). Call it at start-up, after
importing PySide6 and before the first signal is emitted: `app.py` and the test conftest.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBE_CALLS = 64
_installed: bool | None = None


class _Probe(QObject):
    ping = Signal()


def _give_back(count: int = 1) -> None:
    for _ in range(count):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def drops_true() -> bool:
    """Does `emit()` cost `True` one reference per call here? Each trial is repaired at
    once, and the majority decides, so another thread touching `True` meanwhile can
    neither fake nor hide the bug."""
    if sys.version_info >= (3, 12):
        return False  # immortal True: nothing to give back, refcounts are meaningless
    probe = _Probe()
    signal: Any = probe.ping
    dropping = 0
    for _ in range(_PROBE_CALLS):
        before = sys.getrefcount(True)
        result = signal.emit()
        del result
        lost = before - sys.getrefcount(True)
        if lost > 0:
            _give_back(lost)
        dropping += lost == 1
    probe.deleteLater()
    return dropping > _PROBE_CALLS // 2


def install() -> bool:
    """Patch `SignalInstance.emit`/`.disconnect` if this PySide6 needs it (idempotent).
    Returns whether the patch is active."""
    global _installed
    if _installed is not None:
        return _installed
    _installed = drops_true()
    if not _installed:
        return False
    emit = SignalInstance.emit
    disconnect = SignalInstance.disconnect

    def emit_keeping_true(self: SignalInstance, *args: Any) -> bool:
        result = emit(self, *args)
        if result is True:
            _give_back()
        return bool(result)

    def disconnect_keeping_true(self: SignalInstance, *args: Any) -> bool:
        result = disconnect(self, *args)
        if result is True:
            _give_back()
        return bool(result)

    SignalInstance.emit = emit_keeping_true  # type: ignore[method-assign,assignment]
    SignalInstance.disconnect = disconnect_keeping_true  # type: ignore[method-assign,assignment]
    return True
