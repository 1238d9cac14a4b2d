"""PublicSessionService against the simulator over loopback HTTP, on the qasync loop.

Time is scaled (see public_support): an API minute lasts 2 real seconds, so a session
runs from start to `captured` in a few seconds and rate-limit windows are short.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Callable
from typing import Any

import pytest

from plugdesk.api.models import PublicCharger, SessionState
from plugdesk.domain.credentials import CredentialStore
from plugdesk.domain.poll_pacing import PaceSettings
from plugdesk.services.public_sessions import SECRET_PREFIX
from plugdesk.services.qtasync import SignalWaiter
from plugdesk.simulator import Simulator
from tests.support.public import (
    SCALE,
    WINDOW,
    PublicRig,
    fast_simulator,
    free_connector,
    make_rig,
    max_in_window,
    session_get_times,
)

Run = Callable[..., Any]


def secrets_in(memory_keyring: Any) -> dict[str, str]:
    prefix = "secret:" + SECRET_PREFIX
    return {
        user.removeprefix("secret:"): value
        for (_service, user), value in memory_keyring.entries.items()
        if user.startswith(prefix)
    }


async def start_session(
    rig: PublicRig, code: str, connector: int, email: str | None = None
) -> str:
    added = SignalWaiter(rig.service.session_added)
    failed = SignalWaiter(rig.service.start_failed)
    assert rig.service.start(code, connector, email)
    done, _ = await asyncio.wait(
        [asyncio.ensure_future(added.wait(5)), asyncio.ensure_future(failed.wait(5))],
        return_when=asyncio.FIRST_COMPLETED,
    )
    result = done.pop().result()
    added.disconnect()
    failed.disconnect()
    assert not failed.emitted, f"start failed: {result}"
    return str(result[0])


async def wait_status(rig: PublicRig, key: str, status: str, seconds: float = 10) -> SessionState:
    current = rig.service.session(key)
    if current is not None and current.status == status:
        assert current.state is not None
        return current.state
    waiter = SignalWaiter(
        rig.service.session_updated, lambda k, state: k == key and state.data.status == status
    )
    _, state = await waiter.wait(seconds)
    return state  # type: ignore[no-any-return]


async def wait_ended(rig: PublicRig, key: str, seconds: float = 10) -> None:
    session = rig.service.session(key)
    if session is not None and session.ended:
        return
    await SignalWaiter(rig.service.session_ended, lambda k: k == key).wait(seconds)


# -- look-up -----------------------------------------------------------------------------------


def test_lookup_shows_the_charger_and_its_pricing(run: Run, fast_sim: Simulator) -> None:
    code, _ = free_connector(fast_sim)

    async def scenario() -> PublicCharger:
        rig = make_rig(fast_sim)
        done = SignalWaiter(rig.service.lookup_done)
        assert rig.service.lookup(f"  {code.lower()} ")  # case-insensitive, trimmed
        (charger,) = await done.wait(5)
        await rig.aclose()
        return charger  # type: ignore[no-any-return]

    charger = run(scenario())
    truth = fast_sim.public_charger(code)
    assert charger.public_code == code
    assert charger.name == truth["name"]
    assert charger.online is True
    assert charger.pricing is not None
    assert charger.pricing.price_per_kwh == truth["pricing"]["price_per_kwh"]
    assert [c.connector_id for c in charger.connectors or []] == [
        c["connector_id"] for c in truth["connectors"]
    ]


def test_lookup_of_an_unknown_code_says_so(run: Run, fast_sim: Simulator) -> None:
    async def scenario() -> str:
        rig = make_rig(fast_sim)
        failed = SignalWaiter(rig.service.lookup_failed)
        rig.service.lookup("NOSUCH1")
        (message,) = await failed.wait(5)
        await rig.aclose()
        return str(message)

    message = run(scenario())
    assert "No charger with public code NOSUCH1 offers public charging" in message


def test_a_bad_code_is_refused_before_any_request(run: Run, fast_sim: Simulator) -> None:
    async def scenario() -> list[str]:
        rig = make_rig(fast_sim)
        messages: list[str] = []
        rig.service.lookup_failed.connect(messages.append)
        rig.service.start_failed.connect(messages.append)
        assert not rig.service.lookup("TOO-LONG-CODE")
        assert not rig.service.start("AB12", 101, None)
        assert not rig.service.start("AB12", 1, "not-an-address")
        await rig.aclose()
        return messages

    messages = run(scenario())
    assert len(messages) == 3
    assert "at most 10 characters" in messages[0]
    assert "between 1 and 100" in messages[1]
    assert "does not look like an e-mail" in messages[2]
    assert [r for r in fast_sim.request_log if "public-charging" in r.path] == []


# -- a whole session ---------------------------------------------------------------------------


def test_session_from_start_to_captured(
    run: Run, fast_sim: Simulator, memory_keyring: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    code, connector = free_connector(fast_sim)
    seen: list[str] = []

    async def scenario() -> tuple[str, str, SessionState, int]:
        rig = make_rig(fast_sim)
        rig.service.session_updated.connect(lambda _k, state: seen.append(state.data.status))
        key = await start_session(rig, code, connector, "driver@example.com")
        token = secrets_in(memory_keyring)[key]
        created = rig.service.session(key)
        assert created is not None and created.status == "created"
        assert created.state is not None and created.state.payment is not None
        assert rig.service.confirm(key)
        state = await wait_status(rig, key, "captured", 15)
        await wait_ended(rig, key)
        gets_at_end = len(session_get_times(fast_sim))
        await asyncio.sleep(rig.service.pace.interval * 4)
        extra_gets = len(session_get_times(fast_sim)) - gets_at_end
        await rig.aclose()
        return key, token, state, extra_gets

    key, token, state, extra_gets = run(scenario(), timeout=30)
    data = state.data
    assert key.startswith(SECRET_PREFIX)
    assert data.status == "captured"
    for stamp in ("created_at", "authorized_at", "charging_started_at", "completed_at",
                  "captured_at"):  # fmt: skip
        assert getattr(data, stamp) is not None, stamp
    assert data.energy_kwh is not None and data.energy_kwh > 0
    assert data.amount_captured is not None and data.amount_captured > 0
    assert data.driver_email == "driver@example.com"
    assert seen[0] == "created" and "charging" in seen and seen[-1] == "captured"
    assert extra_gets == 0, "polling went on after the terminal status"
    assert secrets_in(memory_keyring) == {}, "the token outlived its session"
    assert fast_sim.sessions[token]["status"] == "captured"
    assert token not in caplog.text
    assert token[:12] not in caplog.text


def test_a_second_start_cannot_fire_while_one_is_in_flight(run: Run, fast_sim: Simulator) -> None:
    code, connector = free_connector(fast_sim)
    busy: list[bool] = []

    async def scenario() -> tuple[bool, bool]:
        rig = make_rig(fast_sim)
        rig.service.start_busy_changed.connect(busy.append)
        added = SignalWaiter(rig.service.session_added)
        first = rig.service.start(code, connector)
        second = rig.service.start(code, connector)
        await added.wait(5)
        await asyncio.sleep(0.2)
        await rig.aclose()
        return first, second

    first, second = run(scenario())
    assert (first, second) == (True, False)
    starts = [r for r in fast_sim.request_log if r.route == "public.sessions.start"]
    assert len(starts) == 1
    assert busy == [True, False]


def test_start_refusals_have_their_own_messages(run: Run) -> None:
    # One successful start per charger an hour: the per-charger cap answers 429.
    sim = fast_simulator(public_starts_per_hour=1)
    code, connector = free_connector(sim)
    offline_code, offline_connector = free_connector(sim, skip=1)
    sim.force_offline(sim.charger_uuid_for_code(offline_code))

    async def attempt(rig: PublicRig, code: str, connector: int) -> str:
        failed = SignalWaiter(rig.service.start_failed)
        assert rig.service.start(code, connector)
        (message,) = await failed.wait(5)
        return str(message)

    async def scenario() -> list[str]:
        rig = make_rig(sim)
        messages = [
            await attempt(rig, "NOSUCH1", 1),
            await attempt(rig, offline_code, offline_connector),
            await attempt(rig, code, 99),
        ]
        await asyncio.sleep(WINDOW * 1.25)  # a fresh per-address window (3 starts a minute)
        key = await start_session(rig, code, connector)
        messages.append(await attempt(rig, code, connector))  # that connector is taken now
        assert rig.service.cancel(key)
        await wait_ended(rig, key)
        messages.append(await attempt(rig, code, connector))  # free again, but over the cap
        await rig.aclose()
        return messages

    try:
        messages = run(scenario(), timeout=20)
    finally:
        sim.stop()
    assert "(404)" in messages[0] and "NOSUCH1" in messages[0]
    assert "offline (400)" in messages[1]
    assert "connector 99 is not known" in messages[2] and "(422)" in messages[2]
    assert "connector_id: The selected connector id is invalid." in messages[2]
    assert "not available right now (409)" in messages[3]
    assert "(429)" in messages[4] and "Try again in 2 min (at " in messages[4]
    starts = [r.status for r in sim.request_log if r.route == "public.sessions.start"]
    assert starts == [404, 400, 422, 201, 409, 429]  # each sent once: never retried


# -- polling pace ------------------------------------------------------------------------------


def test_polling_stops_at_a_terminal_status(
    run: Run, fast_sim: Simulator, memory_keyring: Any
) -> None:
    code, connector = free_connector(fast_sim)

    async def scenario() -> tuple[list[str], int, bool]:
        rig = make_rig(fast_sim)
        key = await start_session(rig, code, connector)
        await asyncio.sleep(rig.service.pace.interval * 3)  # a few polls while created
        assert rig.service.cancel(key)
        await wait_ended(rig, key)
        polling = rig.service.is_polling(key)
        ended_at = time.monotonic()
        await asyncio.sleep(rig.service.pace.interval * 6)
        late = [t for t, _ in rig.client.gets if t > ended_at]
        statuses = [s.status or "" for s in rig.service.sessions()]
        await rig.aclose()
        return statuses, len(late), polling

    statuses, late, polling = run(scenario())
    assert statuses == ["abandoned"]
    assert late == 0
    assert polling is False
    assert secrets_in(memory_keyring) == {}


def test_a_429_while_polling_slows_the_pace_and_it_recovers(run: Run) -> None:
    """Another program on this address uses up the GET budget: the service must wait out
    Retry-After, poll slower for a while, then return to its normal pace."""
    import httpx

    fast_sim = fast_simulator(public_session_charge_seconds=3600.0)  # charges throughout
    code, connector = free_connector(fast_sim)
    paces: list[float] = []

    async def scenario() -> tuple[list[tuple[float, str]], float, str]:
        # max_attempts=1: the client hands the 429 straight to the service.
        rig = make_rig(fast_sim, max_attempts=1)
        rig.service.pace_changed.connect(lambda: paces.append(rig.service.backoff))
        errors: list[str] = []
        rig.service.session_error.connect(lambda _k, text: errors.append(text))
        key = await start_session(rig, code, connector)
        assert rig.service.confirm(key)
        await wait_status(rig, key, "charging")
        slowing = SignalWaiter(rig.service.pace_changed)
        async with httpx.AsyncClient() as other:  # exhaust this address's GET bucket
            url = f"{fast_sim.base_url}/public-charging/sessions/someone-elses-token"
            for _ in range(30):
                await other.get(url)
        await slowing.wait(5)
        slowed = rig.service.backoff
        while rig.service.backoff > 1:
            await SignalWaiter(rig.service.pace_changed).wait(10)
        await asyncio.sleep(rig.service.pace.interval * 3)
        gets = list(rig.client.gets)
        await rig.aclose()
        return gets, slowed, errors[0] if errors else ""

    try:
        gets, slowed, message = run(scenario(), timeout=30)
    finally:
        fast_sim.stop()
    assert slowed == 2.0
    assert paces[0] == 2.0 and paces[-1] == 1.0  # slowed down, then recovered
    assert "slow down (429)" in message
    limited = [i for i, (_, outcome) in enumerate(gets) if outcome == "RateLimitedError"]
    assert len(limited) == 1, gets
    after = gets[limited[0] + 1 :]
    assert after and all(outcome == "ok" for _, outcome in after)
    # Retry-After (at least 1 s on the wire) was honoured, and the pace after it was slower.
    assert after[0][0] - gets[limited[0]][0] >= 1.0
    interval = PaceSettings().scaled(SCALE).interval
    slow_gaps = [b[0] - a[0] for a, b in itertools.pairwise(after[:3])]
    assert all(gap >= interval * 2 * 0.9 for gap in slow_gaps), slow_gaps
    normal_gaps = [b[0] - a[0] for a, b in itertools.pairwise(after[-3:])]
    assert all(gap < interval * 2 * 0.9 for gap in normal_gaps), normal_gaps


def test_a_scaled_five_minute_session_never_exceeds_30_gets_a_minute(run: Run) -> None:
    """Three sessions charging for five (scaled) minutes: the simulator counts every GET
    of a session; in no window of one (scaled) minute are there more than 30."""
    sim = fast_simulator(public_session_charge_seconds=300.0)
    try:
        keys_codes = [free_connector(sim, skip=n) for n in range(3)]

        async def scenario() -> tuple[float, float, list[str]]:
            rig = make_rig(sim)
            keys = []
            for code, connector in keys_codes:
                keys.append(await start_session(rig, code, connector))
            begin = time.monotonic()
            for key in keys:
                assert rig.service.confirm(key)
            for key in keys:
                await wait_ended(rig, key, 25)
            end = time.monotonic()
            statuses = [s.status or "" for s in rig.service.sessions()]
            await rig.aclose()
            return begin, end, statuses

        begin, end, statuses = run(scenario(), timeout=40)
        assert statuses == ["captured"] * 3
        assert end - begin >= 300 / 30 * 0.9  # five simulated minutes really passed
        times = session_get_times(sim)
        assert len(times) > 40  # it did poll, all along
        assert max_in_window(times, WINDOW) <= 30
        assert max_in_window(times, WINDOW) <= 24 + 2  # our own ceiling, plus arrival jitter
        assert not [r for r in sim.request_log if r.status == 429]
    finally:
        sim.stop()


# -- several sessions, resume, pasted tokens ---------------------------------------------------


def test_two_sessions_are_followed_at_once(
    run: Run, fast_sim: Simulator, memory_keyring: Any
) -> None:
    first = free_connector(fast_sim)
    second = free_connector(fast_sim, currency="JPY")

    async def scenario() -> tuple[int, list[SessionState | None]]:
        rig = make_rig(fast_sim)
        a = await start_session(rig, *first)
        b = await start_session(rig, *second)
        stored = len(secrets_in(memory_keyring))
        assert rig.service.confirm(a) and rig.service.confirm(b)
        await asyncio.gather(wait_ended(rig, a, 15), wait_ended(rig, b, 15))
        states = [s.state for s in rig.service.sessions()]
        await rig.aclose()
        return stored, states

    stored, states = run(scenario(), timeout=30)
    assert stored == 2
    assert [s.data.status for s in states if s is not None] == ["captured", "captured"]
    currencies = [s.data.pricing.currency for s in states if s and s.data.pricing]
    assert currencies == ["EUR", "JPY"]
    assert secrets_in(memory_keyring) == {}


def test_tracking_resumes_from_the_keyring_after_a_restart(
    run: Run, fast_sim: Simulator, memory_keyring: Any
) -> None:
    code, connector = free_connector(fast_sim)

    async def first_run() -> str:
        rig = make_rig(fast_sim)
        key = await start_session(rig, code, connector)
        await rig.aclose()  # quit while the session waits for its card hold
        return key

    async def second_run() -> tuple[list[str], str, str]:
        rig = make_rig(fast_sim, credentials=CredentialStore())
        keys = await rig.service.resume_saved()
        state = await wait_status(rig, keys[0], "created")
        assert state.data.charger is not None
        masked = rig.service.sessions()[0].masked_token
        assert rig.service.confirm(keys[0])
        await wait_ended(rig, keys[0], 15)
        status = rig.service.sessions()[0].status or ""
        await rig.aclose()
        return keys, masked, status

    key = run(first_run())
    token = secrets_in(memory_keyring)[key]
    keys, masked, status = run(second_run(), timeout=25)
    assert keys == [key]
    assert masked == token[:4] + "…"
    assert status == "captured"
    assert secrets_in(memory_keyring) == {}


def test_track_an_existing_session_by_its_token(
    run: Run, fast_sim: Simulator, memory_keyring: Any
) -> None:
    import httpx

    code, connector = free_connector(fast_sim)
    reply = httpx.post(
        f"{fast_sim.base_url}/public-charging/sessions",
        json={"code": code, "connector_id": connector},
    )
    token = reply.json()["session_token"]

    async def scenario() -> tuple[str | None, str | None, str | None, list[str]]:
        rig = make_rig(fast_sim)
        refused: list[str] = []
        rig.service.track_failed.connect(refused.append)
        key = rig.service.track_existing(f"  {token}\n")
        assert key is not None
        state = await wait_status(rig, key, "created")
        stored = secrets_in(memory_keyring).get(key)
        again = rig.service.track_existing(token)  # the same session twice: no duplicate
        assert len(rig.service.sessions()) == 1
        assert rig.service.cancel(key)
        await wait_ended(rig, key)
        await rig.aclose()
        return stored, again, state.data.status, refused

    stored, again, status, refused = run(scenario())
    assert stored == token
    assert again is not None
    assert status == "created"
    assert len(refused) == 1 and "already followed" in refused[0] and token not in refused[0]
    assert secrets_in(memory_keyring) == {}


def test_an_unknown_token_is_dropped_with_a_reason(
    run: Run, fast_sim: Simulator, memory_keyring: Any
) -> None:
    async def scenario() -> tuple[str, bool]:
        rig = make_rig(fast_sim)
        errors = SignalWaiter(rig.service.session_error)
        key = rig.service.track_existing("pcs_doesnotexist0123456789")
        assert key is not None
        _, message = await errors.wait(5)
        await wait_ended(rig, key)
        session = rig.service.session(key)
        await rig.aclose()
        return str(message), bool(session and session.ended)

    message, ended = run(scenario())
    assert "(404)" in message and "pcs_doesnotexist" not in message
    assert ended
    assert secrets_in(memory_keyring) == {}


def test_actions_refused_by_the_api_are_explained(run: Run, fast_sim: Simulator) -> None:
    code, connector = free_connector(fast_sim)

    async def scenario() -> list[str]:
        rig = make_rig(fast_sim)
        messages: list[str] = []
        rig.service.session_error.connect(lambda _k, text: messages.append(text))
        key = await start_session(rig, code, connector)
        assert rig.service.confirm(key)
        await wait_status(rig, key, "charging")
        # The charger drops off the network: stop is refused with 400.
        fast_sim.force_offline(fast_sim.charger_uuid_for_code(code))
        assert rig.service.stop(key)
        await SignalWaiter(rig.service.action_busy_changed, lambda k, busy: not busy).wait(5)
        # Locally refused: cancel makes no sense while charging.
        assert not rig.service.cancel(key)
        await rig.aclose()
        return messages

    messages = run(scenario())
    assert any("refused to stop or is offline (400)" in m for m in messages), messages
    assert any("cannot be cancelled" in m for m in messages), messages
