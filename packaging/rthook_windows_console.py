"""PyInstaller runtime hook (Windows bundle only): a command run with the windowed
plugdesk.exe from a console (`plugdesk.exe status`, `--version`, `--self-test`) prints there.

Windows starts a windowed (GUI-subsystem) program with no console and no standard streams:
Python sets sys.stdout and sys.stderr to None, so whatever a command prints is lost, and a
`sys.stdout.write` raises. For a command, this hook attaches to the console of the process
that started plugdesk.exe (cmd, PowerShell, Windows Terminal) and opens the missing streams
on it. The window (no arguments, or only --demo and --api-url) attaches to nothing, so
starting it from a console prints nothing there. Streams that exist, because the caller
redirected or piped them (`plugdesk.exe status > fleet.txt`), are kept as they are. With no
console to attach to (started from Explorer or a shortcut), a missing stream becomes
os.devnull, so a print never raises.

What a windowed program cannot do, whatever this hook does, and why plugdesk-cli.exe (the
console build of the same program, in the same folder) is the one for scripts: the shell
does not wait for it, so its output lands after the next prompt and %ERRORLEVEL% /
$LASTEXITCODE is not its exit code; and the console's keyboard input stays with the shell
(`plugdesk.exe login --token-stdin` reads nothing unless the token is piped in).

Standalone (it runs before the app's own imports); the spec adds it only for Windows, and it
does nothing anywhere else. tests/packaging/test_windows_console.py runs its logic here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

GUI_FLAGS = frozenset({"--demo"})
GUI_OPTIONS = frozenset({"--api-url"})  # options of the window that take a value
ATTACH_PARENT_PROCESS = 0xFFFFFFFF  # (DWORD)-1: the console of the process that started us


def wants_console(args: Sequence[str]) -> bool:
    """True when `args` (sys.argv[1:]) ask for a command, help or a report rather than
    only the window."""
    value_next = False
    for arg in args:
        if value_next:
            value_next = False
        elif arg in GUI_OPTIONS:
            value_next = True
        elif arg in GUI_FLAGS or arg.split("=", 1)[0] in GUI_OPTIONS:
            continue
        else:
            return True
    return False


def attach_parent_console() -> bool:
    """Join the console of the parent process (Windows only); False if it has none."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    return bool(kernel32.AttachConsole(ATTACH_PARENT_PROCESS))


def open_missing_streams(attach: Callable[[], bool], console_out: str = "CONOUT$") -> list[str]:
    """Give sys.stdout, sys.stderr and sys.stdin a file where they are None: the console
    `attach()` joins (output only: its input belongs to the shell), else os.devnull.
    `attach` is called only if an output stream is missing. Returns the names of the
    streams opened on the console."""
    missing = [name for name in ("stdout", "stderr") if getattr(sys, name) is None]
    on_console = bool(missing) and attach()
    # One file for both, as on a console: lines keep their order. CONOUT$ opens as a
    # console file (WriteConsoleW), so any text shows whatever the console's code page;
    # line buffered, so a line shows as soon as it is printed.
    target = console_out if on_console else os.devnull
    # The streams stay open for the life of the process, like the ones Python opens.
    if missing:
        shared = open(target, "w", encoding="utf-8", errors="replace", buffering=1)  # noqa: SIM115
        for name in missing:
            setattr(sys, name, shared)
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115
    return missing if on_console else []


def main() -> None:
    if sys.platform != "win32":
        return
    if wants_console(sys.argv[1:]):
        open_missing_streams(attach_parent_console)
    else:
        open_missing_streams(lambda: False)


main()
