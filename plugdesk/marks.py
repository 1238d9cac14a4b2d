"""`QT_TRANSLATE_NOOP`: marks a string for Qt's translation tools without translating it.

lupdate finds strings by this name in any module; the text is translated where it is
shown (`QCoreApplication.translate(context, text)` or `self.tr(text)` in that context).
PySide6 has its own, typed as returning `object`; this one is typed and needs no Qt, so
modules that must not import Qt (api, domain, services) can mark their words too.

`Message` is such a marked sentence with its values; it lives here, below `api/` and
`domain/`, so the client's URL checks can say their problem the same way the domain does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """A sentence for the user as facts: an English template (marked for Qt's tools with
    QT_TRANSLATE_NOOP in `context`) and the values that fill it. `str()` is the English
    sentence (the command line, logs); the window translates the template first
    (`plugdesk.services.wording.translated`). A value may be a Message itself."""

    context: str
    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format_map({k: str(v) for k, v in self.values.items()})
