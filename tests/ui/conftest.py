"""Fixtures for the UI tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from plugdesk.ui import i18n
from tests.support.harness import ModelChecks


@pytest.fixture
def model_checks() -> Iterator[ModelChecks]:
    """One pytest-qt model tester per model checked (see ModelChecks)."""
    checks = ModelChecks()
    yield checks
    checks.close()



@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """The Dutch translator, installed as the app does (and English again after)."""
    try:
        assert i18n.install_translators("nl") == ["plugdesk", "qtbase"]
        yield
    finally:
        i18n.install_translators("en")
