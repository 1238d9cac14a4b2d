"""Keyboard only (issue 18): sign in, find a charger, open its transactions and export them,
with key presses sent where the focus is, never a mouse click. Each step also checks that
the focus is where a keyboard user would expect it (a visible focus, a sensible order)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from plugdesk.app.desk import Desk, build_desk
from plugdesk.app.reporting import ErrorReporter, Redactor
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.ui.export_dialog import ExportDialog
from plugdesk.ui.signin_dialog import SignInDialog

CTRL = Qt.KeyboardModifier.ControlModifier
MAX_TABS = 40  # a focus chain longer than this is not "reachable" for a keyboard user


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:  # fmt: skip
    qtbot.keyClick(focus(), key, modifier)


def tab_to(qtbot: Any, target: QWidget, *, back: bool = False) -> int:
    """Press Tab (Shift+Tab with `back`) until `target` has the focus; how many presses it
    took."""
    shift = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    for presses in range(MAX_TABS):
        if focus() is target:
            return presses
        press(qtbot, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, shift)
    raise AssertionError(f"{target!r} not reached with {MAX_TABS} Tab presses")


def dialog_of(kind: type) -> Any:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_sign_in_find_a_charger_and_export_its_transactions_by_keyboard(
    sim: Any, qtbot: Any, run: Any, app_dirs: Path
) -> None:
    desk: Desk = run(build_desk(sim.base_url, None, ErrorReporter(Redactor())))
    window = desk.window
    try:
        desk.start()  # no token: the sign-in dialog opens
        signin = dialog_of(SignInDialog)
        qtbot.waitUntil(lambda: signin.isActiveWindow() or QApplication.focusWidget() is not None)
        assert focus() is signin.token_edit  # the field to fill has the focus at once
        qtbot.keyClicks(focus(), sim.token)
        signed = SignalWaiter(desk.signin.signed_in)
        fleet = SignalWaiter(desk.monitor.fleet_updated)
        press(qtbot, Qt.Key.Key_Return)  # the dialog's default button: Sign in
        run(signed.wait(10))
        run(fleet.wait(10))
        qtbot.waitUntil(lambda: not shiboken6.isValid(signin))  # accepted and closed

        # Find a charger: Ctrl+F, type, then down into the list.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        press(qtbot, Qt.Key.Key_F, CTRL)
        assert focus() is window.fleet_view.search
        truth = max(sim.chargers(), key=lambda c: len(sim.transactions_for(c["uuid"])))
        expected = len(sim.transactions_for(truth["uuid"]))
        qtbot.keyClicks(focus(), truth["identity"])
        assert window.fleet_view.proxy.rowCount() == 1
        tab_to(qtbot, window.fleet_view.table)
        loaded = SignalWaiter(desk.chargers.transactions_loaded)
        press(qtbot, Qt.Key.Key_Space)  # select the current row: the charger found
        assert window.selected_uuid() == truth["uuid"]
        run(loaded.wait(10))
        qtbot.waitUntil(lambda: window.transactions_view.model.rowCount() == expected > 1)

        # Open its transactions: back to the search (Ctrl+F), then backwards through the
        # window's focus chain, which wraps round to the transactions table at its end.
        press(qtbot, Qt.Key.Key_F, CTRL)
        tab_to(qtbot, window.transactions_view.table, back=True)
        press(qtbot, Qt.Key.Key_Home)
        press(qtbot, Qt.Key.Key_Down)
        assert window.transactions_view.table.currentIndex().row() == 1

        # Export them: Ctrl+E, the selected charger is the default scope, Enter exports.
        press(qtbot, Qt.Key.Key_E, CTRL)
        export = dialog_of(ExportDialog)
        qtbot.waitUntil(lambda: export.isActiveWindow())
        assert export.scope_selected.isChecked()
        # Every period: the simulator's transactions are spread over the past months.
        tab_to(qtbot, export.period)
        press(qtbot, Qt.Key.Key_End)  # "Custom" is last; "All time" just before it
        press(qtbot, Qt.Key.Key_Up)
        assert export.period.currentText() == "All time"
        finished = SignalWaiter(export.export_finished)
        press(qtbot, Qt.Key.Key_Return)  # the default button: Export
        (summary,) = run(finished.wait(20))
        assert summary.rows == expected
        assert summary.path is not None and summary.path.is_file()
        assert export.open_folder_button.hasFocus()  # next: open the folder, by keyboard too
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not export.isVisible())
    finally:
        run(desk.aclose())

