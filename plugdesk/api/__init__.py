"""api layer: the pure-async Plugchoice API v3 client (no Qt); see DESIGN.md.

    from plugdesk.api import PlugchoiceClient
    async with PlugchoiceClient("https://app.plugchoice.com/api/v3", token) as client:
        chargers = await client.list_chargers()
"""

from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient, check_api_url
from plugdesk.api.errors import (
    AuthError,
    BadRequestError,
    BadResponseError,
    ConflictError,
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
    "ConflictError",
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
