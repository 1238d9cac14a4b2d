"""The watch lock: one watch per event history; the app finds it and its account."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugdesk.domain.watch_lock import (
    WatchInfo,
    WatchLock,
    WatchRunning,
    account_key,
    find_watch,
    lock_path,
)

URL = "https://app.plugchoice.com/api/v3"


def info(token: str = "secret-token-1", pid: int = 4242) -> WatchInfo:
    return WatchInfo(pid, URL, account_key(URL, token), "127.0.0.1:9877")


def test_a_held_lock_names_the_watch_and_its_account(tmp_path: Path) -> None:
    lock = WatchLock.acquire(tmp_path, info())
    try:
        found = find_watch(tmp_path)
        assert found == info()
        assert found is not None and found.same_account(URL, "secret-token-1")
        assert not found.same_account(URL, "another-token")
        assert not found.same_account("http://127.0.0.1:8000/api/v3", "secret-token-1")
    finally:
        lock.release()
    assert find_watch(tmp_path) is None


def test_a_second_watch_is_refused_while_the_first_runs(tmp_path: Path) -> None:
    first = WatchLock.acquire(tmp_path, info())
    try:
        with pytest.raises(WatchRunning, match="already running \\(pid 4242"):
            WatchLock.acquire(tmp_path, info(pid=99))
    finally:
        first.release()
    second = WatchLock.acquire(tmp_path, info(pid=99))  # free again
    second.release()


def test_a_file_left_by_a_dead_watch_means_no_watch(tmp_path: Path) -> None:
    # kill -9 leaves the file with its content, but nobody holds the lock any more.
    lock_path(tmp_path).write_text(json.dumps(info().__dict__), encoding="utf-8")
    assert find_watch(tmp_path) is None
    WatchLock.acquire(tmp_path, info(pid=7)).release()


def test_the_token_is_not_in_the_lock_file(tmp_path: Path) -> None:
    lock = WatchLock.acquire(tmp_path, info(token="tok-ABCDEFGH-123456"))
    try:
        text = lock_path(tmp_path).read_text(encoding="utf-8")
        assert "tok-ABCDEFGH" not in text and "123456" not in text
    finally:
        lock.release()


def test_unreadable_lock_content_is_ignored(tmp_path: Path) -> None:
    lock_path(tmp_path).write_text("not json", encoding="utf-8")
    assert find_watch(tmp_path) is None
