"""The Events pane as CSV: incidents and charger actions (the audit trail) in one file.

Times in ISO 8601 with offset (UTC), text guarded against spreadsheet formulas, charger-
sent text without control characters. Written atomically: a failed write leaves no file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from plugdesk.domain.actions import sanitize
from plugdesk.domain.atomic import atomic_write
from plugdesk.domain.export import guard_formula
from plugdesk.domain.store import ActionEntry, Incident

HEADER = (
    "kind", "charger", "identity", "uuid", "code_or_action", "info", "opened_or_sent",
    "closed_or_finished", "user", "parameters", "reply", "outcome",
)  # fmt: skip


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    return guard_formula(sanitize(value))


def events_csv(
    events: Sequence[Incident], actions: Mapping[int, ActionEntry], kind_labels: Mapping[str, str]
) -> str:
    """`actions` maps an action event's id to its audit row (the parameters, reply, user)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for event in events:
        entry = actions.get(event.id)
        row = [
            kind_labels.get(event.kind, event.kind),
            event.charger_name,
            event.charger_identity,
            event.charger_uuid,
            event.error_code,
            event.error_info,
            event.opened_at,
            event.closed_at,
            entry.user_name if entry else None,
            entry.params if entry else None,
            entry.reply_text if entry else None,
            entry.outcome if entry else None,
        ]
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def write_events_csv(path: Path, text: str) -> None:
    atomic_write(path, text.encode("utf-8-sig"))  # the BOM makes Excel read UTF-8
