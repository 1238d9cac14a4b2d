"""Health badges drawn with QPainter: a shape, a colour and a word per level.

Colour alone fails colour-blind users, so every level also has its own shape and glyph
(check circle, warning triangle, fault octagon, "no entry" ring for offline, diamond "?"
for unknown, pause square for maintenance, hourglass for stale) and the text is always
drawn next to it in the palette's own text colour.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from functools import cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

Index = QModelIndex | QPersistentModelIndex


class Shape(Enum):
    CIRCLE_CHECK = "circle-check"
    TRIANGLE = "triangle"
    OCTAGON = "octagon"
    RING_SLASH = "ring-slash"
    DIAMOND = "diamond"
    PAUSE_SQUARE = "pause-square"
    HOURGLASS = "hourglass"


@dataclass(frozen=True)
class BadgeStyle:
    shape: Shape
    colour: str  # fill colour (the one place where PlugDesk hard-codes colours)
    glyph_colour: str


# Keyed by the health level's name so the UI does not depend on the enum's values.
STYLES: dict[str, BadgeStyle] = {
    "OK": BadgeStyle(Shape.CIRCLE_CHECK, "#2e7d32", "#ffffff"),
    "WARNING": BadgeStyle(Shape.TRIANGLE, "#f2a900", "#1a1a1a"),
    "FAULT": BadgeStyle(Shape.OCTAGON, "#c62828", "#ffffff"),
    "OFFLINE": BadgeStyle(Shape.RING_SLASH, "#6b6b6b", "#6b6b6b"),
    "UNKNOWN": BadgeStyle(Shape.DIAMOND, "#7b5ea7", "#ffffff"),
    "MAINTENANCE": BadgeStyle(Shape.PAUSE_SQUARE, "#1f6fc5", "#ffffff"),
    "STALE": BadgeStyle(Shape.HOURGLASS, "#8d6e63", "#ffffff"),
}


def level_key(level: object) -> str:
    """"FAULT" for Level.FAULT, a string level, or anything with a `.name`."""
    name = getattr(level, "name", None)
    return str(name if name is not None else level).upper()


def style_for(level: object) -> BadgeStyle:
    return STYLES.get(level_key(level), STYLES["UNKNOWN"])


def paint_badge_icon(painter: QPainter, rect: QRectF, level: object) -> None:
    """Draw the level's shape and glyph inside `rect` (square works best)."""
    style = style_for(level)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    _SHAPES[style.shape](painter, box.adjusted(0.5, 0.5, -0.5, -0.5), style)
    painter.restore()


