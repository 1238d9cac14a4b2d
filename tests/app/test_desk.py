"""The composition root: run_gui's self-test end to end, and the one exception route."""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from plugdesk.app import desk as desk_module
from plugdesk.app.desk import build_desk, run_gui
from plugdesk.app.reporting import ErrorReporter, Redactor, configure_logging, remove_logging
from plugdesk.cli.main import main
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import DEFAULT_API_URL, api_url_problem, load_settings
from plugdesk.domain.store import Store
from plugdesk.services.incidents import THREADED_FROM, decode_fleet
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from tests.support.launches import GuiProcess


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


@pytest.mark.log_warnings("the test makes errors on purpose: they are what is reported")
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


BAD_SAVED_URL = "https://app.plugchoice.com/api/v3?tenant=7"


def _save_raw_settings(data: dict[str, Any]) -> None:
    path = app_paths().settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), "utf-8")


def test_a_saved_url_that_no_longer_passes_still_starts_the_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`plugdesk` with such a settings file starts the window (it used to exit 64)."""
    _save_raw_settings({"version": 1, "api_url": BAD_SAVED_URL})
    started: dict[str, Any] = {}

    def fake_run_gui(api_url: str, token: str | None, **options: Any) -> int:
        started.update(api_url=api_url, token=token, **options)
        return 0

    monkeypatch.setattr(desk_module, "run_gui", fake_run_gui)
    assert main([]) == 0
    # The window checks it after its first paint (the check loads httpx), and then opens
    # signed out on the default server with the settings dialog (tests/app/test_startup.py).
    assert started == {"api_url": BAD_SAVED_URL, "token": None, "check_url": True,
                       "read_token": True}  # fmt: skip


def test_a_real_plugdesk_with_a_bad_saved_url_opens_its_window(tmp_path: Path) -> None:
    """What a desktop launcher does: plain `plugdesk`, no terminal to read an error in."""
    home = tmp_path / "child"
    (home / "config").mkdir(parents=True)
    settings = {"version": 1, "api_url": BAD_SAVED_URL}
    (home / "config" / "settings.json").write_text(json.dumps(settings), "utf-8")
    app = GuiProcess.start(home)
    try:
        app.wait_for_log("the saved API URL does not pass the check")
        assert app.alive()  # it used to exit 64 here
        app.send_term()
        assert app.wait() == 0, app.output_text()[-2000:]
    finally:
        app.stop()
    assert "'?' or '#'" in app.log_text()  # the reason, as the dialog shows it
    assert app.window_ini.exists()


def test_the_window_opens_with_the_settings_dialog_saying_what_is_wrong(
    sim: Any, qtbot: Any, run: Any
) -> None:
    _save_raw_settings({"version": 1, "api_url": BAD_SAVED_URL, "refresh_interval_s": 45})
    errors = ErrorReporter(Redactor())
    problem = api_url_problem(BAD_SAVED_URL)
    assert problem
    desk = run(build_desk(DEFAULT_API_URL, None, errors, url_problem=problem))
    try:
        desk.start()
        dialog = desk.settings_dialog
        qtbot.waitUntil(dialog.isVisible)
        assert desk.window.isVisible()
        assert dialog.api_url.text() == BAD_SAVED_URL
        assert "'?' or '#'" in dialog.problems.text()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        assert dialog.spins["refresh_interval_s"].value() == 45  # the rest was kept

        dialog.api_url.setText(sim.base_url + "/")
        assert ok.isEnabled() and dialog.problems.text() == ""
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

        async def switched() -> None:  # OK started the account switch; it runs on the loop
            (switch,) = [t for t in asyncio.all_tasks() if t.get_name() == "switch-account"]
            await switch

        run(switched())
        assert desk.client.base_url == sim.base_url
        saved, _problem = load_settings(app_paths().settings_path())
        assert saved.api_url == sim.base_url and saved.refresh_interval_s == 45
    finally:
        run(desk.aclose())


BIG_FLEET = 600  # past THREADED_FROM: the snapshot is written in a worker thread


def test_quitting_right_after_a_refresh_still_keeps_the_last_fleet(run: Any) -> None:
    """A big fleet's judgement and snapshot run in worker threads after `fleet_updated`;
    a quit at that moment (SIGTERM at logout) must wait for them before closing the store,
    or the next start has no last known fleet to show."""
    assert BIG_FLEET >= THREADED_FROM
    simulator = Simulator(chargers=BIG_FLEET, seed=7)
    simulator.start()
    source = simulator.base_url
    errors = ErrorReporter(Redactor())
    try:
        desk = run(build_desk(source, simulator.token, errors))
        try:

            async def quit_as_the_fleet_arrives() -> None:
                updated = SignalWaiter(desk.monitor.fleet_updated)
                desk.start()
                await updated.wait(30)
                await desk.aclose()

            run(quit_as_the_fleet_arrives(), timeout=60)
        finally:
            run(desk.aclose())
    finally:
        simulator.stop()
    store = Store(app_paths().store_path())
    try:
        cached = store.load_fleet(source=source)
    finally:
        store.close()
    assert cached is not None and len(decode_fleet(cached[0])) == BIG_FLEET
    assert errors.count == 0


def test_the_whole_window_with_its_detail_tabs_fits_1024_by_600(
    sim: Simulator, qtbot: Any, run: Any, app_dirs: Path
) -> None:
    """The real window (the Actions and Log tabs included): once a charger is selected,
    its minimum still fits a 1024x600 screen (the Log tab alone asked for 283 pixels and
    pushed the window past a 768-pixel laptop screen)."""
    desk = run(build_desk(sim.base_url, sim.token, ErrorReporter(Redactor())))
    window = desk.window
    try:
        window.resize(1024, 600)

        async def select_first() -> None:
            desk.start()
            await SignalWaiter(desk.monitor.fleet_updated).wait(10)
            loaded = SignalWaiter(desk.chargers.transactions_loaded)
            window.fleet_view.table.selectRow(0)
            await loaded.wait(10)

        run(select_first())
        assert window.detail_pane.tabs.count() >= 3  # Details, Actions, Log
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 600, hint
        assert window.height() == 600
    finally:
        run(desk.aclose())
