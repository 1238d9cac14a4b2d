"""`export -o PATH` never destroys what is at PATH (point 1 of the hardening issue).

A regular file (or nothing) is replaced atomically; a symlink's target is replaced and the
link kept; a FIFO or device is written through and stays what it was; a folder is refused
with a sentence. Tested on the domain writer (`AtomicFile` and the CSV export writer)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from plugdesk.domain.atomic import TEMP_SUFFIX, AtomicFile, NotAFileError
from plugdesk.domain.export import ChargerInfo, CsvExportWriter
from plugdesk.domain.export_run import describe_os_error

needs_posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/null are POSIX")


def _write(path: Path, data: bytes) -> Path:
    pending = AtomicFile(path)
    pending.open("wb").write(data)
    return pending.commit()


def test_regular_file_is_replaced_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    assert _write(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))  # no temp file left


def test_symlink_target_is_replaced_and_the_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "real" / "export.csv"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert _write(link, b"new") == link
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["export.csv"]


def test_dangling_symlink_gets_its_target_created(tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "not-yet.csv")
    _write(link, b"data")
    assert link.is_symlink()
    assert (tmp_path / "not-yet.csv").read_bytes() == b"data"


@needs_posix
def test_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    writer = CsvExportWriter(fifo, bom=False)
    writer.write_transactions([], ChargerInfo("u"))
    writer.commit()
    reader.join(10)
    assert received and received[0].startswith(b"transaction_id,")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))


@needs_posix
def test_device_is_written_through_and_abort_leaves_it(tmp_path: Path) -> None:
    null = Path("/dev/null")
    pending = AtomicFile(null)
    assert pending.write_through
    pending.open("wb").write(b"x" * 100)
    pending.abort()  # must not try to unlink /dev/null
    assert stat.S_ISCHR(null.stat().st_mode)
    _write(null, b"y")
    assert stat.S_ISCHR(null.stat().st_mode)


def test_folder_is_refused_with_a_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(NotAFileError) as caught:
        AtomicFile(folder)
    message = describe_os_error(caught.value)
    assert message == (f"Cannot write {folder}: it is a folder; choose a file name to write to.")
    assert str(caught.value) == message
    assert folder.is_dir() and list(folder.iterdir()) == []
