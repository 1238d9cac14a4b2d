"""`plugdesk restart|lock|unlock|start|stop|limit|logs`: act on chargers from scripts.

    plugdesk restart CHARGER... [--yes]      plugdesk start CHARGER --id-tag TAG [--connector N]
    plugdesk lock CHARGER... [--yes]         plugdesk stop CHARGER [--yes]
    plugdesk unlock CHARGER... [--yes]       plugdesk limit CHARGER AMPS [--connector N]
    plugdesk logs CHARGER [--method M] [--since DATE] [--json]

CHARGER is an identity (as printed on the charger) or a UUID. Without `--yes` the command
asks on the terminal; with no terminal (stdin not a tty) it refuses with exit 64 before any
request, so a script never acts by accident. One request per action, never retried; each
is written to the event history before its reply is printed.

Exit codes: 0 accepted, 1 rejected, 2 did not answer in time (it may still happen),
3 could not send (auth, permission, network, unknown charger), 64 usage.
Charger-sent text (names, error info, log params) is printed without control or bidi
characters, so it cannot rewrite the terminal.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import re
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TextIO

from plugdesk.cli.common import CliError, resolve_api_url
from plugdesk.cli.common import require_token as _require_token

if TYPE_CHECKING:  # the parser is built for every `plugdesk` start: keep its imports light
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.api.models import Charger
    from plugdesk.domain.actions import ActionReply, ActionRequest

EXIT_OK, EXIT_REJECTED, EXIT_TIMEOUT, EXIT_NOT_SENT, EXIT_USAGE = 0, 1, 2, 3, 64
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
LOG_LIMIT = 100


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the action and log subcommands to `plugdesk`'s subparsers."""
    for name, help_text in (
        ("restart", "restart chargers (interrupts their charging sessions)"),
        ("lock", "make chargers unavailable (no new sessions)"),
        ("unlock", "make chargers available again"),
    ):
        parser = sub.add_parser(name, parents=[common], help=help_text)
        parser.add_argument("chargers", nargs="+", metavar="CHARGER", help="identity or UUID")
        _yes(parser)
        parser.set_defaults(handler=cmd_action)
    start = sub.add_parser("start", parents=[common], help="start charging remotely")
    start.add_argument("chargers", nargs=1, metavar="CHARGER", help="identity or UUID")
    start.add_argument("--id-tag", required=True, metavar="TAG", help="id tag to charge for")
    start.add_argument("--connector", type=_connector, metavar="N", help="connector (1..)")
    _yes(start)
    start.set_defaults(handler=cmd_action)
    stop = sub.add_parser("stop", parents=[common], help="stop the active charging session")
    stop.add_argument("chargers", nargs=1, metavar="CHARGER", help="identity or UUID")
    _yes(stop)
    stop.set_defaults(handler=cmd_action)
    limit = sub.add_parser("limit", parents=[common], help="limit the charging current (A)")
    limit.add_argument("chargers", nargs=1, metavar="CHARGER", help="identity or UUID")
    limit.add_argument("amps", type=_amps, metavar="AMPS", help="current limit in A (0 or more)")
    limit.add_argument(
        "--connector", type=_connector, default=0, metavar="N",
        help="one connector (default: the whole charger)",
    )  # fmt: skip
    _yes(limit)
    limit.set_defaults(handler=cmd_action)
    logs = sub.add_parser("logs", parents=[common], help="print a charger's OCPP log")
    logs.add_argument("charger", metavar="CHARGER", help="identity or UUID")
    logs.add_argument("--method", metavar="M", help="only this OCPP method (e.g. Reset)")
    logs.add_argument("--since", type=_since, metavar="DATE", help="from this date (YYYY-MM-DD)")
    logs.add_argument("--limit", type=_log_limit, default=LOG_LIMIT, help="at most N entries")
    logs.add_argument("--json", action="store_true", help="print JSON instead of lines")
    logs.set_defaults(handler=cmd_logs)


def _yes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")


