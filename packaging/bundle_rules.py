"""What the PlugDesk bundle leaves out, as data and small pure functions.

Used by packaging/plugdesk.spec (PyInstaller) and by tests/packaging. Each cut has a name,
so one can be switched off for a build (env PLUGDESK_BUNDLE_KEEP="translations,strip") to
measure what it saves (`python packaging/build.py --measure-cuts`).

This folder has no __init__.py on purpose: a `packaging` package here would shadow the
PyPI `packaging` library that pip, setuptools and PyInstaller import. Load this file by
path (runpy / importlib), not by `import packaging.bundle_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath
from typing import Final

# PySide6 modules PlugDesk imports. Every other PySide6 module is excluded from analysis, so
# neither its Python binding nor its Qt library, plugins and translations are collected.
# tests/packaging checks that plugdesk's own imports stay inside this set.
# QtNetwork: only its local sockets (one instance per user, plugdesk/app/single_instance.py).
# QtCharts (from PySide6-Addons) draws the Insights charts; it links libQt6OpenGL and
# libQt6OpenGLWidgets, which come along as its libraries (not as Python modules).
QT_MODULES_USED: Final = frozenset(
    {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork", "QtCharts"}
)

# Qt plugins, by plugin folder: None keeps the whole folder, a set keeps only the plugins
# whose file name contains one of the words, and a folder missing here is dropped whole
# (embedded platforms: eglfs, linuxfb, vnc, evdev input; networking: tls,
# networkinformation; printsupport, sqldrivers, qmltooling, ...).
# A Linux desktop needs xcb (X11) and wayland; offscreen runs the self-test in CI; windows
# and cocoa are the other platforms' own.
PLUGINS_KEPT: Final[dict[str, frozenset[str] | None]] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"}),
    # xdg-desktop-portal: file dialogs and dark mode through the portal (also in Flatpak).
    # gtk3 is left out: it drags the whole GTK 3 stack (about 20 MB) into the bundle.
    "platformthemes": frozenset({"xdgdesktopportal"}),
    # Input methods (compose key, IBus): typing accented or CJK text in the search box. Not
    # Qt's virtual keyboard (PySide6-Addons): it links QtQuick, QML and QtNetwork (~20 MB).
    "platforminputcontexts": frozenset({"compose", "ibus"}),
    # The app icon and the tray badges are SVG; PNG and BMP are built into QtGui.
    "iconengines": frozenset({"svg"}),
    "imageformats": frozenset({"svg"}),
    # OpenGL integration for xcb and everything Wayland needs (shells, decorations, buffers).
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": None,
    "wayland-shell-integration": None,
    # Windows: the native widget style; accessibility bridges everywhere.
    "styles": None,
    "accessiblebridge": None,
    "accessible": None,
}

_PLUGIN_RE: Final = re.compile(r"(?:^|/)plugins/(?P<kind>[^/]+)/(?P<file>[^/]+)$")
_TRANSLATION_RE: Final = re.compile(r"(?:^|/)translations/[^/]+\.qm$")
# Qt's catalogs PlugDesk loads (plugdesk/ui/i18n.py): its standard dialogs' buttons and
# context menus in the languages PlugDesk speaks. PlugDesk's own .qm files are never cut.
_QT_TRANSLATIONS_KEPT: Final = re.compile(r"(?:^|/)qtbase_(?:nl|de|fr)\.qm$")
_OWN_RESOURCES: Final = "plugdesk/resources/"

# The cuts a build can switch off one by one to measure them.
CUT_DESCRIPTIONS: Final = {
    "qt-modules": "PySide6 modules PlugDesk does not import (QtSql, the QtDBus binding, "
    "QtOpenGL, ...) with their Qt libraries and plugins",
    "qt-plugins": "Qt plugins a desktop app does not use: embedded platforms (eglfs, linuxfb, "
    "vnc, ...) and evdev/tuio input, image formats other than SVG, and the libraries only "
    "they link",
    "gtk3-theme": "Qt's GTK 3 platform theme and the GTK 3 / cairo / pango stack it links",
    "translations": "Qt's own translations (.qm) other than qtbase in Dutch, German and "
    "French, the languages PlugDesk speaks",
    "icu-data": "ICU data Qt never reads (Linux): break dictionaries, unit/currency/language "
    "names, transliterators, legacy converters; keeps collation, time zones, locales",
    "dev-modules": "httpx's optional command line (rich, click, pygments) and pytest, found "
    "in a development environment",
    "strip": "symbol tables and debug info in the bundled libraries (strip)",
}
CUTS: Final = tuple(CUT_DESCRIPTIONS)


def active_cuts(keep: str | None) -> frozenset[str]:
    """The cuts in force, given PLUGDESK_BUNDLE_KEEP (a comma list of cuts to skip)."""
    skipped = {name.strip() for name in (keep or "").split(",") if name.strip()}
    unknown = skipped - set(CUTS)
    if unknown:
        raise ValueError(f"unknown bundle cut(s) {sorted(unknown)}; known: {', '.join(CUTS)}")
    return frozenset(CUTS) - skipped


def excluded_modules(cuts: Iterable[str], qt_modules: Iterable[str]) -> list[str]:
    """Module names for PyInstaller's `excludes`; `qt_modules` are the PySide6 modules
    installed (e.g. "QtSql"), so a module new in a later PySide6 is excluded too."""
    cuts = set(cuts)
    names = ["tkinter", "_tkinter"]  # never used; keeps a stray import from pulling Tcl/Tk
    if "dev-modules" in cuts:
        # httpx imports its CLI (rich, click, pygments) only if they are installed, which
        # they are in a dev/CI environment (pytest brings pygments).
        names += ["rich", "click", "pygments", "pytest", "_pytest"]
    if "qt-modules" in cuts:
        names += sorted(f"PySide6.{name}" for name in set(qt_modules) - QT_MODULES_USED)
    return names


def is_unwanted(dest: str, cuts: Iterable[str]) -> str | None:
    """The cut that removes the bundled file at `dest` (its path inside the bundle), or
    None to keep it."""
    cuts = set(cuts)
    path = PurePosixPath(dest.replace("\\", "/")).as_posix()
    if "translations" in cuts and _TRANSLATION_RE.search(path):
        kept = _QT_TRANSLATIONS_KEPT.search(path) or _OWN_RESOURCES in path
        return None if kept else "translations"
    match = _PLUGIN_RE.search(path)
    if not match:
        return None
    kind, file = match["kind"], match["file"].lower()
    if kind == "platformthemes" and "gtk3" in file:
        return "gtk3-theme" if "gtk3-theme" in cuts else None
    if "qt-plugins" not in cuts:
        return None
    if kind not in PLUGINS_KEPT:
        return "qt-plugins"
    words = PLUGINS_KEPT[kind]
    if words is None or any(word in file for word in words):
        return None
    return "qt-plugins"


Entry = tuple[str, str, str]  # PyInstaller TOC entry: (dest_name, src_name, typecode)
GetImports = Callable[[str], Iterable[str]]  # src path -> names of the libraries it links


def prune(
    binaries: Sequence[Entry], dropped: Sequence[Entry], get_imports: GetImports
) -> tuple[list[Entry], list[Entry]]:
    """Split `binaries` into (kept, orphans) once `dropped` is gone.

    An orphan is a library that only dropped binaries needed: linked (directly or not) by a
    dropped plugin and by nothing that stays. Libraries that nothing links at all (loaded
    with dlopen, or put there by a hook) are never orphans, since only what the dropped
    binaries link is a candidate.
    """
    dropped_names = {entry[0] for entry in dropped}
    by_base: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_base.setdefault(_base(entry[0]), []).append(entry)

    def links(entry: Entry) -> list[Entry]:
        found: list[Entry] = []
        for name in get_imports(entry[1]):
            found.extend(by_base.get(_base(name), []))
        return found

    candidates = _closure([e for e in binaries if e[0] in dropped_names], links)
    candidates -= dropped_names
    roots = [e for e in binaries if e[0] not in dropped_names and e[0] not in candidates]
    needed = _closure(roots, links)
    orphans = [e for e in binaries if e[0] in candidates and e[0] not in needed]
    orphan_names = {e[0] for e in orphans}
    kept = [e for e in binaries if e[0] not in dropped_names and e[0] not in orphan_names]
    return kept, orphans


def _closure(start: Iterable[Entry], links: Callable[[Entry], list[Entry]]) -> set[str]:
    seen: set[str] = set()
    stack = list(start)
    while stack:
        entry = stack.pop()
        if entry[0] in seen:
            continue
        seen.add(entry[0])
        stack.extend(dep for dep in links(entry) if dep[0] not in seen)
    return seen


def _base(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).name.lower()


def drop_symlinks_to(datas: Sequence[Entry], removed: Iterable[str]) -> list[Entry]:
    """PyInstaller 6 adds SYMLINK entries (top-level aliases of Qt libraries); drop those
    that would dangle once their target is gone."""
    gone = {PurePosixPath(name.replace("\\", "/")).as_posix() for name in removed}
    return [
        entry
        for entry in datas
        if not (entry[2] == "SYMLINK" and PurePosixPath(entry[1]).as_posix() in gone)
    ]
