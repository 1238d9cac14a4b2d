"""Transaction export for billing: streaming CSV and XLSX writers.

One row per transaction, columns in `EXPORT_COLUMNS` order. Decisions, so every reader of
an export knows what a cell means:

- `status` is "active" (no `stopped_at`) or "finished".
- `energy_kwh` is `total_kwh` rounded to 3 decimals; `duration_minutes` is
  (stopped_at - started_at) in minutes rounded to 1 decimal, for finished transactions only.
- `connector_id` is the OCPP connector number (1, 2, ...) when the charger's connectors are
  known (`ChargerInfo.connector_numbers`, from `Connector.id` -> `Connector.connector_id`);
  otherwise the API's `charger_connector_id` as returned.
- Null or missing values are empty cells.
- Times: CSV cells are ISO 8601 to the second with their UTC offset
  (`2026-05-09T10:11:12+00:00`), in UTC by default or local time by option. Excel cannot
  store a zone in a datetime, so XLSX cells are real datetimes in the chosen zone whose
  number format displays the offset (`2026-05-09 12:11:12 +02:00`): the header stays exactly
  `started_at`, and every cell still says which zone it is in.
- `is_valid` is `true`/`false` in CSV and a real boolean in XLSX.
- CSV: UTF-8 with BOM (for files; none for streams unless asked), CRLF line ends, dot
  decimals whatever the delimiter (`,` or `;`).
- XLSX: numbers as numbers, datetimes as datetimes, frozen header, column widths,
  autofilter over the data, and after one blank row a totals row: count of transactions,
  minutes and kWh as SUBTOTAL formulas (they follow the autofilter) with their values cached
  so readers that do not recalculate still see the figures.
- Formula injection (CSV): a text cell that a spreadsheet could read as a formula gets a
  leading `'`: one that starts with tab or CR, or that starts with `=`, `+`, `-` or `@`
  once its leading whitespace, control and format characters are skipped and full-width
  forms folded (NFKC: `＝` is `=`). Checked in a real LibreOffice (tests/hostile). XLSX
  cells are written with `write_string`, which can never be a formula: no apostrophe
  there, the text stays exactly as it came. Numbers stay numbers.
- Impossible numbers: an energy beyond ±1,000,000 kWh or a meter reading beyond
  ±10^12 Wh (a hostile or broken server) is left blank, and the writer's `warnings`
  names the charger, so a billing export never carries -1e300 kWh.
- Files are written to a temporary file beside the target and renamed into place by
  `commit()`; `abort()`, an exception inside `with`, or leaving `with` without `commit()`
  removes the temporary file, so a failed or cancelled export leaves no partial file and
  an existing file is untouched. Writing to a stream (stdout) cannot be undone.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import string
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import IO, Any, Final, Literal, NamedTuple, Protocol, TextIO, cast

from plugdesk.domain.atomic import AtomicFile
from plugdesk.domain.errors import DomainError

EXPORT_COLUMNS: Final[tuple[str, ...]] = (
    "transaction_id",
    "charger_uuid",
    "charger_identity",
    "charger_reference",
    "connector_id",
    "id_tag",
    "started_at",
    "stopped_at",
    "duration_minutes",
    "meter_start_wh",
    "meter_stop_wh",
    "energy_kwh",
    "stop_reason",
    "is_valid",
    "status",
)

TzOption = Literal["utc", "local"] | tzinfo
XLSX_MAX_DATA_ROWS: Final = 1_048_576 - 3  # header, blank line and totals row

# What makes a spreadsheet read a text cell as a formula (OWASP CSV injection): these
# first characters, after skipping leading whitespace and control characters.
_FORMULA_STARTS: Final = frozenset("=+-@")
_ALWAYS_GUARDED: Final = frozenset("\t\r")  # OWASP: a leading tab or CR, as such
# First characters that can never begin a formula, however the cell is trimmed: the
# common case (UUIDs, identities, tags) skips the Unicode work.
_SAFE_FIRST: Final = frozenset(string.ascii_letters + string.digits + "_./:#")
_SKIPPED_CATEGORIES: Final = ("C", "Z")  # control, format, unassigned...; separators
# Beyond these a number is not a reading but garbage (largest real session: ~1,000 kWh).
MAX_PLAUSIBLE_KWH: Final = 1_000_000.0
MAX_PLAUSIBLE_WH: Final = 1e12


class ExportError(DomainError):
    """An export that cannot go on; the message is a sentence for the user."""


# -- input shapes ------------------------------------------------------------------------


class TransactionLike(Protocol):
    """What the writers read from a transaction (`plugdesk.api.models.Transaction`)."""

    @property
    def id(self) -> int | None: ...
    @property
    def charger_connector_id(self) -> int | None: ...
    @property
    def id_tag(self) -> str | None: ...
    @property
    def meter_start(self) -> float | None: ...
    @property
    def meter_stop(self) -> float | None: ...
    @property
    def total_kwh(self) -> float | None: ...
    @property
    def started_at(self) -> datetime | None: ...
    @property
    def stopped_at(self) -> datetime | None: ...
    @property
    def stop_reason(self) -> str | None: ...
    @property
    def is_valid(self) -> bool | None: ...


@dataclass(frozen=True, slots=True)
class ChargerInfo:
    """The charger columns of every row of its transactions."""

    uuid: str | None
    identity: str | None = None
    reference: str | None = None
    # Connector.id (the API's charger_connector_id) -> Connector.connector_id (OCPP number)
    connector_numbers: Mapping[int, int] = field(default_factory=dict)

    @classmethod
    def from_charger(cls, charger: Any) -> ChargerInfo:
        """From a `plugdesk.api.models.Charger` (or anything shaped like it)."""
        numbers: dict[int, int] = {}
        for connector in getattr(charger, "connectors", None) or ():
            if connector.id is not None and connector.connector_id is not None:
                numbers[connector.id] = connector.connector_id
        return cls(charger.uuid, charger.identity, charger.reference, numbers)


class ExportRow(NamedTuple):
    """One transaction as typed cells, in `EXPORT_COLUMNS` order (None = empty cell).

    Datetimes are timezone-aware (`from_transaction` takes naive ones as UTC); the writers
    convert them to the export's zone."""

    transaction_id: int | None
    charger_uuid: str | None
    charger_identity: str | None
    charger_reference: str | None
    connector_id: int | None
    id_tag: str | None
    started_at: datetime | None
    stopped_at: datetime | None
    duration_minutes: float | None
    meter_start_wh: int | float | None
    meter_stop_wh: int | float | None
    energy_kwh: float | None
    stop_reason: str | None
    is_valid: bool | None
    status: str

    @classmethod
    def from_transaction(cls, tx: TransactionLike, charger: ChargerInfo) -> ExportRow:
        started, stopped = _aware(tx.started_at), _aware(tx.stopped_at)
        duration = None
        if started is not None and stopped is not None:
            duration = round((stopped - started).total_seconds() / 60.0, 1)
        connector = tx.charger_connector_id
        if connector is not None:
            connector = charger.connector_numbers.get(connector, connector)
        return cls(
            tx.id,
            charger.uuid,
            charger.identity,
            charger.reference,
            connector,
            tx.id_tag,
            started,
            stopped,
            duration,
            _wh(tx.meter_start),
            _wh(tx.meter_stop),
            _kwh(tx.total_kwh),
            tx.stop_reason,
            tx.is_valid,
            "active" if stopped is None else "finished",
        )