def _connector(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 100:
        raise argparse.ArgumentTypeError(f"a connector is a number from 1 to 100, not {text!r}")
    return int(text)


def _amps(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"AMPS must be a number, not {text!r}") from None
    if not 0 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"AMPS must be from 0 to 1000, not {text}")
    return value


def _since(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--since takes YYYY-MM-DD, not {text!r}") from None


def _log_limit(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 10_000:
        raise argparse.ArgumentTypeError(f"--limit is from 1 to 10000, not {text!r}")
    return int(text)


# -- actions -------------------------------------------------------------------------------


def cmd_action(args: argparse.Namespace, *, stdin: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    if not args.yes and not _is_terminal(stdin):
        # Before any request: a script without --yes must not act, nor even look.
        raise CliError(
            f"'{args.command}' changes chargers: pass --yes to confirm (no terminal to ask on).",
            EXIT_USAGE,
        )
    api_url = resolve_api_url(args)
    token = _require_token(api_url)
    return asyncio.run(_actions(args, api_url, token, stdin))


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


async def _actions(args: argparse.Namespace, api_url: str, token: str, stdin: TextIO) -> int:
    from plugdesk.api.client import PlugchoiceClient

    codes: list[int] = []
    async with PlugchoiceClient(api_url, token) as client:
        for wanted in args.chargers:
            codes.append(await _one(client, args, wanted, stdin))
    return max(codes)


async def _one(
    client: PlugchoiceClient, args: argparse.Namespace, wanted: str, stdin: TextIO
) -> int:
    from plugdesk.api.errors import PlugchoiceError
    from plugdesk.domain.actions import ActionKind, confirmation, send_action

    try:
        charger = await find_charger(client, wanted)
    except CliError as error:
        print(f"plugdesk: {error}", file=sys.stderr)
        return EXIT_NOT_SENT
    request = _request(args, charger)
    if not args.yes:
        sessions = []
        if request.kind in (ActionKind.RESTART, ActionKind.STOP):
            try:
                sessions = await client.list_transactions(charger.uuid, status="active", limit=50)
            except PlugchoiceError:
                sessions = []
        question = confirmation(request, [tx for tx in sessions if tx.is_active], charger)
        if not _ask(question, stdin):
            print(f"{request.charger_name}: not sent (not confirmed)", file=sys.stderr)
            return EXIT_USAGE
    if not _audit_before(request, charger):
        return EXIT_NOT_SENT
    reply = await send_action(client, request)
    _audit_reply(reply)
    print(reply.words, file=sys.stdout if reply.sent else sys.stderr, flush=True)
    return reply.exit_code


def _request(args: argparse.Namespace, charger: Charger) -> ActionRequest:
    from plugdesk.domain.actions import ActionKind, ActionRequest, charger_label

    kind = ActionKind(args.command)
    name = charger_label(charger)
    if kind is ActionKind.START:
        return ActionRequest(kind, charger.uuid, name, connector_id=args.connector,
                             id_tag=args.id_tag)  # fmt: skip
    if kind is ActionKind.LIMIT:
        return ActionRequest(kind, charger.uuid, name, connector_id=args.connector, amps=args.amps)
    return ActionRequest(kind, charger.uuid, name)


def _ask(question: str, stdin: TextIO) -> bool:
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    answer = stdin.readline().strip().casefold()
    return answer in ("y", "yes")


async def find_charger(client: PlugchoiceClient, wanted: str) -> Charger:
    """A charger by UUID or identity (then also by its own label); CliError exit 3 when
    unknown or unreadable."""
    from plugdesk.api.errors import NotFoundError, PlugchoiceError
    from plugdesk.domain.actions import sanitize

    try:
        if _UUID.match(wanted):
            return await client.get_charger(wanted)
        folded = wanted.casefold()
        by_reference = None
        async for charger in client.iter_chargers():
            if (charger.identity or "").casefold() == folded:
                return charger
            if by_reference is None and (charger.reference or "").casefold() == folded:
                by_reference = charger
    except NotFoundError:
        raise CliError(f"No charger {sanitize(wanted)!r} on this account.", EXIT_NOT_SENT) from None
    except PlugchoiceError as error:
        raise CliError(f"Could not find the charger: {sanitize(error)}", EXIT_NOT_SENT) from None
    if by_reference is not None:
        return by_reference
    raise CliError(f"No charger {sanitize(wanted)!r} on this account.", EXIT_NOT_SENT)


# -- the audit trail (the same history as the window's) -------------------------------------

_pending: dict[str, int] = {}


def _audit_before(request: ActionRequest, charger: Charger) -> bool:
    from plugdesk.domain.paths import app_paths
    from plugdesk.domain.store import Store, StoreError

    try:
        with Store(app_paths().store_path()) as store:
            entry = store.record_action(
                sent_at=datetime.now().astimezone(),
                user_name=f"{getpass.getuser()} (command line)",
                charger_uuid=charger.uuid,
                charger_identity=charger.identity,
                charger_reference=charger.reference,
                action=request.kind.value,
                params=request.params_json(),
            )
    except StoreError as error:
        print(
            f"plugdesk: {request.charger_name}: not sent — the event history could not be "
            f"written ({error}); every action is recorded first.",
            file=sys.stderr,
        )
        return False
    _pending["id"] = entry.id
    return True


def _audit_reply(reply: ActionReply) -> None:
    from plugdesk.domain.actions import Reply
    from plugdesk.domain.paths import app_paths
    from plugdesk.domain.store import Store, StoreError

    action_id = _pending.pop("id", None)
    if action_id is None:
        return
    try:
        with Store(app_paths().store_path()) as store:
            store.set_action_reply(action_id, reply.reply, reply.words)
            if reply.reply in (Reply.FORBIDDEN, Reply.FAILED, Reply.REJECTED):
                store.set_action_outcome(action_id, "—", datetime.now().astimezone())
    except StoreError as error:
        print(f"plugdesk: the reply could not be added to the history: {error}", file=sys.stderr)


# -- logs ----------------------------------------------------------------------------------


def cmd_logs(args: argparse.Namespace) -> int:
    api_url = resolve_api_url(args)
    token = _require_token(api_url)
    return asyncio.run(_logs(args, api_url, token))


async def _logs(args: argparse.Namespace, api_url: str, token: str) -> int:
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.api.errors import PlugchoiceError
    from plugdesk.domain.actions import charger_label, sanitize

    entries = []
    async with PlugchoiceClient(api_url, token) as client:
        charger = await find_charger(client, args.charger)
        try:
            pages = client.iter_charger_log_pages(
                charger.uuid, method=args.method, date_from=args.since, limit=args.limit
            )
            async for page in pages:
                entries.extend(page.entries)
        except PlugchoiceError as error:
            message = f"Could not read the OCPP log: {sanitize(error)}"
            raise CliError(message, EXIT_NOT_SENT) from None
    if args.json:
        rows = [_log_json(entry) for entry in entries]
        print(json.dumps(rows, indent=2, ensure_ascii=True))
        return EXIT_OK
    for entry in entries:
        print(log_line(entry))
    if not entries:
        print(f"No OCPP messages for {charger_label(charger)} with these filters.", file=sys.stderr)
    return EXIT_OK


def _log_json(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.id,
        "created_at": entry.created_at.isoformat() if entry.created_at else None,
        "method": entry.method,
        "destination": entry.destination,
        "status": entry.status,
        "params": entry.params,
        "result": entry.result,
    }


def log_line(entry: Any) -> str:
    """One OCPP message on one line, charger-sent text made safe for the terminal."""
    from plugdesk.domain.actions import sanitize

    when = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if entry.created_at else "?"
    arrow = "→ charger" if entry.destination == "charger" else "← charger"
    params = sanitize(json.dumps(entry.params, ensure_ascii=False, sort_keys=True))
    result = sanitize(json.dumps(entry.result, ensure_ascii=False, sort_keys=True))
    method, status = sanitize(entry.method or "?"), sanitize(entry.status or "?")
    return f"{when}  {arrow:9}  {method:24} {status:8} {params} => {result}"
