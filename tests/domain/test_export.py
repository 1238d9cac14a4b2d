"""Export writers: exact columns, readable back, injection-safe, atomic, streaming."""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import msgspec
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugdesk.api import decode
from plugdesk.api.models import Charger, Transaction
from plugdesk.domain.atomic import TEMP_SUFFIX
from plugdesk.domain.export import (
    EXPORT_COLUMNS,
    ChargerInfo,
    CsvExportWriter,
    ExportError,
    ExportRow,
    XlsxExportWriter,
    export_rows,
    guard_formula,
    open_export_writer,
)

HEADER = (
    "transaction_id,charger_uuid,charger_identity,charger_reference,connector_id,id_tag,"
    "started_at,stopped_at,duration_minutes,meter_start_wh,meter_stop_wh,energy_kwh,"
    "stop_reason,is_valid,status"
)
CHARGER = ChargerInfo("5b0f7c1e-9d2a-4c4e-8f00-0000000000aa", "CP-0001", "Car park A", {501: 1})
T0 = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # summer: +02:00 in Amsterdam
T_WINTER = datetime(2026, 1, 15, 8, 0, tzinfo=UTC)  # winter: +01:00
INJECTIONS = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tTAB", "\rCR"]


@dataclass
class Tx:
    """Shaped like plugdesk.api.models.Transaction (the writers take any such object)."""

    id: int | None
    charger_connector_id: int | None = 501
    id_tag: str | None = "TAG-1"
    meter_start: float | None = 1000
    meter_stop: float | None = 8000
    total_kwh: float | None = 7.0
    started_at: datetime | None = T0
    stopped_at: datetime | None = T0 + timedelta(minutes=95, seconds=30)
    stop_reason: str | None = "EVDisconnected"
    is_valid: bool | None = True


def _sample() -> list[Tx]:
    return [
        Tx(1),
        Tx(2, total_kwh=12.34567, stopped_at=None, meter_stop=None, stop_reason=None),
        Tx(3, charger_connector_id=999, id_tag=None, total_kwh=None, is_valid=False),
        Tx(4, started_at=T_WINTER, stopped_at=T_WINTER + timedelta(hours=2)),
    ]


def _read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    text = raw.decode("utf-8-sig")
    assert text.count("\r\n") == text.count("\n")  # every line ends CRLF
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _no_temp(folder: Path) -> bool:
    return not any(p.name.endswith(TEMP_SUFFIX) for p in folder.iterdir())


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The system's local zone is Europe/Amsterdam for the duration of a test."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# -- rows ------------------------------------------------------------------------------------


def test_columns_are_exactly_as_agreed() -> None:
    assert ",".join(EXPORT_COLUMNS) == HEADER
    assert ExportRow._fields == EXPORT_COLUMNS


def test_row_from_a_transaction() -> None:
    finished, active, unknown_connector, _ = (
        ExportRow.from_transaction(tx, CHARGER) for tx in _sample()
    )
    assert finished.status == "finished"
    assert finished.duration_minutes == 95.5
    assert finished.connector_id == 1  # Connector.id 501 -> OCPP connector 1
    assert finished.energy_kwh == 7.0
    assert finished.meter_start_wh == 1000 and type(finished.meter_start_wh) is int
    assert active.status == "active"
    assert active.duration_minutes is None and active.stopped_at is None
    assert active.energy_kwh == 12.346
    assert unknown_connector.connector_id == 999  # not known: the API's id as is
    assert unknown_connector.energy_kwh is None and unknown_connector.id_tag is None


def test_row_from_the_real_api_model() -> None:
    body = (
        b'{"id": 77, "charger_id": 3, "charger_connector_id": 501, "id_tag": "04A1B2",'
        b' "meter_start": 12000, "meter_stop": 19000, "total_kwh": "7.00",'
        b' "started_at": "2026-07-01T08:00:00.000000Z", "stopped_at": "2026-07-01T09:00:00Z",'
        b' "stop_reason": "Remote", "is_valid": true, "new_field": 1}'
    )
    tx = decode.decode_object(body, Transaction)  # the app's decoding ("7.00" -> 7.0)
    row = ExportRow.from_transaction(tx, CHARGER)
    assert row.transaction_id == 77
    assert row.energy_kwh == 7.0
    assert row.meter_stop_wh == 19000
    assert row.duration_minutes == 60.0
    assert row.started_at == T0


