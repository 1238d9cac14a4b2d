"""One route for unexpected errors, and logging that never writes a secret.

Everything that can go wrong without a planned answer — an exception in a Qt slot
(`sys.excepthook`), in a background task (`TaskRunner(on_error=...)`) or in an asyncio
callback (the loop's exception handler) — reaches `ErrorReporter.report()`: it is logged
with its traceback to a rotating file in the user's log folder and announced through the
`error_reported` signal, which the UI turns into a non-modal dialog. Both the log and the
dialog text pass through `Redactor`, so an API token or a public session token cannot leak
through an exception message or a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import re
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler

from plugdesk.api.errors import mask

log = logging.getLogger(__name__)

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 4

# "Bearer abc.def", "Authorization: xyz", "token=xyz", "/public-charging/sessions/xyz".
_PATTERNS = (
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=|-]{4,}"), r"\1[redacted]"),
    (re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)(?!bearer\b)[^\s'\",}]{4,}"),
     r"\1[redacted]"),
    (re.compile(r"(?i)((?:session_)?token['\"]?\s*[:=]\s*['\"]?)[^\s'\",}&]{4,}"),
     r"\1[redacted]"),
    (re.compile(r"(/public-charging/sessions/)[^/\s?\"']{4,}"), r"\1[redacted]"),
)


class Redactor:
    """Masks known secrets (the tokens in use) and anything shaped like a credential."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        self._secrets: set[str] = set()
        for secret in secrets:
            self.add_secret(secret)

    def add_secret(self, secret: str | None) -> None:
        if secret and len(secret.strip()) > 3:
            self._secrets.add(secret.strip())

    def __call__(self, text: str) -> str:
        # Longest first, so a token that contains another is masked whole.
        for secret in sorted(self._secrets, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, mask(secret))
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text


class RedactingFilter(logging.Filter):
    """A handler filter: the message and any traceback text are redacted before any
    formatter sees them (the formatter reuses `record.exc_text` when it is set)."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self._redact = redactor
        self._formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = self._redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._redact(record.stack_info)
        return True


def configure_logging(
    log_file: Path, redactor: Redactor, level: int = logging.INFO
) -> logging.Handler:
    """A rotating file handler on the root logger, redacted; returns it for removal."""
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactingFilter(redactor))
    root = logging.getLogger()
    _previous_levels[id(handler)] = root.level
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise
    return handler


def remove_logging(handler: logging.Handler) -> None:
    """Undo `configure_logging` (handler and root level), e.g. when run_gui returns."""
    root = logging.getLogger()
    root.removeHandler(handler)
    handler.close()
    previous = _previous_levels.pop(id(handler), None)
    if previous is not None:
        root.setLevel(previous)


_previous_levels: dict[int, int] = {}


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: Any, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def route_qt_messages() -> None:
    """Qt's own warnings go to the log file instead of stderr."""
    qInstallMessageHandler(_qt_message)


def restore_qt_messages() -> None:
    qInstallMessageHandler(None)


class ErrorReporter(QObject):
    """Collects unexpected errors; `error_reported(summary, details)` drives the dialog."""

    error_reported = Signal(str, str)

    def __init__(self, redactor: Redactor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.redactor = redactor
        self.count = 0
        self._reporting = False
        self._quiet = False
        self._previous_hook: Any = None

    def set_quiet(self, quiet: bool) -> None:
        """While quitting: log errors as warnings and show nothing."""
        self._quiet = quiet

    def report(self, error: BaseException, context: str = "") -> None:
        """Log `error` with its traceback and announce it (never raises)."""
        where = f" ({context})" if context else ""
        exc_info = (type(error), error, error.__traceback__)
        if self._quiet:
            log.warning("error while shutting down%s", where, exc_info=exc_info)
            return
        self.count += 1
        log.error("unexpected error%s", where, exc_info=exc_info)
        if self._reporting:  # an error while showing an error: the log has it
            return
        self._reporting = True
        try:
            summary = self.redactor(_summary(error))
            details = self.redactor(
                "".join(traceback.format_exception(type(error), error, error.__traceback__))
            )
            self.error_reported.emit(summary, details)
        except Exception:  # pragma: no cover - last resort, keep the app alive
            log.exception("could not announce an error")
        finally:
            self._reporting = False

    # -- the three routes in -----------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt) and self._previous_hook is not None:
            self._previous_hook(kind, error, tb)
            return
        if error.__traceback__ is None and tb is not None:
            error = error.with_traceback(tb)
        self.report(error, "in the user interface")

    def loop_exception_handler(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        error = context.get("exception")
        message = str(context.get("message", "asyncio error"))
        if isinstance(error, BaseException) and not isinstance(error, asyncio.CancelledError):
            self.report(error, message)
        else:
            log.warning("event loop: %s", self.redactor(message))

    def install(self) -> None:
        """Become `sys.excepthook` (restored by `uninstall`)."""
        self._previous_hook = sys.excepthook
        sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        if self._previous_hook is not None and sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        self._previous_hook = None


def _summary(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    name = type(error).__name__
    return f"{name}: {text}" if text else name


def log_bug(error: BaseException, context: str) -> str:
    """For the command line: log a bug's traceback (redacted) to the log file; the one line
    to show instead. Never raises: a log that cannot be written is said in that line."""
    import os

    from plugdesk.domain.paths import app_paths

    redactor = Redactor([os.environ.get("PLUGDESK_TOKEN")])
    summary = redactor(_summary(error))
    try:
        path = app_paths().log_file()
        handler = configure_logging(path, redactor)
    except (OSError, ValueError) as problem:
        return f"unexpected error (a bug in PlugDesk): {summary}. No log ({problem})."
    try:
        log.error("unexpected error (%s)", context, exc_info=error)
    finally:
        remove_logging(handler)
    return f"unexpected error (a bug in PlugDesk): {summary}. The details are in {path}."
