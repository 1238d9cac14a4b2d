"""The full soak (`soak` marker, ~20 minutes) runs only when asked for: `pytest -m soak`
(or any -m expression naming it). The normal suite runs its reduced form instead.

Deselected, not skipped: it is a separate run, not a test that could not run."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "soak" in (config.getoption("markexpr", "") or ""):
        return
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        (dropped if item.get_closest_marker("soak") else keep).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