def test_charger_info_from_the_real_api_model() -> None:
    body = (
        b'{"uuid": "u-1", "id": 3, "identity": "CP-0001", "reference": "Car park A",'
        b' "connectors": [{"id": 501, "connector_id": 1}, {"id": 502, "connector_id": 2}]}'
    )
    info = ChargerInfo.from_charger(msgspec.json.decode(body, type=Charger))
    assert info == ChargerInfo("u-1", "CP-0001", "Car park A", {501: 1, 502: 2})
    listed = msgspec.json.decode(b'{"uuid": "u-2", "id": 4}', type=Charger)
    assert ChargerInfo.from_charger(listed) == ChargerInfo("u-2")


def test_naive_times_are_taken_as_utc() -> None:
    row = ExportRow.from_transaction(Tx(1, started_at=T0.replace(tzinfo=None)), CHARGER)
    assert row.started_at == T0


# -- CSV -------------------------------------------------------------------------------------


def test_csv_round_trip(out: Path) -> None:
    target = out / "tx.csv"
    with CsvExportWriter(target) as writer:
        assert writer.write_transactions(_sample(), CHARGER) == 4
        assert writer.commit() == target
    rows = _read_csv(target)
    assert rows[0] == list(EXPORT_COLUMNS)
    assert rows[1] == [
        "1",
        CHARGER.uuid,
        "CP-0001",
        "Car park A",
        "1",
        "TAG-1",
        "2026-07-01T08:00:00+00:00",
        "2026-07-01T09:35:30+00:00",
        "95.5",
        "1000",
        "8000",
        "7.000",
        "EVDisconnected",
        "true",
        "finished",
    ]
    active = rows[2]
    assert active[EXPORT_COLUMNS.index("stopped_at")] == ""
    assert active[EXPORT_COLUMNS.index("duration_minutes")] == ""
    assert active[EXPORT_COLUMNS.index("energy_kwh")] == "12.346"
    assert active[EXPORT_COLUMNS.index("status")] == "active"
    assert rows[3][EXPORT_COLUMNS.index("energy_kwh")] == ""
    assert rows[3][EXPORT_COLUMNS.index("is_valid")] == "false"
    assert len(rows) == 5
    assert writer.rows_written == 4
    assert writer.total_kwh == round(7.0 + 12.346 + 7.0, 3)
    assert writer.total_minutes == 95.5 + 95.5 + 120.0
    assert _no_temp(out)


def test_csv_semicolon_keeps_dot_decimals(out: Path) -> None:
    target = out / "tx.csv"
    with CsvExportWriter(target, delimiter=";") as writer:
        writer.write_transactions([Tx(1, total_kwh=1.5)], CHARGER)
        writer.commit()
    assert target.read_bytes().decode("utf-8-sig").splitlines()[0] == HEADER.replace(",", ";")
    rows = _read_csv(target, ";")
    assert rows[1][EXPORT_COLUMNS.index("energy_kwh")] == "1.500"


def test_csv_bad_delimiter(out: Path) -> None:
    with pytest.raises(ValueError):
        CsvExportWriter(out / "x.csv", delimiter="\t")
    assert _no_temp(out)


def test_csv_to_a_text_stream_has_no_bom_by_default() -> None:
    stream = io.StringIO(newline="")
    writer = CsvExportWriter(stream)
    writer.write_transactions([Tx(1)], CHARGER)
    assert writer.commit() is None
    assert stream.getvalue().startswith(HEADER + "\r\n")


def test_csv_to_stdout_is_utf8_crlf_whatever_the_console(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="cp1252", newline=None)  # a Windows console
    monkeypatch.setattr("sys.stdout", console)
    writer = CsvExportWriter("-")
    writer.write_transactions([Tx(1, id_tag="Łódź-€")], CHARGER)
    writer.commit()
    console.write("still usable\n")
    console.flush()
    data = raw.getvalue()
    assert b"\r\r\n" not in data
    assert data.startswith(HEADER.encode() + b"\r\n")
    assert "Łódź-€".encode() in data


