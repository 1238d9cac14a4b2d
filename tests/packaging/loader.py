"""Load the build helpers in packaging/ by path: that folder is deliberately not a Python
package (it would shadow PyPI's `packaging`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"


def load(stem: str) -> ModuleType:
    """packaging/<stem>.py as module `plugdesk_<stem>` (loaded once)."""
    name = f"plugdesk_{stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{stem}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
