"""`plugdesk status`: check the fleet once, monitoring-plugin style (0 OK, 1 warning,
2 fault, 3 could not check), so it can be wired into cron or Nagios."""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import Any

from plugdesk.cli.common import (
    EXIT_FAULT,
    EXIT_OK,
    EXIT_UNKNOWN,
    EXIT_WARNING,
    CliError,
    masked,
    require_token,
    resolve_api_url,
    say,
)

DEFAULT_TIMEOUT = 50.0  # seconds: inside the 60 s a monitoring system usually allows


def cmd_status(args: argparse.Namespace) -> int:
    api_url = resolve_api_url(args)
    token = require_token(api_url)
    return asyncio.run(_status(api_url, token, as_json=args.json, time_limit=args.timeout))


async def _status(api_url: str, token: str, *, as_json: bool, time_limit: float) -> int:
    from datetime import UTC, datetime

    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.api.errors import DeadlineError, PlugchoiceError
    from plugdesk.domain.health import SEVERITY, Severity, charger_health

    try:
        async with PlugchoiceClient(api_url, token) as client:
            # The whole check (every page, retries, Retry-After waits) within --timeout.
            with client.time_limit(time_limit):
                chargers = await client.list_chargers()
    except DeadlineError as error:
        raise CliError(
            f"Could not check the fleet: timed out after {time_limit:g} s ({error})", EXIT_UNKNOWN
        ) from None
    except PlugchoiceError as error:
        raise CliError(f"Could not check the fleet: {error}", EXIT_UNKNOWN) from None
    now = datetime.now(UTC)
    verdicts = [(charger, charger_health(charger, now)) for charger in chargers]
    faults = [(c, v) for c, v in verdicts if SEVERITY[v.level] is Severity.FAULT]
    warnings = [(c, v) for c, v in verdicts if SEVERITY[v.level] is Severity.WARNING]
    code = EXIT_FAULT if faults else EXIT_WARNING if warnings else EXIT_OK
    if as_json:
        _print_status_json(verdicts, code)
    else:
        _print_status_lines(faults + warnings, len(chargers), len(faults), len(warnings))
    return code


def _print_status_lines(
    attention: list[tuple[Any, Any]], total: int, faults: int, warnings: int
) -> None:
    for charger, verdict in attention:
        name = charger.identity or charger.uuid
        ref = f" ({charger.reference})" if charger.reference else ""
        say(f"{verdict.label.upper():<8} {name}{ref}: {verdict.reason}")
    ok = total - faults - warnings
    state = "FAULT" if faults else "WARNING" if warnings else "OK"
    say(f"PLUGDESK {state} - {total} chargers: {faults} fault, {warnings} warning, {ok} other")


def _print_status_json(verdicts: list[tuple[Any, Any]], code: int) -> None:
    rows = [
        {
            "uuid": charger.uuid,
            "identity": charger.identity,
            "reference": charger.reference,
            "level": verdict.level.name.lower(),
            "kind": verdict.kind,
            "reason": verdict.reason,
            "error": verdict.error,
        }
        for charger, verdict in verdicts
    ]
    # JSON escapes every control character (and, ASCII-only, every bidi one) by itself:
    # the values stay exact, only a token a server echoed is masked.
    print(masked(json.dumps({"exit_code": code, "chargers": rows}, indent=2)))
