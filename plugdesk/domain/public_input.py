"""Checks on what a site manager types into the public charging pane, before any request.

The API documents its own rules for starting a session (public code: case-insensitive, at
most 10 characters; connector 1..100; receipt e-mail optional, valid, at most 255
characters). Checking them here gives a message at once, next to the field, and keeps the
scarce start budget (3 a minute per IP) for requests that can succeed.
Each check returns the normalised value or raises `InputError` with a sentence to show.
"""

from __future__ import annotations

import re
from typing import Final

from plugdesk.domain.errors import DomainError

MAX_CODE_LENGTH: Final = 10
MIN_CONNECTOR: Final = 1
MAX_CONNECTOR: Final = 100
MAX_EMAIL_LENGTH: Final = 255
MAX_TOKEN_LENGTH: Final = 512

# Pragmatic address check: one "@", no spaces, a dotted domain of ordinary labels.
# (Full RFC 5322 allows far more, but no receipt will go to a quoted local part.)
_LOCAL_PART = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$")
_DOMAIN_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
# Session tokens travel in a URL path: only URL-safe characters can be genuine.
_TOKEN = re.compile(r"^[A-Za-z0-9._~-]+$")


class InputError(DomainError, ValueError):
    """A value the user typed is not acceptable; `field` names the input, str() says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


def validate_public_code(text: str | None) -> str:
    """The charger's public code in upper case ("ab12 " -> "AB12")."""
    code = (text or "").strip()
    if not code:
        raise InputError("code", "Enter the charger's public code (printed on the charger).")
    if len(code) > MAX_CODE_LENGTH:
        raise InputError(
            "code", f"A public code has at most {MAX_CODE_LENGTH} characters; this one has "
            f"{len(code)}."
        )
    if not (code.isascii() and code.isalnum()):
        raise InputError("code", "A public code has only letters and digits (no spaces or signs).")
    return code.upper()


def validate_connector(value: int | str | None) -> int:
    """A connector number between 1 and 100."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError("connector_id", "Choose a connector.")
    try:
        number = int(value.strip()) if isinstance(value, str) else int(value)
    except ValueError:
        raise InputError("connector_id", "The connector must be a whole number.") from None
    if isinstance(value, bool) or not MIN_CONNECTOR <= number <= MAX_CONNECTOR:
        raise InputError(
            "connector_id", f"The connector must be between {MIN_CONNECTOR} and {MAX_CONNECTOR}."
        )
    return number


def validate_email(text: str | None) -> str | None:
    """The optional receipt address, trimmed; blank means no receipt (None)."""
    address = (text or "").strip()
    if not address:
        return None
    if len(address) > MAX_EMAIL_LENGTH:
        raise InputError(
            "email", f"The e-mail address is too long (at most {MAX_EMAIL_LENGTH} characters)."
        )
    if not _looks_like_email(address):
        raise InputError(
            "email", "That does not look like an e-mail address (expected name@example.com)."
        )
    return address


def _looks_like_email(address: str) -> bool:
    if address.count("@") != 1:
        return False
    local, domain = address.split("@")
    if not local or len(local) > 64 or not _LOCAL_PART.match(local):
        return False
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    labels = domain.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        return False
    return not labels[-1].isdigit()  # "user@10.0.0.1" is not a mailbox a receipt reaches


def validate_session_token(text: str | None) -> str:
    """A pasted session token: trimmed, one piece, URL-safe. The message never echoes it."""
    token = (text or "").strip()
    if not token:
        raise InputError("token", "Paste the session token first.")
    if any(ch.isspace() for ch in token):
        raise InputError(
            "token", "The token contains spaces or line breaks; paste it again in one piece."
        )
    if len(token) > MAX_TOKEN_LENGTH or not _TOKEN.match(token):
        raise InputError(
            "token", "That is not a session token (expected letters, digits, '-', '_' or '.')."
        )
    return token
