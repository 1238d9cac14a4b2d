"""`python -m bench.worker NAME ARGS...`: one benchmark in a fresh process (its own Qt
application, memory and GIL); it prints its rows as `BENCH_RESULT {json}` lines."""

from __future__ import annotations

import importlib
import sys

WORKERS = {
    "decode": "bench.b_data:decode_worker",
    "export": "bench.b_data:export_worker",
    "fleet_load": "bench.b_gui:fleet_load_worker",
    "responsiveness": "bench.b_gui:responsiveness_worker",
    "refresh": "bench.b_gui:refresh_worker",
    "window": "bench.b_gui:window_worker",
    "memory_floor": "bench.b_memory:floor_worker",
    "memory_app": "bench.b_memory:app_worker",
    "budget": "bench.b_budget:worker",
    "watch": "bench.b_watch:worker",
    "aggregate": "bench.b_insights:worker",
}


def main() -> None:
    from plugdesk.app.startup import (
        collector_paused,
        import_before_qt,
        import_network_stack,
        spare_qt_import_hook,
    )

    name, *argv = sys.argv[1:]
    module, _, function = WORKERS[name].partition(":")
    # As `plugdesk` starts: the network stack loaded before Qt (not by the first request
    # in the middle of a measurement: anyio's backend took 96 ms under Qt's import hook),
    # and what the imports made frozen out of later cycle collections.
    with collector_paused():
        import_before_qt()
        import_network_stack(demo=False)
        spare_qt_import_hook()
        worker = getattr(importlib.import_module(module), function)
    worker(argv)


if __name__ == "__main__":
    main()
