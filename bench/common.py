"""Shared pieces of the benchmarks: results, statistics, timing, machine facts, and the
environment every child process gets (offscreen Qt, throw-away app folders)."""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULT_MARK = "BENCH_RESULT "


@dataclass
class Result:
    """One row of the table and of results.json."""

    name: str
    median: float
    min: float
    max: float
    unit: str
    floor: float | None
    ratio: float | None
    target: str
    passed: bool
    samples: list[float] = field(default_factory=list)
    floor_samples: list[float] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["pass"] = data.pop("passed")
        for key in ("median", "min", "max"):
            if data[key] != data[key]:  # NaN: the benchmark failed to run
                data[key] = None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Result:
        values = dict(data)
        values["passed"] = values.pop("pass")
        for key in ("median", "min", "max"):
            if values[key] is None:
                values[key] = float("nan")
        return cls(**values)


def spread(samples: list[float]) -> tuple[float, float, float]:
    """(median, min, max)."""
    return statistics.median(samples), min(samples), max(samples)


def ratio_row(
    name: str,
    samples: list[float],
    floor_samples: list[float],
    *,
    unit: str,
    limit: float,
    target: str | None = None,
    details: dict[str, Any] | None = None,
    enforce: bool = True,
) -> Result:
    """A row judged by median / floor median <= limit (floor measured in the same run)."""
    median, low, high = spread(samples)
    floor = statistics.median(floor_samples)
    ratio = median / floor if floor > 0 else float("inf")
    return Result(
        name=name,
        median=median,
        min=low,
        max=high,
        unit=unit,
        floor=floor,
        ratio=ratio,
        target=target or f"≤ {limit:g}× floor",
        passed=ratio <= limit if enforce else True,
        samples=samples,
        floor_samples=floor_samples,
        details=details or {},
    )


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call takes, after a collection so earlier garbage is not billed."""
    gc.collect()
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def interleaved(
    measured: Callable[[], object], floor: Callable[[], object], runs: int, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Run measured and floor alternately (so machine noise hits both alike); seconds."""
    for _ in range(warmup):
        measured()
        floor()
    mine: list[float] = []
    base: list[float] = []
    for index in range(runs):
        # Alternate who goes first: neither always gets the warmer cache.
        pair = (measured, floor) if index % 2 == 0 else (floor, measured)
        first, second = timed(pair[0]), timed(pair[1])
        if index % 2 == 0:
            mine.append(first)
            base.append(second)
        else:
            base.append(first)
            mine.append(second)
    return mine, base


def machine() -> dict[str, Any]:
    """Where the figures came from."""
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6

    pyside = PySide6.__version__
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "pyside6": pyside,
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
    }


def child_env(home: Path) -> dict[str, str]:
    """Environment for child processes: offscreen Qt and app folders in `home`."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PLUGDESK_HOME"] = str(home)
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env.pop("PLUGDESK_TOKEN", None)
    env.pop("PLUGDESK_API_URL", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    # Bytecode cached as an installed copy (or the bundle) has it, in the scratch folder,
    # not the checkout: without it every child compiles PlugDesk's modules again (0.1 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


@contextmanager
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="plugdesk-bench-") as folder:
        yield Path(folder)


def run_worker(
    name: str, args: list[str], home: Path, timeout: float = 600.0
) -> list[dict[str, Any]]:
    """Run `python -m bench.worker name args...` and return the JSON payloads it printed
    on lines starting with RESULT_MARK."""
    command = [sys.executable, "-m", "bench.worker", name, *args]
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=child_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    payloads = [
        json.loads(line[len(RESULT_MARK) :])
        for line in done.stdout.splitlines()
        if line.startswith(RESULT_MARK)
    ]
    if done.returncode != 0 or not payloads:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-30:])
        raise RuntimeError(f"worker {name} failed (exit {done.returncode}):\n{tail}")
    return payloads


def emit(payload: dict[str, Any]) -> None:
    """A worker's answer to run_worker."""
    print(RESULT_MARK + json.dumps(payload), flush=True)


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_queue_wait() -> float:
    """Seconds the calling thread has spent runnable but waiting for a CPU (Linux's
    /proc/thread-self/schedstat; 0 elsewhere)."""
    try:
        with open("/proc/thread-self/schedstat", "rb") as handle:
            return int(handle.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0
