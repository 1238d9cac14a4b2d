"""Pagination: the simple-paginator envelope, absolute `links.next` that keeps the query,
25 a page whatever `per_page` says, and a 100,000-transaction charger served quickly."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import httpx

from plugdesk.simulator import Simulator
from tests.simulator.conftest import Connect, MakeSim


def test_charger_pages_follow_links_next_to_the_end(fleet: Simulator, api: httpx.Client) -> None:
    first = api.get("chargers", params={"per_page": 100})
    assert first.status_code == 200
    body = first.json()
    assert set(body) == {"data", "links", "meta"}
    assert len(body["data"]) == 25  # per_page is ignored
    assert body["meta"] == {
        "current_page": 1,
        "current_page_url": f"{fleet.base_url}/chargers?per_page=100&page=1",
        "from": 1,
        "path": f"{fleet.base_url}/chargers",
        "per_page": 25,
        "to": 25,
    }
    links = body["links"]
    assert links["last"] is None and links["prev"] is None
    assert links["first"].startswith(fleet.base_url + "/chargers?")
    assert links["next"].startswith("http://127.0.0.1:")  # absolute
    assert parse_qs(urlsplit(links["next"]).query) == {"per_page": ["100"], "page": ["2"]}

    second = httpx.get(links["next"], headers=api.headers).json()
    assert len(second["data"]) == 15
    assert second["links"]["next"] is None
    assert parse_qs(urlsplit(second["links"]["prev"]).query)["page"] == ["1"]
    assert (second["meta"]["from"], second["meta"]["to"]) == (26, 40)
    uuids = [c["uuid"] for c in body["data"] + second["data"]]
    assert uuids == fleet.charger_uuids()
    assert [c["id"] for c in body["data"]] == sorted(c["id"] for c in body["data"])


def test_a_page_past_the_end_is_empty_and_bad_page_numbers_mean_page_one(
    api: httpx.Client,
) -> None:
    past = api.get("chargers", params={"page": 9}).json()
    assert past["data"] == []
    assert past["meta"]["from"] is None and past["meta"]["to"] is None
    assert past["links"]["next"] is None
    assert past["links"]["prev"] is not None
    for bad in ("0", "-2", "abc"):
        assert api.get("chargers", params={"page": bad}).json()["meta"]["current_page"] == 1


def test_transaction_links_keep_filters_and_limit_caps_across_pages(
    fleet: Simulator, api: httpx.Client
) -> None:
    uuid = next(u for u in fleet.charger_uuids() if len(fleet.transactions_for(u)) > 40)
    params = {"filter[status]": "finished", "limit": "30"}
    first = api.get(f"chargers/{uuid}/transactions", params=params).json()
    assert len(first["data"]) == 25
    query = parse_qs(urlsplit(first["links"]["next"]).query)
    assert query == {"filter[status]": ["finished"], "limit": ["30"], "page": ["2"]}
    second = httpx.get(first["links"]["next"], headers=api.headers).json()
    assert len(second["data"]) == 5  # the limit caps the total, still 25 a page
    assert second["links"]["next"] is None
    assert all(t["stopped_at"] is not None for t in first["data"] + second["data"])


def test_links_are_escaped_like_laravel_json(fleet: Simulator, api: httpx.Client) -> None:
    raw = api.get("chargers").content
    assert b"http:\\/\\/127.0.0.1" in raw  # json_encode escapes slashes; decoders undo it
    assert api.get("chargers").json()["links"]["next"].startswith("http://")


def test_hundred_thousand_transactions_serve_pages_quickly(
    make_sim: MakeSim, connect: Connect
) -> None:
    started = time.perf_counter()
    sim = make_sim(chargers=10, big_charger_transactions=100_000)
    assert time.perf_counter() - started < 5
    client = connect(sim)
    uuid = sim.charger_uuids()[0]
    timings = []
    for page in (1, 2, 2000, 4000):
        began = time.perf_counter()
        reply = client.get(f"chargers/{uuid}/transactions", params={"page": page})
        timings.append(time.perf_counter() - began)
        assert reply.status_code == 200
        assert len(reply.json()["data"]) == 25
    assert max(timings) < 0.5, timings
    # 100,000 historic rows plus any live ones: page 4000 is full, at most one more follows.
    page = client.get(f"chargers/{uuid}/transactions", params={"page": 4000}).json()
    rows = 3999 * 25 + len(page["data"])
    if page["links"]["next"] is not None:
        page = httpx.get(page["links"]["next"], headers=client.headers).json()
        rows += len(page["data"])
    assert page["links"]["next"] is None
    assert 100_000 <= rows < 100_025

    capped = client.get(f"chargers/{uuid}/transactions", params={"limit": 10000, "page": 400})
    assert len(capped.json()["data"]) == 25
    assert capped.json()["links"]["next"] is None

    began = time.perf_counter()
    filtered = client.get(
        f"chargers/{uuid}/transactions",
        params={"filter[status]": "finished", "filter[started_from]": "2020-01-01", "page": 3000},
    )
    assert time.perf_counter() - began < 1.0
    assert len(filtered.json()["data"]) == 25
