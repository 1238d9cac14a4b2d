"""api layer: the pure-async Plugchoice API v3 client (no Qt); see DESIGN.md.

Typical use: `async with PlugchoiceClient(url, token) as client:` then
`await client.list_chargers()`. Models live in `plugdesk.api.models`.
"""

from typing import TYPE_CHECKING, Any

from plugdesk.api.budget import RequestBudget
from plugdesk.api.errors import (
    AuthError,
    BadRequestError,
    BadResponseError,
    ChargerTimeoutError,
    ConflictError,
    DeadlineError,
    ForbiddenError,
    GatewayTimeoutError,
    InsecureURLError,
    NetworkError,
    NotFoundError,
    PlugchoiceError,
    RateLimitedError,
    ServerError,
    ValidationError,
)

if TYPE_CHECKING:
    from plugdesk.api.client import PlugchoiceClient, check_api_url


def __getattr__(name: str) -> Any:
    """The client (and with it httpx) loads on first use, not with the package: the models
    and errors are needed before the window's first paint, the network stack only after."""
    if name in ("PlugchoiceClient", "check_api_url"):
        from plugdesk.api import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AuthError",
    "BadRequestError",
    "BadResponseError",
    "ChargerTimeoutError",
    "ConflictError",
    "DeadlineError",
    "ForbiddenError",
    "GatewayTimeoutError",
    "InsecureURLError",
    "NetworkError",
    "NotFoundError",
    "PlugchoiceClient",
    "PlugchoiceError",
    "RateLimitedError",
    "RequestBudget",
    "ServerError",
    "ValidationError",
    "check_api_url",
]
