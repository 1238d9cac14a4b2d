"""`plugdesk sim`: the Plugchoice simulator in the foreground, for demos and scripts."""

from __future__ import annotations

import argparse
import shlex

from plugdesk.cli.common import EXIT_OK, EXIT_USAGE, TOKEN_ENV, CliError, int_in_range


def cmd_sim(args: argparse.Namespace) -> int:
    import time

    from plugdesk.simulator import CHAOS_MODES, Simulator

    if args.chaos is not None and args.chaos not in CHAOS_MODES:
        raise CliError(
            f"unknown chaos mode {args.chaos!r}; choose from {', '.join(CHAOS_MODES)}", EXIT_USAGE
        )
    sim = Simulator(
        chargers=args.chargers,
        seed=args.seed,
        time_scale=args.time_scale,
        port=args.port,
        chaos=args.chaos,
    )
    sim.start()
    print(f"Plugchoice simulator: {sim.base_url}", flush=True)
    print(f"Demo token: {sim.token}", flush=True)
    # Real tokens contain "|" (Sanctum style), so the hint must be shell-quoted.
    hint = f"{TOKEN_ENV}={shlex.quote(sim.token)} plugdesk status --api-url {sim.base_url}"
    print(f"Try: {hint}", flush=True)
    print("\n".join(sim.describe()), flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return EXIT_OK


def port(text: str) -> int:
    value = int_in_range(text, 0, 65535, "a port")
    return value


def chargers(text: str) -> int:
    return int_in_range(text, 1, 10_000, "a fleet size")

