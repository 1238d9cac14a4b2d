"""Sign-in: validate a token with `GET /user`, keep it in the OS keyring, sign out.

The token lives only in the keyring (or, when the system has none, in memory for this
session). With `PLUGDESK_TOKEN` set the app is in "environment" mode: it uses that token
and stores nothing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from plugdesk.api.errors import AuthError, InsecureURLError, PlugchoiceError
from plugdesk.api.models import User
from plugdesk.domain.credentials import CredentialStore
from plugdesk.services.wording import translated
from plugdesk.tasks import KEYRING, TaskRunner, run_blocking, submit_blocking, wait_blocking

Validator = Callable[[str, str], Awaitable[User]]


@dataclass(frozen=True)
class SignedIn:
    """Who is signed in where; never carries the token itself to the UI."""

    api_url: str
    user_name: str
    stored_in: str | None  # the keyring's name, None when not stored (env or session-only)


class SignInService(QObject):
    """Owns the token's life: validate, store, hand to the API client, forget."""

    signed_in = Signal(object)  # SignedIn
    sign_in_failed = Signal(str)  # a sentence for the dialog
    signed_out = Signal(str)  # api_url
    busy_changed = Signal(bool)

    def __init__(
        self,
        credentials: CredentialStore,
        validate: Validator,
        apply_token: Callable[[str, str | None], Coroutine[Any, Any, None]],
        runner: TaskRunner,
        *,
        env_token: str | None = None,
    ) -> None:
        super().__init__()
        self._credentials = credentials
        self._validate = validate
        self._apply_token = apply_token
        self._runner = runner
        self.env_token = env_token or None

    @property
    def credentials(self) -> CredentialStore:
        return self._credentials

    async def stored_token(self, api_url: str) -> str | None:
        """The token to start with: the environment's, else the keyring's."""
        if self.env_token:
            return self.env_token
        return await run_blocking(self._credentials.get, api_url, lane=KEYRING)

    def sign_in(self, api_url: str, token: str) -> asyncio.Task[None]:
        """Validate in the background; answer with `signed_in` or `sign_in_failed`."""
        return self._runner.start(self._sign_in(api_url, token.strip()), "sign-in")

    async def _sign_in(self, api_url: str, token: str) -> None:
        try:
            from plugdesk.api.client import check_api_url  # lazy: it loads httpx

            api_url = check_api_url(api_url)
        except InsecureURLError as error:
            self.sign_in_failed.emit(translated(error.words))
            return
        problem = _token_problem(token)
        if problem:
            self.sign_in_failed.emit(problem)
            return
        self.busy_changed.emit(True)
        try:
            user = await self._validate(api_url, token)
        except AuthError:
            self.sign_in_failed.emit(
                "The API rejected this token. Check that you copied all of it and that it "
                "has not been revoked in the Plugchoice portal."
            )
            return
        except PlugchoiceError as error:
            self.sign_in_failed.emit(str(error))
            return
        finally:
            self.busy_changed.emit(False)
        stored_in = await run_blocking(self._store, api_url, token, lane=KEYRING)
        await self._apply_token(api_url, token)
        self.signed_in.emit(SignedIn(api_url, user.name or user.email or "—", stored_in))

    def _store(self, api_url: str, token: str) -> str | None:
        if self.env_token:
            return None  # scripted/kiosk use: the environment owns the token
        self._credentials.set(api_url, token)
        return None if self._credentials.session_only else self._credentials.backend_name

    def sign_out(self, api_url: str) -> asyncio.Task[None]:
        """Forget the token; `signed_out` follows once the keyring no longer holds it.

        The delete is queued in the keyring lane here and now, so it runs after a save a
        sign-in already queued there and before any later one; a sign-in still validating
        is cancelled so it cannot save its token after the delete."""
        self.env_token = None
        self._runner.cancel("sign-in")
        deleted = submit_blocking(self._credentials.delete, api_url, lane=KEYRING)
        return self._runner.start(self._sign_out(api_url, deleted), "sign-out")

    async def _sign_out(self, api_url: str, deleted: concurrent.futures.Future[bool]) -> None:
        # Shielded: cancelling this task (another sign-out, quitting) must not cancel the
        # queued delete and leave the token in the keyring.
        await asyncio.shield(wait_blocking(deleted))
        await self._apply_token(api_url, None)
        self.signed_out.emit(api_url)


def _token_problem(token: str) -> str | None:
    """What we can say about the token without the network."""
    if not token:
        return "Paste your personal access token first."
    if any(ch.isspace() for ch in token):
        return "The token contains spaces or line breaks; paste it again in one piece."
    return None
