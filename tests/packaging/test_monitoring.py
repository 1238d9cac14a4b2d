"""The Prometheus samples in resources/monitoring/: `promtool check rules` and `check
config` pass, and `promtool test rules` shows the two alerts fire when they should (and
not before). promtool comes from Debian's `prometheus` package (.ci/run installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .loader import RESOURCES, ROOT

MONITORING = RESOURCES / "monitoring"
RULES = MONITORING / "plugdesk-rules.yml"
INSTALL_HINT = "promtool is missing: apt-get install --no-install-recommends prometheus"


@pytest.fixture(scope="module")
def promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        pytest.fail(INSTALL_HINT)  # never a silent skip: CI installs it
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


def test_promtool_checks_the_alert_rules(promtool: str) -> None:
    result = _run(promtool, "check", "rules", str(RULES))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS: 2 rules found" in result.stdout


def test_promtool_checks_the_sample_scrape_config(promtool: str) -> None:
    result = _run(promtool, "check", "config", "--syntax-only", str(MONITORING / "prometheus.yml"))
    assert result.returncode == 0, result.stdout + result.stderr


UNIT_TESTS = ROOT / "tests" / "fixtures" / "monitoring" / "plugdesk-rules.test.yml"


def test_alerts_fire_after_their_for_duration(promtool: str, tmp_path: Path) -> None:
    shutil.copy2(RULES, tmp_path / RULES.name)
    tests = shutil.copy2(UNIT_TESTS, tmp_path / UNIT_TESTS.name)
    result = _run(promtool, "test", "rules", str(tests))
    assert result.returncode == 0, result.stdout + result.stderr
