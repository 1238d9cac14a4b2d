"""Charger text in notifications and the tray (point 5 of the hardening issue, the GUI side).

A charger's identity and error text are the charger's to choose. The alert built from them
goes to a real freedesktop notification server (on a private session bus), to the tray's
balloon and to its tooltip: none may carry a control or bidi character, nor a fake line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from plugdesk.domain.incidents import Alert, IncidentTracker
from plugdesk.domain.store import Store
from plugdesk.services.notifier import NativeChannel, Note, Notifier
from plugdesk.tasks import TaskRunner
from plugdesk.ui.tray import FleetTray
from tests.support.health import charger
from tests.support.notifications import NotificationServer, start_server
from tests.support.pipeline import LOUD

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)
NAME = "PC\x1b]0;owned\x07\x1b[2J-001\nPC-002 is back online\u202eexe.gpj"
ERROR_INFO = "Ground\x00 fault\r\nAll chargers OK\u2066\u2069\x9b"
FORBIDDEN = ["\x1b", "\x07", "\x00", "\r", "\u202e", "\u2066", "\u2069", "\x9b"]


def _hostile_alert(tmp_path: Path) -> Alert:
    """The alert the real tracker raises for a faulted charger with hostile text."""
    with Store(tmp_path / "history.sqlite3") as store:
        tracker = IncidentTracker(store, grace_fault=0, grace_clear=0, prefs=LOUD)
        broken = charger(1, identity=NAME).faulted(info=ERROR_INFO)
        (alert,) = tracker.observe([broken], NOW)
    assert "\x1b" in alert.title  # the domain keeps the text as it came ...
    return alert


def _clean(text: str) -> None:
    for char in FORBIDDEN:
        assert char not in text, (char, text)


def test_a_note_carries_no_control_or_bidi_characters(tmp_path: Path) -> None:
    alert = _hostile_alert(tmp_path)
    note = Note(alert, lambda: None, detail=f"Charger {NAME}")
    _clean(note.title)  # ... and every channel shows it neutralised
    _clean(note.body)
    assert "\n" not in note.title
    assert note.body.count("\n") == 1  # only our own line break before the detail
    assert "exe.gpj" in note.title and "PC-002 is back online" in note.title


@pytest.fixture
def server(session_bus: str, run: Any) -> Iterator[NotificationServer]:
    bus, server = run(start_server())
    yield server
    bus.disconnect()
    run(bus.wait_for_disconnect())


def test_the_notification_daemon_receives_clean_text(
    server: NotificationServer, run: Any, tmp_path: Path
) -> None:
    alert = _hostile_alert(tmp_path)
    native = NativeChannel()
    notifier = Notifier(TaskRunner(on_error=lambda _e: None), [native])
    try:
        assert run(notifier.deliver(alert), timeout=20) == "native"
    finally:
        run(native.aclose())
    (received,) = server.received
    _clean(received.summary)
    _clean(received.body)
    assert "\n" not in received.summary and "\n" not in received.body


def test_tray_tooltip_is_clean(qapp: Any) -> None:
    tray = FleetTray()
    try:
        one_line = NAME.replace("\n", " ")
        tray.set_health("fault", {"fault": 1}, f"PlugDesk — 1 charger\nNote: {one_line}\u2028x")
        tooltip = tray.icon.toolTip()
        _clean(tooltip)
        assert "\u2028" not in tooltip
        assert tooltip.split("\n")[0] == "PlugDesk — 1 charger"
        assert len(tooltip.split("\n")) == 2  # our two lines, no more
    finally:
        tray.deleteLater()
