"""Fixtures for the UI tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.harness import ModelChecks, collect_on_main_thread


@pytest.fixture
def model_checks() -> Iterator[ModelChecks]:
    """One pytest-qt model tester per model checked (see ModelChecks)."""
    checks = ModelChecks()
    yield checks
    checks.close()


@pytest.fixture(autouse=True)
def main_thread_gc() -> Iterator[None]:
    """Reference cycles holding QObjects are collected on the main thread only."""
    yield from collect_on_main_thread()
