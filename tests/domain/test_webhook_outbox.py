"""The webhook outbox in the store: queued once per (webhook, alert), delivered once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from plugdesk.domain.store import Store

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def test_an_alert_queued_twice_is_one_row_and_survives_a_reopen(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    with Store(db) as store:
        rows = [("hook-a", "opened:1", b'{"id": 1}'), ("hook-b", "opened:1", b'{"id": 1}')]
        assert store.enqueue_webhooks(rows, NOW) == 2
        assert store.enqueue_webhooks(rows[:1], NOW) == 0  # offered again after a restart
    with Store(db) as store:
        pending = store.pending_webhooks("hook-a")
        assert [(p.alert_key, p.body, p.attempts) for p in pending] == [
            ("opened:1", b'{"id": 1}', 0)
        ]
        store.webhook_failed(pending[0].id, "the receiver answered HTTP 500")
        assert store.pending_webhooks("hook-a")[0].attempts == 1
        store.webhook_delivered(pending[0].id, NOW)
        assert store.pending_webhooks("hook-a") == []
        assert store.webhook_counts() == {"delivered": 1, "pending": 1}


def test_delivered_posts_are_pruned_after_a_while_pending_ones_never(tmp_path: Path) -> None:
    from datetime import timedelta

    with Store(tmp_path / "history.sqlite3") as store:
        store.enqueue_webhooks([("h", "opened:1", b"{}"), ("h", "opened:2", b"{}")], NOW)
        first = store.pending_webhooks("h")[0]
        store.webhook_delivered(first.id, NOW)
        assert store.prune_webhooks_before(NOW - timedelta(days=1)) == 0
        assert store.prune_webhooks_before(NOW + timedelta(days=1)) == 1
        assert store.webhook_counts() == {"delivered": 0, "pending": 1}
