"""`plugdesk report (--all | --site NAME… | --charger UUID…) --from DATE --to DATE
[--format pdf|html] -o FILE`: a charging report for a period, as PDF or HTML.

Self-contained: `add_parser(subparsers, common)` adds the subcommand, `cmd_report(args)`
runs it. The PDF is drawn with Qt on the offscreen platform, so no display is needed.
The transactions come from the export's own run (same scope and dates as `plugdesk
export`, so the totals agree); the availability and incidents from this computer's
incident history.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # imported when the command runs: `plugdesk` itself starts without them
    from plugdesk.domain.report import ReportFormat, ReportRequest

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 64


class ReportUsageError(Exception):
    """A bad option: one line, exit 64."""


def add_parser(sub: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    report = sub.add_parser(
        "report", parents=[common], help="write a charging report for a period (PDF or HTML)"
    )
    scope = report.add_mutually_exclusive_group(required=True)
    scope.add_argument("--all", action="store_true", help="every charger of the account")
    scope.add_argument("--site", action="extend", nargs="+", metavar="NAME",
                       help="the chargers of these sites (name or UUID)")
    scope.add_argument("--charger", action="extend", nargs="+", metavar="UUID",
                       help="these chargers")
    report.add_argument("--from", dest="date_from", required=True, metavar="DATE",
                        help="first day (YYYY-MM-DD), as plugdesk export --from")
    report.add_argument("--to", dest="date_to", required=True, metavar="DATE",
                        help="last day (YYYY-MM-DD), as plugdesk export --to")
    report.add_argument("--format", choices=("pdf", "html"), help="default: by -o, else PDF")
    report.add_argument("-o", "--output", required=True, metavar="FILE", help="the report file")
    return report  # type: ignore[no-any-return]


def cmd_report(args: argparse.Namespace) -> int:
    from plugdesk.cli.common import CliError, resolve_api_url
    from plugdesk.cli.common import require_token as _require_token
    from plugdesk.domain.report import ReportError

    try:
        request, target = build_request(args)
    except ReportUsageError as error:
        raise CliError(str(error), EXIT_USAGE) from None
    api_url = resolve_api_url(args)
    token = _require_token(api_url)
    try:
        path = run_report(request, target, api_url, token)
    except ReportError as error:
        raise CliError(str(error), EXIT_FAILED) from None
    print(f"Wrote the report for {request.period.label()} to {path}.")
    return EXIT_OK


def build_request(args: argparse.Namespace) -> tuple[ReportRequest, Path]:
    from plugdesk.domain.export_run import writable_folder_problem
    from plugdesk.domain.insights import local_zone
    from plugdesk.domain.report import ReportError, ReportRequest, ReportScope

    first = _date(args.date_from, "--from")
    last = _date(args.date_to, "--to")
    if last < first:
        raise ReportUsageError(f"--to {last.isoformat()} is before --from {first.isoformat()}")
    target = Path(args.output).expanduser()
    fmt = choose_format(args.format, target)
    problem = writable_folder_problem(target.absolute())
    if problem:
        raise ReportError(problem)
    if args.all:
        scope = ReportScope("all")
    elif args.site:
        scope = ReportScope("sites", tuple(args.site))
    else:
        scope = ReportScope("chargers", tuple(args.charger))
    return ReportRequest(scope, first, last, local_zone(), _author(), fmt), target


def _date(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ReportUsageError(f"{flag}: {text} is not a date (YYYY-MM-DD)") from None


def choose_format(given: str | None, target: Path) -> ReportFormat:
    suffix = target.suffix.lower()
    by_name: ReportFormat | None = (
        "html" if suffix in (".html", ".htm") else "pdf" if suffix == ".pdf" else None
    )
    if given is None:
        return by_name or "pdf"
    if by_name is not None and by_name != given:
        raise ReportUsageError(f"--format {given} does not match the file name {target.name}")
    return "html" if given == "html" else "pdf"


def _author() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def run_report(
    request: ReportRequest, target: Path, api_url: str, token: str, *, stream: TextIO | None = None
) -> Path:
    """Fetch, then draw and write (Qt offscreen when no display is set)."""
    data = asyncio.run(_fetch(request, api_url, token, stream or sys.stderr))
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") and \
            not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from plugdesk.ui.insights.report_pdf import write_report

    _app = QApplication.instance() or QApplication(["plugdesk-report"])
    return write_report(data, target, request.format)


async def _fetch(request: ReportRequest, api_url: str, token: str, stream: TextIO) -> Any:
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.domain.report import fetch_report

    incidents = _incidents()
    progress = _Progress(stream)
    async with PlugchoiceClient(api_url, token) as client:
        try:
            return await fetch_report(
                client, request, incidents=incidents, now=datetime.now().astimezone(),
                progress=progress.update if progress.enabled else None,
            )
        finally:
            progress.clear()


def _incidents() -> list[Any]:
    """The incident history of this computer (empty when there is none yet)."""
    from plugdesk.domain.paths import store_path
    from plugdesk.domain.store import Store, StoreError

    path = store_path()
    if not path.exists():
        return []
    try:
        store = Store(path)
    except StoreError as error:
        print(f"plugdesk: availability left out: {error}", file=sys.stderr)
        return []
    try:
        return store.list_incidents()
    finally:
        store.close()


class _Progress:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty() if hasattr(stream, "isatty") else False

    def update(self, done: int, total: int, rows: int) -> None:
        text = "Listing chargers…" if total == 0 else (
            f"Fetching: {done:,}/{total:,} chargers, {rows:,} transactions")
        self.stream.write("\r" + text.ljust(60))
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
