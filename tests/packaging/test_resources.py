"""Desktop integration files: valid for the freedesktop tools, consistent with the package."""

from __future__ import annotations

import configparser
import subprocess
import tomllib
import xml.etree.ElementTree as ET

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

import plugdesk
from plugdesk.ui.i18n import LANGUAGES, TRANSLATED

from .loader import RESOURCES, ROOT

DESKTOP = RESOURCES / "plugdesk.desktop"
METAINFO = RESOURCES / "com.plugdesk.PlugDesk.metainfo.xml"
SVG = RESOURCES / "plugdesk.svg"
WATCH_UNIT = RESOURCES / "plugdesk-watch.service"
MONITORING = ("prometheus.yml", "plugdesk-rules.yml", "plugdesk-dashboard.json")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # case-sensitive keys
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=30
    )
    # It prints errors, warnings and hints alike; a clean file prints nothing.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Only infos ("I:") are tolerated, e.g. <developer>, which AppStream 1.0 wants and
    # Debian's older appstreamcli does not know yet.
    assert not [line for line in output.splitlines() if line[:2] in ("E:", "W:")], output


def test_desktop_entry_points_at_the_installed_app() -> None:
    entry = _desktop_entry()
    project = _pyproject()["project"]
    assert entry["Exec"] == "plugdesk-gui"
    assert "plugdesk-gui" in project["gui-scripts"]
    assert entry["Icon"] == SVG.stem == "plugdesk"
    # Qt's X11 WM_CLASS class is the applicationName; app.py sets it to "PlugDesk".
    assert entry["StartupWMClass"] == "PlugDesk"
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"


def test_metainfo_describes_this_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("project_license") == "MIT" == _pyproject()["project"]["license"]
    releases = root.findall("releases/release")
    # The newest release comes first and must be the package's version: bumping
    # plugdesk.__version__ without a release note fails here.
    assert releases[0].get("version") == plugdesk.__version__
    assert releases[0].get("date")
    binaries = {node.text for node in root.findall("provides/binary")}
    project = _pyproject()["project"]
    assert binaries == set(project["scripts"]) | set(project["gui-scripts"])


def test_icon_svg_renders_crisply_at_tray_and_dock_sizes(qtbot: QtBot) -> None:
    renderer = QSvgRenderer(str(SVG))
    assert renderer.isValid()
    view = renderer.viewBoxF()
    assert view.width() == view.height()  # square, as icon themes expect
    for size in (16, 256):
        image = _render(renderer, size)
        pixels = [image.pixelColor(x, y) for x in range(size) for y in range(size)]
        opaque = [colour for colour in pixels if colour.alpha() == 255]
        white = [colour for colour in opaque if colour.lightness() > 240]
        # A filled rounded tile with a white plug on it, at both ends of the size range.
        assert len(opaque) > 0.6 * len(pixels)
        assert 0.1 * len(opaque) < len(white) < 0.5 * len(opaque)


def _render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def test_wheel_ships_resources_from_the_one_source_folder() -> None:
    """resources/ is mapped into the wheel as plugdesk/resources (no second copy in git)."""
    setuptools = _pyproject()["tool"]["setuptools"]
    assert setuptools["package-dir"]["plugdesk.resources"] == "resources"
    patterns = setuptools["package-data"]["plugdesk.resources"]
    shipped = {path for pattern in patterns for path in RESOURCES.glob(pattern)}
    assert shipped == {path for path in RESOURCES.rglob("*") if path.is_file()}
    # The package list is explicit (a mapped folder cannot be found by find:): every
    # package in the tree must be in it, or the wheel silently misses it.
    listed = set(setuptools["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "plugdesk").rglob("__init__.py")
    }
    assert on_disk | {"plugdesk.resources"} == listed


def test_resources_folder_holds_only_shipped_files() -> None:
    # Generated icons belong in packaging/build/, never next to the source SVG.
    files = sorted(str(p.relative_to(RESOURCES)) for p in RESOURCES.rglob("*") if p.is_file())
    translations = [
        f"translations/plugdesk_{lang}.{kind}" for lang in LANGUAGES for kind in ("qm", "ts")
    ]
    assert files == sorted([DESKTOP.name, METAINFO.name, SVG.name, WATCH_UNIT.name,
                            *(f"monitoring/{name}" for name in MONITORING),
                            *translations])  # fmt: skip


def test_desktop_entry_and_metainfo_speak_the_app_languages() -> None:
    """Software centres and menus show the name, comment and summary in the user's
    language: each of PlugDesk's translated languages has its own, not the English."""
    entry = _desktop_entry()
    root = ET.parse(METAINFO).getroot()
    summaries = {
        node.get("{http://www.w3.org/XML/1998/namespace}lang"): node.text
        for node in root.findall("summary")
    }
    for lang in TRANSLATED:
        for key in ("Comment", "GenericName", "Keywords"):
            assert entry[f"{key}[{lang}]"] not in ("", entry[key]), (key, lang)
        assert summaries[lang] not in (None, "", summaries[None]), lang


def test_watch_unit_runs_the_watch_and_stops_it_with_sigterm() -> None:
    from plugdesk.app.watch import EXIT_TOKEN_REJECTED

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(WATCH_UNIT, encoding="utf-8")
    service = parser["Service"]
    assert service["ExecStart"].split()[1:3] == ["watch", "--metrics"]
    assert service["ExecStart"].split()[0].endswith("/plugdesk")
    assert service["KillSignal"] == "SIGTERM"
    assert str(EXIT_TOKEN_REJECTED) in service["RestartPreventExitStatus"].split()
    assert parser["Install"]["WantedBy"] == "default.target"  # a user unit


def test_grafana_dashboard_queries_only_exported_metrics() -> None:
    import json
    import re

    dashboard = json.loads((RESOURCES / "monitoring" / "plugdesk-dashboard.json").read_text())
    exprs = [t["expr"] for panel in dashboard["panels"] for t in panel.get("targets", ())]
    assert exprs and len({p["id"] for p in dashboard["panels"]}) == len(dashboard["panels"])
    used = {name for expr in exprs for name in re.findall(r"plugdesk_[a-z_]+", expr)}
    source = (ROOT / "plugdesk" / "services" / "metrics.py").read_text(encoding="utf-8")
    exported = set(re.findall(r'"(plugdesk_[a-z_]+)"', source))
    exported |= {f"{name}_total" for name in exported}  # counters gain _total
    assert used <= exported, used - exported
