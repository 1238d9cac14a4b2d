"""The HTTP side: routing, auth, rate limits, pagination, validation, chaos and the log.

`App.handle` turns one parsed request into an `Action` (what to write on the socket);
`_Handler` is the stdlib request handler that reads requests and carries actions out.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import socket
import struct
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from plugdesk.simulator import ocpp, paging
from plugdesk.simulator.actions import ACTIONS, Actions
from plugdesk.simulator.chaos import Chaos, Decision
from plugdesk.simulator.fleet import Charger, Fleet
from plugdesk.simulator.paging import Links
from plugdesk.simulator.places import Places
from plugdesk.simulator.public import PublicCharging
from plugdesk.simulator.ratelimit import SlidingWindow
from plugdesk.simulator.records import RequestRecord
from plugdesk.simulator.replies import (
    NOT_FOUND,
    TOO_MANY,
    UNAUTHENTICATED,
    Reply,
    error,
    validation,
)
from plugdesk.simulator.transactions import TxQuery
from plugdesk.simulator.util import SimClock, to_datetime

PREFIX = "/api/v3"
PER_PAGE = paging.PER_PAGE
TX_FILTERS = ("status", "started_from", "stopped_until")
PUBLIC_BUCKETS = {"lookup": 30, "get": 30, "start": 3, "action": 10}
_FILTER_KEY = re.compile(r"^filter\[([^\]]*)\]$")
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    name: str
    auth: bool
    bucket: str = ""  # public rate-limit bucket


def _route(method: str, path: str, name: str, auth: bool = True, bucket: str = "") -> Route:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path)
    return Route(method, re.compile(f"^{regex}$"), name, auth, bucket)


ROUTES = (
    _route("GET", "/user", "user"),
    _route("GET", "/chargers", "chargers.index"),
    _route("GET", "/chargers/{uuid}", "chargers.show"),
    _route("GET", "/chargers/{uuid}/transactions", "chargers.transactions"),
    _route("PUT", "/chargers/{uuid}", "chargers.update"),
    _route("GET", "/chargers/{uuid}/connectors/{connector}/power-usage", "chargers.power_usage"),
    _route(
        "GET",
        "/chargers/{uuid}/connectors/{connector}/latest-metervalue",
        "chargers.latest_metervalue",
    ),
    _route("GET", "/chargers/{uuid}/metervalues", "chargers.metervalues"),
    _route("GET", "/chargers/{uuid}/logs", "chargers.logs"),
    *(_route("POST", f"/chargers/{{uuid}}/actions/{a}", f"chargers.actions.{a}") for a in ACTIONS),
    *(
        _route("GET", f"/chargers/{{uuid}}/settings/{s}", f"chargers.settings.{s}")
        for s in ("lock", "socket-lock", "plug-charge", "public-charging")
    ),
    *(
        _route("POST", f"/chargers/{{uuid}}/settings/{s}", f"chargers.settings.{s}.update")
        for s in ("lock", "plug-charge", "public-charging")
    ),
    _route("GET", "/sites", "sites.index"),
    _route("GET", "/sites/{site}", "sites.show"),
    *(
        _route("GET", f"/sites/{{site}}/{p}", f"sites.{p}")
        for p in ("chargers", "connectors", "transactions", "teams")
    ),
    _route("GET", "/teams", "teams.index"),
    *(
        _route("GET", f"/teams/{{team}}/{p}", f"teams.{p}")
        for p in ("chargers", "sites", "transactions")
    ),
    _route("GET", "/public-charging/chargers/{code}", "public.chargers.show", False, "lookup"),
    _route("POST", "/public-charging/sessions", "public.sessions.start", False, "start"),
    _route("GET", "/public-charging/sessions/{token}", "public.sessions.show", False, "get"),
    _route(
        "POST",
        "/public-charging/sessions/{token}/{action}",
        "public.sessions.action",
        False,
        "action",
    ),
)


@dataclass
class Request:
    method: str
    path: str
    query: list[tuple[str, str]]
    authorization: str | None
    body: bytes
    client: str


@dataclass
class Action:
    """What the handler writes: an answer, maybe late (`delay`), maybe cut off after
    `cut_at` body bytes (then the connection closes), or nothing at all (`reset`)."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0
    cut_at: int | None = None
    reset: bool = False


