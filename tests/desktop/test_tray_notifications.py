"""Desktop end to end: the real PlugDesk on a real X server with a tray host and a
notification daemon, against the simulator.

The test starts, each privately and each stopped at the end:
- Xvfb (a free display picked by Xvfb itself, `-displayfd`),
- a D-Bus session bus (the `session_bus` fixture),
- dunst, the notification daemon, with a minimal config,
- trayer, an XEmbed tray host (Qt uses XEmbed when no StatusNotifierWatcher is on the bus),
- dbus-monitor, recording every `Notify` call on the bus,
- PlugDesk itself: `plugdesk.app.desk.run_gui` in a subprocess (tests/support/desk_proc.py)
  with QT_QPA_PLATFORM=xcb, its own PLUGDESK_HOME and a settings file with no fault grace.

Then: the fleet is made healthy, the tray must show OK (green badge); one charger is
faulted in the simulator; the `Notify` call must reach the daemon with the charger's name
and critical urgency, and the tray icon must turn red (checked in the app's log, which
records every tray state, and in the screen's pixels at the tray). A screenshot is taken
with the notification on screen. Finally "Quit" from the tray menu must end the app.

Every wait is a wait-until with a generous deadline (a loaded 2-core machine starts Qt
slowly); nothing sleeps for a fixed time.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from plugdesk.simulator import Simulator

pytestmark = pytest.mark.desktop

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0
EVENT_TIMEOUT = 90.0
RED = QColor("#c62828")  # the tray's fault badge (ui/icons.py)
GREEN = QColor("#2e7d32")  # the tray's OK badge
CRITICAL_BG = QColor("#8b0000")  # dunst's critical notifications, in our config below
SHOT_ENV = "PLUGDESK_DESKTOP_SHOT"  # where to keep the screenshot (default: tmp_path)

DUNSTRC = """
[global]
    monitor = 0
    follow = none
    width = 420
    height = 160
    origin = top-right
    offset = 12x48
    font = DejaVu Sans 11
    frame_width = 2
    padding = 10
    horizontal_padding = 12
    format = "<b>%s</b>\\n%b"
    show_indicators = no
    mouse_left_click = do_action, close_current
[urgency_low]
    background = "#2b2b2b"
    foreground = "#ffffff"
    timeout = 0
[urgency_normal]
    background = "#2b2b2b"
    foreground = "#ffffff"
    timeout = 0
[urgency_critical]
    background = "#8b0000"
    foreground = "#ffffff"
    frame_color = "#ffffff"
    timeout = 0
"""


def wait_until(what: str, check: Callable[[], Any], timeout: float = EVENT_TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(delay)
        delay = min(delay * 1.5, 0.5)


@dataclass
class Desktop:
    display: str
    env: dict[str, str]
    tmp: Path
    processes: list[subprocess.Popen[Any]] = field(default_factory=list)

    def start(self, args: list[str], **options: Any) -> subprocess.Popen[Any]:
        options.setdefault("stdout", subprocess.DEVNULL)
        options.setdefault("stderr", subprocess.DEVNULL)
        process = subprocess.Popen(args, env=options.pop("env", self.env), **options)
        self.processes.append(process)
        _close_our_copies(options)
        return process

    def run(self, *args: str) -> str:
        done = subprocess.run(list(args), env=self.env, capture_output=True, text=True,
                              timeout=60, check=False)  # fmt: skip
        return done.stdout

    def screenshot(self, path: Path) -> QImage:
        subprocess.run(["import", "-display", self.display, "-window", "root", str(path)],
                       env=self.env, check=True, timeout=60, capture_output=True)  # fmt: skip
        image = QImage(str(path))
        assert not image.isNull(), f"unreadable screenshot {path}"
        return image

    def stop_all(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)


def _close_our_copies(options: dict[str, Any]) -> None:
    """A log file handed to a child stays open in the child; close ours (an open one is a
    ResourceWarning, which fails the test)."""
    for key in ("stdout", "stderr"):
        handle = options.get(key)
        if hasattr(handle, "close"):
            handle.close()


def _start_xvfb(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a display it picks itself and announces on a pipe when it is ready."""
    read, write = os.pipe()
    with (tmp / "xvfb.log").open("wb") as log:  # the child keeps its own copy
        process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten",
             "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    os.close(write)
    announced = b""
    deadline = time.monotonic() + START_TIMEOUT
    try:
        # Read the whole line: closing the pipe before Xvfb wrote its newline kills it.
        while not announced.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read, 64) if ready else b""
            if not chunk:
                break
            announced += chunk
    finally:
        os.close(read)
    number = announced.decode().strip()
    if not number.isdigit():
        process.kill()
        raise AssertionError("Xvfb did not announce a display")
    return process, f":{number}"


