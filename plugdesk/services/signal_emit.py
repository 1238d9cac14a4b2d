"""Emit Qt signals from Python without losing a reference to `True`.

PySide6 6.12 returns `True` from `SignalInstance.emit()` (and `.disconnect()`) without
taking a reference for the caller. On Python 3.11, where `True` is an ordinary object with a
reference count, each call therefore leaves its count one lower than it should be, whatever
the signal's argument types (a signal without arguments does it too); after as many calls as
`True` had references the interpreter aborts with "bool_dealloc: deallocating True or
False". Python 3.12 made `True` immortal, so there it is harmless.

`emit()` and `disconnect()` here give the reference back, but only when a probe at first use
shows that this PySide6 actually drops it, so a fixed PySide6 is not over-counted.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_PROBE_CALLS = 50
_leaks_true: bool | None = None


class _Probe(QObject):
    ping = Signal()


def _measure() -> bool:
    """True when `emit()` costs `True` one reference per call. Each trial is repaired at
    once (a few thousand unrepaired calls would be the crash itself), and a majority of
    trials decides, so another thread touching `True` meanwhile cannot fake or hide it."""
    if sys.version_info >= (3, 12):
        return False  # immortal True: nothing to give back (and refcounts are meaningless)
    probe = _Probe()
    signal: Any = probe.ping
    losing = 0
    for _ in range(_PROBE_CALLS):
        before = sys.getrefcount(True)
        result = signal.emit()
        del result
        lost = before - sys.getrefcount(True)
        if lost > 0:
            _give_back(lost)
        losing += lost == 1
    del probe
    return losing > _PROBE_CALLS // 2


def _give_back(count: int) -> None:
    incref = ctypes.pythonapi.Py_IncRef
    for _ in range(count):
        incref(ctypes.py_object(True))


def leaks_true() -> bool:
    global _leaks_true
    if _leaks_true is None:
        _leaks_true = _measure()
    return _leaks_true


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, minus PySide6 6.12's lost reference."""
    result = signal.emit(*args)
    if result is True and leaks_true():
        _give_back(1)


def disconnect(signal: Any, slot: Any) -> bool:
    """`signal.disconnect(slot)`; False instead of an exception when not connected."""
    try:
        result = signal.disconnect(slot)
    except (RuntimeError, TypeError):
        return False
    if result is True and leaks_true():
        _give_back(1)
    return bool(result)
