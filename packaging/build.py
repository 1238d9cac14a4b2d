"""Build the PlugDesk bundle: `python packaging/build.py [--smoke-test]`.

Run it with the project's Python (`pip install -e '.[build]'` first). It
1. renders the platform icons from resources/plugdesk.svg into packaging/build/icons/
   (PNG sizes for Linux, .ico for Windows, .icns for macOS);
2. runs PyInstaller on packaging/plugdesk.spec: one folder in dist/plugdesk/;
3. with --smoke-test, starts the bundle offscreen (`plugdesk --version`, then
   `plugdesk --self-test`) and fails on a non-zero exit, a traceback or a Qt plugin error on
   stderr, or a bundle over the size budget; and checks what the OS reads from outside the
   program: on Windows each .exe's subsystem (windowed or console), icon and version
   resource, on macOS PlugDesk.app's Info.plist and icon (check_windows_exes,
   check_app_bundle);
4. prints the bundle size and its biggest parts.

Other modes, for measuring rather than shipping:
  --naive          also build a plain `pyinstaller --windowed` bundle (no spec, no cuts) in a
                   temp folder and compare sizes;
  --measure-cuts   rebuild once per cut with that cut switched off, and print what each saves.
Everything generated stays in packaging/build/ and dist/ (both git-ignored).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import plistlib
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "plugdesk.spec"
WORK = HERE / "build"
ICONS = WORK / "icons"
DIST = ROOT / "dist"
BUNDLE = DIST / "plugdesk"
SIZE_BUDGET_MB = 150.0  # issue 17: room for Qt Charts (+4 MB measured) and what comes next
SMOKE_TIMEOUT = 180.0

# Lines on stderr that mean the bundle is broken even when it exits 0.
STDERR_FAILURES = (
    "Traceback",
    "Could not load the Qt platform plugin",
    "Could not find the Qt platform plugin",
    "qt.qpa.plugin",
    "no Qt platform plugin could be initialized",
)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _check_tools()
    started = time.monotonic()
    render_icons()
    if args.measure_cuts:
        return measure_cuts()
    build(keep=os.environ.get("PLUGDESK_BUNDLE_KEEP", ""))
    print(f"Built {BUNDLE} in {time.monotonic() - started:.0f} s")
    size = report_size(BUNDLE)
    if args.naive:
        naive = build_naive()
        print(f"Naive bundle: {_mb(naive)}; this bundle: {_mb(size)} ({size / naive:.0%})")
    if args.smoke_test:
        return smoke_test(size)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python packaging/build.py", description="Build the PlugDesk bundle (PyInstaller)."
    )
    parser.add_argument(
        "--smoke-test", action="store_true", help="run the built bundle's self-test offscreen"
    )
    parser.add_argument(
        "--naive", action="store_true", help="also build a naive bundle and compare sizes"
    )
    parser.add_argument(
        "--measure-cuts", action="store_true", help="measure what each bundle cut saves"
    )
    return parser


def _check_tools() -> None:
    missing = [
        name
        for name in ("PyInstaller", "PySide6", "plugdesk")
        if importlib.util.find_spec(name) is None
    ]
    if missing:
        raise SystemExit(
            f"build.py: {', '.join(missing)} not importable by {sys.executable}; "
            "install the project first: pip install -e '.[build]'"
        )


def _load(name: str, path: Path) -> ModuleType:
    # packaging/ is not a package (it would shadow PyPI's `packaging`): load files by path.
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# -- steps ----------------------------------------------------------------------------------


def render_icons() -> None:
    """PNG/ICO/ICNS from the SVG, with an offscreen QGuiApplication (no display needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    icons = _load("plugdesk_platform_icons", HERE / "platform_icons.py")
    made = icons.generate(ROOT / "resources" / "plugdesk.svg", ICONS)
    print(f"Icons rendered into {ICONS}: {made.ico.name}, {made.icns.name}, hicolor PNGs")
    del app


def build(keep: str = "", dist: Path = DIST) -> None:
    env = dict(os.environ, PLUGDESK_BUNDLE_KEEP=keep)
    _run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(WORK / "pyinstaller"),
            str(SPEC),
        ],
        env=env,
    )