@pytest.fixture
def desktop(session_bus: str, tmp_path: Path) -> Iterator[Desktop]:
    for tool in ("Xvfb", "dunst", "trayer", "dbus-monitor", "xdotool", "import"):
        assert shutil.which(tool), f"{tool} is not installed (see .ci/run)"
    xvfb, display = _start_xvfb(tmp_path)
    env = dict(os.environ, DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=session_bus)
    env.pop("WAYLAND_DISPLAY", None)
    desk = Desktop(display, env, tmp_path, [xvfb])
    try:
        yield desk
    finally:
        desk.stop_all()


def _bus_has(desk: Desktop, name: str) -> bool:
    out = desk.run("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                   "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                   f"string:{name}")  # fmt: skip
    return "boolean true" in out


def _trayer_geometry(desk: Desktop) -> tuple[int, int, int, int] | None:
    """(x, y, width, height) of trayer's biggest visible window."""
    out = desk.run("xdotool", "search", "--onlyvisible", "--class", "trayer",
                   "getwindowgeometry", "%@")  # fmt: skip
    best = None
    position: tuple[int, int] | None = None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("Position:"):
            x, y = line.split()[1].split(",")
            position = (int(x), int(y))
        elif line.startswith("Geometry:") and position is not None:
            w, h = (int(v) for v in line.split()[1].split("x"))
            if best is None or w * h > best[2] * best[3]:
                best = (*position, w, h)
    return best


