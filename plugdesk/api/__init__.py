"""api layer: the pure-async Plugchoice API v3 client (no Qt); see DESIGN.md.

Typical use: `async with PlugchoiceClient(url, token) as client:` then
`await client.list_chargers()`. Models live in `plugdesk.api.models`.
"""

from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient, check_api_url
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
