"""`QT_TRANSLATE_NOOP`: marks a string for Qt's translation tools without translating it.

lupdate finds strings by this name in any module; the text is translated where it is
shown (`QCoreApplication.translate(context, text)` or `self.tr(text)` in that context).
PySide6 has its own, typed as returning `object`; this one is typed and needs no Qt, so
modules that must not import Qt (domain, services) can mark their words too.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
