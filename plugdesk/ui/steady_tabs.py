"""A tab widget that does not repaint its pages when nothing about its own layout moved.

QTabWidget answers every layout request from inside a page (a label in the charger list
that grows by a digit, a chip that appears) by placing its tab bar and pages again and
repainting all of itself: the whole window, 7 to 14 ms, dozens of times while a large fleet
loads. The request changes nothing the tab widget lays out when its own size, its minimum
size (which carries a page's new minimum up to the window) and its tabs are unchanged; then
it stops here. (Its preferred size only sizes a window not yet shown.) Anything else goes to
QTabWidget as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QWidget


class SteadyTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out_for: tuple[object, ...] | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            shape = self._layout_shape()
            if shape == self._laid_out_for:
                return True
            self._laid_out_for = shape
        return super().event(event)

    def _layout_shape(self) -> tuple[object, ...]:
        bar = self.tabBar()
        return (
            self.size(),
            self.minimumSizeHint(),
            bar.sizeHint(),
            bar.isVisibleTo(self),
            self.count(),
            self.currentIndex(),
            self.tabPosition(),
            self.documentMode(),
        )
