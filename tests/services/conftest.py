"""Fixtures for the service tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations




