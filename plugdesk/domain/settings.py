"""PlugDesk's settings: a small typed object saved as JSON in the config folder.

- Saved atomically (temp file, fsync, rename): a crash mid-save never leaves half a file.
- A file that cannot be used (not JSON, wrong types, values out of range, a schema version
  from a newer PlugDesk) is renamed to `settings.json.bad-<timestamp>` so nothing is lost,
  defaults are used, and the caller gets one sentence to show the user. The app still starts.
  One exception: an API URL that no longer passes the URL check (the rule got stricter) is
  kept as saved, with the rest of the file; whoever uses it checks it (`api_url_problem`),
  and the window opens its settings dialog showing the problem instead of refusing to start.
- Validation is per field with plain messages, so the settings dialog can reuse them.
- The API token is never a setting: it lives in the OS keyring (see `credentials.py`).
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any, Final, Literal

import msgspec

from plugdesk.domain.atomic import atomic_write, clean_stale_temp_files
from plugdesk.domain.errors import DomainError, Message
from plugdesk.marks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 1
# A settings file is a few hundred bytes; anything past this is not one (e.g. a link to
# /dev/zero, which would otherwise be read until memory runs out).
MAX_SETTINGS_BYTES: Final = 1024 * 1024
DEFAULT_API_URL: Final = "https://app.plugchoice.com/api/v3"

ExportFormat = Literal["csv", "xlsx"]
ExportTz = Literal["utc", "local"]
Delimiter = Literal[",", ";"]
# "system" follows the desktop's language; the others are the languages PlugDesk speaks.
Language = Literal["system", "en", "nl", "de", "fr"]
Appearance = Literal["system", "light", "dark"]  # "system" follows the desktop, live


class Settings(msgspec.Struct, kw_only=True, frozen=True):
    """Every setting with its default. Change one with `msgspec.structs.replace`."""

    version: int = SCHEMA_VERSION
    api_url: str = DEFAULT_API_URL
    # Monitoring
    refresh_interval_s: int = 30
    stale_after_min: int = 15
    grace_fault_s: int = 120
    grace_offline_s: int = 300
    storm_threshold: int = 3
    # Notifications
    notify_fault: bool = True
    notify_offline: bool = True
    notify_stale: bool = False
    notify_resolved: bool = True
    quiet_hours_enabled: bool = False
    quiet_start: str = "22:00"
    quiet_end: str = "07:00"
    # Export defaults
    export_format: ExportFormat = "csv"
    export_tz: ExportTz = "local"  # what the window shows; the CLI keeps UTC
    export_delimiter: Delimiter = ","
    export_last_dir: str | None = None
    # Appearance (applied at the next start)
    language: Language = "system"
    appearance: Appearance = "system"

    def is_quiet_time(self, moment: time) -> bool:
        """True when quiet hours are on and `moment` (local wall time) falls inside them.
        The window may wrap past midnight (22:00 → 07:00); start == end means all day."""
        if not self.quiet_hours_enabled:
            return False
        start, end = parse_hhmm(self.quiet_start), parse_hhmm(self.quiet_end)
        now = moment.replace(second=0, microsecond=0, tzinfo=None)
        if start == end:
            return True
        if start < end:
            return start <= now < end
        return now >= start or now < end


FIELD_LABELS: Final[dict[str, str]] = {
    "version": "Settings version",
    "api_url": "API URL",
    "refresh_interval_s": "Refresh interval",
    "stale_after_min": "Data counts as stale after",
    "grace_fault_s": "Fault grace period",
    "grace_offline_s": "Offline grace period",
    "storm_threshold": "Alert storm threshold",
    "notify_fault": "Notify on faults",
    "notify_offline": "Notify when offline",
    "notify_stale": "Notify when data is stale",
    "notify_resolved": "Notify when resolved",
    "quiet_hours_enabled": "Quiet hours",
    "quiet_start": "Quiet hours start",
    "quiet_end": "Quiet hours end",
    "export_format": "Export format",
    "export_tz": "Export time zone",
    "export_delimiter": "CSV delimiter",
    "export_last_dir": "Last export folder",
    "language": "Language",
    "appearance": "Colours",
}

# (low, high, unit) for every whole-number setting.
_RANGES: Final[dict[str, tuple[int, int, str]]] = {
    "refresh_interval_s": (5, 3600, "seconds"),
    "stale_after_min": (1, 1440, "minutes"),
    "grace_fault_s": (0, 3600, "seconds"),
    "grace_offline_s": (0, 86_400, "seconds"),
    "storm_threshold": (2, 1000, "chargers"),
}
# Each unit's two problems: not a whole number, out of range (whole sentences, so each
# language can put the unit where it belongs).
_UNIT_PROBLEMS: Final[dict[str, tuple[str, str]]] = {
    "seconds": (
        QT_TRANSLATE_NOOP("Settings", "must be a whole number of seconds, not {value}"),
        QT_TRANSLATE_NOOP("Settings", "must be from {low} to {high} seconds, not {value}"),
    ),
    "minutes": (
        QT_TRANSLATE_NOOP("Settings", "must be a whole number of minutes, not {value}"),
        QT_TRANSLATE_NOOP("Settings", "must be from {low} to {high} minutes, not {value}"),
    ),
    "chargers": (
        QT_TRANSLATE_NOOP("Settings", "must be a whole number of chargers, not {value}"),
        QT_TRANSLATE_NOOP("Settings", "must be from {low} to {high} chargers, not {value}"),
    ),
}
_CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "export_format": ("csv", "xlsx"),
    "export_tz": ("utc", "local"),
    "export_delimiter": (",", ";"),
    "language": ("system", "en", "nl", "de", "fr"),
    "appearance": ("system", "light", "dark"),
}
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class SettingsError(DomainError, ValueError):
    """One invalid setting: `field` names it, `problem` says what is wrong with it."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


