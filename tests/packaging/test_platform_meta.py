"""packaging/platform_meta.py: the Windows version resources, the macOS Info.plist and what
the spec builds for each target OS, from pyproject.toml (issue 18)."""

from __future__ import annotations

import plistlib
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest

import plugdesk

from .loader import PACKAGING, ROOT, load

platform_meta = load("platform_meta")


@pytest.fixture(scope="module")
def meta() -> Any:
    return platform_meta.read_metadata(ROOT)


def _pyinstaller_versioninfo(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """PyInstaller's own reader of version files. It imports pefile and pywin32's win32api
    at the top, which exist on Windows only and serve only to read or patch an .exe, which
    these tests never do: empty names stand in for those two imports."""
    import PyInstaller.compat

    if "pefile" not in sys.modules:
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    return versioninfo


def test_metadata_comes_from_pyproject_and_matches_the_package(meta: Any) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta.version == project["version"] == plugdesk.__version__
    assert meta.summary == project["description"]
    assert meta.copyright.startswith("Copyright © 20") and "MIT License" in meta.copyright
    assert meta.languages == ("en", "de", "fr", "nl")


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("2.3", (2, 3, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4)),
     ("2.0rc1", (2, 0, 0, 0)), ("10.20.30.dev4", (10, 20, 30, 0))],
)  # fmt: skip
def test_version_numbers_for_windows(version: str, numbers: tuple[int, ...]) -> None:
    assert platform_meta.version_numbers(version) == numbers


def test_version_numbers_refuse_a_version_without_numbers() -> None:
    with pytest.raises(ValueError, match="number"):
        platform_meta.version_numbers("next")


def test_the_version_file_parses_with_pyinstallers_reader(
    meta: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    versioninfo = _pyinstaller_versioninfo(monkeypatch)
    build = tmp_path / "build"
    written = platform_meta.write_version_files(meta, "win32", tmp_path / "icons", build)
    assert [path.name for path in written] == ["plugdesk.version.txt", "plugdesk-cli.version.txt"]

    for path, exe, description in zip(
        written, ("plugdesk", "plugdesk-cli"), ("PlugDesk", "PlugDesk command line"), strict=True
    ):
        # What EXE(version=path) does on Windows. (Its binary form is packed with native
        # C longs, 4 bytes only on Windows: no round trip through it here.)
        again = versioninfo.load_version_info_from_text_file(str(path))
        assert isinstance(again, versioninfo.VSVersionInfo)
        major, minor, patch, build_number = platform_meta.version_numbers(meta.version)
        assert again.ffi.fileVersionMS == (major << 16) | minor
        assert again.ffi.fileVersionLS == (patch << 16) | build_number
        assert again.ffi.productVersionMS == again.ffi.fileVersionMS
        strings = {
            struct.name: struct.val
            for kid in again.kids
            if isinstance(kid, versioninfo.StringFileInfo)
            for table in kid.kids
            for struct in table.kids
        }
        assert strings == {
            "CompanyName": "PlugDesk",
            "FileDescription": description,
            "FileVersion": meta.version,
            "InternalName": exe,
            "LegalCopyright": meta.copyright,
            "OriginalFilename": f"{exe}.exe",
            "ProductName": "PlugDesk",
            "ProductVersion": meta.version,
            "Comments": meta.summary,
        }


def test_a_quote_in_a_field_cannot_break_the_version_file(
    meta: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    versioninfo = _pyinstaller_versioninfo(monkeypatch)
    odd = platform_meta.Metadata(
        version="1.0", summary="It's \"quoted\" \\ and ünïcode", company="O'Brien & Co",
        copyright="©", languages=("en",),
    )  # fmt: skip
    path = tmp_path / "v.txt"
    path.write_text(platform_meta.version_file_text(odd, "plugdesk", "PlugDesk"), "utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    values = {s.name: s.val for s in info.kids[0].kids[0].kids}
    assert values["Comments"] == odd.summary and values["CompanyName"] == odd.company


def test_info_plist_has_the_keys_macos_reads(meta: Any) -> None:
    # Through plistlib and back, as BUNDLE writes it into PlugDesk.app/Contents/Info.plist.
    plist = plistlib.loads(plistlib.dumps(platform_meta.info_plist(meta)))
    assert plist["CFBundleIdentifier"] == "com.plugdesk.PlugDesk"
    assert plist["CFBundleName"] == "PlugDesk"
    assert plist["CFBundleShortVersionString"] == plugdesk.__version__
    assert plist["CFBundleVersion"] == plugdesk.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSUIElement"] is False
    assert plist["CFBundleLocalizations"] == ["en", "de", "fr", "nl"]
    assert plist["NSHumanReadableCopyright"] == meta.copyright


def test_windows_gets_a_windowed_exe_and_a_console_twin_with_icon_and_versions(
    tmp_path: Path,
) -> None:
    gui, cli = platform_meta.executables("win32", tmp_path / "icons", tmp_path / "build")
    assert (gui.name, gui.console, cli.name, cli.console) == (
        "plugdesk", False, "plugdesk-cli", True,
    )  # fmt: skip
    assert gui.icon == cli.icon == tmp_path / "icons" / "plugdesk.ico"
    assert gui.version_file != cli.version_file and gui.version_file is not None
    hooks = platform_meta.runtime_hooks("win32")
    assert [Path(hook).name for hook in hooks] == ["rthook_windows_console.py"]
    assert all(Path(hook).is_file() for hook in hooks)


def test_macos_gets_one_windowed_exe_with_the_icns(tmp_path: Path) -> None:
    (app,) = platform_meta.executables("darwin", tmp_path, tmp_path)
    assert (app.name, app.console, app.icon, app.version_file) == (
        "plugdesk", False, tmp_path / "plugdesk.icns", None,
    )  # fmt: skip
    assert platform_meta.runtime_hooks("darwin") == []


def test_linux_gets_one_exe_without_icon_or_hooks(tmp_path: Path) -> None:
    (app,) = platform_meta.executables("linux", tmp_path, tmp_path)
    assert (app.name, app.icon, app.version_file) == ("plugdesk", None, None)
    assert platform_meta.runtime_hooks("linux") == []
    meta = platform_meta.read_metadata(ROOT)
    assert platform_meta.write_version_files(meta, "linux", tmp_path, tmp_path) == []


def test_the_spec_takes_its_platform_choices_from_platform_meta() -> None:
    spec = (PACKAGING / "plugdesk.spec").read_text(encoding="utf-8")
    for call in (
        "platform_meta.executables(sys.platform",
        "platform_meta.runtime_hooks(sys.platform)",
        "platform_meta.write_version_files(META, sys.platform",
        "info_plist=platform_meta.info_plist(META)",
        "console=spec.console",
        "version=str(spec.version_file)",
    ):
        assert call in spec, call


def test_a_version_without_a_release_note_is_refused(tmp_path: Path) -> None:
    metainfo = tmp_path / "m.xml"
    metainfo.write_text(
        '<component><releases><release version="1.0" date="2025-01-02"/></releases></component>'
    )
    assert platform_meta.release_year(metainfo, "1.0") == "2025"
    with pytest.raises(ValueError, match=r"1\.1"):
        platform_meta.release_year(metainfo, "1.1")


def _app(folder: Path, plist: dict[str, Any]) -> Path:
    """A PlugDesk.app laid out as BUNDLE makes it (Info.plist, MacOS/, Resources/)."""
    app = folder / "PlugDesk.app" / "Contents"
    (app / "MacOS").mkdir(parents=True)
    (app / "Resources").mkdir()
    (app / "MacOS" / "plugdesk").write_bytes(b"\x7fELF")
    (app / "Resources" / "plugdesk.icns").write_bytes(b"icns")
    (app / "Info.plist").write_bytes(plistlib.dumps(plist))
    return app.parent


def test_the_built_app_check_passes_a_good_app_and_names_what_is_wrong(
    meta: Any, tmp_path: Path
) -> None:
    build = load("build")
    expected = platform_meta.info_plist(meta)
    # BUNDLE's own keys, then ours over them (PyInstaller's merge order).
    written = {
        "CFBundleExecutable": "plugdesk",
        "CFBundleIconFile": "plugdesk.icns",
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": "0.0.0",
        **expected,
    }
    assert build.check_app_bundle(_app(tmp_path / "good", written), expected) == []

    stale = {**written, "CFBundleShortVersionString": "0.0.9", "CFBundleIconFile": "x.png"}
    del stale["LSUIElement"]
    problems = build.check_app_bundle(_app(tmp_path / "bad", stale), expected)
    assert len(problems) == 3, problems
    assert "CFBundleShortVersionString is '0.0.9'" in problems[0]
    assert "LSUIElement is None, not False" in problems[1]
    assert "CFBundleIconFile 'x.png'" in problems[2]
