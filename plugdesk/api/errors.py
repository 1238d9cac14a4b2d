"""Exceptions of the Plugchoice client.

Every error's `str()` is one plain sentence a site manager can act on. None of them may
carry the API token or a public session token: path tokens are masked with `mask()` and any
text that came from the server goes through `redact()` before it lands in a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from plugdesk.marks import Message

# Server text is shown to users, so keep it short and single-line.
_MAX_SERVER_TEXT = 300
# What must never reach a terminal, a notification or a tooltip from outside text: C0 and
# C1 controls (ESC, NUL, CR, LF, the 8-bit CSI), the bidi embeddings, overrides, isolates
# and marks (a right-to-left override makes "gpj.exe" read "exe.jpg"), and the Unicode
# line and paragraph separators (a fake second line).
_CONTROL_CHARS = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+"
)


def mask(secret: str | None) -> str:
    """The one way a secret is shown: enough to tell two apart, never enough to use one.

    First 4 characters and "…"; a short secret (under 12 characters) shows only a quarter
    of itself, so masking never reveals most of it; empty or None gives "". Used by the log
    redaction, error messages, reprs and anything shown in the window."""
    if not secret:
        return ""
    keep = 4 if len(secret) >= 12 else len(secret) // 4
    return secret[:keep] + "…"


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """Replace every secret (longer than 3 chars, so masking is meaningful) with its mask."""
    for secret in secrets:
        if secret and len(secret) > 3 and secret in text:
            text = text.replace(secret, mask(secret))
    return text


def clean_server_text(text: str, limit: int | None = _MAX_SERVER_TEXT) -> str:
    """Outside text made safe to show: one line, no control or bidi characters (each run
    becomes one space), at most `limit` characters (None: any length).

    The one neutraliser for text that came from a server or a charger, used by the API
    errors, every line the command line prints, notifications and the tray tooltip."""
    text = _CONTROL_CHARS.sub(" ", text).strip()
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


class PlugchoiceError(Exception):
    """Base of every client error. `status` is the HTTP status when there was one."""

    default_status: int | None = None

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status if status is not None else self.default_status

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, message={self.message!r})"


class BadRequestError(PlugchoiceError):
    """400: the request was refused (e.g. the charger is offline or refused to stop)."""

    default_status = 400


class AuthError(PlugchoiceError):
    """401: the token is missing, wrong, expired or revoked."""

    default_status = 401


class ForbiddenError(PlugchoiceError):
    """403: the token is fine but lacks permission for this charger or action."""

    default_status = 403


class NotFoundError(PlugchoiceError):
    """404: unknown charger, connector, public code, or an expired session token."""

    default_status = 404


class ConflictError(PlugchoiceError):
    """409: the request clashes with the current state (connector busy, too late to cancel)."""

    default_status = 409


class ValidationError(PlugchoiceError):
    """422: the API rejected fields; `field_errors` maps field name to its messages."""

    default_status = 422

    def __init__(
        self,
        message: str,
        *,
        field_errors: Mapping[str, list[str]] | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message, status=status)
        self.field_errors: dict[str, list[str]] = dict(field_errors or {})


class RateLimitedError(PlugchoiceError):
    """429: too many requests; `retry_after` is the server's wait in seconds, if it gave one."""

    default_status = 429

    def __init__(
        self, message: str, *, retry_after: float | None = None, status: int | None = None
    ) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class ServerError(PlugchoiceError):
    """5xx: the Plugchoice side failed; usually worth trying again later."""

    default_status = 500


class GatewayTimeoutError(ServerError):
    """504: the charger did not answer in time; the action may still happen."""

    default_status = 504


class ChargerTimeoutError(GatewayTimeoutError):
    """504 on an action or settings write: the charger did not answer in time, so the
    change may still happen. Never retried; the message says to check the charger."""


class NetworkError(PlugchoiceError):
    """No HTTP answer at all: DNS, refused connection, TLS failure, timeout, dropped link."""


class DeadlineError(NetworkError):
    """The time a caller allowed (or one request's total time) ran out before an answer:
    a server that drips its answer, never answers, or a retry wait that would overrun."""


class BadResponseError(PlugchoiceError):
    """An answer PlugDesk cannot read: not JSON, HTML, truncated, or the wrong shape.

    `path` is the JSON path of the offending value (`$.data[3].id`), `$` when the whole
    body is unreadable."""

    def __init__(self, message: str, *, path: str = "$", status: int | None = None) -> None:
        super().__init__(message, status=status)
        self.path = path


class InsecureURLError(PlugchoiceError, ValueError):
    """The API URL is not https (plain http is allowed only to this computer).

    Also a `ValueError`, since it is raised for a bad argument before any request."""

    def __init__(self, words: Message) -> None:
        super().__init__(str(words))
        self.words = words  # the same sentence, for the window to translate
