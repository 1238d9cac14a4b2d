"""A crash log for the crashes Python cannot catch, and a word about it at the next start.

A segmentation fault or an abort (in Qt, a driver, a C extension) ends the process before
any exception handler or log line; `faulthandler` still writes the Python stack of every
thread to a file: `crash.log` in the log folder, opened at start. A clean exit deletes it.
So at the next start, a `crash.log` holding more than its first line means PlugDesk closed
unexpectedly: the file is renamed (`crash-<when>.log`, kept so the user can send it, and
not announced twice) and the window says where it is. A kill -9 or a power cut leaves
only the first line: nothing to report, nothing said.

Only the one running GUI (see `single_instance`) owns `crash.log`.

`PLUGDESK_TEST_CRASH=segfault`, read once at start-up, makes the app crash on purpose
once its window is up: how the tests (and a curious user) check all of the above.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from plugdesk import __version__

log = logging.getLogger(__name__)

CRASH_FILE = "crash.log"
KEEP_REPORTED = 5  # the newest reported crash logs kept; older ones are deleted
TEST_CRASH_ENV = "PLUGDESK_TEST_CRASH"


class CrashLog:
    """`crash.log` in `folder`: `take_previous()` at start, then `install()` ...
    `uninstall()` around the run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / CRASH_FILE
        self._file: TextIO | None = None
        self._stderr_had_it = False

    def take_previous(self) -> Path | None:
        """The last run's crash log, renamed so it is reported once; None when the last
        run did not crash (or nothing can be read: a crash log is a help, not a must)."""
        try:
            text = self.path.read_text("utf-8", errors="replace")
            when = datetime.fromtimestamp(self.path.stat().st_mtime)  # its last write
        except FileNotFoundError:
            return None
        except OSError as error:
            log.info("could not read the crash log %s: %s", self.path, error)
            return None
        _header, _newline, crash = text.partition("\n")
        if not crash.strip():
            return None  # a clean run that did not get to delete it, or a kill -9
        target = self._free_name(when)
        try:
            self.path.replace(target)
        except OSError as error:
            log.info("could not keep the crash log %s: %s", self.path, error)
            return None
        self._prune()
        return target

    def _free_name(self, when: datetime) -> Path:
        stem = f"crash-{when:%Y%m%d-%H%M%S}"
        target, n = self.folder / f"{stem}.log", 1
        while target.exists():
            n += 1
            target = self.folder / f"{stem}-{n}.log"
        return target

    def _prune(self) -> None:
        reported = sorted(self.folder.glob("crash-*.log"), key=lambda p: p.stat().st_mtime)
        for old in reported[:-KEEP_REPORTED]:
            with contextlib.suppress(OSError):
                old.unlink()

    def install(self) -> None:
        """From now on a fatal error writes every thread's stack to `crash.log`."""
        try:
            self._file = self.path.open("w", encoding="utf-8")
            started = datetime.now().astimezone().isoformat(timespec="seconds")
            self._file.write(f"PlugDesk {__version__}, pid {os.getpid()}, started {started}\n")
            self._file.flush()  # faulthandler writes to the descriptor, after this line
        except OSError as error:
            log.info("no crash log this time (%s): %s", self.path, error)
            self._file = None
            return
        self._stderr_had_it = faulthandler.is_enabled()  # e.g. pytest's, or `-X faulthandler`
        faulthandler.enable(self._file, all_threads=True)

    def uninstall(self) -> None:
        """A clean exit: no crash to report, so no crash log left behind."""
        if self._file is None:
            return
        faulthandler.disable()
        if self._stderr_had_it and sys.__stderr__ is not None:
            faulthandler.enable(sys.__stderr__, all_threads=True)
        self._file.close()
        self._file = None
        with contextlib.suppress(OSError):
            self.path.unlink()


def notice_text(crash_log: Path) -> str:
    """What the window says at the start after a crash."""
    from PySide6.QtCore import QCoreApplication  # only the window says it

    return QCoreApplication.translate(
        "MainWindow",
        "PlugDesk closed unexpectedly the last time it ran.\n\n"
        "What it was doing is saved in:\n{path}\n\n"
        "If this happens again, please send that file with your report.",
    ).format(path=crash_log)


def crash_on_purpose(kind: str) -> None:
    """The test hook: `segfault` crashes the process the way a bug in C code would."""
    if kind == "segfault":
        log.info("crashing on purpose (%s=%s)", TEST_CRASH_ENV, kind)
        faulthandler._sigsegv()  # type: ignore[attr-defined]
    else:
        log.info("%s=%s: unknown kind, not crashing (use 'segfault')", TEST_CRASH_ENV, kind)
