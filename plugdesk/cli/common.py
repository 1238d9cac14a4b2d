"""What the subcommands share: exit codes, the API URL and token they use, argument types.

Exit codes: 0 OK; 1 failed (or, for `status`, warning); 2 fault; 3 could not check;
64 the command line was wrong (sysexits EX_USAGE); 70 a bug in PlugDesk (EX_SOFTWARE);
78 the saved settings cannot be used (EX_CONFIG); 130 interrupted (Ctrl+C); 128+n stopped
by signal n (`export` on SIGTERM or SIGHUP).
"""

from __future__ import annotations

import argparse
import os
import sys

from plugdesk.domain.errors import DomainError
from plugdesk.domain.settings import DEFAULT_API_URL

TOKEN_ENV = "PLUGDESK_TOKEN"
API_URL_ENV = "PLUGDESK_API_URL"

EXIT_OK, EXIT_WARNING, EXIT_FAULT, EXIT_UNKNOWN = 0, 1, 2, 3
EXIT_FAILED = 1
EXIT_USAGE = 64
EXIT_BUG = 70
EXIT_CONFIG = 78
EXIT_INTERRUPTED = 130


class CliError(DomainError):
    """A failure worth one line on stderr; `code` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


class SavedUrlError(CliError):
    """The API URL saved in the settings no longer passes the URL check."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(
            f"The API URL saved in the settings ({url}) cannot be used: {problem} "
            f"Correct it in the window's Settings, or pass --api-url.",
            EXIT_CONFIG,
        )
        self.url = url
        self.problem = problem


# -- argument types: each says what was wrong with the value -------------------------------


def int_in_range(text: str, low: int, high: int, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} must be from {low} to {high}, not {value}")
    return value


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value <= 100_000:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 100000, not {text}")
    return value


# -- shared resolution of API URL and token -------------------------------------------------


def resolve_api_url(args: argparse.Namespace) -> str:
    """--api-url, else $PLUGDESK_API_URL, else the saved settings, else the default; checked
    by the one URL check. A bad given URL is a usage error (64); a bad saved one is
    `SavedUrlError` (78), which the window turns into its settings dialog instead."""
    from plugdesk.api.client import check_api_url  # lazy: loaded in start-up's own order
    from plugdesk.api.errors import InsecureURLError

    given: str | None = getattr(args, "api_url", None)
    source = "--api-url"
    if not given:
        given, source = os.environ.get(API_URL_ENV), API_URL_ENV
    if given:
        try:
            return check_api_url(given)
        except InsecureURLError as error:
            raise CliError(f"{source}: {error}", EXIT_USAGE) from None
    saved = saved_api_url()
    try:
        return check_api_url(saved)
    except InsecureURLError as error:
        raise SavedUrlError(saved, str(error)) from None


class SettingsFileError(CliError):
    """The settings file exists but cannot be used, and no URL was given instead: the
    command stops rather than send the token to the default server."""

    def __init__(self, sentence: str) -> None:
        super().__init__(
            f"{sentence} Or give the server with --api-url or {API_URL_ENV}.", EXIT_CONFIG
        )


def given_api_url(args: argparse.Namespace) -> str | None:
    """--api-url, else $PLUGDESK_API_URL, as given (None: neither; the saved one is used)."""
    return getattr(args, "api_url", None) or os.environ.get(API_URL_ENV) or None


def saved_api_url() -> str:
    """The API URL saved in the settings, unchecked; the default only when there is no
    settings file. Read without side effects: a command never renames or rewrites the
    file."""
    from plugdesk.domain.paths import app_paths
    from plugdesk.domain.settings import SettingsFileError as Unusable
    from plugdesk.domain.settings import read_settings

    try:
        settings = read_settings(app_paths().settings_path())
    except Unusable as error:
        raise SettingsFileError(str(error)) from None
    return DEFAULT_API_URL if settings is None else settings.api_url


def resolve_token(api_url: str | None) -> str | None:
    """The env token wins (kiosk and scripted use, nothing stored); else the keyring's
    (not looked at when `api_url` is None)."""
    env_token = os.environ.get(TOKEN_ENV, "").strip()
    if env_token:
        return keep_secret(env_token)
    if api_url is None:
        return None
    from plugdesk.domain.credentials import CredentialStore

    return keep_secret(CredentialStore().get(api_url))


def require_token(api_url: str) -> str:
    token = resolve_token(api_url)
    if not token:
        raise CliError(
            f"No API token for {api_url}: run 'plugdesk login' or set {TOKEN_ENV}.", EXIT_UNKNOWN
        )
    return token


# -- everything the command line prints -------------------------------------------------------

_SECRETS: list[str] = []  # the tokens this run holds: masked wherever they would be printed


def keep_secret(token: str | None) -> str | None:
    """Remember a token so that `say` masks it, should a server echo it back."""
    if token and token not in _SECRETS:
        _SECRETS.append(token)
    return token


def shown(text: str) -> str:
    """`text` as the terminal may see it: one line without control or bidi characters
    (a charger's name or error text is the charger's to choose), tokens masked."""
    from plugdesk.api.errors import clean_server_text, redact  # lazy: see main.py

    return redact(clean_server_text(text, limit=None), _SECRETS)


def masked(text: str) -> str:
    """`text` with the tokens of this run masked (for machine output kept exact)."""
    from plugdesk.api.errors import redact  # lazy: see main.py

    return redact(text, _SECRETS)


def say(text: str, *, err: bool = False) -> None:
    """Print one human-readable line (to stderr with `err`) through `shown`."""
    print(shown(text), file=sys.stderr if err else sys.stdout)
