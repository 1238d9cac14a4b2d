"""The non-modal dialog for unexpected errors: says what happened, where the log is, and
keeps working. A burst of errors reuses one dialog and counts them instead of stacking
windows. Texts arrive already redacted by `ErrorReporter`.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class ErrorDialog(QDialog):
    def __init__(self, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")  # Qt adds " — PlugDesk"
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(560, 320)
        self.count = 0
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                       .pixmap(32, 32))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = f"The details are also in the log file:\n{log_file}" if log_file else ""
        self.hint = QLabel(
            "PlugDesk kept running; you can carry on. If this keeps happening, please "
            f"report it with the details below.\n{where}".strip()
        )
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def add_error(self, summary: str, details: str) -> None:
        """Show (or update) the dialog without blocking anything."""
        self.count = self.count + 1 if self.isVisible() else 1
        more = f" ({self.count} errors since this window opened)" if self.count > 1 else ""
        self.summary.setText(
            f"<b>An unexpected error occurred{more}.</b><br>{html.escape(summary)}"
        )
        self.details.setPlainText(details)
        self.show()
        self.raise_()

