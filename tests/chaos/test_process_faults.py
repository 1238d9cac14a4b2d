"""kill -9 the real app (tests/support/app_proc.py: app.Desk + fault monitoring + exports)
during a refresh, during an export and at exact points of a store write, then start it
again: the store opens cleanly and holds everything reported committed, nothing already
announced is announced again, and no temporary file outlives the next start."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from plugdesk.domain.atomic import TEMP_SUFFIX
from tests.services.test_kill_mid_refresh import (
    Lines,
    Report,
    check_store,
    kill_9,
    never_twice,
)
from tests.support.remote_sim import RemoteSimulator

ROOT = Path(__file__).resolve().parents[2]
MODULE = "tests.support.app_proc"
STARTUP = 60.0  # seconds: Qt starts slowly on a loaded 2-core machine
WORK = 90.0
STALE_AGE = 600.0  # seconds: older than the start-up sweep's 5 minutes


@dataclass
class AppRun:
    """How to start the app process against one simulator and one app folder tree."""

    sim: RemoteSimulator
    home: Path
    epoch: float

    def env(self) -> dict[str, str]:
        env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
        env["PLUGDESK_TOKEN"] = self.sim.token
        env["PLUGDESK_HOME"] = str(self.home)
        for var, sub in (("XDG_CONFIG_HOME", "xdg-config"), ("XDG_DATA_HOME", "xdg-data"),
                         ("XDG_CACHE_HOME", "xdg-cache"), ("XDG_STATE_HOME", "xdg-state")):
            env[var] = str(self.home / sub)  # fmt: skip
        return env

    def spawn(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", MODULE, *args, "--api", self.sim.base_url,
             "--epoch", str(self.epoch)],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip

    @property
    def store_path(self) -> Path:
        return self.home / "data" / "plugdesk.sqlite3"


@pytest.fixture
def app_run(tmp_path: Path) -> Iterator[AppRun]:
    # 600x: faults start and end every few real seconds, so each run has news to commit.
    with RemoteSimulator(chargers=40, seed=9, time_scale=600,
                         rate_limit_per_minute=1_000_000) as sim:  # fmt: skip
        yield AppRun(sim, tmp_path / "home", time.time())


def _kill_when(run: AppRun, args: list[str], ready: str, *, committed: int = 0,
               delay: float = 0.0) -> Report:  # fmt: skip
    """Start the app; once `committed` alerts were committed and a line starting with
    `ready` came, wait `delay` seconds and SIGKILL it."""
    process = run.spawn(*args)
    assert process.stdout is not None
    lines = Lines(process.stdout)
    try:
        deadline = time.monotonic() + STARTUP + WORK
        try:
            lines.wait_for(ready, committed=committed, deadline=deadline, what="the app")
        except AssertionError as error:
            raise AssertionError(f"{error} {_err(process)}") from None
        time.sleep(delay)
        kill_9(process)
    finally:
        _reap(process)
    report = Report.parse(lines.drain())
    for pipe in (process.stdin, process.stdout, process.stderr):
        if pipe is not None:
            pipe.close()  # an open one is a ResourceWarning, which fails the test
    return report


def _killed_itself(run: AppRun, args: list[str]) -> tuple[Report, list[str]]:
    """Run the app with a kill switch; it must die by its own SIGKILL inside a store write."""
    process = run.spawn(*args)
    try:
        out, err = process.communicate(timeout=STARTUP + WORK)
    finally:
        _reap(process)
    lines = out.splitlines()
    assert process.returncode == -signal.SIGKILL, f"{lines[-5:]} {err[-500:]}"
    assert lines and lines[-1].startswith("KILL "), lines[-5:]
    return Report.parse(lines), lines


def _run_to_the_end(run: AppRun, *args: str) -> tuple[Report, list[str]]:
    process = run.spawn("refresh", *args)
    try:
        out, err = process.communicate(timeout=STARTUP + WORK)
    finally:
        _reap(process)
    lines = out.splitlines()
    assert process.returncode == 0 and lines[-1] == "DONE", f"{lines[-5:]} {err[-800:]}"
    assert "Traceback" not in err, err[-800:]
    return Report.parse(lines), lines


def _reap(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait(timeout=30)


def _err(process: subprocess.Popen[str]) -> str:
    if process.poll() is None or process.stderr is None:
        return ""
    return process.stderr.read()[-800:]


def _temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


# Exact points inside store writes (statement prefix, which occurrence).
STORE_WRITES = [
    ("INSERT INTO incidents", 2),  # an incident row written, its transaction not committed
    ("UPDATE incidents SET closed_at", 1),  # a close, mid-transaction
    ("COMMIT", 9),  # a commit about to be written (incidents or the fleet cache)
    ("UPDATE incidents SET notified", 2),  # shown, but the delivery not yet recorded
    ("INSERT OR REPLACE INTO fleet_snapshot", 3),  # the fleet cache being replaced
]


def test_kill_9_during_refreshes_and_store_writes_loses_nothing(app_run: AppRun) -> None:
    reports: list[Report] = []
    for delay in (0.0, 0.004, 0.012):  # a few ms into a refresh: fetching, judging, writing
        reports.append(_kill_when(app_run, ["refresh"], "REFRESH", committed=3, delay=delay))
        assert reports[-1].committed, "nothing happened before the kill"
        check_store(app_run.store_path, reports, fleet_saved=False)
    kills = []
    for prefix, nth in STORE_WRITES:
        report, lines = _killed_itself(app_run, ["refresh", "--kill-at", prefix,
                                                 "--kill-nth", str(nth)])  # fmt: skip
        kills.append(lines[-1])
        reports.append(report)
        check_store(app_run.store_path, reports, fleet_saved=False)
    final, _ = _run_to_the_end(app_run, "--refreshes", "12")
    reports.append(final)
    check_store(app_run.store_path, reports, fleet_saved=False)
    never_twice(reports)
    assert final.shown == final.marked  # a clean end records every delivery
    print(f"{len(reports)} runs, {len(kills)} self-kills in store writes: {kills}")


def test_kill_9_during_an_export_leaves_no_file_and_start_up_sweeps(
    app_run: AppRun, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    # The folder the user exported to last time, as the settings remember it.
    config = app_run.home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"export_last_dir": str(exports)}))
    target = exports / "transactions.csv"
    report = _kill_when(app_run, ["export", "--export-to", str(target)], "EXPORT",
                        delay=0.01)  # fmt: skip
    check_store(app_run.store_path, [report], fleet_saved=False)
    assert not target.exists(), "an interrupted export published a file"
    leftovers = _temp_files(exports)
    assert leftovers, "the export was killed before it wrote anything: the test means nothing"
    # Much later (more than the sweep's 5 minutes), PlugDesk starts again. Meanwhile a
    # second PlugDesk has just begun an export of its own into the same folder.
    old = time.time() - STALE_AGE
    for path in leftovers:
        os.utime(path, (old, old))
    busy = exports / f".other.csv.1a2b3c4d{TEMP_SUFFIX}"
    busy.write_bytes(b"transaction_id,charger_uuid\r\n")
    final, lines = _run_to_the_end(app_run, "--refreshes", "2")
    assert lines[0] == f"STARTED {len(leftovers)}", lines[0]
    assert _temp_files(exports) == [busy], "start-up removed too little or too much"
    assert not target.exists()
    check_store(app_run.store_path, [report, final], fleet_saved=False)
    never_twice([report, final])


def test_the_app_start_sweeps_leftovers_of_killed_writes(
    qapp: object, app_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`run_gui` itself (here its offscreen self-test) removes what killed writes left in
    the config folder and the last export folder, and nothing young or not ours."""
    from plugdesk.app.desk import run_gui

    exports = tmp_path / "exports"
    exports.mkdir()
    config = app_dirs / "config"
    (config / "settings.json").write_text(json.dumps({"export_last_dir": str(exports)}))
    old = time.time() - STALE_AGE
    stale = [
        config / f".settings.json.0badc0de{TEMP_SUFFIX}",
        exports / f".transactions-2026-10.csv.5eed5eed{TEMP_SUFFIX}",
        exports / f".transactions-2026-10.xlsx.feedf00d{TEMP_SUFFIX}",
    ]
    for path in stale:
        path.write_bytes(b"half a file")
        os.utime(path, (old, old))
    young = exports / f".transactions-2026-11.csv.0ddba11s{TEMP_SUFFIX}"
    young.write_bytes(b"being written by another PlugDesk")
    theirs = exports / "notes.tmp"
    theirs.write_bytes(b"not ours")
    os.utime(theirs, (old, old))

    assert run_gui("", None, demo=True, self_test=True) == 0, capsys.readouterr().out
    assert not [p for p in stale if p.exists()], "start-up left interrupted writes behind"
    assert young.exists() and theirs.exists()
    log_text = (app_dirs / "log" / "plugdesk.log").read_text()
    assert "removed a temporary file left by an interrupted write" in log_text
