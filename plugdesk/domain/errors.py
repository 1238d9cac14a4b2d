"""The one base class for failures the user can act on.

`DomainError` and its subclasses carry a message written for the user (what went wrong and,
where it helps, what to do). Anything else that escapes is a bug: the CLI reports it as one
("unexpected error", exit 70, with the log file), never as a usage error, and the window
shows it in the error dialog. Errors from the API client (`plugdesk.api.errors`) are the
other expected family; `api/` sits below `domain/`, so they have their own base class.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


class DomainError(Exception):
    """A failure with a message meant for the user."""


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


class WordedError(DomainError):
    """A DomainError whose message may be a `Message`, so the window can say it in its
    language while `str(error)` stays English."""

    def __init__(self, message: str | Message) -> None:
        super().__init__(str(message))
        self.message: Message | None = message if isinstance(message, Message) else None
