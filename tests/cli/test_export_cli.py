"""`plugdesk export`: in process through `plugdesk.cli.main.main` and as a real subprocess."""

from __future__ import annotations

import csv
import io
import os
import pty
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from plugdesk.cli.main import main
from plugdesk.domain.export import EXPORT_COLUMNS
from plugdesk.simulator import Simulator
from tests.support.export import (
    frozen_sim,
    query_value,
    read_csv,
    temp_files,
    transaction_requests,
    truth_ids,
)

PYTHON = sys.executable  # the project's .venv/bin/python when run as the README says
OLD_CONTENT = b"yesterday's export\r\n"


@pytest.fixture
def fleet() -> Iterator[Simulator]:
    with frozen_sim(chargers=5, seed=23) as sim:
        yield sim


@pytest.fixture
def token_env(fleet: Simulator, monkeypatch: pytest.MonkeyPatch) -> Simulator:
    monkeypatch.setenv("PLUGDESK_TOKEN", fleet.token)
    return fleet


def _env(sim: Simulator) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PLUGDESK_TOKEN", "PLUGDESK_API_URL")}
    env["PLUGDESK_TOKEN"] = sim.token
    return env


def _subprocess(sim: Simulator, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [PYTHON, "-m", "plugdesk", "export", "--api-url", sim.base_url, *args],
        capture_output=True,
        text=True,
        env=_env(sim),
        timeout=120,
        **kwargs,
    )


# -- success -----------------------------------------------------------------------------


