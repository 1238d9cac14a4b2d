"""Shared parts of the charger-action tests: the service over a simulator, time moved on
while it watches, chargers picked by what a test needs."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.models import Charger
from plugdesk.domain.actions import ActionKind, ActionRequest
from plugdesk.domain.store import Store
from plugdesk.services.actions import ChargerActions
from plugdesk.tasks import TaskRunner
from tests.support.harness import no_sleep

T = TypeVar("T")
STEP_SECONDS = 5.0  # simulated seconds per turn while a watch runs


@dataclass
class Rig:
    sim: Any
    client: PlugchoiceClient
    store: Store
    service: ChargerActions
    errors: list[BaseException]

    async def aclose(self) -> None:
        await self.client.aclose()
        self.store.close()
        assert not self.errors, self.errors


def make_rig(sim: Any, db: Path, *, user: str = "Ann Admin") -> Rig:
    errors: list[BaseException] = []
    client = PlugchoiceClient(sim.base_url, sim.token, sleep=no_sleep)
    store = Store(db)
    service = ChargerActions(
        client,
        store,
        TaskRunner(on_error=errors.append),
        clock=sim.now,
        poll_seconds=0,
        user_name=user,
        sleep=sim_sleep(sim),
    )
    return Rig(sim, client, store, service, errors)


def sim_sleep(sim: Any, step: float = STEP_SECONDS) -> Callable[[float], Awaitable[None]]:
    """The watch's wait between looks, as simulated time: each wait moves the simulator
    on `step` seconds, so a reboot is seen after the same number of looks every run."""

    async def sleep(_seconds: float) -> None:
        sim.advance(step)
        await asyncio.sleep(0)

    return sleep


async def settle(_sim: Any, work: Awaitable[T]) -> T:
    """Await an action to its outcome (the watch moves simulated time itself)."""
    return await work


def api_charger(sim: Any, uuid: str) -> Charger:
    import msgspec

    from plugdesk.api.decode import decode_object

    return decode_object(msgspec.json.encode({"data": sim.charger(uuid)}), Charger)


def pick(sim: Any, *, full: bool = True, status: str = "Available", skip: int = 0) -> Charger:
    """An online charger with these permissions and status, no session running."""
    found = []
    for item in sim.chargers():
        perms = item.get("permissions") or {}
        if item["connection_status"] != "online" or bool(perms.get("full")) is not full:
            continue
        if item["status"] != status:
            continue
        detail = sim.charger(item["uuid"])
        if any(c["status"] not in ("Available", "Faulted") for c in detail["connectors"]):
            continue
        found.append(item["uuid"])
    return api_charger(sim, found[skip])


def request(kind: ActionKind, charger: Charger, **params: Any) -> ActionRequest:
    return ActionRequest(kind, charger.uuid, charger.identity or charger.uuid, **params)


def first_request(kind: ActionKind, charger: Charger) -> ActionRequest:
    """A request of `kind` the simulated charger accepts when it gets it."""
    if kind is ActionKind.START:
        return request(kind, charger, connector_id=1, id_tag="TAG-TEST-01")
    if kind is ActionKind.LIMIT:
        return request(kind, charger, connector_id=0, amps=10)
    if kind is ActionKind.CLEAR_LIMIT:
        return request(kind, charger, connector_id=0, amps=32)
    if kind is ActionKind.PLUG_CHARGE:
        return request(kind, charger, enabled=True, card_uid="CARD-0042")
    if kind is ActionKind.PUBLIC_CHARGING:
        return request(
            kind,
            charger,
            enabled=True,
            price_per_kwh=39,
            start_fee=50,
            billing_plan="transaction",
        )
    return request(kind, charger)