def export_rows(
    transactions: Iterable[TransactionLike], charger: ChargerInfo
) -> Iterable[ExportRow]:
    """Rows for one charger's transactions, lazily (streaming)."""
    make = ExportRow.from_transaction
    return (make(tx, charger) for tx in transactions)


def _aware(moment: datetime | None) -> datetime | None:
    # The API speaks UTC; a naive datetime can only mean UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _wh(value: float | None) -> int | float | None:
    """Meter readings are whole Wh; a model that decodes them as float (1234.0) must not
    export "1234.0". A real fraction is kept. Impossible readings are None (blank)."""
    if value is None:
        return None
    if not -MAX_PLAUSIBLE_WH <= value <= MAX_PLAUSIBLE_WH:  # also NaN; a 309-digit int
        return None
    if type(value) is int:
        return value
    return int(value) if value.is_integer() else value


def _kwh(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)  # a number, or a numeric string / Decimal from the API
    except OverflowError:
        return None
    if not -MAX_PLAUSIBLE_KWH <= number <= MAX_PLAUSIBLE_KWH:  # also NaN and infinities
        return None
    return round(number, 3)


def implausible_numbers(tx: TransactionLike) -> bool:
    """The transaction carries an energy or meter value the export leaves blank."""
    return (
        (tx.total_kwh is not None and tx.total_kwh != "" and _kwh(tx.total_kwh) is None)
        or (tx.meter_start is not None and _wh(tx.meter_start) is None)
        or (tx.meter_stop is not None and _wh(tx.meter_stop) is None)
    )


