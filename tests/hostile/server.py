"""A small threaded stdlib HTTP server that plays a hostile Plugchoice API.

Each test scripts the replies: `server.route("/api/v3/chargers", handler)` where a handler
gets the `BaseHTTPRequestHandler` and writes whatever it likes (endless bodies, drips,
silence). Every request is recorded (path and headers) so tests can check what reached
the server. Not the simulator on purpose: these replies break the contract.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class HostileServer:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        outer = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                outer.seen.append(Seen(self.command, self.path, dict(self.headers)))
                path = self.path.split("?", 1)[0]
                handler = outer.routes.get(path)
                if handler is None:
                    send_json(self, {"message": "Not Found"}, status=404)
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    handler(self)  # a reset is the client giving up, as it should

            do_GET = do_POST = _any

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/api/v3"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def route(self, path: str, handler: Handler) -> None:
        self.routes["/api/v3/" + path.lstrip("/")] = handler

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()  # ends drips and silences
        self._httpd.shutdown()
        self._httpd.server_close()


# -- reply builders ---------------------------------------------------------------------------


def send_json(
    handler: BaseHTTPRequestHandler,
    doc: Any,
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> None:
    body = json.dumps(doc).encode() if not isinstance(doc, bytes) else doc
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def json_reply(doc: Any, **kwargs: Any) -> Handler:
    return lambda h: send_json(h, doc, **kwargs)


def endless_chunked(stop: threading.Event) -> Handler:
    """A chunked JSON body that never ends: `{"data":[` then the same item forever."""

    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        chunk = b'{"id": 1, "uuid": "x", "identity": "' + b"A" * 60_000 + b'"},'
        _write_chunk(h, b'{"data": [')
        while not stop.is_set():
            _write_chunk(h, chunk)

    return handler


def _write_chunk(h: BaseHTTPRequestHandler, data: bytes) -> None:
    h.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))


def gzip_bomb(expanded_mb: int) -> Handler:
    """A small gzip body that inflates to `expanded_mb` MB of spaces inside valid JSON."""
    raw = b'{"data": [' + b" " * (expanded_mb * 1024 * 1024) + b"]}"
    packed = gzip.compress(raw, compresslevel=9)

    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Encoding", "gzip")
        h.send_header("Content-Length", str(len(packed)))
        h.end_headers()
        h.wfile.write(packed)

    return handler


def drip(stop: threading.Event, every: float = 0.2) -> Handler:
    """Headers at once, then one byte of body every `every` seconds, forever: each byte
    resets a read timeout, so only a total deadline ends it."""

    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", "1000000")
        h.end_headers()
        h.wfile.write(b"{")
        h.wfile.flush()
        while not stop.wait(every):
            h.wfile.write(b" ")
            h.wfile.flush()

    return handler


def never_answer(stop: threading.Event) -> Handler:
    """Accept the request, then say nothing at all until the server stops."""

    def handler(h: BaseHTTPRequestHandler) -> None:
        stop.wait()

    return handler


def page(data: list[Any], next_url: str | None) -> dict[str, Any]:
    return {"data": data, "links": {"next": next_url}, "meta": {}}


def charger(n: int, **extra: Any) -> dict[str, Any]:
    doc = {
        "id": n,
        "uuid": f"00000000-0000-4000-8000-{n:012d}",
        "identity": f"CP{n:04d}",
        "reference": f"Charger {n}",
        "connection_status": "online",
        "status": "Available",
    }
    doc.update(extra)
    return doc
