"""The one base class for failures the user can act on.

`DomainError` and its subclasses carry a message written for the user (what went wrong and,
where it helps, what to do). Anything else that escapes is a bug: the CLI reports it as one
("unexpected error", exit 70, with the log file), never as a usage error, and the window
shows it in the error dialog. Errors from the API client (`plugdesk.api.errors`) are the
other expected family; `api/` sits below `domain/`, so they have their own base class.
"""

from __future__ import annotations

from plugdesk.marks import Message  # defined below api/ and domain/, so both can say one

__all__ = ["DomainError", "Message", "WordedError"]


class DomainError(Exception):
    """A failure with a message meant for the user."""


class WordedError(DomainError):
    """A DomainError whose message may be a `Message`, so the window can say it in its
    language while `str(error)` stays English."""

    def __init__(self, message: str | Message) -> None:
        super().__init__(str(message))
        self.message: Message | None = message if isinstance(message, Message) else None
