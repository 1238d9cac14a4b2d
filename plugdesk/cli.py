"""Command-line entry points: `plugdesk` (GUI) and its subcommands.

Every command prints one clear line to stderr on failure and exits non-zero; no traceback
reaches the user. `status` follows the monitoring-plugin convention (0 OK, 1 warning,
2 fault, 3 could not check) so it can be wired into cron or Nagios.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import getpass
import json
import os
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from plugdesk import __version__

DEFAULT_API_URL = "https://app.plugchoice.com/api/v3"
TOKEN_ENV = "PLUGDESK_TOKEN"
API_URL_ENV = "PLUGDESK_API_URL"

EXIT_OK, EXIT_WARNING, EXIT_FAULT, EXIT_UNKNOWN = 0, 1, 2, 3


class CliError(Exception):
    """A failure worth one line on stderr; `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line plus a hint, exit code 64."""

    def error(self, message: str) -> NoReturn:
        self.exit(64, f"plugdesk: {message}\nTry '{self.prog} --help'.\n")


def _common_options() -> _Parser:
    # SUPPRESS keeps a subcommand's unset option from overwriting the same option given
    # before the subcommand name.
    common = _Parser(add_help=False)
    common.add_argument(
        "--api-url",
        default=argparse.SUPPRESS,
        metavar="URL",
        help=f"Plugchoice API base URL (env {API_URL_ENV}; default {DEFAULT_API_URL})",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = _Parser(
        prog="plugdesk",
        description="PlugDesk: watch your EV chargers, read their transactions, export them.",
        parents=[common],
        epilog=f"The API token comes from env {TOKEN_ENV} if set, else from the system "
        "keyring (see 'plugdesk login').",
    )
    parser.add_argument("--version", action="version", version=f"PlugDesk {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="run against the built-in simulator (no account)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen against the simulator, check the app works, print a report",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sim = sub.add_parser("sim", parents=[common], help="run the API simulator in the foreground")
    sim.add_argument("--port", type=_port, default=0, help="port on 127.0.0.1 (default: free)")
    sim.add_argument("--chargers", type=_chargers, default=40, help="fleet size (1-10000)")
    sim.add_argument("--seed", type=int, default=7, help="random seed (same seed, same fleet)")
    sim.add_argument(
        "--time-scale", type=_positive_float, default=1.0, help="simulated seconds per second"
    )
    sim.add_argument("--chaos", default=None, metavar="NAME", help="chaos scenario to inject")

    status = sub.add_parser(
        "status", parents=[common], help="check the fleet once; exit 0 OK, 1 warn, 2 fault"
    )
    status.add_argument("--json", action="store_true", help="print JSON instead of lines")
    status.add_argument("--site", metavar="NAME|UUID", help="check only this site's chargers")

    login = sub.add_parser("login", parents=[common], help="store an API token in the keyring")
    login.add_argument(
        "--token-stdin", action="store_true", help="read the token from standard input"
    )
    sub.add_parser("logout", parents=[common], help="forget the stored token for the API URL")

    _add_export_parser(sub, common)
    return parser


def _add_export_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser(
        "export", parents=[common], help="export transactions to CSV or XLSX for billing"
    )
    scope = export.add_mutually_exclusive_group(required=True)
    scope.add_argument(
        "--charger", action="append", metavar="UUID", help="a charger to export (repeatable)"
    )
    scope.add_argument("--all", action="store_true", help="every charger of the account")
    export.add_argument(
        "--from", dest="date_from", metavar="DATE", help="started from (YYYY-MM-DD)"
    )
    export.add_argument("--to", dest="date_to", metavar="DATE", help="stopped until (YYYY-MM-DD)")
    export.add_argument("--status", choices=("active", "finished"), help="only this status")
    export.add_argument("--format", choices=("csv", "xlsx"), help="file format (default: by -o)")
    export.add_argument("--tz", choices=("utc", "local"), default="utc", help="time zone of times")
    export.add_argument("--delimiter", choices=(",", ";"), default=",", help="CSV delimiter")
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="file, or - for stdout"
    )


# -- argument types: each says what was wrong with the value -------------------------------


def _port(text: str) -> int:
    value = _int_in_range(text, 0, 65535, "a port")
    return value


def _chargers(text: str) -> int:
    return _int_in_range(text, 1, 10_000, "a fleet size")


def _int_in_range(text: str, low: int, high: int, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} must be from {low} to {high}, not {value}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value <= 100_000:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 100000, not {text}")
    return value


# -- shared resolution of API URL and token -------------------------------------------------


def resolve_api_url(args: argparse.Namespace) -> str:
    from plugdesk.api.client import check_api_url

    url: str = getattr(args, "api_url", None) or os.environ.get(API_URL_ENV) or _settings_url()

    check_api_url(url)
    return url.rstrip("/")


def _settings_url() -> str:
    """The API URL saved in the settings (a broken settings file means the default)."""
    from plugdesk.domain.paths import app_paths
    from plugdesk.domain.settings import load_settings

    path = app_paths().settings_path()
    if not path.exists():
        return DEFAULT_API_URL
    settings, _problem = load_settings(path)
    return settings.api_url


def resolve_token(api_url: str) -> str | None:
    """The env token wins (kiosk and scripted use, nothing stored); else the keyring's."""
    env_token = os.environ.get(TOKEN_ENV, "").strip()
    if env_token:
        return env_token
    from plugdesk.domain.credentials import CredentialStore

    return CredentialStore().get(api_url)


def _require_token(api_url: str) -> str:
    token = resolve_token(api_url)
    if not token:
        raise CliError(
            f"No API token for {api_url}: run 'plugdesk login' or set {TOKEN_ENV}.", EXIT_UNKNOWN
        )
    return token


# -- commands --------------------------------------------------------------------------------


def cmd_sim(args: argparse.Namespace) -> int:
    import time

    from plugdesk.simulator import Simulator

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


def cmd_status(args: argparse.Namespace) -> int:
    api_url = resolve_api_url(args)
    token = _require_token(api_url)
    return asyncio.run(_status(api_url, token, as_json=args.json, site=args.site))


async def _status(api_url: str, token: str, *, as_json: bool, site: str | None = None) -> int:
    """One read the way the watch reads (team list with connectors and sites, or one
    site), one judgement with the user's staleness setting (the window's, too)."""
    from datetime import UTC, datetime, timedelta

    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.api.errors import PlugchoiceError
    from plugdesk.domain.health import SEVERITY, Severity
    from plugdesk.domain.paths import app_paths
    from plugdesk.domain.settings import load_settings
    from plugdesk.services.fleet_read import UnknownSiteError, check_fleet, find_site, read_fleet

    settings, _problem = load_settings(app_paths().settings_path())
    try:
        async with PlugchoiceClient(api_url, token) as client:
            chosen = await find_site(client, site) if site else None
            chargers = await read_fleet(client, chosen)
    except UnknownSiteError as error:
        raise CliError(str(error), EXIT_UNKNOWN) from None
    except PlugchoiceError as error:
        raise CliError(f"Could not check the fleet: {error}", EXIT_UNKNOWN) from None
    stale_after = timedelta(minutes=settings.stale_after_min)
    _snapshot, checked = check_fleet(chargers, datetime.now(UTC), stale_after)
    faults = [c for c in checked if SEVERITY[c.verdict.level] is Severity.FAULT]
    warnings = [c for c in checked if SEVERITY[c.verdict.level] is Severity.WARNING]
    code = EXIT_FAULT if faults else EXIT_WARNING if warnings else EXIT_OK
    if as_json:
        _print_status_json(checked, code)
    else:
        _print_status_lines(faults + warnings, len(checked), len(faults), len(warnings))
    return code


def _print_status_lines(attention: list[Any], total: int, faults: int, warnings: int) -> None:
    for item in attention:
        charger, verdict = item.charger, item.verdict
        name = charger.identity or charger.uuid
        ref = f" ({charger.reference})" if charger.reference else ""
        where = f" @ {charger.site.name}" if charger.site and charger.site.name else ""
        reason = verdict.reason
        if item.faulted_connectors and reason.startswith("Connector "):
            reason = "c" + reason[1:]  # "PC-00023 … connector 2: HighTemperature"
        print(f"{verdict.label.upper():<8} {name}{ref}{where}: {reason}")
    ok = total - faults - warnings
    state = "FAULT" if faults else "WARNING" if warnings else "OK"
    print(f"PLUGDESK {state} - {total} chargers: {faults} fault, {warnings} warning, {ok} other")


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
    print(json.dumps({"exit_code": code, "chargers": rows}, indent=2))


def cmd_login(args: argparse.Namespace) -> int:
    api_url = resolve_api_url(args)
    token = _read_token(from_stdin=args.token_stdin)
    user_name = asyncio.run(_validate_token(api_url, token))
    from plugdesk.domain.credentials import CredentialStore

    store = CredentialStore()
    store.set(api_url, token)
    print(f"Signed in as {user_name} on {api_url}.")
    if store.session_only:
        print(f"Warning: {store.problem}", file=sys.stderr)
        print("The token was NOT stored: set PLUGDESK_TOKEN instead.", file=sys.stderr)
        return EXIT_WARNING
    print(f"The token is kept in {store.backend_name}.")
    return EXIT_OK


def _read_token(*, from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        token = sys.stdin.readline().strip()
    else:
        token = getpass.getpass("Personal access token (input hidden): ").strip()
    if not token:
        raise CliError(
            "No token given: paste the personal access token from the Plugchoice "
            "portal (Settings → Personal Access Tokens)."
        )
    return token


async def _validate_token(api_url: str, token: str) -> str:
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.api.errors import PlugchoiceError

    try:
        async with PlugchoiceClient(api_url, token) as client:
            user = await client.get_user()
    except PlugchoiceError as error:
        raise CliError(f"Sign-in failed: {error}") from None
    return user.name or user.email or "unknown user"


def cmd_logout(args: argparse.Namespace) -> int:
    api_url = resolve_api_url(args)
    from plugdesk.domain.credentials import CredentialStore

    removed = CredentialStore().delete(api_url)
    print(f"Signed out of {api_url}." if removed else f"No token was stored for {api_url}.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from plugdesk.export_cli import run_export

    api_url = resolve_api_url(args)
    token = _require_token(api_url)
    return run_export(args, api_url, token)


def cmd_gui(args: argparse.Namespace) -> int:
    with collector_paused():
        import_before_qt(demo=args.demo or args.self_test)
        spare_qt_import_hook()
        from plugdesk.app import run_gui

    if args.demo or args.self_test:
        return run_gui("", None, demo=True, self_test=args.self_test)
    api_url = resolve_api_url(args)
    return run_gui(api_url, resolve_token(api_url))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cycle collection while the window's modules load: the imports make
    ~80,000 long-lived objects and hardly any garbage (~600 objects), yet set off ~100
    collections (25-30 ms of start-up). What they made is then frozen out of later
    collections (it lives as long as the process), so the next ones need not walk it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


_QT_OWN = ("PySide6", "shiboken6", "shibokensupport", "__feature__")


def spare_qt_import_hook() -> None:
    """PySide6 watches every import: the first time it meets a module (being imported, or
    running an import inside a function) it reads the module's whole source, looking for
    `from __feature__ import`. Neither the modules loaded before Qt nor PySide's-feature-
    free PlugDesk use that, so they are marked "ignore" (-1, the feature module's own
    marker) up front: 28 ms less start-up, and no 90 ms stall when anyio first opens a
    connection in the middle of a refresh. Best effort: the table is PySide's internals."""
    import PySide6.QtCore  # noqa: F401 - sets the hook and its table up

    try:
        from shibokensupport.feature import (  # type: ignore[import-not-found]
            pyside_feature_dict,
        )
    except ImportError:
        return
    if not isinstance(pyside_feature_dict, dict):
        return
    for name in [*sys.modules, *_own_module_names()]:
        if not name.startswith(_QT_OWN):  # Qt's own entries stay PySide's business
            pyside_feature_dict.setdefault(name, -1)


def _own_module_names() -> list[str]:
    """PlugDesk's module names, from its files (none in a frozen bundle: that is fine)."""
    from pathlib import Path

    import plugdesk

    root = Path(plugdesk.__file__).parent
    names = []
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(("plugdesk", *parts)))
    return names


def import_before_qt(*, demo: bool) -> None:
    """Load the window's non-Qt libraries before PySide6, which hooks every later import
    and reads the new module's whole source (looking for `__feature__` use): these cost
    35-60 ms more start-up when they come after Qt."""
    import importlib

    import httpcore  # noqa: F401 - httpx loads it when the client is made

    import plugdesk.api.client  # httpx, h11, msgspec and the models

    with contextlib.suppress(ImportError):  # what httpcore loads on its first request
        importlib.import_module("anyio._backends._asyncio")
    if demo:
        import plugdesk.simulator  # noqa: F401


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_gui,
    "sim": cmd_sim,
    "status": cmd_status,
    "login": cmd_login,
    "logout": cmd_logout,
    "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CliError as error:
        print(f"plugdesk: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        print("plugdesk: interrupted", file=sys.stderr)
        return 130
    except ValueError as error:  # bad values caught by the layers below (URL, dates, ...)
        print(f"plugdesk: {error}", file=sys.stderr)
        return 64
    except Exception as error:  # last resort: one line, never a traceback
        print(f"plugdesk: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
        return 70


def gui_main() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main(sys.argv[1:])
