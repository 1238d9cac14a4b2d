"""A handler's answer before it is encoded, so chaos can still tamper with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reply:
    status: int
    body: Any  # JSON-able payload
    headers: dict[str, str] = field(default_factory=dict)


def error(status: int, message: str, errors: dict[str, list[str]] | None = None) -> Reply:
    """Laravel's error shape: `{"message": ...}`, plus `errors` for validation (422)."""
    body: dict[str, Any] = {"message": message}
    if errors is not None:
        body["errors"] = errors
    return Reply(status, body)


def validation(errors: dict[str, list[str]]) -> Reply:
    """422 whose message is the first error, "(and N more errors)" like Laravel."""
    messages = [m for field_errors in errors.values() for m in field_errors]
    message = messages[0]
    extra = len(messages) - 1
    if extra:
        message += f" (and {extra} more error{'s' if extra > 1 else ''})"
    return error(422, message, errors)


NOT_FOUND = "Not Found."
UNAUTHENTICATED = "Unauthenticated."
TOO_MANY = "Too Many Attempts."
