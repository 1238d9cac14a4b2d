"""The simulator in a process of its own, driven through the same methods as in-process.

Why: the chaos tests measure the app's event loop to the millisecond. A simulator in the
test process shares the GIL with the app: its server threads building JSON would show up
as the app's stalls, and its socket writes as the app's slowness. In production the API
is another machine; here it is another process.

    with RemoteSimulator(chargers=40, seed=7, time_scale=0) as sim:
        sim.base_url, sim.token, sim.now(), sim.advance(30), sim.set_chaos("flaky"),
        sim.fault_log, sim.request_log, sim.transactions_for(uuid), sim.server_errors

Calls are pickled over a pipe; records come back as the simulator's own dataclasses.
`request_log` times are `time.monotonic()` of the child, the same clock as the parent's on
Linux (CLOCK_MONOTONIC is system-wide).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import traceback
from datetime import datetime
from types import TracebackType
from typing import Any

from plugdesk.simulator import FaultRecord, RequestRecord

CALL_TIMEOUT = 60.0  # seconds; a loaded machine may take a while for a big fleet


def _serve(conn: multiprocessing.connection.Connection, options: dict[str, Any]) -> None:
    from plugdesk.simulator import Simulator
    from plugdesk.simulator.server import HttpServer

    HttpServer.handle_error = _quiet_handle_error  # type: ignore[method-assign]
    sim = Simulator(**options)
    sim.start()
    try:
        conn.send(("ready", {"base_url": sim.base_url, "token": sim.token}))
        while True:
            try:
                name, args, kwargs = conn.recv()
            except EOFError:
                return
            if name == "stop":
                conn.send(("ok", None))
                return
            try:
                result = _call(sim, name, args, kwargs)
            except Exception as error:
                conn.send(("error", (type(error).__name__, str(error), traceback.format_exc())))
            else:
                conn.send(("ok", result))
    finally:
        sim.stop()


def _quiet_handle_error(server: Any, request: Any, client_address: Any) -> None:
    """socketserver prints a traceback when a client hangs up before the answer is
    written (a client timeout under `slow` chaos, a reset under `drop`): that is the
    scenario working, not a server fault. Anything else still goes to stderr."""
    import socketserver
    import sys

    if isinstance(sys.exc_info()[1], ConnectionError):
        return
    socketserver.BaseServer.handle_error(server, request, client_address)


def _call(sim: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    if name == "all_transaction_ids":
        return [int(tx["id"]) for uuid in sim.charger_uuids() for tx in sim.transactions_for(uuid)]
    attribute = getattr(sim, name)
    return attribute(*args, **kwargs) if callable(attribute) else attribute


class RemoteError(RuntimeError):
    pass


class RemoteSimulator:
    """A `plugdesk.simulator.Simulator` running in a child process (started at once)."""

    def __init__(self, **options: Any) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process with Qt in it
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, options), name="plugdesk-sim", daemon=True
        )
        self._process.start()
        child.close()
        kind, info = self._receive(CALL_TIMEOUT)
        if kind != "ready":
            raise RemoteError(f"the simulator process did not start: {info}")
        self.base_url: str = info["base_url"]
        self.token: str = info["token"]

    def _receive(self, timeout: float) -> tuple[str, Any]:
        if not self._conn.poll(timeout):
            raise RemoteError(f"the simulator process did not answer within {timeout:g} s")
        reply: tuple[str, Any] = self._conn.recv()
        return reply

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        self._conn.send((name, args, kwargs))
        kind, result = self._receive(CALL_TIMEOUT)
        if kind == "error":
            kind_name, message, trace = result
            if kind_name == "ValueError":
                raise ValueError(message)
            raise RemoteError(f"{kind_name}: {message}\n{trace}")
        return result

    # -- the Simulator methods the chaos tests use -------------------------------------------

    def now(self) -> datetime:
        moment: datetime = self.call("now")
        return moment

    def advance(self, seconds: float) -> None:
        self.call("advance", seconds)

    def set_chaos(self, name: str | None, **knobs: Any) -> None:
        self.call("set_chaos", name, **knobs)

    @property
    def fault_log(self) -> list[FaultRecord]:
        records: list[FaultRecord] = self.call("fault_log")
        return records

    @property
    def request_log(self) -> list[RequestRecord]:
        records: list[RequestRecord] = self.call("request_log")
        return records

    @property
    def server_errors(self) -> list[str]:
        errors: list[str] = self.call("server_errors")
        return errors

    def charger_uuids(self) -> list[str]:
        uuids: list[str] = self.call("charger_uuids")
        return uuids

    def chargers(self) -> list[dict[str, Any]]:
        chargers: list[dict[str, Any]] = self.call("chargers")
        return chargers

    def transactions_for(self, uuid: str) -> list[dict[str, Any]]:
        transactions: list[dict[str, Any]] = self.call("transactions_for", uuid)
        return transactions

    def all_transaction_ids(self) -> list[int]:
        """Every transaction id of every charger (one round trip)."""
        ids: list[int] = self.call("all_transaction_ids")
        return ids

    # -- life cycle ----------------------------------------------------------------------------

    def stop(self) -> None:
        if not self._process.is_alive():
            return
        try:
            self._conn.send(("stop", (), {}))
            self._receive(10)
        except (OSError, EOFError, RemoteError):
            pass
        self._process.join(10)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(10)
        self._conn.close()

    def __enter__(self) -> RemoteSimulator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
