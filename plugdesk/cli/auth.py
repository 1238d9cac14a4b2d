"""`plugdesk login` and `plugdesk logout`: the API token in the system keyring."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys

from plugdesk.cli.common import (
    EXIT_OK,
    EXIT_WARNING,
    CliError,
    keep_secret,
    resolve_api_url,
    say,
)


def cmd_login(args: argparse.Namespace) -> int:
    api_url = resolve_api_url(args)
    token = _read_token(from_stdin=args.token_stdin)
    user_name = asyncio.run(_validate_token(api_url, token))
    from plugdesk.domain.credentials import CredentialStore

    store = CredentialStore()
    store.set(api_url, token)
    say(f"Signed in as {user_name} on {api_url}.")
    if store.session_only:
        say(f"Warning: {store.problem}", err=True)
        say("The token was NOT stored: set PLUGDESK_TOKEN instead.", err=True)
        return EXIT_WARNING
    say(f"The token is kept in {store.backend_name}.")
    return EXIT_OK


def _read_token(*, from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        token = sys.stdin.readline().strip()
    else:
        token = getpass.getpass("Personal access token (input hidden): ").strip()
    if not token:
        raise CliError(
            "No token given: paste the personal access token from the Plugchoice "
            "portal (Settings → Personal Access Tokens)."
        )
    keep_secret(token)
    return token


async def _validate_token(api_url: str, token: str) -> str:
    from plugdesk.api.client import PlugchoiceClient
    from plugdesk.api.errors import PlugchoiceError

    try:
        async with PlugchoiceClient(api_url, token) as client:
            user = await client.get_user()
    except PlugchoiceError as error:
        raise CliError(f"Sign-in failed: {error}") from None
    return user.name or user.email or "unknown user"


def cmd_logout(args: argparse.Namespace) -> int:
    api_url = resolve_api_url(args)
    from plugdesk.domain.credentials import CredentialStore

    removed = CredentialStore().delete(api_url)
    say(f"Signed out of {api_url}." if removed else f"No token was stored for {api_url}.")
    return EXIT_OK
