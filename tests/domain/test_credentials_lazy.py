"""The credential store finds its keyring backend on first use, not when it is made:
backend discovery costs ~0.1 s that start-up should not wait for (issue 9)."""

from __future__ import annotations

import threading
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail

from plugdesk.domain.credentials import NO_STORE_MESSAGE, CredentialStore

URL = "https://app.plugchoice.com/api/v3"
TOKEN = "tok-7f3a9c1e5b2d4068-secret"


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts keyring.get_keyring() calls (by thread name) and still answers them."""
    calls: list[str] = []
    real = keyring.get_keyring

    def counting() -> keyring.backend.KeyringBackend:
        calls.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(keyring, "get_keyring", counting)
    return calls


def test_making_a_store_does_not_look_for_a_backend(lookups: list[str]) -> None:
    CredentialStore()
    CredentialStore("plugdesk-demo")
    assert lookups == []


def test_the_first_use_looks_once(memory_keyring: Any, lookups: list[str]) -> None:
    store = CredentialStore()
    store.set(URL, TOKEN)
    assert store.get(URL) == TOKEN
    assert not store.session_only
    assert lookups == ["MainThread"]
    assert memory_keyring.entries[("plugdesk", URL)] == TOKEN


@pytest.mark.log_warnings("no usable keyring on purpose; the fall-back to memory is warned")
@pytest.mark.parametrize("first", ["session_only", "problem", "backend_name"])
def test_what_the_ui_reads_is_right_before_any_call(first: str, lookups: list[str]) -> None:
    keyring.set_keyring(fail.Keyring())
    store = CredentialStore()
    value = getattr(store, first)  # the first thing asked: it must already know
    assert lookups == ["MainThread"]
    assert value  # True, the sentence, "memory only ..."
    assert store.session_only and store.problem is not None
    assert store.problem.startswith(NO_STORE_MESSAGE)


@pytest.mark.log_warnings("no usable keyring on purpose; the fall-back to memory is warned")
def test_a_backend_given_at_construction_is_used_without_a_lookup(
    lookups: list[str],
) -> None:
    store = CredentialStore(backend=fail.Keyring())
    assert store.session_only
    assert lookups == []


@pytest.mark.log_warnings("no usable keyring on purpose; the fall-back to memory is warned")
def test_a_failing_lookup_on_first_use_means_session_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> keyring.backend.KeyringBackend:
        raise keyring.errors.InitError("no backend could be loaded")

    store = CredentialStore()  # made while keyring still works
    monkeypatch.setattr(keyring, "get_keyring", broken)
    store.set(URL, TOKEN)
    assert store.session_only and store.problem is not None and "InitError" in store.problem
    assert store.get(URL) == TOKEN  # kept in memory for the session


def test_first_uses_from_two_threads_look_once(lookups: list[str]) -> None:
    store = CredentialStore()
    barrier = threading.Barrier(2)

    def use() -> None:
        barrier.wait()
        store.get(URL)

    worker = threading.Thread(target=use, name="keyring_0")
    worker.start()
    use()
    worker.join(5)
    assert len(lookups) == 1
