"""Write a report (`plugdesk.domain.report.ReportData`) as PDF or HTML.

PDF: Qt's own writer (`QTextDocument` printed on a `QPdfWriter`), A4, the charts as images;
works on the offscreen platform, so the command line needs no display. HTML: the same
document with the charts as embedded PNG (data: URIs), one self-contained file.

Both are written atomically (`plugdesk.domain.atomic`): a temporary file beside the target,
renamed into place when complete; any failure leaves no file and an existing one untouched.
"""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QMarginsF, QSize, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from plugdesk.domain.atomic import AtomicFile
from plugdesk.domain.export_run import describe_os_error
from plugdesk.domain.report import ReportData, ReportError, ReportFormat, render_html
from plugdesk.ui.insights.charts import (
    hbar_chart,
    image_png,
    render_image,
    stacked_chart,
    style_chart,
)

CHART_SIZE = QSize(640, 280)


def print_palette() -> QPalette:
    """Black on white, whatever the desktop's theme: paper is white."""
    palette = QPalette(QColor("white"))
    for role, colour in (
        (QPalette.ColorRole.Base, "white"),
        (QPalette.ColorRole.Window, "white"),
        (QPalette.ColorRole.Text, "#202124"),
        (QPalette.ColorRole.WindowText, "#202124"),
        (QPalette.ColorRole.AlternateBase, "#f1f3f4"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def _image(chart: QChart) -> QImage:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    palette = print_palette()
    view.setPalette(palette)
    style_chart(chart, palette)
    return render_image(view, CHART_SIZE)


def report_charts(data: ReportData) -> dict[str, QImage]:
    """The report's charts: energy per day (or per week past 62 days) by site, one per
    site, and availability per site."""
    insights = data.insights
    granularity = "day" if len(insights.days) <= 62 else "week"
    labels, stacks = insights.energy_by(granularity)  # type: ignore[arg-type]
    charts = {"energy": _image(stacked_chart(labels, stacks, "kWh"))}
    for site in insights.sites:
        charts[f"site:{site}"] = _image(stacked_chart(labels, {site: stacks[site]}, "kWh"))
    uptime = sorted(insights.site_uptime.items(), key=lambda item: item[1])
    if uptime:
        charts["availability"] = _image(hbar_chart(
            [(site, value * 100) for site, value in uptime], "%",
            format_value=lambda value: f"{value:.2f} %", maximum=100.0,
        ))
    return charts


def write_report(data: ReportData, path: Path, format: ReportFormat = "pdf") -> Path:
    """Write the report to `path`; ReportError with a sentence if it cannot be written."""
    charts = report_charts(data)
    try:
        target = AtomicFile(path)
    except OSError as error:
        raise ReportError(describe_os_error(error, path)) from None
    try:
        if format == "pdf":
            _write_pdf(data, charts, target.temp_path)
        else:
            _write_html(data, charts, target)
        return target.commit()
    except OSError as error:
        raise ReportError(describe_os_error(error, path)) from None
    finally:
        target.abort()  # a no-op once committed


def _write_pdf(data: ReportData, charts: dict[str, QImage], temp: Path) -> None:
    document = QTextDocument()
    names: dict[str, str] = {}
    for name, image in charts.items():
        url = f"chart-{len(names)}.png"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        names[name] = url
    document.setHtml(render_html(data, names, for_print=True))
    writer = QPdfWriter(str(temp))
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter,
    ))
    writer.setTitle(f"PlugDesk report {data.insights.period.label()}")
    writer.setCreator(data.request.author or "PlugDesk")
    document.print_(writer)
    del writer  # closes the file
    if not temp.exists() or temp.stat().st_size == 0:
        raise OSError(5, "the PDF writer produced no file")


def _write_html(data: ReportData, charts: dict[str, QImage], target: AtomicFile) -> None:
    sources = {
        name: "data:image/png;base64," + base64.b64encode(image_png(image)).decode("ascii")
        for name, image in charts.items()
    }
    with target.open("w", encoding="utf-8") as handle:
        handle.write(render_html(data, sources, for_print=False))
