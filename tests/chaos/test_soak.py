"""Soak: PlugDesk watching a 1,000-charger fleet for many simulated hours (see
tests/support/soak_proc.py for how). Memory, the store and the task count stay flat.

Two forms. The normal suite runs 6 simulated hours at a slow polling cadence (the list
re-read every 5 simulated minutes, a batch of pages every simulated minute): every part
of the production path runs, 360 times, in about a minute. The full run (`-m soak`,
about 20 minutes on a 2-core machine) is 24 simulated hours at the app's defaults (a
sweep of the list every minute, a batch of pages every 3 s: 28,800 polling steps).
Its figures are in tests/chaos/README.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RSS_GROWTH = 0.10  # at most 10 % more memory at the end than after the first hour
TASK_SLACK = 2  # tasks in flight at a sample may differ a little; a leak grows per hour
WAL_LIMIT_KB = 32 * 1024  # journal_size_limit (16 MB) plus one checkpoint's worth
BYTES_PER_INCIDENT = 1024  # an incident row with its indexes, generously


@dataclass
class Soak:
    hours: list[dict[str, Any]]
    summary: dict[str, Any]
    stderr: str


def run_soak(home: Path, *args: str, timeout: float) -> Soak:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               PLUGDESK_HOME=str(home))  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.soak_proc", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, f"{lines[-3:]}\n{done.stderr[-2000:]}"
    hours = [json.loads(line) for line in lines if line.startswith("{")]
    summaries = [line for line in lines if line.startswith("SUMMARY ")]
    assert summaries, lines[-5:]
    assert not [line for line in lines if line.startswith("ERROR")], lines
    summary = json.loads(summaries[-1].split(" ", 1)[1])
    print(json.dumps({"hours": hours, "summary": summary}))
    return Soak(hours, summary, done.stderr)


def check_flat(soak: Soak) -> None:
    hours, summary = soak.hours, soak.summary
    assert len(hours) == int(summary["hours"])
    assert summary["unhandled_errors"] == 0
    assert "Traceback" not in soak.stderr, soak.stderr[-2000:]
    first, last = hours[0], hours[-1]
    # Memory: what the first hour settled at, plus less than 10 %.
    growth = (last["rss_mb"] - first["rss_mb"]) / first["rss_mb"]
    assert growth < RSS_GROWTH, f"RSS {first['rss_mb']} MB -> {last['rss_mb']} MB"
    # Tasks: no growth from hour to hour.
    tasks = [h["tasks"] for h in hours]
    assert max(tasks) <= tasks[0] + TASK_SLACK, f"asyncio tasks per hour: {tasks}"
    # The store: one fleet snapshot row, incidents only (no per-refresh rows), and a size
    # that grows with the incidents alone; the WAL stays bounded.
    for hour in hours:
        assert hour["rows"]["fleet_snapshot"] == 1
        assert hour["rows"]["mutes"] == 0 and hour["rows"]["state"] == 0
        assert hour["wal_kb"] <= WAL_LIMIT_KB, hour
    added = last["rows"]["incidents"] - first["rows"]["incidents"]
    # Rewriting the snapshot frees its old pages for the next one: the file may hold two.
    allowed_kb = added * BYTES_PER_INCIDENT / 1024 + last["snapshot_kb"] + 512
    assert last["db_kb"] - first["db_kb"] <= allowed_kb, (
        f"store grew {last['db_kb'] - first['db_kb']:.0f} KB for {added} incidents"
    )
    # The fleet was really watched the whole time, with real trouble in it.
    assert summary["alerts_shown"] > 0 and added > 0
    # Windows do not pile up (toasts, dialogs): the same top-level widgets throughout.
    assert len({h["widgets"] for h in hours}) == 1, [h["widgets"] for h in hours]


def test_soak_six_hours_of_a_thousand_chargers(tmp_path: Path) -> None:
    soak = run_soak(
        tmp_path / "home",
        "--hours", "6", "--chargers", "1000",
        "--interval", "300", "--latency", "300", "--tick", "60",
        timeout=600,
    )  # fmt: skip
    check_flat(soak)


@pytest.mark.soak
def test_soak_a_day_of_a_thousand_chargers(tmp_path: Path) -> None:
    soak = run_soak(tmp_path / "home", "--hours", "24", "--chargers", "1000", timeout=4 * 3600)
    check_flat(soak)
