"""Settings: typed, validated, saved atomically; a bad file is kept aside, never lost."""

from __future__ import annotations

import json
import os
import time as time_module
from datetime import time
from pathlib import Path

import msgspec
import pytest

from plugdesk.domain.atomic import TEMP_SUFFIX
from plugdesk.domain.paths import app_paths
from plugdesk.domain.settings import (
    DEFAULT_API_URL,
    Settings,
    SettingsError,
    api_url_problem,
    check_settings,
    load_settings,
    save_settings,
    validate_field,
    validate_settings,
)


@pytest.fixture
def path() -> Path:
    return app_paths().settings_path()


def _kept_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.bad-*"))


def test_defaults() -> None:
    settings = Settings()
    assert settings.api_url == DEFAULT_API_URL == "https://app.plugchoice.com/api/v3"
    assert settings.refresh_interval_s == 30
    assert (settings.stale_after_min, settings.grace_fault_s, settings.grace_offline_s) == (
        15,
        120,
        300,
    )
    assert settings.storm_threshold == 3
    assert (settings.quiet_start, settings.quiet_end) == ("22:00", "07:00")
    assert (settings.export_format, settings.export_tz, settings.export_delimiter) == (
        "csv",
        "local",  # the export's times match the window's unless chosen otherwise
        ",",
    )
    assert settings.version == 1
    assert validate_settings(settings) == []


def test_missing_file_gives_defaults_without_a_message(path: Path) -> None:
    assert load_settings(path) == (Settings(), None)


def test_round_trip(path: Path) -> None:
    changed = msgspec.structs.replace(
        Settings(),
        api_url="http://127.0.0.1:8123/api/v3",
        refresh_interval_s=60,
        notify_stale=True,
        quiet_hours_enabled=True,
        quiet_start="23:30",
        export_format="xlsx",
        export_tz="local",
        export_delimiter=";",
        export_last_dir="/home/someone/Billing",
    )
    save_settings(changed, path)
    assert load_settings(path) == (changed, None)
    saved = json.loads(path.read_text("utf-8"))
    assert saved["version"] == 1
    assert not any("token" in key for key in saved)
    assert list(path.parent.glob(f"*{TEMP_SUFFIX}")) == []


def test_loading_tidies_up_after_a_killed_save(path: Path) -> None:
    save_settings(Settings(), path)
    stale = path.parent / f".{path.name}.0badf00d{TEMP_SUFFIX}"
    stale.write_bytes(b'{"version": 1, "refresh')
    os.utime(stale, (time_module.time() - 3600,) * 2)
    assert load_settings(path) == (Settings(), None)
    assert not stale.exists()
    assert path.exists()


def test_saving_invalid_settings_is_refused_and_names_the_field(path: Path) -> None:
    save_settings(Settings(), path)
    before = path.read_bytes()
    bad = msgspec.structs.replace(Settings(), refresh_interval_s=1)
    with pytest.raises(SettingsError) as caught:
        save_settings(bad, path)
    assert caught.value.field == "refresh_interval_s"
    assert "from 5 to 3600" in caught.value.problem
    assert path.read_bytes() == before


@pytest.mark.log_warnings("a bad settings file is set aside, with a warning")
def test_corrupt_json_is_kept_aside_with_the_line(path: Path) -> None:
    broken = b'{\n  "version": 1,\n  "refresh_interval_s": 30\n  "notify_fault": true\n}\n'
    path.write_bytes(broken)

    settings, message = load_settings(path)

    assert settings == Settings()
    assert message is not None
    assert message.startswith("Your settings file was unreadable (line 4:")
    assert message.endswith("and defaults are used.")
    [kept] = _kept_aside(path)
    assert str(kept) in message
    assert kept.read_bytes() == broken  # nothing lost
    assert not path.exists()
    # The next start is clean: no message, and the kept file stays.
    assert load_settings(path) == (Settings(), None)
    assert _kept_aside(path) == [kept]


@pytest.mark.log_warnings("a bad settings file is set aside, with a warning")
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "line 1"),
        (b"[1, 2]", "JSON object"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
    ],
)
def test_unreadable_files(path: Path, content: bytes, expected: str) -> None:
    path.write_bytes(content)
    settings, message = load_settings(path)
    assert settings == Settings()
    assert message is not None and "unreadable" in message and expected in message
    assert [p.read_bytes() for p in _kept_aside(path)] == [content]


@pytest.mark.log_warnings("a bad settings file is set aside, with a warning")
def test_wrong_type_names_the_field(path: Path) -> None:
    path.write_text(json.dumps({"version": 1, "refresh_interval_s": "30s"}), "utf-8")
    settings, message = load_settings(path)
    assert settings == Settings()
    assert message is not None
    assert "invalid values (refresh_interval_s:" in message
    assert len(_kept_aside(path)) == 1


