"""A keyring backend kept in a JSON file, for a PlugDesk run as a child process with a
token already stored: `PYTHON_KEYRING_BACKEND=tests.support.file_keyring.FileKeyring` and
`PLUGDESK_TEST_KEYRING` naming the file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors

FILE_ENV = "PLUGDESK_TEST_KEYRING"
BACKEND = f"{__name__}.FileKeyring"


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @staticmethod
    def _path() -> Path:
        return Path(os.environ[FILE_ENV])

    def _entries(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text("utf-8")) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service} {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service} {username}"] = password
        self._path().write_text(json.dumps(entries), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service} {username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._path().write_text(json.dumps(entries), "utf-8")
