"""The Insights charts, on Qt Charts (PySide6-Addons; chosen by measurement, see
bench/README.md "Chart library"): stacked bars, bars, horizontal bars, a power curve,
and a 7×24 heat map (Qt Charts has no heat map type: it is a small painted widget).

Every chart sits in a `ChartCard`: a title, the chart, hover tool tips with exact values,
colours from the window palette (light or dark, followed when the palette changes), and a
context menu / buttons to copy it or save it as PNG or SVG.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDateTime,
    QEvent,
    QIODevice,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QCursor,
    QGuiApplication,
    QImage,
    QPainter,
    QPalette,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from plugdesk.domain.insights import WEEKDAYS

# Colour-blind-safe series colours (Okabe–Ito), readable on light and dark backgrounds.
SERIES_COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#999999",
)
MAX_STACKED_SITES = 7  # more sites than this: the smallest are stacked as "Other sites"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def style_chart(chart: QChart, palette: QPalette) -> None:
    """Colours from the palette: background, text, grid (series keep their colours)."""
    window = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    grid = QColor(text)
    grid.setAlpha(50)
    chart.setBackgroundBrush(window)
    chart.setBackgroundRoundness(0)
    chart.setTitleBrush(text)
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsColor(text)
        axis.setGridLineColor(grid)
        axis.setLinePenColor(grid)
        axis.setTitleBrush(text)


def _tip(text: str) -> None:
    QToolTip.showText(QCursor.pos(), text)


def _new_chart(legend: bool) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setVisible(legend)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins().__class__(4, 4, 4, 4))
    return chart


def stacked_chart(
    labels: Sequence[str],
    stacks: dict[str, list[float]],
    unit: str,
    digits: int = 3,
    titles: Sequence[str] | None = None,
) -> QChart:
    """Stacked vertical bars: one stack per label, one colour per key (site); `titles`
    name each bar in full in its tool tip (labels are short, "3" for 3 March)."""
    names = titles or labels
    chart = _new_chart(legend=True)
    series = QStackedBarSeries()
    for index, (name, values) in enumerate(_top_stacks(stacks).items()):
        bar = QBarSet(name)
        bar.setColor(QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)]))
        bar.setBorderColor(QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)]))
        bar.append(list(values))
        series.append(bar)
    series.setBarWidth(0.8)

    def hovered(status: bool, index: int, bar: QBarSet) -> None:
        if status:
            total = sum(item.at(index) for item in series.barSets())
            _tip(
                f"{names[index]} · {bar.label()}: {bar.at(index):,.{digits}f} {unit}\n"
                f"all sites: {total:,.{digits}f} {unit}"
            )
        else:
            QToolTip.hideText()

    series.hovered.connect(hovered)
    chart.addSeries(series)
    _category_axes(chart, series, labels, unit)
    return chart


def _top_stacks(stacks: dict[str, list[float]]) -> dict[str, list[float]]:
    if len(stacks) <= MAX_STACKED_SITES:
        return stacks
    names = list(stacks)  # already ordered, most first
    kept = {name: stacks[name] for name in names[: MAX_STACKED_SITES - 1]}
    rest = names[MAX_STACKED_SITES - 1 :]
    kept[f"{len(rest)} other sites"] = [
        sum(values) for values in zip(*(stacks[n] for n in rest), strict=True)
    ]
    return kept


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    name: str,
    unit: str,
    digits: int = 0,
    titles: Sequence[str] | None = None,
) -> QChart:
    names = titles or labels
    chart = _new_chart(legend=False)
    series = QBarSeries()
    bar = QBarSet(name)
    bar.setColor(QColor(SERIES_COLOURS[0]))
    bar.setBorderColor(QColor(SERIES_COLOURS[0]))
    bar.append(list(values))
    series.append(bar)
    series.setBarWidth(0.8)
    series.hovered.connect(
        lambda status, index, _bar: (
            _tip(f"{names[index]}: {values[index]:,.{digits}f} {unit}")
            if status
            else QToolTip.hideText()
        )
    )
    chart.addSeries(series)
    _category_axes(chart, series, labels, unit)
    return chart


def hbar_chart(
    items: Sequence[tuple[str, float]],
    unit: str,
    *,
    format_value: Callable[[float], str] | None = None,
    maximum: float | None = None,
    colour: str = SERIES_COLOURS[0],
) -> QChart:
    """Horizontal bars, the first item at the top."""
    shown = format_value or (lambda value: f"{value:,.0f} {unit}")
    chart = _new_chart(legend=False)
    series = QHorizontalBarSeries()
    bar = QBarSet(unit)
    bar.setColor(QColor(colour))
    bar.setBorderColor(QColor(colour))
    reversed_items = list(reversed(items))  # Qt draws the first category at the bottom
    bar.append([value for _label, value in reversed_items])
    series.append(bar)
    series.setBarWidth(0.7)
    series.hovered.connect(
        lambda status, index, _bar: (
            _tip(f"{reversed_items[index][0]}: {shown(reversed_items[index][1])}")
            if status
            else QToolTip.hideText()
        )
    )
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([_short(label) for label, _value in reversed_items] or [""])
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    values = QValueAxis()
    top = maximum if maximum is not None else max((v for _l, v in items), default=0.0)
    values.setRange(0, top or 1.0)
    if maximum is not None:
        values.setTickCount(6)
    elif all(float(value).is_integer() for _label, value in items) and top <= 5:
        values.setTickCount(int(top) + 1 if top else 2)  # counts: whole-number ticks
    else:
        values.applyNiceNumbers()
    values.setLabelFormat("%.0f")
    values.setTitleText(unit)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values)
    chart.setProperty("rows", len(items))  # the card gives each bar room for its label
    return chart


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _category_axes(
    chart: QChart, series: QBarSeries | QStackedBarSeries, labels: Sequence[str], unit: str
) -> None:
    """Bars sit at x = 0, 1, 2...; a QCategoryAxis names every few of them. (A bar category
    axis reserves each bar a label slot and elides what does not fit: "…" under a month.)"""
    axis = QCategoryAxis()
    axis.setRange(-0.5, max(len(labels), 1) - 0.5)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setGridLineVisible(False)
    step = -(-len(labels) // 12) or 1  # at most 12 labels
    seen: set[str] = set()
    for index in range(0, len(labels), step):
        label = labels[index]
        while label in seen:  # labels must be unique: "1" of two months
            label += "\u200b"
        seen.add(label)
        axis.append(label, index)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    values = QValueAxis()
    values.setTitleText(unit)
    values.setLabelFormat("%.0f")
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)
    values.applyNiceNumbers()


def power_chart(points: Sequence[tuple[datetime, float]], title: str = "") -> QChart:
    """A transaction's power (kW) over time."""
    chart = _new_chart(legend=False)
    if title:
        chart.setTitle(title)
    series = QLineSeries()
    series.setColor(QColor(SERIES_COLOURS[0]))
    series.replace([QPointF(moment.timestamp() * 1000.0, kw) for moment, kw in points])
    series.hovered.connect(
        lambda point, state: (
            _tip(f"{datetime.fromtimestamp(point.x() / 1000):%H:%M:%S}: {point.y():,.2f} kW")
            if state
            else QToolTip.hideText()
        )
    )
    chart.addSeries(series)
    axis_x = QDateTimeAxis()
    axis_x.setFormat("HH:mm")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    if points:
        axis_x.setRange(
            QDateTime.fromMSecsSinceEpoch(int(points[0][0].timestamp() * 1000)),
            QDateTime.fromMSecsSinceEpoch(int(points[-1][0].timestamp() * 1000)),
        )
    axis_y = QValueAxis()
    axis_y.setTitleText("kW")
    axis_y.setRange(0, max((kw for _m, kw in points), default=1.0) * 1.05 or 1.0)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_y.applyNiceNumbers()
    return chart


