"""Bytes -> models. Every failure becomes `BadResponseError`, naming the JSON path.

The API wraps single objects in `{"data": {...}}` on some endpoints and not (we infer) on
others, so `decode_object` accepts both. Pages come as a JSON:API-ish envelope
(`links.next`) or a flat Laravel one (`next_page_url`); `decode_page` reads either.
Bodies above `THREAD_THRESHOLD` bytes are decoded in a worker thread by `adecode_*`,
so a 10,000-row page never stalls the Qt event loop.

Models in `TOLERANT_TWINS` (transactions) are decoded in two tries: first fast, in
msgspec's lax mode with no Python per row; only if that refuses the document (a naive
timestamp, a padded number, or a real error) again through the tolerant twin, whose rows
are then converted to the model. Errors are always those of the tolerant decode, so a bad
item is reported exactly as for any other model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any, Generic, TypeVar, get_args, get_origin

import msgspec

from plugdesk.api.errors import BadResponseError, clean_server_text
from plugdesk.api.models import TOLERANT_TWINS, Transaction, forget_impossible_dates
from plugdesk.tasks import COMPUTE, run_blocking

T = TypeVar("T")

THREAD_THRESHOLD = 256 * 1024

_PATH_RE = re.compile(r" - at `(\$[^`]*)`$")
# Everything a broken document can make msgspec or our __post_init__ hooks raise.
_DECODE_FAILURES = (
    msgspec.MsgspecError,
    ValueError,
    TypeError,
    ArithmeticError,
    RecursionError,
    UnicodeError,
)


class Links(msgspec.Struct):
    next: str | None = None


class Meta(msgspec.Struct):
    current_page: int | None = None
    last_page: int | None = None
    per_page: int | None = None
    total: int | None = None


class Page(msgspec.Struct, Generic[T]):
    """One page of a list endpoint, whichever envelope the server used."""

    data: list[T]
    links: Links | None = None
    meta: Meta | None = None
    next_page_url: str | None = None  # flat Laravel envelope
    current_page: int | None = None
    # Team lists and the OCPP log add the values their filters take; kept raw so a shape
    # PlugDesk does not expect never costs the page (see `filter_options_as`).
    filter_options: msgspec.Raw = msgspec.Raw(b"")

    @property
    def next_url(self) -> str | None:
        """The next page's URL, or None on the last page."""
        nxt = self.links.next if self.links is not None else None
        return nxt or self.next_page_url or None


def filter_options_as(page: Page[Any], kind: Any) -> Any | None:
    """The page's `filter_options` as `kind`, or None when absent or unreadable."""
    raw = bytes(page.filter_options)
    if not raw:
        return None
    try:
        return _decoder(kind, strict=False).decode(raw)
    except _DECODE_FAILURES:
        return None


class _Envelope(msgspec.Struct):
    """Just enough to see whether a single object is wrapped in `data`."""

    data: msgspec.Raw = msgspec.Raw(b"")


@lru_cache(maxsize=64)
def _decoder(kind: Any, *, strict: bool = True) -> msgspec.json.Decoder[Any]:
    # Decoders are immutable and thread-safe; building one costs more than using it.
    return msgspec.json.Decoder(kind, strict=strict)


def _tolerant_kind(kind: Any) -> Any | None:
    """`kind` with its model replaced by the tolerant twin, or None if it has none."""
    if kind in TOLERANT_TWINS:
        return TOLERANT_TWINS[kind]
    if get_origin(kind) is Page:
        (item,) = get_args(kind)
        if item in TOLERANT_TWINS:
            return Page[TOLERANT_TWINS[item]]  # type: ignore[valid-type]
    return None


