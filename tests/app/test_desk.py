"""The composition root: run_gui's self-test end to end, and the one exception route."""

from __future__ import annotations

import gc
import sys
import warnings
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer

from plugdesk.app.desk import build_desk, run_gui
from plugdesk.app.reporting import ErrorReporter, Redactor, configure_logging, remove_logging
from plugdesk.services.qtasync import SignalWaiter


def test_self_test_runs_the_real_app_and_shuts_down_cleanly(
    qapp: Any, app_dirs: Path, capsys: Any
) -> None:
    hook = sys.excepthook
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = run_gui("", None, demo=True, self_test=True)
        gc.collect()  # unclosed sockets or transports would warn now
    out = capsys.readouterr().out
    assert code == 0, out
    assert "PlugDesk self-test passed" in out
    for check in ("fleet", "charger detail", "transactions", "paint", "errors"):
        assert f"  {check}" in out
    assert "FAILED" not in out
    assert [str(w.message) for w in caught] == []
    assert (app_dirs / "config" / "window.ini").exists()  # window state was saved
    log_text = (app_dirs / "log" / "plugdesk.log").read_text()
    assert "PlugDesk starting (self-test)" in log_text
    assert "PlugDesk stopped" in log_text
    assert sys.excepthook is hook  # the app put the previous hook back


def test_unexpected_errors_reach_a_non_modal_dialog_and_the_log(
    sim: Any, qtbot: Any, run: Any, tmp_path: Path
) -> None:
    redactor = Redactor()
    handler = configure_logging(tmp_path / "plugdesk.log", redactor)
    errors = ErrorReporter(redactor)
    errors.install()
    desk = run(build_desk(sim.base_url, sim.token, errors))
    try:

        async def scenario() -> None:
            shown = SignalWaiter(errors.error_reported)

            async def broken_task() -> None:
                raise RuntimeError(f"task failed with token {sim.token}")

            desk.runner.start(broken_task(), "broken")
            await shown.wait(5)
            shown = SignalWaiter(errors.error_reported)

            def broken_slot() -> None:
                raise ValueError("a slot failed")

            QTimer.singleShot(0, broken_slot)
            await shown.wait(5)

        run(scenario())
        dialog = desk.error_dialog
        assert dialog.isVisible()
        assert not dialog.isModal() and dialog.windowModality() == Qt.WindowModality.NonModal
        assert dialog.count == 2  # one dialog, counting, not a stack of windows
        assert "ValueError: a slot failed" in dialog.summary.text()
        assert errors.count == 2
        handler.flush()
        text = (tmp_path / "plugdesk.log").read_text()
        assert "task failed with token" in text and "a slot failed" in text
        assert sim.token not in text
    finally:
        run(desk.aclose())
        errors.uninstall()
        remove_logging(handler)
