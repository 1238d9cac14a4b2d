"""Helpers shared by the export tests (service, dialog and command line)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from plugdesk.domain.atomic import TEMP_SUFFIX
from plugdesk.domain.export import EXPORT_COLUMNS
from plugdesk.simulator import Simulator

EVIL_TAGS = ('=HYPERLINK("http://evil","x")', "+1", "@SUM(A1)", "-2+3")


@contextmanager
def frozen_sim(chargers: int = 6, seed: int = 11, **options: Any) -> Iterator[Simulator]:
    """A simulator whose clock stands still (time_scale 0): the fleet's truth cannot
    change between the export and the comparison."""
    sim = Simulator(chargers=chargers, seed=seed, time_scale=0, **options)
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


def truth_ids(sim: Simulator, uuids: Iterable[str] | None = None) -> list[int]:
    """Every transaction id the server holds for these chargers (all when None)."""
    chosen = sim.charger_uuids() if uuids is None else uuids
    return [int(tx["id"]) for uuid in chosen for tx in sim.transactions_for(uuid)]


def truth_by_id(sim: Simulator) -> dict[int, dict[str, Any]]:
    return {
        int(tx["id"]): {**tx, "charger_uuid": uuid}
        for uuid in sim.charger_uuids()
        for tx in sim.transactions_for(uuid)
    }


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    """Rows of an exported CSV file, checking the header on the way."""
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    assert tuple(header) == EXPORT_COLUMNS
    return [dict(zip(header, row, strict=True)) for row in reader]


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def transaction_requests(sim: Simulator) -> list[Any]:
    return [
        r
        for r in sim.request_log
        if r.method == "GET" and r.path.endswith("/transactions") and r.status == 200
    ]


def query_value(record: Any, key: str) -> str | None:
    value = record.query.get(key)
    if isinstance(value, list):
        return str(value[0]) if value else None
    return None if value is None else str(value)


def expected_order(rows: list[dict[str, str]]) -> list[tuple[str, str, int]]:
    """Charger identity (case-folded), charger UUID, transaction id: the agreed order."""
    return sorted(
        (r["charger_identity"].casefold(), r["charger_uuid"], int(r["transaction_id"]))
        for r in rows
    )
