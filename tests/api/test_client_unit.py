"""Client behaviour that cannot be produced on the wire by the simulator.

These use `httpx.MockTransport`: a server that repeats a page, points its next link at
another host, redirects, or answers 403; plus request-shape checks (headers, URL rules,
argument validation before any request is spent)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import httpx
import msgspec
import pytest

from plugdesk import __version__
from plugdesk.api import decode
from plugdesk.api.budget import RequestBudget
from plugdesk.api.client import PlugchoiceClient, check_api_url, transaction_params
from plugdesk.api.errors import (
    BadResponseError,
    ForbiddenError,
    InsecureURLError,
    NetworkError,
    RateLimitedError,
    ServerError,
)
from tests.api import samples
from tests.api.helpers import FakeClock

BASE = "https://api.example.org/api/v3"
TOKEN = "42|secret-token-value-0123456789"
Handler = Callable[[httpx.Request], httpx.Response]


def make_client(handler: Handler, clock: FakeClock | None = None, **kw: Any) -> PlugchoiceClient:
    clock = clock or FakeClock()
    return PlugchoiceClient(
        BASE,
        TOKEN,
        transport=httpx.MockTransport(handler),
        sleep=clock.sleep,
        budget=RequestBudget(clock=clock, sleep=clock.sleep),
        **kw,
    )


def recording(handler: Handler) -> tuple[Handler, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def wrapped(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    return wrapped, seen


def run(coro: Any) -> Any:
    return asyncio.run(coro)


# -- URL rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://app.plugchoice.com/api/v3",
        "https://app.plugchoice.com/api/v3/",
        "http://127.0.0.1:8080/api/v3",
        "http://127.8.9.10/api/v3",
        "http://localhost:5000/api/v3",
        "http://[::1]:9000/api/v3",
    ],
)
def test_accepted_urls(url: str) -> None:
    assert check_api_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://app.plugchoice.com/api/v3", "must use https://"),
        ("http://192.168.1.10/api/v3", "must use https://"),
        ("http://localhost.evil.com/api/v3", "must use https://"),
        ("ftp://app.plugchoice.com/api/v3", "must start with https://"),
        ("app.plugchoice.com/api/v3", "must start with https://"),
        ("", "Enter the API URL"),
        ("https://user:pw@app.plugchoice.com/api/v3", "user name or password"),
        ("https://app.plugchoice.com/api/v3?x=1", "'?' or '#'"),
    ],
)
def test_refused_urls(url: str, words: str) -> None:
    with pytest.raises(InsecureURLError) as caught:
        check_api_url(url)
    assert words in str(caught.value)
    with pytest.raises(InsecureURLError):
        PlugchoiceClient(url)


# -- request shape ---------------------------------------------------------------------------


def test_headers_auth_only_with_token_and_never_on_public_endpoints() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if "public-charging" in request.url.path:
            return httpx.Response(200, json={"data": samples.PUBLIC_CHARGER})
        return httpx.Response(200, json=samples.USER)

    send, seen = recording(handler)
    client = make_client(send)

    async def scenario() -> None:
        async with client:
            await client.get_user()
            await client.get_public_charger("AB12CD")
            client.set_token(None)
            await client.get_user()
            client.set_token("  other-token  ")
            await client.get_user()
        assert client.closed

    run(scenario())
    user, public, anonymous, other = seen
    assert user.headers["authorization"] == f"Bearer {TOKEN}"
    assert user.headers["accept"] == "application/json"
    assert user.headers["user-agent"] == f"PlugDesk/{__version__}"
    assert str(user.url) == f"{BASE}/user"
    assert "authorization" not in public.headers
    assert public.headers["accept"] == "application/json"
    assert "authorization" not in anonymous.headers
    assert other.headers["authorization"] == "Bearer other-token"
    assert TOKEN not in repr(client)
    assert client.host == "api.example.org" and client.base_url == BASE


def test_path_segments_are_escaped() -> None:
    handler, seen = recording(lambda r: httpx.Response(200, json={"data": samples.charger()}))
    run(make_client(handler).get_charger("../user"))
    assert seen[0].url.raw_path == b"/api/v3/chargers/..%2Fuser"


def test_start_session_posts_json_without_auth() -> None:
    token = "sess_0123456789abcdef"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(201, json=samples.started_session(token))

    send, seen = recording(handler)
    started = run(make_client(send).start_public_session("ab12cd", 2, email=" d@e.org "))
    assert started.session_token == token
    (request,) = seen
    assert request.method == "POST" and request.url.path == "/api/v3/public-charging/sessions"
    assert msgspec.json.decode(request.content) == {
        "code": "ab12cd",
        "connector_id": 2,
        "email": "d@e.org",
    }
    assert "authorization" not in request.headers


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda c: c.get_power_usage("u", 0), "between 1 and 100"),
        (lambda c: c.get_power_usage("u", 101), "between 1 and 100"),
        (lambda c: c.get_power_usage("u", True), "between 1 and 100"),
        (lambda c: c.get_public_charger("ABCDEFGHIJK"), "at most 10 characters"),
        (lambda c: c.get_public_charger("  "), "public charger code is needed"),
        (lambda c: c.start_public_session("AB", 1, email="nope"), "not a valid email"),
        (lambda c: c.start_public_session("AB", 200), "between 1 and 100"),
        (lambda c: c.get_charger(""), "charger UUID is needed"),
        (lambda c: c.get_public_session(""), "session token is needed"),
        (lambda c: c.list_transactions("u", limit=0), "between 1 and 10000"),
        (lambda c: c.list_transactions("u", limit=10_001), "between 1 and 10000"),
        (lambda c: c.list_transactions("u", status="running"), "'active' or 'finished'"),
        (
            lambda c: c.list_transactions(
                "u", started_from=date(2024, 5, 2), stopped_until=date(2024, 5, 1)
            ),
            "must not be earlier",
        ),
    ],
)
def test_bad_arguments_fail_before_any_request(call: Any, words: str) -> None:
    handler, seen = recording(lambda r: httpx.Response(500))
    client = make_client(handler)
    with pytest.raises(ValueError, match=words):
        run(call(client))
    assert seen == []


def test_iterators_validate_when_called_not_when_iterated() -> None:
    client = make_client(lambda r: httpx.Response(500))
    with pytest.raises(ValueError):
        client.iter_transactions("u", limit=-1)


def test_transaction_params_formats() -> None:
    assert transaction_params(
        status="finished",
        started_from=date(2024, 1, 1),
        stopped_until=datetime(2024, 1, 31, 23, 0, tzinfo=timezone(timedelta(hours=2))),
        limit=50,
    ) == {
        "filter[status]": "finished",
        "filter[started_from]": "2024-01-01",
        "filter[stopped_until]": "2024-01-31T21:00:00Z",
        "limit": "50",
    }
    assert transaction_params() == {}
    naive = transaction_params(started_from=datetime(2024, 1, 1, 6, 30))
    assert naive == {"filter[started_from]": "2024-01-01T06:30:00Z"}


# -- pagination faults -----------------------------------------------------------------------


def test_repeated_next_url_stops_with_bad_response() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        items = [samples.charger(uuid=f"c{page}-{i}") for i in range(2)]
        # page 2 claims page 2 is next again
        return httpx.Response(200, json=samples.page(items, f"{BASE}/chargers?page=2", page))

    send, seen = recording(handler)
    with pytest.raises(BadResponseError) as caught:
        run(make_client(send).list_chargers())
    assert len(seen) == 2
    assert "again" in str(caught.value)


def test_identical_page_content_stops_with_bad_response() -> None:
    items = [samples.charger(uuid=f"c{i}") for i in range(3)]

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        # New URLs every time, same rows every time: a server stuck on page 1.
        return httpx.Response(200, json=samples.page(items, f"{BASE}/chargers?page={page + 1}"))

    send, seen = recording(handler)
    with pytest.raises(BadResponseError):
        run(make_client(send).list_chargers())
    assert len(seen) == 2


def test_reading_ahead_follows_the_links_when_they_skip_pages() -> None:
    # Pages 1-6, then the server links to 8, 9, 10: the guessed page 7 is not used.
    order = [1, 2, 3, 4, 5, 6, 8, 9, 10]

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        items = [samples.charger(uuid=f"c{page}-{i}") for i in range(2)]
        following = order.index(page) + 1 if page in order else None
        nxt = None if following is None or following == len(order) else order[following]
        link = f"{BASE}/chargers?page={nxt}" if nxt else None
        return httpx.Response(200, json=samples.page(items if page in order else [], link))

    send, seen = recording(handler)
    pages = run(_read_ahead(make_client(send)))
    assert [p[0].uuid for p in pages] == [f"c{n}-0" for n in order]
    assert len(seen) <= len(order) + 2 * 3  # guesses dropped twice at most


def test_reading_ahead_needs_numbered_pages() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        cursor = int(request.url.params.get("cursor", "0"))
        items = [samples.charger(uuid=f"c{cursor}")]
        link = f"{BASE}/chargers?cursor={cursor + 1}" if cursor < 7 else None
        return httpx.Response(200, json=samples.page(items, link))

    send, seen = recording(handler)
    pages = run(_read_ahead(make_client(send)))
    assert [p[0].uuid for p in pages] == [f"c{n}" for n in range(8)]
    assert len(seen) == 8  # nothing guessed


def test_a_failing_page_read_ahead_fails_the_list_and_drops_the_rest() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        if page == 7:
            return httpx.Response(403, json={"message": "This action is unauthorized."})
        items = [samples.charger(uuid=f"c{page}")]
        return httpx.Response(200, json=samples.page(items, f"{BASE}/chargers?page={page + 1}"))

    send, seen = recording(handler)
    with pytest.raises(ForbiddenError):
        run(_read_ahead(make_client(send)))
    assert max(int(r.url.params["page"]) for r in seen if "page" in r.url.params) <= 7 + 3


async def _read_ahead(client: PlugchoiceClient) -> list[Any]:
    async with client:
        return [page async for page in client.iter_charger_pages(read_ahead=4)]


def test_next_link_to_another_host_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        items = [samples.charger()]
        return httpx.Response(200, json=samples.page(items, "https://evil.example.com/x?page=2"))

    send, seen = recording(handler)
    with pytest.raises(BadResponseError) as caught:
        run(make_client(send).list_chargers())
    assert len(seen) == 1
    assert "evil.example.com" in str(caught.value)


def test_flat_laravel_envelope_relative_links_and_dropped_filters() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        items = [samples.transaction(id=page * 10 + i) for i in range(2)]
        # Laravel without withQueryString(): the next link forgets our filter.
        nxt = f"transactions?page={page + 1}" if page < 3 else None
        return httpx.Response(200, json={"current_page": page, "data": items, "next_page_url": nxt})

    send, seen = recording(handler)
    rows = run(make_client(send).list_transactions("abc", status="active"))
    assert [t.id for t in rows] == [10, 11, 20, 21, 30, 31]
    assert len(seen) == 3
    for request in seen:
        assert request.url.path == "/api/v3/chargers/abc/transactions"
        assert request.url.params["filter[status]"] == "active"


def test_limit_stops_fetching_once_reached() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        items = [samples.transaction(id=page * 100 + i) for i in range(25)]
        return httpx.Response(
            200, json=samples.page(items, f"{BASE}/x/transactions?page={page + 1}")
        )

    send, seen = recording(handler)
    rows = run(make_client(send).list_transactions("x", limit=30))
    assert len(rows) == 30
    assert len(seen) == 2  # never asked for a third page
    assert seen[0].url.params["limit"] == "30"


def test_empty_page_ends_the_list_even_with_a_next_link() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        items = [samples.charger(uuid="only")] if page == 1 else []
        return httpx.Response(200, json=samples.page(items, f"{BASE}/chargers?page={page + 1}"))

    send, seen = recording(handler)
    assert [c.uuid for c in run(make_client(send).list_chargers())] == ["only"]
    assert len(seen) == 2


# -- errors that the simulator cannot make ---------------------------------------------------


def test_403_maps_to_forbidden_without_retry() -> None:
    handler, seen = recording(
        lambda r: httpx.Response(403, json={"message": "This action is unauthorized."})
    )
    with pytest.raises(ForbiddenError) as caught:
        run(make_client(handler).get_charger("c1"))
    assert caught.value.status == 403
    assert len(seen) == 1


def test_redirect_is_not_followed() -> None:
    handler, seen = recording(
        lambda r: httpx.Response(302, headers={"Location": "https://login.example.org/"})
    )
    with pytest.raises(BadResponseError) as caught:
        run(make_client(handler).get_user())
    assert "redirected" in str(caught.value)
    assert len(seen) == 1


def test_html_200_is_a_bad_response_with_advice() -> None:
    handler, _ = recording(lambda r: httpx.Response(200, text="<!doctype html><p>Welcome</p>"))
    with pytest.raises(BadResponseError) as caught:
        run(make_client(handler).get_user())
    assert "/api/v3" in str(caught.value)


def test_server_errors_back_off_exponentially_then_give_up() -> None:
    clock = FakeClock()
    handler, seen = recording(lambda r: httpx.Response(503))
    with pytest.raises(ServerError):
        run(make_client(handler, clock, max_attempts=4).get_user())
    assert len(seen) == 4
    assert len(clock.sleeps) == 3
    for attempt, wait in enumerate(clock.sleeps, start=1):
        step = 0.5 * 2 ** (attempt - 1)
        assert step / 2 <= wait <= step  # jittered within the exponential step


def test_connection_errors_are_retried_then_mapped() -> None:
    clock = FakeClock()

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    send, seen = recording(handler)
    with pytest.raises(NetworkError) as caught:
        run(make_client(send, clock, max_attempts=3).get_user())
    assert len(seen) == 3 and len(clock.sleeps) == 2
    assert caught.value.__cause__ is None  # the httpx chain (with the request) is not kept


def test_post_is_never_retried() -> None:
    handler, seen = recording(lambda r: httpx.Response(502))
    with pytest.raises(ServerError):
        run(make_client(handler).confirm_public_session("sess_abcdefghijkl"))
    assert len(seen) == 1


def test_429_waits_retry_after_and_pauses_the_shared_budget() -> None:
    clock = FakeClock()
    answers = iter(
        [httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, json=samples.USER)]
    )
    handler, seen = recording(lambda r: next(answers))
    client = make_client(handler, clock)
    user = run(client.get_user())
    assert user.name == "Sam Site"
    assert len(seen) == 2
    assert clock.sleeps == [7.0]
    assert client.budget.used_last_window() == 2


def test_429_longer_than_we_wait_is_raised_at_once() -> None:
    clock = FakeClock()
    handler, seen = recording(lambda r: httpx.Response(429, headers={"Retry-After": "600"}))
    client = make_client(handler, clock, max_retry_after=60)
    with pytest.raises(RateLimitedError) as caught:
        run(client.get_user())
    assert caught.value.retry_after == 600
    assert len(seen) == 1 and clock.sleeps == []
    # Other callers are held back too (up to what we are willing to wait).
    assert client.budget.paused_for() == pytest.approx(60.0)


def test_429_on_post_is_not_retried_but_pauses_its_budget() -> None:
    handler, seen = recording(lambda r: httpx.Response(429, headers={"Retry-After": "20"}))
    client = make_client(handler)
    with pytest.raises(RateLimitedError):
        run(client.start_public_session("AB12CD", 1))
    assert len(seen) == 1
    assert client.public_budgets["session_start"].paused_for() > 19


# -- large bodies and secrets ---------------------------------------------------------------


def test_large_pages_are_decoded_in_a_worker_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    threaded: list[int] = []
    real_run_blocking = decode.run_blocking

    async def spy(fn: Any, *args: Any, **kwargs: Any) -> Any:
        threaded.append(1)
        return await real_run_blocking(fn, *args, **kwargs)

    monkeypatch.setattr(decode, "run_blocking", spy)
    big = [samples.transaction(id=i) for i in range(2000)]
    small = [samples.transaction(id=i) for i in range(3)]
    pages = {"big": big, "small": small}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=samples.page(pages[request.url.path.split("/")[-2]], None))

    client = make_client(handler)
    assert len(run(client.list_transactions("small"))) == 3
    assert threaded == []
    assert len(run(client.list_transactions("big"))) == 2000
    assert threaded == [1]


def test_large_page_on_the_qt_loop(run: Any) -> None:
    """The app's real loop (qasync) runs the threaded decode too."""
    rows = [samples.transaction(id=i) for i in range(3000)]
    payload = msgspec.json.encode(samples.page(rows, None))
    assert len(payload) > decode.THREAD_THRESHOLD
    client = PlugchoiceClient(
        BASE, TOKEN, transport=httpx.MockTransport(lambda r: httpx.Response(200, content=payload))
    )
    got = run(client.list_transactions("u"))
    assert [t.id for t in got] == list(range(3000))
    run(client.aclose())


