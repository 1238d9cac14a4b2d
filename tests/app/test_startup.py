"""What start-up does and does not do (issue 9, start-up row): features nobody opened are
not imported or built, the keyring waits for the first refresh, the network stack loads
before Qt. Behaviour stays the same once a feature is first used."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from plugdesk.app import desk as app_module
from plugdesk.app.desk import build_desk
from plugdesk.app.reporting import ErrorReporter, Redactor
from plugdesk.app.startup import collector_paused
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.ui.events_pane import EventsPane
from plugdesk.ui.lazy_pane import LazyPane, add_lazy_pane
from plugdesk.ui.public_pane import PublicPane
from tests.support.harness import make_window_harness

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
)


def test_the_gui_imports_leave_unopened_features_out() -> None:
    script = textwrap.dedent(f"""
        import sys
        from plugdesk.app.startup import import_before_qt
        import_before_qt(demo=True)
        assert "PySide6" not in sys.modules, "the network stack must load before Qt"
        assert "httpcore" in sys.modules and "plugdesk.simulator" in sys.modules
        import plugdesk.app.desk
        loaded = [name for name in {NOT_AT_START!r} if name in sys.modules]
        assert not loaded, loaded
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr


def test_modules_without_qt_features_are_not_read_by_qt_import_hook() -> None:
    script = textwrap.dedent("""
        import sys
        from plugdesk.app.startup import import_before_qt, spare_qt_import_hook
        import_before_qt(demo=False)
        spare_qt_import_hook()
        import shibokensupport.feature as feature
        scanned = []
        uses_pyside = feature._mod_uses_pyside
        feature._mod_uses_pyside = lambda m: scanned.append(m.__name__) or uses_pyside(m)
        import plugdesk.app.desk
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