def guard_formula(text: str) -> str:
    """Neutralise spreadsheet formula injection: prefix risky text with `'`."""
    if not text or text[0] in _SAFE_FIRST:
        return text
    return "'" + text if _formula_like(text) else text


def _formula_like(text: str) -> bool:
    """Could a spreadsheet take `text` as a formula once it trims whitespace and control
    characters and folds full-width forms? (LibreOffice drops a leading NUL; "trim
    spaces" drops blanks; `＝` is `=` after NFKC.)"""
    if text[0] in _ALWAYS_GUARDED:
        return True
    for char in unicodedata.normalize("NFKC", text[:256]):
        if char.isspace() or unicodedata.category(char)[0] in _SKIPPED_CATEGORIES:
            continue
        return char in _FORMULA_STARTS
    return False


def resolve_tz(tz: TzOption) -> tzinfo | None:
    """Map the option to a zone: "utc" -> UTC, "local" -> None (the system zone, per date,
    DST included), a tzinfo as given."""
    if tz == "utc":
        return UTC
    if tz == "local":
        return None
    if isinstance(tz, tzinfo):
        return tz
    raise ValueError(f"time zone must be 'utc' or 'local', not {tz!r}")


class _GuardCache(dict[str | None, str | None]):
    """Guarded text for the few distinct values of a column (stop reasons)."""

    def __missing__(self, key: str | None) -> str | None:
        value = None if key is None else guard_formula(key)
        self[key] = value
        return value


class _Totals:
    """Running totals kept by both writers (for the summary and the XLSX totals row)."""

    __slots__ = ("kwh", "minutes", "rows")

    def __init__(self) -> None:
        self.rows = 0
        self.kwh = 0.0
        self.minutes = 0.0

    def add(self, row: ExportRow) -> None:
        self.rows += 1
        if row.energy_kwh is not None:
            self.kwh += row.energy_kwh
        if row.duration_minutes is not None:
            self.minutes += row.duration_minutes


class _ExportWriter:
    """Shared life cycle: streaming writes, then exactly one of commit() / abort()."""

    def __init__(self) -> None:
        self._totals = _Totals()
        self._finished = False
        self._implausible: dict[str, int] = {}  # charger name -> rows with blanked numbers

    @property
    def warnings(self) -> list[str]:
        """Sentences about what the export left out (impossible numbers), per charger."""
        return [
            f"Charger {name}: {count} transaction{'s' if count != 1 else ''} had an "
            "impossible energy or meter reading from the API; those cells are left blank."
            for name, count in self._implausible.items()
        ]

    def _note_implausible(self, tx: TransactionLike, charger: ChargerInfo) -> None:
        if implausible_numbers(tx):
            name = charger.identity or charger.reference or charger.uuid or "(unnamed)"
            self._implausible[name] = self._implausible.get(name, 0) + 1

    @property
    def rows_written(self) -> int:
        return self._totals.rows

    @property
    def total_kwh(self) -> float:
        return round(self._totals.kwh, 3)

    @property
    def total_minutes(self) -> float:
        return round(self._totals.minutes, 1)

    def write_rows(self, rows: Iterable[ExportRow]) -> int:
        """Write rows as they come; returns how many were written by this call."""
        before = self._totals.rows
        for row in rows:
            self.write_row(row)
        return self._totals.rows - before

    def write_transactions(
        self, transactions: Iterable[TransactionLike], charger: ChargerInfo
    ) -> int:
        """Write one charger's transactions; returns how many were written."""
        return self.write_rows(export_rows(self._noting(transactions, charger), charger))

    def _noting(
        self, transactions: Iterable[TransactionLike], charger: ChargerInfo
    ) -> Iterable[TransactionLike]:
        for tx in transactions:
            self._note_implausible(tx, charger)
            yield tx

    def write_row(self, row: ExportRow) -> None:
        raise NotImplementedError

    def commit(self) -> Path | None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def _check_open(self) -> None:
        if self._finished:
            raise RuntimeError("this export is already committed or aborted")

    def __enter__(self) -> _ExportWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Without an explicit commit() nothing is published: an early `break` on cancel
        # must not leave a partial export behind.
        if not self._finished:
            self.abort()


