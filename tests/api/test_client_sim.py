"""The client against the simulator over a real loopback socket.

Every endpoint, pagination over several pages, each filter, and every error the wire can
produce (401, 400, 404, 409, 422, 429, 500, 504, connection loss, broken bodies), with the
simulator's request log as the witness of how many requests were really sent."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import pytest

from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient
from plugdesk.api.errors import (
    AuthError,
    BadRequestError,
    BadResponseError,
    ConflictError,
    GatewayTimeoutError,
    NetworkError,
    NotFoundError,
    PlugchoiceError,
    RateLimitedError,
    ServerError,
    ValidationError,
)
from plugdesk.api.models import PublicCharger, Transaction
from plugdesk.simulator import Simulator
from tests.api.helpers import FakeClock

T = TypeVar("T")


def arun(coro: Any) -> Any:
    return asyncio.run(coro)


def call(client: PlugchoiceClient, method: Callable[[PlugchoiceClient], Awaitable[T]]) -> T:
    """One call on a fresh client, closed afterwards (a client lives on one event loop)."""

    async def scenario() -> T:
        async with client:
            return await method(client)

    result: T = arun(scenario())
    return result


def client_for(sim: Simulator, clock: FakeClock | None = None, **kw: Any) -> PlugchoiceClient:
    """A client whose waits cost no real time when `clock` is given."""
    if clock is not None:
        kw.setdefault("sleep", clock.sleep)
        kw.setdefault("budget", RequestBudget(clock=clock, sleep=clock.sleep))
    kw.setdefault("token", sim.token)
    return PlugchoiceClient(sim.base_url, **kw)


def requests_to(sim: Simulator, route: str, method: str | None = None) -> list[Any]:
    return [r for r in sim.request_log if r.route == route and method in (None, r.method)]


def assert_no_secrets(error: BaseException, *secrets: str) -> None:
    for text in (str(error), repr(error), *getattr(error, "args", ())):
        for secret in secrets:
            assert secret not in str(text), f"secret leaked into {type(error).__name__}"


def parse(ts: str | None) -> datetime | None:
    return None if ts is None else datetime.fromisoformat(ts.replace("Z", "+00:00"))


@pytest.fixture
def frozen_sim() -> Iterator[Simulator]:
    """A fleet that only changes when the test advances its clock."""
    with Simulator(chargers=12, seed=11, time_scale=0, big_charger_transactions=130) as sim:
        yield sim


# -- reading the fleet -----------------------------------------------------------------------


def test_user_and_token_check(sim: Simulator) -> None:
    user = call(client_for(sim), lambda c: c.get_user())
    assert user.name == "Sam de Vries"
    assert user.created_at is not None and user.created_at.tzinfo is not None
    (record,) = requests_to(sim, "user")
    assert record.authorized


def test_pagination_across_four_pages() -> None:
    with Simulator(chargers=80, seed=3, time_scale=0) as sim:

        async def scenario() -> tuple[list[int], list[str]]:
            async with client_for(sim) as client:
                sizes = [len(page) async for page in client.iter_charger_pages()]
                uuids = [c.uuid async for c in client.iter_chargers()]
                assert [c.uuid for c in await client.list_chargers()] == uuids
                return sizes, uuids

        sizes, uuids = arun(scenario())
        assert sizes == [25, 25, 25, 5]
        assert uuids == sim.charger_uuids()
        pages = [r.query.get("page", "1") for r in requests_to(sim, "chargers.index")]
        assert pages == ["1", "2", "3", "4"] * 3
        truth = {c["uuid"]: c for c in sim.chargers()}
        listed = call(client_for(sim), lambda c: c.list_chargers())
        for charger in listed:
            assert charger.identity == truth[charger.uuid]["identity"]
            assert charger.connection_status == truth[charger.uuid]["connection_status"]


def test_reading_ahead_keeps_pages_in_flight_and_the_order() -> None:
    with Simulator(chargers=300, seed=3, time_scale=0) as sim:  # 12 pages
        in_flight = most = 0

        async def scenario() -> tuple[list[str], list[int]]:
            nonlocal in_flight, most
            async with client_for(sim) as client:
                send = client._send

                async def counting(call: Any) -> bytes:
                    nonlocal in_flight, most
                    in_flight += 1
                    most = max(most, in_flight)
                    try:
                        return await send(call)
                    finally:
                        in_flight -= 1

                client._send = counting  # type: ignore[method-assign]
                sizes: list[int] = []
                uuids: list[str] = []
                async for page in client.iter_charger_pages(read_ahead=4):
                    sizes.append(len(page))
                    uuids.extend(c.uuid for c in page)
                return uuids, sizes

        uuids, sizes = arun(scenario())
        assert uuids == sim.charger_uuids()  # every charger once, in the server's order
        assert sizes == [25] * 12
        assert 1 < most <= 4
        pages = [int(r.query.get("page", "1")) for r in requests_to(sim, "chargers.index")]
        assert set(range(1, 13)) <= set(pages)
        # At most three guesses past the end (a guess cancelled early is never sent).
        assert all(page <= 12 + 3 for page in pages)
        assert pages[:4] == [1, 2, 3, 4]  # a short list is read one page at a time


def test_reading_ahead_is_not_spent_on_a_short_list() -> None:
    with Simulator(chargers=80, seed=3, time_scale=0) as sim:  # 4 pages

        async def scenario() -> int:
            async with client_for(sim) as client:
                return sum([len(p) async for p in client.iter_charger_pages(read_ahead=4)])

        assert arun(scenario()) == 80
        pages = [r.query.get("page", "1") for r in requests_to(sim, "chargers.index")]
        assert pages == ["1", "2", "3", "4"]


def test_get_charger_with_connectors_and_power_usage(sim: Simulator) -> None:
    uuid = sim.charger_uuids()[0]
    truth = sim.charger(uuid)

    async def scenario() -> Any:
        async with client_for(sim) as client:
            charger = await client.get_charger(uuid)
            usage = await client.get_power_usage(uuid, 1)
            return charger, usage

    charger, usage = arun(scenario())
    assert charger.uuid == uuid and charger.connectors is not None
    assert [c.connector_id for c in charger.connectors] == [
        c["connector_id"] for c in truth["connectors"]
    ]
    assert charger.pincode == truth.get("pincode")
    assert usage.timestamp is None or usage.timestamp.tzinfo is not None
    for value in (usage.l1, usage.l2, usage.l3, usage.kw):
        assert value is None or isinstance(value, float)


# -- transactions ----------------------------------------------------------------------------


def _big_charger(sim: Simulator) -> tuple[str, list[dict[str, Any]]]:
    uuid = max(sim.charger_uuids(), key=lambda u: len(sim.transactions_for(u)))
    return uuid, sim.transactions_for(uuid)


def test_transactions_all_pages_and_limits(frozen_sim: Simulator) -> None:
    uuid, truth = _big_charger(frozen_sim)
    assert len(truth) > 100

    async def scenario() -> dict[str, list[Transaction]]:
        async with client_for(frozen_sim) as client:
            return {
                "all": await client.list_transactions(uuid),
                "7": await client.list_transactions(uuid, limit=7),
                "60": await client.list_transactions(uuid, limit=60),
                "iter": [t async for t in client.iter_transactions(uuid, limit=30)],
            }

    got = arun(scenario())
    assert [t.id for t in got["all"]] == [t["id"] for t in truth]
    assert [t.id for t in got["7"]] == [t["id"] for t in truth[:7]]
    assert [t.id for t in got["60"]] == [t["id"] for t in truth[:60]]
    assert [t.id for t in got["iter"]] == [t["id"] for t in truth[:30]]
    limited = [r for r in requests_to(frozen_sim, "chargers.transactions") if "limit" in r.query]
    assert {r.query["limit"] for r in limited} == {"7", "60", "30"}
    # limit=60 is three pages of 25; the fourth is never requested.
    assert sum(1 for r in limited if r.query["limit"] == "60") == 3
    assert all(r.status == 200 for r in frozen_sim.request_log)
    finished = next(t for t in got["all"] if not t.is_active)
    assert isinstance(finished.total_kwh, float)
    assert finished.duration is not None and finished.duration >= timedelta(0)


def test_transaction_status_filters(frozen_sim: Simulator) -> None:
    uuid, truth = _big_charger(frozen_sim)

    async def scenario() -> tuple[list[Transaction], list[Transaction]]:
        async with client_for(frozen_sim) as client:
            active = await client.list_transactions(uuid, status="active")
            finished = await client.list_transactions(uuid, status="finished")
            return active, finished

    active, finished = arun(scenario())
    assert [t.id for t in active] == [t["id"] for t in truth if t["stopped_at"] is None]
    assert [t.id for t in finished] == [t["id"] for t in truth if t["stopped_at"] is not None]
    assert all(t.is_active for t in active) and not any(t.is_active for t in finished)
    statuses = [
        r.query.get("filter[status]") for r in requests_to(frozen_sim, "chargers.transactions")
    ]
    assert "active" in statuses and "finished" in statuses


def test_transaction_date_filters(frozen_sim: Simulator) -> None:
    uuid, truth = _big_charger(frozen_sim)
    starts = sorted({datetime.fromisoformat(t["started_at"]) for t in truth})
    middle = len(starts) // 2
    # Halfway between two start times, so no row sits exactly on the boundary.
    cut = starts[middle - 1] + (starts[middle] - starts[middle - 1]) / 2
    early_stop = parse(truth[len(truth) * 3 // 4]["stopped_at"])
    assert early_stop is not None
    day = (cut - timedelta(days=3)).date()

    def started(t: dict[str, Any], bound: datetime) -> bool:
        value = parse(t["started_at"])
        return value is not None and value >= bound

    def stopped(t: dict[str, Any], bound: datetime) -> bool:
        value = parse(t["stopped_at"])
        return value is not None and value <= bound

    async def scenario() -> list[list[Transaction]]:
        async with client_for(frozen_sim) as client:
            return [
                await client.list_transactions(uuid, started_from=cut),
                await client.list_transactions(uuid, stopped_until=early_stop),
                await client.list_transactions(
                    uuid, started_from=cut - timedelta(days=5), stopped_until=cut
                ),
                await client.list_transactions(uuid, started_from=day, status="finished"),
            ]

    from_cut, until_stop, between, from_day = arun(scenario())
    assert [t.id for t in from_cut] == [t["id"] for t in truth if started(t, cut)]
    assert 0 < len(from_cut) < len(truth)
    assert [t.id for t in until_stop] == [t["id"] for t in truth if stopped(t, early_stop)]
    assert 0 < len(until_stop) < len(truth)
    window_start = cut - timedelta(days=5)
    assert [t.id for t in between] == [
        t["id"] for t in truth if started(t, window_start) and stopped(t, cut)
    ]
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    assert [t.id for t in from_day] == [
        t["id"] for t in truth if started(t, midnight) and t["stopped_at"] is not None
    ]
    sent = [r.query for r in requests_to(frozen_sim, "chargers.transactions")]
    assert any(q.get("filter[started_from]") == day.isoformat() for q in sent)
    assert any(q.get("filter[stopped_until]", "").endswith("Z") for q in sent)


def test_unknown_fields_odd_values_and_nulls_over_the_wire(frozen_sim: Simulator) -> None:
    uuid = frozen_sim.charger_uuids()[1]
    frozen_sim.add_transaction(
        uuid,
        total_kwh="12.50",
        id_tag='=HYPERLINK("http://x")',
        reservation_id=None,
        stop_reason="SomethingNew",
        brand_new_field={"nested": [1, 2, 3]},
    )
    rows = call(client_for(frozen_sim), lambda c: c.list_transactions(uuid))
    added = next(t for t in rows if t.stop_reason == "SomethingNew")
    assert added.total_kwh == 12.5
    assert added.id_tag == '=HYPERLINK("http://x")'
    assert added.reservation_id is None


def test_malformed_row_raises_bad_response_naming_the_path(frozen_sim: Simulator) -> None:
    uuid = frozen_sim.charger_uuids()[2]
    bad = frozen_sim.add_transaction(uuid, meter_start="lots")
    index = [t["id"] for t in frozen_sim.transactions_for(uuid)].index(bad["id"])
    with pytest.raises(BadResponseError) as caught:
        call(client_for(frozen_sim), lambda c: c.list_transactions(uuid))
    page, row = divmod(index, 25)
    assert caught.value.path == f"$.data[{row}].meter_start"
    assert f"$.data[{row}].meter_start" in str(caught.value)
    assert f"page {page + 1}" in str(caught.value)
    assert_no_secrets(caught.value, frozen_sim.token)


# -- errors from the wire --------------------------------------------------------------------


def test_401_wrong_and_revoked_token(sim: Simulator) -> None:
    wrong = "1|this-is-not-the-right-token"
    with pytest.raises(AuthError) as caught:
        call(client_for(sim, token=wrong), lambda c: c.get_user())
    assert str(caught.value) == "The API rejected the token (401 Unauthenticated). Sign in again."
    assert_no_secrets(caught.value, wrong)
    sim.revoke_token()
    with pytest.raises(AuthError) as revoked:
        call(client_for(sim), lambda c: c.list_chargers())
    assert_no_secrets(revoked.value, sim.token)
    assert all(not r.authorized for r in sim.request_log)
    assert len(sim.request_log) == 2  # a 401 is final: no retries


def test_404_unknown_charger_and_session(sim: Simulator) -> None:
    session_token = "pcs_" + "Z" * 40
    with pytest.raises(NotFoundError) as charger:
        call(client_for(sim), lambda c: c.get_charger("00000000-0000-4000-8000-000000000000"))
    assert "00000000-0000-4000-8000-000000000000" in str(charger.value)
    with pytest.raises(NotFoundError) as session:
        call(client_for(sim), lambda c: c.get_public_session(session_token))
    assert "pcs_…" in str(session.value)
    assert_no_secrets(session.value, session_token, sim.token)


def _startable(sim: Simulator) -> tuple[str, int, PublicCharger]:
    """A public code with an online charger and a free connector."""

    async def find() -> tuple[str, int, PublicCharger]:
        async with client_for(sim) as client:
            for code in sim.public_codes():
                charger = await client.get_public_charger(code)
                uuid = sim.charger_uuid_for_code(code)
                if not charger.online or sim.charger(uuid)["status"] != "Available":
                    continue
                for connector in charger.connectors or []:
                    if connector.status == "Available" and connector.connector_id is not None:
                        return code, connector.connector_id, charger
        raise AssertionError("no startable public charger in this fleet")

    return arun(find())


def test_public_session_life_and_its_errors() -> None:
    with Simulator(chargers=30, seed=5, time_scale=0) as sim:
        code, connector_id, charger = _startable(sim)
        assert charger.pricing is not None and charger.pricing.currency
        uuid = sim.charger_uuid_for_code(code)

        async def scenario() -> None:
            async with client_for(sim, token=None) as client:
                started = await client.start_public_session(
                    code.lower(), connector_id, "d@example.org"
                )
                token = started.session_token
                assert started.data.status == "created" and started.data.needs_payment
                assert started.payment is not None and started.payment.client_secret
                assert token not in repr(started)

                with pytest.raises(ConflictError) as busy:  # a second start, same connector
                    await client.start_public_session(code, connector_id)
                assert "409" in str(busy.value)

                confirmed = await client.confirm_public_session(token)
                assert confirmed.data.status == "authorized" and confirmed.payment is None
                with pytest.raises(ConflictError):  # confirming twice
                    await client.confirm_public_session(token)

                sim.advance(10)  # authorized -> starting -> charging
                state = await client.get_public_session(token)
                assert state.data.status == "charging" and state.data.can_stop

                sim.force_offline(uuid)  # it cannot be stopped remotely now
                with pytest.raises(BadRequestError) as offline:
                    await client.stop_public_session(token)
                assert "offline" in str(offline.value)
                assert_no_secrets(offline.value, token)
                sim.force_online(uuid)

                stopped = await client.stop_public_session(token)
                assert stopped.data.status == "stopping"
                with pytest.raises(ConflictError) as late:  # too late to cancel
                    await client.cancel_public_session(token)
                assert_no_secrets(late.value, token)
                sim.advance(10)
                final = await client.get_public_session(token)
                assert final.data.is_terminal and final.data.status in ("captured", "no_charge")
                assert final.data.completed_at is not None
                assert final.data.completed_at.tzinfo is not None

        arun(scenario())
        log = [r for r in sim.request_log if r.route.startswith("public.")]
        assert len(log) == 11
        assert not any(r.authorized for r in log)  # public routes never got the API token


def test_422_field_errors_and_400_offline_start_are_not_retried() -> None:
    with Simulator(chargers=30, seed=5, time_scale=0) as sim:
        code, _, charger = _startable(sim)
        too_many = len(charger.connectors or []) + 5
        with pytest.raises(ValidationError) as invalid:
            call(client_for(sim), lambda c: c.start_public_session(code, too_many))
        assert invalid.value.field_errors == {
            "connector_id": ["The selected connector id is invalid."]
        }
        assert "connector_id: The selected connector id is invalid." in str(invalid.value)
        sim.force_offline(sim.charger_uuid_for_code(code))
        with pytest.raises(BadRequestError) as offline:
            call(client_for(sim), lambda c: c.start_public_session(code, 1))
        assert "The charger is offline." in str(offline.value)
        assert len(requests_to(sim, "public.sessions.start")) == 2


def test_public_429_is_reported_with_retry_after_and_post_not_retried() -> None:
    with Simulator(chargers=30, seed=5, time_scale=0, public_rate_limits={"start": 1}) as sim:
        code, connector_id, _ = _startable(sim)
        roomy = {"session_start": RequestBudget(100)}  # let the server be the one to refuse

        async def scenario() -> None:
            async with client_for(sim, public_budgets=roomy) as client:
                await client.start_public_session(code, connector_id)
                await client.start_public_session(code, connector_id)

        with pytest.raises(RateLimitedError) as caught:
            arun(scenario())
        assert caught.value.retry_after is not None and caught.value.retry_after >= 1
        assert "Try again in" in str(caught.value)
        assert [r.status for r in requests_to(sim, "public.sessions.start")] == [201, 429]
        assert roomy["session_start"].paused_for() > 0


def test_429_is_honoured_then_the_request_succeeds() -> None:
    with Simulator(chargers=5, seed=1, rate_limit_per_minute=2, rate_window_seconds=1.0) as sim:
        waits: list[float] = []

        async def recording_sleep(seconds: float) -> None:
            waits.append(seconds)
            await asyncio.sleep(seconds)

        client = client_for(sim, sleep=recording_sleep)

        async def scenario() -> None:
            async with client:
                for _ in range(3):
                    await client.get_user()

        started = time.monotonic()
        arun(scenario())
        elapsed = time.monotonic() - started
        statuses = [r.status for r in requests_to(sim, "user")]
        assert statuses == [200, 200, 429, 200]
        assert waits == [1.0]  # exactly the server's Retry-After
        assert elapsed >= 0.9
        assert client.budget.server_limit == 2


def test_budget_keeps_us_under_the_servers_limit() -> None:
    with Simulator(chargers=5, seed=1, rate_limit_per_minute=4, rate_window_seconds=0.5) as sim:
        budget = RequestBudget(4, window=0.7)  # more conservative than the server, for jitter
        client = client_for(sim, budget=budget)

        async def scenario() -> None:
            async with client:
                await asyncio.gather(*(client.get_user() for _ in range(10)))

        arun(scenario())
        assert [r.status for r in requests_to(sim, "user")] == [200] * 10
        assert budget.used_last_window() <= 4


def test_throttled_storm_is_waited_out() -> None:
    with Simulator(chargers=5, seed=1) as sim:
        sim.set_chaos("throttled", storm_seconds=0.6, period=1000, retry_after=1)
        charger_count = len(call(client_for(sim), lambda c: c.list_chargers()))
        assert charger_count == 5
        statuses = [r.status for r in requests_to(sim, "chargers.index")]
        assert statuses[0] == 429 and statuses[-1] == 200
        assert all(r.chaos == "throttled" for r in requests_to(sim, "chargers.index")[:-1])


def test_server_errors_retried_a_bounded_number_of_times(sim: Simulator) -> None:
    sim.set_chaos("flaky", error_rate=1.0)
    clock = FakeClock()
    with pytest.raises(ServerError):
        call(client_for(sim, clock, max_attempts=3), lambda c: c.list_chargers())
    assert len(requests_to(sim, "chargers.index")) == 3
    assert len(clock.sleeps) == 2 and clock.sleeps[1] > clock.sleeps[0] / 2


def test_500_and_504_each_map_to_their_error(sim: Simulator) -> None:
    sim.set_chaos("flaky", error_rate=1.0)
    client = client_for(sim, max_attempts=1)
    seen: dict[int, PlugchoiceError] = {}

    async def scenario() -> None:
        async with client:
            for _ in range(40):
                try:
                    await client.get_user()
                except ServerError as error:
                    seen[error.status or 0] = error
                if {500, 504} <= set(seen):
                    return

    arun(scenario())
    assert type(seen[500]) is ServerError and "internal error" in str(seen[500])
    assert isinstance(seen[504], GatewayTimeoutError) and "did not respond" in str(seen[504])
    for error in seen.values():
        assert_no_secrets(error, sim.token)


def test_flaky_server_is_survived_by_retries(sim: Simulator) -> None:
    sim.set_chaos("flaky", error_rate=0.3)
    clock = FakeClock()
    client = client_for(sim, clock, max_attempts=6)
    chargers = call(client, lambda c: c.list_chargers())
    assert [c.uuid for c in chargers] == sim.charger_uuids()
    failed = [r for r in requests_to(sim, "chargers.index") if r.status != 200]
    assert len(clock.sleeps) == len(failed)


def test_post_is_never_retried_on_server_errors() -> None:
    with Simulator(chargers=30, seed=5, time_scale=0) as sim:
        code, connector_id, _ = _startable(sim)
        sim.set_chaos("flaky", error_rate=1.0, public=True)
        with pytest.raises(ServerError):
            call(client_for(sim, FakeClock()), lambda c: c.start_public_session(code, connector_id))
        assert len(requests_to(sim, "public.sessions.start")) == 1


def test_connection_reset_is_a_network_error_after_bounded_retries(sim: Simulator) -> None:
    sim.set_chaos("outage", duration=None)
    clock = FakeClock()
    with pytest.raises(NetworkError) as caught:
        call(client_for(sim, clock, max_attempts=3), lambda c: c.get_user())
    assert caught.value.status is None
    assert "127.0.0.1" in str(caught.value)
    assert [r.status for r in requests_to(sim, "user")] == [0, 0, 0]
    assert len(clock.sleeps) == 2
    assert_no_secrets(caught.value, sim.token)


def test_body_cut_mid_way_is_a_network_error(sim: Simulator) -> None:
    sim.set_chaos("drop", rate=1.0)
    with pytest.raises(NetworkError) as caught:
        call(client_for(sim, FakeClock(), max_attempts=2), lambda c: c.list_chargers())
    assert "broke off" in str(caught.value)
    assert len(requests_to(sim, "chargers.index")) == 2


def test_nothing_listening_is_a_network_error() -> None:
    with Simulator(chargers=1, seed=1) as sim:
        url, token = sim.base_url, sim.token
    clock = FakeClock()
    client = PlugchoiceClient(
        url,
        token,
        sleep=clock.sleep,
        budget=RequestBudget(clock=clock, sleep=clock.sleep),
        max_attempts=2,
    )
    with pytest.raises(NetworkError) as caught:
        call(client, lambda c: c.get_user())
    assert "Could not connect" in str(caught.value)
    assert len(clock.sleeps) == 1


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("malformed", "malformed"),
        ("truncated", "truncated"),
        ("empty", "empty answer"),
        ("wrong_types", "$.data[0]."),
    ],
)
def test_garbage_bodies_are_bad_responses(sim: Simulator, kind: str, words: str) -> None:
    sim.set_chaos("garbage", rate=1.0, kinds=(kind,))
    with pytest.raises(BadResponseError) as caught:
        call(client_for(sim), lambda c: c.list_chargers())
    assert words in str(caught.value)
    assert caught.value.path.startswith("$")
    assert len(requests_to(sim, "chargers.index")) == 1  # a broken 200 is not retried
    assert_no_secrets(caught.value, sim.token)


def test_html_error_page_is_a_server_error_without_the_html(sim: Simulator) -> None:
    sim.set_chaos("garbage", rate=1.0, kinds=("html",))
    with pytest.raises(ServerError) as caught:
        call(client_for(sim, FakeClock(), max_attempts=2), lambda c: c.get_user())
    assert caught.value.status == 502
    assert "<html>" not in str(caught.value) and "nginx" not in str(caught.value)
    assert len(requests_to(sim, "user")) == 2


def test_date_filter_types_are_checked(sim: Simulator) -> None:
    client = client_for(sim)
    with pytest.raises(ValueError):
        client.iter_transactions(sim.charger_uuids()[0], started_from="2024-01-01")  # type: ignore[arg-type]
    assert requests_to(sim, "chargers.transactions") == []
    assert date(2024, 1, 1)  # dates and datetimes are the accepted types