def encode_json(payload: Any) -> bytes:
    # Laravel's json_encode escapes "/" (it may only occur inside JSON strings).
    return json.dumps(payload, separators=(",", ":")).replace("/", "\\/").encode()


class App:
    def __init__(
        self,
        *,
        fleet: Fleet,
        public: PublicCharging,
        places: Places,
        actions: Actions,
        clock: SimClock,
        lock: threading.RLock,
        auth_limiter: SlidingWindow,
        public_limiters: dict[str, SlidingWindow],
        chaos: Chaos,
        token_ok: Callable[[str], bool],
        user: dict[str, Any],
        record: Callable[[RequestRecord], None],
        on_error: Callable[[str], None],
    ) -> None:
        self.fleet = fleet
        self.public = public
        self.places = places
        self.actions = actions
        self.clock = clock
        self.lock = lock
        self.auth_limiter = auth_limiter
        self.public_limiters = public_limiters
        self.chaos = chaos
        self.token_ok = token_ok
        self.user = user
        self.record = record
        self.on_error = on_error
        self.origin = "http://127.0.0.1"

    # -- the request pipeline ------------------------------------------------------------

    def handle(self, request: Request) -> Action:
        arrived = time.monotonic()
        path = request.path.rstrip("/") or "/"
        route, params, allowed = self._match(request.method, path)
        log = _LogEntry(arrived, request, route.name if route else "", params.get("token"))
        try:
            action = self._pipeline(request, path, route, params, allowed, log)
        except Exception:
            self.on_error(traceback.format_exc())
            action = self._finish(Reply(500, {"message": "Server Error"}), {})
        self.record(log.build(self.clock.now_ts(), action.status if not action.reset else 0))
        return action

    def _pipeline(
        self,
        request: Request,
        path: str,
        route: Route | None,
        params: dict[str, str],
        allowed: list[str],
        log: _LogEntry,
    ) -> Action:
        mode = self.chaos.mode
        if mode == "outage":
            log.chaos = mode
            return Action(0, reset=True)
        if route is None:
            if allowed:
                message = (
                    f"The {request.method} method is not supported for route "
                    f"{path.lstrip('/')}. Supported methods: {', '.join(allowed)}."
                )
                return self._finish(error(405, message), {})
            return self._finish(error(404, NOT_FOUND), {})
        limits: dict[str, str] = {}
        if route.auth:
            token = _bearer(request.authorization)
            if token is None or mode == "token-revoked" or not self.token_ok(token):
                if mode == "token-revoked":
                    log.chaos = mode
                return self._finish(error(401, UNAUTHENTICATED), {})
            log.authorized = True
            verdict = self.auth_limiter.hit(token, time.monotonic())
        else:
            limiter = self.public_limiters[route.bucket]
            verdict = limiter.hit(f"{route.bucket}:{request.client}", time.monotonic())
        limits = verdict.headers()
        if not verdict.allowed:
            return self._finish(error(429, TOO_MANY), limits)
        decision = self.chaos.decide(public=not route.auth)
        if decision is not None and decision.kind == "error":
            log.chaos = decision.mode
            reply = Reply(decision.status, decision.body)
            if decision.retry_after is not None:
                limits = {**limits, "Retry-After": str(decision.retry_after)}
            return self._finish(reply, limits)
        with self.lock:
            now = self.clock.now_ts()
            self.fleet.process_until(now)
            reply = self._dispatch(route, params, request, path, now)
        action = self._finish(reply, limits)
        if decision is not None:
            log.chaos = decision.mode
            action = self._apply(decision, action, reply)
        return action

    def _match(self, method: str, path: str) -> tuple[Route | None, dict[str, str], list[str]]:
        if not path.startswith(PREFIX + "/"):
            return None, {}, []
        rest = path[len(PREFIX) :]
        allowed: list[str] = []
        for route in ROUTES:
            found = route.pattern.match(rest)
            if found is None:
                continue
            if route.method == method:
                return route, {k: unquote(v) for k, v in found.groupdict().items()}, []
            allowed.append(route.method)
        return None, {}, allowed

    def _finish(self, reply: Reply, limits: dict[str, str]) -> Action:
        headers = {
            "Content-Type": "application/json",
            "Cache-Control": "no-cache, private",
            **limits,
            **reply.headers,
        }
        if reply.status == 204:  # No Content: no body, no Content-Type
            del headers["Content-Type"]
            return Action(204, headers, b"")
        return Action(reply.status, headers, encode_json(reply.body))

    def _apply(self, decision: Decision, action: Action, reply: Reply) -> Action:
        if decision.kind == "delay":
            action.delay = decision.delay
        elif decision.kind == "drop":
            action.cut_at = len(action.body) // 2
        elif decision.kind == "garbage":
            status, content_type, body = self.chaos.garbage_body(
                decision.garbage, reply.body, action.body
            )
            action.status, action.body = status, body
            action.headers["Content-Type"] = content_type
        return action

    # -- routes --------------------------------------------------------------------------

    def _dispatch(
        self, route: Route, params: dict[str, str], request: Request, path: str, now: float
    ) -> Reply:
        name = route.name
        if name == "user":
            return Reply(200, self.user)  # a bare object, no `data` (API.md)
        if name == "chargers.index":
            return self._chargers_index(request, path, now)
        if name.startswith("chargers."):
            charger = self.fleet.by_uuid.get(params["uuid"])
            if charger is None:
                return error(404, "Charger not found.")
            return self._charger_route(name, charger, params, request, path, now)
        if name.startswith(("sites.", "teams.")):
            return self._places(name, params, request, path, now)
        return self._public(name, params, request, now)

    def _charger_route(
        self,
        name: str,
        charger: Charger,
        params: dict[str, str],
        request: Request,
        path: str,
        now: float,
    ) -> Reply:
        links = Links(self.origin, path, request.query)
        if name == "chargers.show":
            return Reply(200, {"data": self.fleet.charger_api(charger, now, detail=True)})
        if name == "chargers.update":
            return self._rename(charger, request, now)
        if name == "chargers.transactions":
            return self._transactions(charger.uuid, request, path)
        if name == "chargers.metervalues":
            return ocpp.meter_values(charger, self.fleet, request.query, links, now)
        if name == "chargers.logs":
            return ocpp.logs(charger, self.fleet, self.actions, request.query, links, now)
        if name.startswith("chargers.actions."):
            action = name.removeprefix("chargers.actions.")
            return self.actions.run(charger, action, _json_body(request), now)
        if name.startswith("chargers.settings."):
            setting = name.removeprefix("chargers.settings.")
            if setting.endswith(".update"):
                action = "settings/" + setting.removesuffix(".update")
                return self.actions.run(charger, action, _json_body(request), now)
            return self.actions.settings(charger, setting)
        connector = params["connector"]
        index = int(connector) - 1 if connector.isdigit() else -1
        if not 0 <= index < len(charger.connectors) or charger.connection == "never_seen":
            return error(404, "Connector not found.")
        if name == "chargers.latest_metervalue":
            return Reply(200, ocpp.latest_meter_value(
                charger, charger.connectors[index], self.fleet, now))  # fmt: skip
        usage = self.fleet.power_usage(charger, charger.connectors[index], now)
        return Reply(200, usage)

    def _rename(self, charger: Charger, request: Request, now: float) -> Reply:
        body = _json_body(request)
        if not charger.permissions[2]:
            return error(403, "This action is unauthorized.")
        reference = body.get("reference", ...) if isinstance(body, dict) else ...
        if reference is ...:
            return validation({"reference": ["The reference field is required."]})
        if reference is not None and not isinstance(reference, str):
            return validation({"reference": ["The reference field must be a string."]})
        if reference is not None and len(reference) > 255:
            return validation(
                {"reference": ["The reference field must not be greater than 255 characters."]}
            )
        charger.reference = reference.strip() or None if reference is not None else None
        charger.updated_ts = max(charger.updated_ts, now)
        return Reply(200, {"data": self.fleet.charger_api(charger, now, detail=True)})

    def _places(
        self, name: str, params: dict[str, str], request: Request, path: str, now: float
    ) -> Reply:
        places, query = self.places, request.query
        links = Links(self.origin, path, query)
        if name == "sites.index":
            return places.sites_index(query, links)
        if name == "teams.index":
            return places.teams_index(query, links)
        if name.startswith("sites."):
            site = places.site(params["site"])
            if site is None:
                return error(404, "Site not found.")
            if name == "sites.show":
                return places.site_show(site)
            if name == "sites.chargers":
                return places.site_chargers(site, query, links, now)
            if name == "sites.connectors":
                return places.site_connectors(site, query, links)
            if name == "sites.transactions":
                return places.site_transactions(site, query, links)
            return places.site_teams(site, query, links)
        team = places.team(params["team"])
        if team is None:
            return error(404, "Team not found.")
        if places.team_lists_refusal == 403:
            return error(403, "This action is unauthorized.")
        if places.team_lists_refusal == 404:
            return error(404, "Not Found.")
        if name == "teams.chargers":
            return places.team_chargers(team, query, links, now)
        if name == "teams.sites":
            return places.team_sites(team, query, links)
        return places.team_transactions(team, query, links)

    def _public(self, name: str, params: dict[str, str], request: Request, now: float) -> Reply:
        public = self.public
        if name == "public.chargers.show":
            return public.lookup(params["code"])
        if name == "public.sessions.start":
            try:
                body = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                body = {}
            return public.start(body, now)
        token = params["token"]
        if name == "public.sessions.show":
            return public.get(token, now)
        action = params["action"]
        if action == "confirm":
            return public.confirm(token, now)
        if action == "stop":
            return public.stop(token, now)
        if action == "cancel":
            return public.cancel(token, now)
        return error(404, NOT_FOUND)

    def _chargers_index(self, request: Request, path: str, now: float) -> Reply:
        page = _page_number(request.query)
        offset = (page - 1) * PER_PAGE
        chargers = self.fleet.chargers[offset : offset + PER_PAGE]
        items = [self.fleet.charger_api(c, now) for c in chargers]
        has_next = offset + PER_PAGE < len(self.fleet.chargers)
        return Reply(200, self._page(path, request.query, page, items, has_next))

    def _transactions(self, uuid: str, request: Request, path: str) -> Reply:
        parsed = parse_transaction_query(request.query)
        if isinstance(parsed, Reply):
            return parsed
        query, limit = parsed
        charger = self.fleet.by_uuid[uuid]
        self.fleet.ensure_history(charger)
        page = _page_number(request.query)
        offset = (page - 1) * PER_PAGE
        refs, total = charger.txs.window(query, offset, PER_PAGE)
        if limit is not None:
            total = min(total, limit)
            refs = refs[: max(0, total - offset)]
        items = [charger.txs.render(ref, charger.id) for ref in refs]
        has_next = offset + len(refs) < total
        return Reply(200, self._page(path, request.query, page, items, has_next))

    def _page(
        self,
        path: str,
        query: list[tuple[str, str]],
        page: int,
        items: list[dict[str, Any]],
        has_next: bool,
    ) -> dict[str, Any]:
        """The simple-paginator envelope: no total, no last page; links keep the query."""
        return paging.simple(Links(self.origin, path, query), page, items, has_next)


