"""The window's words for a domain `Message`: its template through Qt's translations.

The domain (no Qt) says what went wrong as a `Message` (a template marked with
QT_TRANSLATE_NOOP, and its values); `str(message)` is the English the command line and
the logs keep. Here, for the window, the template is translated in its context and filled
with the values, which are translated too when they are Messages themselves ("Could not
{action}: …" with "save to the event history"). Numbers, paths and the charger's or the
system's own words stay as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from plugdesk.domain.errors import Message


def translated(said: object) -> str:
    """A Message in the window's language; an error carrying one (`.message`) likewise;
    anything else as `str()`."""
    message = said if isinstance(said, Message) else getattr(said, "message", None)
    if not isinstance(message, Message):
        return str(said)
    template = QCoreApplication.translate(message.context, message.template)
    values = {name: translated(value) for name, value in message.values.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(message)
