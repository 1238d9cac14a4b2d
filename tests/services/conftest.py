"""Fixtures for the service tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.harness import collect_on_main_thread


@pytest.fixture(autouse=True)
def main_thread_gc() -> Iterator[None]:
    """Reference cycles holding QObjects (monitors, services) are collected on the main
    thread only: a collection in the simulator's thread would delete them there, and
    their timers would later fire into freed memory."""
    yield from collect_on_main_thread()
