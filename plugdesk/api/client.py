"""The Plugchoice API v3 client: pure asyncio over httpx, no Qt.

One `PlugchoiceClient` per API base URL owns one `httpx.AsyncClient` (connection pool,
TLS always verified). Every request first takes a slot from a `RequestBudget`; idempotent
GETs are retried on 429 (after Retry-After) and on 500/502/503/504 or a lost connection
(exponential backoff with jitter); POSTs are never retried, since a repeated "start
session" could charge a driver twice. Answers are decoded into msgspec models, large ones
in a worker thread. Tokens are sent only as a header and are masked wherever a path or a
message could show them.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import dataclasses
import functools
import ipaddress
import logging
import random
import re
import ssl
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit, urlunsplit

import httpx

from plugdesk import __version__
from plugdesk.api import decode
from plugdesk.api.budget import (
    PUBLIC_LOOKUP_PER_MINUTE,
    PUBLIC_SESSION_ACTION_PER_MINUTE,
    PUBLIC_SESSION_GET_PER_MINUTE,
    PUBLIC_SESSION_START_PER_MINUTE,
    RequestBudget,
)
from plugdesk.api.charger_models import (
    ActionResult,
    LatestMeterValue,
    LockSetting,
    LogFilterOptions,
    MeterValue,
    OcppLog,
    OcppLogPage,
    PlugChargeSetting,
    PublicChargingSettings,
    SocketLockSetting,
)
from plugdesk.api.errors import (
    AuthError,
    BadResponseError,
    ChargerTimeoutError,
    DeadlineError,
    ForbiddenError,
    GatewayTimeoutError,
    InsecureURLError,
    NotFoundError,
    PlugchoiceError,
    RateLimitedError,
    clean_server_text,
    mask,
    redact,
)
from plugdesk.api.fleet_models import Site, SiteConnector, Team, TeamCharger, TeamTransaction
from plugdesk.api.models import (
    TRANSACTION_STATUSES,
    Charger,
    PowerUsage,
    PublicCharger,
    SessionState,
    StartedSession,
    Transaction,
    User,
)
from plugdesk.api.params import (
    charge_limit_body,
    charging_profile_body,
    check_bool,
    log_params,
    meter_value_params,
    plug_charge_body,
    public_charging_body,
    reference_body,
    site_params,
    start_body,
    stop_body,
    team_charger_params,
)
from plugdesk.api.responses import (
    RETRYABLE_STATUSES,
    error_from_response,
    network_error,
    parse_int_header,
    parse_retry_after,
)
from plugdesk.marks import QT_TRANSLATE_NOOP, Message

# The request's budget rides along with it, so the httpx hooks below know whom to pause.
BUDGET_EXTENSION = "plugdesk.budget"

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[object]]

USER_AGENT = f"PlugDesk/{__version__}"
MAX_TRANSACTION_LIMIT = 10_000
MAX_PUBLIC_CODE_LENGTH = 10
MAX_EMAIL_LENGTH = 255
CONNECTOR_RANGE = range(1, 101)
# Backoff for 5xx and lost connections: 0.5 s, 1 s, 2 s ... capped, with jitter.
READ_AHEAD_AFTER = 4  # pages of a list read one by one before reading ahead
BACKOFF_BASE = 0.5
BACKOFF_MAX = 8.0
# Hostile or broken servers: caps on what one answer and one list may cost. Bodies are
# counted after decompression, while they stream in. The largest real page (10,000
# transactions) is about 4 MB; a charger object a few kB.
MB = 1024 * 1024
LIST_BODY_LIMIT = 64 * MB
OBJECT_BODY_LIMIT = 4 * MB
MAX_PAGES = 10_000  # 50,000 chargers at 25 a page are 2,000 pages
REQUEST_DEADLINE = 120.0  # seconds for one request: connect, send and the whole body

# An overall deadline (time.monotonic()) set by `PlugchoiceClient.time_limit`; a context
# variable, so it covers exactly the calls made inside the `with` (and their child tasks).
_BUDGET_SHARE: contextvars.ContextVar[RequestBudget | None] = contextvars.ContextVar(
    "plugdesk_budget_share", default=None
)
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "plugdesk_api_deadline", default=None
)

_LOOPBACK_NAMES = frozenset({"localhost", "localhost."})


# -- URL checks ------------------------------------------------------------------------------


def is_loopback_host(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: traffic that never leaves this computer."""
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url(template: str, **values: object) -> Message:
    """A URL problem in words: English by `str()` (the command line), translated in the
    window (context "URL")."""
    return Message("URL", template, values)


def check_api_url(url: str) -> str:
    """The API base URL, normalised; InsecureURLError (one sentence) when unusable.

    The one URL check: the settings file and dialog, the command line, the keyring entry
    names and the client all use it. Normalised: trimmed, no trailing slash, scheme and
    host in lower case (the path keeps its case: servers may treat it as case-sensitive).
    Plain http would put the bearer token on the network in clear text, so it is allowed
    only to this computer (the simulator, a local proxy)."""
    text = (url or "").strip()
    if not text:
        raise InsecureURLError(_url(QT_TRANSLATE_NOOP(
            "URL", "Enter the API URL, for example https://app.plugchoice.com/api/v3."
        )))  # fmt: skip
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise InsecureURLError(
            _url(QT_TRANSLATE_NOOP("URL", "{url} is not a valid URL."), url=repr(text))
        ) from None
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "https") or not parsed.host:
        raise InsecureURLError(_url(QT_TRANSLATE_NOOP(
            "URL",
            "The API URL must start with https://, for example https://app.plugchoice.com/api/v3.",
        )))  # fmt: skip
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise InsecureURLError(_url(QT_TRANSLATE_NOOP(
            "URL", "The port in the API URL must be between 1 and 65535, not {port}."
        ), port=parsed.port))  # fmt: skip
    if parsed.userinfo:
        raise InsecureURLError(_url(QT_TRANSLATE_NOOP(
            "URL",
            "The API URL must not contain a user name or password; sign in with a token instead.",
        )))  # fmt: skip
    if parsed.query or parsed.fragment:
        raise InsecureURLError(
            _url(QT_TRANSLATE_NOOP("URL", "The API URL must not contain '?' or '#'."))
        )
    if scheme == "http" and not is_loopback_host(parsed.host):
        raise InsecureURLError(_url(QT_TRANSLATE_NOOP(
            "URL",
            "The API URL must use https:// for {host}: plain http:// would send your "
            "token unencrypted (it is only allowed for this computer, e.g. the simulator).",
        ), host=parsed.host))  # fmt: skip
    parts = urlsplit(text)
    return urlunsplit((scheme, parts.netloc.lower(), parts.path, "", "")).rstrip("/")


