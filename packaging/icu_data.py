"""A smaller ICU data library for the Linux bundle.

PySide6's Qt links ICU, whose data library (libicudata.so.NN) is 32 MB: a quarter of the
bundle. Qt calls only four parts of ICU (checked with `nm -D --undefined-only` on
libQt6Core): case mapping (data compiled into libicuuc), converters (ucnv_*: named legacy
encodings for QStringConverter), collation (ucol_*: QCollator, locale-aware sorting) and
calendars/time zones (ucal_*: QTimeZone display names). So the data keeps collation, time
zones and every locale's own bundle, and leaves out what no Qt call reaches: line-break
dictionaries, unit/currency/language/region display names, transliterators, number
spell-out rules, character names, StringPrep profiles, and the legacy converter tables (PlugDesk
reads and writes UTF-8 only; Python does all its file I/O).

How: the library holds one symbol, icudtNN_dat, an ICU "common data" package (a table of
named items). This module copies that table without the dropped items and assembles a new
library with the same soname and symbol (binutils `as` and `ld`, which PyInstaller's `strip`
already needs). Loaded by path, like bundle_rules.py.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

# Item folders of the ICU data that Qt never reads (see the module docstring).
DROPPED_FOLDERS: Final = frozenset({"brkitr", "unit", "curr", "lang", "region", "translit", "rbnf"})
# Top-level items by suffix: legacy converters (.cnv; the alias table cnvalias.icu stays so
# that asking for an unknown encoding fails cleanly) and StringPrep profiles (.spp).
DROPPED_SUFFIXES: Final = (".cnv", ".spp")
DROPPED_NAMES: Final = frozenset({"unames.icu"})  # Unicode character names

_ALIGN: Final = 16  # ICU aligns every item of a package on 16 bytes
_PAD: Final = b"\xaa"  # the filler ICU's own packager uses, so a full repack is identical


@dataclass(frozen=True)
class DataSymbol:
    name: str  # e.g. "icudt73_dat"
    offset: int  # in the file
    size: int


@dataclass(frozen=True)
class TrimResult:
    library: Path
    items_before: int
    items_after: int
    bytes_before: int
    bytes_after: int


def keep_item(name: str) -> bool:
    """Whether the package item `name` (e.g. "icudt73l/coll/de.res") stays."""
    relative = name.split("/", 1)[1] if "/" in name else name
    if "/" in relative:
        return relative.split("/", 1)[0] not in DROPPED_FOLDERS
    return relative not in DROPPED_NAMES and not relative.endswith(DROPPED_SUFFIXES)


def find_data_symbol(library: bytes) -> DataSymbol:
    """The icudtNN_dat symbol of an ELF64 little-endian ICU data library."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, shoff + index * shentsize)
        for index in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings_offset = sections[link][4]
        for start in range(offset, offset + size, entsize):
            name_at, _info_other, shndx, value, sym_size = struct.unpack_from(
                "<IHHQQ", library, start
            )
            end = library.index(b"\0", strings_offset + name_at)
            name = library[strings_offset + name_at : end].decode()
            if re.fullmatch(r"icudt\d+_dat", name):
                section = sections[shndx]
                return DataSymbol(name, value - section[3] + section[4], sym_size)
    raise ValueError("no icudtNN_dat symbol: not an ICU data library")


def read_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(item name, item bytes)]) of an ICU common data package ("CmnD")."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    if package[8] != 0:  # UDataInfo.isBigEndian
        raise ValueError("big-endian ICU data is not supported")
    toc = header_size
    (count,) = struct.unpack_from("<I", package, toc)
    entries = [struct.unpack_from("<II", package, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name_start = toc + name_offset
        name = package[name_start : package.index(b"\0", name_start)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(package) - toc
        items.append((name, package[toc + data_offset : toc + end]))
    return package[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package; `items` must stay sorted by name (ICU bisects them)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    data_start = _aligned(table_size + len(names))
    entries, blobs = [], []
    name_offset, data_offset = table_size, data_start
    for name, data in items:
        entries.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(name) + 1
        padded = data + _PAD * (_aligned(len(data)) - len(data))
        blobs.append(padded)
        data_offset += len(padded)
    table = struct.pack("<I", len(items)) + b"".join(entries) + names
    table += _PAD * (data_start - len(table))
    return header + table + b"".join(blobs)


def trim(source: Path, out_dir: Path) -> TrimResult:
    """Write a trimmed copy of the ICU data library `source` into `out_dir`."""
    library = source.read_bytes()
    symbol = find_data_symbol(library)
    package = library[symbol.offset : symbol.offset + symbol.size]
    header, items = read_items(package)
    kept = [(name, data) for name, data in items if keep_item(name)]
    trimmed = write_package(header, kept)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / source.name
    assemble_library(trimmed, symbol.name, soname=source.name, target=target)
    return TrimResult(target, len(items), len(kept), len(package), len(trimmed))


def assemble_library(data: bytes, symbol: str, soname: str, target: Path) -> None:
    """A shared library whose only export, `symbol`, is `data` (read-only)."""
    tools = {tool: shutil.which(tool) for tool in ("as", "ld")}
    missing = [tool for tool, path in tools.items() if path is None]
    if missing:
        raise RuntimeError(f"binutils missing ({', '.join(missing)}): cannot rebuild ICU data")
    with tempfile.TemporaryDirectory(prefix="plugdesk-icu-") as temp:
        folder = Path(temp)
        (folder / "data.bin").write_bytes(data)
        (folder / "data.s").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"\t.balign {_ALIGN}\n"
            f"{symbol}:\n"
            '\t.incbin "data.bin"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        _tool([str(tools["as"]), "-o", "data.o", "data.s"], folder)
        _tool([str(tools["ld"]), "-shared", "-soname", soname, "-o", "lib.so", "data.o"], folder)
        shutil.copyfile(folder / "lib.so", target)


def _tool(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {done.stderr.strip()}")


def _aligned(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN
