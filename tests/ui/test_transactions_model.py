"""The transactions model: cells, active highlight, local id-tag filter, sorting, totals."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPersistentModelIndex, Qt

from plugdesk.ui import formatting as fmt
from plugdesk.ui.transactions_model import ACTIVE_ROLE, TransactionsModel, TxColumn
from tests.support.harness import ModelChecks
from tests.support.rows import NOW, transaction


def make_model(checks: ModelChecks, rows: list[Any]) -> TransactionsModel:
    model = TransactionsModel(clock=lambda: NOW)
    checks.check(model)
    model.set_transactions(rows)
    return model


def column(model: TransactionsModel, col: TxColumn) -> list[Any]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_cells_read_like_the_design_says(model_checks: ModelChecks) -> None:
    active = transaction(1, stopped_at=None, meter_stop=None, total_kwh=None, stop_reason=None)
    model = make_model(model_checks, [transaction(0), active])
    finished = [model.index(0, c).data() for c in TxColumn]
    assert finished[TxColumn.ID] == "0"
    assert finished[TxColumn.KWH] == "7.000"
    assert finished[TxColumn.DURATION] == "45 min"
    assert finished[TxColumn.METER_START] == "0"
    assert finished[TxColumn.METER_STOP] == "7,000"
    assert finished[TxColumn.VALID] == "Yes"
    running = [model.index(1, c).data() for c in TxColumn]
    assert running[TxColumn.STOPPED] == "Active"
    assert running[TxColumn.KWH] == fmt.DASH
    assert running[TxColumn.DURATION] == "2 h 00 min"  # counts up to now
    assert "None" not in running
    assert model.index(1, 0).data(ACTIVE_ROLE) is True
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_id_tag_filter_is_local_and_totals_follow_it(model_checks: ModelChecks) -> None:
    model = make_model(model_checks, [transaction(n) for n in range(10)])
    assert model.totals().count == 10
    assert model.totals().kwh == 70.0
    model.set_id_tag_filter("tag-3")
    assert column(model, TxColumn.ID_TAG) == ["TAG-3", "TAG-3"]
    totals = model.totals()
    assert (totals.count, totals.kwh, totals.duration) == (2, 14.0, timedelta(minutes=90))
    assert totals.describe() == "2 transactions · 14.000 kWh · 1 h 30 min"
    assert model.total_count == 10
    model.set_id_tag_filter("")
    assert model.rowCount() == 10


def test_sorting_by_column_keeps_persistent_indexes(model_checks: ModelChecks) -> None:
    rows = [transaction(n, total_kwh=str(n % 4)) for n in range(8)]
    model = make_model(model_checks, rows)
    model.sort(TxColumn.ID, Qt.SortOrder.AscendingOrder)
    watched = QPersistentModelIndex(model.index(5, TxColumn.ID))  # id 5
    model.sort(TxColumn.KWH, Qt.SortOrder.DescendingOrder)
    kwh = [float(v) for v in column(model, TxColumn.KWH)]
    assert kwh == sorted(kwh, reverse=True)
    assert watched.data() == "5"
    model.sort(TxColumn.STARTED, Qt.SortOrder.AscendingOrder)
    assert column(model, TxColumn.ID) == [str(n) for n in range(7, -1, -1)]


def test_missing_values_sort_together(model_checks: ModelChecks) -> None:
    rows = [transaction(1, stop_reason=None), transaction(2, stop_reason="Remote"),
            transaction(3, stop_reason="EVDisconnected")]
    model = make_model(model_checks, rows)
    model.sort(TxColumn.STOP_REASON, Qt.SortOrder.AscendingOrder)
    assert column(model, TxColumn.STOP_REASON) == ["EVDisconnected", "Remote", fmt.DASH]


def test_ten_thousand_rows_load_sort_and_filter_fast() -> None:
    rows = [transaction(n) for n in range(10_000)]
    model = TransactionsModel(clock=lambda: NOW)
    started = time.perf_counter()
    model.set_transactions(rows)
    model.sort(TxColumn.KWH, Qt.SortOrder.DescendingOrder)
    model.set_id_tag_filter("tag-1")
    model.totals()
    assert time.perf_counter() - started < 0.25
    assert model.rowCount() == 2_000
