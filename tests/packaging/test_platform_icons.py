"""packaging/platform_icons.py: PNG, ICO and ICNS rendered from the one SVG, read back by Qt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader
from pytestqt.qtbot import QtBot

from .loader import RESOURCES, load

platform_icons = load("platform_icons")


def _sizes_in(path: Path, fmt: bytes) -> list[int]:
    """Every image size Qt's own reader for `fmt` finds in a multi-image file."""
    reader = QImageReader(str(path), fmt)
    assert reader.canRead(), reader.errorString()
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == image.height()
        sizes.append(image.width())
    return sizes


def test_generates_every_platform_icon(qtbot: QtBot, tmp_path: Path) -> None:
    made = platform_icons.generate(RESOURCES / "plugdesk.svg", tmp_path)

    for size in platform_icons.LINUX_SIZES:
        image = QImage(str(made.hicolor / f"{size}x{size}" / "apps" / "plugdesk.png"))
        assert image.size() == QSize(size, size)
        assert image.hasAlphaChannel()
    scalable = made.hicolor / "scalable" / "apps" / "plugdesk.svg"
    assert scalable.read_bytes() == (RESOURCES / "plugdesk.svg").read_bytes()

    assert sorted(_sizes_in(made.ico, b"ico")) == sorted(platform_icons.ICO_SIZES)
    expected_icns = sorted(size for _, size in platform_icons.ICNS_TYPES)
    assert sorted(_sizes_in(made.icns, b"icns")) == expected_icns


def test_ico_header_uses_zero_for_256(qtbot: QtBot) -> None:
    data = platform_icons.ico_bytes({16: b"a" * 5, 256: b"b" * 7})
    assert data[:6] == b"\0\0\1\0\2\0"  # reserved, type icon, two images
    first, second = data[6:22], data[22:38]
    assert (first[0], second[0]) == (16, 0)  # width byte: 256 is stored as 0
    offset = int.from_bytes(second[12:16], "little")
    assert data[offset:] == b"b" * 7


def test_icns_length_fields_add_up(qtbot: QtBot) -> None:
    pngs = {size: bytes([size % 256]) * 3 for _, size in platform_icons.ICNS_TYPES}
    data = platform_icons.icns_bytes(pngs)
    assert data[:4] == b"icns"
    assert int.from_bytes(data[4:8], "big") == len(data)
    position, kinds = 8, []
    while position < len(data):
        kinds.append(data[position : position + 4])
        position += int.from_bytes(data[position + 4 : position + 8], "big")
    assert position == len(data)
    assert kinds == [kind for kind, _ in platform_icons.ICNS_TYPES]
