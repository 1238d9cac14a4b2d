"""The tray icon: health states, menu, balloon fallback, and the close-to-tray rule
(hide to tray only when a tray exists; never an invisible app)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from plugdesk.domain.incidents import Alert
from plugdesk.services.notifier import Note
from plugdesk.ui import tray as tray_module
from plugdesk.ui.main_window import MainWindow
from plugdesk.ui.tray import FleetTray, install_tray
from tests.support.harness import Harness, make_window_harness

ALERT = Alert(
    kind="opened",
    incident_ids=(1,),
    title="PC-001 faulted",
    body="GroundFailure",
    urgency="critical",
    charger_uuid="uuid-1",
)


@pytest.fixture
def tray(qapp: Any) -> Iterator[FleetTray]:
    icon = FleetTray()
    yield icon
    icon.deleteLater()


@pytest.fixture
def quit_on_close(qapp: QApplication) -> Iterator[None]:
    """The test QApplication is shared: put its quit rule back afterwards."""
    before = qapp.quitOnLastWindowClosed()
    yield
    qapp.setQuitOnLastWindowClosed(before)


@pytest.fixture
def window_harness(sim: Any, qtbot: Any, run: Any) -> Iterator[Harness]:
    h = make_window_harness(sim, qtbot)
    yield h
    run(h.aclose())


def test_health_states_change_the_icon_and_tooltip(tray: FleetTray) -> None:
    keys = {"ok": tray.icon.icon().cacheKey()}
    tray.set_health("warning", {"offline": 2}, "PlugDesk — 40 chargers\nOffline 2 · OK 38")
    keys["warning"] = tray.icon.icon().cacheKey()
    tray.set_health("fault", {"fault": 3, "ok": 37}, "PlugDesk — 40 chargers\nFault 3 · OK 37")
    keys["fault3"] = tray.icon.icon().cacheKey()
    assert tray.state()["level"] == "fault" and tray.state()["faulted"] == 3
    assert tray.icon.toolTip() == "PlugDesk — 40 chargers\nFault 3 · OK 37"
    tray.set_health("fault", {"fault": 1}, "one")
    keys["fault1"] = tray.icon.icon().cacheKey()
    assert len(set(keys.values())) == 4  # each state its own picture
    tray.set_health("fault", {"fault": 1}, "same state, new words")
    assert tray.icon.icon().cacheKey() == keys["fault1"]  # not redrawn
    assert tray.icon.toolTip() == "same state, new words"


def test_fault_badge_shows_red_and_ok_green(tray: FleetTray) -> None:
    def colours(level: str, counts: dict[str, int]) -> set[tuple[int, int, int]]:
        tray.set_health(level, counts, "")
        image = tray.icon.icon().pixmap(64, 64).toImage()
        return {
            (c.red(), c.green(), c.blue())
            for x in range(0, 64, 2)
            for y in range(0, 64, 2)
            if (c := image.pixelColor(x, y)).alpha() == 255
        }

    assert (0xC6, 0x28, 0x28) in colours("fault", {"fault": 2})
    assert (0x2E, 0x7D, 0x32) in colours("ok", {})


def test_menu_has_the_five_entries_and_they_ask(tray: FleetTray, qtbot: Any) -> None:
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == ["Open PlugDesk", "Refresh now", "Pause notifications for 1 h",
                     "Sign out", "Quit"]  # fmt: skip
    for action, signal in (
        (tray.open_action, tray.open_requested),
        (tray.refresh_action, tray.refresh_requested),
        (tray.sign_out_action, tray.sign_out_requested),
        (tray.quit_action, tray.quit_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            action.trigger()
    with qtbot.waitSignal(tray.pause_requested) as paused:
        tray.pause_action.trigger()
    assert paused.args == [True]
    from datetime import UTC, datetime

    tray.set_paused(datetime(2025, 1, 1, 15, 30, tzinfo=UTC))
    assert tray.pause_action.text().startswith("Resume notifications (paused until")
    with qtbot.waitSignal(tray.pause_requested) as resumed:
        tray.pause_action.trigger()
    assert resumed.args == [False]
    tray.set_paused(None)
    assert tray.pause_action.text() == "Pause notifications for 1 h"


def test_left_click_opens_the_window(tray: FleetTray, qtbot: Any) -> None:
    with qtbot.waitSignal(tray.open_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)


def test_balloon_is_the_tray_channel_and_its_click_opens_the_charger(
    tray: FleetTray, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(tray.icon, "showMessage", lambda t, b, *_: shown.append((t, b)))
    opened: list[str] = []
    note = Note(ALERT, lambda: opened.append("uuid-1"))
    assert not tray.available()  # hidden: no balloon from an invisible icon
    assert run(tray.deliver(note)) is False
    monkeypatch.setattr(tray, "available", lambda: True)
    assert run(tray.deliver(note)) is True
    assert shown == [("PC-001 faulted", "GroundFailure")]
    tray.icon.messageClicked.emit()
    assert opened == ["uuid-1"]


def test_without_a_tray_the_window_stays_and_closing_quits(
    window_harness: Harness, qapp: QApplication, quit_on_close: None
) -> None:
    window = window_harness.window
    assert isinstance(window, MainWindow)
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: like stock GNOME
    assert install_tray(qapp, window) is None
    assert window.close_hides is False
    assert qapp.quitOnLastWindowClosed() is True
    assert window.close() is True  # the close is accepted: last window gone, app quits


def test_with_a_tray_closing_hides_to_it(
    window_harness: Harness,
    qapp: QApplication,
    quit_on_close: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = window_harness.window
    assert isinstance(window, MainWindow)
    monkeypatch.setattr(tray_module, "tray_available", lambda: True)
    installed = install_tray(qapp, window)
    try:
        assert installed is not None and installed.is_visible
        assert window.close_hides is True
        assert qapp.quitOnLastWindowClosed() is False
        assert window.close() is False  # refused: hidden instead
        assert not window.isVisible()
        installed.open_requested.connect(lambda: tray_module.bring_up(window))
        installed.open_action.trigger()
        assert window.isVisible()
    finally:
        if installed is not None:
            installed.hide()


def test_the_tray_can_be_hidden_after_its_window_is_gone(qapp: Any) -> None:
    """Quitting deletes the window (the tray's parent) while the clean-up still runs."""
    import shiboken6
    from PySide6.QtCore import QObject

    owner = QObject()
    icon = FleetTray(owner)
    shiboken6.delete(owner)
    assert not shiboken6.isValid(icon.icon)
    icon.hide()  # no "Internal C++ object already deleted"
    assert icon.is_visible is False
