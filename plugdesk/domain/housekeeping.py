"""Start-up housekeeping: remove the temporary files a killed PlugDesk left behind.

Every file PlugDesk writes goes through `domain.atomic` (a temporary file beside the
target, renamed into place when complete), so a `kill -9`, a crash or a power cut in the
middle of a write leaves the old file intact plus a `.<name>.<random>.plugdesk-tmp` file
beside it. Nothing else would ever remove those: an export of a year of transactions can
leave tens of megabytes in the user's Documents folder. At start the app sweeps the places
it writes to: its config, data and cache folders, the folder of the last export (from the
settings file) and the default export folder. `plugdesk export` runs the same sweep, plus
the folder it is about to write to.

Only our own temporary files older than `clean_stale_temp_files`' minimum age (5 min) are
removed, so an export running in a second PlugDesk at that moment is left alone.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

import platformdirs

from plugdesk.domain.atomic import clean_stale_temp_files
from plugdesk.domain.paths import SETTINGS_FILE, AppPaths, app_paths
from plugdesk.domain.settings import read_small_file

log = logging.getLogger(__name__)


def last_export_folder(settings_file: Path) -> Path | None:
    """The export folder remembered in the settings file, read without side effects (the
    app's own settings load, which may set a damaged file aside and say so, comes later)."""
    try:
        data = json.loads(read_small_file(settings_file).decode("utf-8-sig"))
    except (OSError, ValueError):
        return None
    folder = data.get("export_last_dir") if isinstance(data, dict) else None
    if not isinstance(folder, str) or not folder.strip() or "\x00" in folder:
        return None
    return Path(folder).expanduser()


def default_export_folder() -> Path | None:
    """Where the export dialog suggests saving (Documents), if there is one."""
    documents = platformdirs.user_documents_dir()
    return Path(documents) if documents else None


def folders_written_to(paths: AppPaths | None = None, also: Iterable[Path] = ()) -> list[Path]:
    """The folders to sweep (not created if missing: nothing to clean there), plus `also`."""
    config, data, cache, _log = (paths or app_paths()).all_dirs()
    candidates: Iterable[Path | None] = (
        config,
        data,
        cache,
        last_export_folder(config / SETTINGS_FILE),
        default_export_folder(),
        *also,
    )
    unique: list[Path] = []
    for folder in candidates:
        if folder is not None and folder not in unique:
            unique.append(folder)
    return unique


def clean_at_start(paths: AppPaths | None = None, also: Iterable[Path] = ()) -> list[Path]:
    """Remove stale temporary files from every folder PlugDesk writes to (and the folders
    in `also`); what was removed. Never raises: a folder that cannot be read is skipped."""
    removed: list[Path] = []
    for folder in folders_written_to(paths, also):
        try:
            removed += clean_stale_temp_files(folder)
        except (OSError, ValueError) as error:  # e.g. a folder name the OS refuses
            log.info("could not look for leftovers in %s: %s", folder, error)
    for path in removed:
        log.info("removed a temporary file left by an interrupted write: %s", path)
    return removed
