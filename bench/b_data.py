"""Benchmarks without a window: one 10,000-transaction response decoded to typed rows,
and 100,000 transactions exported to CSV and XLSX. The data is the simulator's own
(a charger with a long history), rendered exactly as the API serves it."""

from __future__ import annotations

import argparse
import csv
import json
import statistics
from functools import partial
from pathlib import Path
from typing import Any

import msgspec

from bench.common import emit, interleaved, ratio_row, scratch, timed
from plugdesk.api import decode
from plugdesk.api.models import Charger, Transaction
from plugdesk.domain.export import ChargerInfo, CsvExportWriter, XlsxExportWriter, export_rows
from plugdesk.simulator import Simulator


def _options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    return parser.parse_args(argv)


def history(count: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """`count` transactions of one charger as API items, and the charger's detail."""
    sim = Simulator(chargers=1, seed=7, big_charger_transactions=count)
    uuid = sim.charger_uuids()[0]
    return sim.transactions_for(uuid)[:count], sim.charger(uuid)


def page_body(items: list[dict[str, Any]]) -> bytes:
    """One page envelope as the API sends it (compact JSON, links and meta)."""
    base = "http://127.0.0.1/api/v3/chargers/x/transactions"
    document = {
        "data": items,
        "links": {"first": f"{base}?page=1", "last": None, "prev": None, "next": None},
        "meta": {"current_page": 1, "from": 1, "path": base, "per_page": len(items),
                 "to": len(items)},
    }
    return json.dumps(document, separators=(",", ":")).encode()


# -- transactions decode ---------------------------------------------------------------------


class UntrackedTransaction(Transaction, gc=False):
    """The app's model, not tracked by the cyclic garbage collector."""


def _bare_transaction() -> Any:
    """The same fields with no __post_init__ at all: "7.00" becomes a float in the
    decoder itself (strict=False), and timestamps stay as msgspec made them (aware for
    "...Z" and "+00:00"; a naive one would stay naive)."""
    fields = [
        (f.name, float | None if f.name == "total_kwh" else f.type, f.default)
        for f in msgspec.structs.fields(Transaction)
    ]
    return msgspec.defstruct("BareTransaction", fields, kw_only=True, gc=False)


def decode_worker(argv: list[str]) -> None:
    options = _options(argv)
    items, _detail = history(10_000)
    body = page_body(items)

    def typed() -> None:
        page = decode.decode_page(body, Transaction)
        assert len(page.data) == 10_000

    measured, floor = interleaved(typed, lambda: json.loads(body), options.runs, warmup=2)
    # What would close the gap, measured the same way: the model without GC tracking (a
    # Transaction cannot be part of a reference cycle), and without a __post_init__.
    variants = {
        # strict=False: the model's total_kwh is a float, "7.00" only decodes in lax mode.
        "variant_gc_false_ratio": msgspec.json.Decoder(
            decode.Page[UntrackedTransaction], strict=False
        ),
        "variant_no_post_init_ratio": msgspec.json.Decoder(
            decode.Page[_bare_transaction()], strict=False  # type: ignore[misc]
        ),
    }
    details: dict[str, Any] = {"transactions": 10_000, "body_mb": round(len(body) / 1e6, 2)}
    for key, decoder in variants.items():
        assert len(decoder.decode(body).data) == 10_000
        mine, base = interleaved(
            partial(decoder.decode, body), lambda: json.loads(body), options.runs
        )
        details[key] = statistics.median(mine) / statistics.median(base)
    row = ratio_row(
        "transactions decode",
        [x * 1000 for x in measured],
        [x * 1000 for x in floor],
        unit="ms",
        limit=0.5,
        details=details,
    )
    emit(row.to_json())


# -- export ----------------------------------------------------------------------------------


def _transactions(count: int) -> tuple[list[Transaction], ChargerInfo]:
    items, detail = history(count)
    decoded = decode.decode_page(page_body(items), Transaction).data
    charger = decode.decode_object(json.dumps({"data": detail}).encode(), Charger)
    return decoded, ChargerInfo.from_charger(charger)


def export_worker(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--xlsx-runs", type=int, default=2)
    options = parser.parse_args(argv)
    transactions, info = _transactions(100_000)
    tuples = list(export_rows(transactions, info))  # the floor writes these, untimed
    with scratch() as folder:

        def app_csv() -> None:
            writer = CsvExportWriter(folder / "export.csv")
            writer.write_transactions(transactions, info)
            writer.commit()

        def bare_csv() -> None:
            with Path(folder / "floor.csv").open("w", encoding="utf-8", newline="") as stream:
                csv.writer(stream, lineterminator="\r\n").writerows(tuples)

        def app_xlsx() -> None:
            writer = XlsxExportWriter(folder / "export.xlsx", tmpdir=folder)
            writer.write_transactions(transactions, info)
            writer.commit()

        csv_times, floor_times = interleaved(app_csv, bare_csv, options.runs)
        xlsx_times = [timed(app_xlsx) for _ in range(options.xlsx_runs)]
        sizes = {
            "csv_mb": round((folder / "export.csv").stat().st_size / 1e6, 1),
            "xlsx_mb": round((folder / "export.xlsx").stat().st_size / 1e6, 1),
        }
    details: dict[str, Any] = {"transactions": len(transactions), **sizes}
    emit(ratio_row("export CSV", csv_times, floor_times, unit="s", limit=1.5,
                   details=details).to_json())
    emit(
        ratio_row(
            "export XLSX",
            xlsx_times,
            floor_times,
            unit="s",
            limit=float("inf"),
            target="reported (no target)",
            details=details,
            enforce=False,
        ).to_json()
    )

