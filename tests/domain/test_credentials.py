"""Credential store: the OS keyring or, when there is none, memory; never a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import SecretService, chainer, fail, null

from plugdesk.api.client import check_api_url
from plugdesk.api.errors import mask
from plugdesk.domain.credentials import NO_STORE_MESSAGE, CredentialStore
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import Settings, save_settings

URL = "https://app.plugchoice.com/api/v3"
OTHER_URL = "https://staging.example.org/api/v3"
TOKEN = "tok-7f3a9c1e5b2d4068-secret"


class RaisingKeyring(keyring.backend.KeyringBackend):
    """A backend that fails on every call, the way a broken D-Bus or a locked store does."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        self.calls += 1
        raise self.error


class DBusError(Exception):
    """Stands in for jeepney's DBusErrorResponse / secretstorage's exceptions."""


def _assert_no_file_holds(root: Path, secret: str) -> None:
    files = [p for p in root.rglob("*") if p.is_file()]
    for path in files:
        assert secret.encode() not in path.read_bytes(), path


# -- with a working keyring (the in-memory test backend) ----------------------------------


def test_one_entry_per_api_url(memory_keyring: Any) -> None:
    store = CredentialStore()
    assert not store.session_only and store.problem is None
    store.set(URL, TOKEN)
    store.set(OTHER_URL, "other-token-0000")
    assert memory_keyring.entries[("plugdesk", URL)] == TOKEN
    assert memory_keyring.entries[("plugdesk", OTHER_URL)] == "other-token-0000"
    assert CredentialStore().get(URL) == TOKEN  # a new store (next start) reads it back
    assert CredentialStore().get(OTHER_URL) == "other-token-0000"


def test_api_url_spellings_share_one_entry(memory_keyring: Any) -> None:
    store = CredentialStore()
    store.set("  HTTPS://App.Plugchoice.com/api/v3/ ", TOKEN)
    assert store.get(URL) == TOKEN
    assert list(memory_keyring.entries) == [("plugdesk", URL)]
    assert check_api_url("http://127.0.0.1:8080/api/v3") == "http://127.0.0.1:8080/api/v3"


def test_delete(memory_keyring: Any) -> None:
    store = CredentialStore()
    store.set(URL, TOKEN)
    assert store.delete(URL) is True
    assert store.get(URL) is None
    assert store.delete(URL) is False  # nothing stored: not an error, store still works
    assert not store.session_only
    assert memory_keyring.entries == {}


def test_empty_values_are_refused() -> None:
    store = CredentialStore()
    with pytest.raises(ValueError):
        store.set(URL, "")
    with pytest.raises(ValueError):
        store.set(" / ", TOKEN)
    with pytest.raises(ValueError):
        store.set_secret("", "x")


def test_named_secrets_and_their_index(memory_keyring: Any, app_dirs: Path) -> None:
    store = CredentialStore()
    store.set_secret("public-session:AB12", "sess-token-aaaa-1111")
    store.set_secret("public-session:CD34", "sess-token-bbbb-2222")
    store.set_secret("other:x", "value-x")
    store.set_secret("public-session:AB12", "sess-token-aaaa-3333")  # overwrite, not twice

    again = CredentialStore()
    assert again.list_names("public-session:") == ["public-session:AB12", "public-session:CD34"]
    assert again.list_names() == ["public-session:AB12", "public-session:CD34", "other:x"]
    assert again.get_secret("public-session:AB12") == "sess-token-aaaa-3333"
    # The index is an entry of the keyring itself.
    assert ("plugdesk", "index:secrets") in memory_keyring.entries

    assert again.delete_secret("public-session:AB12") is True
    assert again.get_secret("public-session:AB12") is None
    assert again.list_names("public-session:") == ["public-session:CD34"]
    assert again.delete_secret("public-session:AB12") is False
    again.delete_secret("public-session:CD34")
    again.delete_secret("other:x")
    assert memory_keyring.entries == {}  # the empty index is removed too
    _assert_no_file_holds(app_dirs, "sess-token")


@pytest.mark.log_warnings("the keyring fails on purpose; the fall-back to memory is warned")
def test_a_damaged_index_is_started_afresh(memory_keyring: Any) -> None:
    memory_keyring.entries[("plugdesk", "index:secrets")] = "{not json"
    store = CredentialStore()
    assert store.list_names() == []
    store.set_secret("a", "value-a")
    assert store.list_names() == ["a"]


def test_backend_names_for_the_user() -> None:
    assert CredentialStore().backend_name  # the test backend has a name too
    secret_service = CredentialStore(backend=SecretService.Keyring())
    assert "Secret Service" in secret_service.backend_name
    assert "GNOME Keyring" in secret_service.backend_name


