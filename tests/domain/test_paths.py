"""App folders: PLUGDESK_HOME for tests and portable use, platformdirs otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from plugdesk.domain import paths
from plugdesk.domain.paths import AppPaths, app_paths


def test_plugdesk_home_holds_everything(app_dirs: Path) -> None:
    found = app_paths()
    assert found.config_dir == app_dirs / "config"
    assert found.data_dir == app_dirs / "data"
    assert found.cache_dir == app_dirs / "cache"
    assert found.log_dir == app_dirs / "log"
    assert found.settings_path() == app_dirs / "config" / "settings.json"
    assert found.store_path().parent == app_dirs / "data"
    assert found.log_file().parent == app_dirs / "log"
    assert paths.settings_path() == found.settings_path()
    assert paths.store_path() == found.store_path()
    assert paths.log_file() == found.log_file()


def test_folders_are_created_on_demand_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "portable"
    monkeypatch.setenv("PLUGDESK_HOME", str(home))
    found = app_paths()
    assert not home.exists()  # asking for the object creates nothing
    assert all(not p.exists() for p in found.all_dirs())
    assert found.log_dir.is_dir()
    assert not (home / "data").exists()
    assert found.store_path().parent.is_dir()


def test_platformdirs_without_plugdesk_home(
    app_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLUGDESK_HOME")
    found = AppPaths.from_environment()
    # conftest points XDG_* at the temp tree; platformdirs adds the app folder "PlugDesk".
    assert found.config_dir == app_dirs / "config" / "PlugDesk"
    assert found.data_dir == app_dirs / "data" / "PlugDesk"
    assert found.cache_dir == app_dirs / "cache" / "PlugDesk"
    assert found.log_dir.is_relative_to(app_dirs / "state" / "PlugDesk")


def test_empty_plugdesk_home_means_not_set(app_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLUGDESK_HOME", "  ")
    assert app_paths().config_dir == app_dirs / "config" / "PlugDesk"
