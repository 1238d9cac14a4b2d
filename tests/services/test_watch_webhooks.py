"""`plugdesk watch --webhook`: a real watch subprocess POSTs to a local receiver.

One POST per incident opened and per incident resolved; a receiver failure (HTTP 500 to
the first POST) is retried; a restart of the watch sends nothing twice; the token never
appears in a body; JSON and Slack-style bodies."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from plugdesk.domain.store import Store
from plugdesk.simulator import Simulator
from tests.support.watch_proc import WatchProcess, write_settings


@dataclass
class Received:
    path: str
    body: dict[str, Any]
    status: int


@dataclass
class Receiver:
    """A webhook receiver on loopback that answers 500 to its first `fail_first` POSTs."""

    fail_first: int = 1
    got: list[Received] = field(default_factory=list)
    raw: list[bytes] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                data = self.rfile.read(int(self.headers["Content-Length"]))
                status = 500 if receiver.fail_first > 0 else 204
                receiver.fail_first -= 1
                receiver.raw.append(data)
                receiver.got.append(Received(self.path, json.loads(data), status))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def url(self, path: str) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def accepted(self, path: str = "/hook") -> list[dict[str, Any]]:
        return [r.body for r in list(self.got) if r.path == path and r.status < 300]

    def wait_accepted(self, test: Any, path: str = "/hook", timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(test(body) for body in self.accepted(path)):
            assert time.monotonic() < deadline, f"no matching POST: {self.got}"
            time.sleep(0.05)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def frozen() -> Iterator[Simulator]:
    sim = Simulator(chargers=8, seed=11, time_scale=0, start_time=datetime.now(UTC),
                    rate_limit_per_minute=1_000_000)  # fmt: skip
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


def about(uuid: str, event: str) -> Any:
    def test(body: dict[str, Any]) -> bool:
        return body.get("event") == event and any(
            i["charger_uuid"] == uuid for i in body.get("incidents", ())
        )

    return test


def test_one_post_per_open_and_resolve_retried_and_never_twice_after_restart(
    frozen: Simulator, receiver: Receiver, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    write_settings(home)
    healthy = ("online", "Available")
    charger = next(c for c in frozen.chargers() if (c["connection_status"], c["status"]) == healthy)
    hooks = ["--webhook", receiver.url("/hook"), "--webhook", "slack+" + receiver.url("/slack"),
             "--retry-base", "0.2"]  # fmt: skip

    frozen.force_fault(charger["uuid"], "GroundFailure")
    with WatchProcess(frozen, home, extra=hooks) as watch:
        watch.wait_for(rf" OPENED\s+fault\s+{charger['identity']}:")
        receiver.wait_accepted(about(charger["uuid"], "opened"))
        assert watch.terminate() == 0

    # A new run on the same history: the fault is still there, already announced.
    with WatchProcess(frozen, home, extra=hooks) as watch:
        frozen.clear_fault(charger["uuid"])
        watch.wait_for(rf" RESOLVED\s+fault\s+{charger['identity']}:")
        receiver.wait_accepted(about(charger["uuid"], "resolved"))
        assert watch.terminate() == 0

    # The first POST failed (500) and was sent again.
    assert receiver.got[0].status == 500
    assert receiver.got[0].body in [r.body for r in receiver.got[1:] if r.status < 300]
    # Exactly one accepted POST per alert, per webhook, across both runs.
    accepted = receiver.accepted("/hook")
    ids = Counter(body["id"] for body in accepted)
    assert ids and set(ids.values()) == {1}, ids
    mine = [b for b in accepted if about(charger["uuid"], b["event"])(b)]
    assert [b["event"] for b in mine] == ["opened", "resolved"]
    incident = next(i for i in mine[0]["incidents"] if i["charger_uuid"] == charger["uuid"])
    assert incident["error_code"] == "GroundFailure"
    # Slack got the same alerts as text.
    slack = receiver.accepted("/slack")
    assert len(slack) == len([b for b in accepted if not b["silent"]])
    assert all(set(body) == {"text"} for body in slack)
    assert any(charger["identity"] in body["text"] or "GroundFailure" in body["text"]
               for body in slack)  # fmt: skip
    # Nothing left in the outbox, and the token is in no body.
    with Store(home / "data" / "plugdesk.sqlite3") as store:
        assert store.webhook_counts() == {"delivered": len(accepted) + len(slack), "pending": 0}
    assert all(frozen.token.encode() not in raw for raw in receiver.raw)
