"""Counts that tick without moving the window.

A chip that goes from "Fault 9" to "Fault 10", or a label from "4,800 chargers" to "5,000
chargers", asks its layout for a new size; the request climbs to the main window, which
lays out and repaints the whole central area (10 to 14 ms each time, dozens of times while
a large fleet loads). A widget whose minimum and maximum sizes are equal does not pass the
request on, so these widgets are held at the size of their text's shape (its words, with
every digit as 0): the size changes only when the words or the number of digits do.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel

_DIGIT = re.compile(r"\d")
_SHAPE = "steadyTextShape"  # dynamic property: the shape the widget's size was fitted to


def set_steady_text(widget: QLabel | QAbstractButton, text: str) -> None:
    """Show `text`; refit the widget's fixed size only when the text's shape changes."""
    if widget.text() == text:
        return
    shape = _DIGIT.sub("0", text)
    if widget.property(_SHAPE) != shape:
        widget.setProperty(_SHAPE, shape)
        widget.setMinimumSize(0, 0)
        widget.setMaximumSize(16777215, 16777215)  # QWIDGETSIZE_MAX: measure it free
        widget.setText(shape)
        size = widget.sizeHint()
        widget.setText(text)  # digits of a proportional font may be wider than 0
        widget.setFixedSize(size.expandedTo(widget.sizeHint()))
    widget.setText(text)
