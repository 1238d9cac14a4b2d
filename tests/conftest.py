"""Shared fixtures.

- Every app directory (config, data, cache, log) is redirected to a temp folder, so no test
  touches the real user's files.
- The keyring is an in-memory backend unless a test module asks for the real service.
- `qloop` gives a running-capable qasync loop and `run(coro, timeout)` drives scenarios on
  it (pytest-qt's waits do not advance asyncio tasks on a qasync loop that is not running).
- `sim` is the built-in simulator on a loopback port.
- A WARNING (or worse) logged by `plugdesk` fails the test that logged it, unless the test
  takes the records itself (asks for `caplog`) or is marked `log_warnings("why")`.
  Qt's own warnings fail tests too (`qt_log_level_fail` in pyproject.toml).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The window's language follows the system (QLocale's UI languages, LANGUAGE first): the
# tests read English texts, whatever the developer's desktop speaks. Tests of another
# language install it themselves or start a process with their own LANG.
os.environ["LANGUAGE"] = "en"

import keyring
import keyring.backend
import pytest

T = TypeVar("T")


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict: the unit-test stand-in for the OS store."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


@pytest.fixture(autouse=True)
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every platformdirs folder (and QSettings) at a temp tree."""
    root = tmp_path / "home"
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        (root / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(root / sub))
    monkeypatch.setenv("PLUGDESK_HOME", str(root))
    monkeypatch.delenv("PLUGDESK_TOKEN", raising=False)
    monkeypatch.delenv("PLUGDESK_API_URL", raising=False)
    return root


@pytest.fixture(autouse=True)
def memory_keyring(request: pytest.FixtureRequest) -> Iterator[MemoryKeyring | None]:
    """In-memory keyring for every test, except those marked `keyring_service`."""
    if request.node.get_closest_marker("keyring_service"):
        yield None
        return
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


_open_qloop: asyncio.AbstractEventLoop | None = None


