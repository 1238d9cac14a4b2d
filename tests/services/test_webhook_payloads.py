"""Webhook URLs and bodies: the URL rules of the API URL check, the three formats."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from plugdesk.domain.incidents import Alert
from plugdesk.domain.store import Incident
from plugdesk.services.webhooks import WebhookError, alert_key, parse_webhook, payload, wanted

OPENED = Alert("opened", (7,), "Bay 3 faulted", "GroundFailure (ground fault)", "critical",
               "uuid-1", incident_kind="fault")  # fmt: skip
INCIDENT = Incident(7, "uuid-1", "ACE1", "Bay 3", "fault", "GroundFailure", "ground fault",
                    datetime(2026, 5, 1, 12, 2, tzinfo=UTC), None, False, False,
                    datetime(2026, 5, 1, 12, 0, tzinfo=UTC))  # fmt: skip


@pytest.mark.parametrize(
    ("given", "fmt", "url"),
    [
        ("https://hooks.example.com/a?key=1", "json", "https://hooks.example.com/a?key=1"),
        ("slack+https://hooks.slack.com/services/T/B/x", "slack", "https://hooks.slack.com/services/T/B/x"),
        ("TEAMS+https://example.webhook.office.com/x", "teams", "https://example.webhook.office.com/x"),
        ("http://127.0.0.1:9000/hook", "json", "http://127.0.0.1:9000/hook"),
    ],
)  # fmt: skip
def test_webhook_urls_and_formats(given: str, fmt: str, url: str) -> None:
    hook = parse_webhook(given)
    assert (hook.format, hook.url) == (fmt, url)
    assert url not in hook.target and len(hook.target) == 24  # a digest, not the URL


def test_plain_http_off_this_computer_is_refused() -> None:
    with pytest.raises(WebhookError, match="must use https://"):
        parse_webhook("http://192.168.1.10/hook")


def test_the_three_bodies() -> None:
    body = payload(OPENED, [INCIDENT], "json")
    assert body["id"] == f"plugdesk:{alert_key(OPENED)}" == "plugdesk:opened:7"
    assert body["event"] == "opened" and body["kind"] == "fault"
    assert body["incidents"][0]["charger_identity"] == "ACE1"
    assert body["incidents"][0]["opened_at"] == "2026-05-01T12:02:00+00:00"
    assert payload(OPENED, [INCIDENT], "slack") == {
        "text": ":rotating_light: *Bay 3 faulted*\nGroundFailure (ground fault)"
    }
    teams = payload(OPENED, [INCIDENT], "teams")
    assert teams["@type"] == "MessageCard" and teams["title"] == "Bay 3 faulted"
    assert teams["themeColor"] == "C0392B"


def test_silenced_alerts_reach_json_receivers_only() -> None:
    quiet = Alert("opened", (7,), "t", "b", "critical", "uuid-1", silent=True,
                  suppressed_by="Muted")  # fmt: skip
    assert wanted(quiet, "json") and not wanted(quiet, "slack") and not wanted(quiet, "teams")
    assert payload(quiet, [], "json")["suppressed_by"] == "Muted"
