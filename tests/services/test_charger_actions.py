"""ChargerActions through the simulator: every action and setting accepted, rejected,
403, a 504 that still took effect and one that did not (the follow-up says which), one
send while one is in flight, the outcome in words, several chargers with one failure,
and the audit rows (committed before the reply is shown; they survive a reopen)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from plugdesk.api.models import Charger
from plugdesk.domain.actions import ActionKind, ActionRequest, Reply
from plugdesk.domain.store import Store
from plugdesk.services.actions import ActionOutcome, action_event
from plugdesk.services.qtasync import SignalWaiter
from tests.support.actions import (
    Rig,
    api_charger,
    first_request,
    make_rig,
    pick,
    request,
    settle,
)

ALL_KINDS = list(ActionKind)


@pytest.fixture
def rig(sim: Any, tmp_path: Path, qloop: Any) -> Iterator[Rig]:
    sim.force_action_outcome("reply")
    made = make_rig(sim, tmp_path / "history.db")
    yield made
    qloop.run_until_complete(made.aclose())


def perform(rig: Rig, run: Any, req: ActionRequest, before: Charger | None = None) -> ActionOutcome:
    return run(settle(rig.sim, rig.service.perform(req, before)), 30)


def start_session(rig: Rig, run: Any, charger: Charger, tag: str = "TAG-STOP-01") -> int:
    rig.sim.force_action_outcome("reply")
    started = perform(rig, run, request(ActionKind.START, charger, connector_id=1, id_tag=tag))
    assert started.effect_seen, started
    active = [tx for tx in rig.sim.transactions_for(charger.uuid) if tx["stopped_at"] is None]
    return int(active[0]["id"])


def prepared(rig: Rig, run: Any, kind: ActionKind, charger: Charger) -> ActionRequest:
    """The request, with the charger in the state the action needs (unlock: locked;
    stop: charging)."""
    if kind is ActionKind.UNLOCK:
        perform(rig, run, request(ActionKind.LOCK, charger))
    if kind is ActionKind.STOP:
        return request(kind, charger, transaction_id=start_session(rig, run, charger))
    return first_request(kind, charger)


# -- accepted, with the effect seen and said -----------------------------------------------

EFFECT_WORDS = {
    ActionKind.RESTART: r"restarted: back online after \d+ s",
    ActionKind.LOCK: r"is now unavailable \(OCPP status Unavailable\)",
    ActionKind.UNLOCK: r"is now available again",
    ActionKind.START: r"charging started — session \d+ on connector 1, tag TAG-TEST-01",
    ActionKind.STOP: r"charging stopped \(session \d+ has ended\)",
    ActionKind.LIMIT: r"limit of 10 A in effect \(whole charger\)",
    ActionKind.CLEAR_LIMIT: r"limit of 32 A in effect \(whole charger\)",
    ActionKind.PLUG_CHARGE: r"Plug & Charge is now on, card CARD-0042",
    ActionKind.PUBLIC_CHARGING: r"public charging is on at the new prices, code \w+",
}


@pytest.mark.parametrize("kind", ALL_KINDS, ids=str)
def test_accepted_then_the_effect_is_seen_and_said(rig: Rig, run: Any, kind: ActionKind) -> None:
    charger = pick(rig.sim)
    req = prepared(rig, run, kind, charger)
    sent_before = len(rig.sim.action_log)
    result = perform(rig, run, req, charger)
    assert result.reply.reply is Reply.ACCEPTED
    assert result.reply.words.endswith("— Accepted")
    assert result.effect_seen
    assert result.outcome is not None and result.outcome.startswith(charger.identity or "")
    assert re.search(EFFECT_WORDS[kind], result.outcome), result.outcome
    assert len(rig.sim.action_log) == sent_before + 1  # one request, never retried


def test_restart_clears_a_transient_fault(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim)
    rig.sim.force_fault(charger.uuid, "OtherError", hard=False)
    before = api_charger(rig.sim, charger.uuid)
    result = perform(rig, run, request(ActionKind.RESTART, before), before)
    assert result.outcome is not None
    assert re.fullmatch(
        rf"{charger.identity} restarted: back online after \d+ s, fault cleared", result.outcome
    )
    seconds = int(re.findall(r"after (\d+) s", result.outcome)[0])
    assert 20 <= seconds <= 70  # the simulator reboots in 20-60 s after going down at +2 s


def test_restart_of_a_hard_fault_says_it_is_still_faulted(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim)
    rig.sim.force_fault(charger.uuid, "GroundFailure", hard=True)
    before = api_charger(rig.sim, charger.uuid)
    result = perform(rig, run, request(ActionKind.RESTART, before), before)
    assert result.outcome is not None
    assert "still faulted after the restart (GroundFailure)" in result.outcome


# -- rejected --------------------------------------------------------------------------------

REJECTABLE = {
    ActionKind.START: lambda c: request(ActionKind.START, c, connector_id=9, id_tag="T1"),
    ActionKind.STOP: lambda c: request(ActionKind.STOP, c, transaction_id=987654321),
    ActionKind.LIMIT: lambda c: request(ActionKind.LIMIT, c, connector_id=9, amps=6),
    ActionKind.CLEAR_LIMIT: lambda c: request(ActionKind.CLEAR_LIMIT, c, connector_id=9, amps=32),
}


@pytest.mark.parametrize("kind", list(REJECTABLE), ids=str)
def test_rejected_is_said_and_not_watched(rig: Rig, run: Any, kind: ActionKind) -> None:
    charger = pick(rig.sim)
    result = perform(rig, run, REJECTABLE[kind](charger), charger)
    assert result.reply.reply is Reply.REJECTED
    assert result.reply.words.endswith("— Rejected by the charger")
    assert result.outcome is None
    assert rig.sim.action_log[-1].outcome == "rejected"


def test_start_on_an_unavailable_charger_is_rejected(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim)
    perform(rig, run, request(ActionKind.LOCK, charger))
    result = perform(rig, run, first_request(ActionKind.START, charger))
    assert result.reply.reply is Reply.REJECTED


# -- 403 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS, ids=str)
def test_forbidden_is_explained(rig: Rig, run: Any, kind: ActionKind) -> None:
    charger = pick(rig.sim, full=False)
    req = first_request(kind, charger)
    if kind is ActionKind.STOP:
        req = request(kind, charger, transaction_id=1)
    result = perform(rig, run, req, charger)
    assert result.reply.reply is Reply.FORBIDDEN
    assert "not allowed (403)" in result.reply.words
    assert "full permission" in result.reply.words
    assert result.outcome is None and result.reply.exit_code == 3
    assert rig.sim.action_log[-1].outcome == "forbidden"


# -- 504: it happened after all, or it did not -----------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS, ids=str)
def test_timeout_that_still_took_effect(rig: Rig, run: Any, kind: ActionKind) -> None:
    charger = pick(rig.sim)
    req = prepared(rig, run, kind, charger)
    rig.sim.force_action_outcome("timeout_done")
    result = perform(rig, run, req, charger)
    assert result.reply.reply is Reply.TIMEOUT
    assert "did not answer in time — it may still happen" in result.reply.words
    assert result.effect_seen
    assert result.outcome is not None and result.outcome.startswith("It happened after all: ")
    assert re.search(EFFECT_WORDS[kind], result.outcome), result.outcome
    assert rig.sim.action_log[-1].outcome == "timeout_done"


@pytest.mark.parametrize("kind", ALL_KINDS, ids=str)
def test_timeout_that_did_not_take_effect(rig: Rig, run: Any, kind: ActionKind) -> None:
    charger = pick(rig.sim)
    req = prepared(rig, run, kind, charger)
    rig.sim.force_action_outcome("timeout_lost")
    result = perform(rig, run, req, charger)
    assert result.reply.reply is Reply.TIMEOUT
    assert not result.effect_seen
    assert result.outcome is not None and result.outcome.startswith("It did not happen: ")
    # The timed-out look says how long it waited; the log's failed message says so at once.
    assert re.search(r"\d+ min|never got the limit", result.outcome), result.outcome
    assert rig.sim.action_log[-1].outcome == "timeout_lost"


# -- one send while one is in flight ---------------------------------------------------------


def test_a_second_submit_while_in_flight_sends_nothing(rig: Rig, run: Any) -> None:
    charger = pick(rig.sim)
    req = request(ActionKind.LOCK, charger)
    replied = SignalWaiter(rig.service.replied)
    finished = SignalWaiter(rig.service.finished)
    assert rig.service.submit(req, charger) is True
    assert rig.service.submit(req, charger) is False  # the double click
    assert rig.service.in_flight(charger.uuid)

    _request, reply = run(replied.wait(10))
    assert reply.reply is Reply.ACCEPTED
    # The follow-up watch ends before the rig closes (else its task outlives the test).
    run(settle(rig.sim, finished.wait(30)), 40)
    assert [r.action for r in rig.sim.action_log] == ["settings/lock"]
    assert not rig.service.in_flight(charger.uuid)


# -- several chargers at once ----------------------------------------------------------------


def test_several_chargers_with_one_failure_give_one_summary(rig: Rig, run: Any) -> None:
    chargers = [pick(rig.sim, skip=n) for n in range(3)]
    forbidden = pick(rig.sim, full=False)
    forbidden = forbidden.__class__(**{**_fields(forbidden), "permissions": None})
    summaries: list[str] = []
    rig.service.batch_finished.connect(summaries.append)
    summary = run(
        settle(rig.sim, rig.service.perform_many(ActionKind.LOCK, [*chargers, forbidden]))
    )
    assert summaries == [summary]
    assert summary.startswith("Make unavailable of 4 chargers: 3 accepted")
    assert f"1 not allowed (403): {forbidden.identity}" in summary
    assert summary.endswith("Took effect on 3.")
    assert len(rig.sim.action_log) == 4


def test_a_batch_skips_chargers_whose_permissions_do_not_allow(rig: Rig, run: Any) -> None:
    ok, no = pick(rig.sim), pick(rig.sim, full=False)
    summary = run(settle(rig.sim, rig.service.perform_many(ActionKind.RESTART, [ok, no])))
    assert f"1 skipped (no permission): {no.identity}" in summary
    assert [r.charger_uuid for r in rig.sim.action_log] == [ok.uuid]


def _fields(charger: Charger) -> dict[str, Any]:
    return {name: getattr(charger, name) for name in charger.__struct_fields__}


# -- the audit trail -------------------------------------------------------------------------


def test_the_reply_is_committed_before_it_is_shown(rig: Rig, run: Any, tmp_path: Path) -> None:
    charger = pick(rig.sim)
    seen_in_store: list[str] = []

    def on_reply(_request: Any, _reply: Any) -> None:
        with Store(tmp_path / "history.db") as other:  # another connection: only commits
            seen_in_store.append(other.list_actions()[0].reply)

    rig.service.replied.connect(on_reply)
    perform(rig, run, request(ActionKind.LOCK, charger), charger)
    assert seen_in_store == ["accepted"]


def test_audit_rows_survive_a_reopen(rig: Rig, run: Any, tmp_path: Path) -> None:
    charger = pick(rig.sim)
    perform(rig, run, request(ActionKind.LIMIT, charger, connector_id=0, amps=13), charger)
    rig.store.close()
    with Store(tmp_path / "history.db") as reopened:
        (entry,) = reopened.list_actions()
    assert entry.user_name == "Ann Admin"
    assert entry.charger_uuid == charger.uuid and entry.charger_identity == charger.identity
    assert entry.action == "limit"
    assert json.loads(entry.params) == {"amps": 13, "connector_id": 0}
    assert entry.reply == "accepted" and entry.reply_text and "Accepted" in entry.reply_text
    assert entry.outcome and "limit of 13 A in effect" in entry.outcome
    assert entry.finished_at is not None and entry.finished_at >= entry.sent_at
    event = action_event(entry)
    assert event.kind == "action" and event.id == -entry.id
    assert event.error_code == "Charge limit"
    assert event.error_info == f"by Ann Admin: {entry.outcome}"
    rig.store = Store(tmp_path / "history.db")  # for the fixture's close


def test_a_batch_stays_inside_the_request_budget(rig: Rig, run: Any) -> None:
    service = rig.service
    service.poll_seconds = 5.0  # a look every 5 s: 12 a minute for each charger in flight
    assert service.batch_parallel() == 8  # 20 % of 500 = 100 looks a minute: 8 at most
    budget = rig.client.budget

    async def spend(count: int) -> None:
        for _ in range(count):
            await budget.acquire()

    run(spend(budget.remaining() - 30))
    assert service.batch_parallel() == 1  # 30 left: 6 a minute, still one at a time
