"""`plugdesk export`: transactions to CSV or XLSX from the command line (no Qt).

Runs the same export core as the window (`domain/export_run.py`). Every failure is one
line on stderr and a non-zero exit, and leaves no partial file (an existing file keeps its
old content). Progress goes to stderr, and only when stderr is a terminal, so scripts and
cron mail stay clean. `-o -` streams CSV to stdout; there the summary goes to stderr.

What is at `-o` decides how it is written (`domain/atomic.py`): a file (or nothing) is
replaced atomically, a link's target likewise, a pipe or device is written through, a
folder or socket is refused. SIGTERM and SIGHUP stop the export like Ctrl+C: the temporary
file is removed and the exit status is 128 + the signal number. A `kill -9` cannot be
caught: the temporary file it leaves is swept by the next export into that folder (or the
window's next start) once it is five minutes old.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

from plugdesk.api.client import PlugchoiceClient
from plugdesk.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError, say
from plugdesk.domain.export import ExportError
from plugdesk.domain.export_run import (
    ExportCancelled,
    ExportFailed,
    ExportFilters,
    ExportFormat,
    ExportRequest,
    ExportScope,
    ExportSummary,
    ExportTz,
    ExportWriter,
    describe_os_error,
    export_transactions,
    writable_folder_problem,
)

# Signals that end an export the way Ctrl+C does (SIGHUP: the terminal went away).
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def run_export(args: argparse.Namespace, api_url: str, token: str) -> int:
    """Validate the options, export, print a summary; the exit status."""
    request = build_request(args)
    sweep_leftovers(request)
    return asyncio.run(_export(request, api_url, token, time_limit=args.timeout))


def sweep_leftovers(request: ExportRequest) -> None:
    """Remove the temporary files an export killed with `kill -9` left (old ones only)."""
    from plugdesk.domain.housekeeping import clean_at_start

    folders = [] if request.target == "-" else [Path(os.path.realpath(request.target)).parent]
    clean_at_start(also=folders)


# -- options -> request ------------------------------------------------------------------


def build_request(args: argparse.Namespace) -> ExportRequest:
    """The export the options describe; `CliError` (exit 64) naming the bad option."""
    started_from = parse_date(args.date_from, "--from")
    stopped_until = parse_date(args.date_to, "--to")
    if started_from and stopped_until and stopped_until < started_from:
        raise CliError(
            f"--to {stopped_until.isoformat()} is before --from {started_from.isoformat()}",
            EXIT_USAGE,
        )
    output: str = args.output
    fmt = choose_format(args.format, output)
    if fmt == "xlsx" and args.delimiter != ",":
        raise CliError("--delimiter applies to CSV only, not XLSX", EXIT_USAGE)
    target: Path | str = "-" if output == "-" else Path(output).expanduser()
    if isinstance(target, Path):
        problem = _target_problem(target)
        if problem:
            raise CliError(problem, EXIT_FAILED)
    scope = ExportScope.all() if args.all else ExportScope.of(args.charger or ())
    filters = ExportFilters(args.status, started_from, stopped_until)
    tz: ExportTz = "local" if args.tz == "local" else "utc"
    return ExportRequest(
        scope, filters, target if isinstance(target, Path) else "-", fmt, tz, args.delimiter
    )


def _target_problem(target: Path) -> str | None:
    """Why a new or regular file cannot be written at `target` (checked before any
    request). Something else already there (a pipe, a device, a folder) is left to the
    writer, which writes through it or refuses it with its own sentence."""
    try:
        if not os.path.isfile(target) and os.path.exists(target):
            return None
    except (OSError, ValueError):  # a name the OS refuses: the writer says so
        return None
    return writable_folder_problem(Path(os.path.realpath(target)))


def parse_date(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"{flag}: {text} is not a date (YYYY-MM-DD)", EXIT_USAGE) from None


def choose_format(given: str | None, output: str) -> ExportFormat:
    """--format wins; else the file's suffix; else CSV. A clash of the two is refused,
    since Excel warns about (or refuses) a file whose content does not match its name."""
    suffix = "" if output == "-" else Path(output).suffix.lower()
    if given is None:
        return "xlsx" if suffix == ".xlsx" else "csv"
    if given == "xlsx" and output == "-":
        raise CliError("XLSX cannot be written to standard output; give a file name", EXIT_USAGE)
    if suffix in (".csv", ".xlsx") and suffix != f".{given}":
        raise CliError(f"--format {given} does not match the file name {output}", EXIT_USAGE)
    return "xlsx" if given == "xlsx" else "csv"


# -- the run -----------------------------------------------------------------------------


async def _export(
    request: ExportRequest, api_url: str, token: str, *, time_limit: float | None = None
) -> int:
    progress = _Progress(sys.stderr)
    async with PlugchoiceClient(api_url, token) as client:
        # The handlers go in before the temporary file exists, so no signal can leave one.
        with _stopped_by_signals() as stopped_by:
            writer = _open_writer(request)  # after the client: nothing can fail in between
            try:
                with client.time_limit(time_limit):
                    summary = await export_transactions(
                        client,
                        request.scope,
                        request.filters,
                        writer,
                        progress=progress.update if progress.enabled else None,
                    )
            except (ExportFailed, ExportCancelled) as error:
                progress.clear()
                raise CliError(_failure_line(error, request)) from None
            except asyncio.CancelledError:
                progress.clear()
                writer.abort()  # already done by the run, unless it was stopped before it began
                if not stopped_by:
                    raise
                raise _stopped(stopped_by[0]) from None
    progress.clear()
    _print_summary(summary, request)
    return EXIT_OK


def _stopped(number: int) -> CliError:
    current = asyncio.current_task()
    if current is not None:
        current.uncancel()  # the cancel was ours, and is answered by this exit
    name = signal.Signals(number).name
    return CliError(f"stopped by {name}; nothing was exported.", 128 + number)


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[list[int]]:
    """SIGTERM and SIGHUP cancel the running export (which removes its temporary file);
    the list yielded holds the signal that did. Where the loop cannot take signal
    handlers (Windows), the default action stays."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    received: list[int] = []

    def stop(number: int) -> None:
        if not received and task is not None:
            received.append(number)
            task.cancel()

    installed = []
    for number in STOP_SIGNALS:
        try:
            loop.add_signal_handler(number, stop, number)
        except (NotImplementedError, RuntimeError, ValueError):
            continue
        installed.append(number)
    try:
        yield received
    finally:
        for number in installed:
            loop.remove_signal_handler(number)


