"""packaging/icu_data.py: the trimmed ICU data library, checked with Qt itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import PySide6

from .loader import load

icu_data = load("icu_data")
QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
ICU_LIBRARY = next(QT_LIB.glob("libicudata.so.*"))

# Run by a Python whose Qt picks up the trimmed library first (LD_LIBRARY_PATH beats
# the RUNPATH of Qt's ICU libraries), and prints what Qt can still do.
PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
swedish = QCollator(QLocale("sv_SE"))
print("sorting", swedish.compare("z", "\\u00e5") < 0)
zone = QTimeZone(b"Europe/Amsterdam")
print("zone", zone.displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale("nl_NL")))
print("shift_jis", QStringDecoder("Shift_JIS").isValid())
print("upper", QLocale("tr_TR").toUpper("i"))
"""


def _probe(library_dir: Path | None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if library_dir is not None:
        env["LD_LIBRARY_PATH"] = str(library_dir)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return dict(line.split(" ", 1) for line in result.stdout.splitlines())


def test_repacking_every_item_gives_back_the_original() -> None:
    library = ICU_LIBRARY.read_bytes()
    symbol = icu_data.find_data_symbol(library)
    package = library[symbol.offset : symbol.offset + symbol.size]
    header, items = icu_data.read_items(package)
    assert len(items) > 1000
    assert icu_data.write_package(header, items) == package


def test_keeps_collation_zones_and_locales_drops_the_rest() -> None:
    assert icu_data.keep_item("icudt73l/coll/sv.res")
    assert icu_data.keep_item("icudt73l/zone/nl.res")
    assert icu_data.keep_item("icudt73l/de.res")
    assert icu_data.keep_item("icudt73l/cnvalias.icu")
    assert icu_data.keep_item("icudt73l/zoneinfo64.res")
    for dropped in (
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/curr/de.res",
        "icudt73l/translit/root.res",
        "icudt73l/ibm-943_P15A-2003.cnv",
        "icudt73l/rfc3491.spp",
        "icudt73l/unames.icu",
    ):
        assert not icu_data.keep_item(dropped), dropped


def test_qt_still_sorts_names_zones_and_cases_with_the_trimmed_data(tmp_path: Path) -> None:
    result = icu_data.trim(ICU_LIBRARY, tmp_path)
    assert result.library == tmp_path / ICU_LIBRARY.name
    assert result.bytes_after < 0.45 * result.bytes_before
    original, trimmed = _probe(None), _probe(tmp_path)
    # The legacy converter is gone: proof that Qt really loaded the trimmed library.
    assert (original["shift_jis"], trimmed["shift_jis"]) == ("True", "False")
    for key in ("sorting", "zone", "upper"):
        assert trimmed[key] == original[key], key
    assert trimmed["sorting"] == "True"
    assert trimmed["zone"] == "Midden-Europese standaardtijd"
    assert trimmed["upper"] == "\u0130"  # Turkish dotted capital I