# -- CSV -------------------------------------------------------------------------------------


class CsvExportWriter(_ExportWriter):
    """Streaming CSV export to a file (atomic) or a text stream (`"-"` = stdout)."""

    def __init__(
        self,
        target: str | os.PathLike[str] | TextIO,
        *,
        delimiter: str = ",",
        bom: bool | None = None,
        tz: TzOption = "utc",
    ) -> None:
        super().__init__()
        if delimiter not in (",", ";"):
            raise ValueError(f"the CSV delimiter must be ',' or ';', not {delimiter!r}")
        self._zone = resolve_tz(tz)
        self._atomic: AtomicFile | None = None
        self._detach: io.TextIOWrapper | None = None
        stream, is_file = self._open(target)
        self.path = self._atomic.target if self._atomic else None
        self._stream = stream
        self._writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
        try:
            if bom if bom is not None else is_file:
                stream.write("\ufeff")
            self._writer.writerow(EXPORT_COLUMNS)
        except BaseException:
            self.abort()
            raise

    def _open(self, target: str | os.PathLike[str] | TextIO) -> tuple[TextIO, bool]:
        if target == "-":
            target = sys.stdout
        if isinstance(target, str | os.PathLike):
            self._atomic = AtomicFile(target)
            try:
                stream = cast(TextIO, self._atomic.open("w", encoding="utf-8", newline=""))
                return stream, True
            except BaseException:
                self._atomic.abort()
                raise
        buffer = getattr(target, "buffer", None)
        if buffer is not None:
            # A console stream: write UTF-8 and our own CRLF to its bytes, not through its
            # locale encoding and newline translation (which would make CR CR LF).
            target.flush()
            self._detach = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
            return self._detach, False
        return target, False

    def write_row(self, row: ExportRow) -> None:
        self._writer.writerow(self._cells(row))
        self._totals.add(row)

    def write_transactions(
        self, transactions: Iterable[TransactionLike], charger: ChargerInfo
    ) -> int:
        """Write one charger's transactions; returns how many were written.

        The fast path for big exports: the same cells as `ExportRow.from_transaction` +
        `write_row` (a test holds them equal), without building a row object per
        transaction, and with the charger's cells prepared once.
        """
        uuid, identity, reference = (
            None if text is None else guard_formula(text)
            for text in (charger.uuid, charger.identity, charger.reference)
        )
        numbers, zone, guard, safe = (
            charger.connector_numbers,
            self._zone,
            guard_formula,
            _SAFE_FIRST,
        )
        writerow, reasons = self._writer.writerow, _GuardCache()
        count, kwh_sum, minutes_sum = 0, 0.0, 0.0
        for tx in transactions:
            started, stopped = tx.started_at, tx.stopped_at
            minutes = kwh = None
            if started is not None:
                if started.tzinfo is None:
                    started = started.replace(tzinfo=UTC)
                if stopped is not None:
                    if stopped.tzinfo is None:
                        stopped = stopped.replace(tzinfo=UTC)
                    minutes = round((stopped - started).total_seconds() / 60.0, 1)
                    minutes_sum += minutes
                started_text = started.astimezone(zone).isoformat("T", "seconds")
            else:
                started_text = None
                if stopped is not None and stopped.tzinfo is None:
                    stopped = stopped.replace(tzinfo=UTC)
            raw_kwh, raw_start, raw_stop = tx.total_kwh, tx.meter_start, tx.meter_stop
            if raw_kwh is not None:
                kwh = _kwh(raw_kwh)
                if kwh is not None:
                    kwh_sum += kwh
            m_start, m_stop = _wh(raw_start), _wh(raw_stop)
            if (
                (kwh is None and raw_kwh is not None and raw_kwh != "")
                or (m_start is None and raw_start is not None)
                or (m_stop is None and raw_stop is not None)
            ):
                self._note_implausible(tx, charger)
            connector = tx.charger_connector_id
            id_tag = tx.id_tag
            valid = tx.is_valid
            writerow(
                (
                    tx.id,
                    uuid,
                    identity,
                    reference,
                    None if connector is None else numbers.get(connector, connector),
                    id_tag if not id_tag or id_tag[0] in safe else guard(id_tag),
                    started_text,
                    None if stopped is None else stopped.astimezone(zone).isoformat("T", "seconds"),
                    None if minutes is None else f"{minutes:.1f}",
                    m_start,
                    m_stop,
                    None if kwh is None else f"{kwh:.3f}",
                    reasons[tx.stop_reason],
                    None if valid is None else ("true" if valid else "false"),
                    "active" if stopped is None else "finished",
                )
            )
            count += 1
        self._totals.rows += count
        self._totals.kwh += kwh_sum
        self._totals.minutes += minutes_sum
        return count

    def _cells(self, row: ExportRow) -> list[Any]:
        # Hot path (100,000s of rows): plain branches, no per-cell function dispatch.
        (
            tid,
            uuid,
            identity,
            reference,
            connector,
            id_tag,
            started,
            stopped,
            minutes,
            m_start,
            m_stop,
            kwh,
            reason,
            valid,
            status,
        ) = row
        zone = self._zone
        guard = guard_formula
        return [
            tid,
            None if uuid is None else guard(uuid),
            None if identity is None else guard(identity),
            None if reference is None else guard(reference),
            connector,
            None if id_tag is None else guard(id_tag),
            None if started is None else started.astimezone(zone).isoformat("T", "seconds"),
            None if stopped is None else stopped.astimezone(zone).isoformat("T", "seconds"),
            None if minutes is None else f"{minutes:.1f}",
            m_start,
            m_stop,
            None if kwh is None else f"{kwh:.3f}",
            None if reason is None else guard(reason),
            None if valid is None else ("true" if valid else "false"),
            guard(status),
        ]

    def commit(self) -> Path | None:
        """Publish the file (or flush the stream); returns the file's path, if any."""
        self._check_open()
        self._finished = True
        if self._atomic is None:
            self._release_stream()
            return None
        return self._atomic.commit()

    def abort(self) -> None:
        """Discard the temporary file; an existing target stays as it was."""
        self._finished = True
        if self._atomic is not None:
            self._atomic.abort()
        else:
            self._release_stream()

    def _release_stream(self) -> None:
        self._stream.flush()
        if self._detach is not None:
            self._detach.detach()  # give the console's buffer back; do not close it
            self._detach = None

    def __enter__(self) -> CsvExportWriter:
        return self