def check_webhook_url(url: str) -> str:
    """A webhook URL for `plugdesk watch --webhook`, by the rules of `check_api_url`:
    https (plain http only to this computer), no user name or password in it. Its query
    is kept (chat services put their key there). InsecureURLError (one sentence) else."""
    text = (url or "").strip()
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise InsecureURLError(
            _url(QT_TRANSLATE_NOOP("URL", "{url} is not a valid webhook URL."), url=repr(text))
        ) from None
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "https") or not parsed.host:
        raise InsecureURLError(
            _url(QT_TRANSLATE_NOOP("URL", "A webhook URL must start with https://."))
        )
    if parsed.userinfo:
        raise InsecureURLError(_url(QT_TRANSLATE_NOOP(
            "URL", "A webhook URL must not contain a user name or password."
        )))  # fmt: skip
    if scheme == "http" and not is_loopback_host(parsed.host):
        raise InsecureURLError(_url(QT_TRANSLATE_NOOP(
            "URL",
            "The webhook for {host} must use https://: plain http:// is only "
            "allowed for this computer.",
        ), host=parsed.host))  # fmt: skip
    return text


def tls_verify(base: httpx.URL) -> ssl.SSLContext | bool:
    """What the client verifies TLS with: the CA bundle for an https API.

    An http:// base URL (loopback only, see `check_api_url`) never speaks TLS: every request,
    next-page links included, stays on its origin and redirects are not followed. Loading
    the CA bundle would cost ~40 ms at start-up for nothing, so such a client gets a context
    that trusts no CA at all: should TLS ever be attempted, it fails closed."""
    if base.scheme == "https":
        return True
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies hostnames, trusts nobody


# One `page=N` in a link's query (links are read as httpx writes them). Text, not a parsed
# URL: a 200-page list looks at each link several times, and parsing each one again cost
# the load as much as reading the pages' bytes. A link this does not read (no page, two of
# them, an odd spelling) is simply not read ahead: its pages follow the links one by one.
_PAGE_PARAM = re.compile(r"[?&]page=([0-9]{1,9})(?=&|$)")


@functools.lru_cache(maxsize=64)  # each page's URL is looked at several times
def _page_match(url: str) -> re.Match[str] | None:
    query = url.partition("#")[0]
    found = list(_PAGE_PARAM.finditer(query))
    return found[0] if len(found) == 1 else None


def _page_number(url: str) -> int | None:
    """The `page` query parameter as a number, if the URL has exactly one in digits."""
    found = _page_match(url)
    return int(found.group(1)) if found is not None else None


def _with_page(url: str, number: int) -> str:
    """`url` (one with a page number) asking for page `number` instead."""
    found = _page_match(url)
    assert found is not None, "only a URL with a page number is renumbered"
    return f"{url[: found.start(1)]}{number}{url[found.end(1) :]}"


def _normalized(url: str) -> str:
    """A numbered page's URL as `_with_page` spells it, to compare a link with a guess."""
    number = _page_number(url)
    return _with_page(url, number) if number is not None else url


async def _cancel_all(in_flight: deque[tuple[str, asyncio.Task[bytes]]]) -> None:
    """Drop pages read ahead that are not needed (past the end, or not linked to)."""
    tasks = [task for _url, task in in_flight]
    in_flight.clear()
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)


def _origin(url: httpx.URL) -> tuple[str, str, int]:
    default = 443 if url.scheme == "https" else 80
    return url.scheme, url.host.lower(), url.port or default


# -- argument checks (cheap, local, before spending a request) ------------------------------


def _check_segment(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"A {what} is needed (got {type(value).__name__} {value!r}).")
    return value.strip()


def _check_connector(connector_id: object) -> int:
    if (
        not isinstance(connector_id, int)
        or isinstance(connector_id, bool)
        or connector_id not in CONNECTOR_RANGE
    ):
        raise ValueError(f"The connector number must be between 1 and 100, not {connector_id!r}.")
    return connector_id


def _check_code(code: object) -> str:
    text = _check_segment(code, "public charger code")
    if len(text) > MAX_PUBLIC_CODE_LENGTH:
        raise ValueError(
            f"A public charger code has at most {MAX_PUBLIC_CODE_LENGTH} characters; "
            f"{text!r} has {len(text)}."
        )
    return text


def _check_limit(limit: object) -> int | None:
    if limit is None:
        return None
    if (
        not isinstance(limit, int)
        or isinstance(limit, bool)
        or not 1 <= limit <= MAX_TRANSACTION_LIMIT
    ):
        raise ValueError(f"The limit must be between 1 and 10000, not {limit!r}.")
    return limit


def _check_email(email: object) -> str | None:
    if email is None:
        return None
    if not isinstance(email, str):
        raise ValueError("The receipt email must be text.")
    text = email.strip()
    if not text:
        return None
    if len(text) > MAX_EMAIL_LENGTH or "@" not in text or any(c.isspace() for c in text):
        raise ValueError(f"{text!r} is not a valid email address for the receipt.")
    return text


