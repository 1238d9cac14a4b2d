"""The application icon and the tray's health icons, all drawn from `resources/plugdesk.svg`.

There is one icon source. It is found at run time in whichever layout PlugDesk runs from:
- a PyInstaller bundle: `<sys._MEIPASS>/plugdesk/resources/` (packaging/plugdesk.spec puts
  it there);
- an installed wheel: `plugdesk/resources/` (package data mapped from `resources/`);
- a source checkout or editable install: `<repo>/resources/`.

The tray icon is the app icon with a health badge in its bottom-right corner: a green check
(all fine), an amber triangle with "!" (something needs a look) or a red disc with the number
of faulted chargers. The badge is cut out of the icon with a transparent gap, so it stays
legible on light and dark panels, and each level has its own shape as well as its own colour.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer

import plugdesk

log = logging.getLogger(__name__)

ICON_FILE: Final = "plugdesk.svg"
# The freedesktop icon name (resources/plugdesk.desktop `Icon=`), used when the SVG is gone.
ICON_THEME_NAME: Final = "plugdesk"
# Tray hosts ask for 16-24 px (more on HiDPI); each size is drawn, not scaled, so the badge
# stays crisp.
TRAY_SIZES: Final = (16, 22, 24, 32, 48, 64)
TRAY_LEVELS: Final = ("ok", "warning", "fault")

# Same colours as the health badges in the fleet table (ui/badges.py).
_GREEN: Final = "#2e7d32"
_AMBER: Final = "#f2a900"
_RED: Final = "#c62828"
_WHITE: Final = "#ffffff"
_INK: Final = "#1a1a1a"


def resource_dirs() -> list[Path]:
    """Folders that may hold PlugDesk's resources, most specific first."""
    dirs: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "plugdesk" / "resources")
    package = Path(plugdesk.__file__).resolve().parent
    dirs.append(package / "resources")
    dirs.append(package.parent / "resources")
    return dirs


def resource_path(name: str) -> Path:
    """The path of a resource file such as "plugdesk.svg"; FileNotFoundError if absent."""
    for folder in resource_dirs():
        candidate = folder / name
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(folder) for folder in resource_dirs())
    raise FileNotFoundError(f"PlugDesk resource {name!r} is missing (looked in {searched})")


def app_icon() -> QIcon:
    """The application icon, scalable (rendered by Qt's SVG icon engine at any size).

    Falls back to the installed theme icon, then to a null icon, rather than failing: a
    missing icon must not stop the app (the self-test reports it).
    """
    try:
        path = resource_path(ICON_FILE)
    except FileNotFoundError as error:
        log.warning("%s", error)
        return QIcon.fromTheme(ICON_THEME_NAME)
    icon = QIcon(str(path))
    if icon.isNull():
        log.warning("Qt could not load the app icon %s (SVG support missing?)", path)
    return icon


def tray_icon(level: str, count: int = 0) -> QIcon:
    """The app icon with a health badge, drawn at every common tray size.

    `level` is "ok", "warning" or "fault" (any case); `count` is the number of faulted
    chargers, shown on the fault badge ("9+" above nine). ValueError for another level.
    """
    key = level.lower()
    if key not in TRAY_LEVELS:
        raise ValueError(f"tray level must be one of {', '.join(TRAY_LEVELS)}, not {level!r}")
    renderer = _renderer()
    icon = QIcon()
    for size in TRAY_SIZES:
        icon.addPixmap(_tray_pixmap(renderer, key, count, size))
    return icon


def render_icon(size: int) -> QPixmap:
    """The app icon drawn at `size` px square (transparent where the SVG has nothing)."""
    pixmap = _blank(size)
    renderer = _renderer()
    if renderer is not None:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
    return pixmap


def fault_label(count: int) -> str:
    """The text on the fault badge: the count, "9+" past nine, "!" when unknown."""
    if count <= 0:
        return "!"
    return str(count) if count <= 9 else "9+"


# -- drawing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _BadgeBox:
    """Where the badge goes in a `size` px icon, and the gap cut around it."""

    rect: QRectF
    gap: float


def _renderer() -> QSvgRenderer | None:
    try:
        renderer = QSvgRenderer(str(resource_path(ICON_FILE)))
    except FileNotFoundError as error:
        log.warning("%s", error)
        return None
    return renderer if renderer.isValid() else None


def _blank(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def _badge_box(size: int) -> _BadgeBox:
    # Over half the icon: at 22 px the badge is 13 px across, enough for a digit.
    diameter = round(size * 0.6)
    gap = max(1.0, size / 16)
    origin = size - diameter
    return _BadgeBox(QRectF(origin, origin, diameter, diameter), gap)


def _tray_pixmap(renderer: QSvgRenderer | None, level: str, count: int, size: int) -> QPixmap:
    pixmap = _blank(size)
    box = _badge_box(size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if renderer is not None:
        renderer.render(painter, QRectF(0, 0, size, size))
    shape = _triangle(box.rect) if level == "warning" else _disc(box.rect)
    _cut_gap(painter, shape, box.gap)
    painter.setPen(Qt.PenStyle.NoPen)
    if level == "ok":
        painter.fillPath(shape, QColor(_GREEN))
        _draw_check(painter, box.rect)
    elif level == "warning":
        painter.fillPath(shape, QColor(_AMBER))
        _draw_exclamation(painter, box.rect)
    else:
        painter.fillPath(shape, QColor(_RED))
        _draw_label(painter, box.rect, fault_label(count))
    painter.end()
    return pixmap


def _disc(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(rect)
    return path


def _triangle(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(
        QPolygonF(
            [
                QPointF(rect.center().x(), rect.top()),
                QPointF(rect.right(), rect.bottom()),
                QPointF(rect.left(), rect.bottom()),
            ]
        )
    )
    path.closeSubpath()
    return path


def _cut_gap(painter: QPainter, shape: QPainterPath, gap: float) -> None:
    """Clear the icon under the badge and a ring around it, so the badge stands apart."""
    painter.save()
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
    pen = QPen(Qt.GlobalColor.black, 2 * gap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.GlobalColor.black)
    painter.drawPath(shape)
    painter.restore()


def _draw_check(painter: QPainter, rect: QRectF) -> None:
    d = rect.width()
    pen = QPen(QColor(_WHITE), max(1.5, d * 0.16))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    x, y = rect.left(), rect.top()
    painter.drawPolyline(
        QPolygonF(
            [
                QPointF(x + d * 0.27, y + d * 0.52),
                QPointF(x + d * 0.44, y + d * 0.68),
                QPointF(x + d * 0.74, y + d * 0.34),
            ]
        )
    )


def _draw_exclamation(painter: QPainter, rect: QRectF) -> None:
    d = rect.width()
    pen = QPen(QColor(_INK), max(1.5, d * 0.14))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    cx = rect.center().x()
    painter.drawLine(QPointF(cx, rect.top() + d * 0.38), QPointF(cx, rect.top() + d * 0.66))
    painter.drawPoint(QPointF(cx, rect.top() + d * 0.84))


def _draw_label(painter: QPainter, rect: QRectF, text: str) -> None:
    font = QFont()
    font.setBold(True)
    # Two characters ("9+") need a smaller size to fit inside the disc.
    font.setPixelSize(max(6, round(rect.height() * (0.78 if len(text) == 1 else 0.6))))
    painter.setFont(font)
    painter.setPen(QColor(_WHITE))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
