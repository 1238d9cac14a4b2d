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
        self.setWindowTitle(self.tr("Something went wrong"))  # Qt adds " — PlugDesk"
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
        hint = self.tr(
            "PlugDesk kept running; you can carry on. If this keeps happening, please "
            "report it with the details below."
        )
        if log_file:
            where = self.tr("The details are also in the log file:")
            hint = f"{hint}\n{where}\n{log_file}"
        self.hint = QLabel(hint)
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
        headline = (
            self.tr("An unexpected error occurred (%n errors since this window opened).", "",
                    self.count)
            if self.count > 1
            else self.tr("An unexpected error occurred.")
        )
        self.summary.setText(f"<b>{html.escape(headline)}</b><br>{html.escape(summary)}")
        self.details.setPlainText(details)
        self.show()
        self.raise_()