class _LogEntry:
    """Collects what the request log needs while the pipeline runs."""

    def __init__(self, arrived: float, request: Request, route: str, token: str | None) -> None:
        self.arrived = arrived
        self.request = request
        self.route = route
        self.authorized = False
        self.chaos: str | None = None
        self.token = token

    def build(self, sim_ts: float, status: int) -> RequestRecord:
        path = self.request.path
        if self.token:
            path = path.replace(self.token, "<token>")  # session tokens are credentials
        query: dict[str, Any] = {}
        for key, value in self.request.query:
            query[key] = value
        return RequestRecord(
            real_time=self.arrived,
            sim_time=to_datetime(sim_ts),
            method=self.request.method,
            path=path,
            query=query,
            status=status,
            authorized=self.authorized,
            route=self.route,
            chaos=self.chaos,
        )


def _bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def tokens_match(given: str, expected: str) -> bool:
    return secrets.compare_digest(given.encode(), expected.encode())


_page_number = paging.page_number


def _json_body(request: Request) -> Any:
    """The request's JSON body; anything unreadable counts as an empty one (Laravel sees
    no fields, so validation names what is missing)."""
    try:
        return json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return {}


def _parse_date(text: str) -> tuple[float, bool] | None:
    """(timestamp, date_only) for an ISO 8601 date or date-time; naive means UTC."""
    text = text.strip()
    try:
        if _DATE_ONLY.match(text):
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp(), True
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp(), False


