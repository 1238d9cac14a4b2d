"""The Insights tab against the simulator over loopback: the service fetches (the export's
run) and aggregates off the UI thread, the pane draws every chart; hover, palette, copy,
PNG/SVG, the report from the tab, and the power curve from meter values."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QStackedBarSeries
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.models import Transaction
from plugdesk.domain.export import CsvExportWriter
from plugdesk.domain.export_run import ExportFilters, ExportScope, export_transactions
from plugdesk.domain.report import ReportData
from plugdesk.services.report_job import InsightsService, PowerCurve
from plugdesk.tasks import TaskRunner
from plugdesk.ui.insights.charts import HeatMap
from plugdesk.ui.insights.pane import InsightsPane, PowerCurveDialog
from tests.support.export import frozen_sim


async def _signal(signal: Any, seconds: float = 20.0) -> Any:
    future: asyncio.Future[Any] = asyncio.get_event_loop().create_future()

    def done(*args: Any) -> None:
        if not future.done():
            future.set_result(args[0] if args else None)

    signal.connect(done)
    try:
        return await asyncio.wait_for(future, seconds)
    finally:
        signal.disconnect(done)


@pytest.fixture
def sim() -> Iterator[Any]:
    """A simulator whose clock stands still: no transaction can start between the tab's
    fetch and the export it is compared with."""
    with frozen_sim(chargers=12, seed=7) as simulator:
        yield simulator


@pytest.fixture
def service(sim: Any, qloop: asyncio.AbstractEventLoop) -> Iterator[InsightsService]:
    client = PlugchoiceClient(sim.base_url, sim.token)
    made = InsightsService(client, TaskRunner())
    yield made
    qloop.run_until_complete(client.aclose())


def test_pane_draws_every_chart_with_the_exports_totals(
    service: InsightsService, sim: Any, qtbot: Any, run: Any, tmp_path: Path
) -> None:
    pane = InsightsPane(service)
    qtbot.addWidget(pane)
    pane.period_box.setCurrentIndex(pane.period_box.findData("last_30_days"))
    steps: list[str] = []
    service.progress.connect(steps.append)
    data: ReportData = run(_signal(service.loaded), timeout=30)
    first, last = data.insights.period.first, data.insights.period.last
    assert last == date.today() and (last - first).days == 29

    # The same scope and dates through the export: the same totals.
    async def exported() -> tuple[int, float]:
        async with PlugchoiceClient(sim.base_url, sim.token) as client:
            writer = CsvExportWriter(tmp_path / "e.csv")
            summary = await export_transactions(
                client, ExportScope.all(), ExportFilters(None, first, last), writer
            )
        return summary.rows, summary.kwh

    rows, kwh = run(exported(), timeout=30)
    assert rows > 0
    assert (data.summary.rows, data.summary.kwh) == (rows, kwh)
    assert f"{rows:,}</b> sessions" in pane.summary.text()
    assert f"{kwh:,.3f} kWh" in pane.summary.text()
    assert any(step.startswith("Aggregating") for step in steps)  # progress was shown
    assert any(step.startswith("Fetching transactions") for step in steps)

    energy = pane.cards["energy"].chart
    assert energy is not None
    stacked = next(s for s in energy.series() if isinstance(s, QStackedBarSeries))
    assert stacked.barSets()[0].count() == 30  # one bar per day
    charted = sum(bar.at(i) for bar in stacked.barSets() for i in range(bar.count()))
    assert charted == pytest.approx(data.insights.energy_kwh)
    sessions = pane.cards["sessions"].chart
    assert sessions is not None
    bars = next(s for s in sessions.series() if isinstance(s, QBarSeries)).barSets()[0]
    assert sum(bars.at(i) for i in range(bars.count())) == data.insights.sessions
    assert isinstance(pane.cards["heatmap"].body, HeatMap)
    assert pane.cards["utilisation"].chart is not None
    assert pane.report_button.isEnabled()

    # Hover answers with exact values.
    stacked.hovered.emit(True, 3, stacked.barSets()[0])
    assert f"{stacked.barSets()[0].at(3):,.3f} kWh" in QToolTip.text()
    heat = pane.cards["heatmap"].body
    assert isinstance(heat, HeatMap)
    assert heat.text_at(2, 18) == f"Wed 18:00–19:00: {data.insights.heatmap[2][18]:,.1f} busy hours"

    # Week and month views of the same energy.
    pane.granularity.setCurrentIndex(pane.granularity.findData("week"))
    weekly = pane.cards["energy"].chart
    assert weekly is not None and weekly is not energy
    weekly_series = next(s for s in weekly.series() if isinstance(s, QStackedBarSeries))
    total = sum(b.at(i) for b in weekly_series.barSets() for i in range(b.count()))
    assert total == pytest.approx(data.insights.energy_kwh)

    # The report from the tab: its totals are the same.
    out = tmp_path / "tab.pdf"
    assert pane.write_report(out, "pdf")
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages).split())
    assert f"Sessions {rows:,}" in text and f"Energy {kwh:,.3f} kWh" in text


def test_cards_follow_the_palette_and_copy_and_save(
    service: InsightsService, qtbot: Any, run: Any, tmp_path: Path
) -> None:
    pane = InsightsPane(service)
    qtbot.addWidget(pane)
    run(_signal(service.loaded), timeout=30)
    card = pane.cards["energy"]
    chart = card.chart
    assert chart is not None
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    card.setPalette(dark)
    assert chart.backgroundBrush().color() == QColor("#1e1e1e")
    assert chart.axes()[0].labelsColor() == QColor("#eeeeee")
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#111111"))
    card.setPalette(light)
    assert chart.backgroundBrush().color() == QColor("#ffffff")

    card.resize(500, 300)
    assert card.save(str(tmp_path / "energy.png"), "png")
    assert (tmp_path / "energy.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert card.save(str(tmp_path / "energy.svg"), "svg")
    svg = (tmp_path / "energy.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Energy" in svg
    card.copy()
    assert not QGuiApplication.clipboard().image().isNull()


def test_an_unknown_site_is_told_in_the_status_line(
    service: InsightsService, qtbot: Any, run: Any
) -> None:
    pane = InsightsPane(service)
    qtbot.addWidget(pane)
    run(_signal(service.loaded), timeout=30)
    pane.site_box.addItem("Nowhere")
    pane.site_box.setCurrentText("Nowhere")
    message = run(_signal(service.failed), timeout=30)
    assert "site" in message.lower()
    assert pane.status.text() == message


# -- power curve: meter values from a loopback server of our own ------------------------------
# TODO(lead): the simulator gains GET /chargers/{uuid}/metervalues (issue 13); point this at it.

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _reading(index: int, minutes: int, measurand: str, value: str, unit: str,
             tx: int = 77) -> dict[str, Any]:
    return {"id": index, "charger_id": 1, "charger_connector_id": 11,
            "charger_transaction_id": tx,
            "timestamp": (START + timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z"),
            "value": value, "context": "Sample.Periodic", "format": "Raw",
            "measurand": measurand, "phase": None, "location": "Outlet", "unit": unit}


READINGS = [
    _reading(1, 0, "Power.Active.Import", "0", "W"),
    _reading(2, 15, "Power.Active.Import", "7400", "W"),
    _reading(3, 30, "Power.Active.Import", "11000", "W"),
    _reading(4, 45, "Power.Active.Import", "3500", "W"),
    _reading(5, 45, "Power.Active.Import", "9999", "W", tx=78),  # another transaction
    _reading(6, 0, "Energy.Active.Import.Register", "1000", "Wh"),
]


class _MeterApi(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        return None

    def do_GET(self) -> None:
        if "/metervalues" not in self.path:
            self.send_response(404)
            self.end_headers()
            return
        body = json.dumps({
            "data": READINGS,
            "links": {"first": None, "last": None, "prev": None, "next": None},
            "meta": {"current_page": 1, "last_page": 1, "per_page": 10000,
                     "total": len(READINGS), "links": []},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def meter_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _MeterApi)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v3"
    finally:
        server.shutdown()
        server.server_close()


def test_power_curve_from_meter_values(
    meter_api: str, qtbot: Any, run: Any, qloop: asyncio.AbstractEventLoop
) -> None:
    client = PlugchoiceClient(meter_api, "token")
    service = InsightsService(client, TaskRunner())
    tx = Transaction(id=77, started_at=START, stopped_at=START + timedelta(hours=1))
    service.request_power_curve("charger-1", tx)
    curve: PowerCurve = run(_signal(service.power_ready))
    qloop.run_until_complete(client.aclose())
    assert [kw for _moment, kw in curve.points] == [0.0, 7.4, 11.0, 3.5]
    assert curve.source == "power readings"
    dialog = PowerCurveDialog(curve)
    qtbot.addWidget(dialog)
    assert dialog.card.chart is not None
    series = dialog.card.chart.series()[0]
    assert series.count() == 4
    series.hovered.emit(series.at(2), True)
    assert "11.00 kW" in QToolTip.text()
    assert "peak 11.00 kW" in dialog.card.note.text()


def test_no_readings_is_told_not_drawn(meter_api: str, run: Any,
                                       qloop: asyncio.AbstractEventLoop) -> None:
    client = PlugchoiceClient(meter_api, "token")
    service = InsightsService(client, TaskRunner())
    service.request_power_curve("charger-1", Transaction(id=5, started_at=START))
    message = run(_signal(service.power_failed))
    qloop.run_until_complete(client.aclose())
    assert "no power or energy readings for transaction 5" in message


def test_hbar_lists_the_first_item_on_top(qapp: QApplication) -> None:
    from plugdesk.ui.insights.charts import hbar_chart

    chart = hbar_chart([("worst", 10.0), ("next", 20.0)], "%")
    series = next(s for s in chart.series() if isinstance(s, QHorizontalBarSeries))
    # Qt draws category 0 at the bottom, so the list is reversed for it.
    assert [series.barSets()[0].at(i) for i in range(2)] == [20.0, 10.0]


def test_a_report_that_cannot_be_written_says_why_and_leaves_nothing(
    service: InsightsService, qtbot: Any, run: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import plugdesk.ui.insights.pane as pane_module

    shown: list[str] = []
    monkeypatch.setattr(pane_module.QMessageBox, "warning",
                        lambda _parent, _title, text: shown.append(text))
    pane = InsightsPane(service)
    qtbot.addWidget(pane)
    run(_signal(service.loaded), timeout=30)
    target = tmp_path / "no-such-folder" / "report.pdf"
    assert not pane.write_report(target, "pdf")
    assert shown and "the folder does not exist" in shown[0]
    assert not target.parent.exists()
    assert QApplication.overrideCursor() is None  # the busy cursor is gone again


def test_show_power_curve_is_in_the_transactions_context_menu(qtbot: Any) -> None:
    from plugdesk.ui.transactions_view import TransactionsView

    view = TransactionsView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    view.set_transactions([Transaction(id=41, started_at=START),
                           Transaction(id=42, started_at=START + timedelta(hours=2))])
    row = next(r for r in range(2) if view.model.transaction(r).id == 42)
    where = view.table.visualRect(view.model.index(row, 0)).center()
    menu = view.context_menu_at(where)
    assert menu is not None
    assert [action.text() for action in menu.actions()] == ["Show power curve"]
    with qtbot.waitSignal(view.power_curve_requested, timeout=2000) as blocker:
        menu.actions()[0].trigger()
    assert blocker.args[0].id == 42
    assert view.context_menu_at(view.table.viewport().rect().bottomRight()) is None  # no row
