"""plugdesk.app.selftest: the checks behind `plugdesk --self-test`, on a stand-in main window.

The app's real window is wired by app.py; here a plain QMainWindow with a filled table plays
it, so each check can be made to pass and to fail.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QColor, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView
from pytestqt.qtbot import QtBot

import plugdesk
from plugdesk.app import selftest
from plugdesk.app.selftest import Status
from plugdesk.ui.icons import app_icon


@pytest.fixture
def identity(qapp: QApplication) -> Iterator[QApplication]:
    """The app named as app.py names it; restored afterwards (qapp is shared)."""
    saved = qapp.applicationName(), qapp.desktopFileName(), qapp.windowIcon()
    qapp.setApplicationName("PlugDesk")
    qapp.setDesktopFileName("plugdesk")
    yield qapp
    qapp.setApplicationName(saved[0])
    qapp.setDesktopFileName(saved[1])
    qapp.setWindowIcon(saved[2])


def _window(qtbot: QtBot, rows: int = 3, icon: QIcon | None = None) -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("PlugDesk")
    window.setWindowIcon(app_icon() if icon is None else icon)
    model = QStandardItemModel(0, 2, window)
    for index in range(rows):
        model.appendRow([QStandardItem(f"charger {index}"), QStandardItem("Available")])
    fleet = QTableView()
    proxy = QSortFilterProxyModel(window)  # as the real fleet view sorts through a proxy
    proxy.setSourceModel(model)
    fleet.setModel(proxy)
    other = QTableView()  # e.g. transactions: more rows, but not the fleet
    other.setModel(QStandardItemModel(rows + 5, 1, window))
    splitter = QSplitter()
    splitter.addWidget(fleet)
    splitter.addWidget(other)
    window.setCentralWidget(splitter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _check(report: selftest.SelfTestReport, name: str) -> selftest.Check:
    return next(check for check in report.checks if check.name == name)


def test_a_whole_install_passes(qtbot: QtBot, identity: QApplication) -> None:
    report = selftest.run_checks(identity, _window(qtbot), fleet_count=3)
    assert report.ok, report.render()
    text = report.render()
    assert text.splitlines()[0] == f"PlugDesk {plugdesk.__version__} self-test: PASSED"
    for name in ("main window", "fleet table", "system tray", "notifications", "keyring"):
        assert name in text
    assert "platform plugin 'offscreen'" in _check(report, "Qt platform").detail
    assert "3 rows" in _check(report, "fleet table").detail
    assert "source" in _check(report, "build").detail  # not frozen under pytest


def test_window_without_the_app_icon_fails(qtbot: QtBot, identity: QApplication) -> None:
    report = selftest.run_checks(identity, _window(qtbot, icon=QIcon()), fleet_count=3)
    assert not report.ok
    assert _check(report, "main window") == selftest.Check(
        "main window", Status.FAIL, "the main window has no icon"
    )
    red = QPixmap(32, 32)
    red.fill(QColor("red"))
    other = QIcon(red)
    report = selftest.run_checks(identity, _window(qtbot, icon=other), fleet_count=3)
    assert "not the PlugDesk icon" in _check(report, "main window").detail


def test_no_window_or_no_rows_fails(qtbot: QtBot, identity: QApplication) -> None:
    assert _check(selftest.run_checks(identity, None, 3), "main window").status is Status.FAIL
    empty = selftest.run_checks(identity, _window(qtbot, rows=0), fleet_count=3)
    assert _check(empty, "fleet table").detail == "3 chargers fetched, but no table shows them"
    none = selftest.run_checks(identity, _window(qtbot), fleet_count=0)
    assert _check(none, "fleet table").status is Status.FAIL
    assert "FAILED (1 of" in none.render().splitlines()[0]


def test_app_identity_must_match_the_desktop_file(qtbot: QtBot, identity: QApplication) -> None:
    identity.setApplicationName("plugdesk")
    report = selftest.run_checks(identity, _window(qtbot), fleet_count=3)
    check = _check(report, "desktop entry")
    assert check.status is Status.FAIL
    assert "StartupWMClass 'PlugDesk'" in check.detail


def test_keyring_backend_is_named(qtbot: QtBot, identity: QApplication) -> None:
    # conftest's in-memory keyring stands in for the OS store.
    check = _check(selftest.run_checks(identity, _window(qtbot), 3), "keyring")
    assert check.status is Status.INFO
    assert "MemoryKeyring" in check.detail  # the class, for the bug report


def test_notification_path_follows_the_session_bus(
    qtbot: QtBot, identity: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    without = _check(selftest.run_checks(identity, window, 3), "notifications")
    # offscreen has no tray either, so alerts would go to the in-app toast
    assert without.detail == "in-app toast (DBusDesktopNotifier has no D-Bus session bus)"
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/0/bus")
    with_bus = _check(selftest.run_checks(identity, window, 3), "notifications")
    assert with_bus.detail == "native (DBusDesktopNotifier)"
    assert Status.FAIL not in (without.status, with_bus.status)


def test_a_crashing_check_is_a_failure_not_a_crash(
    qtbot: QtBot, identity: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> tuple[Status, str]:
        raise RuntimeError("boom")

    monkeypatch.setattr(selftest, "_check_sqlite", broken)
    report = selftest.run_checks(identity, _window(qtbot), 3)
    assert _check(report, "SQLite").detail == "check crashed: RuntimeError: boom"
    assert not report.ok


def test_app_can_add_its_own_findings() -> None:
    report = selftest.SelfTestReport()
    report.add("first refresh", Status.PASS, "40 chargers in 0.4 s")
    assert report.ok
    report.add("simulator", Status.FAIL, "did not start")
    assert report.render().splitlines() == [
        f"PlugDesk {plugdesk.__version__} self-test: FAILED (1 of 2)",
        "  [ ok ] first refresh  40 chargers in 0.4 s",
        "  [FAIL] simulator      did not start",
    ]


@pytest.mark.parametrize(
    ("lang", "code"), [("nl_NL.UTF-8", "nl"), ("de_DE.UTF-8", "de"), ("fr_FR.UTF-8", "fr")]
)
def test_self_test_reports_the_system_language_complete(
    lang: str, code: str, app_dirs: object
) -> None:
    """`plugdesk --self-test` on a Dutch, German or French desktop: the window speaks it,
    and the report says so on a line of its own."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env |= {"LANG": lang, "PYTHONPATH": str(Path(plugdesk.__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-m", "plugdesk", "--self-test"],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(line for line in done.stdout.splitlines() if "] language " in line)
    assert re.fullmatch(rf"\s+\[ ok \] language\s+{code}: (\d+) of \1 strings translated", line)
    # The window really spoke it: the transactions' totals line is in that language.
    word = {"nl": "transacties", "de": "Transaktionen", "fr": "transactions"}[code]
    assert word in done.stdout