def _moments(zones: st.SearchStrategy[Any]) -> st.SearchStrategy[datetime]:
    return st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=zones)


@given(
    st.lists(
        st.builds(
            Tx,
            id=st.integers(0, 2**40) | st.none(),
            charger_connector_id=st.sampled_from([501, 7, None]),
            id_tag=st.text(max_size=12) | st.sampled_from(INJECTIONS) | st.none(),
            meter_start=st.integers(0, 10**9) | st.floats(0, 1e9, allow_nan=False) | st.none(),
            meter_stop=st.integers(0, 10**9) | st.none(),
            total_kwh=st.floats(-1e6, 1e6, allow_nan=False) | st.none(),
            started_at=_moments(st.sampled_from([UTC, timezone(timedelta(hours=3))]))
            | _moments(st.none())
            | st.none(),
            stopped_at=_moments(st.just(UTC)) | st.none(),
            stop_reason=st.sampled_from(["Local", "=cmd", None]),
            is_valid=st.booleans() | st.none(),
        ),
        max_size=8,
    ),
    st.sampled_from(["utc", "local", timezone(timedelta(hours=-5, minutes=-30))]),
)
@settings(max_examples=60, deadline=None)
def test_csv_fast_path_writes_the_same_as_rows(txs: list[Tx], tz: Any) -> None:
    fast, plain = io.StringIO(newline=""), io.StringIO(newline="")
    charger = replace(CHARGER, identity="-identity")
    one = CsvExportWriter(fast, tz=tz)
    one.write_transactions(txs, charger)
    two = CsvExportWriter(plain, tz=tz)
    two.write_rows(export_rows(txs, charger))
    assert fast.getvalue() == plain.getvalue()
    assert (one.rows_written, one.total_kwh, one.total_minutes) == (
        two.rows_written,
        two.total_kwh,
        two.total_minutes,
    )


def test_csv_local_time(out: Path, amsterdam: None) -> None:
    target = out / "tx.csv"
    with CsvExportWriter(target, tz="local") as writer:
        writer.write_transactions([Tx(1), Tx(2, started_at=T_WINTER, stopped_at=None)], CHARGER)
        writer.commit()
    rows = _read_csv(target)
    started = EXPORT_COLUMNS.index("started_at")
    assert rows[1][started] == "2026-07-01T10:00:00+02:00"
    assert rows[1][started + 1] == "2026-07-01T11:35:30+02:00"
    assert rows[2][started] == "2026-01-15T09:00:00+01:00"
    parsed = datetime.fromisoformat(rows[1][started])
    assert parsed == T0  # the same instant, only shown in local time


# -- formula injection ---------------------------------------------------------------------


def test_guard_formula() -> None:
    assert [guard_formula(s) for s in INJECTIONS] == ["'" + s for s in INJECTIONS]
    assert guard_formula("TAG-1") == "TAG-1"
    assert guard_formula("") == ""


def _injected() -> tuple[ChargerInfo, list[Tx]]:
    charger = ChargerInfo("=uuid", "+identity", "@reference")
    txs = [
        Tx(i, id_tag=tag, stop_reason="-Remote", meter_start=-5)
        for i, tag in enumerate(INJECTIONS, 1)
    ]
    return charger, txs


def test_csv_formula_injection_is_neutralised(out: Path) -> None:
    charger, txs = _injected()
    target = out / "tx.csv"
    with CsvExportWriter(target) as writer:
        writer.write_transactions(txs, charger)
        writer.write_rows(export_rows(txs[:1], charger))  # the row path too
        writer.commit()
    rows = _read_csv(target)[1:]
    tags = [row[EXPORT_COLUMNS.index("id_tag")] for row in rows]
    assert tags == ["'" + tag for tag in INJECTIONS] + ["'" + INJECTIONS[0]]
    for row in rows:
        assert row[1:4] == ["'=uuid", "'+identity", "'@reference"]
        assert row[EXPORT_COLUMNS.index("stop_reason")] == "'-Remote"
        assert row[EXPORT_COLUMNS.index("meter_start_wh")] == "-5"  # a number stays a number


