"""Pause and mute from the main window, muted chargers marked in the list, and the one-time
hint that closing the window leaves PlugDesk running in the tray (issue 22 point 8). The
window drives the incident tracker's own pause and mutes (the tray and Events use them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from plugdesk.ui.fleet_model import Column
from plugdesk.ui.main_window import TRAY_HINT, TRAY_HINT_KEY, MainWindow
from tests.app.test_alerts import close, healthy, wired


def test_pause_and_resume_from_the_alerts_menu(frozen_sim: Simulator, qtbot: Any,
                                               run: Any) -> None:  # fmt: skip
    desk, parts = wired(frozen_sim, qtbot)
    window = desk.window
    try:
        run(desk.harness.refresh())
        run(parts.notifier.deliver_all([]))
        assert window.alerts_status_action.text() == "Alerts are on"
        assert window.pause_alerts_action.isEnabled()
        assert not window.resume_alerts_action.isEnabled()
        window.pause_alerts_action.trigger()
        assert parts.service.paused_until() is not None  # the tracker's one pause
        assert window.alerts_status_action.text().startswith("Alerts paused until ")
        assert window.resume_alerts_action.isEnabled()
        assert not window.pause_alerts_action.isEnabled()
        # A fault now is listed quietly, not popped up.
        uuid = healthy(frozen_sim)
        frozen_sim.force_fault(uuid, "OverVoltage", "Grid voltage above 253 V")

        async def scenario() -> tuple[Any, str]:
            shown = SignalWaiter(parts.notifier.delivered,
                                 lambda alert, _c: alert.charger_uuid == uuid)  # fmt: skip
            desk.harness.monitor.refresh_now()
            return await shown.wait(20)

        alert, channel = run(scenario(), timeout=30)
        assert channel == "quiet" and alert.suppressed_by.startswith("Notifications paused")
        window.resume_alerts_action.trigger()
        assert parts.service.paused_until() is None
        assert window.alerts_status_action.text() == "Alerts are on"
    finally:
        run(close(desk, parts))


def _menu(window: MainWindow, reason: QContextMenuEvent.Reason, row: int) -> QMenu:
    table = window.fleet_view.table
    index = table.model().index(row, Column.HEALTH)
    table.setCurrentIndex(index)
    center = table.visualRect(index).center()
    target = table.viewport() if reason == QContextMenuEvent.Reason.Mouse else table
    at = center if target is table.viewport() else QPoint(5, 5)
    QApplication.sendEvent(target, QContextMenuEvent(reason, at, table.mapToGlobal(at)))
    menu = window.charger_menu
    assert menu is not None and menu.isVisible()
    return menu


def _choose(menu: QMenu, text: str) -> None:
    (action,) = [a for a in menu.actions() if a.text().startswith(text)]
    action.trigger()
    menu.close()


def test_mute_from_the_charger_list_marks_the_charger(frozen_sim: Simulator, qtbot: Any,
                                                      run: Any) -> None:  # fmt: skip
    desk, parts = wired(frozen_sim, qtbot)
    window = desk.window
    try:
        run(desk.harness.refresh())
        table = window.fleet_view.table
        model = table.model()
        row = 3
        uuid = model.index(row, 0).data(Qt.ItemDataRole.UserRole + 2)
        health = model.index(row, Column.HEALTH)
        assert "Muted" not in health.data()
        # The Menu key acts on the current row.
        menu = _menu(window, QContextMenuEvent.Reason.Keyboard, row)
        assert menu.actions()[0].text().startswith("Pop-ups for ")
        _choose(menu, "Mute for 1 hour")
        assert parts.service.mute_of(uuid) is not None
        row = window.fleet_model.row_of(uuid)
        cell = window.fleet_model.index(row, Column.HEALTH)
        assert cell.data().startswith("Muted · ")
        assert "Pop-ups muted until " in cell.data(Qt.ItemDataRole.ToolTipRole)
        # A right-click on the same row offers Unmute; other rows stay unmarked.
        proxy_row = table.model().mapFromSource(cell).row()
        menu = _menu(window, QContextMenuEvent.Reason.Mouse, proxy_row)
        _choose(menu, "Unmute (muted until ")
        assert parts.service.mute_of(uuid) is None
        assert "Muted" not in cell.data()
        menu = _menu(window, QContextMenuEvent.Reason.Mouse, proxy_row)
        _choose(menu, "Mute until resolved")
        assert cell.data(Qt.ItemDataRole.ToolTipRole).endswith(
            "Pop-ups muted until its incidents resolve")
        muted_rows = [r for r in range(window.fleet_model.rowCount())
                      if "Muted" in window.fleet_model.index(r, Column.HEALTH).data()]
        assert muted_rows == [row]
    finally:
        run(close(desk, parts))


def test_closing_to_the_tray_says_so_once(frozen_sim: Simulator, qtbot: Any, run: Any,
                                          tmp_path: Path) -> None:  # fmt: skip
    ini = tmp_path / "window.ini"
    desk, parts = wired(frozen_sim, qtbot, ini=ini)
    window = desk.window
    try:
        window.close_hides = True  # what install_tray sets when a tray exists
        window.show()
        window.close()
        assert window.isHidden()
        hint = window.tray_hint
        assert hint is not None and hint.isVisible() and hint.text() == TRAY_HINT
        assert QApplication.activeModalWidget() is None  # a note, not a question
        hint.accept()
        window.show()
        window.close()
        assert window.tray_hint is None  # once
        assert QSettings(str(ini), QSettings.Format.IniFormat).value(TRAY_HINT_KEY)
        # A later start reads it from the settings: no hint there either.
        again = MainWindow(desk.harness.monitor, desk.harness.chargers,
                           settings=QSettings(str(ini), QSettings.Format.IniFormat))
        qtbot.addWidget(again)
        again.close_hides = True
        again.show()
        again.close()
        assert again.isHidden() and again.tray_hint is None
    finally:
        run(close(desk, parts))
