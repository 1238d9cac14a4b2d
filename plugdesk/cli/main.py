"""`plugdesk`: the window, or one of the subcommands (one module each in this package).

Every command prints one clear line to stderr on failure and exits non-zero; no traceback
reaches the user. A usage error exits 64; a failure the user can act on (`DomainError`,
an API error) exits with its own code; anything else is a bug: one line saying so, the
traceback in the log file, exit 70. The exit codes are listed in `plugdesk.cli.common`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from plugdesk import __version__
from plugdesk.cli import actions, auth, report
from plugdesk.cli import sim as sim_command
from plugdesk.cli import status as status_command
from plugdesk.cli import watch as watch_command
from plugdesk.cli.common import (
    API_URL_ENV,
    DEFAULT_API_URL,
    EXIT_BUG,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    TOKEN_ENV,
    CliError,
    SettingsFileError,
    given_api_url,
    positive_float,
    require_token,
    resolve_api_url,
    resolve_token,
    saved_api_url,
    say,
)
from plugdesk.domain.errors import DomainError


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line plus a hint, exit code 64."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"plugdesk: {message}\nTry '{self.prog} --help'.\n")


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
    sim.add_argument(
        "--port", type=sim_command.port, default=0, help="port on 127.0.0.1 (default: free)"
    )
    sim.add_argument(
        "--chargers", type=sim_command.chargers, default=40, help="fleet size (1-10000)"
    )
    sim.add_argument("--seed", type=int, default=7, help="random seed (same seed, same fleet)")
    sim.add_argument(
        "--time-scale", type=positive_float, default=1.0, help="simulated seconds per second"
    )
    sim.add_argument(
        "--chaos",
        default=None,
        metavar="NAME",
        help="chaos scenario to inject",
    )

    status_parser = sub.add_parser(
        "status", parents=[common], help="check the fleet once; exit 0 OK, 1 warn, 2 fault"
    )
    status_parser.add_argument("--json", action="store_true", help="print JSON instead of lines")
    status_parser.add_argument(
        "--site", metavar="NAME|UUID", help="check only this site's chargers"
    )
    status_parser.add_argument(
        "--timeout",
        type=positive_float,
        default=status_command.DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="give up after this long, exit 3 (default %(default)g)",
    )

    login = sub.add_parser("login", parents=[common], help="store an API token in the keyring")
    login.add_argument(
        "--token-stdin", action="store_true", help="read the token from standard input"
    )
    sub.add_parser("logout", parents=[common], help="forget the stored token for the API URL")

    _add_export_parser(sub, common)
    actions.add_parsers(sub, common)  # restart, lock, unlock, start, stop, limit, logs
    report.add_parser(sub, common)
    watch_command.add_parser(sub, common)
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
    export.add_argument(
        "--timeout",
        type=positive_float,
        default=None,
        metavar="SECONDS",
        help="give up after this long, nothing written (default: no limit)",
    )


# -- argument types: each says what was wrong with the value -------------------------------


# -- shared resolution of API URL and token -------------------------------------------------


# -- commands --------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from plugdesk.cli.export import run_export

    api_url = resolve_api_url(args)
    token = require_token(api_url)
    return run_export(args, api_url, token)


def cmd_gui(args: argparse.Namespace) -> int:
    from plugdesk.app.startup import collector_paused, import_before_qt, spare_qt_import_hook

    with collector_paused():
        import_before_qt()
        spare_qt_import_hook()
        from plugdesk.app.desk import run_gui

    if args.demo or args.self_test:
        return run_gui("", None, demo=True, self_test=args.self_test)
    # The window paints (the cached fleet) before the URL check, which loads httpx, and
    # before the keyring, whose first use takes ~0.1 s: both wait for `Desk.connect`.
    env_token = resolve_token(None)  # PLUGDESK_TOKEN, if set: no keyring involved
    if given_api_url(args):
        # A URL given now is checked now: a bad one is a usage error, before any window.
        api_url = resolve_api_url(args)
        return run_gui(api_url, env_token, read_token=env_token is None)
    try:
        saved = saved_api_url()
    except SettingsFileError:
        # The window's own settings load sets the bad file aside and says so; it starts
        # signed out, so no token goes to a server the user may not have meant.
        return run_gui(DEFAULT_API_URL, None)
    # A saved URL that no longer passes the check still opens the window, signed out,
    # with the settings dialog saying what is wrong with it.
    return run_gui(saved, env_token, check_url=True, read_token=env_token is None)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_gui,
    "sim": sim_command.cmd_sim,
    "status": status_command.cmd_status,
    "login": auth.cmd_login,
    "logout": auth.cmd_logout,
    "export": cmd_export,
    "report": report.cmd_report,
    "watch": watch_command.cmd_watch,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        handler = getattr(args, "handler", None) or COMMANDS[args.command]
        return int(handler(args))
    except CliError as error:
        say(f"plugdesk: {error}", err=True)
        return error.code
    except KeyboardInterrupt:
        say("plugdesk: interrupted", err=True)
        return EXIT_INTERRUPTED
    except DomainError as error:  # the user's failure, in their words
        say(f"plugdesk: {error}", err=True)
        return EXIT_FAILED
    except Exception as error:
        # lazy: plugdesk.api loads httpx, which start-up imports in its own order
        from plugdesk.api.errors import PlugchoiceError

        if isinstance(error, PlugchoiceError):  # the API's answer, in the user's words
            say(f"plugdesk: {error}", err=True)
            return EXIT_FAILED
        # a bug: one line, the traceback in the log, never on screen
        say(f"plugdesk: {report_bug(error)}", err=True)
        return EXIT_BUG


def report_bug(error: BaseException) -> str:
    """Log `error` with its traceback (redacted) to the log file; the line to show."""
    from plugdesk.app.reporting import log_bug

    return log_bug(error, f"plugdesk {' '.join(sys.argv[1:2])}".strip())


def gui_main() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main(sys.argv[1:])
