"""Walking the three list envelopes of API.md to their end (shared by the simulator tests)."""

from __future__ import annotations

from typing import Any

import httpx

SIMPLE = {"data", "links", "meta"}
FLAT = {
    "data",
    "first_page_url",
    "from",
    "next_page_url",
    "path",
    "per_page",
    "prev_page_url",
    "to",
    "filter_options",
}


def next_url(body: dict[str, Any]) -> str | None:
    if "links" in body:
        found: str | None = body["links"]["next"]
        return found
    flat: str | None = body["next_page_url"]
    return flat


def walk(client: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every page of a list, following the next link until it is null."""
    first = client.get(path, params=params)
    assert first.status_code == 200, first.text
    pages = [first.json()]
    while (url := next_url(pages[-1])) is not None:
        assert len(pages) < 500, "the next links never end"
        reply = client.get(url)
        assert reply.status_code == 200, reply.text
        pages.append(reply.json())
    for number, page in enumerate(pages, start=1):
        assert len(page["data"]) <= 25
        if number < len(pages):
            assert len(page["data"]) == 25
        if "meta" in page:
            assert page["meta"]["current_page"] == number
        elif page["from"] is not None:  # the flat envelope has no current_page (API.md)
            assert (page["from"] - 1) // page["per_page"] + 1 == number
    return pages


def items(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for page in pages for item in page["data"]]
