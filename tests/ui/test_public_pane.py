"""The public charging pane, driven by clicks, against the simulator over loopback HTTP.

Scenarios run on the qasync loop (`run`), with time scaled so a session goes from start to
`captured` in a few seconds (see tests/support/public.py).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from plugdesk.domain.credentials import CredentialStore
from plugdesk.domain.money import format_money
from plugdesk.services.public_sessions import SECRET_PREFIX
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from plugdesk.ui.public_pane import DONE_MARK, PENDING_MARK, PublicPane, PublicSessionsModel
from tests.support.public import (
    PublicRig,
    fast_simulator,
    free_connector,
    make_rig,
)

Run = Callable[..., Any]


def make_pane(qtbot: Any, rig: PublicRig) -> PublicPane:
    pane = PublicPane(rig.service)
    qtbot.addWidget(pane)
    pane.resize(1300, 850)
    pane.show()
    return pane


def click(qtbot: Any, button: QAbstractButton) -> None:
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def on_screen(pane: PublicPane) -> str:
    """Every text the pane shows or hints at: labels, fields, buttons, tooltips, cells."""
    texts: list[str] = []
    for widget in pane.findChildren(QWidget):
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.text())
    model = pane.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    texts.append(str(value))
    return "\n".join(texts)


async def look_up(qtbot: Any, pane: PublicPane, code: str) -> None:
    pane.code_edit.clear()
    qtbot.keyClicks(pane.code_edit, code.lower())
    done = SignalWaiter(pane.service.lookup_done)
    click(qtbot, pane.lookup_button)
    await done.wait(5)


async def start_from_pane(qtbot: Any, pane: PublicPane, connector: int, email: str = "") -> str:
    pane.connector_spin.setValue(connector)
    pane.email_edit.setText(email)
    added = SignalWaiter(pane.service.session_added)
    click(qtbot, pane.start_button)
    assert not pane.start_button.isEnabled()  # no double start while the POST is out
    (key,) = await added.wait(5)
    return str(key)


async def wait_ended(pane: PublicPane, key: str, seconds: float = 15) -> None:
    session = pane.service.session(key)
    if session is None or not session.ended:
        await SignalWaiter(pane.service.session_ended, lambda k: k == key).wait(seconds)


def session_secrets(sim: Simulator, token: str) -> str:
    """The Stripe client secret of a session, read as a driver's browser would."""
    reply = httpx.get(f"{sim.base_url}/public-charging/sessions/{token}")
    payment = reply.json()["payment"]
    return str(payment["client_secret"])


def stored_tokens(memory_keyring: Any) -> dict[str, str]:
    prefix = "secret:" + SECRET_PREFIX
    return {
        user.removeprefix("secret:"): value
        for (_service, user), value in memory_keyring.entries.items()
        if user.startswith(prefix)
    }


# -- the whole journey --------------------------------------------------------------------------


