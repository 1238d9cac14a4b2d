"""Fixtures for the UI tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.harness import ModelChecks


@pytest.fixture
def model_checks() -> Iterator[ModelChecks]:
    """One pytest-qt model tester per model checked (see ModelChecks)."""
    checks = ModelChecks()
    yield checks
    checks.close()

