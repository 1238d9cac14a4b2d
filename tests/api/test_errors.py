"""HTTP failures mapped to exceptions whose text a site manager can act on."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import msgspec
import pytest

from plugdesk.api.errors import (
    AuthError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    GatewayTimeoutError,
    InsecureURLError,
    NetworkError,
    NotFoundError,
    PlugchoiceError,
    RateLimitedError,
    ServerError,
    ValidationError,
    mask,
    redact,
)
from plugdesk.api.responses import error_from_response, network_error, parse_retry_after

TOKEN = "7|plugdesk-secret-token-abcdef"


def body(doc: object) -> bytes:
    return msgspec.json.encode(doc)


@pytest.mark.parametrize(
    ("status", "kind", "words"),
    [
        (400, BadRequestError, "refused"),
        (401, AuthError, "Sign in again"),
        (403, ForbiddenError, "not allowed"),
        (404, NotFoundError, "not found"),
        (409, ConflictError, "not possible right now"),
        (422, ValidationError, "did not accept"),
        (429, RateLimitedError, "Try again"),
        (500, ServerError, "internal error"),
        (502, ServerError, "502"),
        (503, ServerError, "503"),
        (504, GatewayTimeoutError, "may still happen"),
        (418, PlugchoiceError, "unexpected status 418"),
    ],
)
def test_each_status_maps_to_its_exception(
    status: int, kind: type[PlugchoiceError], words: str
) -> None:
    error = error_from_response(status, body({"message": "x"}))
    assert type(error) is kind
    assert error.status == status
    assert words in str(error)
    assert str(error).endswith(".")


def test_401_sentence() -> None:
    error = error_from_response(401, body({"message": "Unauthenticated."}))
    assert str(error) == "The API rejected the token (401 Unauthenticated). Sign in again."


def test_504_is_a_server_error() -> None:
    assert isinstance(error_from_response(504, b""), ServerError)


def test_422_lists_field_messages() -> None:
    error = error_from_response(
        422,
        body(
            {
                "message": "The given data was invalid.",
                "errors": {
                    "connector_id": ["The selected connector id is invalid."],
                    "email": "The email must be a valid email address.",
                },
            }
        ),
    )
    assert isinstance(error, ValidationError)
    assert error.field_errors == {
        "connector_id": ["The selected connector id is invalid."],
        "email": ["The email must be a valid email address."],
    }
    assert "connector_id: The selected connector id is invalid." in str(error)
    assert "email: The email must be a valid email address." in str(error)


def test_429_says_when_to_retry() -> None:
    error = error_from_response(429, body({"message": "Too Many Attempts."}), {"Retry-After": "17"})
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 17.0
    assert "Try again in 17 seconds." in str(error)
    unknown = error_from_response(429, b"")
    assert isinstance(unknown, RateLimitedError) and unknown.retry_after is None
    assert "Try again in a minute." in str(unknown)
    long = error_from_response(429, b"", {"Retry-After": "3600"})
    assert "60 minutes" in str(long)


def test_retry_after_forms() -> None:
    now = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after(" 2.5 ") == 2.5
    assert parse_retry_after("Wed, 01 May 2024 12:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("Wed, 01 May 2024 11:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
    assert parse_retry_after("nan") is None


def test_server_text_is_cleaned_and_secrets_redacted() -> None:
    error = error_from_response(
        400,
        body({"message": f"Charger offline.\nToken {TOKEN} was used\x00" + "x" * 500}),
        secrets=(TOKEN,),
    )
    text = str(error)
    assert TOKEN not in text
    assert mask(TOKEN) in text
    assert "\n" not in text and "\x00" not in text
    assert len(text) < 400


def test_404_names_the_subject() -> None:
    error = error_from_response(404, b"", subject="charger 1234")
    assert str(error).startswith("Charger 1234 was not found (404)")


def test_html_error_bodies_do_not_leak_into_messages() -> None:
    error = error_from_response(500, b"<html><body>Whoops, stack trace here</body></html>")
    assert "Whoops" not in str(error) and "<html>" not in str(error)


def test_mask_and_redact() -> None:
    assert mask("abcdefgh") == "ab…"  # short: never most of it
    assert mask("abc") == "…"
    assert redact("a abcdefgh b", ["abcdefgh", None, ""]) == "a ab… b"


def test_network_error_sentences() -> None:
    request = httpx.Request("GET", "https://api.example.org/api/v3/user")
    refused = network_error(httpx.ConnectError("refused", request=request), "api.example.org", 20)
    assert isinstance(refused, NetworkError) and refused.status is None
    assert "Could not connect to api.example.org" in str(refused)
    slow = network_error(httpx.ReadTimeout("timed out", request=request), "api.example.org", 20)
    assert "did not answer within 20 seconds" in str(slow)
    tls = network_error(
        httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] nope", request=request),
        "api.example.org",
        20,
    )
    assert "certificate" in str(tls)
    broken = network_error(httpx.RemoteProtocolError("eof", request=request), "h", 20)
    assert "broke off" in str(broken)


def test_insecure_url_error_is_also_a_value_error() -> None:
    assert issubclass(InsecureURLError, ValueError)
    assert issubclass(InsecureURLError, PlugchoiceError)
