"""The translations (issue 18): complete in every language, in step with the code, built
into the .qm files that ship, and chosen from the system or the setting.

When one of these fails after adding a string: `python packaging/translations.py update`,
then `missing --json LANG`, `fill LANG FILE`, `build` (see packaging/translations.py).
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from plugdesk.domain.settings import Settings, read_language, save_settings
from plugdesk.ui import i18n
from tests.packaging.loader import RESOURCES, load

FOLDER = RESOURCES / "translations"
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%v|%m")
FORMS = {"nl": 2, "de": 2, "fr": 2, "en": 2}  # Qt's plural forms per language


def _messages(language: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(FOLDER / f"plugdesk_{language}.ts").getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


@pytest.mark.parametrize("language", i18n.TRANSLATED)
def test_every_string_is_translated(language: str) -> None:
    gaps = []
    for context, message in _messages(language):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None, (context, source)
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            gaps.append(f"[{context}] {source!r}: {translation.get('type')}")
            continue
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if len(forms) != FORMS[language] or not all(forms):
                gaps.append(f"[{context}] {source!r}: plural forms {forms}")
            texts = forms
        else:
            texts = [translation.text or ""]
            if not texts[0]:
                gaps.append(f"[{context}] {source!r}: empty")
        # The placeholders filled in by the code must all be there, spelt alike.
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in texts:
            if text and sorted(set(PLACEHOLDER.findall(text))) != wanted:
                gaps.append(f"[{context}] {source!r}: placeholders in {text!r}")
    assert len(_messages(language)) > 400
    assert not gaps, "\n".join(gaps)


def test_the_english_catalog_holds_the_singular_of_every_plural() -> None:
    plurals = {
        (context, message.findtext("source"))
        for context, message in _messages("nl")
        if message.get("numerus") == "yes"
    }
    english = {(context, message.findtext("source")): message for context, message in
               _messages("en")}  # fmt: skip
    assert set(english) == plurals
    for message in english.values():
        one, other = (form.text for form in message.iter("numerusform"))
        assert one != other and other == message.findtext("source")


def test_the_ts_files_hold_exactly_the_strings_in_the_code(tmp_path: Path) -> None:
    """A string added (or changed) in the code without `translations.py update` fails."""
    tool = load("translations")
    copy = tmp_path / "plugdesk_nl.ts"
    shutil.copy(FOLDER / "plugdesk_nl.ts", copy)
    subprocess.run(
        [tool.tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         *tool.source_files(), "-ts", str(copy)],
        cwd=tool.ROOT, check=True, timeout=120,
    )  # fmt: skip

    def keys(path: Path) -> set[tuple[str, str | None]]:
        root = ET.parse(path).getroot()
        return {
            (context.findtext("name") or "", message.findtext("source"))
            for context in root.iter("context")
            for message in context.iter("message")
            if (message.find("translation") is None
                or message.find("translation").get("type") != "vanished")  # type: ignore[union-attr]
        }  # fmt: skip

    assert keys(copy) == keys(FOLDER / "plugdesk_nl.ts")


def test_the_shipped_qm_files_are_built_from_the_ts(tmp_path: Path) -> None:
    tool = load("translations")
    for language in tool.CATALOGS:
        shutil.copy(FOLDER / f"plugdesk_{language}.ts", tmp_path)
    for built in tool.build(tmp_path):
        assert built.read_bytes() == (FOLDER / built.name).read_bytes(), built.name


@pytest.mark.parametrize(
    ("locale", "setting", "shown"),
    [
        ("nl_NL", "system", "nl"),
        ("nl_BE", "system", "nl"),  # Flanders
        ("de_AT", "system", "de"),
        ("fr_BE", "system", "fr"),  # Wallonia
        ("ja_JP", "system", "en"),  # a language PlugDesk does not speak: English
        ("nl_NL", "de", "de"),  # the setting wins
        ("fr_FR", "en", "en"),
    ],
)
def test_the_language_follows_the_system_unless_set(locale: str, setting: str, shown: str) -> None:
    assert i18n.choose_language(setting, QLocale(locale)) == shown


@pytest.mark.parametrize("language", i18n.TRANSLATED)
def test_each_language_loads_and_counts_complete(qapp: QApplication, language: str) -> None:
    try:
        assert i18n.install_translators(language) == ["plugdesk", "qtbase"]
        done = i18n.completeness(language)
        assert done.complete and done.total > 400, done
        assert done.line() == f"{language}: {done.total} of {done.total} strings translated"
        # Qt's own words come from its catalog: the standard Cancel button.
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        assert cancel != "Cancel"
        assert QCoreApplication.translate("Health", "Fault") != "Fault"
    finally:
        i18n.install_translators("en")


def test_a_missing_catalog_is_english_without_a_warning(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="plugdesk"):
        try:
            assert i18n.install_translators("nl", tmp_path) == ["qtbase"]
            assert QCoreApplication.translate("Health", "Fault") == "Fault"
            assert i18n.completeness("nl", tmp_path).total == 0
        finally:
            i18n.install_translators("en")
    assert [r.levelno for r in caplog.records] == [logging.INFO]  # said, not warned


def test_the_language_setting_is_read_before_the_window(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert read_language(path) == "system"  # no file yet
    save_settings(Settings(language="fr"), path)
    assert read_language(path) == "fr"
    path.write_text('{"language": "tlh"}', encoding="utf-8")
    assert read_language(path) == "system"  # unknown: the system's, never an error
    path.write_text("not json", encoding="utf-8")
    assert read_language(path) == "system"
    assert path.read_text(encoding="utf-8") == "not json"  # left for load_settings