def _mix(low: QColor, high: QColor, share: float) -> QColor:
    """`share` of the way from `low` to `high` (opaque, so it reads on light and dark)."""
    return QColor(
        round(low.red() + (high.red() - low.red()) * share),
        round(low.green() + (high.green() - low.green()) * share),
        round(low.blue() + (high.blue() - low.blue()) * share),
    )


class HeatMap(QWidget):
    """Busy hours per weekday and hour: a 7×24 grid, darker = busier; hover for the value."""

    def __init__(self, grid: list[list[float]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.peak = max((max(row) for row in grid), default=0.0)
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(420, 190))

    def _cells(self) -> tuple[int, int, float, float]:
        left, top = 40, 18
        width = (self.width() - left - 6) / 24
        height = (self.height() - top - 6) / 7
        return left, top, width, height

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        self.paint(painter)
        painter.end()

    def paint(self, painter: QPainter) -> None:
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        left, top, width, height = self._cells()
        text = palette.color(QPalette.ColorRole.Text)
        base = QColor(SERIES_COLOURS[0])
        empty = palette.color(QPalette.ColorRole.AlternateBase)
        painter.setPen(text)
        for hour in range(0, 24, 3):
            painter.drawText(
                QRect(int(left + hour * width), 0, int(width * 3), top),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{hour:02d}",
            )
        for day, row in enumerate(self.grid):
            y = top + day * height
            painter.setPen(text)
            painter.drawText(
                QRect(0, int(y), left - 4, int(height)),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                WEEKDAYS[day],
            )
            for hour, value in enumerate(row):
                colour = _mix(empty, base, 0.15 + 0.85 * value / self.peak) if value else empty
                painter.fillRect(
                    QRect(
                        int(left + hour * width) + 1,
                        int(y) + 1,
                        max(1, int(width) - 1),
                        max(1, int(height) - 1),
                    ),
                    colour,
                )

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        left, top, width, height = self._cells()
        hour, day = int((x - left) // width), int((y - top) // height)
        if 0 <= hour < 24 and 0 <= day < 7 and x >= left and y >= top:
            return day, hour
        return None

    def text_at(self, day: int, hour: int) -> str:
        return (
            f"{WEEKDAYS[day]} {hour:02d}:00–{(hour + 1) % 24:02d}:00: "
            f"{self.grid[day][hour]:,.1f} busy hours"
        )

    def mouseMoveEvent(self, event: object) -> None:
        position = event.position()  # type: ignore[attr-defined]
        cell = self.cell_at(position.x(), position.y())
        if cell is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), self.text_at(*cell), self)


