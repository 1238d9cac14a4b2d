"""packaging/bundle_rules.py: what the bundle leaves out, and that PlugDesk needs none of it."""

from __future__ import annotations

import ast

import pytest

from .loader import ROOT, load

rules = load("bundle_rules")
ALL = rules.active_cuts(None)


def _pyside_modules_imported_by_plugdesk() -> dict[str, set[str]]:
    """PySide6 module -> files of plugdesk that import it."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "plugdesk").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module == "PySide6":
                names = [f"PySide6.{a.name}" for a in node.names if a.name.startswith("Qt")]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1:
                    found.setdefault(parts[1], set()).add(str(path.relative_to(ROOT)))
    return found


def test_plugdesk_imports_only_the_qt_modules_the_bundle_keeps() -> None:
    imported = _pyside_modules_imported_by_plugdesk()
    assert {"QtCore", "QtGui", "QtWidgets"} <= set(imported)
    extra = {name: files for name, files in imported.items() if name not in rules.QT_MODULES_USED}
    # A new Qt module needs adding to QT_MODULES_USED, or the bundle will lack it.
    assert extra == {}


def test_excludes_unused_qt_modules_and_dev_tools() -> None:
    installed = ["QtCore", "QtNetwork", "QtSql", "QtSvg", "QtQuick"]
    excluded = rules.excluded_modules(ALL, installed)
    assert {"PySide6.QtSql", "PySide6.QtQuick", "pygments", "tkinter"} <= set(excluded)
    assert not {"PySide6.QtCore", "PySide6.QtSvg", "PySide6.QtNetwork"} & set(excluded)
    kept = rules.excluded_modules(ALL - {"qt-modules"}, ["QtSql"])
    assert "PySide6.QtSql" not in kept


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/wayland-decoration-client/libadwaita.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "plugdesk/resources/plugdesk.svg",
    ],
)
def test_keeps_what_a_desktop_needs(dest: str) -> None:
    assert rules.is_unwanted(dest, ALL) is None


@pytest.mark.parametrize(
    ("dest", "cut"),
    [
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "qt-plugins"),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "qt-plugins"),
        ("PySide6/Qt/plugins/platforms/libqlinuxfb.so", "qt-plugins"),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "qt-plugins"),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", "qt-plugins"),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", "qt-plugins"),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "qt-plugins"),
        ("PySide6\\plugins\\imageformats\\qwebp.dll", "qt-plugins"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "gtk3-theme"),
        ("PySide6/Qt/translations/qtbase_ja.qm", "translations"),
        ("PySide6/Qt/translations/qt_de.qm", "translations"),  # the meta-catalog: unused
    ],
)
def test_drops_what_plugdesk_does_not_use(dest: str, cut: str) -> None:
    assert rules.is_unwanted(dest, ALL) == cut
    assert rules.is_unwanted(dest, ALL - {cut}) is None  # each cut can be switched off


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",  # Qt's dialogs in the languages PlugDesk speaks
        "PySide6\\translations\\qtbase_nl.qm",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "plugdesk/resources/translations/plugdesk_nl.qm",  # PlugDesk's own: never cut
    ],
)
def test_keeps_the_translations_plugdesk_loads(dest: str) -> None:
    assert rules.is_unwanted(dest, ALL) is None


def test_cut_names_are_checked() -> None:
    assert rules.active_cuts(" strip , translations") == ALL - {"strip", "translations"}
    with pytest.raises(ValueError, match="unknown bundle cut"):
        rules.active_cuts("stripp")
    assert set(rules.CUT_DESCRIPTIONS) == set(rules.CUTS)


def test_prune_drops_only_libraries_left_without_a_user() -> None:
    links = {
        "gtk3.so": ["libgtk-3.so.0", "libglib-2.0.so.0"],
        "libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
        "libcairo.so.2": [],
        "libglib-2.0.so.0": [],
        "xcb.so": ["libglib-2.0.so.0", "libxcb.so.1"],
        "libxcb.so.1": [],
        "dlopened.so": [],
    }
    binaries = [(f"lib/{name}", f"/src/{name}", "BINARY") for name in links]
    dropped = [binaries[0]]
    kept, orphans = rules.prune(binaries, dropped, lambda src: links[src.rsplit("/", 1)[1]])
    assert sorted(entry[0] for entry in orphans) == ["lib/libcairo.so.2", "lib/libgtk-3.so.0"]
    assert sorted(entry[0] for entry in kept) == [
        "lib/dlopened.so",
        "lib/libglib-2.0.so.0",
        "lib/libxcb.so.1",
        "lib/xcb.so",
    ]


def test_symlinks_to_removed_libraries_go_too() -> None:
    datas = [
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("plugdesk/resources/plugdesk.svg", "/src/plugdesk.svg", "DATA"),
    ]
    left = rules.drop_symlinks_to(datas, ["PySide6/Qt/lib/libQt6Network.so.6"])
    assert [entry[0] for entry in left] == ["libQt6Gui.so.6", "plugdesk/resources/plugdesk.svg"]
