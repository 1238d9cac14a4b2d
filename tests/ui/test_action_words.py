"""The actions' words in the window's language (issue 18): the confirm question, the
charger's reply and the outcome are Messages; the window translates them, while the
command line and the audit trail keep the English sentence exactly as before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest

from plugdesk.api.models import Transaction
from plugdesk.domain.actions import (
    ActionKind,
    ActionRequest,
    Reply,
    WatchState,
    confirmation,
    confirmation_words,
    follow_up,
    no_effect,
)
from plugdesk.services.wording import translated
from tests.support.actions import Rig, first_request, make_rig, pick, settle


@pytest.fixture
def rig(sim: Any, tmp_path: Path, qloop: Any) -> Iterator[Rig]:
    sim.force_action_outcome("reply")
    made = make_rig(sim, tmp_path / "history.db")
    yield made
    qloop.run_until_complete(made.aclose())


def session(tx_id: int, tag: str | None) -> Transaction:
    started = datetime(2026, 3, 1, 9, 30, tzinfo=UTC).isoformat()
    return msgspec.convert(
        {"id": tx_id, "id_tag": tag, "started_at": started, "total_kwh": 4.25}, Transaction
    )


def test_the_restart_question_with_two_sessions_is_dutch_and_the_cli_keeps_english(
    dutch: None,
) -> None:
    request = ActionRequest(ActionKind.RESTART, "uuid-1", "CP-7")
    sessions = [session(11, "TAG-A"), session(12, None)]
    since = sessions[0].started_at.astimezone().strftime("%H:%M")  # type: ignore[union-attr]

    shown = translated(confirmation_words(request, sessions))

    assert shown == (
        "CP-7 herstarten? De laadpaal is ongeveer een minuut offline tijdens het opnieuw "
        "opstarten.\nDit onderbreekt de 2 laadsessies:\n"
        f"  • sessie 11 op een connector, tag TAG-A, sinds {since}, 4.25 kWh\n"
        f"  • sessie 12 op een connector, sinds {since}, 4.25 kWh"
    )
    # the command line asks the same question in English, as before
    assert confirmation(request, sessions) == (
        "Restart CP-7? It goes offline for about a minute while it reboots.\n"
        "This will interrupt the charging 2 sessions:\n"
        f"  • session 11 on a connector, tag TAG-A, since {since}, 4.25 kWh\n"
        f"  • session 12 on a connector, since {since}, 4.25 kWh"
    )


def test_a_403_reply_is_dutch_in_the_window_and_english_in_the_audit(
    rig: Rig, run: Any, dutch: None
) -> None:
    charger = pick(rig.sim, full=False)
    request = first_request(ActionKind.RESTART, charger)

    result = run(settle(rig.sim, rig.service.perform(request, charger)), 30)

    assert result.reply.reply is Reply.FORBIDDEN
    name = request.charger_name
    assert translated(result.reply.message) == (
        f"{name}: herstarten — niet toegestaan (403): uw toegang tot deze laadpaal omvat "
        "geen acties. Vraag de eigenaar van de laadpaal om volledige rechten."
    )
    english = (
        f"{name}: restart — not allowed (403): your access to this charger does not include "
        "actions. Ask the charger's owner for full permission."
    )
    assert result.reply.words == english
    assert [entry.reply_text for entry in rig.store.list_actions()] == [english]


def test_the_follow_up_after_a_timeout_is_dutch_to_the_inside(dutch: None) -> None:
    request = ActionRequest(ActionKind.RESTART, "uuid-1", "CP-7")
    outcome = no_effect(request, WatchState(seen_offline=True), timedelta(minutes=3))

    said = follow_up(Reply.TIMEOUT, outcome, False)

    assert translated(said) == (
        "Het is niet gebeurd: CP-7 ging offline voor de herstart en was niet binnen 3 min terug"
    )
    assert str(said) == (
        "It did not happen: CP-7 went offline for the restart and was not back within 3 min"
    )
