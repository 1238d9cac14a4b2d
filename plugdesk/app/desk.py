"""Composition root: builds the QApplication, the one qasync loop, the API client, the
services and the main window, wires their signals, and shuts everything down cleanly.

A GUI launch comes up in two steps (`open_desk`): the window is built and shown with the
fleet the last run cached, if any, while the API client is a `PendingClient`; once that is
painted, `Desk.connect` loads the network stack (and the demo's simulator), puts the real
client in place and `Desk.start` polls. `build_desk` makes a connected desk in one go.

Kept thin on purpose: the building blocks live in `services/` and `ui/`. Seams for what is
wired later (sign-in, tray and notifications, export, events, public charging): `Desk`
holds every part; `Desk.apply_token()` is what a sign-in hands its token to;
`MainWindow.add_pane()`, `.attach_export()`, `.attach_sign_in()` and `.close_hides` take the
rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

import PySide6  # noqa: F401 - first: qasync uses the Qt binding already imported
import qasync
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from plugdesk.api.errors import AuthError, PlugchoiceError
from plugdesk.api.models import User
from plugdesk.app import crash_log
from plugdesk.app.alerts import wire_fault_monitoring
from plugdesk.app.reporting import (
    ErrorReporter,
    Redactor,
    configure_logging,
    remove_logging,
    restore_qt_messages,
    route_qt_messages,
)
from plugdesk.app.shutdown_signals import ShutdownSignals
from plugdesk.app.single_instance import LOCK_FILE as INSTANCE_LOCK
from plugdesk.app.single_instance import InstanceServer, Running, claim, instance_name
from plugdesk.app.site_wiring import wire_sites
from plugdesk.app.startup import (
    MainThreadGC,
    PendingClient,
    favour_the_ui_thread,
    import_network_stack,
)
from plugdesk.app.watch_follow import WatchFollower
from plugdesk.domain.credentials import CredentialStore
from plugdesk.domain.housekeeping import clean_at_start
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import (
    DEFAULT_API_URL,
    Settings,
    load_settings,
    read_language,
    save_settings,
)
from plugdesk.domain.store import StoreError
from plugdesk.services.chargers import ChargerService
from plugdesk.services.signin import SignInService
from plugdesk.services.watch import FleetWatch
from plugdesk.tasks import KEYRING, TaskRunner, run_blocking
from plugdesk.ui.i18n import apply_language
from plugdesk.ui.icons import app_icon
from plugdesk.ui.insights import attach_insights
from plugdesk.ui.lazy_pane import add_lazy_pane
from plugdesk.ui.look import follow_system
from plugdesk.ui.main_window import MainWindow
from plugdesk.ui.ready_hook import install_ready_hook
from plugdesk.ui.tray import bring_up

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.app.action_wiring import ActionWiring
    from plugdesk.services.public_sessions import PublicSessionService
    from plugdesk.simulator import Simulator
    from plugdesk.ui.error_dialog import ErrorDialog
    from plugdesk.ui.public_pane import PublicPane
    from plugdesk.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

APP_NAME = "PlugDesk"
TOKEN_ENV = "PLUGDESK_TOKEN"
# Demo sessions live under their own keyring service so that tracking a demo session never
# touches (or, when the simulator forgets it, deletes) a real public session's token.
DEMO_KEYRING_SERVICE = "plugdesk-demo"
# The longest the saved public sessions wait for the first fleet refresh to end.
RESUME_WAIT_MS = 2_000
# The demo's cached fleet is kept under this name: its simulator's URL changes every run.
DEMO_SOURCE = "demo"
# A cached fleet up to this size (its JSON; ~250 chargers, one slice of its decoding) is
# put in the charger table before the window first shows.
FILL_BEFORE_SHOW_BYTES = 300_000
DESKTOP_FILE = "plugdesk"
WINDOW_STATE_FILE = "window.ini"


def make_application() -> QApplication:
    """The QApplication (reused if one exists, e.g. under pytest-qt)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon())  # every window, and the X11/Wayland taskbar entry
    return app


def window_settings() -> QSettings:
    """Window geometry, splitters, columns and sort: an INI file in the config folder
    (an explicit path, so tests that move the folders move this too)."""
    path = app_paths().config_dir / WINDOW_STATE_FILE
    return QSettings(str(path), QSettings.Format.IniFormat)