def test_xlsx_text_is_never_a_formula_and_keeps_its_text(out: Path) -> None:
    """XLSX string cells cannot be formulas: the text is stored exactly, no apostrophe."""
    charger, txs = _injected()
    target = out / "tx.xlsx"
    with XlsxExportWriter(target) as writer:
        writer.write_transactions(txs, charger)
        writer.commit()
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    # XLSX stores a CR as the escape "_x000D_", which Excel decodes; openpyxl leaves it
    # encoded in the inline strings of constant-memory mode.
    tags = [
        str(sheet.cell(row=r, column=6).value).replace("_x000D_", "\r")
        for r in range(2, 2 + len(txs))
    ]
    assert tags == INJECTIONS
    for r in range(2, 2 + len(txs)):
        assert sheet.cell(row=r, column=6).data_type == "s"  # text, not a formula
        assert [sheet.cell(row=r, column=c).value for c in (2, 3, 4)] == [
            "=uuid",
            "+identity",
            "@reference",
        ]
        assert all(sheet.cell(row=r, column=c).data_type == "s" for c in (2, 3, 4, 13))
        assert sheet.cell(row=r, column=13).value == "-Remote"
        assert sheet.cell(row=r, column=10).value == -5


# -- XLSX ------------------------------------------------------------------------------------


def test_xlsx_round_trip(out: Path) -> None:
    target = out / "tx.xlsx"
    with XlsxExportWriter(target) as writer:
        writer.write_transactions(_sample(), CHARGER)
        assert writer.commit() == target
    book = openpyxl.load_workbook(target)
    sheet = book.active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == list(EXPORT_COLUMNS)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:O5"
    assert sheet.column_dimensions["B"].width > 30  # the uuid column is wide enough

    first = [c.value for c in sheet[2]]
    assert first[0] == 1 and isinstance(first[0], int)
    assert first[1:4] == [CHARGER.uuid, "CP-0001", "Car park A"]
    assert first[4] == 1
    assert first[6] == datetime(2026, 7, 1, 8, 0)  # a real datetime (UTC, naive in Excel)
    assert first[7] == datetime(2026, 7, 1, 9, 35, 30)
    assert first[8] == 95.5 and first[9] == 1000 and first[10] == 8000
    assert first[11] == 7.0
    assert first[12:] == ["EVDisconnected", True, "finished"]
    assert sheet["G2"].number_format == 'yyyy-mm-dd hh:mm:ss "+00:00"'
    assert sheet["L2"].number_format == "0.000"

    active = [c.value for c in sheet[3]]
    assert active[7] is None and active[8] is None  # empty cells
    assert active[11] == 12.346 and active[14] == "active"
    assert sheet["N4"].value is False

    # Totals after one blank row: formulas that follow the filter, values cached.
    assert all(c.value is None for c in sheet[6])
    assert sheet["A7"].value == "Total"
    assert sheet["B7"].value == "=SUBTOTAL(103,A2:A5)"
    assert sheet["L7"].value == "=SUBTOTAL(109,L2:L5)"
    values = openpyxl.load_workbook(target, data_only=True).active
    assert values is not None
    assert values["B7"].value == 4
    assert values["I7"].value == pytest.approx(95.5 + 95.5 + 120.0)
    assert values["L7"].value == pytest.approx(7.0 + 12.346 + 7.0)
    assert _no_temp(out)


def test_xlsx_empty_export_has_plain_zero_totals(out: Path) -> None:
    target = out / "empty.xlsx"
    with XlsxExportWriter(target) as writer:
        writer.commit()
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == list(EXPORT_COLUMNS)
    assert sheet["A3"].value == "Total"
    assert sheet["B3"].value == 0 and sheet["L3"].value == 0


