"""The app as `plugdesk --demo` starts it; `Desk.start` arms the start-up probe
(`plugdesk.ui.ready_hook`) itself when `PLUGDESK_BENCH_READY_FILE` is set."""

from __future__ import annotations

from plugdesk.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main(["--demo"]))