def _decode(data: bytes | msgspec.Raw, kind: Any) -> Any:
    """Decode `data` as `kind`; raises what msgspec (or a model's hook) raises."""
    tolerant = _tolerant_kind(kind)
    if tolerant is None:
        return _decoder(kind).decode(data)
    try:
        return _decoder(kind, strict=False).decode(data)
    except _DECODE_FAILURES:
        pass  # the tolerant decode below accepts it, or raises the error to report
    decoded = _decoder(tolerant, strict=False).decode(data)
    # Twin rows -> model rows, in C; they are already normalised, so this cannot fail.
    if isinstance(decoded, Page):
        decoded.data = msgspec.convert(
            decoded.data, list[get_args(kind)[0]], from_attributes=True  # type: ignore[misc]
        )
        return decoded
    return msgspec.convert(decoded, kind, from_attributes=True)


def _describe_body(body: bytes) -> str | None:
    """A friendly reason for bodies that are not JSON at all, else None."""
    head = body.lstrip()[:64].lower()
    if not head:
        return "The API sent an empty answer where data was expected ({context})"
    if head.startswith((b"<!doctype", b"<html", b"<?xml", b"<")):
        return (
            "The server answered with a web page instead of API data ({context}); check that "
            "the API URL ends in /api/v3"
        )
    return None


def bad_response(
    error: BaseException, body: bytes, *, context: str, prefix: str = "$"
) -> BadResponseError:
    """Turn a decoding failure into a BadResponseError with the JSON path of the problem."""
    friendly = _describe_body(body)
    if friendly is not None:
        return BadResponseError(friendly.format(context=context) + ".", path="$")
    text = str(error) or type(error).__name__
    path = "$"
    match = _PATH_RE.search(text)
    if match:
        path = match.group(1)
        text = text[: match.start()]
    if prefix != "$":
        path = prefix + path[1:]
    if not match:
        detail = clean_server_text(text).rstrip(".")
    else:
        detail = f"{clean_server_text(text).rstrip('.')} at {path}"
    return BadResponseError(
        f"The API sent data PlugDesk could not read ({context}): {detail}.", path=path
    )


def decode_as(body: bytes, kind: Any, *, context: str = "API answer") -> Any:
    """Decode `body` as `kind`, mapping any failure to BadResponseError."""
    try:
        return _decode(body, kind)
    except _DECODE_FAILURES as error:
        raise bad_response(error, body, context=context) from None


def decode_object(body: bytes, kind: type[T], *, context: str = "API answer") -> T:
    """A single object, bare or wrapped in `{"data": {...}}`.

    Models that have a `data` field of their own (session answers) are never unwrapped."""
    if "data" in getattr(kind, "__struct_fields__", ()):
        direct: T = decode_as(body, kind, context=context)
        return direct
    envelope = decode_as(body, _Envelope, context=context)
    raw = envelope.data
    if not bytes(raw).lstrip().startswith(b"{"):
        # Not wrapped (or `data` is something else): the document itself is the object.
        result: T = decode_as(body, kind, context=context)
        return result
    try:
        wrapped: T = _decode(raw, kind)
    except _DECODE_FAILURES as error:
        raise bad_response(error, body, context=context, prefix="$.data") from None
    return wrapped


def decode_page(body: bytes, item: type[T], *, context: str = "API answer") -> Page[T]:
    """One page of a list endpoint."""
    page: Page[T] = decode_as(body, Page[item], context=context)  # type: ignore[valid-type]
    if item is Transaction:
        forget_impossible_dates(page.data)  # type: ignore[arg-type]
    return page


async def _maybe_in_thread(body: bytes, fn: Callable[[], T]) -> T:
    if len(body) > THREAD_THRESHOLD:
        return await run_blocking(fn, lane=COMPUTE)
    return fn()


async def adecode_object(body: bytes, kind: type[T], *, context: str = "API answer") -> T:
    """`decode_object`, in a worker thread when the body is large."""
    return await _maybe_in_thread(body, partial(decode_object, body, kind, context=context))


async def adecode_page(body: bytes, item: type[T], *, context: str = "API answer") -> Page[T]:
    """`decode_page`, in a worker thread when the body is large."""
    return await _maybe_in_thread(body, partial(decode_page, body, item, context=context))