def test_xlsx_local_time(out: Path, amsterdam: None) -> None:
    target = out / "tx.xlsx"
    with XlsxExportWriter(target, tz="local") as writer:
        writer.write_transactions([Tx(1), Tx(2, started_at=T_WINTER, stopped_at=None)], CHARGER)
        writer.commit()
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet["G2"].value == datetime(2026, 7, 1, 10, 0)
    assert sheet["G2"].number_format.endswith('"+02:00"')
    assert sheet["G3"].value == datetime(2026, 1, 15, 9, 0)
    assert sheet["G3"].number_format.endswith('"+01:00"')


def test_xlsx_cannot_go_to_stdout() -> None:
    with pytest.raises(ExportError):
        open_export_writer("-", format="xlsx")


def test_open_export_writer(out: Path) -> None:
    with open_export_writer(out / "a.xlsx", format="xlsx", tz="local") as writer:
        assert isinstance(writer, XlsxExportWriter)
    with open_export_writer(out / "a.csv", delimiter=";") as writer:
        assert isinstance(writer, CsvExportWriter)
    assert list(out.iterdir()) == []  # neither was committed


# -- atomicity -------------------------------------------------------------------------------


def _writer(target: Path, kind: str) -> CsvExportWriter | XlsxExportWriter:
    return open_export_writer(target, format="xlsx" if kind == "xlsx" else "csv")


def _failing(txs: list[Tx], after: int) -> Iterator[Tx]:
    for index, tx in enumerate(txs):
        if index == after:
            raise ConnectionError("the API went away")
        yield tx


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_failure_mid_export_leaves_no_file(out: Path, kind: str) -> None:
    target = out / f"tx.{kind}"
    with pytest.raises(ConnectionError), _writer(target, kind) as writer:
        writer.write_transactions(_failing(_sample() * 50, after=120), CHARGER)
        writer.commit()
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_failure_mid_export_keeps_an_existing_file(out: Path, kind: str) -> None:
    target = out / f"tx.{kind}"
    target.write_bytes(b"last month's good export")
    with pytest.raises(ConnectionError), _writer(target, kind) as writer:
        writer.write_transactions(_failing(_sample() * 50, after=120), CHARGER)
        writer.commit()
    assert target.read_bytes() == b"last month's good export"
    assert list(out.iterdir()) == [target]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_cancel_without_commit_leaves_no_file(out: Path, kind: str) -> None:
    target = out / f"tx.{kind}"
    cancelled = True
    with _writer(target, kind) as writer:
        for tx in _sample():
            writer.write_transactions([tx], CHARGER)
            if cancelled:
                break  # the user pressed Cancel: no commit()
    assert list(out.iterdir()) == []


def test_explicit_abort(out: Path) -> None:
    target = out / "tx.csv"
    target.write_bytes(b"keep me")
    writer = CsvExportWriter(target)
    writer.write_transactions(_sample(), CHARGER)
    writer.abort()
    writer.abort()  # twice is harmless
    assert target.read_bytes() == b"keep me"
    assert _no_temp(out)
    with pytest.raises(RuntimeError):
        writer.commit()


def test_xlsx_abort_removes_its_row_data_files(out: Path, tmp_path: Path) -> None:
    work = tmp_path / "xlsx-work"
    work.mkdir()
    writer = XlsxExportWriter(out / "tx.xlsx", tmpdir=work)
    writer.write_transactions(_sample() * 100, CHARGER)
    assert list(work.iterdir())  # constant-memory mode keeps rows in a temp file
    writer.abort()
    assert list(work.iterdir()) == []
    assert list(out.iterdir()) == []


def test_commit_twice_is_an_error(out: Path) -> None:
    writer = XlsxExportWriter(out / "tx.xlsx")
    writer.commit()
    with pytest.raises(RuntimeError):
        writer.commit()
    assert os.path.exists(out / "tx.xlsx")


def test_xlsx_refuses_more_rows_than_a_sheet_holds(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("plugdesk.domain.export.XLSX_MAX_DATA_ROWS", 3)
    with pytest.raises(ExportError, match="CSV"), XlsxExportWriter(out / "big.xlsx") as writer:
        writer.write_transactions(_sample(), CHARGER)
        writer.commit()
    assert list(out.iterdir()) == []
