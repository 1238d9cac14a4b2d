"""The Insights tab: a period (presets or custom) and a site filter, then charts of the
period (see `plugdesk.domain.insights` for how each figure is made) and a report button.

It only shows: `InsightsService` fetches and aggregates (off the UI thread, with
progress) and the pane draws what `loaded` brings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
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
from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.report_job import InsightsService, PowerCurve
from plugdesk.ui import formatting as fmt
from plugdesk.ui.insights.charts import (
    SERIES_COLOURS,
    ChartCard,
    HeatMap,
    bar_chart,
    hbar_chart,
    power_chart,
    stacked_chart,
)

translate = QCoreApplication.translate
CUSTOM = "custom"
CUSTOM_DELAY_MS = 600
ALL_SITES = QT_TRANSLATE_NOOP("InsightsPane", "All sites")
TOP_CONNECTORS = 15
TOP_FAULTS = 10


class InsightsPane(QWidget):
    def __init__(self, service: InsightsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.data: ReportData | None = None
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(self.tr("Period"))
        for key, label in PRESETS.items():
            self.period_box.addItem(translate("Insights", label), key)
        self.period_box.addItem(self.tr("Custom…"), CUSTOM)
        today = QDate.currentDate()
        self.from_edit = _date_edit(today.addDays(1 - today.day()), self.tr("From"))
        self.to_edit = _date_edit(today, self.tr("To"))
        self.site_box = QComboBox()
        self.site_box.setAccessibleName(self.tr("Site"))
        self.site_box.addItem(self.tr(ALL_SITES), None)
        self.granularity = QComboBox()
        self.granularity.setAccessibleName(self.tr("Energy per"))
        for label, key in ((self.tr("Day"), "day"), (self.tr("Week"), "week"),
                           (self.tr("Month"), "month")):  # fmt: skip
            self.granularity.addItem(label, key)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.report_button = QPushButton(self.tr("Save report…"))
        self.report_button.setEnabled(False)
        self.status = QLabel(self.tr("Choose a period."))
        self.status.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Period")),
            self.period_box,
            self.from_edit,
            self.to_edit,
            QLabel(self.tr("Site")),
            self.site_box,
            QLabel(self.tr("Energy per")),
            self.granularity,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.report_button)

        self.cards = {
            key: ChartCard(title)
            for key, title in (
                ("energy", self.tr("Energy by site")),
                ("sessions", self.tr("Sessions per day")),
                ("heatmap", self.tr("Busiest hours (busy hours per weekday and hour)")),
                (
                    "utilisation",
                    self.tr("Utilisation: the {count} busiest connectors").format(
                        count=TOP_CONNECTORS
                    ),
                ),
                ("site_uptime", self.tr("Availability per site")),
                ("worst", self.tr("Ten worst chargers (availability)")),
                ("fault_codes", self.tr("Faults by error code")),
                ("fault_models", self.tr("Faults by model")),
                ("fault_firmware", self.tr("Faults by firmware")),
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
            self.status.setText(self.tr("The end date is before the start date."))
            return
        # The first item is "All sites" (in the window's language); the others are names.
        site = self.site_box.currentText() if self.site_box.currentIndex() > 0 else None
        self.report_button.setEnabled(False)
        self.status.setText(self.tr("Loading…"))
        self.service.load(first, last, () if site is None else (site,))

    # -- showing ----------------------------------------------------------------------------

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def show_data(self, data: ReportData) -> None:
        self.data = data
        insights = data.insights
        self._add_sites(data.sites)
        summary = data.summary
        self.summary.setText(
            self.tr("<b>{sessions}</b> sessions · <b>{kwh} kWh</b> · <b>{hours}</b> charging "
                    "hours · {chargers} chargers · {period}").format(
                sessions=fmt.integer(summary.rows), kwh=fmt.decimal(summary.kwh, 3),
                hours=fmt.decimal(data.charging_hours, 1),
                chargers=fmt.integer(len(data.chargers)), period=insights.period.label())
        )  # fmt: skip
        outside = insights.energy_outside_kwh
        self.status.setText(
            self.tr(
                "{kwh} kWh of sessions that ran past the period's edges is not charted."
            ).format(kwh=fmt.decimal(outside, 3))
            if outside >= 0.0005
            else ""
        )
        self._draw_energy()
        days = [fmt.day_and_month(day) for day in insights.days]
        self.cards["sessions"].set_chart(
            bar_chart(
                [str(day.day) for day in insights.days],
                insights.sessions_per_day,
                self.tr("Sessions"),
                self.tr("sessions"),
                titles=[fmt.long_day(day) for day in insights.days],
            )
        )
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
                self.site_box.addItem(site, site)
        self.site_box.blockSignals(False)

    def _draw_energy(self) -> None:
        if self.data is None:
            return
        granularity = self.granularity.currentData()
        labels, stacks = self.data.insights.energy_by(granularity)
        card = self.cards["energy"]
        titles = (
            [fmt.long_day(day) for day in self.data.insights.days]
            if granularity == "day"
            else None
        )
        card.set_chart(stacked_chart(labels, stacks, "kWh", titles=titles))
        card.title = {
            "day": self.tr("Energy per day by site"),
            "week": self.tr("Energy per week by site"),
            "month": self.tr("Energy per month by site"),
        }.get(granularity, card.title)

    def _draw_utilisation(self, insights: Insights) -> None:
        rows = [row for row in insights.utilisation[:TOP_CONNECTORS] if row.busy_seconds]
        if not rows:
            self.cards["utilisation"].set_empty(self.tr("No connector was busy in this period."))
            return
        items = [
            (
                f"{row.charger_name} #{row.connector if row.connector is not None else '?'}",
                row.share * 100,
            )
            for row in rows
        ]
        self.cards["utilisation"].set_chart(
            hbar_chart(
                items,
                self.tr("% of the time busy"),
                format_value=lambda value: self.tr("{percent} % busy").format(
                    percent=f"{value:.2f}"
                ),
            )
        )

    def _draw_availability(self, insights: Insights) -> None:
        sites = sorted(insights.site_uptime.items(), key=lambda item: item[1])
        self.cards["site_uptime"].set_chart(
            hbar_chart(
                [(site, value * 100) for site, value in sites],
                self.tr("% available"),
                format_value=self._available,
                maximum=100.0,
                colour=SERIES_COLOURS[2],
            )
        )
        worst = [row for row in insights.worst if row.down_seconds > 0]
        if not worst:
            self.cards["worst"].set_empty(
                self.tr(
                    "Every charger was available the whole period\n"
                    "(no fault or offline incident in PlugDesk's history)."
                )
            )
            return
        self.cards["worst"].set_chart(
            hbar_chart(
                [(row.charger_name, row.uptime * 100) for row in worst],
                self.tr("% available"),
                format_value=self._available,
                maximum=100.0,
                colour=SERIES_COLOURS[5],
            )
        )
        self.cards["worst"].set_note(
            "; ".join(
                f"{row.charger_name}: {percent(row.uptime)}, "
                + self.tr("%n incidents", "", row.incidents)
                for row in worst[:3]
            )
        )

    def _available(self, value: float) -> str:
        return self.tr("{percent} % available").format(percent=f"{value:.2f}")

    def _draw_faults(self, insights: Insights) -> None:
        for key, items in (
            ("fault_codes", insights.faults_by_code),
            ("fault_models", insights.faults_by_model),
            ("fault_firmware", insights.faults_by_firmware),
        ):
            card = self.cards[key]
            if not items:
                card.set_empty(self.tr("No faults in this period."))
                continue
            card.set_chart(
                hbar_chart(
                    [(label, float(count)) for label, count in items[:TOP_FAULTS]],
                    self.tr("faults"),
                    format_value=lambda value: self.tr("%n faults", "", round(value)),
                    colour=SERIES_COLOURS[5],
                )
            )

    # -- report -----------------------------------------------------------------------------

    def save_report(self) -> None:
        if self.data is None:
            return
        insights = self.data.insights
        suggested = f"plugdesk-report-{insights.period.first:%Y-%m-%d}_{insights.period.last}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), suggested, "PDF (*.pdf);;HTML (*.html)"
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
            QMessageBox.warning(self, self.tr("Report not saved"), problem)
            return False
        self.status.setText(self.tr("Report saved to {path}.").format(path=written))
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
        self.setWindowTitle(self.tr("Power curve — {title}").format(title=curve.title))
        self.card = ChartCard(curve.title)
        self.card.set_chart(power_chart(curve.points))
        peak = max(kw for _moment, kw in curve.points)
        self.card.set_note(
            self.tr("{points} points ({source}); peak {peak} kW").format(
                points=fmt.integer(len(curve.points)),
                source=curve.source,
                peak=fmt.decimal(peak, 2),
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.card)
        self.resize(760, 420)