def build_naive() -> int:
    """A plain `pyinstaller --windowed` of the app entry, no spec and no cuts: the baseline."""
    with tempfile.TemporaryDirectory(prefix="plugdesk-naive-") as temp:
        tmp = Path(temp)
        _run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level=WARN",
                "--windowed",
                "--name",
                "plugdesk",
                "--paths",
                str(ROOT),
                "--distpath",
                str(tmp / "dist"),
                "--workpath",
                str(tmp / "build"),
                "--specpath",
                str(tmp),
                str(ROOT / "plugdesk" / "__main__.py"),
            ]
        )
        return folder_size(tmp / "dist" / "plugdesk")


def measure_cuts() -> int:
    """Build with all cuts, then once per cut without it; the difference is its saving."""
    rules = _load("plugdesk_bundle_rules", HERE / "bundle_rules.py")
    rows: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory(prefix="plugdesk-cuts-") as temp:
        for cut in ("", *rules.CUTS):
            dist = Path(temp) / (cut or "all")
            build(keep=cut, dist=dist)
            rows.append((cut, folder_size(dist / "plugdesk")))
    full = rows[0][1]
    print("\n| cut | what it removes | saves |\n|---|---|---|")
    for cut, size in rows[1:]:
        print(f"| {cut} | {rules.CUT_DESCRIPTIONS[cut]} | {_mb(size - full)} |")
    print(f"| (all cuts) | bundle size | {_mb(full)} |")
    return 0