# -- validation ------------------------------------------------------------------------------


def validate_field(name: str, value: Any) -> str | None:
    """What is wrong with `value` for setting `name` (in English), or None when it is
    fine. `field_problem` says the same as a Message the window translates."""
    problem = field_problem(name, value)
    return None if problem is None else str(problem)


def _say(template: str, **values: object) -> Message:
    """A settings problem as facts (its template marked with QT_TRANSLATE_NOOP)."""
    return Message("Settings", template, values)


def field_problem(name: str, value: Any) -> Message | None:
    """What is wrong with `value` for setting `name`, or None when it is fine."""
    if name in _RANGES:
        return _check_int(value, *_RANGES[name])
    if name in _CHOICES:
        options = _CHOICES[name]
        if value not in options:
            listed = " or ".join(f"'{o}'" for o in options)
            return _say(QT_TRANSLATE_NOOP("Settings", "must be {options}, not {value}"),
                        options=listed, value=repr(value))  # fmt: skip
        return None
    if name in ("quiet_start", "quiet_end"):
        if not isinstance(value, str) or not _HHMM.match(value):
            return _say(
                QT_TRANSLATE_NOOP(
                    "Settings", "must be a time like 07:30 (24-hour HH:MM), not {value}"
                ),
                value=repr(value),
            )
        return None
    if name == "api_url":
        problem = api_url_words(value)
        return None if problem is None else _say("{problem}", problem=problem)
    if name == "version":
        if value == SCHEMA_VERSION:
            return None
        return _say(QT_TRANSLATE_NOOP("Settings", "must be {version}, not {value}"),
                    version=SCHEMA_VERSION, value=repr(value))  # fmt: skip
    if name == "export_last_dir":
        if value is None or isinstance(value, str):
            return None
        return _say(QT_TRANSLATE_NOOP("Settings", "must be a folder path"))
    if name in FIELD_LABELS:  # the booleans
        if isinstance(value, bool):
            return None
        return _say(QT_TRANSLATE_NOOP("Settings", "must be true or false, not {value}"),
                    value=repr(value))  # fmt: skip
    return _say(QT_TRANSLATE_NOOP("Settings", "is not a PlugDesk setting"))


def validate_settings(settings: Settings) -> list[str]:
    """Every problem as "<field>: <problem>"; an empty list means the settings are valid."""
    problems = []
    for name in settings.__struct_fields__:
        problem = validate_field(name, getattr(settings, name))
        if problem:
            problems.append(f"{name}: {problem}")
    return problems


