"""plugdesk.ui.icons: the app icon from every layout, and the tray's health badges."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage
from pytestqt.qtbot import QtBot

from plugdesk.ui import icons

from .loader import RESOURCES


def _image(icon: QIcon, size: int) -> QImage:
    image = icon.pixmap(QSize(size, size)).toImage()
    assert (image.width(), image.height()) == (size, size)
    return image


def _badge_colour(image: QImage) -> QColor:
    """The colour low in the badge, left of centre: inside the disc and the triangle alike,
    and clear of every glyph (check mark, "!", digits)."""
    size = image.width()
    diameter = round(size * 0.6)
    left = size - diameter
    return image.pixelColor(int(left + diameter * 0.3), int(left + diameter * 0.85))


def test_source_checkout_finds_the_svg_in_resources() -> None:
    assert icons.resource_path("plugdesk.svg") == RESOURCES / "plugdesk.svg"


def test_bundle_layout_wins_when_frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "plugdesk" / "resources"
    bundled.mkdir(parents=True)
    (bundled / "plugdesk.svg").write_bytes((RESOURCES / "plugdesk.svg").read_bytes())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert icons.resource_dirs()[0] == bundled
    assert icons.resource_path("plugdesk.svg") == bundled / "plugdesk.svg"


def test_missing_resource_names_every_folder_searched() -> None:
    with pytest.raises(FileNotFoundError) as error:
        icons.resource_path("nope.svg")
    assert "nope.svg" in str(error.value)
    assert str(RESOURCES) in str(error.value)


def test_app_icon_renders_at_any_size(qtbot: QtBot) -> None:
    icon = icons.app_icon()
    assert not icon.isNull()
    for size in (16, 22, 48, 256):
        image = _image(icon, size)
        # The tile's corner is transparent, its middle opaque.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


@pytest.mark.log_warnings("the missing icon is warned on purpose")
def test_app_icon_falls_back_to_the_theme_when_the_svg_is_gone(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(icons, "resource_dirs", lambda: [tmp_path])
    icon = icons.app_icon()  # no exception: a missing icon must not stop the app
    assert icon.name() == icons.ICON_THEME_NAME or icon.isNull()


@pytest.mark.parametrize(
    ("level", "hue_range"),
    [("ok", (100, 150)), ("warning", (35, 50)), ("fault", (0, 10))],
)
def test_tray_badge_colour_tells_the_level(
    qtbot: QtBot, level: str, hue_range: tuple[int, int]
) -> None:
    icon = icons.tray_icon(level, 2)
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(s, s) for s in icons.TRAY_SIZES} <= sizes
    for size in (22, 64):
        colour = _badge_colour(_image(icon, size))
        assert colour.alpha() > 200
        assert hue_range[0] <= colour.hslHue() <= hue_range[1], (size, colour.name())


def test_tray_badge_has_a_transparent_gap_around_it(qtbot: QtBot) -> None:
    # Just outside the badge's top-left edge, where the app tile would otherwise be.
    image = _image(icons.tray_icon("fault", 1), 64)
    diameter = round(64 * 0.6)
    centre = 64 - diameter / 2
    edge = centre - diameter / 2 * 0.707 - 2  # on the diagonal, 2 px beyond the circle
    assert image.pixelColor(int(edge), int(edge)).alpha() < 40
    plain = _image(icons.app_icon(), 64)
    assert plain.pixelColor(int(edge), int(edge)).alpha() == 255


def test_fault_badge_shows_the_count(qtbot: QtBot) -> None:
    one = _image(icons.tray_icon("fault", 1), 22)
    three = _image(icons.tray_icon("fault", 3), 22)
    assert one != three
    assert icons.fault_label(0) == "!"
    assert icons.fault_label(7) == "7"
    assert icons.fault_label(12) == "9+"


def test_level_names_are_case_insensitive_and_checked(qtbot: QtBot) -> None:
    assert _image(icons.tray_icon("FAULT", 1), 22) == _image(icons.tray_icon("fault", 1), 22)
    with pytest.raises(ValueError, match="offline"):
        icons.tray_icon("offline", 1)
