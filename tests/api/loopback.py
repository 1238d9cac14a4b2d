"""A tiny real HTTP server on 127.0.0.1 that answers canned JSON and records every request.

For client tests of endpoints the simulator does not serve (yet), and for hostile answers
(504 on an action, a dropped connection): the client talks real HTTP over loopback.

    with CannedServer() as server:
        server.route("GET", "/api/v3/sites", [page1, page2])   # answered in turn
        server.route("POST", "/api/v3/chargers/c1/actions/stop", Reply(504, {...}))
        client = PlugchoiceClient(server.base_url, "token", ...)
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

API_PREFIX = "/api/v3"


@dataclass
class Reply:
    """One canned answer. `body` is JSON-encoded unless it is bytes; `drop` closes the
    connection without any answer (a lost network)."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False

    def encoded(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body).encode()


@dataclass
class Seen:
    """A request as the server received it."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    headers: dict[str, str]


Route = Callable[[Seen], Reply]


class CannedServer:
    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self._routes: dict[tuple[str, str], Route] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{API_PREFIX}"

    def url(self, path: str, **query: str) -> str:
        """An absolute URL on this server, as a next link would spell it."""
        tail = "&".join(f"{k}={v}" for k, v in query.items())
        return f"{self.base_url}{path}" + (f"?{tail}" if tail else "")

    def route(self, method: str, path: str, answer: Reply | Any | list[Any] | Route) -> None:
        """Answer `method path` (path below /api/v3): a Reply, a JSON document (200), a
        list of them answered in turn (the last one repeats), or a function of the request."""
        if callable(answer):
            self._routes[(method, API_PREFIX + path)] = answer
            return
        replies = [a if isinstance(a, Reply) else Reply(body=a) for a in _as_list(answer)]

        def in_turn(seen: Seen) -> Reply:
            count = sum(1 for r in self.requests if (r.method, r.path) == (seen.method, seen.path))
            return replies[min(count, len(replies)) - 1]

        self._routes[(method, API_PREFIX + path)] = in_turn

    def paged(self, path: str, pages: list[Any]) -> None:
        """GET `path` answered by `?page=N` (1 when absent)."""

        def by_page(seen: Seen) -> Reply:
            number = int(seen.query.get("page", "1"))
            return Reply(body=pages[number - 1])

        self.route("GET", path, by_page)

    def seen(self, method: str, path: str) -> list[Seen]:
        return [r for r in self.requests if (r.method, r.path) == (method, API_PREFIX + path)]

    def __enter__(self) -> CannedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _answer(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
            route = self._routes.get((seen.method, seen.path))
        if route is None:
            return Reply(404, {"message": "Not Found"})
        return route(seen)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                seen = Seen(
                    method=self.command,
                    path=parts.path,
                    query=dict(parse_qsl(parts.query, keep_blank_values=True)),
                    json=json.loads(raw) if raw else None,
                    headers={k.lower(): v for k, v in self.headers.items()},
                )
                reply = owner._answer(seen)
                if reply.drop:
                    self.close_connection = True
                    self.connection.close()
                    return
                body = reply.encoded()
                self.send_response(reply.status)
                if body:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = _handle
            do_POST = _handle
            do_PUT = _handle

        return Handler


def _as_list(answer: Any) -> list[Any]:
    return answer if isinstance(answer, list) else [answer]


def simple_page(items: list[Any], next_url: str | None, page: int = 1) -> dict[str, Any]:
    """The simple paginator: links.next, no total."""
    return {
        "data": items,
        "links": {"first": "/?page=1", "last": None, "prev": None, "next": next_url},
        "meta": {"current_page": page, "from": 1, "path": "/", "per_page": 25, "to": len(items)},
    }


def length_aware_page(
    items: list[Any], next_url: str | None, page: int, last_page: int, total: int
) -> dict[str, Any]:
    """The length-aware paginator: links.last, meta.total, meta.last_page, meta.links."""
    doc = simple_page(items, next_url, page)
    doc["links"]["last"] = f"/?page={last_page}"
    doc["meta"].update(
        last_page=last_page,
        total=total,
        links=[{"url": f"/?page={page}", "label": str(page), "page": page, "active": True}],
    )
    return doc


def flat_page(items: list[Any], next_url: str | None, **extra: Any) -> dict[str, Any]:
    """The flat Laravel envelope of the team endpoints."""
    return {
        "data": items,
        "first_page_url": "/?page=1",
        "from": 1,
        "next_page_url": next_url,
        "path": "/",
        "per_page": 25,
        "prev_page_url": None,
        "to": len(items),
        **extra,
    }
