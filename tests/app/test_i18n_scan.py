"""Every text the user sees goes through Qt's translation (issue 18).

The app runs in a test language built from the .ts sources in which every translation is
its English source in ⟦ ⟧. Then every window, pane, dialog and menu is opened (the About
box and the right-click menus of the charger list and the transactions table too) and every
text a person (or a screen reader) meets is read: window titles, labels, buttons, group
boxes, tabs, menu actions, tooltips, placeholders, accessible names, combo box items,
table headers and the first rows' cells. With the marked parts taken out, what is left
must be data: numbers, dates, punctuation, or words the data itself holds (charger
identities, models, OCPP codes, ID tags), and a few words that are the same everywhere
(PlugDesk, kWh, UUID, CSV). A string that skipped `tr()` is still plain English, and fails.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from plugdesk.app.desk import Desk, build_desk
from plugdesk.app.reporting import ErrorReporter, Redactor
from plugdesk.domain.paths import app_paths
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.ui import i18n
from plugdesk.ui.tray import FleetTray
from tests.packaging.loader import load

OPEN, CLOSE = "⟦", "⟧"
# The same in every language PlugDesk speaks: names, units, formats, protocol words.
INVARIANT = {
    "PlugDesk", "Plugchoice", "Stripe", "kWh", "kW", "Wh", "A", "V", "h", "min", "s",
    "UUID", "URL", "API", "ID", "PIN", "OCPP", "CSV", "XLSX", "UTC", "DC", "AC", "L", "OK",
    "http", "https", "api", "v", "localhost", "Demo", "Ctrl", "F", "E", "Q", "small", "href",
    "b", "br", "p", "i", "a", "demo",
    "EUR",  # ISO currency codes are the same in every language
}  # fmt: skip
# Qt's own words (standard buttons): translated by Qt's qtbase catalog, which the test
# language does not have.
QT_OWN = {"OK", "Cancel", "Close", "Apply", "Yes", "No", "Scroll", "Left", "Right"}
# The language choice names each language in its own words (a user lost in a foreign UI
# can still find theirs).
INVARIANT |= set(i18n.LANGUAGE_NAMES.values())
WORD = re.compile(r"[^\W\d_]+")
TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def test_language(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """plugdesk_xx.qm: every translation marked."""
    folder = tmp_path_factory.mktemp("pseudo")
    load("translations").pseudo(folder)
    return folder


@pytest.fixture
def marked(qapp: QApplication, test_language: Path) -> Iterator[None]:
    loaded = i18n.install_translators("xx", test_language)
    assert loaded == ["plugdesk"]  # Qt has no "xx": its own words stay English
    yield
    i18n.install_translators("en")


def unmarked(text: str, data_words: set[str]) -> list[str]:
    """The words of `text` outside ⟦ ⟧ that are not data nor invariant."""
    plain = TAG.sub(" ", html.unescape(text))
    previous = None
    while previous != plain:  # innermost first: a marked text may hold marked parts
        previous = plain
        plain = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", plain)
    return [
        word for word in WORD.findall(plain)
        if word not in data_words and word not in INVARIANT and word not in QT_OWN
    ]  # fmt: skip


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text this widget shows or tells a screen reader."""
    name = f"{type(widget).__name__} {widget.objectName()}".strip()
    if widget.isWindow():
        yield f"{name} title", widget.windowTitle()
    for kind, text in (
        ("tooltip", widget.toolTip()),
        ("accessible name", widget.accessibleName()),
        ("accessible description", widget.accessibleDescription()),
    ):
        yield f"{name} {kind}", text
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield f"{name} text", widget.text()
    elif isinstance(widget, QGroupBox):
        yield f"{name} title", widget.title()
    elif isinstance(widget, QLineEdit):
        yield f"{name} placeholder", widget.placeholderText()  # its text is the user's
    elif isinstance(widget, QAbstractSpinBox):
        yield f"{name} special value", widget.specialValueText()
        yield f"{name} suffix", getattr(widget, "suffix", lambda: "")()
    if isinstance(widget, QComboBox):
        for row in range(widget.count()):
            yield f"{name} item {row}", widget.itemText(row)
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"{name} tab {index}", widget.tabText(index)
    if isinstance(widget, QListWidget):
        for row in range(min(widget.count(), 3)):
            item = widget.item(row)
            yield f"{name} item {row}", item.text()
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from model_texts(name, widget.model())
    for action in widget.actions():
        yield from action_texts(name, action)


def model_texts(name: str, model: QAbstractItemModel) -> Iterator[tuple[str, str]]:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for section in range(model.columnCount()):
        for role in roles:
            yield f"{name} header {section}", str(
                model.headerData(section, Qt.Orientation.Horizontal, role) or ""
            )
        for row in range(min(model.rowCount(), 3)):
            index = model.index(row, section)
            for role in (*roles, Qt.ItemDataRole.AccessibleTextRole):
                yield f"{name} cell {row},{section}", str(index.data(role) or "")


def action_texts(name: str, action: Any) -> Iterator[tuple[str, str]]:
    yield f"{name} action", action.text()
    yield f"{name} action tooltip", action.toolTip() if action.toolTip() != action.text().replace(
        "&", ""
    ) else ""
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield f"{name} menu", menu.title()
        for inner in menu.actions():
            yield from action_texts(f"{name} > {menu.title()}", inner)


