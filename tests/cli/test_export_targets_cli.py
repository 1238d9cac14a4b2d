"""`plugdesk export -o PATH` as a real process: what is at PATH decides how it is written
(points 1 and 9 of the hardening issue). Pipes and devices are written through, a link's
target is replaced, a folder or socket is refused with a sentence; a full disk or a
read-only folder is a sentence and exit 1 with no temporary file left; SIGTERM and SIGHUP
clean up and exit 128+n; what a `kill -9` leaves is swept by the next export."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import resource
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from plugdesk.domain.atomic import TEMP_SUFFIX
from plugdesk.simulator import Simulator
from tests.support.export import frozen_sim, temp_files, truth_ids

PYTHON = sys.executable
OLD_CONTENT = b"yesterday's export\r\n"
posix_only = pytest.mark.skipif(os.name != "posix", reason="pipes, devices and signals")


@pytest.fixture(scope="module")
def fleet() -> Iterator[Simulator]:
    with frozen_sim(chargers=5, seed=23) as sim:
        yield sim


def _env(sim: Simulator) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PLUGDESK_TOKEN", "PLUGDESK_API_URL")}
    env["PLUGDESK_TOKEN"] = sim.token
    return env


def _argv(sim: Simulator, out: Path | str, *extra: str) -> list[str]:
    return [PYTHON, "-m", "plugdesk", "export", "--all", "--api-url", sim.base_url,
            "-o", str(out), *extra]  # fmt: skip


def export(sim: Simulator, out: Path | str, *extra: str, **kwargs: Any) -> Any:
    return subprocess.run(
        _argv(sim, out, *extra), capture_output=True, text=True, env=_env(sim), timeout=120,
        **kwargs,
    )  # fmt: skip


def _ids(text: str) -> list[int]:
    rows = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    return sorted(int(r["transaction_id"]) for r in rows)


# -- what is at the path -------------------------------------------------------------------


@posix_only
def test_dev_stdout_to_a_pipe_gets_the_csv_and_stays_a_link(fleet: Simulator) -> None:
    was_link = os.path.islink("/dev/stdout")
    result = export(fleet, "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert _ids(result.stdout) == sorted(truth_ids(fleet))
    assert result.stderr.startswith("Exported ")  # the summary stays out of the data
    assert os.path.islink("/dev/stdout") == was_link


@posix_only
def test_fifo_is_written_through(fleet: Simulator, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = export(fleet, fifo)
    reader.join(30)
    assert result.returncode == 0, result.stderr
    assert got and _ids(got[0].decode("utf-8")) == sorted(truth_ids(fleet))
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not temp_files(tmp_path)


@posix_only
def test_dev_null_stays_a_device(fleet: Simulator) -> None:
    result = export(fleet, "/dev/null")
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_symlink_target_is_replaced_and_the_link_kept(fleet: Simulator, tmp_path: Path) -> None:
    real = tmp_path / "real" / "billing.csv"
    real.parent.mkdir()
    real.write_bytes(OLD_CONTENT)
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    result = export(fleet, link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert _ids(real.read_text("utf-8")) == sorted(truth_ids(fleet))
    assert not temp_files(tmp_path) and not temp_files(real.parent)


def test_folder_is_refused_with_the_sentence(fleet: Simulator, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    result = export(fleet, folder)
    assert result.returncode == 1
    assert result.stderr == (
        f"plugdesk: Cannot write {folder}: it is a folder; choose a file name to write to.\n"
    )
    assert folder.is_dir() and list(folder.iterdir()) == []


@posix_only
def test_socket_is_refused_with_the_sentence(fleet: Simulator, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        result = export(fleet, path)
        assert stat.S_ISSOCK(path.lstat().st_mode)
    assert result.returncode == 1
    assert result.stderr == (
        f"plugdesk: Cannot write {path}: it is not a file (perhaps a socket); "
        "choose a file name to write to.\n"
    )


# -- full disk, read-only folder: a sentence, exit 1, nothing left --------------------------


@contextlib.contextmanager
def full_disk(tmp_path: Path) -> Iterator[tuple[Path, Callable[[], None] | None]]:
    """A folder on a 12 kB tmpfs when this runs as root and may mount; otherwise a file
    size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so a write fails with EFBIG)."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() == 0:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=12k", "tmpfs", str(folder)],
            capture_output=True,
        )
        if mounted.returncode == 0:
            try:
                yield folder, None
            finally:
                subprocess.run(["umount", str(folder)], check=False)
            return

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (12 * 1024, 12 * 1024))

    yield folder, limit_file_size