class Desk:
    """Everything one running PlugDesk is made of."""

    def __init__(
        self,
        client: PlugchoiceClient,
        *,
        errors: ErrorReporter,
        simulator: Simulator | None = None,
        settings: QSettings | None = None,
        demo: bool = False,
        app_settings: Settings | None = None,
        settings_problem: str | None = None,
        url_problem: str | None = None,
        token: str | None = None,
        check_url: bool = False,
        read_token: bool = False,
    ) -> None:
        """`check_url`, `read_token`: a live launch's URL check and keyring read, which
        `connect` does after the first paint (see `run_gui`)."""
        self.client = client
        # Until `connect()`: a GUI launch paints before the network stack loads.
        self._pending = isinstance(client, PendingClient)
        self._token = token  # to recognise a `plugdesk watch` of the same account
        self._check_url, self._read_token = check_url, read_token
        self.errors = errors
        self.simulator = simulator
        self.demo = demo
        self.app_settings = app_settings or Settings()
        self.settings_problem = settings_problem
        self.url_problem = url_problem
        self.runner = TaskRunner(on_error=lambda error: errors.report(error, "background task"))
        self.monitor = FleetWatch(
            client,
            self.runner,
            interval=self.app_settings.refresh_interval_s,
            grace=(self.app_settings.grace_fault_s, self.app_settings.grace_offline_s),
        )
        self.chargers = ChargerService(client, self.runner)
        self.window = MainWindow(self.monitor, self.chargers, settings=settings, runner=self.runner)
        self._log_file = app_paths().log_file()  # (its folder is made now: the log needs it)
        self._error_dialog: ErrorDialog | None = None  # made for the first error
        errors.error_reported.connect(self._show_error)
        self.window.set_api_host(client.host)
        self.window.set_budget_source(
            lambda: (client.budget.used_last_window(), client.budget.limit)
        )
        title = translate("MainWindow", "PlugDesk — Demo") if demo else "PlugDesk"
        self.window.setWindowTitle(title)
        self.credentials = CredentialStore(DEMO_KEYRING_SERVICE if demo else "plugdesk")
        self.signin = SignInService(
            self.credentials,
            _validate_token,
            self.apply_token,
            self.runner,
            env_token=os.environ.get(TOKEN_ENV),
        )
        self._public: PublicSessionService | None = None
        self._wire_features()
        self.faults = wire_fault_monitoring(
            self,
            settings=self.app_settings,
            sign_out=None if self.demo else self.sign_out,
            source=self.fleet_source,
            offline_view=not self._pending,  # else `show_first()` shows the cached fleet
        )
        # A GUI launch adds the Actions and Log tabs once the window is painted (connect).
        self.actions: ActionWiring
        if not self._pending:
            self._wire_actions()
        self.insights = attach_insights(
            window=self.window,
            client=client,
            runner=self.runner,
            incidents=self.faults.store.list_incidents,
        )
        self._connecting: asyncio.Task[Any] | None = None  # `connect()` while it runs
        self.follower = WatchFollower(self.window, self.monitor, self.faults.service, self.runner,
                                      lambda: (self.client.base_url, self._token))  # fmt: skip
        self._closed = False

    def _wire_actions(self) -> None:
        from plugdesk.app.action_wiring import wire_actions  # lazy: after the first paint

        self.actions = wire_actions(self, self.faults)

    @property
    def error_dialog(self) -> ErrorDialog:
        """The error dialog, made when first needed (it costs the first paint 20-40 ms)."""
        if self._error_dialog is None:
            from plugdesk.ui.error_dialog import ErrorDialog  # lazy: see above

            self._error_dialog = ErrorDialog(self._log_file, self.window)
        return self._error_dialog

    def _show_error(self, summary: str, details: str) -> None:
        self.error_dialog.add_error(summary, details)

    @property
    def fleet_source(self) -> str:
        """Whose fleet the cache holds: the API URL (the demo's own name)."""
        return DEMO_SOURCE if self.demo else self.client.base_url

    def _wire_features(self) -> None:
        window = self.window
        window.attach_export(self.open_export)
        self.public_tab, _index = add_lazy_pane(
            window, translate("MainWindow", "Public charging"), self._public_pane
        )
        self.sites = wire_sites(self)
        settings_action = window.add_file_action(translate("MainWindow", "Se&ttings…"))
        settings_action.setShortcut("Ctrl+,")
        settings_action.triggered.connect(self.open_settings)
        if not self.demo:
            window.attach_sign_in(self.open_sign_in)
            self.sign_out_action = window.add_file_action(translate("MainWindow", "Sign &out"))
            self.sign_out_action.triggered.connect(self.sign_out)

    @property
    def public(self) -> PublicSessionService:
        """Public charging sessions, made on first use (the saved ones are resumed after the
        first refresh): the fleet can be shown without this module and its pacing."""
        if self._public is None:
            from plugdesk.services.public_sessions import PublicSessionService  # lazy: see above

            self._public = PublicSessionService(
                self.client,
                self.credentials,
                self.runner,
                register_secret=self.errors.redactor.add_secret,
            )
        return self._public

    # -- features ------------------------------------------------------------------------
    # Their dialogs and panes are imported when first opened: start-up should not pay for
    # them (the export alone brings in xlsxwriter).

    def _public_pane(self) -> PublicPane:
        from plugdesk.ui.public_pane import PublicPane  # lazy: built when the tab is opened

        codes = self.simulator.codes_to_try() if self.simulator is not None else ()
        return PublicPane(self.public, demo_codes=codes)

    def open_export(self) -> None:
        from plugdesk.services.export_job import ExportJob  # lazy: see "features" above
        from plugdesk.ui.export_dialog import open_export_dialog

        dialog = open_export_dialog(
            self.window,
            lambda: ExportJob(self.client, self.runner),
            self.monitor.chargers,
            self.window.selected_uuid(),
            settings=self.app_settings,
            on_settings_changed=self.save_app_settings,
            screen_filters=self.window.transaction_filters(),
        )
        dialog.export_started.connect(lambda job: self.window.track_export(job, dialog.show_again))

    def open_sign_in(self, reason: str | None = None) -> None:
        from plugdesk.ui.signin_dialog import SignInDialog  # lazy: see "features" above

        dialog = SignInDialog(self.signin, self.client.base_url, reason=reason, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal without a nested event loop: the qasync loop runs on
        self.sign_in_dialog = dialog

    def sign_out(self) -> None:
        self.signin.sign_out(self.client.base_url)

    def open_settings(self) -> SettingsDialog:
        from plugdesk.ui.settings_dialog import SettingsDialog  # lazy: see "features" above

        demo_url = self.client.base_url if self.demo else None
        dialog = SettingsDialog(self.app_settings, self.window, demo_url=demo_url)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._settings_edited(dialog.result_settings()))
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    def _settings_edited(self, edited: Settings) -> None:
        url_changed = edited.api_url != self.app_settings.api_url
        self.save_app_settings(edited)
        self.monitor.set_interval(edited.refresh_interval_s)
        self.faults.apply_settings(edited)
        self.monitor.set_grace(edited.grace_fault_s, edited.grace_offline_s)
        if url_changed and not self.demo:
            self.runner.start(self._switch_account(edited.api_url), "switch-account")

    async def _switch_account(self, api_url: str) -> None:
        token = await self.signin.stored_token(api_url)
        await self.apply_token(api_url, token)
        if not token:
            self.open_sign_in(translate("MainWindow", "Sign in to {url}.").format(url=api_url))

    def save_app_settings(self, settings: Settings) -> None:
        """Keep and save the settings; a failed save is said, the old file stays."""
        self.app_settings = settings
        try:
            save_settings(settings, app_paths().settings_path())
        except (OSError, ValueError) as error:
            self.errors.report(error, "saving the settings")

    async def show_first(self) -> None:
        """A GUI launch's first step, before the network stack loads: show the window with
        the fleet the last run cached (if any). A small cached fleet goes into the table
        before the window shows, so the window is laid out and painted once, with it,
        not first empty (20-40 ms more); a big one is decoded over turns of the loop
        while the window is already up."""
        install_ready_hook(self.window)  # the start-up benchmark's probe; off unless asked
        if not self._small_cached_fleet():
            self.window.show()
        await self.faults.service.publish_last_known()
        self.window.show()

    def _small_cached_fleet(self) -> bool:
        try:
            size = self.faults.store.fleet_size(source=self.fleet_source)
        except StoreError:
            return False
        return size is not None and size <= FILL_BEFORE_SHOW_BYTES

    async def connect(self) -> None:
        """A GUI launch's second step, once the window is painted: load the network stack,
        start the demo's simulator, and put the real client in the pending one's place.
        Nothing to do for a desk built connected."""
        if not self._pending or self._closed:
            return
        self._connecting = asyncio.current_task()
        try:
            await _next_turn()  # the paint first (Qt delivers posted events before timers)
            import_network_stack(demo=self.demo)
            from plugdesk.api.client import PlugchoiceClient

            api_url, token = self.client.base_url, self._token
            if self.demo:
                simulator = await self._start_simulator()
                api_url, token = simulator.base_url, simulator.token
            else:
                api_url, token = await self._live_account(api_url, token)
            self._token = token
            self.errors.redactor.add_secret(token)
            if api_url != self.client.base_url:
                self.window.clear_fleet()  # a cached fleet shown was not this account's
            pending = self.client
            self.client = PlugchoiceClient(api_url, token)
            self._wire_actions()
            self._use_client(self.client)
            self._pending = False
            if isinstance(pending, PendingClient):
                pending.became(self.client)
        finally:
            self._connecting = None
            if self._pending and isinstance(self.client, PendingClient):
                self.client.abandoned()

    async def _live_account(self, api_url: str, token: str | None) -> tuple[str, str | None]:
        """The URL check and the keyring read a live launch leaves to after the first
        paint. A saved URL that fails the check is what it always was: the window stays
        signed out on the default server and `start` opens the settings dialog."""
        if self._check_url:
            from plugdesk.api.client import check_api_url
            from plugdesk.api.errors import InsecureURLError

            try:
                api_url = check_api_url(api_url)
            except InsecureURLError as error:
                self.url_problem = str(error)
                return DEFAULT_API_URL, None
        if self._read_token:
            token = await run_blocking(self.credentials.get, api_url, lane=KEYRING)
        return api_url, token

    async def _start_simulator(self) -> Simulator:
        """The demo's simulator, started in a thread. Cancelled meanwhile (quit while
        connecting), it still waits for it to be up and keeps it, for `aclose` to stop."""
        starting = asyncio.ensure_future(run_blocking(start_simulator))
        try:
            self.simulator = await asyncio.shield(starting)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                self.simulator = await starting
            raise
        return self.simulator

    def _use_client(self, client: PlugchoiceClient) -> None:
        """Every part that talks to the API talks to `client` from now on."""
        self.client = client
        self.faults.set_source(self.fleet_source)
        self.monitor.set_client(client)
        self.chargers.set_client(client)
        self.sites.set_client(client)
        self.actions.service.set_client(client)
        self.insights.set_client(client)
        if self._public is not None:  # else it is made with this client
            self._public.set_client(client)
        self.window.set_api_host(client.host)
        self.window.set_budget_source(
            lambda: (client.budget.used_last_window(), client.budget.limit)
        )

    def start(self) -> None:
        """Show the window and start polling (or ask for a sign-in without a token)."""
        self.window.show()
        install_ready_hook(self.window)  # the start-up benchmark's probe; off unless asked
        if self.settings_problem:
            title = translate("MainWindow", "Settings were reset")
            show_notice(self.window, title, self.settings_problem)
        if self.demo:
            self.window.set_user(translate("MainWindow", "Demo"))
            self.actions.service.user_name = "Demo"
        if self.url_problem:
            # The saved API URL no longer passes the check: say why, in the dialog that
            # fixes it (the problem is shown beside the field, OK waits for a good URL).
            log.info("the saved API URL does not pass the check (%s): settings opened",
                     self.url_problem)  # fmt: skip
            self.window.show_signed_out()
            self.open_settings()
            return
        if not self.client.has_token:
            self.window.show_signed_out()
            self._resume_public_sessions()
            self.open_sign_in()
            return
        if not self.follower.start(self.app_settings.refresh_interval_s):
            self.monitor.start()  # else a `plugdesk watch` polls and alerts for us
        self._resume_public_sessions(after_first_refresh=True)
        if not self.demo:
            self.runner.start(self._show_user(), "user")

    def show_crash_notice(self, crash_file: Path) -> QMessageBox:
        """The last run crashed: say so, and where its crash log is (non-blocking)."""
        log.warning("PlugDesk closed unexpectedly last time; its crash log: %s", crash_file)
        box = show_notice(self.window, translate("MainWindow", "PlugDesk closed unexpectedly"),
                          crash_log.notice_text(crash_file))  # fmt: skip
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.crash_notice = box
        return box

    def _resume_public_sessions(self, *, after_first_refresh: bool = False) -> None:
        """Follow the saved public sessions again. Their tokens are in the keyring, whose
        first use finds its backend (~0.1 s of imports and probing in the keyring thread,
        holding the GIL much of it): when polling, wait until the first refresh has ended
        (the fleet is on screen by then) or RESUME_WAIT_MS, whichever comes first."""
        started = False

        def resume(*_args: object) -> None:
            nonlocal started
            if not started and not self._closed:
                started = True
                self.monitor.refresh_finished.disconnect(resume)
                self.runner.start(self.public.resume_saved(), "public-resume")

        if not after_first_refresh:
            self.runner.start(self.public.resume_saved(), "public-resume")
            return
        self.monitor.refresh_finished.connect(resume)
        QTimer.singleShot(RESUME_WAIT_MS, self.window, resume)

    async def _show_user(self) -> None:
        try:
            user = await self.client.get_user()
        except AuthError:
            self.monitor.report_auth_failure()
            return
        except PlugchoiceError as error:
            log.info("could not read the user: %s", error)
            return
        self.window.set_user(user.name or user.email or translate("MainWindow", "Signed in"))
        self.actions.service.user_name = user.name or user.email or ""

    async def apply_token(self, api_url: str, token: str | None) -> None:
        """The sign-in seam: use `token` for `api_url` (None signs out)."""
        from plugdesk.api.client import PlugchoiceClient, check_api_url

        self.errors.redactor.add_secret(token)
        if check_api_url(api_url) != self.client.base_url:
            old = self.client
            self.window.clear_fleet()
            self._use_client(PlugchoiceClient(api_url, token))
            await old.aclose()
        self.client.set_token(token)
        self._token = token
        if token:
            self.follower.check()
            if not self.follower.following:
                self.monitor.resume()
            self.runner.start(self._show_user(), "user")
        else:
            self.monitor.stop()
            self.window.show_signed_out()

    def begin_shutdown(self) -> None:
        """Quit was asked for (`aboutToQuit`): stop polling at once. Tasks caught mid-step
        when Qt's loop ends can fail in odd ways (no running loop); that is shutdown noise
        for the log, not an error dialog."""
        self.monitor.stop()
        self.follower.stop()
        self.errors.set_quiet(True)

    async def aclose(self) -> None:
        """Stop polling, cancel every task, close the HTTP client, stop the simulator."""
        if self._closed:
            return
        self._closed = True
        connecting = self._connecting
        if connecting is not None and connecting is not asyncio.current_task():
            connecting.cancel()  # quit while connecting: a started simulator is kept to stop
            await asyncio.gather(connecting, return_exceptions=True)
        self.begin_shutdown()
        self.window.save_state()
        # Before the window goes: the last fleet snapshot is flushed, then the store is
        # closed and the tray icon removed.
        await self.faults.aclose()
        if self._public is not None:
            await self._public.aclose()
        await self.runner.cancel_all()
        await self.client.aclose()
        if self.simulator is not None:
            await run_blocking(self.simulator.stop)  # joins its server thread
        if self._error_dialog is not None:
            self._error_dialog.close()
        self.window.close()
        self.window.deleteLater()


