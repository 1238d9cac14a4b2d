"""The window's language: which one, loading its translations, and how complete it is.

PlugDesk speaks English (the source strings), Dutch, German and French. The language
follows the system (QLocale's UI languages, in the user's order of preference) unless the
`language` setting names one; a change applies at the next start.

Translations are Qt's own: `resources/translations/plugdesk_<lang>.ts` (the sources, edited
by translators and `packaging/translations.py`) and the `.qm` files built from them, which
ship in the wheel and the bundle. Qt's own strings (the buttons of standard dialogs, the
context menu of a line edit) come from the `qtbase_<lang>.qm` that PySide6 ships.

A missing file is not an error: the window then shows English (logged at info level, so a
test or an install without translations stays quiet).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from plugdesk.ui.icons import resource_dirs

log = logging.getLogger(__name__)

SOURCE_LANGUAGE: Final = "en"
LANGUAGES: Final = ("en", "nl", "de", "fr")  # English first: the source strings
TRANSLATED: Final = LANGUAGES[1:]
# Shown in the settings dialog in their own language, so a user lost in a foreign UI can
# still find theirs.
LANGUAGE_NAMES: Final = {"en": "English", "nl": "Nederlands", "de": "Deutsch", "fr": "Français"}
SYSTEM: Final = "system"
TRANSLATIONS_DIR: Final = "translations"
APP_CATALOG: Final = "plugdesk"
QT_CATALOG: Final = "qtbase"

# The installed translators: QCoreApplication keeps only a pointer, so they must stay alive.
_installed: list[QTranslator] = []
_current: list[str] = [SOURCE_LANGUAGE]  # the language last installed


def current_language() -> str:
    return _current[0]


def choose_language(setting: str = SYSTEM, locale: QLocale | None = None) -> str:
    """The language to show: the setting when it names a known one, else the first of the
    system's preferred UI languages PlugDesk speaks, else English.

    Where the system's languages come from differs by OS (Qt reads them): Linux and other
    Unix, the LANGUAGE list, then LC_ALL, LC_MESSAGES, LANG (tested here, with LANG);
    Windows, the user's display-language list; macOS, System Settings' preferred
    languages."""
    if setting in LANGUAGES:
        return setting
    locale = locale if locale is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def translations_dir() -> Path | None:
    """The folder with the .ts/.qm files (source checkout, wheel or bundle), or None."""
    for folder in resource_dirs():
        candidate = folder / TRANSLATIONS_DIR
        if candidate.is_dir():
            return candidate
    return None


def install_translators(language: str, folder: Path | None = None) -> list[str]:
    """Load PlugDesk's and Qt's translations for `language` into the application, replacing
    any loaded before. Returns the catalogs loaded."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translators needs a QCoreApplication")
    remove_translators()
    _current[0] = language
    loaded: list[str] = []
    app_dir = folder or translations_dir()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # English has a catalog too, holding only the plural forms ("1 charger", "2 chargers"
    # from the one source "%n chargers"); Qt's own strings are English already.
    catalogs: list[tuple[str, Path | str | None]] = [(APP_CATALOG, app_dir)]
    if language != SOURCE_LANGUAGE:
        catalogs.append((QT_CATALOG, qt_dir))
    for catalog, where in catalogs:
        translator = QTranslator(app)
        translator.setObjectName(catalog)
        path = Path(where) / f"{catalog}_{language}.qm" if where else None
        if path is None or not path.is_file() or not translator.load(str(path)):
            log.info("no %s translations for %r (looked for %s)", catalog, language, path)
            continue
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(catalog)
    return loaded


def remove_translators() -> None:
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)


def apply_language(setting: str = SYSTEM) -> str:
    """Choose the language (see `choose_language`), load its translations and make it the
    locale of formats too when the user picked it (a system language keeps the system's
    formats, e.g. English words with Dutch dates for an English UI on a Dutch system)."""
    language = choose_language(setting)
    install_translators(language)
    if setting in LANGUAGES:
        QLocale.setDefault(QLocale(language))
    return language


@dataclass(frozen=True)
class Completeness:
    language: str
    translated: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.translated == self.total

    def line(self) -> str:
        if self.language == SOURCE_LANGUAGE:
            return f"{self.language}: source language ({self.total} strings)"
        return f"{self.language}: {self.translated} of {self.total} strings translated"


def ts_path(language: str, folder: Path | None = None) -> Path | None:
    folder = folder or translations_dir()
    return folder / f"{APP_CATALOG}_{language}.ts" if folder else None


def completeness(language: str, folder: Path | None = None) -> Completeness:
    """How many of the source strings `language` translates, counted from its .ts file and
    checked against the loaded .qm: a string counts only if the running translator returns
    a translation for it (so a stale or missing .qm shows up here)."""
    source = ts_path(language if language != SOURCE_LANGUAGE else TRANSLATED[0], folder)
    if source is None or not source.is_file():
        return Completeness(language, 0, 0)
    messages = read_ts(source)
    if language == SOURCE_LANGUAGE:
        return Completeness(language, len(messages), len(messages))
    translated = sum(1 for message in messages if _translates(message))
    return Completeness(language, translated, len(messages))


@dataclass(frozen=True)
class TsMessage:
    context: str
    source: str
    comment: str | None
    plural: bool
    finished: bool  # translated and not marked unfinished (every plural form filled)


def read_ts(path: Path) -> list[TsMessage]:
    """Every current message of a .ts file (obsolete and vanished ones left out)."""
    import xml.etree.ElementTree as ET  # lazy: the checks need it, start-up does not

    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            plural = message.get("numerus") == "yes"
            if translation is None:
                filled = False
            elif plural:
                forms = [form.text or "" for form in translation.iter("numerusform")]
                filled = bool(forms) and all(forms)
            else:
                filled = bool(translation.text)
            messages.append(TsMessage(
                context=name,
                source=message.findtext("source") or "",
                comment=message.findtext("comment"),
                plural=plural,
                finished=filled and kind != "unfinished",
            ))
    return messages


def _translates(message: TsMessage) -> bool:
    """Finished in the .ts and found in the loaded PlugDesk catalog."""
    app_translator = next((t for t in _installed if t.objectName() == APP_CATALOG), None)
    if app_translator is None or not message.finished:
        return False
    n = 1 if message.plural else -1
    return bool(app_translator.translate(message.context, message.source, message.comment, n))
