"""The simulator in a process of its own, so its request handling does not share a GIL
(or a peak RSS) with the app being measured.

    python -m bench.simproc --chargers 5000 [--big 10000] [--time-scale 10] ...

prints one JSON line (base_url, token, big_uuid), then obeys stdin lines:
`dump PATH` (fault log, request log and simulated now as JSON; answers `ok`) and `quit`.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from plugdesk.simulator import Simulator


def _dump(sim: Simulator, path: str) -> None:
    faults = [
        {
            "uuid": f.charger_uuid,
            "kind": f.kind,
            "error": f.error,
            "started_at": f.started_at.timestamp(),
            "ended_at": f.ended_at.timestamp() if f.ended_at else None,
            "connector_id": f.connector_id,
        }
        for f in sim.fault_log
    ]
    requests = [
        {
            "real_time": r.real_time,
            "sim_time": r.sim_time.timestamp(),
            "route": r.route,
            "path": r.path,
            "status": r.status,
        }
        for r in sim.request_log
    ]
    document = {"now": sim.now().timestamp(), "faults": faults, "requests": requests}
    Path(path).write_text(json.dumps(document))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chargers", type=int, default=40)
    parser.add_argument("--big", type=int, default=0, help="transactions of charger 0")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--time-scale", type=float, default=1.0)
    parser.add_argument("--rate-limit", type=int, default=500)
    parser.add_argument("--rate-window", type=float, default=60.0)
    parser.add_argument("--trouble", default="default")
    options = parser.parse_args()
    sim = Simulator(
        chargers=options.chargers,
        seed=options.seed,
        time_scale=options.time_scale,
        rate_limit_per_minute=options.rate_limit,
        rate_window_seconds=options.rate_window,
        big_charger_transactions=options.big,
        trouble=options.trouble,
    )
    sim.start()
    big = sim.charger_uuids()[0]  # charger 0 is the one with the big history
    if options.big:
        sim.transactions_for(big)  # build it now, not inside the first timed request
    # What was built lives to the end: out of the cycle collector's sight (50,000
    # chargers are millions of objects; a full collection stalled requests for seconds).
    gc.collect()
    gc.freeze()
    print(json.dumps({"base_url": sim.base_url, "token": sim.token, "big_uuid": big}), flush=True)
    try:
        for line in sys.stdin:
            command, _, argument = line.strip().partition(" ")
            if command == "dump":
                _dump(sim, argument)
                print("ok", flush=True)
            elif command == "quit":
                break
    finally:
        sim.stop()


class SimProcess:
    """Starts `bench.simproc` and stops it; a context manager."""

    def __init__(self, env: dict[str, str], **options: Any) -> None:
        args = [sys.executable, "-m", "bench.simproc"]
        for key, value in options.items():
            args += [f"--{key.replace('_', '-')}", str(value)]
        self._process = subprocess.Popen(
            args, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            self._process.wait(10)
            raise RuntimeError("the simulator process did not start")
        info = json.loads(line)
        self.base_url: str = info["base_url"]
        self.token: str = info["token"]
        self.big_uuid: str = info["big_uuid"]

    def dump(self, path: Path) -> dict[str, Any]:
        """The simulator's fault log, request log and simulated now."""
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(f"dump {path}\n")
        process.stdin.flush()
        if process.stdout.readline().strip() != "ok":
            raise RuntimeError("the simulator process did not dump its logs")
        data: dict[str, Any] = json.loads(path.read_text())
        return data

    def close(self) -> None:
        process = self._process
        if process.poll() is not None:
            return
        try:
            assert process.stdin is not None
            process.stdin.write("quit\n")
            process.stdin.flush()
            process.wait(15)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait(5)

    def __enter__(self) -> SimProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


if __name__ == "__main__":
    main()
