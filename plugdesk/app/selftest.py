"""`plugdesk --self-test`: does the app work, and is this install (source or bundle) whole?

app/desk.py starts the GUI offscreen against the built-in simulator. `SelfTest` (at the
end) then drives the real window as a user would: the fleet list fills, selecting a
charger fills the detail pane and the transactions, the window paints, no unexpected
error was reported. Then `run_checks(app, window, fleet_count)` checks the install;
`report.render()` is printed and the exit code is 0 only if both passed. Used by CI on
the frozen bundle, so it must finish quickly and print one line per check. Things that
depend on the desktop rather than on the install (a system tray, a session bus, an unlocked
keyring) are reported as information, never failures: CI runs offscreen with none of them.
What fails is what a broken bundle looks like: a missing icon or Qt plugin, a module left
out of the bundle, an empty fleet table.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import platform
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Final, TextIO

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCollator,
    QLocale,
    QSize,
    QTimeZone,
)
from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QSystemTrayIcon

from plugdesk import __version__
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.ui.icons import app_icon, resource_path

if TYPE_CHECKING:
    from plugdesk.ui.main_window import MainWindow

DESKTOP_FILE: Final = "plugdesk.desktop"
# Native keyring backend module per platform: it must import in every build, even where
# the desktop has no secret service running.
_KEYRING_MODULES: Final = {
    "linux": "keyring.backends.SecretService",
    "darwin": "keyring.backends.macOS",
    "win32": "keyring.backends.Windows",
}


class Status(Enum):
    PASS = "ok"
    INFO = "info"
    FAIL = "FAIL"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str


@dataclass
class SelfTestReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def failures(self) -> list[Check]:
        return [check for check in self.checks if check.status is Status.FAIL]

    def add(self, name: str, status: Status, detail: str) -> None:
        """For app.py's own findings (e.g. how long the first refresh took)."""
        self.checks.append(Check(name, status, detail))

    def render(self) -> str:
        verdict = "PASSED" if self.ok else f"FAILED ({len(self.failures)} of {len(self.checks)})"
        lines = [f"PlugDesk {__version__} self-test: {verdict}"]
        width = max((len(check.name) for check in self.checks), default=0)
        for check in self.checks:
            lines.append(f"  [{check.status.value:^4}] {check.name:<{width}}  {check.detail}")
        return "\n".join(lines)


def run_checks(app: QApplication, window: QMainWindow | None, fleet_count: int) -> SelfTestReport:
    """Every check, in the order a person would read them."""
    report = SelfTestReport()
    steps: list[tuple[str, Callable[[], tuple[Status, str]]]] = [
        ("build", _check_build),
        ("Qt platform", lambda: _check_platform(app)),
        ("main window", lambda: _check_window(window)),
        ("desktop entry", lambda: _check_identity(app)),
        ("fleet table", lambda: _check_fleet(window, fleet_count)),
        ("system tray", _check_tray),
        ("notifications", _check_notifications),
        ("keyring", _check_keyring),
        ("SQLite", _check_sqlite),
        ("text (ICU)", _check_text),
        ("language", _check_language),
    ]
    for name, step in steps:
        try:
            status, detail = step()
        except Exception as error:  # a check that crashes is a failed check, not a crash
            status, detail = Status.FAIL, f"check crashed: {type(error).__name__}: {error}"
        report.add(name, status, detail)
    return report


# -- checks: each returns (status, one line) -------------------------------------------------


def _check_build() -> tuple[Status, str]:
    bundle = getattr(sys, "_MEIPASS", None)
    where = f"PyInstaller bundle in {bundle}" if bundle else f"source, {sys.executable}"
    return Status.INFO, (
        f"{where}; Python {platform.python_version()}, PySide6 {pyside_version}, "
        f"{platform.system()} {platform.machine()}"
    )


def _check_platform(app: QApplication) -> tuple[Status, str]:
    name = app.platformName()
    formats = {bytes(fmt.data()).decode() for fmt in QImageReader.supportedImageFormats()}
    if not name:
        return Status.FAIL, "no Qt platform plugin is loaded"
    if "svg" not in formats:
        return Status.FAIL, f"platform {name}, but Qt cannot read SVG (imageformats/svg missing)"
    return Status.PASS, f"platform plugin {name!r}; SVG images supported"


