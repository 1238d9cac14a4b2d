"""Shared parts for the public charging tests (service and pane), against the simulator.

Time is scaled so an API "minute" lasts `WINDOW` real seconds: the simulator's rate-limit
window, the client's request budgets and the service's poll pace all shrink by the same
factor, so the real pacing rules are exercised without waiting real minutes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.models import SessionState
from plugdesk.domain.credentials import CredentialStore
from plugdesk.domain.poll_pacing import PaceSettings
from plugdesk.services.public_sessions import PublicSessionService
from plugdesk.simulator import Simulator
from plugdesk.tasks import TaskRunner

WINDOW = 2.0  # real seconds standing for one API minute
SCALE = WINDOW / 60.0
TIME_SCALE = 30.0  # simulated seconds per real second (so a simulated minute is WINDOW)
SESSION_GET_PATH = "/api/v3/public-charging/sessions/<token>"


def fast_simulator(**options: Any) -> Simulator:
    """A simulator whose minute lasts WINDOW real seconds, rate-limit windows included."""
    settings: dict[str, Any] = {
        "chargers": 40,
        "seed": 7,
        "time_scale": TIME_SCALE,
        "rate_window_seconds": WINDOW,
    }
    settings.update(options)
    return Simulator(**settings).start()


def scaled_budgets() -> dict[str, RequestBudget]:
    """The client's public budgets (30/30/3/10 a minute) over a WINDOW-second minute."""
    return {
        "lookup": RequestBudget(30, window=WINDOW),
        "session_get": RequestBudget(30, window=WINDOW),
        "session_start": RequestBudget(3, window=WINDOW),
        "session_action": RequestBudget(10, window=WINDOW),
    }


class RecordingClient(PlugchoiceClient):
    """The real client, also noting when each session GET went out and how it ended."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gets: list[tuple[float, str]] = []  # (monotonic time, "ok" | error class name)

    async def get_public_session(self, token: str) -> SessionState:
        sent = time.monotonic()
        try:
            state = await super().get_public_session(token)
        except Exception as error:
            self.gets.append((sent, type(error).__name__))
            raise
        self.gets.append((sent, "ok"))
        return state


@dataclass
class PublicRig:
    sim: Simulator
    client: RecordingClient
    credentials: CredentialStore
    runner: TaskRunner
    service: PublicSessionService
    errors: list[BaseException] = field(default_factory=list)

    async def aclose(self) -> None:
        await self.service.aclose()
        await self.client.aclose()
        assert not self.errors, f"unexpected errors: {self.errors!r}"


def make_rig(
    sim: Simulator,
    *,
    pace: PaceSettings | None = None,
    max_attempts: int = 4,
    credentials: CredentialStore | None = None,
) -> PublicRig:
    """Client, keyring store, runner and service as the app wires them, time-scaled."""
    errors: list[BaseException] = []
    client = RecordingClient(
        sim.base_url, max_attempts=max_attempts, public_budgets=scaled_budgets()
    )
    credentials = credentials or CredentialStore()
    runner = TaskRunner(on_error=errors.append)
    service = PublicSessionService(
        client, credentials, runner, pace=pace or PaceSettings().scaled(SCALE)
    )
    return PublicRig(sim, client, credentials, runner, service, errors)


def free_connector(
    sim: Simulator, *, currency: str | None = None, skip: int = 0
) -> tuple[str, int]:
    """A public code of an online charger and one of its Available connectors."""
    found = []
    for code in sim.public_codes():
        charger = sim.public_charger(code)
        if not charger["online"]:
            continue
        if currency is not None and charger["pricing"]["currency"] != currency:
            continue
        for connector in charger["connectors"]:
            if connector["status"] == "Available":
                found.append((code, int(connector["connector_id"])))
                break
    assert len(found) > skip, "the simulator has too few free public chargers"
    return found[skip]


def session_get_times(sim: Simulator, since: float = 0.0) -> list[float]:
    """Arrival times (monotonic) of every GET of a public session the simulator saw."""
    return [
        r.real_time
        for r in sim.request_log
        if r.method == "GET" and r.path == SESSION_GET_PATH and r.real_time >= since
    ]


def max_in_window(times: list[float], window: float) -> int:
    """The most requests that fall in any half-open window of `window` seconds."""
    ordered = sorted(times)
    best = 0
    end = 0
    for start, t0 in enumerate(ordered):
        while end < len(ordered) and ordered[end] < t0 + window:
            end += 1
        best = max(best, end - start)
    return best
