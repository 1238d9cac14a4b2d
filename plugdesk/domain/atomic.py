"""Atomic file replacement: a file is either the old one or the complete new one.

Data goes to a temporary file beside the target (same folder, so the final rename stays on
one filesystem and is atomic), is flushed and fsynced, then renamed over the target; on
POSIX the folder is fsynced too so the rename itself survives a power cut. If anything goes
wrong, or the write is cancelled, the temporary file is removed and an existing target is
left exactly as it was.

What is at the target decides how it is written, so an export never destroys it:
- nothing, or a regular file: the atomic replacement above;
- a symbolic link: its final target is replaced atomically (the link itself stays);
- a FIFO or a character or block device (`/dev/null`, a named pipe): written through
  directly, never replaced by a regular file (and nothing to take back on abort);
- a folder, a socket or anything else: refused with `NotAFileError`, a sentence.

Temporary files are named `.<target name>.<random>.plugdesk-tmp`; a process killed with
`kill -9` can leave one behind, which `clean_stale_temp_files` removes at the next start.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import secrets
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

TEMP_SUFFIX = ".plugdesk-tmp"
_WRITE_MODES = frozenset({"w", "wt", "wb"})


class NotAFileError(OSError):
    """The target is something a file cannot be written to (a folder, a socket)."""

    def __str__(self) -> str:
        return f"Cannot write {self.filename}: {self.strerror}."


class AtomicFile:
    """One pending replacement of `target`.

    Either write through `open()`, or let a library write to `temp_path` by name (xlsxwriter
    does), then call `commit()`. `abort()` (or leaving a `with` block without `commit()`)
    discards the temporary file. Leaving without commit discards on purpose: a loop that
    stops early on cancel must not publish a partial file.
    """

    def __init__(self, target: str | os.PathLike[str]) -> None:
        self.target = Path(target)  # as given: what messages show and commit() returns
        destination = Path(os.path.realpath(self.target))  # a link's final target
        # Asked of the path as given: the kernel follows links itself, including /proc's
        # links to pipes and terminals (`/dev/stdout`), which realpath cannot spell.
        self.write_through = _is_stream_node(self.target)
        # Written through, the "temporary" path is the pipe or device itself.
        self.temp_path = self.target if self.write_through else _create_temp(destination)
        self._destination = destination
        self._file: IO[Any] | None = None
        self._done = False

    @property
    def done(self) -> bool:
        """True once committed or aborted."""
        return self._done

    def open(
        self, mode: str = "wb", *, encoding: str | None = None, newline: str | None = None
    ) -> IO[Any]:
        """Open the temporary file for writing (the file object stays owned by this)."""
        if mode not in _WRITE_MODES:
            raise ValueError(f"atomic files open for writing only ('w' or 'wb'), not {mode!r}")
        if self._done or self._file is not None:
            raise RuntimeError("this atomic file is already open or finished")
        if "b" not in mode and encoding is None:
            encoding = "utf-8"
        self._file = open(self.temp_path, mode, encoding=encoding, newline=newline)  # noqa: SIM115
        return self._file

    def commit(self) -> Path:
        """Make the new content durable and put it in place of the target."""
        if self._done:
            raise RuntimeError("this atomic file is already finished")
        if self.write_through:
            self._done = True
            if self._file is not None:
                self._file.close()  # flushes into the pipe or device; nothing to rename
            return self.target
        try:
            self._sync_temp()
            os.replace(self.temp_path, self._destination)
        except BaseException:
            self.abort()
            raise
        self._done = True
        _fsync_dir(self._destination.parent)
        return self.target

    def abort(self) -> None:
        """Discard the temporary file; the target is untouched. Safe to call twice."""
        if self._done:
            return
        self._done = True
        if self._file is not None:
            with contextlib.suppress(Exception):
                self._file.close()
        if self.write_through:
            return  # what went into a pipe or device cannot be taken back; never unlink it
        with contextlib.suppress(FileNotFoundError):
            self.temp_path.unlink()

    def _sync_temp(self) -> None:
        if self._file is not None and not self._file.closed:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            return
        # Written by name by someone else (or closed already): fsync through a new handle.
        with open(self.temp_path, "rb+") as handle:
            os.fsync(handle.fileno())

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.abort()  # no-op after commit()


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str],
    mode: str = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """`with atomic_open(p, "w") as f: ...` commits when the block ends normally and
    discards the temporary file when it raises (including cancellation)."""
    pending = AtomicFile(path)
    try:
        handle = pending.open(mode, encoding=encoding, newline=newline)
        yield handle
        pending.commit()
    finally:
        pending.abort()  # no-op after a successful commit


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` atomically."""
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def clean_stale_temp_files(
    directory: str | os.PathLike[str], prefix: str = "", *, min_age_s: float = 300.0
) -> list[Path]:
    """Remove temporary files left in `directory` by a killed PlugDesk.

    Only files named like ours (`.<prefix>…plugdesk-tmp`) and not modified for `min_age_s`
    seconds are removed, so a write in progress in another PlugDesk process is left alone.
    Returns what was removed; never raises for a file it cannot remove.
    """
    folder = Path(directory)
    removed: list[Path] = []
    cutoff = time.time() - min_age_s
    try:
        candidates = list(folder.glob(f".{prefix}*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for path in candidates:
        try:
            if path.is_file() and path.stat().st_mtime <= cutoff:
                path.unlink()
                removed.append(path)
        except OSError as error:
            log.warning("Could not remove stale temporary file %s: %s", path, error)
    return removed


def _is_stream_node(destination: Path) -> bool:
    """True for a FIFO or device (write through); False for nothing or a regular file;
    NotAFileError for a folder, a socket or anything else that is not a file."""
    try:
        mode = destination.stat().st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return True
    what = "a folder" if stat.S_ISDIR(mode) else "not a file (perhaps a socket)"
    raise NotAFileError(
        errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL,
        f"it is {what}; choose a file name to write to",
        str(destination),
    )


def _create_temp(target: Path) -> Path:
    """Create an empty, new temporary file beside `target` and return its path.

    Created with mode 0o666 so the umask decides, as for any new file; if the target
    already exists its permissions are carried over, so replacing it does not change who
    may read it.
    """
    folder = target.parent
    for _ in range(100):
        temp = folder / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        try:
            mode = _existing_mode(target)
            if mode is not None:
                with contextlib.suppress(OSError):
                    os.chmod(fd if os.name == "posix" else temp, mode)
        finally:
            os.close(fd)
        return temp
    raise FileExistsError(f"could not create a temporary file in {folder}")


def _existing_mode(target: Path) -> int | None:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return None


def _fsync_dir(folder: Path) -> None:
    """Persist the rename itself (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems (e.g. certain network mounts) refuse; the data is synced
    finally:
        os.close(fd)
