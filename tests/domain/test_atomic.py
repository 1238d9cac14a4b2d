"""Atomic replacement: the target is the old file or the complete new one, never a mix."""

from __future__ import annotations

import asyncio
import os
import stat
import time
from pathlib import Path

import pytest

from plugdesk.domain import atomic
from plugdesk.domain.atomic import (
    TEMP_SUFFIX,
    AtomicFile,
    atomic_open,
    atomic_write,
    clean_stale_temp_files,
)


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, b"first")
    assert target.read_bytes() == b"first"
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "error", [RuntimeError("disk full"), KeyboardInterrupt(), asyncio.CancelledError()]
)
def test_failure_keeps_the_old_file_and_no_temp(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "report.csv"
    target.write_bytes(b"good old content")
    with pytest.raises(type(error)), atomic_open(target, "w") as handle:
        handle.write("half a new fi")
        handle.flush()
        # The partial data is only in the temp file beside the target.
        assert len(_leftovers(tmp_path)) == 1
        raise error
    assert target.read_bytes() == b"good old content"
    assert _leftovers(tmp_path) == []


def test_failure_without_an_old_file_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ValueError), atomic_open(folder / "new.csv", "wb") as handle:
        handle.write(b"x")
        raise ValueError("boom")
    assert list(folder.iterdir()) == []


def test_text_mode_keeps_newlines_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    with atomic_open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write("a\r\nb\r\n")
    assert target.read_bytes() == b"a\r\nb\r\n"


def test_write_by_name_then_commit(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    pending = AtomicFile(target)
    assert pending.temp_path.parent == tmp_path
    pending.temp_path.write_bytes(b"written by a library")
    assert not target.exists()
    assert pending.commit() == target
    assert target.read_bytes() == b"written by a library"
    assert _leftovers(tmp_path) == []


def test_leaving_without_commit_discards(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with AtomicFile(target) as pending:
        pending.open("wb").write(b"partial")
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_commit_fsyncs_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", spy)
    atomic_write(tmp_path / "f", b"data")
    assert len(synced) == (2 if os.name == "posix" else 1)


def test_replacing_keeps_the_targets_permissions(tmp_path: Path) -> None:
    target = tmp_path / "private.json"
    target.write_bytes(b"{}")
    target.chmod(0o600)
    before = stat.S_IMODE(target.stat().st_mode)  # 0o600 on POSIX
    atomic_write(target, b"{}\n")
    assert stat.S_IMODE(target.stat().st_mode) == before


def test_open_refuses_read_modes(tmp_path: Path) -> None:
    with AtomicFile(tmp_path / "x") as pending, pytest.raises(ValueError):
        pending.open("r")


def test_clean_stale_temp_files_removes_only_old_ones_of_ours(tmp_path: Path) -> None:
    old = tmp_path / f".settings.json.1234abcd{TEMP_SUFFIX}"
    fresh = tmp_path / f".settings.json.5678abcd{TEMP_SUFFIX}"
    other_prefix = tmp_path / f".export.csv.9999abcd{TEMP_SUFFIX}"
    unrelated = tmp_path / "settings.json"
    for path in (old, fresh, other_prefix, unrelated):
        path.write_bytes(b"x")
    an_hour_ago = time.time() - 3600
    for path in (old, other_prefix, unrelated):
        os.utime(path, (an_hour_ago, an_hour_ago))

    removed = clean_stale_temp_files(tmp_path, "settings.json")

    assert removed == [old]
    assert not old.exists()
    assert fresh.exists() and other_prefix.exists() and unrelated.exists()
    # Without a prefix, every stale temp file of ours goes (after a kill -9).
    assert clean_stale_temp_files(tmp_path) == [other_prefix]
    assert clean_stale_temp_files(tmp_path, min_age_s=0) == [fresh]
    assert unrelated.exists()


def test_clean_stale_temp_files_in_a_missing_folder(tmp_path: Path) -> None:
    assert clean_stale_temp_files(tmp_path / "nope") == []
