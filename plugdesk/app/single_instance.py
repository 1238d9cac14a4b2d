"""One PlugDesk per user: a second launch brings the running window up and exits 0.

Two windows on one account poll it twice against the shared rate limit, and their incident
writes collide on the store's unique index. So the first GUI launch listens on a local
socket (`QLocalServer`: a Unix domain socket, a named pipe on Windows); a later launch
connects, asks "show", waits for "shown" and leaves. `--self-test` and the command-line
subcommands are not GUI launches: they never call this.

"Per user" is per user and app folders: the name is derived from the account name and the
data folder, so a portable install (`PLUGDESK_HOME`) or a test with its own folders is its
own instance, while every mode of one user (plain, `--demo`) shares one, as the store does.

A PlugDesk that was killed (SIGKILL, power cut) leaves its socket file behind on Unix, and
nobody answers on it. Qt's user-only socket is made aside and renamed over the name, which
replaces such a file; should `listen` still fail, the stale file is removed
(`removeServer`) and listened on again. Never a live one: that one answers the knock.

Raising a window is up to the window manager: X11 and Windows may flash the taskbar entry
instead of raising (focus-stealing prevention); Wayland raises only with an activation
token from the launcher, which Qt reads from XDG_ACTIVATION_TOKEN in the first process only.
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW = b"show\n"
SHOWN = b"shown\n"
CONNECT_TIMEOUT_MS = 1_000
# A running PlugDesk answers from its event loop; a busy start-up can take a moment.
ANSWER_TIMEOUT_MS = 5_000
LOCK_FILE = "instance.lock"
LOCK_WAIT_MS = 10_000  # longer than one knock and answer
LOCK_STALE_MS = 30_000  # a lock this old is stale even if its process id was reused


def instance_name(data_dir: Path) -> str:
    """The socket name for this user and app folders (no path: Qt puts it in the temp
    folder on Unix, in the pipe namespace on Windows)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no name for this uid (a bare container): still one per home
        user = "unknown"
    key = f"{user}\0{data_dir.expanduser().resolve()}"
    return f"plugdesk-{hashlib.sha256(key.encode()).hexdigest()[:20]}"


class Running(enum.Enum):
    """What a launch found when another PlugDesk already listens."""

    SHOWN = "shown"  # it brought its window up
    STUCK = "stuck"  # it accepted the connection but did not answer in time


def ask_running_to_show(name: str) -> Running | None:
    """Ask the PlugDesk listening on `name` to bring its window up; None when nobody
    listens (or only a stale socket is left). Blocks briefly: it runs before any window,
    in a process about to exit."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
    try:
        socket.write(SHOW)
        socket.flush()
        answer = b""
        while not answer.endswith(b"\n"):
            # The answer may come with the hang-up: then it is read without a readyRead.
            if not socket.waitForReadyRead(ANSWER_TIMEOUT_MS) and not socket.bytesAvailable():
                return Running.STUCK
            answer += bytes(socket.readAll().data())
        return Running.SHOWN if answer == SHOWN else Running.STUCK
    finally:
        socket.abort()


class InstanceServer(QObject):
    """The running PlugDesk's side: answers "show" with `show_requested`, then "shown"."""

    show_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Only this user may connect (Unix: the socket file is the owner's only).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        return self._server.listen(self.name)

    def is_listening(self) -> bool:
        return self._server.isListening()

    def error_text(self) -> str:
        return self._server.errorString()

    def close(self) -> None:
        self._server.close()  # removes the socket file

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(self._answer)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._answer_on(socket)

    def _answer(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._answer_on(socket)

    def _answer_on(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return  # the rest of the line comes with the next readyRead
        request = bytes(socket.readLine().data())
        if request == SHOW:
            log.info("another PlugDesk launch asked for the window: bringing it up")
            self.show_requested.emit()
            socket.write(SHOWN)
            socket.flush()
        socket.disconnectFromServer()


def claim(name: str, lock_path: Path) -> InstanceServer | Running:
    """Become the one PlugDesk for `name` (the listening server is returned), or ask the
    running one to show its window (what it did is returned).

    The knock and the listen happen under a lock file, so two launches at the same moment
    (autostart and a click) cannot both find nobody and both listen; a lock left by a
    killed launch is stale at once (its process is gone). If this process can neither
    reach nor replace a listener it runs anyway, unchecked: a second window is better
    than none."""
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(LOCK_STALE_MS)
    if not lock.tryLock(LOCK_WAIT_MS):
        log.info("single instance: lock %s not taken (%s)", lock_path, lock.error().name)
    try:
        running = ask_running_to_show(name)
        if running is not None:
            return running
        server = InstanceServer(name)
        if server.listen():
            return server
        # Nobody answered, so the name is what a killed PlugDesk left (a socket file).
        log.info("single instance: removing the socket a killed PlugDesk left")
        QLocalServer.removeServer(name)
        if not server.listen():
            log.warning("single instance: cannot listen on %s (%s); running unchecked",
                        name, server.error_text())  # fmt: skip
        return server
    finally:
        if lock.isLocked():
            lock.unlock()