@contextlib.contextmanager
def _loop_running(loop: asyncio.AbstractEventLoop | None) -> Iterator[None]:
    """Qt events processed outside `run_until_complete` include the qasync loop's
    callbacks: a task step run there, with no running loop, fails inside httpx
    ("unknown async library"). Make the loop the running one while they run."""
    if loop is None or loop.is_closed() or loop.is_running():
        yield
        return
    asyncio.events._set_running_loop(loop)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(None)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_unexpected_log_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that made `plugdesk` log a WARNING+ it did not take on purpose: a
    warning nobody expected is a bug report nobody reads."""
    expected = "caplog" in request.fixturenames or request.node.get_closest_marker(
        "log_warnings"
    )
    collect = _Collect()
    logger = logging.getLogger("plugdesk")
    logger.addHandler(collect)
    try:
        yield
    finally:
        logger.removeHandler(collect)
    if collect.records and not expected:
        lines = "\n".join(
            f"  {r.levelname} {r.name}: {r.getMessage()}" for r in collect.records[:10]
        )
        pytest.fail(
            "unexpected log warnings (take them with caplog, or mark the test "
            f"@pytest.mark.log_warnings('why')):\n{lines}",
            pytrace=False,
        )


def pytest_configure(config: pytest.Config) -> None:
    import pytestqt.plugin

    plain_process_events = pytestqt.plugin._process_events

    def process_events_as_the_loop() -> None:
        # pytest-qt processes Qt events after every test phase.
        with _loop_running(_open_qloop):
            plain_process_events()

    pytestqt.plugin._process_events = process_events_as_the_loop


def _test_loop_class() -> type[asyncio.AbstractEventLoop]:
    import qasync

    class TestLoop(qasync.QEventLoop):  # type: ignore[misc]
        """qasync's run_until_complete processes events once more after the loop has
        stopped: keep the loop the running one until that is done."""

        def run_forever(self) -> Any:
            try:
                return super().run_forever()
            finally:
                asyncio.events._set_running_loop(self)

        def run_until_complete(self, future: Any) -> Any:
            try:
                return super().run_until_complete(future)
            finally:
                asyncio.events._set_running_loop(None)

    return TestLoop


@pytest.fixture(scope="session")
def qapp(qapp: Any) -> Any:
    """pytest-qt's QApplication with PlugDesk's English catalog, as the app installs it:
    it holds the singular forms of the "%n chargers" kind of strings ("1 charger")."""
    from plugdesk.ui.i18n import install_translators

    install_translators("en")
    return qapp


@pytest.fixture
def qloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop over the test QApplication, set as the current loop."""
    global _open_qloop
    loop = _test_loop_class()(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    _open_qloop = loop
    try:
        yield loop
    finally:
        _open_qloop = None
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        asyncio.set_event_loop(None)
        loop.close()


Runner = Callable[..., Any]


@pytest.fixture
def run(qloop: asyncio.AbstractEventLoop) -> Runner:
    """run(coro, timeout=10) drives `coro` to completion on the qasync loop."""

    def _run(coro: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        return qloop.run_until_complete(asyncio.wait_for(coro, timeout))

    return _run


@pytest.fixture
def sim() -> Iterator[Any]:
    """The built-in simulator, 40 chargers, fixed seed, on a loopback port."""
    from plugdesk.simulator import Simulator

    simulator = Simulator(chargers=40, seed=7)
    simulator.start()
    try:
        yield simulator
    finally:
        simulator.stop()


@pytest.fixture
def frozen_sim() -> Iterator[Any]:
    """The same 40 chargers, with simulated time moving only when the test says so."""
    from plugdesk.simulator import Simulator

    simulator = Simulator(chargers=40, seed=7, time_scale=0)
    simulator.start()
    try:
        yield simulator
    finally:
        simulator.stop()


@pytest.fixture
def fast_sim() -> Iterator[Any]:
    """A simulator whose public-charging sessions move at test speed (public pane tests)."""
    from tests.support.public import fast_simulator

    simulator = fast_simulator()
    try:
        yield simulator
    finally:
        simulator.stop()


# -- real desktop services, started privately by the tests that need them -----------------


def _wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not come up within {timeout} s")


# A session bus without service activation: only the services a test starts itself exist
# on it (the stock session config would start a second, locked gnome-keyring or a
# notification daemon on first use, racing the one the test starts).
PRIVATE_BUS_CONFIG = """<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private D-Bus session bus (so tests never touch the developer's own session)."""
    import signal
    import subprocess

    config = tmp_path / "session-bus.conf"
    config.write_text(PRIVATE_BUS_CONFIG)
    done = subprocess.run(
        [
            "dbus-daemon",
            f"--config-file={config}",
            "--print-address=1",
            "--print-pid=1",
            "--fork",
            "--nopidfile",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    address, pid = done.stdout.split("\n")[:2]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    try:
        yield address
    finally:
        os.kill(int(pid), signal.SIGTERM)


@pytest.fixture
def secret_service(session_bus: str, tmp_path: Path) -> Iterator[Any]:
    """GNOME Keyring's Secret Service on the private bus, with an unlocked login keyring.

    Yields the real `keyring` SecretService backend, also set as the active keyring."""
    import shutil
    import subprocess
    import tempfile

    import secretstorage
    from keyring.backends import SecretService

    # A short folder: the daemon's control socket lives in it, and Unix socket paths are
    # limited to 108 bytes (pytest's tmp_path for a long test name goes past that).
    home = Path(tempfile.mkdtemp(prefix="pdkr-"))
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home),
    )
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(b"plugdesk-test-keyring-password")
    daemon.stdin.close()

    def available() -> bool:
        # Ready once the default (login) collection exists and is unlocked: the service
        # name appears on the bus a moment before the daemon has unlocked it, and a write
        # in that moment would ask a (non-existent) prompter to create a collection.
        try:
            connection = secretstorage.dbus_init()
            try:
                if not secretstorage.check_service_availability(connection):
                    return False
                return not secretstorage.Collection(connection).is_locked()
            finally:
                connection.close()
        except Exception:
            return False

    previous = keyring.get_keyring()
    try:
        _wait_for(available, 30, "GNOME Keyring")
        backend = SecretService.Keyring()
        keyring.set_keyring(backend)
        yield backend
    finally:
        keyring.set_keyring(previous)
        daemon.terminate()
        daemon.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(autouse=True)
def main_thread_gc() -> Iterator[None]:
    """Reference cycles are collected on the main thread only, for every test: a collection
    that happens in the simulator's or a worker's thread could delete QObjects left in a
    cycle by an earlier test there, and their timers would later fire into freed memory
    (a segfault seen when simulator tests ran after UI tests in one process)."""
    from tests.support.harness import collect_on_main_thread

    yield from collect_on_main_thread()

