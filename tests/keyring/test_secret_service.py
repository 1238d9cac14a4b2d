"""Against the real GNOME Keyring Secret Service (a private D-Bus session per test).

This is what a Linux user has: the token must land in the Secret Service, be readable by
other Secret Service clients (`secret-tool`), and be gone after sign-out.
"""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path
from typing import Any

import pytest

from plugdesk.api.client import PlugchoiceClient
from plugdesk.domain.credentials import CredentialStore
from plugdesk.services.signin import SignedIn, SignInService
from plugdesk.tasks import TaskRunner

pytestmark = pytest.mark.keyring_service

URL_A = "https://app.plugchoice.com/api/v3"
URL_B = "https://staging.example.org/api/v3"


def _secret_tool_lookup(api_url: str) -> str:
    done = subprocess.run(
        ["secret-tool", "lookup", "service", "plugdesk", "username", api_url],
        capture_output=True,
        text=True,
        timeout=20,
    )
    return done.stdout


def test_store_read_back_and_delete(secret_service: Any) -> None:
    store = CredentialStore()
    assert not store.session_only
    assert "Secret Service" in store.backend_name or "Keyring" in store.backend_name

    store.set(URL_A, "token-for-a-0123456789")
    store.set(URL_B, "token-for-b-9876543210")
    # A second store object (as after a restart) reads the same entries back.
    again = CredentialStore()
    assert again.get(URL_A) == "token-for-a-0123456789"
    assert again.get(URL_B) == "token-for-b-9876543210"
    # Another Secret Service client sees the entry: it really is in GNOME Keyring.
    assert _secret_tool_lookup(URL_A) == "token-for-a-0123456789"

    assert again.delete(URL_A)
    assert CredentialStore().get(URL_A) is None
    assert _secret_tool_lookup(URL_A) == ""
    assert CredentialStore().get(URL_B) == "token-for-b-9876543210"


def test_sign_in_path_end_to_end(secret_service: Any, sim: Any, run: Any, app_dirs: Path) -> None:
    async def scenario() -> SignedIn:
        credentials = CredentialStore()
        applied: list[str | None] = []

        async def validate(api_url: str, token: str) -> Any:
            async with PlugchoiceClient(api_url, token) as client:
                return await client.get_user()

        async def apply_token(api_url: str, token: str | None) -> None:
            applied.append(token)

        service = SignInService(credentials, validate, apply_token, TaskRunner())
        done: asyncio.Future[SignedIn] = asyncio.get_running_loop().create_future()
        service.signed_in.connect(done.set_result)
        service.sign_in_failed.connect(lambda m: done.set_exception(AssertionError(m)))
        service.sign_in(sim.base_url, sim.token)
        info = await done
        assert applied == [sim.token]
        return info

    info = run(scenario())
    assert info.api_url == sim.base_url
    assert info.stored_in is not None
    assert _secret_tool_lookup(sim.base_url) == sim.token
    # The token went to the keyring and nowhere on disk.
    for path in app_dirs.rglob("*"):
        if path.is_file():
            assert sim.token.encode() not in path.read_bytes(), path

    CredentialStore().delete(sim.base_url)
    assert _secret_tool_lookup(sim.base_url) == ""