def _count(image: QImage, colour: QColor, box: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    """Pixels close to `colour` inside box (x, y, w, h)."""
    x0, y0, w, h = box
    hits = []
    for y in range(max(0, y0), min(image.height(), y0 + h)):
        for x in range(max(0, x0), min(image.width(), x0 + w)):
            c = image.pixelColor(x, y)
            if (abs(c.red() - colour.red()) < 24 and abs(c.green() - colour.green()) < 24
                    and abs(c.blue() - colour.blue()) < 24):  # fmt: skip
                hits.append((x, y))
    return hits


def _visible_windows(desk: Desktop) -> list[str]:
    return desk.run("xdotool", "search", "--onlyvisible", "--name", "").split()


def _new_window(desk: Desktop, before: set[str]) -> tuple[int, int, int, int] | None:
    """Geometry of a window that appeared since `before` and is laid out (a menu of five
    entries is taller than 100 px)."""
    for window in set(_visible_windows(desk)) - before:
        out = desk.run("xdotool", "getwindowgeometry", window)
        position = next((ln.split()[1] for ln in out.splitlines() if "Position:" in ln), None)
        size = next((ln.split()[1] for ln in out.splitlines() if "Geometry:" in ln), None)
        if position and size:
            x, y = (int(v) for v in position.split(","))
            w, h = (int(v) for v in size.split("x"))
            if h > 100:
                return (x, y, w, h)
    return None


def _log_has(log: Path, text: str) -> bool:
    return log.exists() and text in log.read_text(errors="replace")


def _healthy_fleet(sim: Simulator) -> None:
    """Every charger online and without faults, so the tray starts green."""
    for charger in sim.chargers():
        if charger["connection_status"] != "online":
            sim.force_online(charger["uuid"])
    for charger in sim.chargers():
        if charger["status"] == "Faulted" or charger["error"] not in (None, "NoError"):
            sim.clear_fault(charger["uuid"])


def test_a_fault_reaches_the_notification_daemon_and_turns_the_tray_red(
    desktop: Desktop, tmp_path: Path, qapp: Any
) -> None:
    desk = desktop
    config = tmp_path / "dunstrc"
    config.write_text(DUNSTRC)
    desk.start(["dunst", "-config", str(config)], stderr=(tmp_path / "dunst.log").open("w"))
    wait_until("dunst on the session bus", lambda: _bus_has(desk, "org.freedesktop.Notifications"),
               START_TIMEOUT)  # fmt: skip
    desk.start(["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel",
                "--width", "96", "--heighttype", "pixel", "--height", "40", "--transparent",
                "false", "--tint", "0xeeeeee", "--SetDockType", "true"])  # fmt: skip
    tray_box = wait_until("trayer's window", lambda: _trayer_geometry(desk), START_TIMEOUT)
    notify_log = (tmp_path / "notify.log").open("w")
    desk.start(["dbus-monitor", "--session",
                "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"],
               stdout=notify_log)  # fmt: skip
    notify_path = tmp_path / "notify.log"
    wait_until("dbus-monitor ready", lambda: "NameAcquired" in notify_path.read_text(),
               START_TIMEOUT)  # fmt: skip

    sim = Simulator(chargers=8, seed=7, time_scale=1)
    sim.start()
    try:
        _healthy_fleet(sim)
        home = tmp_path / "app-home"  # not the autouse app_dirs tree of this process
        (home / "config").mkdir(parents=True)
        (home / "config" / "settings.json").write_text(
            json.dumps({"version": 1, "api_url": sim.base_url, "grace_fault_s": 0})
        )
        app_env = dict(desk.env, QT_QPA_PLATFORM="xcb", PLUGDESK_HOME=str(home),
                       PLUGDESK_TOKEN=sim.token, PYTHONPATH=str(ROOT))  # fmt: skip
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            app_env[var] = str(home / var.lower())
        app_err = (tmp_path / "app.stderr").open("w")
        app = desk.start([sys.executable, "-m", "tests.support.desk_proc", "--api",
                          sim.base_url], env=app_env, cwd=ROOT, stderr=app_err)  # fmt: skip
        log = home / "log" / "plugdesk.log"

        def alive() -> None:
            assert app.poll() is None, (tmp_path / "app.stderr").read_text()[-2000:]

        def logged(text: str) -> bool:
            alive()
            return _log_has(log, text)

        wait_until("the tray showing OK", lambda: logged("tray state: ok (0 faulted)"),
                   START_TIMEOUT + EVENT_TIMEOUT)  # fmt: skip
        # No window manager here: the 1440x900 window would cover the whole screen, tray
        # included. Make room, as a user's window manager would.
        window = wait_until("the PlugDesk window", lambda: desk.run(
            "xdotool", "search", "--onlyvisible", "--name", "^PlugDesk").split())
        desk.run("xdotool", "windowsize", window[0], "1000", "720", "windowmove", window[0],
                 "0", "60")  # fmt: skip
        for tray_window in desk.run("xdotool", "search", "--class", "trayer").split():
            desk.run("xdotool", "windowraise", tray_window)
        before = desk.screenshot(tmp_path / "before.png")
        tray_area = (tray_box[0] - 4, tray_box[1] - 4, tray_box[2] + 8, tray_box[3] + 8)
        wait_until("the green badge on screen",
                   lambda: _count(desk.screenshot(tmp_path / "before.png"), GREEN, tray_area))
        assert not _count(before, RED, tray_area)

        listed = next(c for c in sim.chargers() if c["status"] == "Available" and not c["blocked"])
        target = listed["uuid"]
        name = listed["reference"] or listed["identity"]
        sim.force_fault(target, "GroundFailure", "Ground fault detected")

        wait_until("the Notify call", lambda: name in notify_path.read_text())
        call = notify_path.read_text()
        assert 'string "PlugDesk"' in call  # app name
        assert f'string "{name} faulted"' in call
        if listed["reference"]:  # a label need not be unique: the identity is added
            assert f"Charger {listed['identity']}" in call
        assert 'string "urgency"' in call and "byte 2" in call  # critical
        assert 'string "Open"' in call  # the action button
        wait_until("the tray turning red", lambda: logged("tray state: fault (1 faulted)"))
        assert logged(f"alert shown via native: {name} faulted")

        shot_path = Path(os.environ.get(SHOT_ENV, tmp_path / "desk.png"))
        notification_area = (760, 0, 520, 300)  # dunst: top right, below the tray

        def red_badge_and_notification() -> list[tuple[int, int]]:
            # One screenshot showing both: the daemon draws its popup in its own time.
            image = desk.screenshot(shot_path)
            red = _count(image, RED, tray_area)
            return red if red and _count(image, CRITICAL_BG, notification_area) else []

        red = wait_until("the red badge and the notification on screen",
                         red_badge_and_notification)  # fmt: skip

        # The tray menu's "Quit" ends the app cleanly: a right click on the icon opens the
        # menu (a new window on screen); Quit is its last entry. A popup can take a moment
        # to accept input after it appears, so a click that came too soon is tried again.
        cx = sum(x for x, _ in red) // len(red)
        cy = sum(y for _, y in red) // len(red)
        for attempt in range(3):
            before_menu = set(_visible_windows(desk))
            desk.run("xdotool", "mousemove", str(cx), str(cy), "click", "3")
            menu = wait_until("the tray menu", lambda b=before_menu: _new_window(desk, b))
            if attempt == 0:
                desk.screenshot(tmp_path / "menu.png")  # kept with the test's files
            x, y, _w, h = menu
            desk.run("xdotool", "mousemove", str(x + 40), str(y + h - 12), "click", "1")
            try:
                app.wait(timeout=15)
                break
            except subprocess.TimeoutExpired:
                desk.run("xdotool", "key", "Escape")
        try:
            code = app.wait(timeout=EVENT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise AssertionError("Quit from the tray menu did not end PlugDesk") from None
        assert code == 0, (tmp_path / "app.stderr").read_text()[-2000:]
        assert _log_has(log, "PlugDesk stopped")
    finally:
        sim.stop()
        notify_log.close()
