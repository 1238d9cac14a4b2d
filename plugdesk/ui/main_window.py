"""The main window: charger list on the left, the selected charger's detail and
transactions on the right, a banner for connection problems and a status bar.

It only shows things and forwards requests: the FleetMonitor and the ChargerService do the
work. Seams for the parts wired later by the app: `add_pane()` (events, public charging)
and `pane_changed`, `attach_export()`, `attach_sign_in()`, `add_file_action()` (above
Quit), `add_banner()`, the detail pane's tabs (`add_detail_tab`, `show_detail_tab`,
`detail_tab`, `detail_tab_changed`, `give_detail_room`), `shown_charger()`,
`selected_chargers()` and `offer_fleet_menu()`, `power_curve_requested`, `say()`,
`track_export()`, the `view_menu`/`help_menu`, the `alerts_menu` (`pause_alerts_requested`,
`set_alerts_paused`), the charger list's context menu (`set_charger_menu`) and muted marks
(`show_muted`), and `close_hides` for a tray icon. Nothing outside this class touches its
widgets (tests/app/test_window_seams.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from plugdesk import __version__
from plugdesk.api.models import Charger, PowerUsage, Transaction
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.chargers import ChargerService, TransactionFilters
from plugdesk.services.monitor import ConnectionState, FleetMonitor
from plugdesk.tasks import TaskRunner
from plugdesk.ui import formatting as fmt
from plugdesk.ui.detail_pane import DetailPane
from plugdesk.ui.fleet_model import (
    CHARGER_ROLE,
    SLICE_FROM,
    UUID_ROLE,
    FleetRow,
    FleetTableModel,
    HealthFn,
    Prepared,
    in_slices,
)
from plugdesk.ui.fleet_view import ALL, FleetView
from plugdesk.ui.status_bar import AppStatusBar, BudgetSource, ConnectionBanner
from plugdesk.ui.steady_tabs import SteadyTabWidget
from plugdesk.ui.transactions_view import TransactionsView

if TYPE_CHECKING:  # the export and the Sites tab are features loaded when first used
    from plugdesk.services.export_job import ExportJob
    from plugdesk.ui.sites.sites_overview import SitesOverview

AGE_TICK_MS = 30_000
STATUS_MS = 10_000  # how long a status-bar line stays
PREPARE_IN_SLICES_FROM = SLICE_FROM  # chargers: smaller lists are judged in one go
POWER_INTERVAL_MS = 15_000
STATE_VERSION = 1
APP_NAME = "PlugDesk"
SIGNED_OUT_USER = QT_TRANSLATE_NOOP("MainWindow", "Not signed in")
ROOMY = 0.7  # give_detail_room: the detail pane's share of the right side
HIDDEN_BY_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow", "No charger matches the search or filter: none is selected."
)
TRAY_HINT_KEY = "hints/closedToTray"
TRAY_HINT = QT_TRANSLATE_NOOP(
    "MainWindow",
    "PlugDesk is still running in the system tray and keeps watching your chargers: "
    "alerts still pop up. Open it again from the tray icon; to stop it, choose Quit in the "
    "tray menu or File → Quit (Ctrl+Q).",
)
ChargerMenu = Callable[[QMenu, str, str], None]  # adds actions for (uuid, name)


class MainWindow(QMainWindow):
    pause_alerts_requested = Signal(bool)  # True: pause pop-ups for an hour; False: resume
    export_requested = Signal()
    sign_in_requested = Signal()
    charger_selected = Signal(str)
    fleet_shown = Signal()  # the charger table holds the latest list
    pane_changed = Signal(int)  # the pane shown (an index add_pane gave; 0: Chargers)
    detail_tab_changed = Signal(int)  # the detail pane's tab (an index add_detail_tab gave)
    power_curve_requested = Signal(object)  # a Transaction of the selected charger

    def __init__(
        self,
        monitor: FleetMonitor,
        chargers: ChargerService,
        *,
        settings: QSettings | None = None,
        runner: TaskRunner | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        """`runner` lets the transactions table sort and filter large lists off the UI
        thread; without one it does that work in place."""
        super().__init__(parent)
        self.setWindowTitle("PlugDesk")
        self.setObjectName("PlugDeskMainWindow")
        self.monitor = monitor
        self.chargers = chargers
        self.settings = settings
        self.close_hides = False  # a tray icon sets this: closing then only hides the window
        self._clock = clock
        self._selected: str | None = None
        # The filters of the selected charger's last transaction load: a debounced filter
        # change that lands after a selection already loaded with them must not reload.
        self._loaded_filters: TransactionFilters | None = None
        self._runner = runner
        self._fleet_generation = 0  # the newest list handed to the charger table
        self._export_handler: Callable[[], None] | None = None
        self._fitted_to_screen = False
        self._split_before_room: list[int] | None = None  # see give_detail_room
        self._charger_menu: ChargerMenu | None = None
        self._fleet_menu: Callable[[QWidget], QMenu | None] | None = None  # offer_fleet_menu
        self._list_menus_taken = False
        self.charger_menu: QMenu | None = None  # the last context menu opened (for tests)
        self.tray_hint: QMessageBox | None = None
        self._tray_hint_shown = False

        self.fleet_model = FleetTableModel(self, clock=clock)
        self.fleet_view = FleetView(self.fleet_model)
        self.detail_pane = DetailPane(clock=clock)
        self.transactions_view = TransactionsView()
        self.transactions_view.model.set_runner(runner)
        self.fleet_model.set_runner(runner)
        self.banner = ConnectionBanner()
        self.status_bar = AppStatusBar(clock=clock)
        self.setStatusBar(self.status_bar)

        self._build_panes()
        self._build_actions()
        # A text box takes Ctrl+E for itself (end of line on X11): the window's shortcuts
        # that must work from anywhere get the key first. (The charger list's context
        # menu is caught here too: set_charger_menu.)
        self._window_keys = {self.export_action.shortcut()}
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Only the focused text box is watched: a filter on the whole application
            # ran Python for every event (thousands a second while a fleet loads).
            app.focusChanged.connect(self._watch_focused_text_box)
        self._connect_services()

        self._ages = QTimer(self)
        self._ages.setInterval(AGE_TICK_MS)
        self._ages.timeout.connect(self._refresh_ages)
        self._ages.start()
        self._power = QTimer(self)
        self._power.setInterval(POWER_INTERVAL_MS)
        self._power.timeout.connect(self._request_power)
        self.resize(_default_size())
        self.restore_state()

    # -- layout ----------------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.addWidget(self.detail_pane)
        self.right_splitter.addWidget(self.transactions_view)
        self.right_splitter.setStretchFactor(0, 1)
        self.right_splitter.setStretchFactor(1, 1)
        self.right_splitter.setChildrenCollapsible(False)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.fleet_view)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setSizes([790, 650])  # the list a little wider: 7 columns
        # The detail (the fault text and the connectors) gets room first.
        self.right_splitter.setSizes([520, 380])

        self.tabs = SteadyTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.main_splitter, self.tr("Chargers"))
        self.tabs.tabBar().setVisible(False)  # one pane: no tab bar until add_pane()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _build_actions(self) -> None:
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setToolTip(self.tr("Refresh the charger list now (F5)"))
        self.refresh_action.triggered.connect(self.refresh)
        self.find_action = QAction(self.tr("&Find charger"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.fleet_view.focus_search)
        self.export_action = QAction(self.tr("&Export transactions…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setEnabled(False)  # until attach_export()
        self.export_action.setToolTip(self.tr("Export transactions to CSV or XLSX (Ctrl+E)"))
        self.export_action.triggered.connect(self._export)
        self.sign_in_action = QAction(self.tr("&Sign in…"), self)
        self.sign_in_action.setEnabled(False)  # until attach_sign_in()
        self.sign_in_action.triggered.connect(self.sign_in_requested)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_app)
        self.about_action = QAction(self.tr("&About PlugDesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)

        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.sign_in_action)
        self._quit_separator = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addAction(self.find_action)
        self._build_alerts_menu()
        self.guide_action = QAction(self.tr("&Quick guide"), self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_guide)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.refresh_action)
        self.toolbar.addAction(self.export_action)
        self.addToolBar(self.toolbar)

        self._build_tab_shortcuts()
        self.banner.retry_requested.connect(self.refresh)
        self.banner.sign_in_requested.connect(self.sign_in_requested)

    def _build_alerts_menu(self) -> None:
        """Pause and resume pop-ups from the window, not only from the tray (which not
        every desktop has); greyed out until the alert wiring calls `set_alerts_paused`."""
        self.pause_alerts_action = QAction(self.tr("&Pause alerts for 1 hour"), self)
        self.pause_alerts_action.setToolTip(
            self.tr("No pop-ups for an hour; Events still lists them")
        )
        self.pause_alerts_action.triggered.connect(lambda: self.pause_alerts_requested.emit(True))
        self.resume_alerts_action = QAction(self.tr("&Resume alerts"), self)
        self.resume_alerts_action.triggered.connect(
            lambda: self.pause_alerts_requested.emit(False)
        )
        self.alerts_status_action = QAction(self.tr("Alerts are on"), self)
        self.alerts_status_action.setEnabled(False)  # a line of text, not a command
        for action in (self.pause_alerts_action, self.resume_alerts_action):
            action.setEnabled(False)
        self.alerts_menu = self.menuBar().addMenu(self.tr("&Alerts"))
        self.alerts_menu.addAction(self.alerts_status_action)
        self.alerts_menu.addSeparator()
        self.alerts_menu.addAction(self.pause_alerts_action)
        self.alerts_menu.addAction(self.resume_alerts_action)
        self.alerts_menu.addSeparator()
        hint = QAction(
            self.tr("Mute one charger: right-click it in the list (or the Menu key)"), self
        )
        hint.setEnabled(False)
        self.alerts_menu.addAction(hint)

    def set_alerts_paused(self, until: datetime | None) -> None:
        """Pop-ups are paused until `until` (None: they are on)."""
        paused = until is not None
        self.alerts_status_action.setText(
            self.tr("Alerts paused until {time}").format(time=fmt.local_clock(until))
            if until is not None
            else self.tr("Alerts are on")
        )
        self.pause_alerts_action.setEnabled(not paused)
        self.resume_alerts_action.setEnabled(paused)

    def set_charger_menu(self, builder: ChargerMenu) -> None:
        """Right-click (or the Menu key) on a charger opens a menu `builder` fills."""
        self._charger_menu = builder
        self._take_list_menus()

    def show_muted(self, muted: dict[str, str]) -> None:
        """Mark muted chargers in the list (uuid -> until when, for the tooltip)."""
        self.fleet_model.set_muted(muted)

    def _take_list_menus(self) -> None:
        """A right-click on the list comes as its customContextMenuRequested (in the
        viewport's coordinates), the Menu key and Shift+F10 through a filter on the list
        itself. Nothing watches the viewport: its first use from Python makes PySide
        load its remaining widget classes (~15 ms of start-up)."""
        if self._list_menus_taken:
            return
        self._list_menus_taken = True
        table = self.fleet_view.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._open_list_menu)
        table.installEventFilter(self)

    def _open_list_menu(self, position: QPoint | None) -> None:
        """The charger menu (with the offered one for the selection after its entries),
        or the offered menu alone; `position` None: the Menu key, the current row."""
        if self._charger_menu is not None:
            self._open_charger_menu(position)
            return
        table = self.fleet_view.table
        menu = self._fleet_menu(table) if self._fleet_menu is not None else None
        if menu is not None:
            if position is None:
                position = table.visualRect(table.currentIndex()).center()
            menu.exec(table.viewport().mapToGlobal(position))
            menu.deleteLater()

    def _open_charger_menu(self, position: QPoint | None) -> None:
        table = self.fleet_view.table
        index = table.currentIndex() if position is None else table.indexAt(position)
        uuid = index.data(UUID_ROLE) if index.isValid() else None
        if not isinstance(uuid, str) or self._charger_menu is None:
            return
        charger = index.data(CHARGER_ROLE)
        name = (charger.reference or charger.identity or uuid) if charger is not None else uuid
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        heading = menu.addAction(self.tr("Pop-ups for {name}").format(name=name))
        heading.setEnabled(False)
        self._charger_menu(menu, uuid, name)
        # The charger menu takes the list's right-click: the offered menu for the selected
        # chargers (batch actions) comes after its entries, or it would never be seen.
        offered = self._fleet_menu(menu) if self._fleet_menu is not None else None
        if offered is not None and offered.actions():
            menu.addSeparator()
            menu.addActions(offered.actions())
        self.charger_menu = menu
        at = position if position is not None else table.visualRect(index).center()
        menu.popup(table.viewport().mapToGlobal(at))

    def _build_tab_shortcuts(self) -> None:
        """Ctrl+Tab / Ctrl+PgDn and Ctrl+Shift+Tab / Ctrl+PgUp switch tabs from anywhere
        in the window: window-level shortcuts win over a table's own PgDn and Tab."""
        self.tab_shortcuts: list[QShortcut] = []
        for keys, step in (
            ("Ctrl+Tab", 1),
            ("Ctrl+PgDown", 1),
            ("Ctrl+Shift+Tab", -1),
            ("Ctrl+Backtab", -1),
            ("Ctrl+PgUp", -1),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda s=step: self.step_tab(s))
            self.tab_shortcuts.append(shortcut)

    def step_tab(self, step: int) -> None:
        """Show the next (1) or previous (-1) tab, wrapping around."""
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
            page, focused = self.tabs.currentWidget(), QApplication.focusWidget()
            if page is not None and (focused is None or not page.isAncestorOf(focused)):
                page.setFocus(Qt.FocusReason.TabFocusReason)
                page.focusNextChild()

    def _connect_services(self) -> None:
        monitor, chargers = self.monitor, self.chargers
        monitor.fleet_progress.connect(self._on_fleet_progress)
        monitor.fleet_updated.connect(self._on_fleet)
        monitor.refresh_started.connect(self._on_refresh_started)
        monitor.refresh_finished.connect(lambda _state: self.status_bar.set_refreshing(False))
        monitor.connection_state_changed.connect(self._on_connection_state)
        monitor.refresh_failed.connect(self._on_refresh_failed)
        chargers.detail_loaded.connect(self._on_detail)
        chargers.detail_failed.connect(self._on_detail_failed)
        chargers.transactions_loading.connect(self._on_transactions_loading)
        chargers.transactions_progress.connect(self._on_transactions_progress)
        chargers.transactions_loaded.connect(self._on_transactions)
        chargers.transactions_failed.connect(self._on_transactions_failed)
        chargers.power_loaded.connect(self._on_power)
        chargers.power_failed.connect(self._on_power_failed)
        chargers.auth_failed.connect(monitor.report_auth_failure)
        self.fleet_view.charger_selected.connect(self._on_selected)
        self.fleet_view.selection_hidden.connect(self._on_selection_hidden)
        self.transactions_view.filters_changed.connect(self._on_filters)
        self.transactions_view.power_curve_requested.connect(self.power_curve_requested)
        self.detail_pane.tab_changed.connect(self.detail_tab_changed)
        self.tabs.currentChanged.connect(self.pane_changed)
        self.detail_pane.copied.connect(
            lambda text: self.status_bar.showMessage(
                self.tr("Copied {text}").format(text=text), 3000
            )
        )

    # -- seams for the app -----------------------------------------------------------------

    def add_pane(self, title: str, widget: QWidget) -> int:
        """Add a tab next to "Chargers" (events, public charging, ...); returns its index."""
        index = self.tabs.addTab(widget, title)
        self.tabs.tabBar().setVisible(True)
        return index

    def attach_export(self, handler: Callable[[], None]) -> None:
        """Enable File → Export (Ctrl+E); `handler` runs when the user asks to export."""
        self._export_handler = handler
        self.export_action.setEnabled(True)

    def attach_sign_in(self, handler: Callable[[], None]) -> None:
        """Enable File → Sign in and the banner's button; `handler` opens the dialog."""
        self.sign_in_requested.connect(handler)
        self.sign_in_action.setEnabled(True)
        self.banner.sign_in_button.setEnabled(True)

    def set_user(self, text: str) -> None:
        self.status_bar.set_user(text)

    def set_api_host(self, host: str) -> None:
        self.status_bar.set_host(host)

    def set_budget_source(self, source: BudgetSource | None) -> None:
        self.status_bar.set_budget_source(source)

    def show_signed_out(self) -> None:
        self.status_bar.set_user(self.tr(SIGNED_OUT_USER))
        self.banner.show_state("signed-out")

    def selected_uuid(self) -> str | None:
        return self._selected

    def select_charger(self, uuid: str) -> bool:
        return self.fleet_view.select_uuid(uuid)

    def open_charger(self, uuid: str) -> bool:
        """Show the Chargers pane on `uuid`, clearing the search and the quick filter if
        they hide it; False (and a status line) when it is not in the list any more."""
        self.tabs.setCurrentIndex(0)  # the Chargers pane
        if self.select_charger(uuid):
            return True
        self.fleet_view.search.clear()
        self.fleet_view.set_level_filter(ALL)
        if self.select_charger(uuid):
            return True
        self.say(self.tr("That charger is not in the list any more."))
        return False

    def set_health_judge(self, judge: HealthFn) -> None:
        """The charger list takes its verdicts from the watch's one judgement."""
        self.fleet_model.set_judge(judge)

    def sites_overview(self) -> SitesOverview:
        """A Sites overview counting this window's charger rows (for a lazy pane)."""
        from plugdesk.ui.sites.sites_overview import SitesOverview  # lazy: see the pane

        return SitesOverview(self.fleet_model)

    def show_site(self, uuid: str | None) -> None:
        """The Chargers pane, filtered to one site (None: every site)."""
        self.fleet_view.set_site_filter(uuid)
        self.tabs.setCurrentIndex(0)

    def ask_rename(self, handler: Callable[[str, str], None]) -> None:
        """`handler(uuid, current reference)` when the detail pane's Rename is pressed."""
        self.detail_pane.rename_requested.connect(handler)

    def clear_fleet(self) -> None:
        """Forget the rows shown (another account's fleet is coming)."""
        self.fleet_model.clear()

    def charger_count(self) -> int:
        return self.fleet_model.rowCount()

    def open_pane(self, index: int) -> None:
        """Show the pane `add_pane` returned `index` for."""
        self.tabs.setCurrentIndex(index)

    def say(self, text: str, timeout_ms: int = STATUS_MS) -> None:
        """A line in the status bar (gone after `timeout_ms`)."""
        self.status_bar.showMessage(text, timeout_ms)

    def track_export(self, job: ExportJob, show_dialog: Callable[[], None]) -> None:
        """A background export's progress in the status bar; `show_dialog` brings its
        dialog back."""
        self.status_bar.export_progress.track(job, show_dialog)

    def add_file_action(self, text: str) -> QAction:
        """A File menu entry above Quit (which stays last, after a separator)."""
        action = QAction(text, self)
        self.file_menu.insertAction(self._quit_separator, action)
        return action

    def add_menu(self, title: str) -> QMenu:
        """A feature's menu in the menu bar, before Help (which stays last)."""
        menu = QMenu(title, self.menuBar())  # owned by the bar, as addMenu's are
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
        return menu

    def add_banner(self, banner: QWidget) -> None:
        """A banner right under the connection banner (above the panes)."""
        parent = self.banner.parentWidget()
        layout = parent.layout() if parent is not None else None
        assert isinstance(layout, QBoxLayout), "the connection banner sits in a box layout"
        layout.insertWidget(layout.indexOf(self.banner) + 1, banner)

    def add_detail_tab(self, widget: QWidget, title: str) -> int:
        """A tab in the charger's detail pane (after Details); returns its index."""
        return self.detail_pane.add_tab(widget, title)

    def show_detail_tab(self, index: int) -> None:
        self.detail_pane.tabs.setCurrentIndex(index)

    def detail_tab(self) -> int:
        """The index of the detail pane's current tab."""
        return self.detail_pane.tabs.currentIndex()

    def shown_charger(self) -> Charger | None:
        """The charger the detail pane shows (None before a selection)."""
        return self.detail_pane.charger

    def selected_chargers(self) -> list[Charger]:
        """Every selected row's charger (several once `offer_fleet_menu` is on)."""
        rows = self.fleet_view.table.selectionModel().selectedRows()
        chargers = [index.data(CHARGER_ROLE) for index in rows]
        return [c for c in chargers if isinstance(c, Charger)]

    def offer_fleet_menu(self, build: Callable[[QWidget], QMenu | None]) -> None:
        """Several chargers can be selected, and a right-click on the list shows the menu
        `build(parent)` makes for them (None: no menu); with a `set_charger_menu` menu,
        its entries come after that menu's."""
        self._fleet_menu = build
        self.fleet_view.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._take_list_menus()

    def give_detail_room(self, roomy: bool) -> None:
        """A detail tab that wants height (the OCPP log): the connectors table hides and
        the detail pane gets most of the right side; the user's own split comes back
        when `roomy` is False again."""
        self.detail_pane.connectors_box.setVisible(not roomy)
        splitter = self.right_splitter
        sizes = splitter.sizes()
        total = sum(sizes)
        if roomy and self._split_before_room is None and total and sizes[0] < total * ROOMY:
            self._split_before_room = sizes
            top = int(total * ROOMY)
            splitter.setSizes([top, total - top])
        elif not roomy and self._split_before_room is not None:
            splitter.setSizes(self._split_before_room)
            self._split_before_room = None

    def show_last_known_fleet(self, chargers: list[Charger], fetched_at: datetime) -> bool:
        """Offline start: the cached fleet at once, greyed and labelled as not current.
        False (nothing shown) when live data got there first."""
        if self.fleet_model.rowCount() or self.monitor.last_success is not None:
            return False
        when = fmt.local_time(fetched_at)
        self.fleet_model.set_stale(
            True, self.tr("Last known fleet from {time} — refreshing").format(time=when)
        )
        self.show_fleet(chargers, complete=True)
        self.detail_pane.set_stale(True)
        self.say(
            self.tr(
                "Showing the last known fleet from {time}, marked stale, while the first "
                "refresh runs"
            ).format(time=when),
            30_000,
        )
        return True

    def transaction_filters(self) -> TransactionFilters:
        """The transaction filters on screen, so an export starts from what the user sees."""
        return self.transactions_view.filters()

    # -- user actions ----------------------------------------------------------------------

    def refresh(self) -> None:
        if self.monitor.state == ConnectionState.AUTH:
            self.status_bar.showMessage(self.tr("Sign in again to refresh."), 5000)
            return
        if not self.monitor.refresh_now():
            self.status_bar.showMessage(self.tr("A refresh is already running."), 3000)
        if self._selected is not None:
            self.chargers.request_detail(self._selected)

    def quit_app(self) -> None:
        self.save_state()
        # exit(), not quit(): Qt 6's quit() first closes every window and gives up when one
        # refuses, and an export dialog refuses while its export runs (it cancels first),
        # which left PlugDesk running windowless after Quit (seen with a background export).
        # The desk's shutdown cancels the export, whose temporary file is removed.
        QApplication.exit(0)

    def _export(self) -> None:
        if self._export_handler is not None:
            self._export_handler()
        self.export_requested.emit()

    def show_guide(self) -> QMessageBox:
        """Health levels, grace periods and shortcuts, in one page (non-modal)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Quick guide"), guide_html(),
                          QMessageBox.StandardButton.Close, self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About PlugDesk"),
            f"<b>PlugDesk {__version__}</b><p>"
            + self.tr(
                "Watch your EV chargers, read their transactions and export them, over the "
                "Plugchoice API."
            )
            + "</p>",
        )

    # -- service answers -------------------------------------------------------------------

    def _on_fleet_progress(self, fleet: list[Charger]) -> None:
        # The first pages of a first load: add and update, remove nothing yet (a saved
        # fleet shown at start-up stays until the complete list says what is gone).
        self.show_fleet(fleet, complete=False)

    def show_watched_fleet(self, fleet: list[Charger], fetched_at: datetime) -> None:
        """The fleet as a running `plugdesk watch` last read it (the window does not poll
        while one watches the same account): current, as of `fetched_at`."""
        self.fleet_model.set_stale(False)
        self.detail_pane.set_stale(False)
        self.status_bar.set_last_refresh(fetched_at)
        self.banner.show_state("ok")
        self.show_fleet(fleet, complete=True)

    def _on_fleet(self, fleet: list[Charger]) -> None:
        self.fleet_model.set_stale(False)
        self.detail_pane.set_stale(False)
        self.status_bar.set_last_refresh(self.monitor.last_success)
        self.banner.show_state("ok")
        self.show_fleet(fleet, complete=True)

    def show_fleet(self, fleet: list[Charger], *, complete: bool) -> None:
        """Hand a list to the charger table. Comparing a charger with the one shown costs
        ~1 µs, judging and laying out a changed or new one ~25 µs, so a big list is
        prepared a slice of time at a time between other events (a first load of 50,000
        at once would stall the loop for seconds) and swapped in at the end; a newer list
        wins. Slices on this thread rather than a worker thread: a CPU-bound thread makes
        the loop wait up to the GIL's 5 ms switch interval on every wake-up, which slowed
        a first load's 200 requests by half."""
        self._fleet_generation += 1
        if self._runner is None or len(fleet) <= PREPARE_IN_SLICES_FROM:
            self.fleet_model.set_chargers(fleet, complete=complete)
            self._fleet_shown()
            return
        generation = self._fleet_generation
        model = self.fleet_model
        known = model.rows_by_uuid()

        async def prepare_then_apply() -> None:
            prepared = await _prepare_in_slices(model, fleet, known)
            if generation == self._fleet_generation:
                model.apply(prepared, complete=complete)
                self._fleet_shown()

        self._runner.start(prepare_then_apply(), f"fleet-rows-{generation}")

    def _fleet_shown(self) -> None:
        if self.fleet_model.rowCount():
            self.fleet_view.fit_columns_once()
        self._refresh_selected_detail()
        self.fleet_shown.emit()

    def _refresh_selected_detail(self) -> None:
        """The selected charger may have changed: update the pane from its new row and
        fetch its connectors again if anything moved."""
        if self._selected is None:
            return
        position = self.fleet_model.row_of(self._selected)
        if position is None:
            return
        row = self.fleet_model.row(position)
        shown = self.detail_pane.charger
        if shown is None or shown.uuid != row.uuid:
            return
        if not _list_fields_differ(shown, row.charger):
            self.detail_pane.set_verdict(row.verdict)
            return
        # Keep what only the detail call brings until it answers again.
        merged = msgspec.structs.replace(
            row.charger, connectors=shown.connectors, pincode=shown.pincode
        )
        self.detail_pane.show_charger(merged, row.verdict)
        self.chargers.request_detail(row.uuid)

    def _on_connection_state(self, state: str) -> None:
        stale = state != ConnectionState.OK
        last = self.monitor.last_success
        note = self.tr("Data from {time}").format(time=fmt.local_clock(last)) if last else ""
        self.fleet_model.set_stale(stale, note)
        self.detail_pane.set_stale(stale)
        self.banner.show_state(state, self.monitor.last_error, self.monitor.last_success)
        if state == ConnectionState.AUTH:
            self._power.stop()

    def _on_refresh_started(self) -> None:
        self.status_bar.set_refreshing(True)
        if self.banner.state == "signed-out":
            # Polling starts only with a token: "Not signed in" is no longer true.
            self.banner.show_state("ok")
            if self.status_bar.user_label.text() == self.tr(SIGNED_OUT_USER):
                self.status_bar.set_user(self.tr("Signed in"))

    def _on_refresh_failed(self, message: str) -> None:
        self.banner.show_state(self.monitor.state, message, self.monitor.last_success)
        self.status_bar.showMessage(
            self.tr("Refresh failed: {message}").format(message=message), 10_000
        )
        self.status_bar.set_refresh_failed(message)

    def _on_selected(self, uuid: str) -> None:
        if uuid == self._selected:
            return
        self._selected = uuid
        position = self.fleet_model.row_of(uuid)
        if position is not None:
            row = self.fleet_model.row(position)
            self.detail_pane.show_charger(row.charger, row.verdict, stale=self.fleet_model.is_stale)
        self._power.stop()
        self.chargers.cancel_power()
        self.transactions_view.model.set_connector_numbers({})
        self.chargers.request_detail(uuid)
        self._load_transactions(uuid, self.transactions_view.filters())
        self.charger_selected.emit(uuid)

    def _on_selection_hidden(self) -> None:
        """The search or filter hides every charger: nothing is selected any more, and the
        detail, transactions and export say so instead of showing the last one."""
        if self._selected is None:
            return
        self._selected = None
        self._power.stop()
        self.chargers.cancel_power()
        self.detail_pane.show_placeholder(self.tr(HIDDEN_BY_FILTER))
        self.transactions_view.show_placeholder(self.tr(HIDDEN_BY_FILTER))

    def _on_detail(self, charger: Charger) -> None:
        if charger.uuid != self._selected:
            return
        self.detail_pane.show_detail(charger)
        self.transactions_view.model.set_connector_numbers(
            {
                c.id: c.connector_id
                for c in charger.connectors or []
                if c.id is not None and c.connector_id is not None
            }
        )
        if charger.is_online and charger.connectors:
            self._request_power()
            self._power.start()
        else:
            self._power.stop()

    def _on_detail_failed(self, uuid: str, message: str) -> None:
        if uuid == self._selected:
            self.detail_pane.show_detail_error(message)

    def _request_power(self) -> None:
        charger = self.detail_pane.charger
        if charger is None or charger.uuid != self._selected or not charger.is_online:
            self._power.stop()
            return
        self.chargers.request_power(charger.uuid, self.detail_pane.connectors_model.connector_ids())

    def _on_power(self, uuid: str, connector: int, usage: PowerUsage) -> None:
        if uuid == self._selected:
            self.detail_pane.set_power(connector, usage)

    def _on_power_failed(self, uuid: str, connector: int, message: str) -> None:
        if uuid == self._selected:
            self.detail_pane.set_power(connector, None, error=message)

    def _on_filters(self, filters: TransactionFilters) -> None:
        if self._selected is not None and filters != self._loaded_filters:
            self._load_transactions(self._selected, filters)

    def _load_transactions(self, uuid: str, filters: TransactionFilters) -> None:
        self._loaded_filters = filters
        self.chargers.request_transactions(uuid, filters)

    def _on_transactions_loading(self, uuid: str) -> None:
        if uuid == self._selected:
            self.transactions_view.show_loading()

    def _on_transactions_progress(self, uuid: str, count: int) -> None:
        if uuid == self._selected:
            self.transactions_view.show_progress(count)

    def _on_transactions(self, uuid: str, transactions: list[Transaction]) -> None:
        if uuid == self._selected:
            self.transactions_view.set_transactions(transactions)

    def _on_transactions_failed(self, uuid: str, message: str) -> None:
        if uuid == self._selected:
            self._loaded_filters = None  # the same filters again are a retry
            self.transactions_view.show_error(message)

    def _refresh_ages(self) -> None:
        model = self.fleet_model
        if self._runner is None or model.rowCount() <= PREPARE_IN_SLICES_FROM:
            model.refresh_ages()
        else:
            rows = model.rows()

            async def judge_then_apply() -> None:
                changed: dict[str, FleetRow] = {}
                await in_slices(rows, lambda chunk: changed.update(model.judge_again(chunk)))
                model.apply_ages(changed)

            self._runner.start(judge_then_apply(), "fleet-ages")
        self.detail_pane.refresh_ages()
        self.status_bar.update_texts()

    # -- window state ----------------------------------------------------------------------

    def save_state(self) -> None:
        settings = self.settings
        if settings is None:
            return
        settings.setValue("window/version", STATE_VERSION)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState(STATE_VERSION))
        settings.setValue("window/mainSplitter", self.main_splitter.saveState())
        settings.setValue("window/rightSplitter", self.right_splitter.saveState())
        settings.setValue("fleet/header", self.fleet_view.save_header())
        settings.setValue("transactions/header", self.transactions_view.save_header())
        settings.sync()

    def restore_state(self) -> None:
        settings = self.settings
        if settings is None or _int(settings.value("window/version")) != STATE_VERSION:
            return
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/state", lambda data: self.restoreState(data, STATE_VERSION)),
            ("window/mainSplitter", self.main_splitter.restoreState),
            ("window/rightSplitter", self.right_splitter.restoreState),
            ("fleet/header", self.fleet_view.restore_header),
            ("transactions/header", self.transactions_view.restore_header),
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)

    def _watch_focused_text_box(self, old: QWidget | None, new: QWidget | None) -> None:
        for widget in (old, new):
            if isinstance(widget, QLineEdit | QAbstractSpinBox) and self.isAncestorOf(widget):
                if widget is new:
                    widget.installEventFilter(self)
                else:
                    widget.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
            and watched is self.fleet_view.table
        ):
            self._open_list_menu(None)  # its position is in the list's coordinates
            return True
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit | QAbstractSpinBox)
            and QKeySequence(event.keyCombination()) in self._window_keys
            and self.isAncestorOf(watched)
        ):
            event.ignore()  # not for the text box: the shortcut map gets the key
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        # Qt appends the application's name to a title that does not end with it:
        # "PlugDesk — Demo" would read "PlugDesk — Demo — PlugDesk". Put the name last.
        if event.type() == QEvent.Type.WindowTitleChange:
            title = self.windowTitle()
            prefix = f"{APP_NAME} — "
            if title.startswith(prefix) and not title.endswith(APP_NAME):
                self.setWindowTitle(f"{title.removeprefix(prefix)} — {APP_NAME}")
                return
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted_to_screen:
            self._fitted_to_screen = True
            self.fit_to_screen()
            # The detail pane's charger page is made right after the first paint, not
            # before it (20 ms), nor at the first click on a charger (a 40-60 ms stall).
            QTimer.singleShot(0, self, self.detail_pane.prepare)
        super().showEvent(event)

    def fit_to_screen(self) -> None:
        """Inside the screen it opens on (a saved geometry may come from a bigger screen),
        with room for the window manager's frame; maximised windows are left alone."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        available = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        room = available.size() - QSize(max(frame.width(), 10), max(frame.height(), 40))
        size = self.size().boundedTo(room).expandedTo(self.minimumSizeHint().boundedTo(room))
        self.resize(size)
        outer = self.frameGeometry().size().expandedTo(size + QSize(10, 40))
        x = min(self.x(), available.right() + 1 - outer.width())
        y = min(self.y(), available.bottom() + 1 - outer.height())
        self.move(max(x, available.left()), max(y, available.top()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.close_hides:
            event.ignore()
            self.hide()
            self._hint_still_running()
            return
        super().closeEvent(event)

    def _hint_still_running(self) -> None:
        """The first time closing only hides the window, say so (once: remembered in the
        window settings), or the user believes PlugDesk quit while it keeps alerting."""
        settings = self.settings
        if self._tray_hint_shown or (settings is not None and settings.value(TRAY_HINT_KEY)):
            return
        self._tray_hint_shown = True
        if settings is not None:
            settings.setValue(TRAY_HINT_KEY, True)
            settings.sync()
        hint = QMessageBox(QMessageBox.Icon.Information, self.tr("Still running"),
                           self.tr(TRAY_HINT), QMessageBox.StandardButton.Ok, self)  # fmt: skip
        hint.setWindowModality(Qt.WindowModality.NonModal)
        hint.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        hint.finished.connect(lambda _result: setattr(self, "tray_hint", None))
        self.tray_hint = hint
        hint.show()


# The quick guide, a paragraph per translatable string (put together in guide_html()).
GUIDE_PARTS = (
    ("h3", QT_TRANSLATE_NOOP("MainWindow", "Health")),
    (
        "p",
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "<b>Fault</b>: status Faulted, or an error code on the charger or a connector. "
            "<b>Offline</b>: it lost its connection to the server. <b>Stale</b>: online, but no "
            "heartbeat for 15 min. <b>Warning</b>: a car-side communication error. "
            "<b>Unknown</b>: never connected to the server. <b>Maintenance</b>: blocked or "
            "Unavailable, set by an operator or an update (no alerts). <b>OK</b>: none of these. "
            "The chips above the list filter by level.",
        ),
    ),
    ("h3", QT_TRANSLATE_NOOP("MainWindow", "Grace periods and alerts")),
    (
        "p",
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "A problem shows in <b>Events</b> as <i>Pending</i> as soon as a refresh sees it. It "
            "becomes an incident, and alerts, only when it lasts its grace period (by default "
            "2 min for faults and stale chargers, 5 min for offline ones; change them in "
            "Settings), so a reboot does not wake you up. Mute a charger from the Events menu "
            "(right-click or the Menu key).",
        ),
    ),
    ("h3", QT_TRANSLATE_NOOP("MainWindow", "Keyboard")),
)
GUIDE_KEYS = (  # (keys, what they do)
    (
        "<b>Ctrl+F</b>",
        QT_TRANSLATE_NOOP(
            "MainWindow", "search chargers; Enter or Down go to the list, Escape clears"
        ),
    ),
    (
        "<b>Tab</b> / <b>Shift+Tab</b>",
        QT_TRANSLATE_NOOP(
            "MainWindow", "next / previous part of the window (arrow keys move inside a table)"
        ),
    ),
    (
        "<b>Ctrl+Tab</b>, <b>Ctrl+PgDn</b>",
        QT_TRANSLATE_NOOP("MainWindow", "next tab; with Shift, or Ctrl+PgUp, the previous one"),
    ),
    ("<b>F5</b>", QT_TRANSLATE_NOOP("MainWindow", "refresh now")),
    ("<b>Ctrl+E</b>", QT_TRANSLATE_NOOP("MainWindow", "export transactions")),
    (
        "<b>Menu</b>, <b>Shift+F10</b>",
        QT_TRANSLATE_NOOP("MainWindow", "actions for the selected event"),
    ),
    ("<b>Ctrl+Q</b>", QT_TRANSLATE_NOOP("MainWindow", "quit")),
)


def guide_html() -> str:
    """The quick guide in the window's language."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    parts = [f"<{tag}>{tr(text)}</{tag}>" for tag, text in GUIDE_PARTS]
    rows = "".join(f"<tr><td>{keys}</td><td>{tr(text)}</td></tr>" for keys, text in GUIDE_KEYS)
    return "\n".join([*parts, f"<table>{rows}</table>"])


def _list_fields_differ(shown: Charger, listed: Charger) -> bool:
    """Did anything the list carries change? (The detail adds connectors and PIN.)"""
    fields = (
        "status",
        "connection_status",
        "error",
        "error_info",
        "last_heartbeat_at",
        "firmware_version",
        "blocked",
        "updated_at",
        "reference",
    )
    return any(getattr(shown, f) != getattr(listed, f) for f in fields)


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _default_size() -> QSize:
    """1440x900, or 90 % of a smaller screen: the first window must fit on a laptop."""
    wanted = QSize(1440, 900)
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    available = screen.availableGeometry().size() * 0.9
    return wanted.boundedTo(available)


async def _prepare_in_slices(
    model: FleetTableModel, chargers: list[Charger], known: dict[str, FleetRow]
) -> Prepared:
    """`model.prepare` a slice at a time, letting the loop run in between."""
    prepared = Prepared()
    await in_slices(chargers, lambda chunk: prepared.merge(model.prepare(chunk, known)))
    await asyncio.sleep(0)  # the apply (up to ~10 ms) in a turn of its own, not after a slice
    return prepared
