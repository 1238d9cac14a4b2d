"""Light and dark, and every screen density (issue 18): the palette follows the desktop's
scheme and switches live; health badges and the tray icon read on light and dark
backgrounds; icons are drawn crisp at 100 %, 150 % and 200 %."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from plugdesk.ui import look
from plugdesk.ui.badges import badge_icon, badge_pixmap
from plugdesk.ui.fleet_model import LEVEL_ORDER
from plugdesk.ui.icons import TRAY_LEVELS, app_icon, tray_icon

LIGHT_PANEL, DARK_PANEL = QColor("#f0f0f0"), QColor("#202020")


@pytest.fixture
def restored(qapp: QApplication) -> Iterator[QApplication]:
    palette, style = qapp.palette(), qapp.style().name()
    yield qapp
    look.apply_scheme(qapp, Qt.ColorScheme.Light)
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_a_dark_desktop_gets_a_dark_window_and_back_live(restored: QApplication) -> None:
    app = restored
    assert not look.is_dark(app.palette())  # the tests' offscreen desktop is light
    look.apply_scheme(app, Qt.ColorScheme.Dark)  # what colorSchemeChanged delivers
    palette = app.palette()
    assert look.is_dark(palette)
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    assert text.lightness() - base.lightness() > 150  # legible
    assert app.style().name().lower() == "fusion"
    look.apply_scheme(app, Qt.ColorScheme.Light)
    assert not look.is_dark(app.palette())


def test_following_the_system_listens_for_changes(restored: QApplication) -> None:
    hints = restored.styleHints()
    before = hints.receivers("2colorSchemeChanged(Qt::ColorScheme)")
    look.follow_system(restored)
    assert hints.receivers("2colorSchemeChanged(Qt::ColorScheme)") == before + 1


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * (
        channel(colour.blueF())
    )


def _contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio (3:1 is its minimum for graphics that carry meaning)."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _visible_on(pixmap_image: QImage, panel: QColor) -> float:
    """Share of the image's pixels that stand out from `panel` (3:1 contrast or more):
    a badge's shape must be told apart by its fill or by its edge, on either panel."""
    image = QImage(pixmap_image.size(), QImage.Format.Format_ARGB32)
    image.fill(panel)
    painter = QPainter(image)
    painter.drawImage(0, 0, pixmap_image)
    painter.end()
    size = image.width() * image.height()
    apart = sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if _contrast(image.pixelColor(x, y), panel) >= 3.0
    )
    return apart / size


@pytest.mark.parametrize("level", LEVEL_ORDER)
def test_health_badges_read_on_light_and_dark(qapp: QApplication, level: str) -> None:
    image = badge_pixmap(level, 32).toImage()
    for panel in (LIGHT_PANEL, DARK_PANEL):
        assert _visible_on(image, panel) > 0.10, (level, panel.name())


@pytest.mark.parametrize("level", TRAY_LEVELS)
def test_tray_icon_reads_on_light_and_dark_panels(qapp: QApplication, level: str) -> None:
    image = tray_icon(level, 2).pixmap(QSize(22, 22)).toImage()
    for panel in (LIGHT_PANEL, DARK_PANEL):
        assert _visible_on(image, panel) > 0.10, (level, panel.name())


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
def test_icons_are_drawn_at_each_screen_density(qapp: QApplication, ratio: float) -> None:
    for icon in (app_icon(), badge_icon("FAULT")):
        pixmap = icon.pixmap(QSize(16, 16), ratio)
        assert pixmap.devicePixelRatio() == ratio
        assert pixmap.width() == round(16 * ratio)  # drawn at the density, not upscaled
        # Sharp, not a blurred upscale: some fully opaque pixels next to transparent ones.
        image = pixmap.toImage()
        alphas = {image.pixelColor(x, y).alpha() for x in range(image.width())
                  for y in range(image.height())}  # fmt: skip
        assert 255 in alphas and 0 in alphas
