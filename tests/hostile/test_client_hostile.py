"""The API client against a hostile server of our own (tests/hostile/server.py).

One test per way a server can hurt the client: endless and bombing bodies, drips and
silence, endless next links, tokens fished for through redirects and links, unreadable
page numbers, and tokens or URLs that cannot be sent at all. Each runs in seconds."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from plugdesk.api.client import (
    LIST_BODY_LIMIT,
    MAX_PAGES,
    OBJECT_BODY_LIMIT,
    PlugchoiceClient,
    _page_number,
    _with_page,
)
from plugdesk.api.errors import (
    AuthError,
    BadResponseError,
    DeadlineError,
    InsecureURLError,
    PlugchoiceError,
)
from tests.api.helpers import FakeClock
from tests.hostile.server import (
    HostileServer,
    charger,
    drip,
    endless_chunked,
    gzip_bomb,
    json_reply,
    never_answer,
    page,
    send_json,
)

TOKEN = "plug-secret-token-0123456789abcdef"


def client_for(server: HostileServer, token: str | None = TOKEN, **kwargs: Any) -> PlugchoiceClient:
    kwargs.setdefault("sleep", FakeClock().sleep)  # retry backoff costs no real time
    return PlugchoiceClient(server.base_url, token, **kwargs)


def run(coro: Any, timeout: float = 20.0) -> Any:
    return asyncio.run(asyncio.wait_for(coro, timeout))


async def _list(client: PlugchoiceClient) -> Any:
    async with client:
        return await client.list_chargers()


def _fails_with(coro: Any, kind: type[BaseException]) -> BaseException:
    with pytest.raises(kind) as caught:
        run(coro)
    return caught.value


# -- 2. response size -----------------------------------------------------------------------


def test_limits_are_far_above_real_pages() -> None:
    assert LIST_BODY_LIMIT >= 16 * 4 * 1024 * 1024  # 10,000 transactions are ~4 MB
    assert OBJECT_BODY_LIMIT < LIST_BODY_LIMIT
    assert MAX_PAGES >= 5 * 2_000  # 50,000 chargers at 25 a page


def test_endless_chunked_body_is_cut_at_the_list_limit(hostile: HostileServer) -> None:
    hostile.route("chargers", endless_chunked(hostile.stopping))
    error = _fails_with(_list(client_for(hostile)), BadResponseError)
    assert "larger than 64 MB" in str(error)
    assert len(hostile.seen) == 1  # a bad answer is not asked for again


def test_gzip_bomb_is_counted_after_inflating(hostile: HostileServer) -> None:
    # ~70 KB on the wire, 8 MB inflated: more than a single object may be.
    hostile.route("user", gzip_bomb(8))
    client = client_for(hostile)

    async def go() -> Any:
        async with client:
            return await client.get_user()

    error = _fails_with(go(), BadResponseError)
    assert "larger than 4 MB" in str(error)


# -- 3. time -----------------------------------------------------------------------------------


def test_drip_ends_at_the_request_deadline(hostile: HostileServer) -> None:
    hostile.route("user", drip(hostile.stopping, every=0.1))
    client = client_for(hostile, timeout=1.0, request_deadline=1.0, max_attempts=1)

    async def go() -> Any:
        async with client:
            return await client.get_user()

    started = time.monotonic()
    error = _fails_with(go(), DeadlineError)
    assert time.monotonic() - started < 10  # the 0.1 s drip never trips the 1 s read timeout
    assert "did not finish answering your user account within 1 second." in str(error)


def test_caller_time_limit_covers_retries_of_a_silent_server(hostile: HostileServer) -> None:
    hostile.route("user", never_answer(hostile.stopping))
    client = PlugchoiceClient(hostile.base_url, TOKEN, timeout=20.0)  # real sleeps

    async def go() -> Any:
        async with client:
            with client.time_limit(1.5):
                return await client.get_user()

    started = time.monotonic()
    error = _fails_with(go(), DeadlineError)
    assert time.monotonic() - started < 8
    assert "time allowed" in str(error)


def test_time_limit_refuses_a_retry_after_wait_that_would_pass_it(
    hostile: HostileServer,
) -> None:
    hostile.route(
        "user",
        json_reply({"message": "Too Many Attempts."}, status=429, headers={"Retry-After": "30"}),
    )
    clock = FakeClock()
    client = client_for(hostile, sleep=clock.sleep)

    async def go() -> Any:
        async with client:
            with client.time_limit(5):
                return await client.get_user()

    error = _fails_with(go(), DeadlineError)
    assert "time allowed" in str(error)
    assert clock.sleeps == []  # did not sit out the 30 s
    assert len(hostile.seen) == 1


def test_next_links_that_never_repeat_stop_at_the_page_cap(hostile: HostileServer) -> None:
    def endless(h: Any) -> None:
        n = int(h.path.split("n=")[1]) if "n=" in h.path else 0
        send_json(h, page([charger(n + 1)], f"{hostile.base_url}/chargers?n={n + 1}"))

    hostile.route("chargers", endless)
    error = _fails_with(_list(client_for(hostile, max_pages=30)), BadResponseError)
    assert "after 30" in str(error)
    assert len(hostile.seen) == 30


def test_cycling_next_links_are_refused(hostile: HostileServer) -> None:
    def cycling(h: Any) -> None:
        n = 2 if "page=1" in h.path or "page" not in h.path else 1
        send_json(h, page([charger(n)], f"{hostile.base_url}/chargers?page={n}"))

    hostile.route("chargers", cycling)
    error = _fails_with(_list(client_for(hostile)), BadResponseError)
    assert "endless loop" in str(error)
    assert len(hostile.seen) <= 4


# -- 8. the token never printed, never sent off-host ----------------------------------------------


def test_redirect_location_with_the_token_is_masked(hostile: HostileServer) -> None:
    hostile.route(
        "user",
        json_reply(b"", status=302, headers={"Location": f"https://evil.example/?t={TOKEN}"}),
    )
    client = client_for(hostile)

    async def go() -> Any:
        async with client:
            return await client.get_user()

    error = _fails_with(go(), BadResponseError)
    assert TOKEN not in str(error) and TOKEN not in repr(error)
    assert "evil.example" in str(error)
    assert len(hostile.seen) == 1  # not followed


def test_next_link_to_a_host_named_after_the_token_is_masked(hostile: HostileServer) -> None:
    hostile.route("chargers", json_reply(page([charger(1)], f"https://{TOKEN}.evil.example/x")))
    error = _fails_with(_list(client_for(hostile)), BadResponseError)
    assert TOKEN not in str(error)
    assert "another server" in str(error)


def test_next_link_to_another_port_is_not_followed(hostile: HostileServer) -> None:
    other = HostileServer().start()
    try:
        other.route("chargers", json_reply(page([charger(2)], None)))
        hostile.route("chargers", json_reply(page([charger(1)], f"{other.base_url}/chargers")))
        _fails_with(_list(client_for(hostile)), BadResponseError)
        assert other.seen == []  # the token never went there
    finally:
        other.stop()


def test_token_goes_only_to_the_api_host(hostile: HostileServer) -> None:
    hostile.route("user", json_reply({"id": 1, "name": "A", "email": "a@example.com"}))
    client = client_for(hostile)

    async def go() -> Any:
        async with client:
            return await client.get_user()

    run(go())
    (request,) = hostile.seen
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


# -- 9. unreadable input -----------------------------------------------------------------------


def test_unicode_page_number_is_not_a_page_number() -> None:
    assert _page_number("https://x/api/v3/chargers?page=²") is None
    assert _page_number("https://x/api/v3/chargers?page=٣") is None
    assert _page_number("https://x/api/v3/chargers?page=3") == 3


def test_only_a_link_with_one_plain_page_number_is_renumbered() -> None:
    """Guesses of the next pages are made from the link's text: a link it cannot read
    surely is followed one page at a time instead."""
    link = "https://x/api/v3/teams/t/chargers?status=Faulted&page=7&q=page%3D9#page=8"
    assert _page_number(link) == 7
    assert _with_page(link, 12) == link.replace("page=7", "page=12")
    for unread in ("https://x/c?page=3&page=4", "https://x/c?apage=3", "https://x/c#?page=3",
                   "https://x/c?page=3x", "https://x/c?page=1234567890"):  # fmt: skip
        assert _page_number(unread) is None, unread


def test_superscript_page_link_reads_like_any_link(hostile: HostileServer) -> None:
    def pages(h: Any) -> None:
        if "page=%C2%B2" in h.path or "page=²" in h.path:
            send_json(h, page([charger(9)], None))
            return
        n = int(h.path.split("page=")[1]) if "page=" in h.path else 1
        nxt = (
            f"{hostile.base_url}/chargers?page={n + 1}"
            if n < 6
            else (f"{hostile.base_url}/chargers?page=²")
        )
        send_json(h, page([charger(n)], nxt))

    hostile.route("chargers", pages)
    client = client_for(hostile)

    async def go() -> Any:
        async with client:
            return [c async for p in client.iter_charger_pages(read_ahead=3) for c in p]

    chargers = run(go())
    assert [c.id for c in chargers] == [1, 2, 3, 4, 5, 6, 9]


def test_port_out_of_range_is_a_sentence() -> None:
    with pytest.raises(InsecureURLError, match="between 1 and 65535"):
        PlugchoiceClient("http://127.0.0.1:99999/api/v3", TOKEN)


@pytest.mark.parametrize(
    ("token", "words"),
    [
        ("tökén-with-umlauts", "characters a token cannot have"),
        ("abc\r\nX-Evil: 1", "line break"),
        ("abc\ndef", "line break"),
    ],
)
def test_token_that_cannot_be_sent_is_refused_before_any_request(
    hostile: HostileServer, token: str, words: str
) -> None:
    hostile.route("user", json_reply({"id": 1}))
    client = client_for(hostile, token=token)

    async def go() -> Any:
        async with client:
            return await client.get_user()

    error = _fails_with(go(), AuthError)
    assert words in str(error)
    assert token not in str(error)
    assert hostile.seen == []


def test_every_failure_here_is_a_plugchoice_error(hostile: HostileServer) -> None:
    hostile.route("chargers", json_reply(page([charger(1)], "http://[::1")))
    error = _fails_with(_list(client_for(hostile)), PlugchoiceError)
    assert str(error).endswith(".")


@pytest.mark.parametrize(
    "reply",
    [
        {"status": 400, "doc": {"message": f"bad token {TOKEN}"}},
        {"status": 422, "doc": {"message": "x", "errors": {TOKEN: [f"echo {TOKEN}"]}}},
        {"status": 200, "doc": {"data": {"id": f"not a number {TOKEN}"}}},
    ],
    ids=["400-message", "422-fields", "bad-json-value"],
)
def test_server_text_echoing_the_token_is_masked(hostile: HostileServer, reply: Any) -> None:
    hostile.route("user", json_reply(reply["doc"], status=reply["status"]))
    client = client_for(hostile)

    async def go() -> Any:
        async with client:
            return await client.get_user()

    error = _fails_with(go(), PlugchoiceError)
    assert TOKEN not in str(error) and TOKEN not in repr(error)
    if reply["status"] != 200:  # the server's words are shown, masked
        assert TOKEN[:4] + "…" in str(error)