def _date_param(value: date | datetime, what: str) -> str:
    """ISO 8601 as the API's filters take it: a date, or a UTC timestamp ending in Z."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    if isinstance(value, date):
        return value.isoformat()
    raise ValueError(f"{what} must be a date or datetime, not {type(value).__name__}.")


def _as_datetime(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def transaction_params(
    *,
    status: str | None = None,
    started_from: date | datetime | None = None,
    stopped_until: date | datetime | None = None,
    limit: int | None = None,
) -> dict[str, str]:
    """Query parameters of GET /chargers/{uuid}/transactions, checked locally."""
    params: dict[str, str] = {}
    if status is not None:
        if status not in TRANSACTION_STATUSES:
            raise ValueError(f"The status filter must be 'active' or 'finished', not {status!r}.")
        params["filter[status]"] = status
    if started_from is not None:
        params["filter[started_from]"] = _date_param(started_from, "started_from")
    if stopped_until is not None:
        params["filter[stopped_until]"] = _date_param(stopped_until, "stopped_until")
    if (
        started_from is not None
        and stopped_until is not None
        and _as_datetime(stopped_until) < _as_datetime(started_from)
    ):
        raise ValueError("'Stopped until' must not be earlier than 'started from'.")
    checked = _check_limit(limit)
    if checked is not None:
        params["limit"] = str(checked)
    return params


# -- one request's description --------------------------------------------------------------


@dataclass
class _Call:
    """What to send, how to account for it, and how to describe it in messages."""

    method: str
    url: str
    budget: RequestBudget
    subject: str  # "the charger list", "charger 1a2b…": used in 404 and decode messages
    params: dict[str, str] | None = None
    json: dict[str, Any] | None = None
    auth: bool = True
    secrets: tuple[str, ...] = field(default_factory=tuple)  # path tokens to mask
    carry: dict[str, str] | None = None  # the first page's filters, kept for later pages
    max_body: int = OBJECT_BODY_LIMIT  # bytes, decompressed; lists get LIST_BODY_LIMIT

    @property
    def retryable(self) -> bool:
        return self.method == "GET"

    @property
    def shown(self) -> str:
        """Method and path with secrets masked, for logs and messages."""
        return f"{self.method} {redact(self.url, self.secrets)}"


# -- the client ------------------------------------------------------------------------------


class PlugchoiceClient:
    """Async client for one Plugchoice API base URL."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 20.0,
        budget: RequestBudget | None = None,
        max_attempts: int = 4,
        max_retry_after: float = 60.0,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Sleep = asyncio.sleep,
        public_budgets: Mapping[str, RequestBudget] | None = None,
        request_deadline: float = REQUEST_DEADLINE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        self._base_url = check_api_url(base_url)
        self._base = httpx.URL(self._base_url + "/")
        self._request_deadline = float(request_deadline)
        self.max_pages = max_pages
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1.")
        self._token: str | None = None
        self.set_token(token)
        self._timeout = float(timeout)
        self._max_attempts = max_attempts
        self._max_retry_after = float(max_retry_after)
        self._sleep = sleep
        self.budget = budget or RequestBudget()
        self.public_budgets: dict[str, RequestBudget] = {
            "lookup": RequestBudget(PUBLIC_LOOKUP_PER_MINUTE),
            "session_get": RequestBudget(PUBLIC_SESSION_GET_PER_MINUTE),
            "session_start": RequestBudget(PUBLIC_SESSION_START_PER_MINUTE),
            "session_action": RequestBudget(PUBLIC_SESSION_ACTION_PER_MINUTE),
        }
        self.public_budgets.update(public_budgets or {})
        self._http = httpx.AsyncClient(
            base_url=self._base,
            headers={"Accept": "application/json", "User-Agent": USER_AGENT},
            timeout=httpx.Timeout(self._timeout, connect=min(self._timeout, 10.0)),
            verify=tls_verify(self._base),
            follow_redirects=False,  # a redirect could carry the token elsewhere
            transport=transport,
            # Honour system proxies and CA settings, except for this computer (the
            # simulator must never be reached through a proxy).
            trust_env=not is_loopback_host(self._base.host),
            event_hooks={"request": [self._hold_while_paused], "response": [self._pause_on_429]},
        )

    def on_response(self, listener: Callable[[int], None]) -> None:
        """Tell `listener` the status of every API answer (the watch counts its 429s)."""

        async def hook(response: httpx.Response) -> None:
            listener(response.status_code)

        self._http.event_hooks["response"].append(hook)

    # -- life cycle and settings ---------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def host(self) -> str:
        """Host name for display ("app.plugchoice.com")."""
        return self._base.host

    @property
    def has_token(self) -> bool:
        return self._token is not None

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    def set_token(self, token: str | None) -> None:
        """Use another token (sign-in, sign-out) without a new connection pool."""
        token = token.strip() if token else None
        self._token = token or None

    async def aclose(self) -> None:
        await self._http.aclose()

    @contextlib.contextmanager
    def using_budget(self, share: RequestBudget) -> Iterator[None]:
        """Requests made inside the `with` (and tasks started there) count against
        `share` instead of the account budget: a whole-fleet export takes a capped
        `budget.share()` so the fault watch keeps its reserve."""
        reset = _BUDGET_SHARE.set(share)
        try:
            yield
        finally:
            _BUDGET_SHARE.reset(reset)

    def _budget_for(self, call: _Call) -> RequestBudget:
        share = _BUDGET_SHARE.get()
        return share if share is not None and call.budget is self.budget else call.budget

    @contextlib.contextmanager
    def time_limit(self, seconds: float | None) -> Iterator[None]:
        """Every request made inside the `with` (retries and Retry-After waits included)
        must finish within `seconds`, or raises DeadlineError. None: no overall limit."""
        if seconds is None:
            yield
            return
        deadline = time.monotonic() + max(0.0, seconds)
        outer = _DEADLINE.get()
        token = _DEADLINE.set(deadline if outer is None else min(outer, deadline))
        try:
            yield
        finally:
            _DEADLINE.reset(token)

    async def __aenter__(self) -> PlugchoiceClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        signed = "with token" if self._token else "no token"
        return f"PlugchoiceClient({self._base_url!r}, {signed})"

    # -- endpoints: account and chargers -------------------------------------------------

    async def get_user(self) -> User:
        """The signed-in user; the cheapest way to check a token."""
        call = _Call("GET", "user", self.budget, "your user account")
        return await self._fetch_object(call, User)

    def iter_charger_pages(self, *, read_ahead: int = 0) -> AsyncIterator[list[Charger]]:
        """Every page of GET /chargers, following `links.next` / `next_page_url`.
        `read_ahead`: once the list is long, keep that many more pages in flight."""
        call = _Call("GET", "chargers", self.budget, "the charger list")
        if read_ahead > 0:
            return self._iter_pages_reading_ahead(call, Charger, read_ahead)
        return self._iter_pages(call, Charger, limit=None)

    def iter_chargers(self) -> AsyncIterator[Charger]:
        """Every charger this account can see, page by page."""
        return _flatten(self.iter_charger_pages())

    async def list_chargers(self) -> list[Charger]:
        chargers: list[Charger] = []
        async for page in self.iter_charger_pages():
            chargers.extend(page)
        return chargers

    async def get_charger(self, uuid: str) -> Charger:
        """One charger with its connectors."""
        uuid = _check_segment(uuid, "charger UUID")
        call = _Call("GET", f"chargers/{quote(uuid, safe='')}", self.budget, f"charger {uuid}")
        return await self._fetch_object(call, Charger)

    def iter_transactions(
        self,
        uuid: str,
        *,
        status: str | None = None,
        started_from: date | datetime | None = None,
        stopped_until: date | datetime | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Transaction]:
        """A charger's transactions in the API's order.

        `limit` (1..10000) caps the total; arguments are checked (ValueError) right here,
        before any request."""
        return _flatten(
            self.iter_transaction_pages(
                uuid,
                status=status,
                started_from=started_from,
                stopped_until=stopped_until,
                limit=limit,
            )
        )

    def iter_transaction_pages(
        self,
        uuid: str,
        *,
        status: str | None = None,
        started_from: date | datetime | None = None,
        stopped_until: date | datetime | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[list[Transaction]]:
        """Like `iter_transactions`, a page at a time (for streaming exports)."""
        uuid = _check_segment(uuid, "charger UUID")
        params = transaction_params(
            status=status, started_from=started_from, stopped_until=stopped_until, limit=limit
        )
        call = _Call(
            "GET",
            f"chargers/{quote(uuid, safe='')}/transactions",
            self.budget,
            f"the transactions of charger {uuid}",
            params=params,
        )
        return self._iter_pages(call, Transaction, limit=limit)

    async def list_transactions(
        self,
        uuid: str,
        *,
        status: str | None = None,
        started_from: date | datetime | None = None,
        stopped_until: date | datetime | None = None,
        limit: int | None = None,
    ) -> list[Transaction]:
        pages = self.iter_transaction_pages(
            uuid, status=status, started_from=started_from, stopped_until=stopped_until, limit=limit
        )
        return [transaction async for page in pages for transaction in page]

    async def get_power_usage(self, uuid: str, connector_id: int) -> PowerUsage:
        """Live L1/L2/L3 current and kW of one connector."""
        uuid = _check_segment(uuid, "charger UUID")
        connector_id = _check_connector(connector_id)
        call = _Call(
            "GET",
            f"chargers/{quote(uuid, safe='')}/connectors/{connector_id}/power-usage",
            self.budget,
            f"connector {connector_id} of charger {uuid}",
        )
        return await self._fetch_object(call, PowerUsage)

    # -- endpoints: sites, teams, meter values, OCPP log, actions, settings ----------------
    # (issue 13; argument rules in plugdesk.api.params, models in fleet_models and
    # charger_models). Reads follow every page of whichever envelope the API sends;
    # writes (POST/PUT) are sent once and never retried, see `_write`.

    def iter_sites(
        self, *, search: str | None = None, team: str | None = None
    ) -> AsyncIterator[Site]:
        """Every site ("location") this account can see, optionally searched or of one team."""
        call = _Call(
            "GET",
            "sites",
            self.budget,
            "the site list",
            params=site_params(search=search, team=team),
        )
        return _flatten(self._iter_pages(call, Site, limit=None))

    async def list_sites(self, *, search: str | None = None, team: str | None = None) -> list[Site]:
        return [site async for site in self.iter_sites(search=search, team=team)]

    async def get_site(self, site: str) -> Site:
        site = _check_segment(site, "site UUID")
        return await self._fetch_object(self._site_call(site, ""), Site)

    async def list_site_chargers(self, site: str) -> list[Charger]:
        """The site's chargers, each with its connectors."""
        return await self._collect(self._site_call(site, "/chargers", "the chargers of "), Charger)

    async def list_site_connectors(self, site: str) -> list[SiteConnector]:
        """The site's connectors, each with its charger."""
        call = self._site_call(site, "/connectors", "the connectors of ")
        return await self._collect(call, SiteConnector)

    def iter_site_transactions(
        self, site: str, *, limit: int | None = None
    ) -> AsyncIterator[Transaction]:
        call = self._site_call(site, "/transactions", "the transactions of ")
        return _flatten(self._iter_pages(call, Transaction, limit=_check_limit(limit)))

    def iter_site_transaction_rows(self, site: str) -> AsyncIterator[TeamTransaction]:
        """The site's transactions with the charger each ran on (`charger{uuid,identity,
        reference}`, as team lists carry it), for exports that attribute rows themselves."""
        call = self._site_call(site, "/transactions", "the transactions of ")
        return _flatten(self._iter_pages(call, TeamTransaction, limit=None))

    async def list_site_transactions(
        self, site: str, *, limit: int | None = None
    ) -> list[Transaction]:
        return [row async for row in self.iter_site_transactions(site, limit=limit)]

    async def list_site_teams(self, site: str) -> list[Team]:
        """The teams with access to the site."""
        return await self._collect(self._site_call(site, "/teams", "the teams of "), Team)

    async def list_teams(self) -> list[Team]:
        """The user's teams: GET /teams, which no docs page lists; where it answers 404,
        the union of the teams of every site the user can see."""
        try:
            return await self._collect(_Call("GET", "teams", self.budget, "your team list"), Team)
        except NotFoundError:
            log.info("GET teams -> 404; collecting teams from the sites instead")
        teams: dict[str | int, Team] = {}
        async for site in self.iter_sites():
            for team in await self.list_site_teams(site.uuid):
                if team.key is not None:
                    teams.setdefault(team.key, team)
        return list(teams.values())

    def iter_team_chargers(
        self,
        team: str,
        *,
        search: str | None = None,
        connection_status: str | None = None,
        status: str | None = None,
        connector_status: str | None = None,
        vendor: str | None = None,
        license: str | None = None,
        site_uuid: str | None = None,
        sort: str | None = None,
        read_ahead: int = 0,
    ) -> AsyncIterator[TeamCharger]:
        """The team's chargers, filtered on the server (e.g. `connector_status="Faulted"`
        for only those that need attention); `sort` one of identity, connection_status,
        status, created_at, prefixed with '-' for descending. `read_ahead`: once the list
        is long, keep that many more pages in flight (as `iter_charger_pages`)."""
        params = team_charger_params(
            search=search,
            connection_status=connection_status,
            status=status,
            connector_status=connector_status,
            vendor=vendor,
            license=license,
            site_uuid=site_uuid,
            sort=sort,
        )
        call = self._team_call(team, "/chargers", "the chargers of ", params)
        if read_ahead > 0:
            return _flatten(self._iter_pages_reading_ahead(call, TeamCharger, read_ahead))
        return _flatten(self._iter_pages(call, TeamCharger, limit=None))

    async def list_team_chargers(self, team: str, **filters: str | None) -> list[TeamCharger]:
        """`iter_team_chargers` collected; same keyword filters."""
        items = self.iter_team_chargers(team, **filters)  # type: ignore[arg-type]
        return [charger async for charger in items]

    async def list_team_sites(self, team: str) -> list[Site]:
        return await self._collect(self._team_call(team, "/sites", "the sites of "), Site)

    def iter_team_transactions(
        self, team: str, *, limit: int | None = None
    ) -> AsyncIterator[TeamTransaction]:
        call = self._team_call(team, "/transactions", "the transactions of ")
        return _flatten(self._iter_pages(call, TeamTransaction, limit=_check_limit(limit)))

    async def list_team_transactions(
        self, team: str, *, limit: int | None = None
    ) -> list[TeamTransaction]:
        return [row async for row in self.iter_team_transactions(team, limit=limit)]

    async def rename_charger(self, uuid: str, reference: str) -> Charger:
        """Set the charger's own label (PUT {reference}); sent once, never retried."""
        body = reference_body(reference)
        call = self._charger_call("PUT", uuid, "", json=body)
        return self._decoded(await self._write(call, "rename"), Charger, call)

    async def get_latest_meter_value(self, uuid: str, connector_id: int) -> LatestMeterValue:
        """The connector's last OCPP MeterValues message, as the charger sent it."""
        connector_id = _check_connector(connector_id)
        call = self._charger_call(
            "GET", uuid, f"/connectors/{connector_id}/latest-metervalue", connector=connector_id
        )
        return await self._fetch_object(call, LatestMeterValue)

    def iter_meter_values(
        self,
        uuid: str,
        *,
        date_from: date | datetime,
        date_to: date | datetime,
        context: str | None = None,
        measurand: str | None = None,
        phase: str | None = None,
        location: str | None = None,
        unit: str | None = None,
        limit: int | None = None,
        order: str | None = None,
    ) -> AsyncIterator[MeterValue]:
        """Stored readings between two moments (sent as UTC `Y-m-d H:i:s`); `limit`
        (1..10000) caps the total, `order` is "asc" or "desc"."""
        limit = _check_limit(limit)  # the same 1..10000 as transactions
        params = meter_value_params(
            date_from=date_from,
            date_to=date_to,
            context=context,
            measurand=measurand,
            phase=phase,
            location=location,
            unit=unit,
            limit=limit,
            order=order,
        )
        call = self._charger_call("GET", uuid, "/metervalues", params=params, what="meter values")
        return _flatten(self._iter_pages(call, MeterValue, limit=limit))

    async def list_meter_values(
        self, uuid: str, *, date_from: date | datetime, date_to: date | datetime, **options: Any
    ) -> list[MeterValue]:
        """`iter_meter_values` collected; same keyword options."""
        values = self.iter_meter_values(uuid, date_from=date_from, date_to=date_to, **options)
        return [value async for value in values]

    def iter_charger_log_pages(
        self,
        uuid: str,
        *,
        method: str | None = None,
        status: str | None = None,
        destination: str | None = None,
        hide_insignificant: bool | None = None,
        date_from: date | datetime | None = None,
        date_to: date | datetime | None = None,
        sort: str | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[OcppLogPage]:
        """The charger's OCPP messages a page at a time (newest first unless
        `sort="created_at"`), each page with the methods `filter_options` offers.
        `limit` caps the total read (client side; the endpoint has no limit)."""
        params = log_params(
            method=method,
            status=status,
            destination=destination,
            hide_insignificant=hide_insignificant,
            date_from=date_from,
            date_to=date_to,
            sort=sort,
        )
        call = self._charger_call("GET", uuid, "/logs", params=params, what="OCPP log")
        return self._iter_log_pages(call, _check_limit(limit))

    async def list_charger_logs(self, uuid: str, **filters: Any) -> OcppLogPage:
        """Every log entry matching `filters` (as `iter_charger_log_pages`) and the
        methods offered on the last page read."""
        result = OcppLogPage(entries=[], methods=[])
        async for page in self.iter_charger_log_pages(uuid, **filters):
            result.entries.extend(page.entries)
            result.methods = page.methods
        return result

    async def restart_charger(self, uuid: str) -> ActionResult:
        """Ask the charger to restart (the API offers no soft/hard choice)."""
        return await self._action(uuid, "restart", None, "restart")

    async def start_charging(
        self, uuid: str, id_token: str, connector_id: int | None = None
    ) -> ActionResult:
        """Remote start for `id_token` (<= 20 characters); the charger picks the
        connector when `connector_id` is left out."""
        return await self._action(uuid, "start", start_body(id_token, connector_id), "start")

    async def stop_charging(self, uuid: str, transaction_id: int | None = None) -> ActionResult:
        """Remote stop of `transaction_id`, or of the active transaction when left out."""
        return await self._action(uuid, "stop", stop_body(transaction_id), "stop")

    async def set_charge_limit(
        self, uuid: str, connector_id: int, limit: float, stack_level: int = 1
    ) -> ActionResult:
        """Cap the current (A) of a connector, or of the whole charger with `connector_id=0`."""
        body = charge_limit_body(connector_id, limit, stack_level)
        return await self._action(uuid, "charge-limit", body, "charge limit")

    async def set_charging_profile(
        self, uuid: str, connector_id: int, profile: Mapping[str, Any]
    ) -> ActionResult:
        """Send an OCPP 1.6 SetChargingProfile (`profile` in snake_case, with its
        `charging_schedule`) for a connector, or the whole charger with `connector_id=0`."""
        body = charging_profile_body(connector_id, profile)
        return await self._action(uuid, "charging-profile", body, "charging profile")

    async def get_lock(self, uuid: str) -> LockSetting:
        """Whether the charger is locked (made Unavailable)."""
        return await self._fetch_object(
            self._charger_call("GET", uuid, "/settings/lock"), LockSetting
        )

    async def set_lock(self, uuid: str, enabled: bool) -> None:
        """Lock (make Unavailable) or unlock the charger; the API answers 204."""
        body = {"enabled": check_bool(enabled, "enabled")}
        await self._write(self._charger_call("POST", uuid, "/settings/lock", json=body), "lock")

    async def get_socket_lock(self, uuid: str) -> SocketLockSetting:
        call = self._charger_call("GET", uuid, "/settings/socket-lock")
        return await self._fetch_object(call, SocketLockSetting)

    async def get_plug_charge(self, uuid: str) -> PlugChargeSetting:
        call = self._charger_call("GET", uuid, "/settings/plug-charge")
        return await self._fetch_object(call, PlugChargeSetting)

    async def set_plug_charge(self, uuid: str, enabled: bool, card_uid: str | None = None) -> None:
        """Plug & charge on (with the card it bills, <= 20 characters) or off; 204."""
        body = plug_charge_body(enabled, card_uid)
        call = self._charger_call("POST", uuid, "/settings/plug-charge", json=body)
        await self._write(call, "plug & charge setting")

    async def get_public_charging_settings(self, uuid: str) -> PublicChargingSettings:
        call = self._charger_call("GET", uuid, "/settings/public-charging")
        return await self._fetch_object(call, PublicChargingSettings)

    async def set_public_charging_settings(
        self,
        uuid: str,
        *,
        enabled: bool,
        price_per_kwh: int,
        start_fee: int,
        billing_plan: str,
    ) -> None:
        """Public charging on/off with its prices (minor units); the API answers 204."""
        body = public_charging_body(enabled, price_per_kwh, start_fee, billing_plan)
        call = self._charger_call("POST", uuid, "/settings/public-charging", json=body)
        await self._write(call, "public charging setting")

    # -- helpers of the block above

    def _site_call(self, site: str, suffix: str, what: str = "") -> _Call:
        site = _check_segment(site, "site UUID")
        return _Call(
            "GET", f"sites/{quote(site, safe='')}{suffix}", self.budget, f"{what}site {site}"
        )

    def _team_call(
        self, team: str, suffix: str, what: str, params: dict[str, str] | None = None
    ) -> _Call:
        team = _check_segment(team, "team UUID")
        path = f"teams/{quote(team, safe='')}{suffix}"
        return _Call("GET", path, self.budget, f"{what}team {team}", params=params or None)

    def _charger_call(
        self,
        method: str,
        uuid: str,
        suffix: str,
        *,
        params: dict[str, str] | None = None,
        json: dict[str, Any] | None = None,
        what: str | None = None,
        connector: int | None = None,
    ) -> _Call:
        uuid = _check_segment(uuid, "charger UUID")
        subject = f"charger {uuid}"
        if connector is not None:
            subject = f"connector {connector} of {subject}"
        if what is not None:
            subject = f"the {what} of {subject}"
        path = f"chargers/{quote(uuid, safe='')}{suffix}"
        return _Call(method, path, self.budget, subject, params=params or None, json=json)

    async def _collect(self, call: _Call, item: type[T]) -> list[T]:
        return [row async for page in self._iter_pages(call, item, limit=None) for row in page]

    async def _iter_log_pages(self, call: _Call, limit: int | None) -> AsyncIterator[OcppLogPage]:
        methods: list[str] = []

        def keep_methods(page: decode.Page[OcppLog]) -> None:
            options = decode.filter_options_as(page, LogFilterOptions)
            if options is not None and options.methods is not None:
                methods[:] = options.methods

        async for entries in self._iter_pages(call, OcppLog, limit=limit, on_page=keep_methods):
            yield OcppLogPage(entries=entries, methods=list(methods))

    async def _action(
        self, uuid: str, name: str, body: dict[str, Any] | None, doing: str
    ) -> ActionResult:
        call = self._charger_call("POST", uuid, f"/actions/{name}", json=body)
        answer = await self._write(call, doing)
        if not answer.strip():
            return ActionResult()  # 204 or an empty body: the API did not say
        return self._decoded(answer, ActionResult, call)

    async def _write(self, call: _Call, doing: str) -> bytes:
        """Send a change to a charger exactly once (POST/PUT are never retried, see
        `_Call.retryable`) and say plainly what a 504 or 403 means for it."""
        if call.retryable:  # a programming error, never a user's: writes are POST/PUT
            raise RuntimeError(f"{call.method} would be retried; charger writes must not be.")
        try:
            return await self._send(call)
        except GatewayTimeoutError:
            raise ChargerTimeoutError(
                f"The charger did not answer in time (504): the {doing} may still happen. "
                "Check the charger before trying again."
            ) from None
        except ForbiddenError:
            raise ForbiddenError(
                f"This token lacks permission for the {doing} on {call.subject} (403 "
                "Forbidden). Ask the charger's owner for access."
            ) from None

    def _decoded(self, body: bytes, kind: type[T], call: _Call) -> T:
        try:
            return decode.decode_object(body, kind, context=f"reply to {call.shown}")
        except BadResponseError as error:
            raise self._redacted(error, call) from None

    # -- endpoints: public charging (no auth; the session token is the credential) ------

    async def get_public_charger(self, code: str) -> PublicCharger:
        code = _check_code(code)
        call = _Call(
            "GET",
            f"public-charging/chargers/{quote(code, safe='')}",
            self.public_budgets["lookup"],
            f"public charger code {code}",
            auth=False,
        )
        return await self._fetch_object(call, PublicCharger)

    async def start_public_session(
        self, code: str, connector_id: int, email: str | None = None
    ) -> StartedSession:
        """Start a session and its card pre-authorization. Never retried automatically."""
        payload: dict[str, Any] = {
            "code": _check_code(code),
            "connector_id": _check_connector(connector_id),
        }
        checked_email = _check_email(email)
        if checked_email is not None:
            payload["email"] = checked_email
        call = _Call(
            "POST",
            "public-charging/sessions",
            self.public_budgets["session_start"],
            f"public charger code {payload['code']}",
            json=payload,
            auth=False,
        )
        return await self._fetch_object(call, StartedSession)

    async def get_public_session(self, token: str) -> SessionState:
        return await self._session_call("GET", token, "", self.public_budgets["session_get"])

    async def confirm_public_session(self, token: str) -> SessionState:
        return await self._session_call("POST", token, "/confirm")

    async def stop_public_session(self, token: str) -> SessionState:
        return await self._session_call("POST", token, "/stop")

    async def cancel_public_session(self, token: str) -> SessionState:
        return await self._session_call("POST", token, "/cancel")

    async def _session_call(
        self, method: str, token: str, suffix: str, budget: RequestBudget | None = None
    ) -> SessionState:
        token = _check_segment(token, "session token")
        call = _Call(
            method,
            f"public-charging/sessions/{quote(token, safe='')}{suffix}",
            budget or self.public_budgets["session_action"],
            f"public charging session {mask(token)}",
            auth=False,
            secrets=(token, quote(token, safe="")),
        )
        return await self._fetch_object(call, SessionState)

    # -- machinery -------------------------------------------------------------------------

    async def _fetch_object(self, call: _Call, kind: type[T]) -> T:
        body = await self._send(call)
        context = f"reply to {call.shown}"
        try:
            return await decode.adecode_object(body, kind, context=context)
        except BadResponseError as error:
            raise self._redacted(error, call) from None

    async def _iter_pages(
        self,
        call: _Call,
        item: type[T],
        *,
        limit: int | None,
        on_page: Callable[[decode.Page[T]], None] | None = None,
    ) -> AsyncIterator[list[T]]:
        """Follow next links until there are none; stop early once `limit` items came.

        A server that sends the same next URL twice, or the same page again, would keep us
        looping forever: that is a BadResponseError, not a silent truncation."""
        call = dataclasses.replace(call, max_body=LIST_BODY_LIMIT)
        seen = {str(self._http.base_url.join(call.url).copy_merge_params(call.params or {}))}
        previous: list[T] | None = None
        remaining = limit
        page_no = 1
        while True:
            page = await self._list_page(await self._send(call), item, call, page_no, previous)
            if on_page is not None:
                on_page(page)  # e.g. keep the page's filter_options
            items = page.data
            if remaining is not None and len(items) >= remaining:
                yield items[:remaining]
                return
            if items:
                yield items
            if remaining is not None:
                remaining -= len(items)
            next_url = page.next_url
            if not next_url or not items:
                return  # an empty page ends the list even if it claims a successor
            call = self._next_call(call, next_url, seen, page_no)
            previous = items
            page_no += 1

    async def _iter_pages_reading_ahead(
        self, call: _Call, item: type[T], ahead: int
    ) -> AsyncIterator[list[T]]:
        """`_iter_pages` (no limit) that, once the list runs past READ_AHEAD_AFTER pages
        and its next links number the pages (`?page=N`, as the API documents), keeps
        `ahead` more pages in flight instead of waiting for each reply before asking for
        the next: a 200-page fleet then costs a few round trips' worth of waiting, not
        200. The links still rule: each in-flight page is used only if the page before it
        links to it, otherwise the guesses are dropped and the links followed one by one.
        At most `ahead` requests go past the end of the list."""
        call = dataclasses.replace(call, max_body=LIST_BODY_LIMIT)
        seen = {str(self._http.base_url.join(call.url))}
        in_flight: deque[tuple[str, asyncio.Task[bytes]]] = deque()
        previous: list[T] | None = None
        page_no = 1
        try:
            while True:
                task = in_flight.popleft()[1] if in_flight else None
                body = await task if task is not None else await self._send(call)
                page = await self._list_page(body, item, call, page_no, previous)
                items = page.data
                if items:
                    yield items
                next_url = page.next_url
                if not next_url or not items:
                    return
                call = self._next_call(call, next_url, seen, page_no)
                previous = items
                page_no += 1
                if in_flight and in_flight[0][0] != _normalized(call.url):
                    await _cancel_all(in_flight)  # the server links elsewhere: follow it
                self._keep_reading_ahead(call, page_no, ahead, in_flight)
        finally:
            await _cancel_all(in_flight)

    async def _list_page(
        self, body: bytes, item: type[T], call: _Call, page_no: int, previous: list[T] | None
    ) -> decode.Page[T]:
        """One page of a list, decoded. A server that sends the previous page's rows again
        would keep us looping forever: that is a BadResponseError."""
        context = f"reply to {call.shown}, page {page_no}"
        try:
            page = await decode.adecode_page(body, item, context=context)
        except BadResponseError as error:
            raise self._redacted(error, call) from None
        if previous is not None and page.data and page.data == previous:
            raise self._loop_error(call, page_no)
        return page

    def _keep_reading_ahead(
        self,
        call: _Call,
        page_no: int,
        ahead: int,
        in_flight: deque[tuple[str, asyncio.Task[bytes]]],
    ) -> None:
        """Top up the pages in flight: `call` is page `page_no`, the next one to read."""
        if page_no <= READ_AHEAD_AFTER or _page_number(call.url) != page_no:
            return
        first = page_no + len(in_flight) if in_flight else page_no
        for number in range(first, page_no + ahead):
            url = _with_page(call.url, number)
            guess = dataclasses.replace(call, url=url)
            in_flight.append((url, asyncio.ensure_future(self._send(guess))))

    def _next_call(self, call: _Call, next_url: str, seen: set[str], page_no: int) -> _Call:
        if page_no >= self.max_pages:
            raise BadResponseError(
                f"The API kept sending more pages of {call.subject} after {page_no}; stopped "
                "reading there, far past any real list. Try again later.",
                path="$.links.next",
            )
        try:
            target = httpx.URL(next_url)
            if not target.is_absolute_url:  # the API's links are absolute: no join
                target = self._http.base_url.join(call.url).join(target)
        except (httpx.InvalidURL, ValueError, TypeError):
            raise BadResponseError(
                f"The API sent an unreadable link to the next page of {call.subject}.",
                path="$.links.next",
            ) from None
        if _origin(target) != _origin(self._base):
            host = self._masked(clean_server_text(target.host), call)
            raise BadResponseError(
                f"The API pointed the next page of {call.subject} to another server "
                f"({host}); PlugDesk will not send your token there.",
                path="$.links.next",
            )
        # Laravel's links often drop our filters; put back any parameter the link lacks.
        wanted = call.carry if call.carry is not None else (call.params or {})
        missing = {k: v for k, v in wanted.items() if k not in target.params}
        if missing:
            target = target.copy_merge_params(missing)
        key = str(target)
        if key in seen:
            raise self._loop_error(call, page_no)
        seen.add(key)
        return _Call(
            call.method,
            key,
            call.budget,
            call.subject,
            params=None,
            json=None,
            auth=call.auth,
            secrets=call.secrets,
            carry=wanted,
            max_body=call.max_body,
        )

    def _loop_error(self, call: _Call, page_no: int) -> BadResponseError:
        return BadResponseError(
            f"The API sent page {page_no} of {call.subject} again instead of the next one; "
            "stopped reading to avoid an endless loop. Try again later.",
            path="$.links.next",
        )

    def _redacted(self, error: BadResponseError, call: _Call) -> BadResponseError:
        error.message = self._masked(error.message, call)
        error.path = self._masked(error.path, call)
        return error

    def _masked(self, text: str, call: _Call) -> str:
        """`text` (anything built from server data) with this call's secrets masked."""
        return redact(text, (*call.secrets, self._token))

    def _headers(self, call: _Call) -> dict[str, str]:
        if call.auth and self._token:
            return {"Authorization": f"Bearer {self._token}"}
        return {}

    async def _send(self, call: _Call) -> bytes:
        """Send with budget and retries; return the body of a 2xx answer or raise.

        Every attempt (budget wait, connect, send, whole body) must finish within the
        request deadline and the caller's `time_limit`; a retry wait that would pass the
        caller's limit ends the call at once instead of sleeping into it."""
        self._check_token(call)
        attempt = 0
        while True:
            attempt += 1
            may_retry = call.retryable and attempt < self._max_attempts
            allowed = self._attempt_time(call)
            started = time.monotonic()
            try:
                async with asyncio.timeout(allowed):
                    await self._budget_for(call).acquire()
                    response, body = await self._exchange(call)
            except TimeoutError:
                log.info("%s timed out (attempt %d)", call.shown, attempt)
                if may_retry:
                    await self._sleep_before_retry(self._backoff(attempt), call)
                    continue
                raise self._timeout_error(call, allowed) from None
            except httpx.RequestError as exc:  # transport trouble, or a body that won't inflate
                log.info("%s failed (attempt %d): %s", call.shown, attempt, type(exc).__name__)
                if may_retry:
                    await self._sleep_before_retry(self._backoff(attempt), call)
                    continue
                raise network_error(exc, self.host, self._timeout) from None
            log.debug(
                "%s -> %d (%d bytes, %.0f ms)",
                call.shown,
                response.status_code,
                len(body),
                (time.monotonic() - started) * 1000,
            )
            call.budget.note_server_limits(
                parse_int_header(response.headers.get("x-ratelimit-limit")),
                parse_int_header(response.headers.get("x-ratelimit-remaining")),
            )
            if 200 <= response.status_code < 300:
                return body
            failure = self._error_for(response, body, call)
            delay = self._retry_delay(failure, attempt, call)
            if may_retry and delay is not None:
                log.info("%s -> %d, retrying in %.1f s", call.shown, response.status_code, delay)
                await self._sleep_before_retry(delay, call)
                continue
            raise failure

    async def _exchange(self, call: _Call) -> tuple[httpx.Response, bytes]:
        """One request; the body is read as it streams in (decompressed) and refused as
        soon as it passes `call.max_body`, so an endless body or a gzip bomb costs at most
        that much memory."""
        async with self._http.stream(
            call.method,
            call.url,
            params=call.params,
            json=call.json,
            headers=self._headers(call),
            extensions={BUDGET_EXTENSION: call.budget},
        ) as response:
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > call.max_body:
                    raise BadResponseError(
                        f"The answer to {self._masked(call.shown, call)} was larger than "
                        f"{call.max_body // MB} MB, far more than {call.subject} can need; "
                        "stopped reading it.",
                        path="$",
                        status=response.status_code,
                    )
                chunks.append(chunk)
            return response, b"".join(chunks)

    def _check_token(self, call: _Call) -> None:
        """A token that cannot go into an HTTP header is refused before any request: a
        line break would be retried as a network error, other characters make httpx fail
        with an encoding error."""
        token = self._token
        if not call.auth or token is None:
            return
        if not token.isascii():
            raise AuthError(
                "The API token has characters a token cannot have (letters outside plain "
                "ASCII). Copy it again from the Plugchoice portal and sign in again."
            )
        if not token.isprintable() or any(c.isspace() for c in token):
            raise AuthError(
                "The API token contains a line break, space or control character, which a "
                "token cannot have. Copy it again from the Plugchoice portal and sign in again."
            )

    def _attempt_time(self, call: _Call) -> float:
        """Seconds this attempt may take: the request deadline, or less if the caller's
        time limit ends sooner (DeadlineError when it has already passed)."""
        deadline = _DEADLINE.get()
        if deadline is None:
            return self._request_deadline
        left = deadline - time.monotonic()
        if left <= 0:
            raise self._deadline_error(call)
        return min(self._request_deadline, left)

    async def _sleep_before_retry(self, delay: float, call: _Call) -> None:
        deadline = _DEADLINE.get()
        if deadline is not None and time.monotonic() + delay >= deadline:
            raise self._deadline_error(call)
        await self._sleep(delay)

    def _timeout_error(self, call: _Call, allowed: float) -> DeadlineError:
        deadline = _DEADLINE.get()
        if deadline is not None and time.monotonic() >= deadline - 0.001:
            return self._deadline_error(call)
        unit = "second" if allowed == 1 else "seconds"
        return DeadlineError(
            f"{self.host} did not finish answering {call.subject} within {allowed:g} {unit}. "
            "Try again in a moment."
        )

    def _deadline_error(self, call: _Call) -> DeadlineError:
        return DeadlineError(
            f"{self.host} did not finish answering {call.subject} within the time allowed; "
            "PlugDesk stopped waiting. Try again, or allow more time."
        )

    def _error_for(self, response: httpx.Response, body: bytes, call: _Call) -> PlugchoiceError:
        status = response.status_code
        if 300 <= status < 400:
            where = self._masked(clean_server_text(response.headers.get("location", "")), call)
            return BadResponseError(
                f"The API redirected to {where or 'another address'} ({status}); check the "
                "API URL (PlugDesk does not follow redirects with your token).",
                path="$",
                status=status,
            )
        return error_from_response(
            status,
            body,
            response.headers,
            subject=redact(call.subject, call.secrets),
            secrets=(*call.secrets, self._token),
        )

    def _retry_delay(self, failure: PlugchoiceError, attempt: int, call: _Call) -> float | None:
        """Seconds to wait before trying again, or None when this failure is final.

        A 429 also pauses the shared budget so every other caller backs off too, even
        when this request (a POST) will not be retried."""
        if failure.status not in RETRYABLE_STATUSES:
            return None
        retry_after = failure.retry_after if isinstance(failure, RateLimitedError) else None
        if failure.status == 429:
            wait = retry_after if retry_after is not None else max(1.0, self._backoff(attempt))
            call.budget.pause_for(min(wait, self._max_retry_after))
            if retry_after is not None and retry_after > self._max_retry_after:
                return None  # the server wants a longer break than we are willing to sit out
            return wait
        return self._backoff(attempt)

    async def _hold_while_paused(self, request: httpx.Request) -> None:
        """Last look before the request leaves: a 429 that arrived after this caller got
        its budget slot still holds it back (no other task runs between here and the send)."""
        budget = request.extensions.get(BUDGET_EXTENSION)
        while isinstance(budget, RequestBudget) and (wait := budget.paused_for()) > 0:
            await self._sleep(wait)

    async def _pause_on_429(self, response: httpx.Response) -> None:
        """Pause the budget the moment a 429's headers arrive, before its body is read:
        other callers must not slip a request in while this one is still reading."""
        budget = response.request.extensions.get(BUDGET_EXTENSION)
        if response.status_code != 429 or not isinstance(budget, RequestBudget):
            return
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        wait = retry_after if retry_after is not None else 1.0
        budget.pause_for(min(wait, self._max_retry_after))

    @staticmethod
    def _backoff(attempt: int) -> float:
        """Exponential backoff with jitter (half to all of the step) so clients spread out."""
        step = min(BACKOFF_MAX, BACKOFF_BASE * (2 ** (attempt - 1)))
        return step * random.uniform(0.5, 1.0)


def install_log_redaction() -> None:
    """Mask public session tokens in httpx's own request log lines (it logs full URLs)."""
    httpx_log = logging.getLogger("httpx")
    if not any(isinstance(f, _SessionTokenFilter) for f in httpx_log.filters):
        httpx_log.addFilter(_SessionTokenFilter())


_SESSION_PATH = re.compile(r"(/public-charging/sessions/)([^/?#\s\"']+)")


class _SessionTokenFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_mask_session_path(arg) for arg in record.args)
        if isinstance(record.msg, str):
            record.msg = _mask_session_path(record.msg)
        return True


def _mask_session_path(value: Any) -> Any:
    text = str(value)
    if "/public-charging/sessions/" not in text:
        return value
    return _SESSION_PATH.sub(lambda m: m.group(1) + mask(m.group(2)), text)


async def _flatten(pages: AsyncIterator[list[T]]) -> AsyncIterator[T]:
    async for page in pages:
        for item in page:
            yield item


install_log_redaction()
