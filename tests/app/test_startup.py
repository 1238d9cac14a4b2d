"""What start-up does and does not do (issue 9 and issue 19, start-up row): features nobody
opened are not imported or built, the keyring waits for the first refresh, the window
paints the cached fleet before the network stack loads. Behaviour stays the same once a
feature is first used."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec
import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from plugdesk.api.models import Charger
from plugdesk.app import desk as app_module
from plugdesk.app.desk import build_desk, open_desk
from plugdesk.app.reporting import ErrorReporter, Redactor
from plugdesk.app.startup import PendingClient, collector_paused
from plugdesk.domain.credentials import CredentialStore
from plugdesk.domain.settings import DEFAULT_API_URL
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.ui.events_pane import EventsPane
from plugdesk.ui.fleet_model import CHARGER_ROLE
from plugdesk.ui.lazy_pane import LazyPane, add_lazy_pane
from plugdesk.ui.public_pane import PublicPane
from plugdesk.ui.sites.sites_overview import SitesOverview
from tests.support import file_keyring
from tests.support.harness import make_window_harness
from tests.support.launches import ROOT

# Loaded after the first paint.
NETWORK = ("httpx", "httpcore", "plugdesk.api.client", "plugdesk.simulator")
# Loaded only when the user opens what needs them.
NOT_AT_START = (
    "xlsxwriter",
    "keyring",
    "plugdesk.services.export_job",
    "plugdesk.services.public_sessions",
    "plugdesk.ui.export_dialog",
    "plugdesk.ui.settings_dialog",
    "plugdesk.ui.signin_dialog",
    "plugdesk.ui.public_pane",
    "plugdesk.ui.events_pane",
    "plugdesk.ui.sites.sites_overview",
)


def test_the_gui_imports_leave_unopened_features_out() -> None:
    script = textwrap.dedent(f"""
        import sys
        from plugdesk.app.startup import import_before_qt
        import_before_qt()
        assert "PySide6" not in sys.modules, "the models and the store load before Qt"
        assert "plugdesk.api.models" in sys.modules and "sqlite3" in sys.modules
        import plugdesk.app.desk, plugdesk.ui.ready_hook
        loaded = [name for name in {NOT_AT_START + NETWORK!r} if name in sys.modules]
        assert not loaded, loaded
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr


