"""The confirmation every action goes through: names the charger and the effect.

Opened window-modal with `open()` (no nested event loop: the qasync loop keeps running),
and the answer arrives through a callback. Only one answer is ever delivered, so a
double click on "Yes" cannot send twice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class ConfirmDialog(QMessageBox):
    def __init__(
        self,
        title: str,
        text: str,
        yes_text: str,
        on_answer: Callable[[bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(title)
        self.setText(text)
        self.yes_button: QPushButton = self.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)  # Enter alone must not restart a charger
        self._on_answer: Callable[[bool], None] | None = on_answer
        self.finished.connect(self._answered)

    def _answered(self, _result: int) -> None:
        answer, self._on_answer = self._on_answer, None
        if answer is not None:
            answer(self.clickedButton() is self.yes_button)