def test_tokens_never_reach_logs_or_messages(caplog: pytest.LogCaptureFixture) -> None:
    session_token = "sess_TOPSECRET_0123456789"

    def handler(request: httpx.Request) -> httpx.Response:
        if "sessions" in request.url.path:
            return httpx.Response(
                404, json={"message": f"Session {session_token} not found for {TOKEN}"}
            )
        return httpx.Response(
            422, json={"message": "bad", "errors": {"token": [f"{TOKEN} is wrong"]}}
        )

    client = make_client(handler)
    errors: list[Exception] = []
    with caplog.at_level(logging.DEBUG):
        for call in (client.get_public_session(session_token), client.get_user()):
            try:
                run(call)
            except Exception as caught:
                errors.append(caught)
    assert len(errors) == 2
    for error in errors:
        for text in (
            str(error),
            repr(error),
            *map(str, getattr(error, "field_errors", {}).values()),
        ):
            assert TOKEN not in text and session_token not in text
    assert "sess…" in str(errors[0])
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert logged  # something was logged (httpx and ours) ...
    assert TOKEN not in logged and session_token not in logged  # ... but no secret


def test_datetimes_filter_utc_z_accepted_by_iso_parser() -> None:
    text = transaction_params(started_from=datetime(2024, 5, 1, tzinfo=UTC))
    assert datetime.fromisoformat(text["filter[started_from]"]) == datetime(2024, 5, 1, tzinfo=UTC)


def test_unreadable_next_link_is_a_bad_response() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=samples.page([samples.charger()], "http://[::1"))

    with pytest.raises(BadResponseError) as caught:
        run(make_client(handler).list_chargers())
    assert caught.value.path == "$.links.next"