def test_lookup_start_pay_charge_and_capture(
    run: Run,
    qtbot: Any,
    fast_sim: Simulator,
    memory_keyring: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    code, connector = free_connector(fast_sim)
    truth = fast_sim.public_charger(code)
    checks: dict[str, Any] = {}

    async def scenario() -> None:
        rig = make_rig(fast_sim)
        pane = make_pane(qtbot, rig)
        await look_up(qtbot, pane, code)
        checks["charger"] = pane.charger_name.text()
        checks["online"] = pane.charger_online.text()
        checks["pricing"] = pane.charger_pricing.text()
        checks["connectors"] = pane.connectors_list.count()

        key = await start_from_pane(qtbot, pane, connector, "driver@example.com")
        token = stored_tokens(memory_keyring)[key]
        checks["token"] = token
        checks["client_secret"] = session_secrets(fast_sim, token)
        assert pane.selected_key == key
        assert not pane.payment_box.isHidden()
        checks["payment"] = pane.payment_text.text() + " " + pane.payment_context.text()
        checks["created_screen"] = on_screen(pane)
        checks["confirm_enabled"] = pane.confirm_button.isEnabled()
        checks["stop_enabled_created"] = pane.stop_button.isEnabled()

        charging = SignalWaiter(
            rig.service.session_updated, lambda k, s: k == key and s.data.status == "charging"
        )
        click(qtbot, pane.confirm_button)
        await charging.wait(10)
        checks["charging_energy"] = pane.energy_label.text()
        checks["stop_enabled_charging"] = pane.stop_button.isEnabled()
        checks["cancel_enabled_charging"] = pane.cancel_button.isEnabled()
        checks["payment_hidden_charging"] = pane.payment_box.isHidden()

        await wait_ended(pane, key)
        checks["timeline"] = {name: label.text() for name, label in pane.timeline_labels.items()}
        checks["status"] = pane.status_label.text()
        checks["energy"] = pane.energy_label.text()
        checks["cost"] = pane.cost_label.text()
        checks["captured"] = pane.captured_label.text()
        checks["tax"] = pane.tax_label.text()
        checks["authorized"] = pane.authorized_label.text()
        checks["poll"] = pane.poll_label.text()
        checks["buttons"] = (
            pane.stop_button.isEnabled(),
            pane.cancel_button.isEnabled(),
            pane.forget_button.isEnabled(),
        )
        checks["row"] = [pane.model.index(0, c).data() for c in range(5)]
        checks["final_screen"] = on_screen(pane)
        session = fast_sim.sessions[token]
        checks["truth"] = session
        await rig.aclose()

    run(scenario(), timeout=30)

    assert checks["charger"] == f"{truth['name']} ({code})"
    assert checks["online"] == "Online"
    pricing = truth["pricing"]
    assert checks["pricing"].startswith(format_money(pricing["price_per_kwh"], "EUR") + "/kWh")
    assert checks["connectors"] == len(truth["connectors"])
    assert "waiting for the card hold" in checks["payment"]
    assert "Payment context present" in checks["payment"]
    assert checks["confirm_enabled"] and not checks["stop_enabled_created"]
    assert checks["charging_energy"].endswith("kWh (estimate)")
    assert checks["stop_enabled_charging"] and not checks["cancel_enabled_charging"]
    assert checks["payment_hidden_charging"]

    # The timeline is complete, every step with a time.
    assert all(text.startswith(DONE_MARK) for text in checks["timeline"].values())
    assert not any(PENDING_MARK in text for text in checks["timeline"].values())
    assert checks["status"] == "Captured (paid)"
    truth_session = checks["truth"]
    assert checks["energy"] == f"{truth_session['energy_kwh']} kWh"  # final: no "estimate"
    assert checks["captured"] == format_money(truth_session["amount_captured"], "EUR")
    assert re.fullmatch(r"€\d+\.\d{2}", checks["captured"])
    assert re.fullmatch(r"€\d+\.\d{2}", checks["cost"])
    assert re.fullmatch(r"€\d+\.\d{2}", checks["tax"])
    assert checks["authorized"] == "€50.00"
    assert checks["poll"].startswith("Ended")
    assert checks["buttons"] == (False, False, True)
    token = checks["token"]
    assert checks["row"][0] == "#1 · " + token[:4] + "…"
    assert checks["row"][2] == "Captured (paid)"
    for screen in (checks["created_screen"], checks["final_screen"]):
        assert token not in screen and token[4:] not in screen
        assert checks["client_secret"] not in screen
    assert token not in caplog.text and checks["client_secret"] not in caplog.text
    assert stored_tokens(memory_keyring) == {}


# -- refusals -------------------------------------------------------------------------------------

REFUSALS = {
    "404": "no charger with public code NOSUCH1 offers public charging (404)",
    "400": "is offline (400)",
    "422": "connector 9 is not known on charger",
    "409": "is not available right now (409)",
    "429": "too many sessions were started recently (429)",
}


@pytest.mark.parametrize("status", sorted(REFUSALS))
def test_each_refusal_has_its_own_message(run: Run, qtbot: Any, status: str) -> None:
    sim = fast_simulator(public_rate_limits={"start": 1}) if status == "429" else fast_simulator()
    code, connector = free_connector(sim)
    uuid = sim.charger_uuid_for_code(code)
    result: dict[str, Any] = {}

    async def scenario() -> None:
        rig = make_rig(sim)
        pane = make_pane(qtbot, rig)
        earlier = None
        if status == "400":
            sim.force_offline(uuid)
        elif status == "409":
            sim.force_fault(uuid)
        elif status == "429":  # the one start this address may make this minute
            other_code, other_connector = free_connector(sim, skip=1)
            await look_up(qtbot, pane, other_code)
            earlier = await start_from_pane(qtbot, pane, other_connector)
        if status == "404":
            qtbot.keyClicks(pane.code_edit, "NOSUCH1")
        elif status == "422":
            # Without a look-up the pane cannot know the connectors (after one, it offers
            # only those), so a wrong number reaches the server and its refusal is shown.
            qtbot.keyClicks(pane.code_edit, code.lower())
        else:
            await look_up(qtbot, pane, code)
        pane.connector_spin.setValue(9 if status == "422" else connector)
        failed = SignalWaiter(rig.service.start_failed)
        click(qtbot, pane.start_button)
        await failed.wait(5)
        result["message"] = pane.start_message.text()
        result["visible"] = not pane.start_message.isHidden()
        result["enabled"] = pane.start_button.isEnabled()
        result["rows"] = pane.model.rowCount()
        if earlier is not None:
            assert rig.service.cancel(earlier)
            await wait_ended(pane, earlier)
        await rig.aclose()

    try:
        run(scenario(), timeout=20)
    finally:
        sim.stop()
    assert REFUSALS[status] in result["message"]
    assert result["visible"] and result["enabled"]  # the user may try again
    assert result["rows"] == (1 if status == "429" else 0)
    if status == "422":
        assert "connector_id: The selected connector id is invalid." in result["message"]
    if status == "429":
        assert re.search(r"Try again in \d+ s \(at \d\d:\d\d:\d\d\)", result["message"])
    starts = [r.status for r in sim.request_log if r.route == "public.sessions.start"]
    assert starts[-1] == int(status)  # exactly one request for the refused start


def test_bad_input_is_refused_next_to_the_field(run: Run, qtbot: Any, fast_sim: Simulator) -> None:
    async def scenario() -> tuple[str, str, bool]:
        rig = make_rig(fast_sim)
        pane = make_pane(qtbot, rig)
        assert not pane.start_button.isEnabled()  # nothing typed yet
        qtbot.keyClicks(pane.code_edit, "AB 12")
        click(qtbot, pane.lookup_button)
        lookup = pane.lookup_message.text()
        pane.code_edit.setText("AB12")
        pane.email_edit.setText("driver@")
        click(qtbot, pane.start_button)
        start = pane.start_message.text()
        enabled = pane.start_button.isEnabled()
        await rig.aclose()
        return lookup, start, enabled

    lookup, start, enabled = run(scenario())
    assert "only letters and digits" in lookup
    assert "does not look like an e-mail address" in start
    assert enabled
    assert not [r for r in fast_sim.request_log if "public-charging" in r.path]


# -- stop, cancel and their refusals ---------------------------------------------------------------


def test_cancel_while_waiting_for_payment_and_a_refused_stop(
    run: Run, qtbot: Any, fast_sim: Simulator, memory_keyring: Any
) -> None:
    first = free_connector(fast_sim)
    second = free_connector(fast_sim, skip=1)
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        rig = make_rig(fast_sim)
        pane = make_pane(qtbot, rig)
        await look_up(qtbot, pane, first[0])
        key = await start_from_pane(qtbot, pane, first[1])
        seen["cancel_in_payment"] = pane.payment_cancel_button.isEnabled()
        click(qtbot, pane.payment_cancel_button)
        await wait_ended(pane, key)
        seen["cancelled"] = pane.status_label.text()
        seen["forget"] = pane.forget_button.isEnabled()
        click(qtbot, pane.forget_button)
        seen["rows_after_forget"] = pane.model.rowCount()

        await look_up(qtbot, pane, second[0])
        key = await start_from_pane(qtbot, pane, second[1])
        charging = SignalWaiter(
            rig.service.session_updated, lambda k, s: k == key and s.data.status == "charging"
        )
        click(qtbot, pane.confirm_button)
        await charging.wait(10)
        fast_sim.force_offline(fast_sim.charger_uuid_for_code(second[0]))
        done = SignalWaiter(rig.service.action_busy_changed, lambda _k, busy: not busy)
        click(qtbot, pane.stop_button)
        await done.wait(5)
        seen["stop_refused"] = pane.action_message.text()
        await rig.aclose()

    run(scenario(), timeout=20)
    assert seen["cancel_in_payment"]
    assert seen["cancelled"] == "Abandoned"
    assert seen["forget"] and seen["rows_after_forget"] == 0
    assert "refused to stop or is offline (400)" in seen["stop_refused"]


# -- several sessions and resume ------------------------------------------------------------------


def test_two_sessions_at_once_in_the_list(
    run: Run, qtbot: Any, fast_sim: Simulator, memory_keyring: Any
) -> None:
    euro = free_connector(fast_sim)
    yen = free_connector(fast_sim, currency="JPY")
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        rig = make_rig(fast_sim)
        pane = make_pane(qtbot, rig)
        await look_up(qtbot, pane, euro[0])
        first = await start_from_pane(qtbot, pane, euro[1])
        await look_up(qtbot, pane, yen[0])
        second = await start_from_pane(qtbot, pane, yen[1])
        seen["rows"] = pane.model.rowCount()
        seen["stored"] = len(stored_tokens(memory_keyring))
        seen["selected"] = pane.selected_key == second
        click(qtbot, pane.confirm_button)  # the yen session is selected
        pane.select(first)
        click(qtbot, pane.confirm_button)
        await wait_ended(pane, first)
        await wait_ended(pane, second)
        seen["cells"] = [
            [pane.model.index(row, column).data() for column in range(5)] for row in range(2)
        ]
        pane.select(second)
        seen["yen_captured"] = pane.captured_label.text()
        seen["yen_authorized"] = pane.authorized_label.text()
        await rig.aclose()

    run(scenario(), timeout=30)
    assert seen["rows"] == 2 and seen["stored"] == 2 and seen["selected"]
    euro_row, yen_row = seen["cells"]
    assert euro_row[2] == yen_row[2] == "Captured (paid)"
    assert re.fullmatch(r"€\d+\.\d{2}", euro_row[4])
    assert re.fullmatch(r"¥[\d,]+", yen_row[4])  # JPY has no minor unit
    assert re.fullmatch(r"¥[\d,]+", seen["yen_captured"])
    assert seen["yen_authorized"] == "¥6,000"


def test_tracking_resumes_in_a_new_pane_from_the_keyring(
    run: Run, qtbot: Any, fast_sim: Simulator, memory_keyring: Any
) -> None:
    code, connector = free_connector(fast_sim)
    seen: dict[str, Any] = {}

    async def before_restart() -> str:
        rig = make_rig(fast_sim)
        pane = make_pane(qtbot, rig)
        await look_up(qtbot, pane, code)
        key = await start_from_pane(qtbot, pane, connector)
        await rig.aclose()
        pane.close()
        return key

    async def after_restart() -> None:
        rig = make_rig(fast_sim, credentials=CredentialStore())
        pane = make_pane(qtbot, rig)
        added = SignalWaiter(rig.service.session_updated)
        await rig.service.resume_saved()
        await added.wait(5)
        seen["rows"] = pane.model.rowCount()
        seen["cells"] = [pane.model.index(0, c).data() for c in range(3)]
        seen["status"] = pane.status_label.text()
        seen["payment"] = not pane.payment_box.isHidden()
        key = pane.selected_key
        assert key is not None
        click(qtbot, pane.confirm_button)
        await wait_ended(pane, key)
        seen["final"] = pane.status_label.text()
        await rig.aclose()

    key = run(before_restart())
    token = stored_tokens(memory_keyring)[key]
    run(after_restart(), timeout=25)
    assert seen["rows"] == 1
    assert seen["cells"][0] == f"#{key.rsplit(':', 1)[1]} · {token[:4]}…"
    assert seen["cells"][1].endswith(f"({code})")
    assert seen["status"] == "Waiting for card hold" and seen["payment"]
    assert seen["final"] == "Captured (paid)"
    assert stored_tokens(memory_keyring) == {}


def test_track_a_pasted_token(run: Run, qtbot: Any, fast_sim: Simulator) -> None:
    code, connector = free_connector(fast_sim)
    token = httpx.post(
        f"{fast_sim.base_url}/public-charging/sessions",
        json={"code": code, "connector_id": connector},
    ).json()["session_token"]
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        rig = make_rig(fast_sim)
        pane = make_pane(qtbot, rig)
        pane.token_edit.setText("bad token")
        click(qtbot, pane.track_button)
        seen["bad"] = pane.track_message.text()
        seen["cleared_bad"] = pane.token_edit.text()
        pane.token_edit.setText(token)
        seen["echo"] = pane.token_edit.echoMode()
        updated = SignalWaiter(rig.service.session_updated)
        click(qtbot, pane.track_button)
        seen["cleared"] = pane.token_edit.text()
        await updated.wait(5)
        seen["title"] = pane.detail_title.text()
        seen["screen"] = on_screen(pane)
        await rig.aclose()

    run(scenario())
    assert "spaces or line breaks" in seen["bad"] and "bad token" not in seen["bad"]
    assert seen["cleared_bad"] == "" and seen["cleared"] == ""
    assert seen["echo"] == QLineEdit.EchoMode.Password
    assert seen["title"].startswith(f"Session #1 · {token[:4]}…")
    assert token not in seen["screen"] and token[4:] not in seen["screen"]


def test_sessions_model_passes_the_model_tester(
    run: Run, qtbot: Any, qtmodeltester: Any, fast_sim: Simulator
) -> None:
    code, connector = free_connector(fast_sim)

    async def scenario() -> PublicSessionsModel:
        rig = make_rig(fast_sim)
        pane = make_pane(qtbot, rig)
        await look_up(qtbot, pane, code)
        await start_from_pane(qtbot, pane, connector)
        qtmodeltester.check(pane.model)
        key = pane.selected_key
        assert key is not None and rig.service.cancel(key)
        await wait_ended(pane, key)
        qtmodeltester.check(pane.model)
        await rig.aclose()
        return pane.model

    model = run(scenario())
    assert model.rowCount() == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Session"


def test_lookup_outcome_governs_start_connectors_and_old_warnings(
    run: Run, qtbot: Any, fast_sim: Simulator
) -> None:
    code, _connector = free_connector(fast_sim)
    numbers = [c["connector_id"] for c in fast_sim.public_charger(code)["connectors"]]
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        rig = make_rig(fast_sim)
        pane = make_pane(qtbot, rig)
        _show_warning(pane.start_message, "Could not start: charger busy.")
        qtbot.keyClicks(pane.code_edit, "zz9999")
        failed = SignalWaiter(pane.service.lookup_failed)
        click(qtbot, pane.lookup_button)
        await failed.wait(5)
        seen["start_after_failure"] = pane.start_button.isEnabled()
        seen["old_warning"] = pane.start_message.isVisible()
        seen["message"] = pane.lookup_message.text()
        await look_up(qtbot, pane, code)
        seen["start_after_success"] = pane.start_button.isEnabled()
        seen["range"] = (pane.connector_spin.minimum(), pane.connector_spin.maximum())
        await rig.aclose()

    run(scenario())
    assert seen["start_after_failure"] is False  # that code was not found
    assert seen["old_warning"] is False  # the previous charger's warning went
    assert ".." not in seen["message"].replace("...", "")
    assert seen["start_after_success"] is True
    assert seen["range"] == (min(numbers), max(numbers))


def _show_warning(label: QLabel, text: str) -> None:
    from plugdesk.ui.public_pane import _show

    _show(label, text, warning=True)
    assert label.isVisible() or not label.window().isVisible()


def test_a_server_sentence_gets_one_full_stop(qtbot: Any) -> None:
    from plugdesk.ui.public_pane import _show

    label = QLabel()
    qtbot.addWidget(label)
    _show(label, "Charger not found.. Check the code.")
    assert label.text() == "Charger not found. Check the code."
    _show(label, "Please wait...")
    assert label.text() == "Please wait..."


# -- demo mode -------------------------------------------------------------------------------------


def test_demo_code_from_the_hint_runs_to_captured(
    run: Run, qtbot: Any, fast_sim: Simulator
) -> None:
    """The demo's Public charging tab offers codes to try (the ones `plugdesk sim` prints);
    a session started on one, from the pane, runs to `captured`."""
    printed = fast_sim.describe()[0]  # the line `plugdesk sim` prints first
    codes = printed.removeprefix("Public codes to try: ").split(", ")
    assert len(codes) == 4 and set(codes) <= set(fast_sim.public_codes())
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        rig = make_rig(fast_sim)
        pane = PublicPane(rig.service, demo_codes=codes)
        qtbot.addWidget(pane)
        pane.show()
        seen["hint"] = (pane.demo_hint.isVisible(), pane.demo_hint.text())
        looked_up = SignalWaiter(rig.service.lookup_done)
        pane.demo_hint.linkActivated.emit(codes[0])  # what clicking the first code does
        await looked_up.wait(5)
        seen["field"] = pane.code_edit.text()
        seen["charger"] = pane.charger_name.text()
        connector = next(
            int(k["connector_id"])
            for k in fast_sim.public_charger(codes[0])["connectors"]
            if k["status"] == "Available"
        )
        key = await start_from_pane(qtbot, pane, connector)
        click(qtbot, pane.confirm_button)
        await wait_ended(pane, key, seconds=20)
        seen["status"] = pane.status_label.text()
        seen["row"] = pane.model.index(0, 2).data()
        # The look-up box is looked up again once the session is over: not "Preparing".
        for _ in range(100):
            shown = [
                pane.connectors_list.item(n).text() for n in range(pane.connectors_list.count())
            ]
            if shown and not any("Preparing" in text for text in shown):
                break
            await asyncio.sleep(0.05)
        seen["connectors"] = shown
        await rig.aclose()

    run(scenario(), timeout=40)
    assert seen["connectors"] and not any("Preparing" in t for t in seen["connectors"])
    visible, text = seen["hint"]
    assert visible and "Try one of the demo codes:" in text
    assert all(f">{code}</a>" in text for code in codes)
    assert seen["field"] == codes[0] and seen["charger"].endswith(f"({codes[0]})")
    assert seen["status"] == seen["row"] == "Captured (paid)"


def test_no_demo_hint_outside_demo_mode(run: Run, qtbot: Any, fast_sim: Simulator) -> None:
    async def scenario() -> None:
        rig = make_rig(fast_sim)
        for codes in ((), ("<b>X</b>", "")):  # live mode; things that are not codes
            pane = PublicPane(rig.service, demo_codes=codes)
            qtbot.addWidget(pane)
            pane.show()
            assert pane.demo_hint.isHidden()
        await rig.aclose()

    run(scenario())
