"""Exports opened in a real spreadsheet engine never turn text into formulas (point 4).

LibreOffice Calc (headless) imports our CSV with its default settings and with "trim
spaces" on, and re-saves our XLSX; openpyxl then reads every cell back. No text cell of
any text column may be a formula, and the text must survive. CI installs LibreOffice
(`libreoffice-calc-nogui` in .ci/run); without it these tests fail, never skip."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from plugdesk.domain.export import (
    EXPORT_COLUMNS,
    ChargerInfo,
    CsvExportWriter,
    XlsxExportWriter,
    guard_formula,
)

pytestmark = pytest.mark.libreoffice

# Texts a hostile server could put in any text field; each became a live formula in Calc
# before the guard looked past the first character (or was never guarded at all).
HOSTILE_TEXTS = [
    "\x00=1+1",  # Calc drops the NUL, then sees =1+1 (default import settings)
    " =1+1",  # "trim spaces" on
    "  +1+1",
    "\x1f=1+1",
    "\u200b=1+1",  # zero-width space (a format character)
    "\ufeff@SUM(A1)",
    "\xa0=1+1",
    "\u3000=1+1",  # ideographic space
    "＝1+1",  # full-width forms: NFKC folds them to = + - @
    "＋1+1",
    "－1+1",
    "＠SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://x","y")',
    "+1",
    "-2",
    "@SUM(A1)",
]
# Text columns, 1-based as openpyxl counts them.
TEXT_COLUMNS = [
    EXPORT_COLUMNS.index(name) + 1
    for name in ("charger_uuid", "charger_identity", "charger_reference", "id_tag", "stop_reason")
]
DEFAULT_IMPORT = "CSV:44,34,76,1"
TRIM_SPACES_IMPORT = "CSV:44,34,76,1,,0,false,false,false,false,true"


@dataclass
class Tx:
    id: int
    id_tag: str
    stop_reason: str
    charger_connector_id: int | None = 1
    meter_start: float | None = 1000
    meter_stop: float | None = 2000
    total_kwh: float | None = 1.0
    started_at: datetime | None = datetime(2026, 1, 1, tzinfo=UTC)
    stopped_at: datetime | None = datetime(2026, 1, 1, 1, tzinfo=UTC)
    is_valid: bool | None = True


@pytest.fixture(scope="module")
def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.fail(
            "LibreOffice is not installed, and these tests need a real spreadsheet engine: "
            "apt-get install --no-install-recommends libreoffice-calc-nogui (.ci/run does)."
        )
    return path


def _convert(soffice: str, source: Path, out: Path, infilter: str | None = None) -> Path:
    out.mkdir()
    command = [
        soffice,
        f"-env:UserInstallation={(out / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]
    if infilter:
        command[3:3] = [f"--infilter={infilter}"]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    result = out / (source.stem + ".xlsx")
    assert result.exists(), f"LibreOffice did not convert {source}"
    return result


def _write(writer: CsvExportWriter | XlsxExportWriter) -> None:
    for n, text in enumerate(HOSTILE_TEXTS, 1):
        charger = ChargerInfo(text, text, text)
        writer.write_transactions([Tx(n, id_tag=text, stop_reason=text)], charger)
    writer.commit()


def _text_cells(book: Path) -> list[tuple[str, object, str]]:
    """(original text, cell value, cell type) for every text cell of every data row."""
    sheet = openpyxl.load_workbook(book).active
    assert sheet is not None
    cells = []
    for row, text in enumerate(HOSTILE_TEXTS, 2):
        for column in TEXT_COLUMNS:
            cell = sheet.cell(row=row, column=column)
            cells.append((text, cell.value, cell.data_type))
    return cells


def _survived(original: str, value: object, *, trimmed: bool) -> bool:
    """The text is all there. Calc cannot hold a NUL (it drops it, or keeps the XLSX
    escape `_x0000_` as text), turns a CR inside a cell into LF, trims when asked; our
    `'` in CSV is kept as text."""
    assert isinstance(value, str), value
    # XLSX escapes control characters as _xHHHH_; openpyxl leaves some of them encoded.
    seen = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)
    seen = seen[1:] if seen.startswith("'") and not original.startswith("'") else seen
    seen = seen.replace("_x0000_", "").replace("\x00", "").replace("\r", "\n")
    expected = original.replace("\x00", "").replace("\r", "\n")
    if trimmed:
        return seen.strip(" ") == expected.strip(" ")
    return seen == expected


@pytest.mark.parametrize("infilter", [DEFAULT_IMPORT, TRIM_SPACES_IMPORT])
def test_csv_opened_in_calc_has_no_formulas(soffice: str, tmp_path: Path, infilter: str) -> None:
    csv_path = tmp_path / "export.csv"
    with CsvExportWriter(csv_path) as writer:
        _write(writer)
    book = _convert(soffice, csv_path, tmp_path / "out", infilter)
    cells = _text_cells(book)
    formulas = [(text, value) for text, value, kind in cells if kind == "f"]
    assert formulas == []
    lost = [
        (text, value)
        for text, value, _ in cells
        if not _survived(text, value, trimmed=infilter == TRIM_SPACES_IMPORT)
    ]
    assert lost == []


def test_xlsx_resaved_by_calc_keeps_text_as_text(soffice: str, tmp_path: Path) -> None:
    xlsx_path = tmp_path / "export.xlsx"
    with XlsxExportWriter(xlsx_path) as writer:
        _write(writer)
    for book in (xlsx_path, _convert(soffice, xlsx_path, tmp_path / "out")):
        cells = _text_cells(book)
        assert [(text, value) for text, value, kind in cells if kind != "s"] == []
        # No apostrophe: a string cell can never be a formula, so the text stays exact.
        assert [(t, v) for t, v, _ in cells if not _survived(t, v, trimmed=False)] == []
        assert all(not str(v).startswith("'") for _, v, _ in cells)


def test_guard_leaves_ordinary_text_alone() -> None:
    for text in ("CP-0001", "Garage 2", "0012AB", "ÉCOLE", "a=b", "1-2", "'quoted", ""):
        assert guard_formula(text) == text
    assert all(guard_formula(text).startswith("'") for text in HOSTILE_TEXTS)
