"""The three list envelopes the API uses (see API.md, "Envelopes")."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

PER_PAGE = 25
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")


def page_number(query: list[tuple[str, str]]) -> int:
    value = dict(query).get("page", "1")
    if _INTEGER.match(value) and int(value) >= 1:
        return int(value)
    return 1  # Laravel falls back to page 1 for anything else


class Links:
    """Page URLs that keep the request's query (our choice; the docs do not say)."""

    def __init__(self, origin: str, path: str, query: list[tuple[str, str]]) -> None:
        self.base = origin + path
        self._others = [(k, v) for k, v in query if k != "page"]

    def __call__(self, number: int) -> str:
        return f"{self.base}?{urlencode([*self._others, ('page', str(number))])}"


def simple(
    links: Links, page: int, items: list[dict[str, Any]], has_next: bool, **extra: Any
) -> dict[str, Any]:
    """Simple paginator: no total, no last page; follow `links.next`."""
    offset = (page - 1) * PER_PAGE
    return {
        "data": items,
        "links": {
            "first": links(1),
            "last": None,
            "prev": links(page - 1) if page > 1 else None,
            "next": links(page + 1) if has_next else None,
        },
        "meta": {
            "current_page": page,
            "current_page_url": links(page),
            "from": offset + 1 if items else None,
            "path": links.base,
            "per_page": PER_PAGE,
            "to": offset + len(items) if items else None,
        },
        **extra,
    }


def length_aware(
    links: Links, page: int, items: list[dict[str, Any]], total: int
) -> dict[str, Any]:
    """Length-aware paginator: the simple one plus `last`, `last_page`, `total`, `links[]`."""
    last = max(1, -(-total // PER_PAGE))
    offset = (page - 1) * PER_PAGE
    numbered = [
        {"url": links(n), "label": str(n), "page": n, "active": n == page}
        for n in range(1, last + 1)
    ]
    meta_links = [
        {
            "url": links(page - 1) if page > 1 else None,
            "label": "&laquo; Previous",
            "page": page - 1 if page > 1 else None,
            "active": False,
        },
        *numbered,
        {
            "url": links(page + 1) if page < last else None,
            "label": "Next &raquo;",
            "page": page + 1 if page < last else None,
            "active": False,
        },
    ]
    return {
        "data": items,
        "links": {
            "first": links(1),
            "last": links(last),
            "prev": links(page - 1) if page > 1 else None,
            "next": links(page + 1) if page < last else None,
        },
        "meta": {  # API.md: the simple paginator's meta "plus" last_page, total, links[]
            "current_page": page,
            "current_page_url": links(page),
            "from": offset + 1 if items else None,
            "last_page": last,
            "links": meta_links,
            "path": links.base,
            "per_page": PER_PAGE,
            "to": offset + len(items) if items else None,
            "total": total,
        },
    }


def flat(
    links: Links,
    page: int,
    items: list[dict[str, Any]],
    has_next: bool,
    filter_options: dict[str, Any],
) -> dict[str, Any]:
    """The flat Laravel envelope of the team endpoints: exactly the keys API.md lists and
    the docs' examples show (no `current_page`: a client counts pages by `from`)."""
    offset = (page - 1) * PER_PAGE
    return {
        "data": items,
        "first_page_url": links(1),
        "from": offset + 1 if items else None,
        "next_page_url": links(page + 1) if has_next else None,
        "path": links.base,
        "per_page": PER_PAGE,
        "prev_page_url": links(page - 1) if page > 1 else None,
        "to": offset + len(items) if items else None,
        "filter_options": filter_options,
    }
