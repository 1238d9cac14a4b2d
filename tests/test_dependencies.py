"""Guards on the runtime stack that a version bump could silently break."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Signal


class _Pinger(QObject):
    ping = Signal()


def test_signal_emit_keeps_references_to_true(qapp: QCoreApplication) -> None:
    """PySide6 6.12.0 drops a reference to True on every emit(); on Python 3.11 that aborts
    the process after a few thousand signals. pyproject pins it out; this catches a bump."""
    pinger = _Pinger()
    pinger.ping.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        pinger.ping.emit()
    assert sys.getrefcount(True) >= before, f"PySide6 {PySide6.__version__} leaks True"
