"""The export core and ExportJob, against the simulator over loopback HTTP.

Complete (every page of every charger, each transaction once), exact (rows and totals
match the server), filtered on the server, readable back (csv module, openpyxl),
injection-safe, and atomic: a cancelled or failed export leaves no file and never touches
an existing one.
"""

from __future__ import annotations

import asyncio
import errno
import time
from collections import Counter
from collections.abc import Callable, Coroutine
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from plugdesk.api.client import PlugchoiceClient
from plugdesk.domain.export import EXPORT_COLUMNS, CsvExportWriter, XlsxExportWriter
from plugdesk.domain.export_run import (
    ExportCancelled,
    ExportFailed,
    ExportFilters,
    ExportRequest,
    ExportScope,
    ExportSummary,
    ExportWriter,
    export_transactions,
)
from plugdesk.services.export_job import ExportJob
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from tests.support.export import (
    EVIL_TAGS,
    expected_order,
    frozen_sim,
    query_value,
    read_csv,
    temp_files,
    transaction_requests,
    truth_by_id,
    truth_ids,
)

OLD_CONTENT = b"an older export that must survive\r\n"


@pytest.fixture
def fleet() -> Any:
    """Six chargers, one with 300 transactions (12 pages), the others 0 to ~150."""
    with frozen_sim(chargers=6, seed=11, big_charger_transactions=300) as sim:
        yield sim


def export(
    sim: Simulator,
    writer: ExportWriter,
    scope: ExportScope | None = None,
    filters: ExportFilters | None = None,
    *,
    max_attempts: int = 4,
    **options: Any,
) -> ExportSummary:
    async def go() -> ExportSummary:
        async with PlugchoiceClient(sim.base_url, sim.token, max_attempts=max_attempts) as c:
            return await export_transactions(
                c, scope or ExportScope.all(), filters or ExportFilters(), writer, **options
            )

    return asyncio.run(go())


# -- complete and exact ------------------------------------------------------------------


def test_fleet_export_holds_every_transaction_exactly_once(
    fleet: Simulator, tmp_path: Path
) -> None:
    out = tmp_path / "fleet.csv"
    progress: list[tuple[int, int, int]] = []
    summary = export(fleet, CsvExportWriter(out), progress=lambda *p: progress.append(p))

    rows = read_csv(out)
    ids = [int(r["transaction_id"]) for r in rows]
    truth = truth_ids(fleet)
    assert len(truth) > 600
    assert Counter(ids) == Counter(truth)  # every one, none twice
    assert summary.rows == len(rows) == len(truth)
    assert summary.chargers == 6
    assert summary.path == out
    # Several pages per charger really were fetched.
    pages = Counter(r.path for r in transaction_requests(fleet))
    assert max(pages.values()) >= 12
    assert sum(1 for n in pages.values() if n >= 3) >= 3
    # Progress counted every charger and ended at the full row count.
    assert progress[-1] == (6, 6, len(truth))
    assert [p[0] for p in progress] == sorted(p[0] for p in progress)
    assert not temp_files(tmp_path)