# -- XLSX ------------------------------------------------------------------------------------

_WIDTHS: Final[dict[str, float]] = {
    "transaction_id": 14,
    "charger_uuid": 38,
    "charger_identity": 20,
    "charger_reference": 20,
    "connector_id": 12,
    "id_tag": 20,
    "started_at": 27,
    "stopped_at": 27,
    "duration_minutes": 17,
    "meter_start_wh": 15,
    "meter_stop_wh": 15,
    "energy_kwh": 12,
    "stop_reason": 16,
    "is_valid": 9,
    "status": 10,
}
_COL: Final = {name: index for index, name in enumerate(EXPORT_COLUMNS)}


class XlsxExportWriter(_ExportWriter):
    """Streaming XLSX export (xlsxwriter constant-memory mode), published atomically."""

    def __init__(
        self,
        target: str | os.PathLike[str],
        *,
        tz: TzOption = "utc",
        sheet_name: str = "Transactions",
        tmpdir: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__()
        self._zone = resolve_tz(tz)
        self._atomic = AtomicFile(target)
        self.path = self._atomic.target
        self._row = 1
        self._date_formats: dict[timedelta | None, Any] = {}
        import xlsxwriter  # lazy: a large import that CSV exports and start-up never need

        try:
            self._book = xlsxwriter.Workbook(
                str(self._atomic.temp_path),
                {
                    "constant_memory": True,
                    # Text is always text: never turned into formulas, numbers or links.
                    "strings_to_formulas": False,
                    "strings_to_numbers": False,
                    "strings_to_urls": False,
                    "tmpdir": str(tmpdir) if tmpdir is not None else None,
                },
            )
            self._sheet = self._book.add_worksheet(sheet_name)
            self._formats()
            self._header()
        except BaseException:
            self.abort()
            raise

    def _formats(self) -> None:
        add = self._book.add_format
        self._bold = add({"bold": True})
        self._fmt_kwh = add({"num_format": "0.000"})
        self._fmt_minutes = add({"num_format": "0.0"})
        self._fmt_total_kwh = add({"num_format": "0.000", "bold": True, "top": 1})
        self._fmt_total_minutes = add({"num_format": "0.0", "bold": True, "top": 1})
        self._fmt_total_count = add({"num_format": '0 "transactions"', "bold": True, "top": 1})
        self._fmt_total_label = add({"bold": True, "top": 1})

    def _header(self) -> None:
        sheet = self._sheet
        for name, index in _COL.items():
            fmt = {"energy_kwh": self._fmt_kwh, "duration_minutes": self._fmt_minutes}.get(name)
            sheet.set_column(index, index, _WIDTHS[name], fmt)
        sheet.freeze_panes(1, 0)
        sheet.write_row(0, 0, EXPORT_COLUMNS, self._bold)

    def _write_time(self, row: int, col: int, moment: datetime) -> None:
        """A real datetime in the export's zone; its number format shows the offset."""
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        local = moment.astimezone(self._zone)
        fmt = self._date_format(local.utcoffset())
        self._sheet.write_datetime(row, col, local.replace(tzinfo=None), fmt)

    def _date_format(self, offset: timedelta | None) -> Any:
        """A number format that shows the zone offset after the time (cached per offset)."""
        fmt = self._date_formats.get(offset)
        if fmt is None:
            fmt = self._book.add_format({"num_format": f'yyyy-mm-dd hh:mm:ss "{_offset(offset)}"'})
            self._date_formats[offset] = fmt
        return fmt

    def write_row(self, row: ExportRow) -> None:
        if self._row > XLSX_MAX_DATA_ROWS:
            raise ExportError(
                f"An XLSX sheet holds at most {XLSX_MAX_DATA_ROWS:,} transactions; "
                "export to CSV instead or choose a shorter period."
            )
        (
            tid,
            uuid,
            identity,
            reference,
            connector,
            id_tag,
            started,
            stopped,
            minutes,
            m_start,
            m_stop,
            kwh,
            reason,
            valid,
            status,
        ) = row
        r, sheet = self._row, self._sheet
        # Hot path: one explicit call per column, no per-cell type dispatch. Text goes
        # through write_string: a string cell is never a formula, so it needs no guard
        # and keeps its text exactly. Column numbers follow EXPORT_COLUMNS.
        number, text = sheet.write_number, sheet.write_string
        if tid is not None:
            number(r, 0, tid)
        for col, value in ((1, uuid), (2, identity), (3, reference), (5, id_tag), (12, reason)):
            if value is not None:
                text(r, col, value)
        if connector is not None:
            number(r, 4, connector)
        if started is not None:
            self._write_time(r, 6, started)
        if stopped is not None:
            self._write_time(r, 7, stopped)
        if minutes is not None:
            number(r, 8, minutes)
        if m_start is not None:
            number(r, 9, m_start)
        if m_stop is not None:
            number(r, 10, m_stop)
        if kwh is not None:
            number(r, 11, kwh)
        if valid is not None:
            sheet.write_boolean(r, 13, valid)
        text(r, 14, status)
        self._row += 1
        self._totals.add(row)

    def _totals_row(self) -> None:
        from xlsxwriter.utility import xl_col_to_name  # loaded with the Workbook already

        sheet, rows = self._sheet, self._totals.rows
        last = self._row  # the blank row; data is rows 2..last in Excel's 1-based terms
        total_row = self._row + 1
        sheet.write_string(total_row, 0, "Total", self._fmt_total_label)
        cells = (
            ("charger_uuid", "transaction_id", 103, rows, self._fmt_total_count),
            (
                "duration_minutes",
                "duration_minutes",
                109,
                self.total_minutes,
                self._fmt_total_minutes,
            ),
            ("energy_kwh", "energy_kwh", 109, self.total_kwh, self._fmt_total_kwh),
        )
        for target, source, function, value, fmt in cells:
            if rows == 0:  # SUBTOTAL over an empty range would wrap onto the header
                sheet.write_number(total_row, _COL[target], value, fmt)
                continue
            column = xl_col_to_name(_COL[source])
            formula = f"=SUBTOTAL({function},{column}2:{column}{last})"
            sheet.write_formula(total_row, _COL[target], formula, fmt, value)
        if rows:
            sheet.autofilter(0, 0, rows, len(EXPORT_COLUMNS) - 1)

    def commit(self) -> Path:
        """Write the totals, close the workbook into the temp file and publish it."""
        from xlsxwriter.exceptions import FileCreateError  # loaded with the Workbook

        self._check_open()
        try:
            self._totals_row()
            self._book.close()
        except FileCreateError as error:
            # xlsxwriter wraps the OSError of a full disk or a refused write: unwrap it,
            # so it is said like any other file error instead of reported as a bug.
            self.abort()
            cause = error.args[0] if error.args else None
            if isinstance(cause, OSError):
                _close_zip_left_open(cause)
                raise cause from None
            raise OSError(str(error)) from None
        except BaseException:
            self.abort()
            raise
        self._finished = True
        return self._atomic.commit()

    def abort(self) -> None:
        """Discard everything written so far, including xlsxwriter's own row files."""
        self._finished = True
        book = getattr(self, "_book", None)
        if book is not None and not book.fileclosed:
            for sheet in book.worksheets():
                _drop_row_data(sheet)
            book.fileclosed = True  # nothing to write: we are throwing it away
        self._atomic.abort()

    def __enter__(self) -> XlsxExportWriter:
        return self


def _close_zip_left_open(error: BaseException) -> None:
    """xlsxwriter leaves its ZipFile open when a write fails (a full disk); the garbage
    collector would close it later, fail again and print a traceback to stderr
    ("Exception ignored in ZipFile.__del__"). Close it now, quietly: the file is being
    thrown away anyway."""
    import zipfile

    trace = error.__traceback__
    while trace is not None:
        for value in list(trace.tb_frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile):
                with contextlib.suppress(Exception):
                    value.close()
        trace = trace.tb_next


def _drop_row_data(sheet: Any) -> None:
    """Close and delete the temp file constant-memory mode keeps the rows in."""
    handle: IO[str] | None = getattr(sheet, "row_data_fh", None)
    if handle is not None and not handle.closed:
        handle.close()
    name = getattr(sheet, "row_data_filename", None)
    if name:
        with contextlib.suppress(OSError):
            os.unlink(name)


def _offset(offset: timedelta | None) -> str:
    """timedelta(hours=2) -> "+02:00" (ISO 8601 offset)."""
    seconds = int((offset or timedelta()).total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    return f"{sign}{hours:02d}:{rest // 60:02d}"


def open_export_writer(
    target: str | os.PathLike[str] | TextIO,
    *,
    format: Literal["csv", "xlsx"] = "csv",  # the user-facing option's name
    tz: TzOption = "utc",
    delimiter: str = ",",
) -> CsvExportWriter | XlsxExportWriter:
    """The writer for a format; XLSX needs a file (it cannot stream to stdout)."""
    if format == "xlsx":
        if not isinstance(target, str | os.PathLike) or target == "-":
            raise ExportError("XLSX cannot be written to standard output; give a file name.")
        return XlsxExportWriter(target, tz=tz)
    if format == "csv":
        return CsvExportWriter(target, delimiter=delimiter, tz=tz)
    raise ValueError(f"export format must be 'csv' or 'xlsx', not {format!r}")
