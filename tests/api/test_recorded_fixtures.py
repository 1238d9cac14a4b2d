"""Every recorded example answer from the public docs decodes with the model the manifest
names, and the decoded values are the ones the example shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plugdesk.api import decode
from plugdesk.api.charger_models import ActionResult
from plugdesk.api.fleet_models import Site, Team, TeamCharger, TeamChargerFilterOptions
from plugdesk.api.models import Charger, PowerUsage, Transaction

RECORDED = Path(__file__).parents[1] / "fixtures" / "recorded"
MANIFEST = json.loads((RECORDED / "manifest.json").read_text())["entries"]
RECORDED_FILES = [entry for entry in MANIFEST if entry["file"]]

PAGE_MODELS: dict[str, Any] = {
    "Page[TeamCharger]": TeamCharger,
    "Page[Site]": Site,
    "Page[Transaction]": Transaction,
    "Page[Team]": Team,
}
OBJECT_MODELS: dict[str, Any] = {
    "Charger": Charger,
    "ActionResult": ActionResult,
    "PowerUsage": PowerUsage,
}


def decoded(entry: dict[str, Any], body: bytes | None = None) -> Any:
    """The entry's recorded example (or `body` in its place) through the manifest's model."""
    if body is None:
        body = (RECORDED / entry["file"]).read_bytes()
    model = entry["model"]
    if model in PAGE_MODELS:
        return decode.decode_page(body, PAGE_MODELS[model])
    return decode.decode_object(body, OBJECT_MODELS[model])


def test_every_file_is_in_the_manifest_and_every_entry_has_a_source_or_a_note() -> None:
    on_disk = {p.name for p in RECORDED.glob("*.json")} - {"manifest.json"}
    assert on_disk == {entry["file"] for entry in RECORDED_FILES}
    for entry in MANIFEST:
        assert entry["endpoint"]
        assert entry["source"] or entry.get("note"), entry


@pytest.mark.parametrize("entry", RECORDED_FILES, ids=lambda e: e["file"])
def test_recorded_example_decodes(entry: dict[str, Any]) -> None:
    result = decoded(entry)
    if isinstance(result, decode.Page):
        assert result.data, entry["file"]


def test_recorded_values_survive_decoding() -> None:
    by_file = {entry["file"]: decoded(entry) for entry in RECORDED_FILES}
    team_charger = by_file["team_chargers.json"].data[0]
    assert team_charger.site.name == "Main Office"
    assert [c.status for c in team_charger.connector_list] == ["Available"]
    assert team_charger.internal_model.sku == "TAC-W22"
    assert by_file["team_chargers.json"].next_url.endswith("chargers?page=2")
    options = decode.filter_options_as(by_file["team_chargers.json"], TeamChargerFilterOptions)
    assert options.vendors == ["ABB", "Alfen", "Wallbox"]
    assert options.license_types == ["basic", "smart", "pro"] and "Faulted" in options.statuses
    site = by_file["team_sites.json"].data[0]
    assert (site.house_number, site.smart_charging, site.id) == (123, "disabled", None)
    rows = by_file["site_transactions.json"].data
    assert [r.total_kwh for r in rows] == [9.12, 9.15]
    assert [t.key for t in by_file["teams.json"].data] == [
        "445bd3f6-8f2c-38cb-aa04-2f4e1edb32bb",
        "013e1265-7fdf-327c-9ed4-fc05e74df42b",
    ]
    assert len(by_file["site_teams.json"].data) == 2
    charger = by_file["charger_update.json"]
    assert charger.connection_status == "never_seen" and charger.reference is None
    assert by_file["charge_limit.json"].unknown
    usage = by_file["power_usage.json"]
    assert usage.kw == 0.0 and usage.l2 is None and usage.timestamp.microsecond == 628000
