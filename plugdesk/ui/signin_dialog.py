"""The sign-in dialog: paste a token, PlugDesk checks it and keeps it in the keyring.

It never closes on a failure and never clears what was typed: the message says what was
wrong (wrong token, no network, not HTTPS, server error) so the user can fix just that.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from plugdesk.marks import QT_TRANSLATE_NOOP
from plugdesk.services.signin import SignedIn, SignInService
from plugdesk.services.wording import translated

TOKEN_HINT = QT_TRANSLATE_NOOP(
    "SignInDialog",
    "Create a token in the Plugchoice portal: <b>Settings → Personal Access Tokens</b>. "
    "It is shown only once; paste it here. PlugDesk keeps it in your system's password "
    "store, never in a file.",
)
SESSION_ONLY_HINT = QT_TRANSLATE_NOOP(
    "SignInDialog",
    "Create a token in the Plugchoice portal: <b>Settings → Personal Access Tokens</b>. "
    "It is shown only once; paste it here.",
)
SESSION_ONLY_AFTER = QT_TRANSLATE_NOOP(
    "SignInDialog",
    "PlugDesk will ask for the token again after a restart. To have it remembered, "
    "install or unlock a password store (GNOME Keyring, KDE Wallet) and sign in again.",
)


class SignInDialog(QDialog):
    def __init__(
        self,
        service: SignInService,
        api_url: str,
        *,
        reason: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Plugchoice"))
        self.setMinimumWidth(480)
        self._service = service
        self.result_info: SignedIn | None = None

        self.reason_label = QLabel(reason or "")
        self.reason_label.setWordWrap(True)
        self.reason_label.setVisible(bool(reason))
        # Without a password store the token lives for this session only: say so now,
        # not after a restart that asks for it again without a reason.
        session_only = service.credentials.session_only and service.env_token is None
        hint = QLabel(self.tr(SESSION_ONLY_HINT if session_only else TOKEN_HINT))
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.RichText)
        self.store_warning = QLabel(
            f"<b>{html.escape(translated(service.credentials.problem_message or ''))}</b> "
            f"{html.escape(self.tr(SESSION_ONLY_AFTER))}"
        )
        self.store_warning.setWordWrap(True)
        self.store_warning.setAccessibleName(self.tr("Password store warning"))
        self.store_warning.setVisible(session_only)

        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("Personal access token"))
        self.token_edit.setAccessibleName(self.tr("Personal access token"))
        # A plain check box, not an icon in the field: icon themes are missing on many
        # desktops, and a check box is reachable by keyboard and screen readers.
        self.reveal_check = QCheckBox(self.tr("Show token"))
        self.reveal_check.toggled.connect(self._toggle_reveal)

        self.url_edit = QLineEdit(api_url)
        self.url_edit.setAccessibleName(self.tr("API URL"))
        advanced = QGroupBox(self.tr("Advanced"))
        advanced.setCheckable(True)
        advanced.setChecked(False)
        advanced_form = QFormLayout(advanced)
        advanced_form.addRow(self.tr("API URL"), self.url_edit)
        self._advanced = advanced  # unchecked: greyed out, still shows which API is used

        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAccessibleName(self.tr("Sign-in status"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Token"), self.token_edit)
        form.addRow("", self.reveal_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason_label)
        layout.addWidget(hint)
        layout.addWidget(self.store_warning)
        layout.addLayout(form)
        layout.addWidget(advanced)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        service.busy_changed.connect(self._on_busy)
        service.sign_in_failed.connect(self._on_failed)
        service.signed_in.connect(self._on_signed_in)

    def _toggle_reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.token_edit.setEchoMode(mode)

    def _submit(self) -> None:
        self.status_label.setText(self.tr("Checking the token…"))
        self._service.sign_in(self.url_edit.text(), self.token_edit.text())

    def _on_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.token_edit.setReadOnly(busy)

    def _on_failed(self, message: str) -> None:
        if not self.isVisible():
            return
        self.status_label.setText(
            "<b>{}</b> {}".format(self.tr("Not signed in."), html.escape(message))
        )
        self.token_edit.setFocus()

    def _on_signed_in(self, info: SignedIn) -> None:
        if not self.isVisible():
            return
        self.result_info = info
        where = (
            self.tr("The token is kept in {store}.").format(store=info.stored_in)
            if info.stored_in
            else translated(self._service.credentials.problem_message or "")
            or self.tr("The token is used for this session only.")
        )
        self.status_label.setText(
            self.tr("Signed in as {user}.").format(user=f"<b>{html.escape(info.user_name)}</b>")
            + f" {html.escape(where)}"
        )
        self.token_edit.clear()  # the widget no longer needs the secret
        if info.stored_in is None and self._service.credentials.session_only:
            # Stay open on the warning: the user closes it, having read it.
            self.status_label.setText(
                self.tr("Signed in as {user}.").format(user=f"<b>{html.escape(info.user_name)}</b>")
                + f" <b>{html.escape(where)}</b> {html.escape(self.tr(SESSION_ONLY_AFTER))}"
            )
            self.sign_in_button.hide()
            self.token_edit.setEnabled(False)
            close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            close.setText(self.tr("Close"))
            close.clicked.disconnect()
            close.clicked.connect(self.accept)
            close.setFocus()
            return
        self.accept()

    def done(self, result: int) -> None:
        self.token_edit.clear()
        super().done(result)
