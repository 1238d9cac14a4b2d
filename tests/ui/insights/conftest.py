"""The UI tests' fixtures apply here too (main-thread cycle collection)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.harness import collect_on_main_thread


@pytest.fixture(autouse=True)
def main_thread_gc() -> Iterator[None]:
    yield from collect_on_main_thread()
