"""`python -m bench.worker NAME ARGS...`: one benchmark in a fresh process (its own Qt
application, memory and GIL); it prints its rows as `BENCH_RESULT {json}` lines."""

from __future__ import annotations

import sys
from collections.abc import Callable


def _workers() -> dict[str, Callable[[list[str]], None]]:
    from bench import b_budget, b_data, b_gui, b_memory

    return {
        "decode": b_data.decode_worker,
        "export": b_data.export_worker,
        "fleet_load": b_gui.fleet_load_worker,
        "search": b_gui.search_worker,
        "responsiveness": b_gui.responsiveness_worker,
        "memory_floor": b_memory.floor_worker,
        "memory_app": b_memory.app_worker,
        "budget": b_budget.worker,
    }


def main() -> None:
    name, *argv = sys.argv[1:]
    _workers()[name](argv)


if __name__ == "__main__":
    main()
