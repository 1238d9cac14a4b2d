"""Light or dark: the window follows the desktop's colour scheme, and switches live.

Where the platform gives Qt the scheme and a matching palette (Windows 11, macOS, GNOME
and KDE through their platform themes, Qt 6.5+), nothing needs doing but listening. Where
it gives the scheme but keeps a light palette (Qt's generic Unix theme, a bare X11 or
Wayland session, Xvfb), PlugDesk switches to the Fusion style with a dark palette itself.
The `appearance` setting can ask for light or dark regardless (applies at the next start).

Everything PlugDesk paints itself takes its colours from the palette, or (the health
badges, the tray icon) has an outline and a shape that read on both backgrounds.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

log = logging.getLogger(__name__)

_Role = QPalette.ColorRole
_DARK: dict[QPalette.ColorRole, str] = {
    _Role.Window: "#2b2b2b",
    _Role.WindowText: "#e6e6e6",
    _Role.Base: "#1e1e1e",
    _Role.AlternateBase: "#262626",
    _Role.ToolTipBase: "#3a3a3a",
    _Role.ToolTipText: "#f0f0f0",
    _Role.PlaceholderText: "#9a9a9a",
    _Role.Text: "#e6e6e6",
    _Role.Button: "#353535",
    _Role.ButtonText: "#e6e6e6",
    _Role.BrightText: "#ff6b6b",
    _Role.Light: "#4a4a4a",
    _Role.Midlight: "#3e3e3e",
    _Role.Mid: "#2f2f2f",
    _Role.Dark: "#1a1a1a",
    _Role.Shadow: "#000000",
    _Role.Highlight: "#3d7bd9",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#7fb2ff",
    _Role.LinkVisited: "#c39bff",
}
_DISABLED_TEXT = "#7d7d7d"

# Set while PlugDesk's own dark palette is in use (so light can undo just that).
_own_dark: list[bool] = [False]


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (_Role.Text, _Role.WindowText, _Role.ButtonText, _Role.HighlightedText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(_Role.Window).lightness() < 128


def apply_scheme(app: QGuiApplication, scheme: Qt.ColorScheme) -> None:
    """Make the palette match `scheme` where the platform did not already."""
    from PySide6.QtWidgets import QApplication  # the style is a widgets matter

    if scheme == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        if isinstance(app, QApplication):
            app.setStyle("Fusion")  # native styles may ignore a palette; Fusion draws with it
        app.setPalette(dark_palette())
        _own_dark[0] = True
        log.info("dark colour scheme: PlugDesk's dark palette")
    elif scheme != Qt.ColorScheme.Dark and _own_dark[0]:
        style = app.style() if isinstance(app, QApplication) else None
        app.setPalette(style.standardPalette() if style is not None else QPalette())
        _own_dark[0] = False
        log.info("light colour scheme: the style's own palette")


def follow_system(app: QGuiApplication, preference: str = "system") -> None:
    """Follow the desktop's scheme now and whenever it changes; `preference` "light" or
    "dark" asks Qt for that scheme instead (Qt 6.8+; older Qt keeps the system's)."""
    hints = app.styleHints()
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(preference)
    if wanted is not None:
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(wanted)
        apply_scheme(app, wanted)
        return
    apply_scheme(app, hints.colorScheme())
    hints.colorSchemeChanged.connect(lambda scheme: apply_scheme(app, scheme))
