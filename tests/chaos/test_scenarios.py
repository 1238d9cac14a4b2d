"""Each chaos scenario, one simulated hour of PlugDesk: no crash, a responsive window, an
honest event history, words for the user, the request budget kept, an export that is
complete or nothing. See tests/chaos/README.md for what each scenario injects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.chaos_checks import all_checks
from tests.support.hour import BUDGET_LIMIT, BUDGET_WINDOW, SCENARIOS, START, Scenario, run_hour
from tests.support.remote_sim import RemoteSimulator


@pytest.fixture(params=SCENARIOS, ids=[s.name for s in SCENARIOS])
def scenario(request: pytest.FixtureRequest) -> Scenario:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def chaos_sim(scenario: Scenario) -> Iterator[RemoteSimulator]:
    simulator = RemoteSimulator(
        chargers=40,
        seed=scenario.seed,
        time_scale=0,
        start_time=START,
        rate_limit_per_minute=BUDGET_LIMIT,
        rate_window_seconds=BUDGET_WINDOW,
    )
    try:
        yield simulator
    finally:
        simulator.stop()


@pytest.mark.log_warnings("chaos makes refreshes fail on purpose; the monitor warns")
def test_an_hour_of_chaos(
    scenario: Scenario, chaos_sim: RemoteSimulator, tmp_path: Path, run: Any, qtbot: Any
) -> None:
    export_dir = tmp_path / "exports"
    export_dir.mkdir()
    hour = run_hour(chaos_sim, scenario, export_dir, run)
    all_checks(hour)