def check_settings(settings: Settings) -> None:
    """Raise `SettingsError` naming the first invalid field."""
    for name in settings.__struct_fields__:
        problem = validate_field(name, getattr(settings, name))
        if problem:
            raise SettingsError(name, problem)


def api_url_problem(url: Any) -> str | None:
    """What is wrong with `url` as the API URL (the client's one URL check), or None."""
    problem = api_url_words(url)
    return None if problem is None else str(problem)


def api_url_words(url: Any) -> Message | str | None:
    """`api_url_problem` as the client's Message, for the window to translate."""
    # lazy: the client brings httpx, which start-up loads in its own order (app/startup.py)
    from plugdesk.api.client import check_api_url
    from plugdesk.api.errors import InsecureURLError

    if not isinstance(url, str):
        return "must be a URL like https://app.plugchoice.com/api/v3"
    try:
        check_api_url(url)
    except InsecureURLError as error:
        return error.words
    return None


def _check_int(value: Any, low: int, high: int, unit: str) -> Message | None:
    not_whole, out_of_range = _UNIT_PROBLEMS[unit]
    if isinstance(value, bool) or not isinstance(value, int):
        return _say(not_whole, value=repr(value))
    if not low <= value <= high:
        return _say(out_of_range, low=low, high=high, value=value)
    return None


def parse_hhmm(text: str) -> time:
    """Parse "07:30" to time(7, 30); ValueError for anything else."""
    match = _HHMM.match(text)
    if not match:
        raise ValueError(f"not a HH:MM time: {text!r}")
    return time(int(match.group(1)), int(match.group(2)))


# -- load and save ---------------------------------------------------------------------------


class SettingsFileError(DomainError):
    """The settings file exists but cannot be used: the sentence names the file and why."""


def read_settings(path: str | os.PathLike[str]) -> Settings | None:
    """The saved settings without side effects, for commands that only read them: None
    when there is no settings file; `SettingsFileError` when there is one that cannot be
    used. Never renames, never falls back to defaults: a script that meant another server
    must not have its token sent to the default one. (The window uses `load_settings`,
    which sets a bad file aside and says so.)"""
    file = Path(path)
    try:
        raw = read_small_file(file)
    except FileNotFoundError:
        if file.is_symlink():  # a link to a file that is gone is no "first run"
            raise SettingsFileError(
                f"The settings file {file} is a link to {os.readlink(file)}, which does "
                "not exist."
            ) from None
        return None
    except OSError as error:
        raise SettingsFileError(
            f"The settings file {file} cannot be read: {error.strerror or error}."
        ) from None
    try:
        return _parse(raw)
    except _Unusable as problem:
        raise SettingsFileError(
            f"The settings file {file} cannot be used ({problem.detail}). Open PlugDesk's "
            "window to reset it, or fix or delete the file."
        ) from None