@pytest.mark.log_warnings("a bad settings file is set aside, with a warning")
@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("refresh_interval_s", 2, "must be from 5 to 3600 seconds, not 2"),
        ("refresh_interval_s", 3601, "must be from 5 to 3600 seconds, not 3601"),
        ("storm_threshold", 0, "from 2 to 1000"),
        ("quiet_start", "25:00", "HH:MM"),
        ("export_delimiter", "\t", "must be ',' or ';'"),
    ],
)
def test_out_of_range_values(path: Path, field: str, value: object, expected: str) -> None:
    path.write_text(json.dumps({"version": 1, field: value}), "utf-8")
    settings, message = load_settings(path)
    assert settings == Settings()
    assert message is not None and f"{field}: " in message and expected in message
    assert len(_kept_aside(path)) == 1


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://plugchoice.example.com/api/v3", "https://"),
        ("https://app.plugchoice.com/api/v3?x=1", "'?' or '#'"),
        ("https://app.plugchoice.com/api/v3#top", "'?' or '#'"),
        ("https://me:pw@app.plugchoice.com/api/v3", "user name or password"),
    ],
)
def test_a_saved_url_that_no_longer_passes_is_kept_with_the_rest(
    path: Path, url: str, words: str
) -> None:
    """The URL rule got stricter than the file: nothing is set aside or reset; whoever uses
    the URL asks `api_url_problem` (the window then opens its settings dialog)."""
    path.write_text(json.dumps({"version": 1, "api_url": url, "refresh_interval_s": 60}))
    settings, message = load_settings(path)
    assert message is None and not _kept_aside(path)
    assert settings.api_url == url and settings.refresh_interval_s == 60
    problem = api_url_problem(settings.api_url)
    assert problem is not None and words in problem
    assert validate_field("api_url", url) == problem  # the dialog shows the same words


@pytest.mark.log_warnings("a bad settings file is set aside, with a warning")
def test_unknown_future_version(path: Path) -> None:
    path.write_text(json.dumps({"version": 2, "refresh_interval_s": 30}), "utf-8")
    settings, message = load_settings(path)
    assert settings == Settings()
    assert message is not None
    assert message.startswith("Your settings file is from a newer PlugDesk (settings version 2")
    assert len(_kept_aside(path)) == 1


@pytest.mark.log_warnings("a bad settings file is set aside, with a warning")
def test_two_bad_files_in_the_same_second_are_both_kept(path: Path) -> None:
    path.write_bytes(b"{bad one")
    load_settings(path)
    path.write_bytes(b"{bad two")
    load_settings(path)
    assert sorted(p.read_bytes() for p in _kept_aside(path)) == [b"{bad one", b"{bad two"]


def test_a_bom_from_a_windows_editor_is_fine(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"version": 1, "storm_threshold": 5}).encode())
    settings, message = load_settings(path)
    assert message is None
    assert settings.storm_threshold == 5


def test_unknown_keys_are_ignored(path: Path) -> None:
    path.write_text(json.dumps({"version": 1, "something_new": True}), "utf-8")
    assert load_settings(path) == (Settings(), None)


def test_field_validation_for_a_dialog() -> None:
    assert validate_field("refresh_interval_s", 30) is None
    assert validate_field("refresh_interval_s", "30") == (
        "must be a whole number of seconds, not '30'"
    )
    assert validate_field("refresh_interval_s", True) is not None
    assert validate_field("api_url", "https://app.plugchoice.com/api/v3") is None
    assert validate_field("api_url", "http://localhost:8000/api/v3") is None
    assert validate_field("api_url", "http://[::1]:8000/api/v3") is None
    assert validate_field("api_url", "ftp://x") is not None
    assert validate_field("api_url", "") is not None
    assert validate_field("notify_fault", "yes") is not None
    assert validate_field("no_such_setting", 1) == "is not a PlugDesk setting"

    bad = msgspec.structs.replace(Settings(), grace_fault_s=-1, quiet_end="7:00")
    problems = validate_settings(bad)
    assert [p.split(":")[0] for p in problems] == ["grace_fault_s", "quiet_end"]
    with pytest.raises(SettingsError) as caught:
        check_settings(bad)
    assert caught.value.field == "grace_fault_s"


@pytest.mark.parametrize(
    ("start", "end", "moment", "quiet"),
    [
        ("22:00", "07:00", time(23, 15), True),
        ("22:00", "07:00", time(6, 59), True),
        ("22:00", "07:00", time(7, 0), False),
        ("22:00", "07:00", time(12, 0), False),
        ("12:00", "13:00", time(12, 30), True),
        ("12:00", "13:00", time(13, 30), False),
    ],
)
def test_quiet_hours(start: str, end: str, moment: time, quiet: bool) -> None:
    settings = Settings(quiet_hours_enabled=True, quiet_start=start, quiet_end=end)
    assert settings.is_quiet_time(moment) is quiet
    assert Settings(quiet_start=start, quiet_end=end).is_quiet_time(moment) is False
