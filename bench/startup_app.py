"""The app as `plugdesk --demo` starts it, with the start-up probe armed
(`plugdesk.ui.ready_hook`). Until `plugdesk/app.py` calls `install_ready_hook` itself,
this wraps `Desk.start` to make that one call."""

from __future__ import annotations

from plugdesk import app as app_module
from plugdesk.cli import main
from plugdesk.ui.ready_hook import install_ready_hook

_start = app_module.Desk.start


def _start_with_probe(self: app_module.Desk) -> None:
    _start(self)
    install_ready_hook(self.window)


if __name__ == "__main__":
    app_module.Desk.start = _start_with_probe  # type: ignore[method-assign]
    raise SystemExit(main(["--demo"]))