def read_small_file(file: Path, limit: int = MAX_SETTINGS_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (links followed); OSError
    with a plain `strerror` for anything else. Opened non-blocking, so a FIFO in its
    place is refused at once instead of waiting forever for a writer."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "it is not a regular file (a device, a pipe or a folder)", str(file))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(0, f"it is larger than {limit // 1024} kB, too large for settings", str(file))
    return data


class _Unusable(Exception):
    """The file cannot be used; `kind` picks the sentence, `detail` says why."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def load_settings(path: str | os.PathLike[str]) -> tuple[Settings, str | None]:
    """The saved settings, or defaults plus a sentence for the user saying what happened.

    Missing file -> defaults, no message (first run). Anything unusable -> the file is
    renamed to `<name>.bad-<timestamp>` beside it, defaults are used, and the message says
    what was wrong and where the old file went.
    """
    file = Path(path)
    # A save cut short by a kill leaves its temp file beside the settings: tidy it up.
    clean_stale_temp_files(file.parent, file.name)
    try:
        raw = read_small_file(file)
    except FileNotFoundError:
        return Settings(), None
    except OSError as error:
        return Settings(), (
            f"Your settings file could not be read ({error.strerror or error}); "
            "defaults are used for now."
        )
    try:
        return _parse(raw), None
    except _Unusable as problem:
        log.warning("Unusable settings file %s: %s", file, problem.detail)
        return Settings(), _set_aside_message(file, problem)


def read_language(path: str | os.PathLike[str], field: str = "language") -> str:
    """The `language` (or `appearance`) setting, read before any window exists (the
    translations must be loaded first). Never renames or complains: `load_settings` does
    that a moment later; anything unreadable here simply means "system"."""
    try:
        saved = json.loads(Path(path).read_bytes())
    except (OSError, ValueError):
        return "system"
    value = saved.get(field) if isinstance(saved, dict) else None
    return value if value in _CHOICES[field] else "system"


def save_settings(settings: Settings, path: str | os.PathLike[str]) -> None:
    """Write `settings` atomically; raises `SettingsError` if a field is invalid."""
    check_settings(settings)
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(file, encode_settings(settings))


def encode_settings(settings: Settings) -> bytes:
    """Indented JSON, one setting a line, so a person can read and diff it."""
    return msgspec.json.format(msgspec.json.encode(settings), indent=2) + b"\n"


def _parse(raw: bytes) -> Settings:
    try:
        text = raw.decode("utf-8-sig")  # a BOM from a Windows editor is harmless
    except UnicodeDecodeError as error:
        raise _Unusable("unreadable", f"not UTF-8 text at byte {error.start}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _Unusable("unreadable", f"line {error.lineno}: {error.msg}") from None
    if not isinstance(data, dict):
        raise _Unusable("unreadable", "it does not hold a JSON object")
    data = _migrate(data)
    try:
        settings = msgspec.convert(data, Settings)
    except msgspec.ValidationError as error:
        raise _Unusable("invalid", _describe_validation(error, data)) from None
    # The API URL is kept as saved (whoever uses it checks it): not checked here, where
    # the check would load httpx before the window's first paint.
    problems = [
        f"{name}: {problem}"
        for name in settings.__struct_fields__
        if name != "api_url" and (problem := validate_field(name, getattr(settings, name)))
    ]
    if problems:
        raise _Unusable("invalid", "; ".join(problems))
    return settings


# Upgraders from an older schema version to the next one, e.g. {1: _v1_to_v2}. Empty while
# there is only version 1; a future version adds a step here instead of resetting users.
_MIGRATIONS: Final[dict[int, Any]] = {}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version", SCHEMA_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _Unusable("invalid", f"version: must be a whole number from 1, not {version!r}")
    if version > SCHEMA_VERSION:
        raise _Unusable(
            "newer", f"settings version {version}; this PlugDesk reads version {SCHEMA_VERSION}"
        )
    while version < SCHEMA_VERSION:
        data = _MIGRATIONS[version](data)
        version = data["version"]
    return data


def _describe_validation(error: msgspec.ValidationError, data: dict[str, Any]) -> str:
    """Lead with the field name, and prefer our own wording ("must be a whole number of
    seconds, not '30s'") over msgspec's ("Expected `int`, got `str` - at `$.…`")."""
    text = str(error)
    match = re.match(r"^(.*) - at `\$\.?(.*)`$", text)
    if not match:
        return text
    name = match.group(2)
    ours = validate_field(name, data[name]) if name in data else None
    return f"{name}: {ours or match.group(1)}"


def _set_aside_message(file: Path, problem: _Unusable) -> str:
    what = {
        "unreadable": "Your settings file was unreadable",
        "invalid": "Your settings file had invalid values",
        "newer": "Your settings file is from a newer PlugDesk",
    }[problem.kind]
    try:
        kept = _move_aside(file)
    except OSError as error:
        return (
            f"{what} ({problem.detail}); it could not be moved aside "
            f"({error.strerror or error}), and defaults are used."
        )
    return f"{what} ({problem.detail}); it was kept as {kept} and defaults are used."


def _move_aside(file: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = file.with_name(f"{file.name}.bad-{stamp}")
    counter = 1
    while target.exists():  # two bad starts within a second: never overwrite a kept file
        target = file.with_name(f"{file.name}.bad-{stamp}-{counter}")
        counter += 1
    os.replace(file, target)
    return target