async def _next_turn() -> None:
    """Wait for the next turn of the Qt loop that runs timers."""
    turned = asyncio.get_running_loop().create_future()

    def turn() -> None:
        if not turned.done():
            turned.set_result(None)

    QTimer.singleShot(0, turn)
    await turned


async def _validate_token(api_url: str, token: str) -> User:
    """`GET /user` with a short-lived client: the running one keeps its token until the
    new one is known to work."""
    from plugdesk.api.client import PlugchoiceClient
    async with PlugchoiceClient(api_url, token) as client:
        return await client.get_user()


def show_notice(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A non-blocking message box (no nested event loop, so async work keeps running)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def start_simulator() -> Simulator:
    from plugdesk.simulator import Simulator

    simulator = Simulator()
    simulator.start()
    return simulator


async def build_desk(
    api_url: str,
    token: str | None,
    errors: ErrorReporter,
    *,
    demo: bool = False,
    settings: QSettings | None = None,
    url_problem: str | None = None,
) -> Desk:
    """Create (but do not show) everything; demo mode starts the simulator first."""
    import_network_stack(demo=demo)
    from plugdesk.api.client import PlugchoiceClient

    app_settings, settings_problem = load_settings(app_paths().settings_path())
    simulator = None
    if demo:
        simulator = await run_blocking(start_simulator)
        api_url, token = simulator.base_url, simulator.token
    errors.redactor.add_secret(token)
    try:
        client = PlugchoiceClient(api_url, token)
    except Exception:
        if simulator is not None:
            await run_blocking(simulator.stop)
        raise
    return Desk(
        client,
        errors=errors,
        simulator=simulator,
        settings=settings,
        demo=demo,
        app_settings=app_settings,
        settings_problem=settings_problem,
        url_problem=url_problem,
        token=token,
    )


async def open_desk(
    api_url: str,
    token: str | None,
    errors: ErrorReporter,
    *,
    demo: bool = False,
    settings: QSettings | None = None,
    url_problem: str | None = None,
    check_url: bool = False,
    read_token: bool = False,
) -> Desk:
    """A GUI launch's desk, built before the network stack loads (not shown): its run
    then calls `show_first()` (the cached fleet), `connect()` and `start()`."""
    app_settings, settings_problem = load_settings(app_paths().settings_path())
    return Desk(
        cast("PlugchoiceClient", PendingClient(api_url, token)),  # until connect()
        errors=errors,
        settings=settings,
        demo=demo,
        app_settings=app_settings,
        settings_problem=settings_problem,
        url_problem=url_problem,
        token=token,
        check_url=check_url,
        read_token=read_token,
    )


async def _until_quit(
    app: QApplication, desk: Desk, quit_requested: asyncio.Event, launch: GuiLaunch
) -> int:
    """Show the window, then wait for Quit (the menu, the tray, the window manager) or
    for SIGINT/SIGTERM, which set `quit_requested`."""

    def quitting() -> None:
        desk.begin_shutdown()
        quit_requested.set()

    app.aboutToQuit.connect(quitting)
    try:
        await desk.show_first()
        await desk.connect()
        desk.start()
        launch.after_start(desk)
        await quit_requested.wait()
    finally:
        app.aboutToQuit.disconnect(quitting)
    return 0


async def _self_test(app: QApplication, desk: Desk, out: TextIO) -> int:
    from plugdesk.app.selftest import SelfTest, run_checks

    await desk.show_first()
    await desk.connect()
    desk.start()
    passed = await SelfTest(desk.window, out, lambda: desk.errors.count).run()
    # Then the install itself: icon, desktop identity, tray/notification path, keyring,
    # SQLite, Qt plugins, ICU data (what a broken bundle would lack).
    report = run_checks(app, desk.window, desk.window.charger_count())
    print(report.render(), file=out, flush=True)
    return 0 if passed and report.ok else 1


class GuiLaunch:
    """What a GUI launch adds to a run (the self-test has none of it): the one-instance
    server, the crash log, and the orderly quit on SIGINT/SIGTERM."""

    def __init__(self, instance: InstanceServer, crash: crash_log.CrashLog) -> None:
        self.instance = instance
        self.crash = crash
        self.previous_crash = crash.take_previous()
        crash.install()
        # Read once, here: a test hook, never consulted again while the app runs.
        self.test_crash = os.environ.get(crash_log.TEST_CRASH_ENV, "")
        self.signals: ShutdownSignals | None = None

    def listen_for_signals(
        self, loop: asyncio.AbstractEventLoop, quit_requested: asyncio.Event
    ) -> None:
        self.signals = ShutdownSignals(loop, lambda _name: quit_requested.set())
        self.signals.install()

    def after_start(self, desk: Desk) -> None:
        """The window is up: answer other launches, report the last crash."""
        self.instance.show_requested.connect(lambda: bring_up(desk.window))
        if self.previous_crash is not None:
            desk.show_crash_notice(self.previous_crash)
        if self.test_crash:
            hook = self.test_crash
            QTimer.singleShot(0, lambda: crash_log.crash_on_purpose(hook))

    def close(self) -> None:
        if self.signals is not None:
            self.signals.uninstall()
        self.crash.uninstall()  # a clean exit: nothing to report next time
        self.instance.close()


def _leave_to_the_running_one(running: Running) -> int:
    """A second GUI launch: the running PlugDesk has the window; say so and leave."""
    if running is Running.SHOWN:
        log.info("PlugDesk is already running: asked it to show its window")
        print("PlugDesk is already running; its window was brought up.", file=sys.stderr)
        return 0
    log.warning("PlugDesk is already running but did not answer")
    print("PlugDesk is already running but did not answer. If it stays stuck, end it "
          "(e.g. from the system monitor) and start PlugDesk again.", file=sys.stderr)  # fmt: skip
    return 1


def run_gui(
    api_url: str,
    token: str | None,
    *,
    demo: bool = False,
    self_test: bool = False,
    url_problem: str | None = None,
    check_url: bool = False,
    read_token: bool = False,
    settings_factory: Callable[[], QSettings] = window_settings,
) -> int:
    """Run the desktop app until the user quits; returns the exit code.

    `self_test` runs offscreen against the simulator, prints a report and exits (0 = pass);
    it is not a GUI launch: it ignores the running instance and writes no crash log.
    Otherwise, when a PlugDesk already runs for this user, its window is brought up and
    this returns 0 at once.
    `url_problem`: the saved API URL failed the URL check (why); the window opens signed
    out on `api_url` with the settings dialog showing the problem.
    `check_url`: `api_url` is the saved one, not checked yet (the check loads httpx): it is
    checked after the first paint, and one that fails is handled as `url_problem` is.
    `read_token`: the token is read from the keyring after the first paint.
    """
    if self_test:
        demo = True
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    redactor = Redactor([token])
    handler = configure_logging(app_paths().log_file(), redactor)
    try:
        app = make_application()
        launch = None
        if not self_test:
            # Before anything touches the files a running PlugDesk owns (its temporary
            # files, its crash log).
            data_dir = app_paths().data_dir
            claimed = claim(instance_name(data_dir), data_dir / INSTANCE_LOCK)
            if isinstance(claimed, Running):
                return _leave_to_the_running_one(claimed)
            launch = GuiLaunch(claimed, crash_log.CrashLog(app_paths().log_dir))
        try:
            mode = "self-test" if self_test else "demo" if demo else "live"
            return _run_desk(
                app,
                redactor,
                mode,
                launch,
                lambda errors: open_desk(api_url, token, errors, demo=demo,
                                          settings=settings_factory(), url_problem=url_problem,
                                          check_url=check_url, read_token=read_token),
            )  # fmt: skip
        finally:
            if launch is not None:
                launch.close()
    finally:
        remove_logging(handler)


def _run_desk(
    app: QApplication,
    redactor: Redactor,
    mode: str,
    launch: GuiLaunch | None,
    build: Callable[[ErrorReporter], Coroutine[Any, Any, Desk]],
) -> int:
    """Build the desk on the one qasync loop, run it (the self-test when `launch` is
    None) and close it in order."""
    clean_at_start()  # temporary files a killed PlugDesk left (exports, settings)
    # Before any window: every text is translated when its widget is made.
    settings_path = app_paths().settings_path()
    language = apply_language(read_language(settings_path))
    log.info("UI language: %s", language)
    follow_system(app, read_language(settings_path, "appearance"))  # light/dark, live
    errors = ErrorReporter(redactor)
    errors.install()
    route_qt_messages()
    favour_the_ui_thread()
    collector = MainThreadGC()  # cycles holding QObjects must die on this thread
    collector.install()
    log.info("PlugDesk starting (%s)", mode)
    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            # With a loop factory, asyncio.Runner leaves the thread's loop unset: a task
            # started between the runs below (a Qt signal as the loop stops) would get a
            # loop of its own, and the clean-up's gather would fail on it.
            asyncio.set_event_loop(runner.get_loop())
            runner.get_loop().set_exception_handler(errors.loop_exception_handler)
            quit_requested = asyncio.Event()
            if launch is not None:
                launch.listen_for_signals(runner.get_loop(), quit_requested)
            desk = runner.run(build(errors))
            try:
                main = (_self_test(app, desk, sys.stdout) if launch is None
                        else _until_quit(app, desk, quit_requested, launch))  # fmt: skip
                code = runner.run(main)
            except RuntimeError as error:
                # app.quit() stopped the loop before `main` woke: still a normal quit.
                log.debug("loop stopped at quit: %s", error)
                code = 0
            finally:
                # A second run of the loop for the async clean-up (the first one may have
                # ended with the Qt event loop itself).
                runner.run(desk.aclose())
    finally:
        asyncio.set_event_loop(None)
        errors.uninstall()
        restore_qt_messages()
        collector.uninstall()
        log.info("PlugDesk stopped")
    return code