def parse_transaction_query(pairs: list[tuple[str, str]]) -> tuple[TxQuery, int | None] | Reply:
    """The transactions endpoint's parameters, validated the way the API does."""
    params = {k: v for k, v in pairs if v != ""}  # empty strings count as absent
    unknown = sorted(
        m.group(1) for k in params if (m := _FILTER_KEY.match(k)) and m.group(1) not in TX_FILTERS
    )
    if unknown:
        message = (
            f"Requested filter(s) `{', '.join(unknown)}` are not allowed. "
            f"Allowed filter(s) are `{', '.join(TX_FILTERS)}`."
        )
        return error(400, message)
    errors: dict[str, list[str]] = {}
    limit: int | None = None
    if "limit" in params:
        text = params["limit"]
        if not _INTEGER.match(text):
            errors["limit"] = ["The limit field must be an integer."]
        elif not 1 <= int(text) <= 10000:
            errors["limit"] = ["The limit field must be between 1 and 10000."]
        else:
            limit = int(text)
    status = params.get("filter[status]")
    if status is not None and status not in ("active", "finished"):
        errors["filter.status"] = ["The selected filter.status is invalid."]
    started = stopped = None
    if "filter[started_from]" in params:
        started = _parse_date(params["filter[started_from]"])
        if started is None:
            errors["filter.started_from"] = ["The filter.started from field must be a valid date."]
    if "filter[stopped_until]" in params:
        stopped = _parse_date(params["filter[stopped_until]"])
        if stopped is None:
            errors["filter.stopped_until"] = [
                "The filter.stopped until field must be a valid date."
            ]
        elif started is not None and stopped[0] < started[0]:
            errors["filter.stopped_until"] = [
                "The filter.stopped until field must be a date after or equal to "
                "filter.started from."
            ]
    if errors:
        return validation(errors)
    until = None
    if stopped is not None:
        # A bare date means "stopped on or before that day" (the whole day counts).
        until = stopped[0] + 86399.999 if stopped[1] else stopped[0]
    query = TxQuery(status, started[0] if started else None, until)
    return query, limit


