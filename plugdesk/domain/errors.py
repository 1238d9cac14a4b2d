"""The one base class for failures the user can act on.

`DomainError` and its subclasses carry a message written for the user (what went wrong and,
where it helps, what to do). Anything else that escapes is a bug: the CLI reports it as one
("unexpected error", exit 70, with the log file), never as a usage error, and the window
shows it in the error dialog. Errors from the API client (`plugdesk.api.errors`) are the
other expected family; `api/` sits below `domain/`, so they have their own base class.
"""

from __future__ import annotations


class DomainError(Exception):
    """A failure with a message meant for the user."""
