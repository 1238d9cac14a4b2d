"""`plugdesk status`: check the fleet once, monitoring-plugin style (0 OK, 1 warning,
2 fault, 3 could not check), so it can be wired into cron or Nagios."""

from __future__ import annotations

import argparse
import asyncio
import json
from datetime import timedelta
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
    return asyncio.run(
        _status(api_url, token, as_json=args.json, time_limit=args.timeout, site=args.site)
    )


async def _status(
    api_url: str, token: str, *, as_json: bool, time_limit: float, site: str | None = None
) -> int:
    """One read the way the watch reads (team list with connectors and sites, or one
    site), one judgement with the user's staleness setting (the window's, too)."""
    from datetime import UTC, datetime

    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.api.errors import DeadlineError, PlugchoiceError
    from plugdesk.domain.health import SEVERITY, Severity
    from plugdesk.services.fleet_read import UnknownSiteError, check_fleet, find_site, read_fleet

    stale_after = _stale_after()
    try:
        async with PlugchoiceClient(api_url, token) as client:
            # The whole check (every page, retries, Retry-After waits) within --timeout.
            with client.time_limit(time_limit):
                chosen = await find_site(client, site) if site else None
                chargers = await read_fleet(client, chosen)
    except UnknownSiteError as error:
        raise CliError(str(error), EXIT_UNKNOWN) from None
    except DeadlineError as error:
        raise CliError(
            f"Could not check the fleet: timed out after {time_limit:g} s ({error})", EXIT_UNKNOWN
        ) from None
    except PlugchoiceError as error:
        raise CliError(f"Could not check the fleet: {error}", EXIT_UNKNOWN) from None
    _snapshot, checked = check_fleet(chargers, datetime.now(UTC), stale_after)
    faults = [c for c in checked if SEVERITY[c.verdict.level] is Severity.FAULT]
    warnings = [c for c in checked if SEVERITY[c.verdict.level] is Severity.WARNING]
    code = EXIT_FAULT if faults else EXIT_WARNING if warnings else EXIT_OK
    if as_json:
        _print_status_json(checked, code)
    else:
        _print_status_lines(faults + warnings, len(checked), len(faults), len(warnings))
    return code


def _stale_after() -> timedelta:
    """The user's staleness setting (the window and the watch judge with it too). Read
    without side effects; an unusable file judges with the default (the API URL check
    has already refused it when the URL came from that file)."""
    from plugdesk.domain.paths import app_paths
    from plugdesk.domain.settings import Settings, SettingsFileError, read_settings

    try:
        settings = read_settings(app_paths().settings_path()) or Settings()
    except SettingsFileError:
        settings = Settings()
    return timedelta(minutes=settings.stale_after_min)


def _print_status_lines(attention: list[Any], total: int, faults: int, warnings: int) -> None:
    for item in attention:
        charger, verdict = item.charger, item.verdict
        name = charger.identity or charger.uuid
        ref = f" ({charger.reference})" if charger.reference else ""
        where = f" @ {charger.site.name}" if charger.site and charger.site.name else ""
        reason = verdict.reason
        if item.faulted_connectors and reason.startswith("Connector "):
            reason = "c" + reason[1:]  # "PC-00023 … connector 2: HighTemperature"
        say(f"{verdict.label.upper():<8} {name}{ref}{where}: {reason}")
    ok = total - faults - warnings
    state = "FAULT" if faults else "WARNING" if warnings else "OK"
    say(f"PLUGDESK {state} - {total} chargers: {faults} fault, {warnings} warning, {ok} other")


def _print_status_json(checked: list[Any], code: int) -> None:
    rows = [
        {
            "uuid": item.charger.uuid,
            "identity": item.charger.identity,
            "reference": item.charger.reference,
            "site": None
            if item.charger.site is None
            else {"uuid": item.charger.site.uuid, "name": item.charger.site.name},
            "level": item.verdict.level.name.lower(),
            "kind": item.verdict.kind,
            "reason": item.verdict.reason,
            "error": item.verdict.error,
            "connector": item.faulted_connectors[0] if item.faulted_connectors else None,
            "faulted_connectors": list(item.faulted_connectors),
        }
        for item in checked
    ]
    # JSON escapes every control character (and, ASCII-only, every bidi one) by itself:
    # the values stay exact, only a token a server echoed is masked.
    print(masked(json.dumps({"exit_code": code, "chargers": rows}, indent=2)))