def _open_writer(request: ExportRequest) -> ExportWriter:
    try:
        return request.open_writer()
    except OSError as error:
        raise CliError(describe_os_error(error, request.target)) from None
    except (ExportError, ValueError) as error:
        raise CliError(str(error), EXIT_USAGE) from None


def _failure_line(error: ExportFailed | ExportCancelled, request: ExportRequest) -> str:
    line = error.one_line() if isinstance(error, ExportFailed) else str(error)
    if request.target == "-":
        line += " The CSV written to standard output is incomplete."
    return line


def _print_summary(summary: ExportSummary, request: ExportRequest) -> None:
    rows = "1 transaction" if summary.rows == 1 else f"{summary.rows:,} transactions"
    chargers = "1 charger" if summary.chargers == 1 else f"{summary.chargers:,} chargers"
    where = summary.path if summary.path is not None else "standard output"
    text = f"Exported {rows} ({summary.kwh:,.3f} kWh) from {chargers} to {where}."
    # With `-o -` (or `-o /dev/stdout`) stdout is the data: the summary must not end up
    # inside the CSV.
    say(text, err=_is_stdout(request.target))
    for warning in summary.warnings:  # cells left blank, naming the charger
        say(f"Warning: {warning}", err=True)


def _is_stdout(target: Path | str) -> bool:
    if target == "-":
        return True
    try:
        return os.path.samestat(os.stat(target), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # no stdout, or not a real file
        return False


class _Progress:
    """A single rewritten status line on stderr, only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.enabled = _isatty(stream)
        self._shown = False

    def update(self, done: int, total: int, rows: int) -> None:
        if total == 0:
            text = "Listing chargers…"
        else:
            text = f"Exporting: {done:,}/{total:,} chargers, {rows:,} transactions"
        self._stream.write(f"\r\x1b[K{text}")
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