def test_mask_secret() -> None:
    assert mask(TOKEN) == "tok-…"
    assert mask("abcdefgh") == "ab…"  # short: never most of it
    assert mask("abc") == "…"
    assert mask("") == ""
    assert mask(None) == ""


# -- without a usable keyring: session-only mode ------------------------------------------


def _session_only_checks(store: CredentialStore, app_dirs: Path) -> None:
    assert store.session_only
    assert store.problem is not None
    assert store.problem.startswith(NO_STORE_MESSAGE)
    assert NO_STORE_MESSAGE == (
        "Your system has no password store; the token will be forgotten when PlugDesk quits."
    )
    assert "memory" in store.backend_name
    # Works for this session...
    store.set(URL, TOKEN)
    assert store.get(URL) == TOKEN
    store.set_secret("public-session:ZZ", "sess-" + TOKEN)
    assert store.list_names("public-session:") == ["public-session:ZZ"]
    assert store.get_secret("public-session:ZZ") == "sess-" + TOKEN
    assert TOKEN not in store.problem
    # ...and never by way of a file: the app's folders (with settings saved) hold no token.
    save_settings(Settings(), app_paths().settings_path())
    _assert_no_file_holds(app_dirs, TOKEN)
    assert store.delete(URL) is True
    assert store.get(URL) is None


@pytest.mark.log_warnings("the keyring fails on purpose; the fall-back to memory is warned")
def test_fail_backend(app_dirs: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    store = CredentialStore()
    assert store.session_only  # known before the first call
    assert store.problem is not None and "no keyring backend" in store.problem
    _session_only_checks(store, app_dirs)
    assert CredentialStore().get(URL) is None  # the next start has forgotten it


@pytest.mark.log_warnings("the keyring fails on purpose; the fall-back to memory is warned")
def test_null_backend(app_dirs: Path) -> None:
    keyring.set_keyring(null.Keyring())
    _session_only_checks(CredentialStore(), app_dirs)


@pytest.mark.log_warnings("the keyring fails on purpose; the fall-back to memory is warned")
def test_chainer_with_nothing_usable(app_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(chainer.ChainerBackend())
    _session_only_checks(CredentialStore(), app_dirs)


@pytest.mark.log_warnings("the keyring fails on purpose; the fall-back to memory is warned")
def test_keyring_itself_fails_to_start(app_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> keyring.backend.KeyringBackend:
        raise keyring.errors.InitError("no backend could be loaded")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    store = CredentialStore()
    assert store.problem is not None and "InitError" in store.problem
    _session_only_checks(store, app_dirs)


@pytest.mark.log_warnings("the keyring fails on purpose; the fall-back to memory is warned")
@pytest.mark.parametrize(
    "error",
    [
        keyring.errors.KeyringLocked("Failed to unlock the collection!"),
        keyring.errors.InitError("Failed to create the collection"),
        keyring.errors.NoKeyringError("No recommended backend"),
        keyring.errors.KeyringError("something else"),
        keyring.errors.PasswordSetError("refused"),
        DBusError("org.freedesktop.DBus.Error.ServiceUnknown"),
        OSError(5, "Input/output error"),
        RuntimeError("SecretStorage required"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_backend_that_raises_on_every_call(app_dirs: Path, error: Exception) -> None:
    backend = RaisingKeyring(error)
    keyring.set_keyring(backend)
    store = CredentialStore()
    assert not store.session_only  # not known until the store is used
    store.set(URL, TOKEN)
    assert store.session_only
    assert store.problem is not None and type(error).__name__ in store.problem
    calls = backend.calls
    _session_only_checks(store, app_dirs)
    assert backend.calls == calls  # once failed, it stops knocking on a broken store


@pytest.mark.log_warnings("the keyring fails on purpose; the fall-back to memory is warned")
def test_a_failing_read_switches_too(app_dirs: Path) -> None:
    keyring.set_keyring(RaisingKeyring(keyring.errors.KeyringLocked("locked")))
    store = CredentialStore()
    assert store.get(URL) is None
    assert store.session_only and store.problem is not None and "locked" in store.problem


@pytest.mark.log_warnings("the keyring fails on purpose; the fall-back to memory is warned")
def test_a_backend_error_that_quotes_the_token_is_masked(app_dirs: Path) -> None:
    class Leaky(RaisingKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.PasswordSetError(f"could not store {password!r}")

    keyring.set_keyring(Leaky(OSError("unused")))
    store = CredentialStore()
    store.set(URL, TOKEN)
    assert store.session_only
    assert store.problem is not None
    assert TOKEN not in store.problem
    assert mask(TOKEN) in store.problem


def test_session_only_message_is_logged_without_the_token(
    app_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(RaisingKeyring(DBusError("bus went away")))
    store = CredentialStore()
    store.set(URL, TOKEN)
    assert "bus went away" in caplog.text
    assert TOKEN not in caplog.text
