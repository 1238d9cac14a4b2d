"""Sign-in and sign-out keep the keyring in order: a sign-out's delete comes after any save
before it, `signed_out` comes after the delete, and a sign-in cut short by a sign-out never
saves its token afterwards."""

from __future__ import annotations

import asyncio
from typing import Any

from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.models import User
from plugdesk.domain.credentials import CredentialStore
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.services.signin import SignInService
from plugdesk.tasks import TaskRunner


def _service(gate: asyncio.Event | None = None) -> tuple[SignInService, list[str | None]]:
    applied: list[str | None] = []

    async def validate(api_url: str, token: str) -> User:
        if gate is not None:
            await gate.wait()
        async with PlugchoiceClient(api_url, token) as client:
            return await client.get_user()

    async def apply_token(api_url: str, token: str | None) -> None:
        applied.append(token)

    return SignInService(CredentialStore(), validate, apply_token, TaskRunner()), applied


def test_signed_out_comes_after_the_token_left_the_keyring(sim: Any, run: Any) -> None:
    service, applied = _service()
    in_keyring_when_signed_out: list[str | None] = []
    service.signed_out.connect(
        lambda url: in_keyring_when_signed_out.append(service.credentials.get(url))
    )

    async def scenario() -> None:
        signed_in = SignalWaiter(service.signed_in)
        service.sign_in(sim.base_url, sim.token)
        await signed_in.wait(10)
        assert service.credentials.get(sim.base_url) == sim.token
        signed_out = SignalWaiter(service.signed_out)
        await service.sign_out(sim.base_url)
        await signed_out.wait(5)

    run(scenario())
    assert in_keyring_when_signed_out == [None]
    assert applied == [sim.token, None]


def test_a_sign_out_during_validation_keeps_the_token_out(sim: Any, run: Any) -> None:
    gate = asyncio.Event()
    service, applied = _service(gate)
    signed_in: list[object] = []
    service.signed_in.connect(signed_in.append)

    async def scenario() -> None:
        busy = SignalWaiter(service.busy_changed)
        signing_in = service.sign_in(sim.base_url, sim.token)
        await busy.wait(5)  # validating, held at the gate
        signing_out = service.sign_out(sim.base_url)
        gate.set()  # the validation could now finish: the sign-out must have stopped it
        await signing_out
        # Stopped, or (were it not) finished: a surviving sign-in would save its token.
        await asyncio.wait([signing_in])

    run(scenario())
    assert signed_in == []
    assert applied == [None]
    assert service.credentials.get(sim.base_url) is None
