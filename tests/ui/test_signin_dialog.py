"""The sign-in dialog against the simulator: wrong token, bad URL, success."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

from plugdesk.api.client import PlugchoiceClient
from plugdesk.domain.credentials import CredentialStore
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.services.signin import SignInService
from plugdesk.tasks import TaskRunner
from plugdesk.ui.signin_dialog import SignInDialog


def _dialog(sim: Any, applied: list[str | None]) -> SignInDialog:
    async def validate(api_url: str, token: str) -> Any:
        async with PlugchoiceClient(api_url, token) as client:
            return await client.get_user()

    async def apply_token(api_url: str, token: str | None) -> None:
        applied.append(token)

    service = SignInService(CredentialStore(), validate, apply_token, TaskRunner())
    dialog = SignInDialog(service, sim.base_url)
    dialog.show()
    return dialog


def test_wrong_token_is_explained_and_kept(sim: Any, qtbot: Any, run: Any) -> None:
    applied: list[str | None] = []
    dialog = _dialog(sim, applied)
    qtbot.addWidget(dialog)

    async def scenario() -> None:
        failed = SignalWaiter(dialog._service.sign_in_failed)
        qtbot.keyClicks(dialog.token_edit, "wrong-token-123456")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        await failed.wait(10)

    run(scenario())
    assert dialog.isVisible()
    assert "rejected this token" in dialog.status_label.text()
    assert dialog.token_edit.text() == "wrong-token-123456"  # what was typed is kept
    assert "wrong-token-123456" not in dialog.status_label.text()
    assert applied == []


def test_plain_http_to_a_remote_host_is_refused_before_any_request(
    sim: Any, qtbot: Any, run: Any
) -> None:
    dialog = _dialog(sim, [])
    qtbot.addWidget(dialog)
    dialog._advanced.setChecked(True)
    dialog.url_edit.setText("http://plugchoice.example.com/api/v3")
    before = len(sim.request_log)

    async def scenario() -> None:
        failed = SignalWaiter(dialog._service.sign_in_failed)
        qtbot.keyClicks(dialog.token_edit, sim.token)
        dialog.sign_in_button.click()
        await failed.wait(5)

    run(scenario())
    assert "https" in dialog.status_label.text()
    assert len(sim.request_log) == before


def test_show_token_and_success(
    sim: Any, qtbot: Any, run: Any, memory_keyring: Any, qapp: Any
) -> None:
    # The dialog is the only window here: closing it must not quit the test's app.
    qapp.setQuitOnLastWindowClosed(False)
    applied: list[str | None] = []
    dialog = _dialog(sim, applied)
    qtbot.addWidget(dialog)
    assert dialog.token_edit.echoMode() is QLineEdit.EchoMode.Password
    dialog.reveal_check.setChecked(True)
    assert dialog.token_edit.echoMode() is QLineEdit.EchoMode.Normal

    async def scenario() -> None:
        done = SignalWaiter(dialog._service.signed_in)
        qtbot.keyClicks(dialog.token_edit, sim.token)
        dialog.sign_in_button.click()
        await done.wait(10)
        await asyncio.sleep(0)

    try:
        run(scenario())
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert applied == [sim.token]
    assert not dialog.isVisible()  # accepted
    assert dialog.token_edit.text() == ""  # the widget forgets the secret
    assert memory_keyring.entries[("plugdesk", sim.base_url)] == sim.token


@pytest.mark.log_warnings("no password store on purpose; the credential store warns")
def test_without_a_password_store_the_dialog_says_so_before_and_after(
    sim: Any, qtbot: Any, run: Any, qapp: Any
) -> None:
    from keyring.backends import fail

    from plugdesk.domain.credentials import NO_STORE_MESSAGE

    async def validate(api_url: str, token: str) -> Any:
        async with PlugchoiceClient(api_url, token) as client:
            return await client.get_user()

    async def apply_token(api_url: str, token: str | None) -> None:
        pass

    credentials = CredentialStore(backend=fail.Keyring())
    service = SignInService(credentials, validate, apply_token, TaskRunner())
    dialog = SignInDialog(service, sim.base_url)
    qtbot.addWidget(dialog)
    dialog.show()
    # Before: the warning is on screen and the hint no longer promises a password store.
    assert dialog.store_warning.isVisible()
    assert NO_STORE_MESSAGE in dialog.store_warning.text()
    assert "password store, never in a file" not in dialog.findChildren(QLabel)[1].text()

    async def scenario() -> None:
        done = SignalWaiter(service.signed_in)
        qtbot.keyClicks(dialog.token_edit, sim.token)
        dialog.sign_in_button.click()
        await done.wait(10)
        await asyncio.sleep(0)

    run(scenario())
    # After: still open, on a message that says the token will be asked for again.
    assert dialog.isVisible()
    text = dialog.status_label.text()
    assert "Signed in as" in text and "forgotten when PlugDesk quits" in text
    assert "ask for the token again after a restart" in text
    assert dialog.token_edit.text() == ""
    qapp.setQuitOnLastWindowClosed(False)
    try:
        close = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert close.text() == "Close" and not dialog.sign_in_button.isVisible()
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert not dialog.isVisible() and dialog.result_info is not None
