"""`python -m bench [--quick] [--only NAME ...]`: every PlugDesk benchmark, a table on
stdout and `bench/results.json` (git-ignored). See bench/README.md for what each row
measures, its floor and its target.

Each benchmark runs in fresh child processes (own Qt application, memory and GIL); the
simulator runs in a process of its own. Floors are measured in the same run, alternating
with the measured code, so the ratios hold on a busy machine."""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench import b_budget, b_memory, b_startup, b_watch
from bench.common import ROOT, Result, child_env, machine, run_worker, scratch
from bench.simproc import SimProcess

RESULTS = ROOT / "bench" / "results.json"
UNLIMITED = 10_000_000


def _worker_rows(name: str, args: list[str], home: Path, timeout: float = 900) -> list[Result]:
    return [Result.from_json(row) for row in run_worker(name, args, home, timeout)]


def _gui(quick: bool, home: Path) -> list[Result]:
    """Fleet load + search, responsiveness, then refresh, against one 5,000-charger
    simulator."""
    with SimProcess(child_env(home), chargers=5000, big=10_000, rate_limit=UNLIMITED) as sim:
        common = ["--base-url", sim.base_url, "--token", sim.token, "--big-uuid", sim.big_uuid]
        rows = _worker_rows(
            "fleet_load",
            [*common, "--runs", "2" if quick else "5", "--search-passes", "1" if quick else "3"],
            home,
        )
        rows += _worker_rows("responsiveness", [*common, "--runs", "1" if quick else "3"], home)
        rows += _worker_rows("refresh", [*common, "--runs", "9" if quick else "31"], home)
    return rows


def _window_50k(home: Path) -> list[Result]:
    """Load, search, sort and scroll a 50,000-charger fleet (one run: a load is 2,000
    pages)."""
    with SimProcess(child_env(home), chargers=50_000, rate_limit=UNLIMITED) as sim:
        common = ["--base-url", sim.base_url, "--token", sim.token]
        return _worker_rows("window", common, home, timeout=1800)


def _plan(quick: bool) -> list[tuple[str, Callable[[Path], list[Result]]]]:
    return [
        ("start-up", lambda home: b_startup.run(3 if quick else 9, home)),
        ("transactions decode",
         lambda home: _worker_rows("decode", ["--runs", "9" if quick else "31"], home)),
        ("export", lambda home: _worker_rows(
            "export",
            ["--runs", "2" if quick else "5", "--xlsx-runs", "1" if quick else "3"],
            home,
        )),
        ("fleet load, search, responsiveness, refresh", lambda home: _gui(quick, home)),
        ("window 50,000", _window_50k),
        ("memory", lambda home: b_memory.run(1 if quick else 3, home)),
        ("request budget", lambda home: b_budget.run(quick, home)),
        ("watch 5,000", lambda home: [b_watch.run_one(5000, quick, home)]),
        ("watch 50,000", lambda home: [b_watch.run_one(50000, quick, home)]),
        ("aggregate", lambda home: _worker_rows("aggregate", ["--runs", "3" if quick else "7"],
                                                home)),
    ]


# Every row the issue asks for, so a benchmark that crashed still shows up as failed.
ROWS = {
    "start-up": ["start-up"],
    "transactions decode": ["transactions decode"],
    "export": ["export CSV", "export XLSX"],
    "fleet load, search, responsiveness, refresh": [
        "fleet load", "search", "responsiveness", "refresh 5,000"
    ],
    "window 50,000": ["window 50,000"],
    "memory": ["memory"],
    "request budget": ["request budget"],
    "watch 5,000": ["watch 5,000"],
    "watch 50,000": ["watch 50,000"],
    "aggregate": ["aggregate 100,000"],
}


def _failed(names: list[str], error: BaseException) -> list[Result]:
    text = "".join(traceback.format_exception_only(type(error), error)).strip()
    return [
        Result(name, float("nan"), float("nan"), float("nan"), "", None, None, "", False,
               details={"error": text[-2000:]})
        for name in names
    ]


def _cell(value: float | None, digits: int = 3) -> str:
    if value is None:
        return "—"
    if value != value:  # NaN
        return "error"
    return f"{value:.{digits}g}" if abs(value) < 1000 else f"{value:.0f}"


def table(rows: list[Result]) -> str:
    header = ("benchmark", "median", "min", "max", "unit", "floor", "ratio", "target", "pass")
    lines = [
        (
            r.name,
            _cell(r.median),
            _cell(r.min),
            _cell(r.max),
            r.unit,
            _cell(r.floor),
            _cell(r.ratio),
            r.target,
            "yes" if r.passed else "NO",
        )
        for r in rows
    ]
    widths = [max(len(str(x)) for x in column) for column in zip(header, *lines, strict=True)]

    def fmt(values: tuple[str, ...]) -> str:
        return " | ".join(str(v).ljust(w) for v, w in zip(values, widths, strict=True))

    return "\n".join([fmt(header), "-+-".join("-" * w for w in widths), *map(fmt, lines)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs (under 5 minutes)")
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME",
                        help="run only benchmarks whose name contains one of these words")
    parser.add_argument("--out", type=Path, default=RESULTS)
    options = parser.parse_args(argv)
    started = time.monotonic()
    rows: list[Result] = []
    for name, bench in _plan(options.quick):
        if options.only and not any(word in name for word in options.only):
            continue
        print(f"… {name}", file=sys.stderr, flush=True)
        took = time.monotonic()
        try:
            with scratch() as home:
                rows += bench(home)
        except Exception as error:  # report it as a failed row and go on
            rows += _failed(ROWS[name], error)
        print(f"  {name}: {time.monotonic() - took:.0f} s", file=sys.stderr, flush=True)
    document = {
        "quick": options.quick,
        "seconds": round(time.monotonic() - started, 1),
        "machine": machine(),
        "results": [row.to_json() for row in rows],
    }
    options.out.write_text(json.dumps(document, indent=1, default=str) + "\n")
    print(table(rows))
    print(f"\n{sum(r.passed for r in rows)}/{len(rows)} within target; "
          f"{document['seconds']:.0f} s; written to {options.out}")
    return 0 if all(r.passed for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
