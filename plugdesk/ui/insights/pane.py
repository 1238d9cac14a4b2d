"""The Insights tab: a period (presets or custom) and a site filter, then charts of the
period (see `plugdesk.domain.insights` for how each figure is made) and a report button.

It only shows: `InsightsService` fetches and aggregates (off the UI thread, with
progress) and the pane draws what `loaded` brings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from plugdesk.domain.insights import PRESETS, Insights, preset_period
from plugdesk.domain.report import ReportData, ReportError, percent
from plugdesk.services.report_job import InsightsService, PowerCurve
from plugdesk.ui.insights.charts import (
    SERIES_COLOURS,
    ChartCard,
    HeatMap,
    bar_chart,
    hbar_chart,
    power_chart,
    stacked_chart,
)

CUSTOM = "custom"
CUSTOM_DELAY_MS = 600
ALL_SITES = "All sites"
TOP_CONNECTORS = 15
TOP_FAULTS = 10


class InsightsPane(QWidget):
    def __init__(self, service: InsightsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.data: ReportData | None = None
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Period")
        for key, label in PRESETS.items():
            self.period_box.addItem(label, key)
        self.period_box.addItem("Custom…", CUSTOM)
        today = QDate.currentDate()
        self.from_edit = _date_edit(today.addDays(1 - today.day()), "From")
        self.to_edit = _date_edit(today, "To")
        self.site_box = QComboBox()
        self.site_box.setAccessibleName("Site")
        self.site_box.addItem(ALL_SITES)
        self.granularity = QComboBox()
        self.granularity.setAccessibleName("Energy per")
        for label, key in (("Day", "day"), ("Week", "week"), ("Month", "month")):
            self.granularity.addItem(label, key)
        self.refresh_button = QPushButton("Refresh")
        self.report_button = QPushButton("Save report…")
        self.report_button.setEnabled(False)
        self.status = QLabel("Choose a period.")
        self.status.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        for widget in (QLabel("Period"), self.period_box, self.from_edit, self.to_edit,
                       QLabel("Site"), self.site_box, QLabel("Energy per"), self.granularity):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.report_button)

        self.cards = {
            key: ChartCard(title)
            for key, title in (
                ("energy", "Energy by site"),
                ("sessions", "Sessions per day"),
                ("heatmap", "Busiest hours (busy hours per weekday and hour)"),
                ("utilisation", f"Utilisation: the {TOP_CONNECTORS} busiest connectors"),
                ("site_uptime", "Availability per site"),
                ("worst", "Ten worst chargers (availability)"),
                ("fault_codes", "Faults by error code"),
                ("fault_models", "Faults by model"),
                ("fault_firmware", "Faults by firmware"),
            )
        }
        grid = QGridLayout()
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 2, index % 2)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

        self.period_box.currentIndexChanged.connect(self._period_changed)
        # Typing a date steps through several: wait until the edits rest before fetching.
        self._custom_timer = QTimer(self)
        self._custom_timer.setSingleShot(True)
        self._custom_timer.setInterval(CUSTOM_DELAY_MS)
        self._custom_timer.timeout.connect(self.reload)
        self.from_edit.dateChanged.connect(self._custom_changed)
        self.to_edit.dateChanged.connect(self._custom_changed)
        self.site_box.currentIndexChanged.connect(lambda _index: self.reload())
        self.granularity.currentIndexChanged.connect(lambda _index: self._draw_energy())
        self.refresh_button.clicked.connect(self.reload)
        self.report_button.clicked.connect(self.save_report)
        service.progress.connect(self.status.setText)
        service.loaded.connect(self.show_data)
        service.failed.connect(self._failed)
        self._period_changed()

    # -- choosing ---------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        key = self.period_box.currentData()
        if key == CUSTOM:
            return self.from_edit.date().toPython(), self.to_edit.date().toPython()  # type: ignore[return-value]
        chosen = preset_period(key, date.today(), self.service.tz)
        return chosen.first, chosen.last

    def _period_changed(self) -> None:
        custom = self.period_box.currentData() == CUSTOM
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        if not custom:
            first, last = self.period()
            for edit, day in ((self.from_edit, first), (self.to_edit, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.reload()

    def _custom_changed(self) -> None:
        if self.period_box.currentData() == CUSTOM:
            self._custom_timer.start()

    def reload(self) -> None:
        first, last = self.period()
        if last < first:
            self.status.setText("The end date is before the start date.")
            return
        site = self.site_box.currentText()
        self.report_button.setEnabled(False)
        self.status.setText("Loading…")
        self.service.load(first, last, () if site == ALL_SITES else (site,))

    # -- showing ----------------------------------------------------------------------------

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def show_data(self, data: ReportData) -> None:
        self.data = data
        insights = data.insights
        self._add_sites(data.sites)
        summary = data.summary
        self.summary.setText(
            f"<b>{summary.rows:,}</b> sessions · <b>{summary.kwh:,.3f} kWh</b> · "
            f"<b>{data.charging_hours:,.1f}</b> charging hours · {len(data.chargers):,} "
            f"chargers · {insights.period.label()}"
        )
        outside = insights.energy_outside_kwh
        self.status.setText(
            f"{outside:,.3f} kWh of sessions that ran past the period's edges is not charted."
            if outside >= 0.0005 else ""
        )
        self._draw_energy()
        days = [f"{day:%d %b}" for day in insights.days]
        self.cards["sessions"].set_chart(bar_chart(
            [str(day.day) for day in insights.days], insights.sessions_per_day, "Sessions",
            "sessions", titles=[f"{day:%a %d %b %Y}" for day in insights.days]))
        self.cards["sessions"].set_note("" if len(days) < 2 else f"{days[0]} – {days[-1]}")
        self.cards["heatmap"].set_widget(HeatMap(insights.heatmap))
        self._draw_utilisation(insights)
        self._draw_availability(insights)
        self._draw_faults(insights)
        self.report_button.setEnabled(True)

    def _add_sites(self, sites: list[str]) -> None:
        known = {self.site_box.itemText(index) for index in range(self.site_box.count())}
        self.site_box.blockSignals(True)
        for site in sites:
            if site not in known:
                self.site_box.addItem(site)
        self.site_box.blockSignals(False)

    def _draw_energy(self) -> None:
        if self.data is None:
            return
        granularity = self.granularity.currentData()
        labels, stacks = self.data.insights.energy_by(granularity)
        card = self.cards["energy"]
        titles = ([f"{day:%a %d %b %Y}" for day in self.data.insights.days]
                  if granularity == "day" else None)
        card.set_chart(stacked_chart(labels, stacks, "kWh", titles=titles))
        card.title = f"Energy per {granularity} by site"

    def _draw_utilisation(self, insights: Insights) -> None:
        rows = [row for row in insights.utilisation[:TOP_CONNECTORS] if row.busy_seconds]
        if not rows:
            self.cards["utilisation"].set_empty("No connector was busy in this period.")
            return
        items = [(f"{row.charger_name} #{row.connector if row.connector is not None else '?'}",
                  row.share * 100) for row in rows]
        self.cards["utilisation"].set_chart(hbar_chart(
            items, "% of the time busy", format_value=lambda value: f"{value:.2f} % busy",
        ))

    def _draw_availability(self, insights: Insights) -> None:
        sites = sorted(insights.site_uptime.items(), key=lambda item: item[1])
        self.cards["site_uptime"].set_chart(hbar_chart(
            [(site, value * 100) for site, value in sites], "% available",
            format_value=lambda value: f"{value:.2f} % available", maximum=100.0,
            colour=SERIES_COLOURS[2],
        ))
        worst = [row for row in insights.worst if row.down_seconds > 0]
        if not worst:
            self.cards["worst"].set_empty(
                "Every charger was available the whole period\n"
                "(no fault or offline incident in PlugDesk's history)."
            )
            return
        self.cards["worst"].set_chart(hbar_chart(
            [(row.charger_name, row.uptime * 100) for row in worst], "% available",
            format_value=lambda value: f"{value:.2f} % available", maximum=100.0,
            colour=SERIES_COLOURS[5],
        ))
        self.cards["worst"].set_note(
            "; ".join(f"{row.charger_name}: {percent(row.uptime)}, {row.incidents} "
                      f"incident{'' if row.incidents == 1 else 's'}" for row in worst[:3])
        )

    def _draw_faults(self, insights: Insights) -> None:
        for key, items in (
            ("fault_codes", insights.faults_by_code),
            ("fault_models", insights.faults_by_model),
            ("fault_firmware", insights.faults_by_firmware),
        ):
            card = self.cards[key]
            if not items:
                card.set_empty("No faults in this period.")
                continue
            card.set_chart(hbar_chart(
                [(label, float(count)) for label, count in items[:TOP_FAULTS]], "faults",
                format_value=lambda value: f"{value:.0f} faults", colour=SERIES_COLOURS[5],
            ))

    # -- report -----------------------------------------------------------------------------

    def save_report(self) -> None:
        if self.data is None:
            return
        insights = self.data.insights
        suggested = f"plugdesk-report-{insights.period.first:%Y-%m-%d}_{insights.period.last}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, "Save report", suggested, "PDF (*.pdf);;HTML (*.html)"
        )
        if path:
            self.write_report(Path(path), "html" if path.lower().endswith(".html") else "pdf")

    def write_report(self, path: Path, fmt: str) -> bool:
        from plugdesk.ui.insights.report_pdf import write_report

        assert self.data is not None
        # Drawn here, on the UI thread (Qt Charts draws widgets): a few charts per site,
        # tens of milliseconds each. The busy cursor says so for a large account.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write_report(self.data, path, "html" if fmt == "html" else "pdf")
        except ReportError as error:
            problem = str(error)
        else:
            problem = ""
        finally:
            QApplication.restoreOverrideCursor()
        if problem:
            QMessageBox.warning(self, "Report not saved", problem)
            return False
        self.status.setText(f"Report saved to {written}.")
        return True


def _date_edit(day: QDate, name: str) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


class PowerCurveDialog(QDialog):
    """A transaction's power curve in a window of its own (copy / save like every chart)."""

    def __init__(self, curve: PowerCurve, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Power curve — {curve.title}")
        self.card = ChartCard(curve.title)
        self.card.set_chart(power_chart(curve.points))
        peak = max(kw for _moment, kw in curve.points)
        self.card.set_note(f"{len(curve.points):,} points ({curve.source}); peak {peak:,.2f} kW")
        layout = QVBoxLayout(self)
        layout.addWidget(self.card)
        self.resize(760, 420)
