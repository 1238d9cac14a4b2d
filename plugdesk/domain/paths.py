"""Where PlugDesk keeps its files: config, data, cache and log folders.

The folders come from platformdirs (app "PlugDesk", no author folder), so they follow each
platform's conventions. When the environment variable `PLUGDESK_HOME` is set, everything
lives under that one folder instead (`config/`, `data/`, `cache/`, `log/`): tests use it to
keep the real user's folders untouched, and it makes a portable install possible.

Folders are created when first asked for, never at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "PlugDesk"
HOME_ENV = "PLUGDESK_HOME"

SETTINGS_FILE = "settings.json"
STORE_FILE = "plugdesk.sqlite3"
LOG_FILE = "plugdesk.log"


class AppPaths:
    """The four app folders; each property creates its folder on demand."""

    def __init__(self, config: Path, data: Path, cache: Path, log: Path) -> None:
        self._config = config
        self._data = data
        self._cache = cache
        self._log = log

    @classmethod
    def from_environment(cls) -> AppPaths:
        """`PLUGDESK_HOME` if set (and not empty), else the platform's folders."""
        home = os.environ.get(HOME_ENV, "").strip()
        if home:
            root = Path(home).expanduser()
            return cls(root / "config", root / "data", root / "cache", root / "log")
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            dirs.user_config_path,
            dirs.user_data_path,
            dirs.user_cache_path,
            dirs.user_log_path,
        )

    @property
    def config_dir(self) -> Path:
        return _ensure(self._config)

    @property
    def data_dir(self) -> Path:
        return _ensure(self._data)

    @property
    def cache_dir(self) -> Path:
        return _ensure(self._cache)

    @property
    def log_dir(self) -> Path:
        return _ensure(self._log)

    def all_dirs(self) -> tuple[Path, Path, Path, Path]:
        """The folders without creating them (for scans and "open folder" menus)."""
        return (self._config, self._data, self._cache, self._log)

    def settings_path(self) -> Path:
        return self.config_dir / SETTINGS_FILE

    def store_path(self) -> Path:
        return self.data_dir / STORE_FILE

    def log_file(self) -> Path:
        return self.log_dir / LOG_FILE

    def __repr__(self) -> str:
        return (
            f"AppPaths(config={self._config}, data={self._data}, "
            f"cache={self._cache}, log={self._log})"
        )


def _ensure(path: Path) -> Path:
    # Owner-only is enough: nothing else needs to read PlugDesk's private folders.
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def app_paths() -> AppPaths:
    """The app folders for the current environment (read afresh on every call, so a test
    that changes `PLUGDESK_HOME` gets its own tree)."""
    return AppPaths.from_environment()


def settings_path() -> Path:
    return app_paths().settings_path()


def store_path() -> Path:
    return app_paths().store_path()


def log_file() -> Path:
    return app_paths().log_file()
