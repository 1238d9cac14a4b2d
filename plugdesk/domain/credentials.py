"""API tokens and other secrets in the operating system's secret store, and nowhere else.

Entries live under the keyring service "plugdesk":
- one API token per API URL (username = the normalized API URL), so switching API URL
  switches accounts;
- named secrets for other panes (username = "secret:<name>", e.g. a public charging
  session token), with an index entry ("index:secrets", a JSON list of names) because
  keyring cannot list entries. The index lives in the keyring too, never in a file.

When there is no usable secret store (no backend, the "fail" backend, a chainer with
nothing behind it, a locked store, D-Bus trouble, any error from a backend), the store
switches to session-only mode: secrets are kept in memory, `session_only` becomes True and
`problem` says so in plain words. It never falls back to a plaintext file.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TypeVar

from plugdesk.api.errors import redact
from plugdesk.domain.errors import Message
from plugdesk.marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger(__name__)

SERVICE: Final = "plugdesk"
NO_STORE_MESSAGE: Final = QT_TRANSLATE_NOOP(
    "Credentials",
    "Your system has no password store; the token will be forgotten when PlugDesk quits.",
)
SESSION_ONLY_NAME: Final = "memory only (forgotten when PlugDesk quits)"

_SECRET_PREFIX: Final = "secret:"
_INDEX_USER: Final = "index:secrets"

T = TypeVar("T")

# Friendly names for "your token is kept in …", by backend module and class.
_FRIENDLY_NAMES: Final[dict[str, str]] = {
    "keyring.backends.SecretService.Keyring": "the Secret Service keyring (GNOME Keyring, "
    "KWallet or KeePassXC)",
    "keyring.backends.libsecret.Keyring": "the Secret Service keyring (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KDE Wallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KDE Wallet",
    "keyring.backends.macOS.Keyring": "the macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
}


class _StoreUnavailable(Exception):
    """Internal: the backend failed; the store has switched to session-only mode."""


class CredentialStore:
    """Secrets in the OS keyring, or in memory for this session when there is none."""

    def __init__(
        self, service: str = SERVICE, backend: keyring.backend.KeyringBackend | None = None
    ) -> None:
        """`backend` defaults to keyring's choice, made on first use: finding it imports
        and probes every installed backend (~0.1 s), which start-up should not wait for."""
        self.service = service
        self._memory: dict[str, str] = {}
        self._problem: str | None = None
        self._reason = ""
        self._backend: keyring.backend.KeyringBackend | None = backend
        self._resolved = False
        # The first use may come from the app's keyring thread or from the UI thread.
        self._resolving = threading.Lock()

    def _resolve(self) -> None:
        """Choose the backend once and judge it (session-only mode if it is unusable)."""
        if self._resolved:
            return
        with self._resolving:
            if self._resolved:
                return
            try:
                backend = _default_backend() if self._backend is None else self._backend
            except Exception as error:  # keyring's own start-up can fail on odd systems
                self._go_session_only(_reason(error))
            else:
                self._backend = backend
                unusable = _why_unusable(backend)
                if unusable:
                    self._go_session_only(unusable)
            self._resolved = True

    # -- state the UI shows --------------------------------------------------------------

    @property
    def session_only(self) -> bool:
        """True when secrets are kept in memory only (no usable OS store)."""
        self._resolve()
        return self._problem is not None

    @property
    def problem(self) -> str | None:
        """The sentence for the user when in session-only mode, with the reason."""
        self._resolve()
        return self._problem

    @property
    def problem_message(self) -> Message | None:
        """`problem` as facts, for the window to say in its language (the backend's own
        reason stays as it came)."""
        self._resolve()
        if self._problem is None:
            return None
        return Message("Credentials", "{problem} ({reason})",
                       {"problem": Message("Credentials", NO_STORE_MESSAGE),
                        "reason": self._reason})  # fmt: skip

    @property
    def backend_name(self) -> str:
        """Which secret store holds the secrets, in words for the user."""
        if self.session_only or self._backend is None:
            return SESSION_ONLY_NAME
        return _friendly_name(self._backend)

    # -- API tokens, one per API URL ----------------------------------------------------

    def get(self, api_url: str) -> str | None:
        return self._get(_checked(api_url))

    def set(self, api_url: str, token: str) -> None:
        if not token:
            raise ValueError("An empty token cannot be stored; use delete() to sign out.")
        self._set(_checked(api_url), token)

    def delete(self, api_url: str) -> bool:
        """Forget the token for `api_url`; True if one was stored."""
        return self._delete(_checked(api_url))

    # -- named secrets (e.g. public charging session tokens) ----------------------------

    def set_secret(self, name: str, value: str) -> None:
        _check_name(name)
        if not value:
            raise ValueError("An empty secret cannot be stored; use delete_secret().")
        self._set(_SECRET_PREFIX + name, value)
        names = self._index()
        if name not in names:
            self._save_index([*names, name])

    def get_secret(self, name: str) -> str | None:
        _check_name(name)
        return self._get(_SECRET_PREFIX + name)

    def delete_secret(self, name: str) -> bool:
        _check_name(name)
        removed = self._delete(_SECRET_PREFIX + name)
        names = self._index()
        if name in names:
            self._save_index([n for n in names if n != name])
        return removed

    def list_names(self, prefix: str = "") -> list[str]:
        """Names of stored secrets starting with `prefix`, in the order they were added."""
        return [name for name in self._index() if name.startswith(prefix)]

    def _index(self) -> list[str]:
        raw = self._get(_INDEX_USER)
        if not raw:
            return []
        try:
            names = json.loads(raw)
        except ValueError:
            log.warning("The secret index in the keyring is damaged; starting a new one.")
            return []
        if not isinstance(names, list):
            return []
        return [name for name in names if isinstance(name, str)]

    def _save_index(self, names: list[str]) -> None:
        if names:
            self._set(_INDEX_USER, json.dumps(names))
        else:
            self._delete(_INDEX_USER)

    # -- one place that talks to the backend and catches its failures ---------------------

    def _get(self, user: str) -> str | None:
        try:
            return self._call(lambda backend: backend.get_password(self.service, user))
        except _StoreUnavailable:
            return self._memory.get(user)

    def _set(self, user: str, value: str) -> None:
        try:
            self._call(lambda b: b.set_password(self.service, user, value), secret=value)
        except _StoreUnavailable:
            self._memory[user] = value

    def _delete(self, user: str) -> bool:
        import keyring.errors  # lazy, as in _default_backend

        in_memory = self._memory.pop(user, None) is not None
        try:
            self._call(lambda backend: backend.delete_password(self.service, user))
        except keyring.errors.PasswordDeleteError:
            return in_memory  # nothing stored under that name
        except _StoreUnavailable:
            return in_memory
        return True

    def _call(
        self, action: Callable[[keyring.backend.KeyringBackend], T], secret: str | None = None
    ) -> T:
        """Run `action` on the backend; any failure switches to session-only mode."""
        if self.session_only or self._backend is None:
            raise _StoreUnavailable
        import keyring.errors  # lazy, as in _default_backend (loaded by now)

        try:
            return action(self._backend)
        except keyring.errors.PasswordDeleteError:
            raise  # "not found" on delete: the store works
        except Exception as error:  # any backend failure: KeyringError, D-Bus, OSError, ...
            known = [*self._memory.values(), *([secret] if secret else [])]
            self._go_session_only(_reason(error, secrets=known))
            raise _StoreUnavailable from None

    def _go_session_only(self, reason: str) -> None:
        self._problem = f"{NO_STORE_MESSAGE} ({reason})"
        self._reason = reason
        log.warning("No usable password store, keeping secrets in memory only: %s", reason)


def _default_backend() -> keyring.backend.KeyringBackend:
    import keyring  # lazy: importing keyring loads its backend machinery (~20 ms)

    return keyring.get_keyring()


def _why_unusable(backend: keyring.backend.KeyringBackend) -> str | None:
    """Backends that would lose or refuse every secret, known without calling them."""
    # Imported here: these modules are always present, but keep start-up import light.
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring):
        return "no keyring backend is available"
    if isinstance(backend, null.Keyring):
        return "the keyring is disabled (null backend)"
    if isinstance(backend, chainer.ChainerBackend):
        try:
            chained = list(backend.backends)
        except Exception as error:
            return _reason(error)
        if not chained:
            return "no keyring backend is available"
    return None


def _friendly_name(backend: keyring.backend.KeyringBackend) -> str:
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        try:
            chained = list(backend.backends)
        except Exception:
            chained = []
        if chained:
            return _friendly_name(chained[0])
    kind = type(backend)
    key = f"{kind.__module__}.{kind.__qualname__}"
    if key in _FRIENDLY_NAMES:
        return _FRIENDLY_NAMES[key]
    try:
        return str(backend.name)
    except Exception:
        return kind.__name__


def _reason(error: BaseException, secrets: list[str] | None = None) -> str:
    """The backend's complaint in a few words, with any secret we know of masked out."""
    text = str(error).strip() or type(error).__name__
    text = redact(text, secrets or ())
    if len(text) > 200:
        text = text[:200] + "…"
    return f"{type(error).__name__}: {text}" if type(error).__name__ not in text else text


def _check_name(name: str) -> None:
    if not name or not name.strip():
        raise ValueError("A secret needs a name.")


def _checked(api_url: str) -> str:
    """The keyring key of an API URL: its normal form (loaded on first use: it brings in
    httpx, which the window's first paint does without)."""
    from plugdesk.api.client import check_api_url

    return check_api_url(api_url)
