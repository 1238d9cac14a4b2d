"""Features are wired to the main window through its public methods and signals only: no
module outside plugdesk/ui/main_window.py (plugdesk/app/ above all) reaches into the
window's widgets (`window.detail_pane.tabs`, `window.status_bar`, ...), so the window can
change its layout without breaking them."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from PySide6.QtWidgets import QMainWindow

import plugdesk
from plugdesk.ui.main_window import MainWindow

ROOT = Path(plugdesk.__file__).parent
CHECKED = sorted(set(ROOT.rglob("*.py")) - {ROOT / "ui" / "main_window.py"})
DRIVES_THE_WIDGETS = {
    ROOT / "app" / "selftest.py",  # drives the real widgets as a user would (select a row)
    ROOT / "ui" / "ready_hook.py",  # the benchmark's probe: the fleet model's first rows
}
FLAGS = {"close_hides"}  # plain settings, not widgets


def window_seams() -> set[str]:
    """MainWindow's own methods, properties and signals, and QMainWindow's methods."""
    own = {name for name in vars(MainWindow) if not name.startswith("_")}
    qt = {name for name in dir(QMainWindow) if not name.startswith("_")
          and callable(inspect.getattr_static(QMainWindow, name, None))}  # fmt: skip
    return own | qt | FLAGS


def reaches(path: Path, seams: set[str]) -> list[str]:
    """`window.X` (or `self.window.X`, `desk.window.X`) where X is not a seam."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        is_window = (isinstance(owner, ast.Name) and owner.id == "window") or (
            isinstance(owner, ast.Attribute) and owner.attr == "window"
        )
        if is_window and node.attr not in seams:
            found.append(f"{path.name}:{node.lineno} window.{node.attr}")
    return found


def test_the_app_uses_only_the_windows_seams() -> None:
    seams = window_seams()
    found = [hit for path in CHECKED if path not in DRIVES_THE_WIDGETS
             for hit in reaches(path, seams)]  # fmt: skip
    assert found == []


def test_the_scan_sees_a_reach_into_a_widget(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f(window, wiring):\n    window.say('x')\n"
                      "    wiring.window.detail_pane.tabs.setCurrentIndex(1)\n")  # fmt: skip
    assert reaches(sample, window_seams()) == ["sample.py:3 window.detail_pane"]