def _check_window(window: QMainWindow | None) -> tuple[Status, str]:
    if window is None:
        return Status.FAIL, "no main window was created"
    icon = window.windowIcon()
    if icon.isNull():
        return Status.FAIL, "the main window has no icon"
    if not _same_icon(icon, app_icon()):
        return Status.FAIL, "the main window's icon is not the PlugDesk icon"
    shown = "shown" if window.isVisible() else "created (not shown)"
    return Status.PASS, f"{shown}, titled {window.windowTitle()!r}, with the PlugDesk icon"


def _same_icon(first: QIcon, second: QIcon, size: int = 32) -> bool:
    wanted = QSize(size, size)
    left, right = first.pixmap(wanted).toImage(), second.pixmap(wanted).toImage()
    return not left.isNull() and left == right


def _check_identity(app: QApplication) -> tuple[Status, str]:
    """X11 WM_CLASS and the Wayland app id must match the .desktop file, or docks show a
    generic icon and cannot pin the app."""
    entry = _desktop_entry()
    wm_class, desktop_name = entry.get("StartupWMClass", ""), DESKTOP_FILE.removesuffix(".desktop")
    problems = []
    if app.applicationName() != wm_class:
        problems.append(
            f"applicationName {app.applicationName()!r} is not StartupWMClass {wm_class!r}"
        )
    if app.desktopFileName() != desktop_name:
        problems.append(f"desktopFileName {app.desktopFileName()!r} is not {desktop_name!r}")
    if problems:
        return Status.FAIL, "; ".join(problems)
    return Status.PASS, f"WM_CLASS class {wm_class!r}, app id {desktop_name!r} match {DESKTOP_FILE}"


def _desktop_entry() -> dict[str, str]:
    keys: dict[str, str] = {}
    for line in resource_path(DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            keys.setdefault(key.strip(), value.strip())
    return keys


def _check_fleet(window: QMainWindow | None, fleet_count: int) -> tuple[Status, str]:
    if fleet_count <= 0:
        return Status.FAIL, "the first fleet refresh brought no chargers"
    if window is None:
        return Status.FAIL, f"{fleet_count} chargers fetched, but there is no window"
    # The fleet table is the view whose underlying model (below any sort/filter proxy)
    # holds the fleet; other tables (transactions, events) do not count.
    shown = [
        view.model().rowCount()
        for view in _views(window)
        if view.model() is not None and _source_rows(view.model()) == fleet_count
    ]
    if not shown or max(shown) == 0:
        return Status.FAIL, f"{fleet_count} chargers fetched, but no table shows them"
    return Status.PASS, f"{fleet_count} chargers fetched; the fleet table shows {max(shown)} rows"


def _views(window: QMainWindow) -> list[QAbstractItemView]:
    views = list(window.findChildren(QAbstractItemView))
    # In a shown window only what is on screen counts: a filled table behind an empty page
    # is not a working fleet view.
    return [view for view in views if view.isVisible()] if window.isVisible() else views


def _source_rows(model: QAbstractItemModel) -> int:
    while isinstance(model, QAbstractProxyModel) and model.sourceModel() is not None:
        model = model.sourceModel()
    return model.rowCount()


def _check_tray() -> tuple[Status, str]:
    if QSystemTrayIcon.isSystemTrayAvailable():
        return Status.INFO, "available"
    return Status.INFO, "not available here (the main window stays open instead)"


def _check_notifications() -> tuple[Status, str]:
    """Which path an alert takes: native (desktop-notifier) -> tray balloon -> in-app toast."""
    try:
        from desktop_notifier.main import get_backend_class

        backend = get_backend_class()
    except ImportError as error:  # a module missing from the build: that is a broken build
        return Status.FAIL, f"desktop-notifier cannot load its backend: {error}"
    tray = QSystemTrayIcon.isSystemTrayAvailable()
    fallback = "tray balloon" if tray else "in-app toast"
    usable, why = _native_usable(backend.__name__)
    if usable:
        return Status.INFO, f"native ({backend.__name__})"
    return Status.INFO, f"{fallback} ({backend.__name__} {why})"


def _native_usable(backend_name: str) -> tuple[bool, str]:
    if "Dummy" in backend_name:
        return False, "is a stand-in on this system"
    if backend_name.startswith("DBus") and not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False, "has no D-Bus session bus"
    return True, ""


def _check_keyring() -> tuple[Status, str]:
    try:
        import keyring

        from plugdesk.domain.credentials import CredentialStore
    except ImportError as error:
        return Status.FAIL, f"keyring cannot be imported: {error}"
    native = _KEYRING_MODULES.get(sys.platform)
    if native:
        try:
            importlib.import_module(native)
        except ImportError as error:
            return Status.FAIL, f"{native} is missing from this build: {error}"
    store = CredentialStore()
    kind = type(keyring.get_keyring())
    backend = f"{kind.__module__}.{kind.__qualname__}"
    if store.session_only:
        return Status.INFO, f"no usable OS store ({backend}): {store.problem}"
    return Status.INFO, f"{store.backend_name} ({backend})"


def _check_language() -> tuple[Status, str]:
    """The window's language and how much of it is translated ("nl: 412 of 412 strings
    translated"); a language with gaps fails (a string would show in English)."""
    from plugdesk.ui.i18n import completeness, current_language

    shown = completeness(current_language())
    if shown.total == 0:
        return Status.FAIL, f"{shown.language}: no translation files found"
    return (Status.PASS if shown.complete else Status.FAIL), shown.line()


def _check_sqlite() -> tuple[Status, str]:
    connection = sqlite3.connect(":memory:")
    try:
        (version,) = connection.execute("select sqlite_version()").fetchone()
    finally:
        connection.close()
    return Status.PASS, f"SQLite {version}"


def _check_text() -> tuple[Status, str]:
    """Locale-aware sorting and time zone names: what the bundle's trimmed ICU data keeps."""
    swedish = QCollator(QLocale("sv_SE"))
    if swedish.compare("z", "\u00e5") >= 0:  # Swedish sorts å after z
        return Status.FAIL, "locale-aware sorting is broken (Swedish å sorts before z)"
    zone = QTimeZone(b"Europe/Amsterdam")
    if not zone.isValid():  # the system's time zone database, not something PlugDesk ships
        return Status.INFO, "locale-aware sorting works; this system has no time zone database"
    name = zone.displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("en_US")
    )
    if not name:
        return Status.FAIL, "time zone names are missing (Europe/Amsterdam has no name)"
    return Status.PASS, f"locale-aware sorting works; Europe/Amsterdam is {name!r}"


