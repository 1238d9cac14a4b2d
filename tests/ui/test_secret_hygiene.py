"""A whole session with a known token leaves that token in no file PlugDesk wrote.

Sign in through the real dialog, let the fleet refresh, open a charger, export its
transactions (CSV and XLSX), hit an error that mentions the token, sign out, quit; then read
every file under the app's folders (config, data, cache, log) and the exports byte by byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from plugdesk.app.desk import build_desk, window_settings
from plugdesk.app.reporting import ErrorReporter, Redactor, configure_logging, remove_logging
from plugdesk.domain.credentials import CredentialStore
from plugdesk.domain.export_run import ExportFilters, ExportRequest, ExportScope
from plugdesk.services.export_job import ExportJob
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.ui.signin_dialog import SignInDialog


def _files_under(*roots: Path) -> list[Path]:
    return [path for root in roots for path in root.rglob("*") if path.is_file()]


@pytest.mark.log_warnings("an error quoting the token is reported on purpose")
def test_full_session_leaves_the_token_in_no_file(
    sim: Any, qtbot: Any, run: Any, app_dirs: Path, tmp_path: Path, memory_keyring: Any
) -> None:
    token = sim.token
    exports = tmp_path / "exports"
    exports.mkdir()
    redactor = Redactor()
    log_file = app_dirs / "log" / "plugdesk.log"
    handler = configure_logging(log_file, redactor)
    errors = ErrorReporter(redactor)
    errors.install()
    desk = run(build_desk(sim.base_url, None, errors, settings=window_settings()))
    try:

        async def session() -> None:
            fleet = SignalWaiter(desk.monitor.fleet_updated)
            desk.start()  # no token yet: the sign-in dialog opens by itself
            dialog = desk.window.findChild(SignInDialog)
            assert dialog is not None and dialog.isVisible()
            signed_in = SignalWaiter(desk.signin.signed_in)
            qtbot.keyClicks(dialog.token_edit, token)
            qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
            await signed_in.wait(10)
            await fleet.wait(20)
            assert desk.window.fleet_model.rowCount() == len(sim.charger_uuids())

            first = sim.charger_uuids()[0]
            desk.window.select_charger(first)
            for fmt in ("csv", "xlsx"):
                request = ExportRequest(
                    scope=ExportScope.all(),
                    filters=ExportFilters(),
                    target=exports / f"all.{fmt}",
                    format=fmt,  # type: ignore[arg-type]
                )
                summary = await ExportJob(desk.client, desk.runner).run(request)
                assert summary is not None and summary.rows > 0

            # An error whose text carries the token goes to the log and the dialog.
            reported = SignalWaiter(errors.error_reported)
            errors.report(RuntimeError(f"upstream said Bearer {token}"), "test")
            await reported.wait(5)
            assert token not in desk.error_dialog.summary.text()

            desk.save_app_settings(desk.app_settings)  # settings.json is scanned too

            signed_out = SignalWaiter(desk.signin.signed_out)
            desk.sign_out()
            await signed_out.wait(5)

        run(session(), timeout=90)
        assert CredentialStore().get(sim.base_url) is None  # sign-out removed it
    finally:
        run(desk.aclose())
        errors.uninstall()
        remove_logging(handler)

    written = _files_under(app_dirs, exports)
    names = {path.name for path in written}
    assert {
        "plugdesk.log",
        "window.ini",
        "settings.json",
        "plugdesk.sqlite3",
        "all.csv",
        "all.xlsx",
    } <= (names), names
    assert log_file.stat().st_size > 0
    needle = token.encode()
    leaks = [path for path in written if needle in path.read_bytes()]
    assert leaks == []
    # The part after the "|" is the secret half of a Sanctum token: not even that.
    secret_half = token.split("|", 1)[-1].encode()
    assert [path for path in written if secret_half in path.read_bytes()] == []