def test_rows_come_in_charger_then_transaction_order(fleet: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "ordered.csv"
    export(fleet, CsvExportWriter(out), concurrency=6)
    rows = read_csv(out)
    in_file = [
        (r["charger_identity"].casefold(), r["charger_uuid"], int(r["transaction_id"]))
        for r in rows
    ]
    assert in_file == expected_order(rows)
    # The same data exported again is the same file, byte for byte.
    again = tmp_path / "again.csv"
    export(fleet, CsvExportWriter(again), concurrency=1)
    assert again.read_bytes() == out.read_bytes()


def test_rows_and_totals_match_the_server(fleet: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "exact.csv"
    summary = export(fleet, CsvExportWriter(out))
    truth = truth_by_id(fleet)
    connectors = {
        c["id"]: c["connector_id"]
        for uuid in fleet.charger_uuids()
        for c in fleet.charger(uuid)["connectors"]
    }
    identities = {c["uuid"]: c["identity"] for c in fleet.chargers()}
    kwh_total = 0.0
    for row in read_csv(out):
        tx = truth[int(row["transaction_id"])]
        assert row["charger_uuid"] == tx["charger_uuid"]
        assert row["charger_identity"] == identities[tx["charger_uuid"]]
        # The OCPP connector number a driver sees, not the API's internal connector id.
        assert int(row["connector_id"]) == connectors[tx["charger_connector_id"]]
        assert row["id_tag"] == tx["id_tag"]
        assert _instant(row["started_at"]) == _instant(tx["started_at"])
        assert row["started_at"].endswith("+00:00")
        assert row["meter_start_wh"] == str(tx["meter_start"])
        if tx["stopped_at"] is None:
            assert row["status"] == "active" and row["stopped_at"] == ""
            continue
        assert row["status"] == "finished"
        assert _instant(row["stopped_at"]) == _instant(tx["stopped_at"])
        assert row["meter_stop_wh"] == str(tx["meter_stop"])
        assert row["energy_kwh"] == f"{float(tx['total_kwh']):.3f}"  # number or "7.00"
        assert row["stop_reason"] == (tx["stop_reason"] or "")  # null -> empty cell
        assert row["is_valid"] == ("true" if tx["is_valid"] else "false")
        kwh_total += round(float(tx["total_kwh"]), 3)
    assert summary.kwh == pytest.approx(kwh_total, abs=1e-6)


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_filters_reach_the_server_and_the_rows(fleet: Simulator, tmp_path: Path) -> None:
    now = fleet.now()
    start, end = (now - timedelta(days=60)).date(), (now - timedelta(days=20)).date()
    out = tmp_path / "filtered.csv"
    export(fleet, CsvExportWriter(out), filters=ExportFilters("finished", start, end))

    requests = transaction_requests(fleet)
    assert len({r.path for r in requests}) >= 5  # every charger asked, with the filters
    for record in requests:
        assert query_value(record, "filter[status]") == "finished"
        assert query_value(record, "filter[started_from]") == start.isoformat()
        assert query_value(record, "filter[stopped_until]") == end.isoformat()
    rows = read_csv(out)
    lowest = datetime(start.year, start.month, start.day, tzinfo=UTC)
    highest = datetime(end.year, end.month, end.day, tzinfo=UTC) + timedelta(days=1)
    expected = {
        tx_id
        for tx_id, tx in truth_by_id(fleet).items()
        if tx["stopped_at"] is not None
        and _instant(tx["started_at"]) >= lowest
        and _instant(tx["stopped_at"]) < highest
    }
    assert rows and len(expected) < len(truth_ids(fleet))
    assert {int(r["transaction_id"]) for r in rows} == expected
    assert all(r["status"] == "finished" for r in rows)


def test_active_only(fleet: Simulator, tmp_path: Path) -> None:
    uuid = fleet.charger_uuids()[1]
    added = fleet.add_transaction(uuid, stopped_at=None, id_tag="STILL-CHARGING")
    out = tmp_path / "active.csv"
    summary = export(fleet, CsvExportWriter(out), filters=ExportFilters("active"))
    rows = read_csv(out)
    active = {tx_id for tx_id, tx in truth_by_id(fleet).items() if tx["stopped_at"] is None}
    assert added["id"] in active
    assert {int(r["transaction_id"]) for r in rows} == active
    assert all(r["status"] == "active" and r["stopped_at"] == "" for r in rows)
    assert summary.rows == len(active)


def test_chosen_chargers_only(fleet: Simulator, tmp_path: Path) -> None:
    chosen = fleet.charger_uuids()[1:3]
    out = tmp_path / "two.csv"
    summary = export(fleet, CsvExportWriter(out), ExportScope.of([*chosen, chosen[0]]))
    rows = read_csv(out)
    assert Counter(int(r["transaction_id"]) for r in rows) == Counter(truth_ids(fleet, chosen))
    assert {r["charger_uuid"] for r in rows} == set(chosen)
    assert summary.chargers == 2


# -- reading the files back ------------------------------------------------------------------


def test_xlsx_round_trip_has_numbers_and_datetimes(fleet: Simulator, tmp_path: Path) -> None:
    csv_out, xlsx_out = tmp_path / "same.csv", tmp_path / "same.xlsx"
    export(fleet, CsvExportWriter(csv_out))
    summary = export(fleet, XlsxExportWriter(xlsx_out))
    csv_rows = read_csv(csv_out)

    book = openpyxl.load_workbook(xlsx_out)
    sheet = book.active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert tuple(values[0]) == EXPORT_COLUMNS
    data = values[1 : 1 + summary.rows]
    assert len(data) == len(csv_rows) == summary.rows
    col = {name: i for i, name in enumerate(EXPORT_COLUMNS)}
    for cells, row in zip(data, csv_rows, strict=True):
        assert isinstance(cells[col["transaction_id"]], int)
        assert cells[col["transaction_id"]] == int(row["transaction_id"])
        assert isinstance(cells[col["meter_start_wh"]], int | float)
        started = cells[col["started_at"]]
        assert isinstance(started, datetime)  # a real datetime, shown in UTC
        assert started == _instant(row["started_at"]).replace(tzinfo=None)
        if row["status"] == "finished":
            assert isinstance(cells[col["energy_kwh"]], float | int)
            assert cells[col["energy_kwh"]] == pytest.approx(float(row["energy_kwh"]))
            assert isinstance(cells[col["stopped_at"]], datetime)
            assert isinstance(cells[col["is_valid"]], bool)
            assert cells[col["is_valid"]] == (row["is_valid"] == "true")
    # Then a blank row and the totals row, whose kWh figure matches the summary.
    totals = values[summary.rows + 2]
    assert totals[0] == "Total"
    assert sheet.cell(summary.rows + 3, col["energy_kwh"] + 1).value.startswith("=SUBTOTAL(")
    book.close()
    cached = openpyxl.load_workbook(xlsx_out, data_only=True).active
    assert cached is not None
    assert cached.cell(summary.rows + 3, col["energy_kwh"] + 1).value == pytest.approx(
        summary.kwh
    )


def test_local_time_option_reaches_the_file(
    fleet: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        out = tmp_path / "local.csv"
        export(fleet, CsvExportWriter(out, tz="local"), ExportScope.of(fleet.charger_uuids()[:2]))
        rows = read_csv(out)
        assert rows
        assert all(r["started_at"][-6:] in ("+01:00", "+02:00") for r in rows)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_formula_injection_is_neutralised(fleet: Simulator, tmp_path: Path, kind: str) -> None:
    uuid = fleet.charger_uuids()[2]
    added = {fleet.add_transaction(uuid, id_tag=tag)["id"]: tag for tag in EVIL_TAGS}
    out = tmp_path / f"evil.{kind}"
    writer: ExportWriter = CsvExportWriter(out) if kind == "csv" else XlsxExportWriter(out)
    export(fleet, writer, ExportScope.of([uuid]))

    if kind == "csv":
        tags = {int(r["transaction_id"]): r["id_tag"] for r in read_csv(out)}
    else:
        sheet = openpyxl.load_workbook(out).active
        assert sheet is not None
        tags = {}
        for id_cell, tag_cell in zip(sheet["A"][1:], sheet["F"][1:], strict=True):
            if isinstance(id_cell.value, int):
                assert tag_cell.data_type == "s"  # text, never a formula
                tags[id_cell.value] = tag_cell.value
    # CSV: an apostrophe in front. XLSX: a string cell is never a formula, so the text
    # is stored exactly as it came.
    guard = "'" if kind == "csv" else ""
    for tx_id, tag in added.items():
        assert tags[tx_id] == guard + tag
    if kind == "csv":
        assert sum(1 for t in tags.values() if t and t.startswith("'")) == len(EVIL_TAGS)


# -- all or nothing --------------------------------------------------------------------------


def _existing(path: Path) -> Path:
    path.write_bytes(OLD_CONTENT)
    return path


def test_cancel_mid_export_keeps_the_existing_file(fleet: Simulator, tmp_path: Path) -> None:
    out = _existing(tmp_path / "keep.csv")
    cancel = asyncio.Event()

    def progress(done: int, total: int, rows: int) -> None:
        if done >= 2:
            cancel.set()

    with pytest.raises(ExportCancelled):
        export(fleet, CsvExportWriter(out), concurrency=1, progress=progress, cancel=cancel)
    assert out.read_bytes() == OLD_CONTENT
    assert not temp_files(tmp_path)
    # It stopped early: not every charger's transactions were asked for.
    assert len({r.path for r in transaction_requests(fleet)}) < 6


def test_cancel_mid_export_leaves_no_new_file(fleet: Simulator, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "new.xlsx"
    cancel = asyncio.Event()
    with pytest.raises(ExportCancelled):
        export(
            fleet,
            XlsxExportWriter(out),
            concurrency=1,
            progress=lambda done, total, rows: cancel.set() if rows else None,
            cancel=cancel,
        )
    assert list(folder.iterdir()) == []


def test_cancel_after_the_last_charger_is_too_late_and_says_so(
    fleet: Simulator, tmp_path: Path
) -> None:
    """Once every row is written the file is being put in place: a cancel then must not
    report "cancelled" for a file that does appear."""
    out = _existing(tmp_path / "late.csv")
    cancel = asyncio.Event()
    summary = export(
        fleet,
        CsvExportWriter(out),
        progress=lambda done, total, rows: cancel.set() if total and done == total else None,
        cancel=cancel,
    )
    assert cancel.is_set()
    assert summary.rows == len(read_csv(out)) == len(truth_ids(fleet))


def test_cancelling_the_task_aborts_too(fleet: Simulator, tmp_path: Path) -> None:
    """Ctrl+C in the command line and closing the window cancel the task itself."""
    out = _existing(tmp_path / "task.csv")

    async def go() -> None:
        async with PlugchoiceClient(fleet.base_url, fleet.token) as client:
            first = asyncio.Event()
            task = asyncio.ensure_future(
                export_transactions(
                    client,
                    ExportScope.all(),
                    ExportFilters(),
                    CsvExportWriter(out),
                    concurrency=1,
                    progress=lambda done, total, rows: first.set() if done else None,
                )
            )
            await first.wait()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(go())
    assert out.read_bytes() == OLD_CONTENT
    assert not temp_files(tmp_path)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_server_failing_mid_export_keeps_the_existing_file(
    fleet: Simulator, tmp_path: Path, kind: str
) -> None:
    out = _existing(tmp_path / f"flaky.{kind}")
    writer: ExportWriter = CsvExportWriter(out) if kind == "csv" else XlsxExportWriter(out)

    def progress(done: int, total: int, rows: int) -> None:
        if done == 2:
            fleet.set_chaos("flaky", error_rate=1.0)  # from here on every request fails

    with pytest.raises(ExportFailed) as failure:
        export(fleet, writer, concurrency=1, max_attempts=1, progress=progress)
    assert out.read_bytes() == OLD_CONTENT
    assert not temp_files(tmp_path)
    error = failure.value
    assert error.failures, error
    assert "Nothing was exported" in str(error)
    identities = {c["uuid"]: c["identity"] for c in fleet.chargers()}
    for charger in error.failures:
        assert charger.name == identities[charger.uuid]
        assert charger.message  # the reason, e.g. the server's error
    # Two chargers were read before it broke, and one more may have been fetched ahead.
    assert 3 <= len(error.failures) + error.skipped <= 4


def test_simulator_going_away_mid_export(tmp_path: Path) -> None:
    out = _existing(tmp_path / "gone.csv")
    with frozen_sim(chargers=12, seed=3) as sim:

        def progress(done: int, total: int, rows: int) -> None:
            if done == 3:
                sim.stop()

        with pytest.raises(ExportFailed) as failure:
            export(sim, CsvExportWriter(out), concurrency=2, max_attempts=1, progress=progress)
    error = failure.value
    assert out.read_bytes() == OLD_CONTENT
    assert not temp_files(tmp_path)
    # Five failures in a row mean the server is gone: the rest is not tried. With two at a
    # time, the charger beside the third may still have been read (then the third's
    # failure stands alone before the five in a row).
    assert len(error.failures) in (5, 6)
    assert error.skipped in (12 - 3 - 5, 12 - 4 - 5, 12 - 4 - 6)
    assert "not tried" in str(error)
    assert "not tried" in error.one_line() and "; " in error.one_line()


def test_unknown_charger_is_named(fleet: Simulator, tmp_path: Path) -> None:
    out = tmp_path / "unknown.csv"
    missing = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(ExportFailed) as failure:
        export(fleet, CsvExportWriter(out), ExportScope.of([fleet.charger_uuids()[0], missing]))
    assert [f.uuid for f in failure.value.failures] == [missing]
    assert "no such charger" in failure.value.report()
    assert not out.exists()
    assert not temp_files(tmp_path)


def test_revoked_token_stops_at_once(fleet: Simulator, tmp_path: Path) -> None:
    fleet.revoke_token()
    out = tmp_path / "revoked.csv"
    with pytest.raises(ExportFailed, match="rejected the token"):
        export(fleet, CsvExportWriter(out))
    assert not out.exists() and not temp_files(tmp_path)
    assert fleet.token not in tmp_path.as_posix()


def test_disk_full_keeps_the_existing_file(fleet: Simulator, tmp_path: Path) -> None:
    # A full disk cannot be made on demand without root: the writer is made to fail the
    # way the OS does (ENOSPC from write()) on its second charger.
    out = _existing(tmp_path / "full.csv")
    writer = CsvExportWriter(out)
    real_write = writer.write_transactions
    calls: list[int] = []

    def write_then_fill_up(*args: Any) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(*args)

    writer.write_transactions = write_then_fill_up  # type: ignore[method-assign, assignment]
    with pytest.raises(ExportFailed, match="disk is full"):
        export(fleet, writer, concurrency=1)
    assert out.read_bytes() == OLD_CONTENT
    assert not temp_files(tmp_path)


# -- ExportJob: the same work, as signals on the qasync loop ---------------------------------


Run = Callable[..., Any]


def _job(sim: Simulator) -> tuple[ExportJob, PlugchoiceClient]:
    client = PlugchoiceClient(sim.base_url, sim.token, max_attempts=1)
    return ExportJob(client, concurrency=2), client


def _request(path: Path, scope: ExportScope | None = None, fmt: str = "csv") -> ExportRequest:
    return ExportRequest(
        scope or ExportScope.all(), ExportFilters(), path, "xlsx" if fmt == "xlsx" else "csv"
    )


def test_job_reports_progress_then_finished(fleet: Simulator, tmp_path: Path, run: Run) -> None:
    job, client = _job(fleet)
    progress: list[tuple[int, int, int]] = []
    job.progress.connect(lambda *p: progress.append(p))
    out = tmp_path / "job.xlsx"

    async def scenario() -> tuple[Any, ...]:
        finished = SignalWaiter(job.finished)
        job.start(_request(out, fmt="xlsx"))
        assert job.is_running
        result = await finished.wait(30)
        await client.aclose()
        return result

    (summary,) = run(scenario(), timeout=30)
    assert isinstance(summary, ExportSummary)
    assert summary.path == out and out.exists()
    assert summary.rows == len(truth_ids(fleet))
    assert progress[0] == (0, 0, 0)  # listing the chargers
    assert progress[-1] == (6, 6, summary.rows)
    assert not job.is_running and job.summary == summary


def test_job_cancel_emits_cancelled_and_writes_nothing(
    fleet: Simulator, tmp_path: Path, run: Run
) -> None:
    job, client = _job(fleet)
    out = _existing(tmp_path / "job-cancel.csv")
    fleet.set_chaos("slow", latency=0.1)  # long enough for progress between chargers
    job.progress.connect(lambda done, total, rows: job.cancel() if 0 < done < total else None)
    outcomes: list[str] = []
    job.finished.connect(lambda *_: outcomes.append("finished"))
    job.failed.connect(lambda *_: outcomes.append("failed"))

    async def scenario() -> None:
        cancelled = SignalWaiter(job.cancelled)
        job.start(_request(out))
        await cancelled.wait(30)
        await client.aclose()

    run(scenario(), timeout=30)
    assert outcomes == []
    assert out.read_bytes() == OLD_CONTENT
    assert not temp_files(tmp_path)


def test_job_failure_lists_each_charger(fleet: Simulator, tmp_path: Path, run: Run) -> None:
    job, client = _job(fleet)
    missing = "00000000-0000-4000-8000-00000000beef"
    out = tmp_path / "job-failed.csv"

    async def scenario() -> tuple[Any, ...]:
        failed = SignalWaiter(job.failed)
        job.start(_request(out, ExportScope.of([fleet.charger_uuids()[1], missing])))
        result = await failed.wait(30)
        await client.aclose()
        return result

    (message,) = run(scenario(), timeout=30)
    headline, *lines = message.splitlines()
    assert "Nothing was exported" in headline
    assert lines == [f"• {missing}: no such charger on this account"]
    assert job.error is not None and job.error.failures[0].uuid == missing
    assert not out.exists()


def test_job_permission_denied_is_a_sentence(fleet: Simulator, run: Run) -> None:
    job, client = _job(fleet)
    target = Path("/sys/plugdesk-export.csv")  # no one, not even root, may create files here

    async def scenario() -> tuple[Any, ...]:
        failed = SignalWaiter(job.failed)
        job.start(_request(target))
        result = await failed.wait(30)
        await client.aclose()
        return result

    (message,) = run(scenario(), timeout=30)
    assert message == f"Cannot write {target}: permission denied. Choose another folder."
    assert transaction_requests(fleet) == []  # failed before spending any request


def test_run_is_awaitable_and_refuses_a_second_start(
    fleet: Simulator, tmp_path: Path, run: Run
) -> None:
    job, client = _job(fleet)

    async def scenario() -> tuple[ExportSummary | None, Any]:
        task = asyncio.ensure_future(job.run(_request(tmp_path / "a.csv", ExportScope.of(
            fleet.charger_uuids()[:1]))))
        await asyncio.sleep(0)
        job.start(_request(tmp_path / "b.csv"))  # ignored while running
        second: Coroutine[Any, Any, Any] = job.run(_request(tmp_path / "c.csv"))
        with pytest.raises(RuntimeError):
            await second
        summary = await task
        await client.aclose()
        return summary, None

    summary, _ = run(scenario(), timeout=30)
    assert summary is not None and summary.path == tmp_path / "a.csv"
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == ["a.csv"]


def test_default_date_is_passed_as_a_plain_day(fleet: Simulator, tmp_path: Path) -> None:
    export(
        fleet,
        CsvExportWriter(tmp_path / "day.csv"),
        ExportScope.of(fleet.charger_uuids()[:1]),
        ExportFilters(None, date(2026, 10, 1), date(2026, 10, 31)),
    )
    (record,) = transaction_requests(fleet)[:1]
    assert query_value(record, "filter[started_from]") == "2026-10-01"
    assert query_value(record, "filter[stopped_until]") == "2026-10-31"


class _BrokenClient:
    """A client with a bug (not an API error): the job must still end with `failed`."""

    def iter_chargers(self) -> Any:
        raise RuntimeError("boom")

    async def get_charger(self, uuid: str) -> Any:
        raise AssertionError("not reached")

    def iter_transactions(self, uuid: str, **filters: Any) -> Any:
        raise AssertionError("not reached")


@pytest.mark.log_warnings("a bug on purpose: it is logged")
def test_job_turns_a_bug_into_failed_not_silence(tmp_path: Path, run: Run) -> None:
    job = ExportJob(_BrokenClient())
    out = _existing(tmp_path / "bug.csv")

    async def scenario() -> tuple[Any, ...]:
        failed = SignalWaiter(job.failed)
        job.start(_request(out))
        return await failed.wait(30)

    (message,) = run(scenario())
    assert message == (
        "The export stopped on an unexpected error (RuntimeError: boom). No file was written."
    )
    assert not job.is_running
    assert out.read_bytes() == OLD_CONTENT and not temp_files(tmp_path)