def test_modules_without_qt_features_are_not_read_by_qt_import_hook() -> None:
    script = textwrap.dedent("""
        import sys
        from plugdesk.app.startup import (
            import_before_qt, import_network_stack, spare_qt_import_hook
        )
        import_before_qt()
        spare_qt_import_hook()
        import shibokensupport.feature as feature
        scanned = []
        uses_pyside = feature._mod_uses_pyside
        feature._mod_uses_pyside = lambda m: scanned.append(m.__name__) or uses_pyside(m)
        import plugdesk.app.desk
        import_network_stack(demo=False)  # after the first paint: after Qt
        from anyio._core import _synchronization  # a runtime import, as anyio does
        marked = feature.pyside_feature_dict
        assert marked["httpx"] == -1 and marked["plugdesk.ui.fleet_model"] == -1, marked
        ours = [name for name in scanned if name.startswith(("plugdesk", "httpx", "anyio"))]
        assert not ours, ours
        from PySide6.QtWidgets import QApplication  # Qt itself is unaffected
        assert QApplication.instance() is None
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr


# Writes the demo's fleet into the store as a run of the app would have cached it.
CACHE_DEMO_FLEET = """
import json, sys
from datetime import UTC, datetime
import msgspec
from plugdesk.api.models import Charger
from plugdesk.domain.paths import app_paths
from plugdesk.domain.store import Store
from plugdesk.simulator import Simulator
chargers = msgspec.json.decode(json.dumps(Simulator(chargers=40).chargers()), type=list[Charger])
store = Store(app_paths().store_path())
store.save_fleet(msgspec.json.encode(chargers), datetime.now(UTC), source="demo")
store.close()
"""

# `plugdesk --demo`, noting what is loaded when the window first paints its fleet and
# when the first refresh has ended (the start-up probe quits then).
WATCHED_DEMO = """
import json, sys
from plugdesk.ui import ready_hook
from PySide6.QtWidgets import QLabel
seen = {}
def note(moment, window):
    seen[moment] = {
        "httpx": "httpx" in sys.modules,
        "simulator": "plugdesk.simulator" in sys.modules,
        "rows": window.fleet_model.rowCount(),
        "live": window.monitor.last_success is not None,
        "detail page": len(window.detail_pane.findChildren(QLabel)) > 1,
    }
report, refreshed = ready_hook._FirstFleetPaint._report, ready_hook._FirstFleetPaint._refreshed
def noted_report(self):
    note("painted", self._window)
    report(self)
def noted_refreshed(self, *args):
    note("refreshed", self._window)
    refreshed(self, *args)
ready_hook._FirstFleetPaint._report = noted_report
ready_hook._FirstFleetPaint._refreshed = noted_refreshed
from plugdesk.cli.main import main
code = main(["--demo"])
print("SEEN " + json.dumps(seen))
sys.exit(code)
"""


def _app_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, PLUGDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("PLUGDESK_TOKEN", None)
    return env


def test_the_cached_fleet_is_painted_before_the_network_stack_loads(tmp_path: Path) -> None:
    env = _app_env(tmp_path)
    cached = subprocess.run([sys.executable, "-c", CACHE_DEMO_FLEET], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert cached.returncode == 0, cached.stderr
    env["PLUGDESK_BENCH_READY_FILE"] = str(tmp_path / "ready.txt")
    env["PLUGDESK_BENCH_QUIT"] = "refreshed"
    done = subprocess.run([sys.executable, "-c", WATCHED_DEMO], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    seen = json.loads(done.stdout.split("SEEN ", 1)[1])
    # The window first painted the cached 40 chargers, before httpx or the simulator...
    # (and before the detail pane's charger page, made right after it)...
    assert seen["painted"] == {"httpx": False, "simulator": False, "rows": 40, "live": False,
                               "detail page": False}  # fmt: skip
    # ...then connected and refreshed from the simulator as ever.
    assert seen["refreshed"] == {"httpx": True, "simulator": True, "rows": 40, "live": True,
                                 "detail page": True}  # fmt: skip
    assert (tmp_path / "ready.txt").exists()


# `plugdesk` (a live start, no --demo) against the test's simulator, its URL saved in the
# settings and its token in the keyring, noting what is loaded at the first paint.
WATCHED_LIVE = WATCHED_DEMO.replace(
    "from plugdesk.ui import ready_hook",
    "from plugdesk.ui import ready_hook\n"
    "def loaded():\n"
    "    return {'keyring': 'keyring' in sys.modules, 'httpx': 'httpx' in sys.modules}\n",
).replace('"live": window.monitor.last_success is not None,',
          '"live": window.monitor.last_success is not None, **loaded(),'
).replace('main(["--demo"])', "main([])")  # fmt: skip

# The simulator's URL saved in the settings, its token in the keyring, its fleet cached.
SAVE_LIVE_ACCOUNT = """
import json, sys
from datetime import UTC, datetime
import msgspec
from plugdesk.api.models import Charger
from plugdesk.domain.credentials import CredentialStore
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import Settings, save_settings
from plugdesk.domain.store import Store
url, token, items = sys.argv[1], sys.argv[2], sys.stdin.read()
save_settings(Settings(api_url=url), app_paths().settings_path())
CredentialStore().set(url, token)
store = Store(app_paths().store_path())
chargers = msgspec.json.decode(items, type=list[Charger])
store.save_fleet(msgspec.json.encode(chargers), datetime.now(UTC), source=url)
store.close()
"""


def test_a_live_start_paints_before_the_url_check_and_the_keyring(
    sim: Any, tmp_path: Path
) -> None:
    env = _app_env(tmp_path)
    env.update(PYTHON_KEYRING_BACKEND=file_keyring.BACKEND,
               PLUGDESK_TEST_KEYRING=str(tmp_path / "keyring.json"),
               PYTHONPATH=os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])]))
    saved = subprocess.run([sys.executable, "-c", SAVE_LIVE_ACCOUNT, sim.base_url, sim.token],
                           input=json.dumps(sim.chargers()), env=env, cwd=ROOT,
                           capture_output=True, text=True, timeout=120, check=False)
    assert saved.returncode == 0, saved.stderr
    env["PLUGDESK_BENCH_READY_FILE"] = str(tmp_path / "ready.txt")
    env["PLUGDESK_BENCH_QUIT"] = "refreshed"
    done = subprocess.run([sys.executable, "-c", WATCHED_LIVE], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    seen = json.loads(done.stdout.split("SEEN ", 1)[1])
    # The cached fleet painted before the URL check (httpx) and the keyring were loaded...
    assert seen["painted"] == {"httpx": False, "keyring": False, "simulator": False,
                               "rows": 40, "live": False, "detail page": False}  # fmt: skip
    # ...then the keyring's token signed it in and the first refresh came from the server.
    assert seen["refreshed"] == {"httpx": True, "keyring": True, "simulator": False,
                                 "rows": 40, "live": True, "detail page": True}  # fmt: skip
    assert sim.token not in done.stdout + done.stderr


def test_the_saved_url_is_checked_and_the_token_read_after_the_first_paint(
    sim: Any, qtbot: Any, run: Any, memory_keyring: Any
) -> None:
    CredentialStore().set(sim.base_url, sim.token)
    desk = run(open_desk(sim.base_url + "/", None, ErrorReporter(Redactor()),
                         check_url=True, read_token=True))  # fmt: skip
    try:
        assert isinstance(desk.client, PendingClient) and not desk.client.has_token
        run(desk.show_first())
        run(desk.connect())
        # The URL in its checked form, the keyring's token for it, no problem to show.
        assert desk.client.base_url == sim.base_url and desk.client.has_token
        assert desk.url_problem is None and desk.fleet_source == sim.base_url
        refreshed = SignalWaiter(desk.monitor.refresh_finished)
        desk.start()
        run(refreshed.wait(10))
        assert desk.monitor.last_success is not None and desk.window.charger_count() == 40
    finally:
        run(desk.aclose())


def test_a_saved_url_failing_the_check_after_the_first_paint_opens_the_settings(
    qtbot: Any, run: Any
) -> None:
    bad = "https://app.plugchoice.com/api/v3?tenant=7"
    desk = run(open_desk(bad, None, ErrorReporter(Redactor()), check_url=True, read_token=True))
    try:
        run(desk.show_first())
        run(desk.connect())
        # As a bad saved URL always did: signed out on the default server...
        assert desk.client.base_url == DEFAULT_API_URL and not desk.client.has_token
        assert desk.url_problem is not None and "'?' or '#'" in desk.url_problem
        desk.start()  # ...with the settings dialog saying what is wrong
        qtbot.waitUntil(desk.settings_dialog.isVisible)
        assert not desk.monitor.is_polling
    finally:
        run(desk.aclose())


def test_without_a_cached_fleet_the_first_paint_is_the_first_refresh(tmp_path: Path) -> None:
    env = _app_env(tmp_path)
    env["PLUGDESK_BENCH_READY_FILE"] = str(tmp_path / "ready.txt")
    env["PLUGDESK_BENCH_QUIT"] = "refreshed"
    done = subprocess.run([sys.executable, "-c", WATCHED_DEMO], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    seen = json.loads(done.stdout.split("SEEN ", 1)[1])
    assert seen["painted"]["httpx"] and seen["painted"]["rows"] > 0
    assert seen["refreshed"] == {"httpx": True, "simulator": True, "rows": 40, "live": True,
                                 "detail page": True}  # fmt: skip


def _cache_demo_fleet(desk: Any) -> None:
    """The demo's 40 chargers in the desk's store, as a previous run would have left them."""
    from plugdesk.simulator import Simulator

    chargers = msgspec.json.decode(json.dumps(Simulator(chargers=40, seed=7).chargers()),
                                   type=list[Charger])  # fmt: skip
    desk.faults.store.save_fleet(msgspec.json.encode(chargers), datetime.now(UTC),
                                 source=desk.fleet_source)  # fmt: skip


@pytest.mark.parametrize("small", [True, False], ids=["small cache", "big cache"])
def test_a_small_cached_fleet_is_in_the_table_when_the_window_first_shows(
    small: bool, qtbot: Any, run: Any, app_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not small:  # any cache over the bound: the window shows first, the fleet follows
        monkeypatch.setattr(app_module, "FILL_BEFORE_SHOW_BYTES", 1_000)
    desk = run(open_desk("", None, ErrorReporter(Redactor()), demo=True))
    try:
        _cache_demo_fleet(desk)
        window = desk.window
        rows_when_shown: list[int] = []
        show = window.show
        window.show = lambda: (rows_when_shown.append(window.charger_count()), show())[1]

        run(desk.show_first())

        assert window.isVisible() and window.charger_count() == 40
        # Small: laid out and painted once, with the fleet; big: up at once, filled later.
        assert rows_when_shown[0] == (40 if small else 0)
        assert isinstance(desk.client, PendingClient) and not desk.monitor.is_polling
        # The detail pane's charger page is made right after the first paint (the probe's
        # runs below say when), ready for the first click on a charger; the prompt shows.
        assert len(window.detail_pane.findChildren(QLabel)) > 20
        assert window.detail_pane.placeholder.isVisible()
    finally:
        run(desk.aclose())


def test_the_charger_menu_takes_the_mouse_s_right_click_on_its_row(
    qtbot: Any, run: Any
) -> None:
    """Nothing watches the list's viewport (its first use costs start-up ~15 ms): the
    mouse's right-click on a row comes as the list's customContextMenuRequested and opens
    that row's mute menu; the Menu key opens the current row's."""
    desk = run(open_desk("", None, ErrorReporter(Redactor()), demo=True))
    try:
        _cache_demo_fleet(desk)
        window = desk.window
        run(desk.show_first())
        qtbot.waitExposed(window)
        run(asyncio.sleep(0.05))  # the turns that follow the first paint
        table = window.fleet_view.table
        assert not table.currentIndex().isValid()  # the Menu key would have no row
        clicked = table.model().index(3, 0)  # the mouse's row
        at = table.visualRect(clicked).center()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, table.mapToGlobal(at))
        QApplication.sendEvent(table.viewport(), event)
        menu = window.charger_menu
        assert menu is not None and menu.isVisible()
        charger = clicked.data(CHARGER_ROLE)
        texts = [action.text() for action in menu.actions()]
        assert texts[0] == f"Pop-ups for {charger.reference or charger.identity}", texts
        assert any(text.startswith("Mute") for text in texts), texts
        menu.close()

        current = table.model().index(5, 0)
        # The current row without selecting it (a selection would load its details,
        # and this desk is not connected).
        table.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        away = table.visualRect(table.model().index(1, 0)).center()  # not the current row
        key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, away, table.mapToGlobal(away))
        QApplication.sendEvent(table, key)
        menu = window.charger_menu
        assert menu is not None and menu.isVisible()
        charger = current.data(CHARGER_ROLE)
        assert menu.actions()[0].text() == f"Pop-ups for {charger.reference or charger.identity}"
        menu.close()
    finally:
        run(desk.aclose())


def test_no_cycle_collection_while_the_window_loads() -> None:
    was_enabled = gc.isenabled()
    try:
        with collector_paused():
            assert not gc.isenabled()
            loaded = [[index] for index in range(1000)]  # what an import leaves behind
        assert gc.isenabled() == was_enabled
        assert gc.get_freeze_count() >= len(loaded)  # kept out of later collections
        # No backlog: the next collection comes no sooner than after a normal start.
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        gc.unfreeze()


def test_a_lazy_pane_is_built_when_its_tab_is_first_shown(sim: Any, qtbot: Any, run: Any) -> None:
    built: list[QWidget] = []

    def factory() -> QWidget:
        widget = QWidget()
        built.append(widget)
        return widget

    harness = make_window_harness(sim, qtbot)
    window = harness.window
    assert window is not None
    try:
        page, index = add_lazy_pane(window, "Later", factory)
        assert isinstance(page, LazyPane) and window.tabs.widget(index) is page
        assert window.tabs.tabText(index) == "Later" and window.tabs.tabBar().isVisible()
        assert not page.is_built and built == []
        window.tabs.setCurrentIndex(index)
        assert page.is_built and page.contents() is built[0]
        window.tabs.setCurrentIndex(0)
        window.tabs.setCurrentIndex(index)
        assert len(built) == 1  # once
    finally:
        run(harness.aclose())


def test_the_desk_builds_its_side_panes_on_first_use(
    sim: Any, qtbot: Any, run: Any, app_dirs: Path
) -> None:
    desk = run(build_desk(sim.base_url, sim.token, ErrorReporter(Redactor())))
    try:
        tabs = desk.window.tabs
        titles = [tabs.tabText(i) for i in range(tabs.count())]
        assert titles == ["Chargers", "Public charging", "Sites", "Events", "Insights"]
        assert not desk.public_tab.is_built and not desk.faults.events_page.is_built
        assert not desk.sites_tab.is_built  # the sites are read when the tab is opened
        assert not desk.insights.page.is_built  # Qt Charts loads with the Insights tab
        tabs.setCurrentIndex(titles.index("Public charging"))
        assert isinstance(desk.public_tab.contents(), PublicPane)
        assert isinstance(desk.faults.events_pane, EventsPane)  # built when asked for
        sites_read = SignalWaiter(desk.sites.sites_loaded)
        tabs.setCurrentIndex(titles.index("Sites"))  # asks for the sites when first shown
        overview = desk.sites_tab.contents()
        assert isinstance(overview, SitesOverview) and tabs.currentWidget() is desk.sites_tab
        run(sites_read.wait(5))
        assert overview.model.rowCount() == len(sim.sites())
        assert tabs.widget(desk.faults.events_tab) is desk.faults.events_page
    finally:
        run(desk.aclose())


def test_saved_public_sessions_resume_after_the_first_refresh(
    sim: Any, qtbot: Any, run: Any, app_dirs: Path
) -> None:
    desk = run(build_desk(sim.base_url, sim.token, ErrorReporter(Redactor())))
    resumed: list[bool] = []  # per call: had the first refresh ended?
    called = asyncio.Event()
    real_resume = desk.public.resume_saved

    async def resume_saved() -> list[str]:
        resumed.append(desk.monitor.last_success is not None)
        called.set()
        return await real_resume()

    desk.public.resume_saved = resume_saved  # type: ignore[method-assign]
    try:

        async def scenario() -> None:
            refreshed = SignalWaiter(desk.monitor.refresh_finished)
            desk.start()
            assert resumed == []  # the keyring is not touched before the fleet is shown
            await refreshed.wait(10)
            await called.wait()

        run(scenario(), timeout=15)
        assert resumed == [True]
    finally:
        run(desk.aclose())


def test_a_slow_first_refresh_does_not_hold_public_sessions_back(
    sim: Any, qtbot: Any, run: Any, app_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "RESUME_WAIT_MS", 50)
    desk = run(build_desk(sim.base_url, sim.token, ErrorReporter(Redactor())))
    desk.monitor.start = lambda: None  # type: ignore[method-assign]  # a refresh that never ends
    called = asyncio.Event()
    real_resume = desk.public.resume_saved

    async def resume_saved() -> list[str]:
        called.set()
        return await real_resume()

    desk.public.resume_saved = resume_saved  # type: ignore[method-assign]
    try:

        async def scenario() -> None:
            desk.start()
            await called.wait()

        run(scenario(), timeout=5)
    finally:
        run(desk.aclose())


def test_without_a_token_public_sessions_resume_at_once(
    sim: Any, qtbot: Any, run: Any, app_dirs: Path
) -> None:
    desk = run(build_desk(sim.base_url, None, ErrorReporter(Redactor())))
    called = asyncio.Event()
    real_resume = desk.public.resume_saved

    async def resume_saved() -> list[str]:
        called.set()
        return await real_resume()

    desk.public.resume_saved = resume_saved  # type: ignore[method-assign]
    try:

        async def scenario() -> None:
            desk.start()  # signed out: no refresh to wait for
            await called.wait()

        run(scenario(), timeout=5)
    finally:
        run(desk.aclose())


def test_what_is_asked_before_the_client_is_connected_waits_for_it(
    qtbot: Any, run: Any
) -> None:
    """A charger clicked between the first paint and `connect` (the keyring may take a
    while to answer): its requests wait for the real client instead of failing."""
    desk = run(open_desk("", None, ErrorReporter(Redactor()), demo=True))
    try:
        assert isinstance(desk.client, PendingClient)
        run(desk.show_first())

        async def ask_then_connect() -> tuple[Any, list[Any]]:
            pending = desk.client
            teams = asyncio.ensure_future(pending.list_teams())
            pages = pending.iter_charger_pages()
            first_page = asyncio.ensure_future(anext(pages))
            await asyncio.sleep(0.05)
            assert not teams.done() and not first_page.done()  # waiting, not failed
            await desk.connect()
            found = await asyncio.wait_for(teams, 10), await asyncio.wait_for(first_page, 10)
            await pages.aclose()
            return found

        teams, page = run(ask_then_connect())
        assert teams and teams[0].key is not None
        assert len(page) == 25 and all(charger.uuid for charger in page)
    finally:
        run(desk.aclose())