# -- the socket side --------------------------------------------------------------------


class HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], app: App, ipv6: bool = False) -> None:
        if ipv6:
            self.address_family = socket.AF_INET6
        self.app = app
        self.stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-answer (timeouts, chaos `drop`/`slow`) is normal
        traffic for this server, not a traceback on stderr; anything else still is."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        super().handle_error(request, client_address)

    def track(self, connection: socket.socket, add: bool) -> None:
        with self._connections_lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def close_connections(self) -> None:
        """Wake every handler thread blocked on a keep-alive connection, so none lingers."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "PlugchoiceSim/1.0"
    timeout = 75  # idle keep-alive connections close after this (nginx's default)
    disable_nagle_algorithm = True  # headers and body go out in two writes
    server: HttpServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: Any) -> None:
        pass  # paths carry session tokens; the request log is the record

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_PATCH(self) -> None:
        self._serve("PATCH")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        body = self.rfile.read(length) if length > 0 else b""
        split = urlsplit(self.path)
        request = Request(
            method=method,
            path=split.path,
            query=parse_qsl(split.query, keep_blank_values=True),
            authorization=self.headers.get("Authorization"),
            body=body,
            client=str(self.client_address[0]),
        )
        action = self.server.app.handle(request)
        if action.reset:
            self._reset()
            return
        if action.delay > 0 and self.server.stopping.wait(action.delay):
            self._reset()
            return
        self.send_response(action.status)
        for name, value in action.headers.items():
            self.send_header(name, value)
        if action.status != 204:  # a 204 must not carry Content-Length (RFC 9110)
            self.send_header("Content-Length", str(len(action.body)))
        self.end_headers()
        if action.cut_at is None:
            self.wfile.write(action.body)
            return
        self.wfile.write(action.body[: action.cut_at])
        self.wfile.flush()
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _reset(self) -> None:
        """Close with a TCP reset and no answer at all."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