def smoke_test(size: int) -> int:
    """Start the bundle offscreen; any failure is a non-zero exit with the reason."""
    executable = BUNDLE / ("plugdesk-cli.exe" if sys.platform == "win32" else "plugdesk")
    if sys.platform == "darwin":
        executable = DIST / "PlugDesk.app" / "Contents" / "MacOS" / "plugdesk"
    problems: list[str] = []
    for args in (["--version"], ["--self-test"]):
        problems += _smoke_run(executable, args)
    if sys.platform == "win32":
        # The windowed plugdesk.exe starts too (its console hook included); run with pipes,
        # its streams exist, so this checks the exit code and stderr only.
        problems += _smoke_run(BUNDLE / "plugdesk.exe", ["--version"])
    problems += check_platform_files()
    if size > SIZE_BUDGET_MB * 1e6:
        problems.append(f"bundle is {_mb(size)}, over the {SIZE_BUDGET_MB:.0f} MB budget")
    if problems:
        print("SMOKE TEST FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print("Smoke test passed.")
    return 0


def _smoke_run(executable: Path, args: list[str]) -> list[str]:
    command = f"{executable.name} {' '.join(args)}"
    print(f"\n$ QT_QPA_PLATFORM=offscreen {executable} {' '.join(args)}", flush=True)
    started = time.monotonic()
    # A throw-away home (settings, logs, local store), so a build never touches the real
    # user's PlugDesk folders.
    with tempfile.TemporaryDirectory(prefix="plugdesk-smoke-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PLUGDESK_HOME=home)
        try:
            done = subprocess.run(
                [str(executable), *args],
                env=env,
                capture_output=True,
                text=True,
                timeout=SMOKE_TIMEOUT,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return [f"`{command}` did not finish within {SMOKE_TIMEOUT:.0f} s"]
    print(done.stdout, end="")
    print(done.stderr, end="", file=sys.stderr)
    print(f"(exit {done.returncode} after {time.monotonic() - started:.1f} s)")
    problems = []
    if done.returncode != 0:
        problems.append(f"`{command}` exited {done.returncode}")
    for line in done.stderr.splitlines():
        if any(marker in line for marker in STDERR_FAILURES):
            problems.append(f"`{command}` stderr: {line.strip()}")
    return problems


# -- what the OS reads from outside the program --------------------------------------------

IMAGE_SUBSYSTEM = {False: 2, True: 3}  # console=False: WINDOWS_GUI; console=True: WINDOWS_CUI
RT_GROUP_ICON, RT_VERSION = 14, 16


def check_platform_files() -> list[str]:
    meta_module = _load("plugdesk_platform_meta", HERE / "platform_meta.py")
    meta = meta_module.read_metadata(ROOT)
    if sys.platform == "darwin":
        return check_app_bundle(DIST / f"{meta_module.APP_NAME}.app", meta_module.info_plist(meta))
    if sys.platform == "win32":
        return check_windows_exes(BUNDLE, meta_module.executables("win32", ICONS, WORK), meta)
    return []


def check_app_bundle(app: Path, expected: dict[str, object]) -> list[str]:
    """PlugDesk.app's Info.plist holds `expected`, and the executable and .icns it names."""
    path = app / "Contents" / "Info.plist"
    if not path.is_file():
        return [f"{path} is missing"]
    with path.open("rb") as file:
        plist = plistlib.load(file)
    problems = [
        f"Info.plist: {key} is {plist.get(key)!r}, not {value!r}"
        for key, value in expected.items()
        if plist.get(key) != value
    ]
    icon = app / "Contents" / "Resources" / str(plist.get("CFBundleIconFile", ""))
    if icon.suffix != ".icns" or not icon.is_file():
        problems.append(f"Info.plist: CFBundleIconFile {icon.name!r} is not an .icns in the app")
    executable = app / "Contents" / "MacOS" / str(plist.get("CFBundleExecutable", ""))
    if not executable.is_file():
        problems.append(f"Info.plist: CFBundleExecutable {executable.name!r} is not in the app")
    return problems


def check_windows_exes(folder: Path, executables: list[Any], meta: Any) -> list[str]:
    """Each .exe: windowed or console as planned, with an icon and its version resource.
    Windows only (pefile and PyInstaller's version reader are Windows dependencies)."""
    import pefile
    from PyInstaller.utils.win32 import versioninfo

    problems = []
    for exe in executables:
        path = folder / f"{exe.name}.exe"
        pe = pefile.PE(str(path))
        subsystem = pe.OPTIONAL_HEADER.Subsystem
        directory = getattr(pe, "DIRECTORY_ENTRY_RESOURCE", None)  # absent: no resources
        resources = {entry.id for entry in directory.entries} if directory else set()
        pe.close()
        if subsystem != IMAGE_SUBSYSTEM[exe.console]:
            problems.append(f"{path.name}: subsystem {subsystem}, not console={exe.console}")
        if not {RT_GROUP_ICON, RT_VERSION} <= resources:
            problems.append(f"{path.name}: no icon or no version resource ({sorted(resources)})")
        info = versioninfo.read_version_info_from_executable(str(path))
        strings = {
            struct.name: struct.val
            for kid in (info.kids if info is not None else [])
            if isinstance(kid, versioninfo.StringFileInfo)
            for table in kid.kids
            for struct in table.kids
        }
        if strings.get("ProductVersion") != meta.version:
            problems.append(f"{path.name}: version resource says {strings!r}")
    return problems


# -- sizes ----------------------------------------------------------------------------------


def folder_size(folder: Path) -> int:
    """Bytes of the files in `folder`, each counted once (symlinks are not followed)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def report_size(folder: Path, top: int = 12) -> int:
    total = folder_size(folder)
    print(f"Bundle size: {_mb(total)} ({total / 2**20:.1f} MiB) in {folder}")
    parts: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            name = _part(path.relative_to(folder))
            parts[name] = parts.get(name, 0) + path.stat().st_size
    for name, size in sorted(parts.items(), key=lambda item: -item[1])[:top]:
        print(f"  {_mb(size):>9}  {name}")
    return total


def _part(relative: Path) -> str:
    """Group files by package or Qt folder, e.g. PySide6/Qt/plugins/platforms."""
    parts = relative.parts[1:] if relative.parts[:1] == ("_internal",) else relative.parts
    if parts[:3] == ("PySide6", "Qt", "plugins"):
        depth = 4
    elif parts[:2] == ("PySide6", "Qt"):
        depth = 3
    elif parts[:1] in (("PySide6",), ("python3.11",)):
        depth = 2
    else:
        depth = 1
    return "/".join(parts[:depth])


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    print("$ " + " ".join(command), flush=True)
    done = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build.py: command failed with exit {done.returncode}")


if __name__ == "__main__":
    if shutil.which("ldd") is None and sys.platform.startswith("linux"):
        print("build.py: warning: ldd not found; PyInstaller needs it", file=sys.stderr)
    raise SystemExit(main())