def menu_texts(name: str, menu: QMenu | None) -> list[tuple[str, str]]:
    assert isinstance(menu, QMenu) and menu.actions(), f"no {name}"
    return [text for action in menu.actions() for text in action_texts(name, action)]


def about_box_texts(window: QMainWindow, trigger: Any) -> list[tuple[str, str]]:
    """Help > About: a modal box (QMessageBox.about runs its own loop), read while open."""
    texts: list[tuple[str, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            texts.extend(
                (f"about {where}", text)
                for widget in every_widget([box])
                for where, text in widget_texts(widget)
            )
            box.done(0)
        else:  # not open yet: look again on the next turn of its loop
            QTimer.singleShot(10, read_and_close)

    QTimer.singleShot(0, read_and_close)
    trigger()
    assert any("About PlugDesk" in text for _, text in texts), texts
    return texts


def charger_menu_texts(window: Any) -> list[tuple[str, str]]:
    """The charger list's right-click menu, as the Menu key opens it on the current row."""
    table = window.fleet_view.table
    table.setCurrentIndex(table.model().index(0, 0))
    at = table.visualRect(table.currentIndex()).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, table.mapToGlobal(at))
    QApplication.sendEvent(table, event)
    return menu_texts("charger menu", window.charger_menu)


def transaction_menu_texts(view: Any) -> list[tuple[str, str]]:
    """The transactions table's right-click menu on its first row."""
    table = view.table
    point: QPoint = table.visualRect(table.model().index(0, 0)).center()
    menu = view.context_menu_at(point)
    try:
        return menu_texts("transaction menu", menu)
    finally:
        if menu is not None:
            menu.deleteLater()


def every_widget(roots: Iterable[QWidget]) -> Iterator[QWidget]:
    for root in roots:
        yield root
        yield from root.findChildren(QWidget)


def data_words(desk: Desk) -> set[str]:
    """The words the fleet's and the transactions' data hold (never translated)."""
    words: set[str] = set()

    def add(value: object) -> None:
        if isinstance(value, str):
            words.update(WORD.findall(value))
        elif hasattr(value, "__struct_fields__"):
            for field in value.__struct_fields__:
                add(getattr(value, field))
        elif isinstance(value, list | tuple):
            for item in value:
                add(item)

    for charger in desk.monitor.chargers:
        add(charger)
    add(desk.window.detail_pane.charger)  # with its connectors
    add(desk.window.status_bar.user_label.text())  # the account's name
    for row in range(desk.window.transactions_view.model.rowCount()):
        add(desk.window.transactions_view.model.transaction(row))
    add(desk.client.host)
    add(desk.sites.sites)  # the Sites overview's names and addresses
    # Month and weekday names come from the locale's data (QLocale), not from translations.
    locale = QLocale()
    for form in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat):
        add([locale.monthName(month, form) for month in range(1, 13)])
        add([locale.dayName(day, form) for day in range(1, 8)])
    return words


def test_every_window_and_dialog_shows_only_translated_text(
    marked: None, sim: Any, qtbot: Any, run: Any, app_dirs: Path
) -> None:
    desk = run(build_desk(sim.base_url, sim.token, ErrorReporter(Redactor())))
    tray = FleetTray(desk.window)  # its menu (offscreen has no tray to show it in)
    try:
        # Help > About first: its modal loop runs outside the asyncio loop, so before the
        # desk starts anything on that loop.
        about = about_box_texts(desk.window, desk.window.about_action.trigger)

        async def fill() -> None:
            shown = SignalWaiter(desk.chargers.transactions_loaded)
            desk.start()
            await SignalWaiter(desk.monitor.fleet_updated).wait(10)
            desk.window.fleet_view.table.selectRow(0)
            await shown.wait(10)

        run(fill())
        window = desk.window

        async def build_panes() -> None:
            """Every pane, inside the running loop: the Sites and Insights panes start
            reading at once, and their tasks need the loop running to finish."""
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
            await asyncio.sleep(0.5)

        run(build_panes())
        desk.open_settings()
        desk.open_export()
        desk.open_sign_in("⟦reason⟧")
        desk.error_dialog.add_error("⟦summary⟧", "details are data")
        window.say("⟦status line⟧")
        # On the loop, as the app runs: a pane that fetches when shown (Insights) awaits.
        run(asyncio.sleep(0.05))

        words = data_words(desk) | set(WORD.findall(str(app_paths().log_file())))
        roots = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert window in roots and len(roots) >= 5, roots  # window and four dialogs
        texts = [*every_widget(roots)]
        found = [(where, text) for widget in texts for where, text in widget_texts(widget)]
        found += [*action_texts("tray", tray.menu.menuAction())]
        found += [(f"tray {a.text()}", a.text()) for a in tray.menu.actions()]
        found += about
        found += charger_menu_texts(window)
        found += transaction_menu_texts(window.transactions_view)
        assert len(found) > 500  # the scan reached the panes' contents
        untranslated = {
            (where, text): bad for where, text in found if (bad := unmarked(text, words))
        }
        assert not untranslated, "\n".join(f"{w}: {t!r} {b}" for (w, t), b in untranslated.items())
        # And the check itself can fail: an English text is caught.
        assert unmarked("Refresh now", words) == ["Refresh", "now"]
        assert isinstance(window, QMainWindow)
    finally:
        tray.hide()
        run(desk.aclose())