# -- the card: title, chart, copy / save ------------------------------------------------------


class ChartCard(QFrame):
    """A titled chart with Copy, Save PNG and Save SVG; follows the palette."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = title
        self.chart: QChart | None = None
        self.body: QWidget | None = None
        heading = QLabel(f"<b>{title}</b>")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        menu_button = QToolButton()
        menu_button.setText("…")
        menu_button.setToolTip(self.tr("Copy or save this chart"))
        menu_button.setAccessibleName(self.tr("{title}: copy or save").format(title=title))
        menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self)
        self.copy_action = QAction(self.tr("Copy"), self)
        self.png_action = QAction(self.tr("Save as PNG…"), self)
        self.svg_action = QAction(self.tr("Save as SVG…"), self)
        for action in (self.copy_action, self.png_action, self.svg_action):
            self.menu.addAction(action)
        menu_button.setMenu(self.menu)
        self.copy_action.triggered.connect(self.copy)
        self.png_action.triggered.connect(lambda: self._save("png"))
        self.svg_action.triggered.connect(lambda: self._save("svg"))
        header = QHBoxLayout()
        header.addWidget(heading, 1)
        header.addWidget(menu_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 6)
        self._layout.addLayout(header)
        self._layout.addWidget(self.note)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(lambda pos: self.menu.exec(self.mapToGlobal(pos)))
        self.setMinimumHeight(260)

    def set_chart(self, chart: QChart) -> None:
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        rows = chart.property("rows")
        if rows:  # horizontal bars: a category label is elided unless its row has room
            view.setMinimumHeight(110 + 22 * int(rows))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.chart = chart
        self._set_body(view)
        style_chart(chart, self.palette())

    def set_widget(self, widget: QWidget) -> None:
        self.chart = None
        self._set_body(widget)

    def set_empty(self, text: str) -> None:
        """No chart: a sentence in its place (an empty axis says nothing)."""
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAutoFillBackground(True)
        label.setBackgroundRole(QPalette.ColorRole.Base)
        self.chart = None
        self.set_note("")
        self._set_body(label)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _set_body(self, widget: QWidget) -> None:
        if self.body is not None:
            self._layout.removeWidget(self.body)
            self.body.deleteLater()
        self.body = widget
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._layout.addWidget(widget, 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.chart is not None:
            style_chart(self.chart, self.palette())
        super().changeEvent(event)

    # -- copy and save ---------------------------------------------------------------------

    def image(self) -> QImage:
        assert self.body is not None
        return render_image(self.body)

    def copy(self) -> None:
        if self.body is not None:
            QGuiApplication.clipboard().setImage(self.image())

    def _save(self, kind: str) -> None:
        if self.body is None:
            return
        name = self.title.lower().replace(" ", "-").replace("/", "-")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart as {kind}").format(kind=kind.upper()),
            f"{name}.{kind}",
            f"{kind.upper()} image (*.{kind})",
        )
        if path:
            self.save(path, kind)

    def save(self, path: str, kind: str) -> bool:
        """Write the chart as PNG or SVG; a failure is told in a dialog."""
        from plugdesk.domain.atomic import atomic_write

        assert self.body is not None
        data = render_svg(self.body, self.title) if kind == "svg" else render_png(self.body)
        try:
            atomic_write(path, data)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Chart not saved"),
                self.tr("Could not save {path}: {problem}.").format(
                    path=path, problem=error.strerror or error
                ),
            )
            return False
        return True


def render_image(widget: QWidget, size: QSize | None = None) -> QImage:
    """The widget drawn into an image (offscreen too), at its size or `size`."""
    if size is not None:
        widget.resize(size)
    image = QImage(widget.size() * 2, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    image.fill(widget.palette().color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # QWidget's render, not QGraphicsView's (a chart view overrides it with a scene one).
        QWidget.render(widget, painter, QPoint(0, 0))
    finally:
        painter.end()
    return image


def render_png(widget: QWidget, size: QSize | None = None) -> bytes:
    return image_png(render_image(widget, size))


def image_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; PySide wants str
    buffer.close()
    return bytes(data.data())


def render_svg(widget: QWidget, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle(title)
    generator.setDescription("PlugDesk chart")
    painter = QPainter(generator)
    try:
        QWidget.render(widget, painter, QPoint(0, 0))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())
