"""One PlugDesk per user: a second GUI launch, in any mode, brings the running window up and
exits 0; `--self-test` and the subcommands are not GUI launches. Real processes first,
then the socket conversation in this process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtNetwork import QLocalServer

from plugdesk.app import single_instance
from plugdesk.app.single_instance import (
    InstanceServer,
    Running,
    ask_running_to_show,
    claim,
    instance_name,
)
from plugdesk.simulator import Simulator
from tests.support.launches import ROOT, GuiProcess, run_plugdesk

ASKED = "another PlugDesk launch asked for the window: bringing it up"


def test_a_second_launch_brings_up_the_running_window_and_exits_0(
    tmp_path: Path, sim: Simulator
) -> None:
    home = tmp_path / "child"
    first = GuiProcess.start(home, "--demo")
    try:
        first.wait_for_fleet()
        demo = run_plugdesk(home, "--demo")
        assert demo.returncode == 0, demo.stderr
        assert "already running; its window was brought up" in demo.stderr
        live = run_plugdesk(home)  # any mode: the live window is the same instance
        assert live.returncode == 0, live.stderr
        assert first.log_text().count(ASKED) == 2  # the running one answered both
        assert first.log_text().count("PlugDesk starting") == 1  # nobody else started

        # Not GUI launches: they run beside the window, untouched.
        self_test = run_plugdesk(home, "--self-test")
        assert self_test.returncode == 0, self_test.stdout[-2000:]
        assert "PlugDesk self-test passed" in self_test.stdout
        status = run_plugdesk(home, "status", "--api-url", sim.base_url,
                              PLUGDESK_TOKEN=sim.token)  # fmt: skip
        assert status.returncode in (0, 1, 2), status.stderr  # OK, warn or fault
        assert f"{len(sim.chargers())} chargers" in status.stdout
        assert first.log_text().count(ASKED) == 2

        assert first.alive()
        first.send_term()
        assert first.wait() == 0, first.output_text()[-3000:]
    finally:
        first.stop()


def test_a_socket_left_by_a_killed_plugdesk_does_not_stop_the_next_one(tmp_path: Path) -> None:
    home = tmp_path / "child"
    socket_file = Path(tempfile.gettempdir(), instance_name(home / "data"))
    killed = GuiProcess.start(home, "--demo", name="killed")
    try:
        killed.wait_for_fleet()
        assert socket_file.exists()
        killed.process.kill()
        killed.wait()
    finally:
        killed.stop()
    assert socket_file.exists()  # nobody removed it: a stale socket

    second = GuiProcess.start(home, "--demo", name="second")
    try:
        second.wait_for_fleet()  # it started (and did not take the kill -9 for a crash)
        third = run_plugdesk(home, "--demo")
        assert third.returncode == 0 and "already running" in third.stderr, third.stderr
        assert ASKED in second.log_text()
        assert "closed unexpectedly" not in second.log_text()
        second.send_term()
        assert second.wait() == 0
    finally:
        second.stop()
    assert not socket_file.exists()  # a clean quit removes its socket


# -- the conversation, in this process ---------------------------------------------------


@pytest.fixture
def name(tmp_path: Path, qapp: Any) -> str:
    """A name of this test's own (Qt's sockets need the application's event dispatcher)."""
    return instance_name(tmp_path / "data")


def test_the_name_is_per_user_and_app_folders(tmp_path: Path) -> None:
    assert instance_name(tmp_path / "a") == instance_name(tmp_path / "b" / ".." / "a")
    assert instance_name(tmp_path / "a") != instance_name(tmp_path / "b")
    assert instance_name(tmp_path / "a").startswith("plugdesk-")


def test_nobody_listening_means_this_launch_becomes_the_instance(
    name: str, tmp_path: Path
) -> None:
    assert ask_running_to_show(name) is None
    claimed = claim(name, tmp_path / "instance.lock")
    assert isinstance(claimed, InstanceServer)
    try:
        assert claimed.is_listening()
        assert not (tmp_path / "instance.lock").exists()  # held only while claiming
    finally:
        claimed.close()


def test_the_running_one_answers_show_with_its_signal(name: str, qtbot: Any) -> None:
    server = InstanceServer(name)
    assert server.listen()
    knock = "from plugdesk.app.single_instance import *; print(ask_running_to_show({!r}))"
    try:
        # The knock blocks while it waits for the answer: from another process (Qt's
        # blocking socket calls do not work from a plain Python thread).
        with qtbot.waitSignal(server.show_requested, timeout=60_000):
            asker = subprocess.Popen(
                [sys.executable, "-c", knock.format(name)], cwd=ROOT, text=True,
                stdout=subprocess.PIPE, env=dict(os.environ, PYTHONPATH=str(ROOT)),
            )  # fmt: skip
        qtbot.waitUntil(lambda: asker.poll() is not None, timeout=60_000)
        out, _err = asker.communicate()
    finally:
        server.close()
    assert asker.returncode == 0 and out.strip() == str(Running.SHOWN)


def test_a_listener_that_never_answers_is_reported_stuck(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kernel accepts the connection, but this thread never runs the server's event
    loop: the knock must give up and say so instead of hanging the launch."""
    monkeypatch.setattr(single_instance, "ANSWER_TIMEOUT_MS", 200)
    server = QLocalServer()
    assert server.listen(name)
    try:
        assert ask_running_to_show(name) is Running.STUCK
    finally:
        server.close()
