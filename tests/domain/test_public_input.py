"""Local checks for the public charging pane's inputs."""

from __future__ import annotations

import pytest

from plugdesk.domain.public_input import (
    InputError,
    validate_connector,
    validate_email,
    validate_public_code,
    validate_session_token,
)


def test_public_code_is_trimmed_and_upper_cased() -> None:
    assert validate_public_code("  ab12x ") == "AB12X"
    assert validate_public_code("ABCDEFGHIJ") == "ABCDEFGHIJ"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Enter the charger's public code"),
        ("   ", "Enter the charger's public code"),
        ("ABCDEFGHIJK", "at most 10 characters"),
        ("AB 12", "only letters and digits"),
        ("AB/12", "only letters and digits"),
        ("ÄB12", "only letters and digits"),
    ],
)
def test_bad_public_codes_are_named(text: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        validate_public_code(text)
    assert words in str(caught.value)
    assert caught.value.field == "code"


@pytest.mark.parametrize(("value", "expected"), [(1, 1), ("2", 2), (" 100 ", 100)])
def test_connector_in_range(value: int | str, expected: int) -> None:
    assert validate_connector(value) == expected


@pytest.mark.parametrize("value", [0, 101, -1, "x", "", None, "1.5", True])
def test_connector_out_of_range_or_not_a_number(value: int | str | None) -> None:
    with pytest.raises(InputError) as caught:
        validate_connector(value)
    assert caught.value.field == "connector_id"


def test_email_is_optional() -> None:
    assert validate_email("") is None
    assert validate_email("   ") is None
    assert validate_email(None) is None


@pytest.mark.parametrize(
    "address", ["driver@example.com", " a.b+tag@mail.example.co.uk ", "x_y@sub-domain.io"]
)
def test_valid_emails(address: str) -> None:
    assert validate_email(address) == address.strip()


@pytest.mark.parametrize(
    "address",
    [
        "no-at-sign",
        "two@@example.com",
        "a@b@example.com",
        "name@localhost",
        "name@-bad.com",
        "na me@example.com",
        ".lead@example.com",
        "a..b@example.com",
        "user@10.0.0.1",
        "user@example.",
    ],
)
def test_invalid_emails(address: str) -> None:
    with pytest.raises(InputError, match="does not look like an e-mail"):
        validate_email(address)


def test_email_length_limit_is_255() -> None:
    longest = "a" * 64 + "@" + ".".join(["b" * 60] * 3) + ".exam.co"
    assert len(longest) == 255
    assert validate_email(longest) == longest
    too_long = "a" * 64 + "@" + ".".join(["b" * 60] * 4)
    assert len(too_long) > 255
    with pytest.raises(InputError, match="too long"):
        validate_email(too_long)


def test_session_token_is_trimmed_and_never_echoed() -> None:
    assert validate_session_token("  tok_ABC-123.x  ") == "tok_ABC-123.x"
    secret = "abcd efgh-secret"
    with pytest.raises(InputError) as caught:
        validate_session_token(secret)
    assert secret not in str(caught.value)
    with pytest.raises(InputError):
        validate_session_token("abc/../def")
    with pytest.raises(InputError):
        validate_session_token("")
