"""The running `plugdesk watch`, found through a lock file in the data folder.

One writer per event history: the watch holds an exclusive `flock` on `watch.lock` for as
long as it runs (the kernel lets go when the process dies, even by kill -9) and writes who
it is into the file: pid, API URL and an account key. The desktop app reads it to decide
whether to poll itself ("Watched by plugdesk watch (pid N)") and a second watch refuses to
start. A file whose lock nobody holds is left over from a dead watch and means nothing.

The account key is a short digest of the API URL and token: two processes compare keys to
know they watch the same account; the token cannot be read back from it. Where `fcntl` is
missing (Windows), the pid in the file is trusted while the file exists (the watch removes
it when it stops).

The desktop app's own single-instance guard is a separate thing (a QLocalServer name).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from plugdesk.domain.errors import DomainError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "watch.lock"


class WatchRunning(DomainError):
    """Another watch already writes to this event history."""

    def __init__(self, info: WatchInfo) -> None:
        super().__init__(
            f"plugdesk watch is already running (pid {info.pid}, {info.api_url}); one watch "
            "per event history. Stop it first, or give this one its own PLUGDESK_HOME."
        )
        self.info = info


@dataclass(frozen=True)
class WatchInfo:
    pid: int
    api_url: str
    account: str  # account_key(api_url, token)
    metrics: str = ""  # host:port of the metrics endpoint, "" when off

    def same_account(self, api_url: str, token: str | None) -> bool:
        return self.api_url == api_url and self.account == account_key(api_url, token)


def account_key(api_url: str, token: str | None) -> str:
    """A digest that tells two accounts apart (not reversible to the token)."""
    digest = hashlib.sha256(f"plugdesk-watch\n{api_url}\n{token or ''}".encode())
    return digest.hexdigest()[:16]


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_NAME


class WatchLock:
    """Held by a running watch; `release()` (or the process ending) lets go."""

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle: IO[str] | None = handle

    @classmethod
    def acquire(cls, data_dir: Path, info: WatchInfo) -> WatchLock:
        """Take the lock and write `info`; WatchRunning when a live watch holds it."""
        path = lock_path(data_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        if fcntl is None:
            running = find_watch(data_dir)
            if running is not None and running.pid != os.getpid():
                raise WatchRunning(running)
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                running = find_watch(data_dir)
                raise WatchRunning(running or WatchInfo(0, "?", "")) from None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(asdict(info)))
        handle.flush()
        return cls(path, handle)

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()  # an empty file reads as "no watch", whatever the lock says
            handle.flush()
        handle.close()  # closing releases the flock


def find_watch(data_dir: Path) -> WatchInfo | None:
    """The watch that holds the lock in `data_dir`, or None."""
    path = lock_path(data_dir)
    try:
        with open(path, encoding="utf-8") as handle:
            if fcntl is not None and not _held_by_another(handle):
                return None
            return _parse(handle.read())
    except OSError:
        return None


def _held_by_another(handle: IO[str]) -> bool:
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return False


def _parse(text: str) -> WatchInfo | None:
    try:
        data = json.loads(text)
        return WatchInfo(
            pid=int(data["pid"]),
            api_url=str(data["api_url"]),
            account=str(data["account"]),
            metrics=str(data.get("metrics", "")),
        )
    except (ValueError, KeyError, TypeError):
        return None  # empty (a watch that stopped) or not ours
