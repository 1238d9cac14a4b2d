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
    "memory_floor": "bench.b_memory:floor_worker",
    "memory_app": "bench.b_memory:app_worker",
    "budget": "bench.b_budget:worker",
}


def main() -> None:
    name, *argv = sys.argv[1:]
    module, _, function = WORKERS[name].partition(":")
    getattr(importlib.import_module(module), function)(argv)


if __name__ == "__main__":
    main()