# -- the window, driven as a user would ------------------------------------------------

STEP_TIMEOUT = 30.0


class SelfTest:
    def __init__(self, window: MainWindow, out: TextIO, errors: Callable[[], int]) -> None:
        self.window = window
        self.out = out
        self.errors = errors
        self.failures = 0

    def line(self, name: str, ok: bool, detail: str) -> None:
        self.failures += not ok
        print(f"  {name:<16} {'ok' if ok else 'FAILED'}  {detail}", file=self.out, flush=True)

    async def run(self) -> bool:
        started = time.monotonic()
        print("PlugDesk self-test", file=self.out, flush=True)
        try:
            await self._fleet()
            await self._charger()
            self._paint()
        except TimeoutError:
            self.line("timeout", False, f"a step took longer than {STEP_TIMEOUT:.0f} s")
        errors = self.errors()
        self.line("errors", errors == 0, f"{errors} unexpected errors reported")
        verdict = "passed" if self.failures == 0 else f"FAILED ({self.failures} checks)"
        took = time.monotonic() - started
        print(f"PlugDesk self-test {verdict} in {took:.1f} s", file=self.out, flush=True)
        return self.failures == 0

    async def _fleet(self) -> None:
        window = self.window
        if window.monitor.last_success is None:
            await SignalWaiter(window.monitor.fleet_updated).wait(STEP_TIMEOUT)
        count = window.fleet_model.rowCount()
        self.line("fleet", count > 0, f"{count} chargers ({window.fleet_view.summary()})")

    async def _charger(self) -> None:
        window = self.window
        service = window.chargers
        detail = SignalWaiter(service.detail_loaded)
        transactions = SignalWaiter(service.transactions_loaded)
        window.fleet_view.table.selectRow(0)
        (charger,) = await detail.wait(STEP_TIMEOUT)
        connectors = len(charger.connectors or [])
        shown = window.detail_pane.title.text()
        self.line("charger detail", bool(shown) and connectors > 0,
                  f"{shown}: {connectors} connectors")
        _uuid, rows = await transactions.wait(STEP_TIMEOUT)
        await asyncio.sleep(0)  # let the view take the rows
        self.line("transactions", window.transactions_view.model.rowCount() == len(rows),
                  f"{len(rows)} loaded, {window.transactions_view.totals_label.text()}")

    def _paint(self) -> None:
        pixmap = self.window.grab()
        self.line("paint", not pixmap.isNull(), f"{pixmap.width()}x{pixmap.height()} window")
