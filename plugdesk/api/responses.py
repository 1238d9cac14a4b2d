"""HTTP failures -> the client's exceptions, as sentences a site manager can act on.

Pure functions over status, body and headers, so every mapping is testable without a
server. Server text is cleaned (one line, bounded) and redacted before it is shown.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import msgspec

from plugdesk.api.errors import (
    AuthError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    GatewayTimeoutError,
    NetworkError,
    NotFoundError,
    PlugchoiceError,
    RateLimitedError,
    ServerError,
    ValidationError,
    clean_server_text,
    redact,
)

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def parse_int_header(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _error_body(body: bytes) -> tuple[str | None, dict[str, list[str]]]:
    """`message` and 422 `errors` from a Laravel error body; tolerant of anything else."""
    try:
        doc: Any = msgspec.json.decode(body)
    except (msgspec.MsgspecError, RecursionError, ValueError):
        return None, {}
    if not isinstance(doc, dict):
        return None, {}
    message = doc.get("message")
    if not isinstance(message, str) or not message.strip():
        message = None
    fields: dict[str, list[str]] = {}
    errors = doc.get("errors")
    if isinstance(errors, dict):
        for name, value in errors.items():
            items = value if isinstance(value, list) else [value]
            texts = [clean_server_text(str(item)) for item in items if item is not None]
            if texts:
                fields[clean_server_text(str(name))] = texts
    return message, fields


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _wait_words(seconds: float | None) -> str:
    if seconds is None:
        return "Try again in a minute."
    whole = max(1, math.ceil(seconds))
    if whole < 120:
        return f"Try again in {whole} second{'s' if whole != 1 else ''}."
    return f"Try again in {math.ceil(whole / 60)} minutes."


def error_from_response(
    status: int,
    body: bytes,
    headers: httpx.Headers | dict[str, str] | None = None,
    *,
    subject: str | None = None,
    secrets: tuple[str | None, ...] = (),
) -> PlugchoiceError:
    """The exception for a non-2xx answer.

    `subject` names what was asked for ("charger 1a2b…") for 404s; `secrets` are redacted
    from anything the server said."""
    headers = httpx.Headers(headers or {})
    server_message, field_errors = _error_body(body)
    said = redact(clean_server_text(server_message), secrets) if server_message else None
    field_errors = {
        redact(name, secrets): [redact(text, secrets) for text in texts]
        for name, texts in field_errors.items()
    }
    error = _build(status, said, field_errors, headers, subject)
    error.message = redact(error.message, secrets)
    return error


def _build(
    status: int,
    said: str | None,
    field_errors: dict[str, list[str]],
    headers: httpx.Headers,
    subject: str | None,
) -> PlugchoiceError:
    if status == 400:
        reason = f": {_sentence(said)}" if said else "."
        return BadRequestError(f"Plugchoice refused the request (400 Bad Request){reason}")
    if status == 401:
        return AuthError("The API rejected the token (401 Unauthenticated). Sign in again.")
    if status == 403:
        return ForbiddenError(
            "This account is not allowed to do that (403 Forbidden). Ask the charger's owner "
            "for access."
        )
    if status == 404:
        what = f"{subject[:1].upper()}{subject[1:]}" if subject else "What was asked for"
        return NotFoundError(
            f"{what} was not found (404): it does not exist, has expired, or this account "
            "cannot see it."
        )
    if status == 409:
        reason = f": {_sentence(said)}" if said else "."
        return ConflictError(f"That is not possible right now (409 Conflict){reason}")
    if status == 422:
        return _validation_error(said, field_errors)
    if status == 429:
        retry_after = parse_retry_after(headers.get("retry-after"))
        return RateLimitedError(
            f"Plugchoice is limiting requests (429 Too Many Attempts). {_wait_words(retry_after)}",
            retry_after=retry_after,
        )
    if status == 504:
        return GatewayTimeoutError(
            "The charger did not respond in time (504 Gateway Timeout). The action may still "
            "happen; check the charger before trying again."
        )
    if 500 <= status < 600:
        label = "an internal error" if status == 500 else "a problem"
        return ServerError(
            f"The Plugchoice server had {label} ({status}). Try again in a moment.", status=status
        )
    reason = f": {_sentence(said)}" if said else "."
    return PlugchoiceError(
        f"The API answered with unexpected status {status}{reason}", status=status
    )


def _validation_error(said: str | None, field_errors: dict[str, list[str]]) -> ValidationError:
    if field_errors:
        parts = "; ".join(f"{name}: {' '.join(texts)}" for name, texts in field_errors.items())
        detail = f": {_sentence(parts)}"
    elif said:
        detail = f": {_sentence(said)}"
    else:
        detail = "."
    return ValidationError(
        f"The API did not accept the request (422){detail}", field_errors=field_errors
    )


def network_error(error: httpx.RequestError, host: str, timeout: float) -> NetworkError:
    """A sentence for a request that got no HTTP answer."""
    kind = type(error).__name__
    if isinstance(error, httpx.ConnectTimeout):
        text = f"Could not connect to {host}: the connection timed out. Check the network."
    elif isinstance(error, httpx.TimeoutException):
        text = f"{host} did not answer within {timeout:g} seconds. Try again in a moment."
    elif isinstance(error, httpx.ConnectError):
        if "CERTIFICATE_VERIFY_FAILED" in str(error) or "certificate" in str(error).lower():
            text = (
                f"The TLS certificate of {host} could not be verified, so PlugDesk did not send "
                "anything. Check the API URL and the system's certificates."
            )
        else:
            text = f"Could not connect to {host}. Check the network connection and the API URL."
    elif isinstance(error, httpx.RemoteProtocolError | httpx.ReadError):
        text = f"The connection to {host} broke off before the answer was complete."
    else:
        text = f"Could not talk to {host} ({kind}). Check the network connection."
    return NetworkError(text)