@posix_only
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_full_disk_is_a_sentence_and_leaves_nothing(
    fleet: Simulator, tmp_path: Path, suffix: str
) -> None:
    with full_disk(tmp_path) as (folder, preexec):
        out = folder / f"fleet.{suffix}"
        result = export(fleet, out, preexec_fn=preexec)
        left = sorted(p.name for p in folder.iterdir())
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"plugdesk: Cannot write {out}: ")
    assert result.stderr.rstrip().endswith("Nothing was exported.")
    assert "disk is full" in result.stderr or "File too large" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert left == []  # no file, no temporary file


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """Read-only for real: `chattr +i` as root (root ignores mode bits), else 0o555."""
    folder = tmp_path / "locked"
    folder.mkdir()
    as_root = os.geteuid() == 0
    if as_root:
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.fail(f"chattr +i is needed to make a folder read-only for root: {done.stderr}")
    else:
        folder.chmod(0o555)
    try:
        yield folder
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        else:
            folder.chmod(0o755)


@posix_only
def test_read_only_folder_is_a_sentence(fleet: Simulator, read_only_folder: Path) -> None:
    result = export(fleet, read_only_folder / "fleet.xlsx")
    assert result.returncode == 1
    assert result.stderr == (
        f"plugdesk: PlugDesk cannot write to {read_only_folder}: permission denied. "
        "Choose another folder.\n"
    )
    assert list(read_only_folder.iterdir()) == []


# -- signals -------------------------------------------------------------------------------


def _start_slow_export(fleet: Simulator, out: Path) -> subprocess.Popen[str]:
    fleet.set_chaos("slow", latency=0.3)
    proc = subprocess.Popen(
        _argv(fleet, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=_env(fleet),
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while not temp_files(out.parent) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert temp_files(out.parent), "the export should be under way"
    return proc


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["TERM", "HUP"])
def test_a_stop_signal_removes_the_temp_file_and_exits_128_plus_n(
    fleet: Simulator, tmp_path: Path, signum: int
) -> None:
    out = tmp_path / "stopped.csv"
    out.write_bytes(OLD_CONTENT)
    proc = _start_slow_export(fleet, out)
    try:
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=30)
    finally:
        fleet.set_chaos(None)
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    name = signal.Signals(signum).name
    assert proc.returncode == 128 + signum, err
    assert err == f"plugdesk: stopped by {name}; nothing was exported.\n"
    assert out.read_bytes() == OLD_CONTENT
    assert not temp_files(tmp_path)


@posix_only
def test_the_next_export_sweeps_what_a_kill_9_left(fleet: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "killed.csv"
    proc = _start_slow_export(fleet, out)
    try:
        proc.kill()
        proc.communicate(timeout=30)
    finally:
        fleet.set_chaos(None)
    (left,) = temp_files(tmp_path)
    an_hour_ago = time.time() - 3600
    os.utime(left, (an_hour_ago, an_hour_ago))
    busy = tmp_path / f".other.csv.0123abcd{TEMP_SUFFIX}"  # another export, writing now
    busy.write_bytes(b"partial")
    result = export(fleet, out)
    assert result.returncode == 0, result.stderr
    assert not left.exists()
    assert busy.exists()  # young: left alone
    assert _ids(out.read_text("utf-8")) == sorted(truth_ids(fleet))
