"""A crash PlugDesk cannot catch leaves a crash log in the log folder, and the next start
says so once, with where the log is. The crash is a real one: `PLUGDESK_TEST_CRASH=segfault`
makes a real `plugdesk --demo` die of SIGSEGV once its window is up."""

from __future__ import annotations

import faulthandler
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from plugdesk.app.crash_log import CRASH_FILE, KEEP_REPORTED, TEST_CRASH_ENV, CrashLog
from plugdesk.app.desk import build_desk
from plugdesk.app.reporting import ErrorReporter, Redactor
from plugdesk.simulator import Simulator
from tests.support.launches import GuiProcess

NOTICE_LOG = "PlugDesk closed unexpectedly last time; its crash log: "


def test_a_crash_leaves_a_crash_log_and_the_next_start_says_where_it_is(tmp_path: Path) -> None:
    home = tmp_path / "child"
    log_dir = home / "log"
    crashed = GuiProcess.start(home, "--demo", name="crashed", **{TEST_CRASH_ENV: "segfault"})
    try:
        assert crashed.wait() == -signal.SIGSEGV, crashed.output_text()[-2000:]
    finally:
        crashed.stop()
    crash_text = (log_dir / CRASH_FILE).read_text("utf-8")
    assert crash_text.startswith("PlugDesk ")  # the header: version, pid, start time
    assert "Fatal Python error: Segmentation fault" in crash_text
    assert "crash_on_purpose" in crash_text  # the stack of the thread that crashed

    again = GuiProcess.start(home, "--demo", name="again")
    try:
        again.wait_for_log(NOTICE_LOG)
        again.wait_for_fleet()  # and it works as usual
        again.send_term()
        assert again.wait() == 0, again.output_text()[-2000:]
    finally:
        again.stop()
    (kept,) = log_dir.glob("crash-*.log")
    assert kept.read_text("utf-8") == crash_text  # kept whole, under its new name
    assert f"{NOTICE_LOG}{kept}" in again.log_text()
    assert not (log_dir / CRASH_FILE).exists()  # the clean quit left no crash behind
    assert CrashLog(log_dir).take_previous() is None  # so the next start says nothing


@pytest.mark.log_warnings("the notice logs that the last run crashed")
def test_the_notice_is_in_the_window_and_blocks_nothing(
    sim: Simulator, qtbot: Any, run: Any, tmp_path: Path
) -> None:
    crash = tmp_path / "crash-20260101-120000.log"
    crash.write_text("PlugDesk 0.1.0, pid 1, started 2026-01-01T12:00:00+00:00\n"
                     "Fatal Python error: Segmentation fault\n", "utf-8")  # fmt: skip
    desk = run(build_desk(sim.base_url, sim.token, ErrorReporter(Redactor())))
    try:
        desk.start()
        box = desk.show_crash_notice(crash)
        qtbot.waitUntil(box.isVisible)
        assert box.windowTitle() == "PlugDesk closed unexpectedly"
        assert "closed unexpectedly" in box.text() and str(crash) in box.text()
        assert box.parent() is desk.window
        # Window-modal at most, opened without a nested event loop: the app runs on.
        assert box.windowModality() != Qt.WindowModality.ApplicationModal
        assert box.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not shiboken6.isValid(box) or not box.isVisible())
    finally:
        run(desk.aclose())


# -- the crash log's own rules -------------------------------------------------------------


def test_a_run_killed_without_a_crash_is_not_reported(tmp_path: Path) -> None:
    """kill -9 or a power cut: only the header was written."""
    (tmp_path / CRASH_FILE).write_text("PlugDesk 0.1.0, pid 7, started ...\n", "utf-8")
    assert CrashLog(tmp_path).take_previous() is None


def test_a_clean_run_leaves_no_crash_log_and_gives_faulthandler_back(tmp_path: Path) -> None:
    was_enabled = faulthandler.is_enabled()  # pytest's own, to stderr
    crash = CrashLog(tmp_path)
    crash.install()
    try:
        assert faulthandler.is_enabled()
        assert (tmp_path / CRASH_FILE).read_text("utf-8").startswith("PlugDesk ")
    finally:
        crash.uninstall()
    assert not (tmp_path / CRASH_FILE).exists()
    assert faulthandler.is_enabled() == was_enabled


def test_reported_crash_logs_are_kept_up_to_a_few(tmp_path: Path) -> None:
    made = []
    for n in range(KEEP_REPORTED + 2):
        (tmp_path / CRASH_FILE).write_text(f"PlugDesk\nFatal Python error: crash {n}\n", "utf-8")
        when = time.time() - 3600 * (KEEP_REPORTED + 2 - n)  # oldest first, an hour apart
        os.utime(tmp_path / CRASH_FILE, (when, when))
        kept = CrashLog(tmp_path).take_previous()
        assert kept is not None and f"crash {n}" in kept.read_text("utf-8")
        made.append(kept)
    remaining = sorted(tmp_path.glob("crash-*.log"))
    assert remaining == sorted(made[-KEEP_REPORTED:])