@cache
def badge_pixmap(level_name: str, size: int = 16, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_badge_icon(painter, QRectF(0, 0, size, size), level_name)
    painter.end()
    return pixmap


def badge_icon(level: object, size: int = 16) -> QIcon:
    icon = QIcon()
    for ratio in (1.0, 1.5, 2.0):  # drawn, not scaled, at 100 %, 150 % and 200 %
        icon.addPixmap(badge_pixmap(level_key(level), size, ratio))
    return icon


def _fill(painter: QPainter, style: BadgeStyle) -> None:
    fill = QColor(style.colour)
    # A light fill (amber) melts into a light panel: it gets a dark, wider edge that
    # stands out there (3:1), while the fill itself stands out on a dark one.
    light = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue() > 150
    painter.setPen(QPen(fill.darker(300 if light else 130), 1.6 if light else 1.0))
    painter.setBrush(QBrush(fill))


def _glyph_pen(style: BadgeStyle, box: QRectF, scale: float = 0.13) -> QPen:
    pen = QPen(QColor(style.glyph_colour), max(1.4, box.width() * scale))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _point(box: QRectF, fx: float, fy: float) -> QPointF:
    return QPointF(box.left() + box.width() * fx, box.top() + box.height() * fy)


def _circle_check(painter: QPainter, box: QRectF, style: BadgeStyle) -> None:
    _fill(painter, style)
    painter.drawEllipse(box)
    painter.setPen(_glyph_pen(style, box))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(_point(box, 0.28, 0.52))
    path.lineTo(_point(box, 0.44, 0.68))
    path.lineTo(_point(box, 0.73, 0.34))
    painter.drawPath(path)


def _triangle(painter: QPainter, box: QRectF, style: BadgeStyle) -> None:
    _fill(painter, style)
    painter.drawPolygon(
        QPolygonF([_point(box, 0.5, 0.04), _point(box, 0.98, 0.94), _point(box, 0.02, 0.94)])
    )
    painter.setPen(_glyph_pen(style, box, 0.12))
    painter.drawLine(_point(box, 0.5, 0.38), _point(box, 0.5, 0.62))
    painter.drawPoint(_point(box, 0.5, 0.79))


def _octagon(painter: QPainter, box: QRectF, style: BadgeStyle) -> None:
    _fill(painter, style)
    centre, radius = box.center(), box.width() / 2
    points = [
        QPointF(centre.x() + radius * math.cos(math.radians(22.5 + 45 * i)),
                centre.y() + radius * math.sin(math.radians(22.5 + 45 * i)))
        for i in range(8)
    ]
    painter.drawPolygon(QPolygonF(points))
    painter.setPen(_glyph_pen(style, box))
    painter.drawLine(_point(box, 0.33, 0.33), _point(box, 0.67, 0.67))
    painter.drawLine(_point(box, 0.67, 0.33), _point(box, 0.33, 0.67))


def _ring_slash(painter: QPainter, box: QRectF, style: BadgeStyle) -> None:
    pen = QPen(QColor(style.colour), max(1.6, box.width() * 0.14))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = box.adjusted(pen.widthF() / 2, pen.widthF() / 2, -pen.widthF() / 2, -pen.widthF() / 2)
    painter.drawEllipse(inner)
    painter.drawLine(_point(box, 0.25, 0.75), _point(box, 0.75, 0.25))


def _diamond(painter: QPainter, box: QRectF, style: BadgeStyle) -> None:
    _fill(painter, style)
    painter.drawPolygon(QPolygonF([
        _point(box, 0.5, 0.0), _point(box, 1.0, 0.5), _point(box, 0.5, 1.0), _point(box, 0.0, 0.5)
    ]))
    painter.setPen(QColor(style.glyph_colour))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(max(6, int(box.height() * 0.62)))
    painter.setFont(font)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "?")


def _pause_square(painter: QPainter, box: QRectF, style: BadgeStyle) -> None:
    _fill(painter, style)
    radius = box.width() * 0.18
    painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    painter.setPen(_glyph_pen(style, box, 0.14))
    painter.drawLine(_point(box, 0.38, 0.3), _point(box, 0.38, 0.7))
    painter.drawLine(_point(box, 0.62, 0.3), _point(box, 0.62, 0.7))


def _hourglass(painter: QPainter, box: QRectF, style: BadgeStyle) -> None:
    _fill(painter, style)
    painter.drawPolygon(QPolygonF([
        _point(box, 0.12, 0.04), _point(box, 0.88, 0.04), _point(box, 0.56, 0.5),
        _point(box, 0.88, 0.96), _point(box, 0.12, 0.96), _point(box, 0.44, 0.5),
    ]))
    painter.setPen(_glyph_pen(style, box, 0.08))
    painter.drawLine(_point(box, 0.3, 0.86), _point(box, 0.7, 0.86))


_SHAPES = {
    Shape.CIRCLE_CHECK: _circle_check,
    Shape.TRIANGLE: _triangle,
    Shape.OCTAGON: _octagon,
    Shape.RING_SLASH: _ring_slash,
    Shape.DIAMOND: _diamond,
    Shape.PAUSE_SQUARE: _pause_square,
    Shape.HOURGLASS: _hourglass,
}