def test_export_all_in_process(
    token_env: Simulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fleet.csv"
    code = main(["export", "--all", "--api-url", token_env.base_url, "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    rows = read_csv(out)
    truth = truth_ids(token_env)
    assert sorted(int(r["transaction_id"]) for r in rows) == sorted(truth)
    assert captured.out == (
        f"Exported {len(truth):,} transactions ({_kwh(rows):,.3f} kWh) "
        f"from 5 chargers to {out}.\n"
    )
    assert captured.err == ""  # not a terminal: no progress lines
    assert not temp_files(tmp_path)


def _kwh(rows: list[dict[str, str]]) -> float:
    return round(sum(float(r["energy_kwh"]) for r in rows if r["energy_kwh"]), 3)


def test_export_all_as_a_real_process_to_xlsx(fleet: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "fleet.xlsx"  # the suffix picks the format
    result = _subprocess(fleet, "--all", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("Exported ") and str(out) in result.stdout
    assert fleet.token not in result.stdout + result.stderr
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    header = next(sheet.iter_rows(max_row=1, values_only=True))
    assert tuple(header) == EXPORT_COLUMNS
    ids = [
        row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if isinstance(row[0], int)
    ]
    assert sorted(ids) == sorted(truth_ids(fleet))


def test_stdout_gets_the_csv_and_stderr_the_summary(fleet: Simulator) -> None:
    uuid = fleet.charger_uuids()[0]
    result = _subprocess(fleet, "--charger", uuid, "-o", "-")
    assert result.returncode == 0, result.stderr
    assert not result.stdout.startswith("\ufeff")  # no BOM in a pipe
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert sorted(int(r["transaction_id"]) for r in rows) == sorted(truth_ids(fleet, [uuid]))
    assert result.stderr.startswith("Exported ") and "standard output" in result.stderr


def test_filters_and_options_pass_through(
    token_env: Simulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "filtered.csv"
    chosen = token_env.charger_uuids()[:2]
    args = ["export", "--api-url", token_env.base_url, "-o", str(out)]
    for uuid in chosen:
        args += ["--charger", uuid]
    args += ["--from", "2026-01-01", "--to", "2026-12-31", "--status", "finished"]
    args += ["--delimiter", ";", "--format", "csv"]
    assert main(args) == 0, capsys.readouterr().err
    requests = transaction_requests(token_env)
    assert {r.path.split("/")[-2] for r in requests} == set(chosen)
    for record in requests:
        assert query_value(record, "filter[status]") == "finished"
        assert query_value(record, "filter[started_from]") == "2026-01-01"
        assert query_value(record, "filter[stopped_until]") == "2026-12-31"
    rows = read_csv(out, delimiter=";")
    assert {r["charger_uuid"] for r in rows} <= set(chosen)
    assert all(r["status"] == "finished" and r["started_at"] >= "2026-01-01" for r in rows)


def test_progress_only_on_a_terminal(fleet: Simulator, tmp_path: Path) -> None:
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run(
            [PYTHON, "-m", "plugdesk", "export", "--all", "--api-url", fleet.base_url,
             "-o", str(tmp_path / "tty.csv")],
            stdout=subprocess.PIPE,
            stderr=secondary,
            env=_env(fleet),
            timeout=120,
            check=False,
        )
        os.close(secondary)
        secondary = -1
        seen = _drain(primary)
    finally:
        if secondary != -1:
            os.close(secondary)
        os.close(primary)
    assert proc.returncode == 0
    assert "Exporting: 5/5 chargers" in seen
    assert "\r" in seen
    assert b"Exporting" not in proc.stdout  # progress never mixes into stdout


def _drain(fd: int) -> str:
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the other side is closed
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode("utf-8", "replace")


# -- refusals: one clear line, no traceback, no file ---------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "--from: 2026-13-01 is not a date (YYYY-MM-DD)"),
        (["--to", "yesterday"], "--to: yesterday is not a date (YYYY-MM-DD)"),
        (
            ["--from", "2026-02-01", "--to", "2026-01-31"],
            "--to 2026-01-31 is before --from 2026-02-01",
        ),
        (["--format", "xlsx", "--delimiter", ";"], "--delimiter applies to CSV only, not XLSX"),
    ],
)
def test_bad_values_are_one_clear_line(
    token_env: Simulator,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "never.xlsx"
    code = main(["export", "--all", "--api-url", token_env.base_url, "-o", str(out), *args])
    captured = capsys.readouterr()
    assert code == 64
    assert captured.err == f"plugdesk: {message}\n"
    assert captured.out == ""
    assert list(tmp_path.glob("never*")) == [] and not temp_files(tmp_path)
    assert transaction_requests(token_env) == []  # refused before any request


def test_format_clashes_and_stdout_xlsx(
    token_env: Simulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["export", "--all", "--api-url", token_env.base_url]
    assert main([*base, "--format", "xlsx", "-o", "-"]) == 64
    assert capsys.readouterr().err == (
        "plugdesk: XLSX cannot be written to standard output; give a file name\n"
    )
    assert main([*base, "--format", "xlsx", "-o", str(tmp_path / "a.csv")]) == 64
    assert capsys.readouterr().err == (
        f"plugdesk: --format xlsx does not match the file name {tmp_path / 'a.csv'}\n"
    )
    assert main([*base, "-o", str(tmp_path / "missing" / "a.csv")]) == 1
    assert capsys.readouterr().err == (
        f"plugdesk: The folder {tmp_path / 'missing'} does not exist.\n"
    )


def test_bad_flags_in_a_real_process(fleet: Simulator, tmp_path: Path) -> None:
    out = str(tmp_path / "x.csv")
    bad_date = _subprocess(fleet, "--all", "--from", "2026-13-01", "-o", out)
    assert bad_date.returncode == 64
    assert bad_date.stderr == "plugdesk: --from: 2026-13-01 is not a date (YYYY-MM-DD)\n"
    bad_status = _subprocess(fleet, "--all", "--status", "paused", "-o", out)
    assert bad_status.returncode == 64
    assert bad_status.stderr.splitlines()[0].startswith("plugdesk: argument --status")
    no_scope = _subprocess(fleet, "-o", out)
    assert no_scope.returncode == 64
    assert "one of the arguments --charger --all is required" in no_scope.stderr
    for result in (bad_date, bad_status, no_scope):
        assert "Traceback" not in result.stderr
    assert not Path(out).exists()


# -- failures: exit non-zero, the old file untouched ---------------------------------------------


def test_unknown_charger_fails_and_keeps_the_old_file(
    token_env: Simulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "keep.csv"
    out.write_bytes(OLD_CONTENT)
    missing = "00000000-0000-4000-8000-0000000000ff"
    code = main(
        ["export", "--api-url", token_env.base_url, "-o", str(out),
         "--charger", token_env.charger_uuids()[0], "--charger", missing]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err == (
        "plugdesk: Nothing was exported: 1 charger of 2 could not be read. "
        f"{missing}: no such charger on this account\n"
    )
    assert captured.out == ""
    assert out.read_bytes() == OLD_CONTENT and not temp_files(tmp_path)


def test_unreachable_server_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with frozen_sim(chargers=1, seed=1) as gone:
        url, token = gone.base_url, gone.token
    monkeypatch.setenv("PLUGDESK_TOKEN", token)
    out = tmp_path / "none.csv"
    code = main(["export", "--all", "--api-url", url, "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("plugdesk: Could not list the chargers (") and err.count("\n") == 1
    assert token not in err
    assert not out.exists() and not temp_files(tmp_path)


def test_ctrl_c_mid_export_leaves_the_old_file(fleet: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "interrupted.csv"
    out.write_bytes(OLD_CONTENT)
    fleet.set_chaos("slow", latency=0.3)
    proc = subprocess.Popen(
        [PYTHON, "-m", "plugdesk", "export", "--all", "--api-url", fleet.base_url,
         "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(fleet),
    )
    try:
        deadline = time.monotonic() + 30
        while not transaction_requests_seen(fleet) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert temp_files(tmp_path), "the export should be under way"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        fleet.set_chaos(None)
    assert proc.returncode == 130
    assert err == "plugdesk: interrupted\n"
    assert out.read_bytes() == OLD_CONTENT
    assert not temp_files(tmp_path)


def transaction_requests_seen(sim: Simulator) -> bool:
    return any(r.path.endswith("/transactions") for r in sim.request_log)
