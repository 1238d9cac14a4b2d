"""Impossible dates and numbers from a hostile server (points 6 and 9 of the issue).

Timestamps at year 1 or 9999 become "unknown" and the charger is still there (before, the
local-time conversion raised OverflowError in status, export and the fleet table); an
energy of -1e300 kWh or a 309-digit meter reading is exported blank, with a warning that
names the charger. Everything goes over the wire from tests/hostile/server.py."""

from __future__ import annotations

import asyncio
import csv
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from plugdesk.api.client import PlugchoiceClient
from plugdesk.domain.export import (
    EXPORT_COLUMNS,
    ChargerInfo,
    CsvExportWriter,
    XlsxExportWriter,
)
from plugdesk.domain.export_run import ExportFilters, ExportScope, export_transactions
from plugdesk.domain.health import fleet_health
from tests.hostile.server import HostileServer, charger, json_reply, page
from tests.hostile.test_spreadsheet_formulas import Tx

IMPOSSIBLE = [
    "0001-01-01T00:00:00.000000Z",
    "0001-01-01T00:00:00-05:00",
    "9999-12-31T23:59:59.999999Z",
    "9999-12-31T23:59:59+14:00",
]
NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)
# The zones where converting year 1 or 9999 overflows.
ZONES = [timezone(timedelta(hours=-12)), timezone(timedelta(hours=14))]


def _client(server: HostileServer) -> PlugchoiceClient:
    return PlugchoiceClient(server.base_url, "token-1234567890")


def _transaction(n: int, **fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": n,
        "charger_id": 1,
        "started_at": "2026-04-01T10:00:00.000000Z",
        "stopped_at": "2026-04-01T11:00:00.000000Z",
        "meter_start": 1000,
        "meter_stop": 8000,
        "total_kwh": "7.00",
    }
    doc.update(fields)
    return doc


def _serve_impossible_dates(server: HostileServer) -> None:
    chargers = [
        charger(n, last_heartbeat_at=moment, last_connection_at=moment, created_at=moment)
        for n, moment in enumerate(IMPOSSIBLE, 1)
    ]
    server.route("chargers", json_reply(page(chargers, None)))
    for item in chargers:
        transactions = [
            _transaction(10 + i, started_at=moment, stopped_at=IMPOSSIBLE[-1 - i])
            for i, moment in enumerate(IMPOSSIBLE)
        ]
        server.route(f"chargers/{item['uuid']}/transactions", json_reply(page(transactions, None)))
        server.route(f"chargers/{item['uuid']}", json_reply({"data": item}))


def test_impossible_dates_are_unknown_and_the_chargers_stay(hostile: HostileServer) -> None:
    _serve_impossible_dates(hostile)

    async def go() -> Any:
        async with _client(hostile) as client:
            return await client.list_chargers()

    chargers = asyncio.run(go())
    assert len(chargers) == len(IMPOSSIBLE)
    for item in chargers:
        assert item.last_heartbeat_at is None and item.created_at is None
    for zone in ZONES:  # what the fleet table and status do with these chargers
        verdicts = fleet_health(chargers, NOW.astimezone(zone))
        assert len(verdicts) == len(IMPOSSIBLE)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("zone", ZONES, ids=["-12", "+14"])
def test_export_with_impossible_dates_writes_every_row(
    hostile: HostileServer, tmp_path: Path, kind: str, zone: timezone
) -> None:
    _serve_impossible_dates(hostile)
    target = tmp_path / f"out.{kind}"
    writer = (CsvExportWriter if kind == "csv" else XlsxExportWriter)(target, tz=zone)

    async def go() -> Any:
        async with _client(hostile) as client:
            return await export_transactions(client, ExportScope.all(), ExportFilters(), writer)

    summary = asyncio.run(go())
    assert summary.rows == len(IMPOSSIBLE) ** 2
    assert target.exists()


def test_absurd_numbers_are_blank_and_the_charger_is_named(
    hostile: HostileServer, tmp_path: Path
) -> None:
    good, bad = charger(1), charger(2, identity="CP-BROKEN")
    hostile.route("chargers", json_reply(page([good, bad], None)))
    absurd = [
        _transaction(21, total_kwh=-1e300),
        _transaction(22, meter_start=int("9" * 309)),
        _transaction(23, meter_stop=-1e300, total_kwh="1e308"),
    ]
    for item, rows in ((good, [_transaction(11)]), (bad, absurd)):
        hostile.route(f"chargers/{item['uuid']}/transactions", json_reply(page(rows, None)))
        hostile.route(f"chargers/{item['uuid']}", json_reply({"data": item}))
    target = tmp_path / "out.csv"

    async def go() -> Any:
        async with _client(hostile) as client:
            writer = CsvExportWriter(target)
            return await export_transactions(client, ExportScope.all(), ExportFilters(), writer)

    summary = asyncio.run(go())
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = {row["transaction_id"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {"11", "21", "22", "23"}
    assert rows["11"]["energy_kwh"] == "7.000"
    assert rows["21"]["energy_kwh"] == ""
    assert rows["22"]["meter_start_wh"] == "" and rows["22"]["energy_kwh"] == "7.000"
    assert rows["23"]["meter_stop_wh"] == "" and rows["23"]["energy_kwh"] == ""
    assert summary.kwh == 14.0  # the absurd values are not in the totals either
    assert summary.warnings == (
        "Charger CP-BROKEN: 3 transactions had an impossible energy or meter reading "
        "from the API; those cells are left blank.",
    )
    assert all(len(row) == len(EXPORT_COLUMNS) for row in rows.values())


def test_absurd_numbers_in_xlsx_are_blank(tmp_path: Path) -> None:
    """XLSX stores numbers as doubles: a 309-digit reading used to raise OverflowError."""
    target = tmp_path / "out.xlsx"
    with XlsxExportWriter(target) as writer:
        tx = Tx(1, id_tag="T", stop_reason="Local", meter_start=int("9" * 309))
        writer.write_transactions([tx], ChargerInfo("u", "CP-X"))
        writer.commit()
        assert writer.warnings and "CP-X" in writer.warnings[0]
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet.cell(row=2, column=EXPORT_COLUMNS.index("meter_start_wh") + 1).value is None
