"""What the simulator records for tests: fault/offline periods and every request served."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class FaultRecord:
    """One fault or offline period of a charger, in simulated time.

    `ended_at` is None while it lasts. `connector_id` is set for a connector-level fault
    (the charger itself stays Available); `forced` marks ones made by `force_*`."""

    charger_uuid: str
    identity: str
    kind: str  # "fault" | "offline"
    error: str | None
    started_at: datetime
    ended_at: datetime | None = None
    connector_id: int | None = None
    forced: bool = False


@dataclass(frozen=True)
class RequestRecord:
    """One request as the server saw it. Tokens never appear: the path of a public
    session shows `<token>` in place of the session token."""

    real_time: float  # time.monotonic() when the request arrived
    sim_time: datetime
    method: str
    path: str
    query: dict[str, Any]
    status: int  # 0 when the connection was closed without an answer
    authorized: bool
    route: str = ""  # e.g. "chargers.index", "public.sessions.start"; "" when unrouted
    chaos: str | None = None  # the chaos mode that changed this answer, if any
