"""PlugDesk's translations, with Qt's own tools: extract, list what is missing, fill, build.

    python packaging/translations.py update     # lupdate: plugdesk/ -> resources/translations
    python packaging/translations.py missing    # untranslated strings per language (1 if any)
    python packaging/translations.py missing --json nl > nl.json   # a template to fill in
    python packaging/translations.py fill nl nl.json   # put the filled translations in the .ts
    python packaging/translations.py build      # lrelease: *.ts -> *.qm (committed, shipped)
    python packaging/translations.py pseudo DIR # a marked test language, plugdesk_xx.qm

A new string, start to end: wrap it in `self.tr(...)` (or `QCoreApplication.translate`),
then `update`, `missing --json LANG > LANG.json` for nl, de and fr, write each translation
in place of the empty "translation" (a list of forms for a "%n" plural: one, other),
`fill LANG LANG.json`, `build`, and commit the .ts and .qm files. tests/ui/test_i18n.py
fails until every language is complete and the .qm files match the .ts.

The fill file is a JSON list of {"context", "source", "translation"} objects (the same
shape `missing --json` writes); `"context": "*"` fills that source in every context.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "plugdesk"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("nl", "de", "fr")
# English: only the plural forms ("%n charger(s)" -> "1 charger" / "2 chargers").
ENGLISH = "en"
CATALOGS = (ENGLISH, *LANGUAGES)
# Qt's language codes for the .ts header (plural rules come from these).
TS_LANGUAGE = {"en": "en_US", "nl": "nl_NL", "de": "de_DE", "fr": "fr_FR", "xx": "en_US"}
# Folders whose code never shows text in the window (the CLI stays English). api/ is
# read: its URL checks mark their problems (QT_TRANSLATE_NOOP) for the settings and
# sign-in dialogs.
SKIP = ("simulator", "cli")
PSEUDO = "xx"
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


def tool(name: str) -> str:
    """A Qt tool from PySide6: next to this Python first (the venv), then on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (it ships Qt's tools)")
    return found


def source_files() -> list[str]:
    return [
        str(path.relative_to(ROOT))
        for path in sorted(SOURCES.rglob("*.py"))
        if path.relative_to(SOURCES).parts[0] not in SKIP
    ]


def ts_file(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"plugdesk_{language}.ts"


def update(languages: tuple[str, ...] = CATALOGS) -> None:
    """Extract every tr()/translate() string into the .ts files (new ones unfinished,
    vanished ones dropped)."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in languages:
        target = ts_file(language)
        if not target.exists():
            target.write_text(_empty_ts(language), encoding="utf-8")
        only = ["-pluralonly"] if language == ENGLISH else []
        subprocess.run(
            [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *only,
             *source_files(), "-ts", str(target.relative_to(ROOT))],
            cwd=ROOT, check=True,
        )
        _set_language(target, language)


def _empty_ts(language: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        f'<TS version="2.1" language="{TS_LANGUAGE[language]}" sourcelanguage="en_US">\n</TS>\n'
    )


def _set_language(path: Path, language: str) -> None:
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", TS_LANGUAGE[language])
    root.set("sourcelanguage", "en_US")
    _write(tree, path)


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def missing(language: str, folder: Path = FOLDER) -> list[dict[str, object]]:
    """The strings `language` lacks, as fill-file entries with an empty translation."""
    entries: list[dict[str, object]] = []
    for context, message in _messages(ts_file(language, folder)):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("obsolete", "vanished"):
            continue
        plural = message.get("numerus") == "yes"
        forms = [form.text or "" for form in translation.iter("numerusform")]
        done = all(forms) and bool(forms) if plural else bool(translation.text)
        if done and translation.get("type") != "unfinished":
            continue
        entry: dict[str, object] = {
            "context": context,
            "source": message.findtext("source") or "",
            "translation": ["", ""] if plural else "",
        }
        if message.findtext("comment"):
            entry["comment"] = message.findtext("comment")
        entries.append(entry)
    return entries


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def fill(language: str, entries: list[dict[str, object]], folder: Path = FOLDER) -> int:
    """Write translations into the .ts file; returns how many messages were filled."""
    exact = {(str(e["context"]), str(e["source"])): e["translation"] for e in entries}
    anywhere = {str(e["source"]): e["translation"] for e in entries if e["context"] == "*"}
    path = ts_file(language, folder)
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            wanted = exact.get((name, source), anywhere.get(source))
            if not wanted:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            _set_translation(translation, wanted, plural=message.get("numerus") == "yes")
            filled += 1
    _write(tree, path)
    return filled


def _set_translation(element: ET.Element, wanted: object, *, plural: bool) -> None:
    for child in list(element):
        element.remove(child)
    element.attrib.pop("type", None)
    if plural:
        forms = wanted if isinstance(wanted, list) else [wanted, wanted]
        element.text = None
        for form in forms:
            ET.SubElement(element, "numerusform").text = str(form)
    else:
        element.text = wanted[-1] if isinstance(wanted, list) else str(wanted)


def build(folder: Path = FOLDER, languages: tuple[str, ...] = CATALOGS) -> list[Path]:
    """Compile each .ts into its .qm beside it."""
    built = []
    for language in languages:
        source = ts_file(language, folder)
        target = source.with_suffix(".qm")
        subprocess.run(
            [tool("lrelease"), "-silent", str(source), "-qm", str(target)],
            check=True,
        )
        built.append(target)
    return built


def pseudo(out: Path, source_language: str = "nl") -> Path:
    """A test language where every translation is its source in ⟦ ⟧: run the window in it
    and any text shown without the marks did not go through Qt's translation."""
    out.mkdir(parents=True, exist_ok=True)
    tree = ET.parse(ts_file(source_language))
    tree.getroot().set("language", TS_LANGUAGE[PSEUDO])
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        marked = f"{PSEUDO_OPEN}{source}{PSEUDO_CLOSE}"
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        plural = message.get("numerus") == "yes"
        _set_translation(translation, [marked, marked], plural=plural)  # en_US: two forms
    ts = out / f"plugdesk_{PSEUDO}.ts"
    _write(tree, ts)
    return build(out, (PSEUDO,))[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract strings into the .ts files (lupdate)")
    show = commands.add_parser("missing", help="list untranslated strings")
    show.add_argument("--json", metavar="LANG", help="print a fill template for LANG")
    put = commands.add_parser("fill", help="put translations from a JSON file in a .ts")
    put.add_argument("language", choices=CATALOGS)
    put.add_argument("file", type=Path)
    commands.add_parser("build", help="compile the .qm files (lrelease)")
    fake = commands.add_parser("pseudo", help="build the marked test language into DIR")
    fake.add_argument("dir", type=Path)
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "missing":
        if args.json:
            json.dump(missing(args.json), sys.stdout, ensure_ascii=False, indent=1)
            print()
            return 0
        gaps = 0
        for language in CATALOGS:
            entries = missing(language)
            total = len(_messages(ts_file(language)))
            print(f"{language}: {total - len(entries)} of {total} translated")
            for entry in entries:
                print(f"  [{entry['context']}] {entry['source']}")
            gaps += len(entries)
        return 1 if gaps else 0
    elif args.command == "fill":
        entries = json.loads(args.file.read_text(encoding="utf-8"))
        print(f"{args.language}: {fill(args.language, entries)} messages filled")
    elif args.command == "build":
        for path in build():
            print(path.relative_to(ROOT))
    elif args.command == "pseudo":
        print(pseudo(args.dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
