"""A tab whose contents are built the first time it is shown.

The window's side panes (events, public charging) are seldom the first thing a user looks
at, and building them (with their imports) costs start-up time before the fleet is shown.
`add_lazy_pane` adds the tab at once, so the tab bar and indexes are as before, and calls
the factory when the tab first becomes current, or when code asks for the contents.

Uses the tab widget's `currentChanged` signal, not a `showEvent` override: on PySide6 6.12 /
Python 3.11 every Python override of a virtual loses a reference to its return value.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from plugdesk.ui.main_window import MainWindow


class LazyPane(QWidget):
    """The tab's page: empty until `contents()` builds the real pane inside it."""

    built = Signal(QWidget)  # the real pane, once, when it has been built

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory: Callable[[], QWidget] | None = factory
        self._contents: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._contents is not None

    def contents(self) -> QWidget:
        """The real pane, built now if it was not yet."""
        if self._contents is None:
            factory, self._factory = self._factory, None
            assert factory is not None
            self._contents = factory()
            # In a scroll area: a tall pane (the public charging forms) scrolls on a small
            # screen instead of forcing the whole window taller than the screen.
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self._contents)
            self._layout.addWidget(scroll)
            self.built.emit(self._contents)
        return self._contents


def add_lazy_pane(
    window: MainWindow, title: str, factory: Callable[[], QWidget]
) -> tuple[LazyPane, int]:
    """Add a tab titled `title` whose pane `factory` builds when first needed; returns the
    page and its tab index."""
    page = LazyPane(factory)
    index = window.add_pane(title, page)

    def build_when_shown(current: int) -> None:
        if current == index:
            page.contents()
            window.pane_changed.disconnect(build_when_shown)

    window.pane_changed.connect(build_when_shown)
    return page, index
